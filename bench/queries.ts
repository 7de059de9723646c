import type { ReadStore } from '@dossiers/read-store';
import type { Principal } from '@dossiers/platform';
import { ClientAccess } from '../apps/query-api/src/access/client-access';
import { ListClientsDto } from '../apps/query-api/src/clients/list-clients/list-clients.dto';
import { ListClientsHandler } from '../apps/query-api/src/clients/list-clients/list-clients.handler';
import { ListClientsQuery } from '../apps/query-api/src/clients/list-clients/list-clients.query';
import { log, nowMs, percentile, TENANT } from './util';

const ADMIN: Principal = { tenant: TENANT, sub: 'bench', role: 'admin' };

export interface QueryFigure {
  label: string;
  search?: string;
  page: number;
  /** matching clients (the list's total) */
  total: number;
  p50: number;
  p99: number;
  max: number;
  runs: number;
}

/** The query as the controller sends it: a validated ListClientsDto, with its defaults. */
function listQuery(fields: Partial<ListClientsDto>): ListClientsQuery {
  return new ListClientsQuery(ADMIN, Object.assign(new ListClientsDto(), fields));
}

/** Latencies of the real list query (find + count + group names), one call at a time. */
async function measure(
  handler: ListClientsHandler,
  label: string,
  query: ListClientsQuery,
  runs: number,
  warmUp: number,
): Promise<QueryFigure> {
  let total = 0;
  for (let i = 0; i < warmUp; i++) total = (await handler.execute(query)).total;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    const result = await handler.execute(query);
    times.push(nowMs() - start);
    if (result.items.length === 0 && total > 0) throw new Error(`${label}: empty page`);
  }
  times.sort((a, b) => a - b);
  const figure = {
    label,
    search: query.params.search,
    page: query.params.page,
    total,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1],
    runs,
  };
  log(`query ${label}: p50 ${figure.p50.toFixed(2)} ms, p99 ${figure.p99.toFixed(2)} ms (${total} matching)`);
  return figure;
}

export async function benchQueries(
  readStore: ReadStore,
  searches: { common: string; rare: string },
  runs = 200,
  warmUp = 20,
): Promise<{ firstPage: QueryFigure; common: QueryFigure; rare: QueryFigure; lastPage: QueryFigure }> {
  const handler = new ListClientsHandler(readStore, new ClientAccess(readStore));
  const firstPage = await measure(
    handler,
    'first page by name',
    listQuery({ sort: 'name', page: 1, pageSize: 50 }),
    runs,
    warmUp,
  );
  const common = await measure(
    handler,
    `search "${searches.common}"`,
    listQuery({ sort: 'name', page: 1, pageSize: 50, search: searches.common }),
    runs,
    warmUp,
  );
  const rare = await measure(
    handler,
    `search "${searches.rare}"`,
    listQuery({ sort: 'name', page: 1, pageSize: 50, search: searches.rare }),
    runs,
    warmUp,
  );
  // For the record, no target: OFFSET paging walks every row before the page.
  const lastPageNumber = Math.ceil(firstPage.total / 50);
  const lastPage = await measure(
    handler,
    `page ${lastPageNumber} (the last) by name`,
    listQuery({ sort: 'name', page: lastPageNumber, pageSize: 50 }),
    Math.min(runs, 50),
    5,
  );
  return { firstPage, common, rare, lastPage };
}
