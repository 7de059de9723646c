import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { COLLABORATORS_COLLECTION, type CollaboratorDoc } from '@dossiers/read-models';
import { toCollaboratorItem } from '../collaborator-item';
import { GetCollaboratorQuery, type CollaboratorDetail } from './get-collaborator.query';

@QueryHandler(GetCollaboratorQuery)
export class GetCollaboratorHandler implements IQueryHandler<GetCollaboratorQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, collaboratorId }: GetCollaboratorQuery): Promise<CollaboratorDetail> {
    const doc = await this.readStore
      .collection<CollaboratorDoc>(COLLABORATORS_COLLECTION)
      .findById(collaboratorId);
    if (!doc || doc.tenant !== principal.tenant) throw new NotFoundError('collaborator', collaboratorId);
    return { ...toCollaboratorItem(doc), revision: doc.revision };
  }
}
