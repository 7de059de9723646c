import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess, rightIn } from '../../access/client-access';
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
      // A folder the caller only passes through (none for them, a visible folder below) is named, but
      // nobody's rights on it are shown: "who can see it" is as hidden as the folder's content.
      folders: folders.map((f) => ({
        ...folderItem(f),
        rights:
          rightIn(f, view) === 'none'
            ? {}
            : Object.fromEntries(
                principals.map((p) => {
                  const slot = slots.get(p.id)!;
                  return [p.id, { explicit: explicitAt(f, slot), effective: accessAt(f.effective, slot) }];
                }),
              ),
      })),
    };
  }
}
