import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CLIENT_FILES_COLLECTION, type ClientFileDoc } from '@dossiers/read-models';
import { ClientAccess } from '../../access/client-access';
import { fileItem, type FileItemView } from '../file-item';
import { ListFilesQuery } from './list-files.query';

@QueryHandler(ListFilesQuery)
export class ListFilesHandler implements IQueryHandler<ListFilesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({
    principal,
    clientId,
    folderId,
  }: ListFilesQuery): Promise<{ items: FileItemView[]; total: number }> {
    await this.access.folder(await this.access.view(principal, clientId), folderId);
    const files = await this.readStore.collection<ClientFileDoc>(CLIENT_FILES_COLLECTION).find(
      { clientId, folderId },
      {
        sort: [
          ['nameSort', 1],
          ['fileId', 1],
        ],
      },
    );
    return { items: files.map(fileItem), total: files.length };
  }
}
