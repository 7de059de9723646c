import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { FileItemView } from '../file-item';

/** GET /clients/:id/files/:fileId: one file's details and versions. */
export class GetFileQuery extends Query<FileItemView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly fileId: string,
  ) {
    super();
  }
}
