import { normalizeText } from '@dossiers/domain';
import { ALL_PROJECTIONS, CLIENTS_COLLECTION, rebuildProjections } from '@dossiers/read-models';
import type { EventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { log, nowMs, TENANT } from './util';

export interface RebuildFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  clients: number;
}

/** Times the real rebuild (the one `npm run rebuild` runs) into a fresh read store, which it returns open. */
export async function benchRebuild(
  eventStore: EventStore,
  readStoreFile: string,
): Promise<{ figures: RebuildFigures; readStore: SqliteReadStore }> {
  const readStore = new SqliteReadStore({ filename: readStoreFile, normalizeText });
  const start = nowMs();
  const { events } = await rebuildProjections(eventStore, readStore, ALL_PROJECTIONS);
  const seconds = (nowMs() - start) / 1000;
  const clients = await readStore.collection(CLIENTS_COLLECTION).count({ tenant: TENANT });
  log(`rebuild: ${events} events in ${seconds.toFixed(2)} s = ${(events / seconds).toFixed(0)} events/s`);
  return { figures: { events, seconds, eventsPerSecond: events / seconds, clients }, readStore };
}
