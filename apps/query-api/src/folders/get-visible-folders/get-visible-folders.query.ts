import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { VisibleFoldersView } from '../folder-reads';

/** GET /clients/:id/permissions/:principalId/visible-folders: the "eye" of one principal. */
export class GetVisibleFoldersQuery extends Query<VisibleFoldersView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    /** whose "eye": the caller's own, or (not for contacts) anyone's of the client */
    readonly principalId: string,
  ) {
    super();
  }
}
