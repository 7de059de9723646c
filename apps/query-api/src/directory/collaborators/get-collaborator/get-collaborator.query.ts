import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { CollaboratorItem } from '../collaborator-item';

/** The collaborator, with the revision to send back in If-Match (the ETag). */
export type CollaboratorDetail = CollaboratorItem & { revision: number };

/** GET /collaborators/:id. */
export class GetCollaboratorQuery extends Query<CollaboratorDetail> {
  constructor(
    readonly principal: Principal,
    readonly collaboratorId: string,
  ) {
    super();
  }
}
