import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../../access/client-access';
import { folderDocs, knownTo, memberDocs, visibleTo, type VisibleFoldersView } from '../folder-reads';
import { GetVisibleFoldersQuery } from './get-visible-folders.query';

/** The "eye": what one principal sees (of what the caller knows), ancestors of deep folders path-only. */
@QueryHandler(GetVisibleFoldersQuery)
export class GetVisibleFoldersHandler implements IQueryHandler<GetVisibleFoldersQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId, principalId }: GetVisibleFoldersQuery): Promise<VisibleFoldersView> {
    const view = await this.access.view(principal, clientId);
    if (principalId !== principal.sub) this.access.assertMaySeeOthersRights(principal);
    const [folders, members] = await Promise.all([
      folderDocs(this.readStore, clientId),
      memberDocs(this.readStore, clientId),
    ]);
    const member = members.find((m) => m.principalId === principalId);
    if (!member) throw new NotFoundError('principal', principalId);
    return visibleTo(member, knownTo(view, folders));
  }
}
