import { Query } from '@nestjs/cqrs';
import type { Access } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

export interface ClientCollaboratorView {
  collaboratorId: string;
  /** null unless the directory knows the collaborator */
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  access: Access;
  assignedAt: string;
}

/** GET /clients/:id/collaborators: the sheet's collaborators tab, the assignments with names. */
export class ListClientCollaboratorsQuery extends Query<SheetTab<ClientCollaboratorView>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
