import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ClientAccess } from '../../access/client-access';
import { fileItem, type FileItemView } from '../file-item';
import { GetFileQuery } from './get-file.query';

@QueryHandler(GetFileQuery)
export class GetFileHandler implements IQueryHandler<GetFileQuery> {
  constructor(private readonly access: ClientAccess) {}

  async execute({ principal, clientId, fileId }: GetFileQuery): Promise<FileItemView> {
    return fileItem(await this.access.file(await this.access.view(principal, clientId), fileId));
  }
}
