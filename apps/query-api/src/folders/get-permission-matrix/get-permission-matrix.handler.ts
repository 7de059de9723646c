import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../../access/client-access';
import {
  accessAt,
  explicitAt,
  folderDocs,
  folderItem,
  knownTo,
  memberDocs,
  principalsOf,
} from '../folder-reads';
import { GetPermissionMatrixQuery, type PermissionMatrixView } from './get-permission-matrix.query';

/** The permissions matrix: every folder the caller knows × every principal of the client, explicit and effective. */
@QueryHandler(GetPermissionMatrixQuery)
export class GetPermissionMatrixHandler implements IQueryHandler<GetPermissionMatrixQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: GetPermissionMatrixQuery): Promise<PermissionMatrixView> {
    const view = await this.access.view(principal, clientId);
    this.access.assertMaySeeOthersRights(principal);
    const [all, members] = await Promise.all([
      folderDocs(this.readStore, clientId),
      memberDocs(this.readStore, clientId),
    ]);
    const folders = knownTo(view, all);
    const slots = new Map(members.map((m) => [m.principalId, m.slot]));
    const principals = await principalsOf(this.readStore, members);
    return {
      principals,
      folders: folders.map((f) => ({
        ...folderItem(f),
        rights: Object.fromEntries(
          principals.map((p) => {
            const slot = slots.get(p.id)!;
            return [p.id, { explicit: explicitAt(f, slot), effective: accessAt(f.effective, slot) }];
          }),
        ),
      })),
    };
  }
}
