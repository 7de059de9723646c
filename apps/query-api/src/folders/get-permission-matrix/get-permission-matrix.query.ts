import { Query } from '@nestjs/cqrs';
import type { Access } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { FolderItem, PrincipalView } from '../folder-reads';

export interface PermissionMatrixView {
  principals: PrincipalView[];
  /** by principal id: the right set on the folder (null: inherited) and the effective one */
  folders: (FolderItem & { rights: Record<string, { explicit: Access | null; effective: Access }> })[];
}

/** GET /clients/:id/permissions: every folder the caller knows × every principal of the client. */
export class GetPermissionMatrixQuery extends Query<PermissionMatrixView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
