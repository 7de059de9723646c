import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { COLLABORATORS_COLLECTION, type CollaboratorDoc } from '@dossiers/read-models';
import { directoryPage, type ListDirectoryQuery } from '../list-directory.query';

export interface CollaboratorItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}

/** Reads of the firm's collaborators, from the read model only, always scoped to the caller's tenant. */
@Injectable()
export class CollaboratorQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  private get collaborators() {
    return this.readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION);
  }

  async list(
    tenant: string,
    query: ListDirectoryQuery,
  ): Promise<{ items: CollaboratorItem[]; total: number }> {
    const { docs, total } = await directoryPage(this.collaborators, tenant, query);
    return { items: docs.map(toCollaboratorItem), total };
  }

  async get(tenant: string, collaboratorId: string): Promise<CollaboratorItem & { revision: number }> {
    const doc = await this.collaborators.findById(collaboratorId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('collaborator', collaboratorId);
    return { ...toCollaboratorItem(doc), revision: doc.revision };
  }
}

function toCollaboratorItem(doc: CollaboratorDoc): CollaboratorItem {
  const { _id: id, firstName, lastName, email, createdAt, updatedAt } = doc;
  return { id, firstName, lastName, email, createdAt, updatedAt };
}
