import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ForbiddenError, isFirmWide, normalizeText } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../access/client-access';
import { GetClientHandler } from '../clients/get-client/get-client.handler';
import { GetClientQuery } from '../clients/get-client/get-client.query';
import { GetFolderAccessHandler } from '../folders/get-folder-access/get-folder-access.handler';
import { GetFolderAccessQuery } from '../folders/get-folder-access/get-folder-access.query';
import { GetFolderTreeHandler } from '../folders/get-folder-tree/get-folder-tree.handler';
import { GetFolderTreeQuery } from '../folders/get-folder-tree/get-folder-tree.query';
import { GetVisibleFoldersHandler } from '../folders/get-visible-folders/get-visible-folders.handler';
import { GetVisibleFoldersQuery } from '../folders/get-visible-folders/get-visible-folders.query';
import { ClientFolds } from './client-folds';
import { HistoricalReadStore } from './historical-read-store';
import { TimeTravelQuery } from './time-travel.query';

type LiveHandler = new (readStore: ReadStore, access: ClientAccess) => IQueryHandler;

/** The live queries that can be asked as of a point, each with the handler that answers it live. */
const LIVE_HANDLERS = new Map<unknown, LiveHandler>([
  [GetClientQuery, GetClientHandler],
  [GetFolderTreeQuery, GetFolderTreeHandler],
  [GetFolderAccessQuery, GetFolderAccessHandler],
  [GetVisibleFoldersQuery, GetVisibleFoldersHandler],
]);

/**
 * An answer as it was: the live handler itself, run over a read store in which the client's read
 * models are the ones folded from its stream up to the point (the directory's names and the
 * groups stay live). Equal to the live answer by construction, and for any point after the last
 * event equal to it outright. The whole client's history is the firm's business: admins,
 * auditors and services only.
 */
@QueryHandler(TimeTravelQuery)
export class TimeTravelHandler implements IQueryHandler<TimeTravelQuery<unknown>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly folds: ClientFolds,
  ) {}

  async execute({ live, point }: TimeTravelQuery<unknown>): Promise<unknown> {
    if (!isFirmWide(live.principal.role))
      throw new ForbiddenError(
        'TIME_TRAVEL_FORBIDDEN',
        'Only admins, auditors and services can see a client as it was (asOf, asOfRevision)',
      );
    const Handler = LIVE_HANDLERS.get(live.constructor);
    if (!Handler) throw new Error(`${live.constructor.name} cannot be asked as of a point`);
    const { collections } = await this.folds.at(live.clientId, point);
    const past = new HistoricalReadStore(this.readStore, collections, normalizeText);
    return new Handler(past, new ClientAccess(past)).execute(live);
  }
}
