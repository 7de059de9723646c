import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { DirectoryParams } from '../../directory-page';
import type { CollaboratorItem } from '../collaborator-item';

/** GET /collaborators: one page of the firm's collaborators, by last name then first name. */
export class ListCollaboratorsQuery extends Query<{ items: CollaboratorItem[]; total: number }> {
  constructor(
    readonly principal: Principal,
    readonly params: DirectoryParams,
  ) {
    super();
  }
}
