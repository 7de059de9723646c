import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { FileItemView } from '../file-item';

/** GET /clients/:id/folders/:folderId/files: the files of one folder, by name (needs read access on it). */
export class ListFilesQuery extends Query<{ items: FileItemView[]; total: number }> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly folderId: string,
  ) {
    super();
  }
}
