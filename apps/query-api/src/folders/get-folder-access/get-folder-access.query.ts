import { Query } from '@nestjs/cqrs';
import type { Access } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { ClientMemberDoc } from '@dossiers/read-models';
import type { FolderItem } from '../folder-reads';

/**
 * Where a right comes from: set on the folder, inherited from an ancestor, a collaborator's
 * client access, or a contact's default.
 */
export type RightSource =
  | { kind: 'explicit' }
  | { kind: 'inherited'; fromFolderId: string; fromPath: string }
  | { kind: 'client' }
  | { kind: 'default' };

export interface FolderAccessView {
  folder: FolderItem;
  /** everyone whose right is not none */
  items: {
    principalId: string;
    kind: ClientMemberDoc['kind'];
    name: string | null;
    right: Access;
    source: RightSource;
  }[];
}

/** GET /clients/:id/folders/:folderId/access: everyone who can see the folder, and why. */
export class GetFolderAccessQuery extends Query<FolderAccessView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly folderId: string,
  ) {
    super();
  }
}
