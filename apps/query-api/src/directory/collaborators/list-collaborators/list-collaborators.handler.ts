import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { COLLABORATORS_COLLECTION, type CollaboratorDoc } from '@dossiers/read-models';
import { directoryPage } from '../../directory-page';
import { toCollaboratorItem, type CollaboratorItem } from '../collaborator-item';
import { ListCollaboratorsQuery } from './list-collaborators.query';

@QueryHandler(ListCollaboratorsQuery)
export class ListCollaboratorsHandler implements IQueryHandler<ListCollaboratorsQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({
    principal,
    params,
  }: ListCollaboratorsQuery): Promise<{ items: CollaboratorItem[]; total: number }> {
    const collaborators = this.readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION);
    const { docs, total } = await directoryPage(collaborators, principal.tenant, params);
    return { items: docs.map(toCollaboratorItem), total };
  }
}
