import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aggregates, EventStreams, FoldedStateCache } from '@dossiers/application';
import { SqliteEventStore } from '@dossiers/event-store';

/** An admin of firm-a at a fixed instant (libs/application's test context). */
export { testCommandContext } from '../../../../../libs/application/src/testing/test-command-context';

/** The command side's stores for a spec: an SQLite event store in a temporary directory, as the app builds them. */
export interface EmbeddedStreams {
  dir: string;
  store: SqliteEventStore;
  streams: EventStreams;
  aggregates: Aggregates;
  close(): Promise<void>;
}

export function openEmbeddedStreams(): EmbeddedStreams {
  const dir = mkdtempSync(join(tmpdir(), 'command-side-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const streams = new EventStreams(store, new FoldedStateCache({ freezeStates: true }));
  return {
    dir,
    store,
    streams,
    aggregates: new Aggregates(streams),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
