import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { COLLABORATORS_COLLECTION, type CollaboratorDoc } from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import { visibleSheet, type SheetTab } from '../visible-sheet';
import { ListClientCollaboratorsQuery, type ClientCollaboratorView } from './list-client-collaborators.query';

@QueryHandler(ListClientCollaboratorsQuery)
export class ListClientCollaboratorsHandler implements IQueryHandler<ListClientCollaboratorsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({
    principal,
    clientId,
  }: ListClientCollaboratorsQuery): Promise<SheetTab<ClientCollaboratorView>> {
    const sheet = await visibleSheet(this.readStore, this.access, principal, clientId);
    const ids = sheet.collaborators.map((c) => c.collaboratorId);
    const found = await this.readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION).findByIds(ids);
    const byId = new Map(found.map((c) => [c._id, c]));
    const items = sheet.collaborators.map((link) => {
      const collaborator = byId.get(link.collaboratorId);
      return {
        collaboratorId: link.collaboratorId,
        firstName: collaborator?.firstName ?? null,
        lastName: collaborator?.lastName ?? null,
        email: collaborator?.email ?? null,
        access: link.access,
        assignedAt: link.assignedAt,
      };
    });
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }
}
