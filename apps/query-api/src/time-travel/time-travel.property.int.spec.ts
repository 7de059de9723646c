import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DomainError, normalizeText } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import type { Principal } from '@dossiers/platform';
import {
  HISTORY_SNAPSHOTS_COLLECTION,
  HistorySnapshotter,
  ProjectionEngine,
  TIME_TRAVEL_PROJECTIONS,
} from '@dossiers/read-models';
import { SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { clientId, play, principalIds, step } from '../../../../libs/read-models/src/testing/rights-steps';
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
import { TimeTravelHandler } from './time-travel.handler';
import { TimeTravelQuery, type ClientQuery, type HistoryPoint } from './time-travel.query';

/**
 * For random trees and rights (the rights' property-test generator), the time travel to a point
 * answers exactly what the live handlers answer over the read models the projector built up to
 * that point: the folder tree, every folder's access and every principal's "eye", and the sheet.
 */
const auditor: Principal = { sub: 'auditor-1', tenant: 't', role: 'auditor' };

/** What a query answers, or the code of the error it throws (a 404 for a principal who left). */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { answer: await run() };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.code };
    throw error;
  }
}

/** Every question the time-travel routes answer about the client, for the folders the live tree has. */
async function questions(live: ReadStore): Promise<ClientQuery<unknown>[]> {
  const access = new ClientAccess(live);
  const tree = await outcome(() =>
    new GetFolderTreeHandler(live, access).execute(new GetFolderTreeQuery(auditor, clientId)),
  );
  const folderIds =
    'answer' in (tree as object)
      ? (tree as { answer: { items: { id: string }[] } }).answer.items.map((f) => f.id)
      : [];
  return [
    new GetClientQuery(auditor, clientId),
    new GetFolderTreeQuery(auditor, clientId),
    ...folderIds.map((folderId) => new GetFolderAccessQuery(auditor, clientId, folderId)),
    ...principalIds.map((principalId) => new GetVisibleFoldersQuery(auditor, clientId, principalId)),
  ];
}

function liveAnswer(live: ReadStore, query: ClientQuery<unknown>): Promise<unknown> {
  const access = new ClientAccess(live);
  const handler: IQueryHandler =
    query instanceof GetClientQuery
      ? new GetClientHandler(live, access)
      : query instanceof GetFolderTreeQuery
        ? new GetFolderTreeHandler(live, access)
        : query instanceof GetFolderAccessQuery
          ? new GetFolderAccessHandler(live, access)
          : new GetVisibleFoldersHandler(live, access);
  return outcome(() => handler.execute(query));
}

describe('time travel = the live read models, for random trees and rights', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'time-travel-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers as the live handlers do, at a revision in the middle and at an instant after the last event', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (steps, appends, cut) => {
          const { events } = play(steps);
          const eventStore = new SqliteEventStore({ filename: join(dir, `e${run}.db`) });
          const live = new SqliteReadStore({ filename: join(dir, `r${run++}.db`), normalizeText });
          try {
            // In a few appends, as commands would make them.
            const size = Math.ceil(events.length / appends);
            for (let i = 0; i < events.length; i += size)
              await eventStore.append(`client-${clientId}`, events.slice(i, i + size).map(newEvent), 'any');
            const stored = await eventStore.readAll();
            const engine = new ProjectionEngine(live, TIME_TRAVEL_PROJECTIONS);
            const travel = new TimeTravelHandler(live, new ClientFolds(eventStore, live));
            const expectSameAnswers = async (point: HistoryPoint) => {
              for (const query of await questions(live)) {
                const past = await outcome(() => travel.execute(new TimeTravelQuery(query, point)));
                expect([query.constructor.name, point, past]).toEqual([
                  query.constructor.name,
                  point,
                  await liveAnswer(live, query),
                ]);
              }
            };

            const middle = Math.floor(cut * (stored.length - 1));
            await engine.applyBatch(stored.slice(0, middle + 1));
            await expectSameAnswers({ asOfRevision: middle });
            await engine.applyBatch(stored.slice(middle + 1));
            await expectSameAnswers({ asOf: new Date().toISOString() });
            await expectSameAnswers({ asOfRevision: stored.length - 1 });
          } finally {
            await Promise.all([eventStore.close(), live.close()]);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("answers from the projector's history snapshots exactly as from the first event, on a long random history", async () => {
    const [steps] = fc.sample(fc.array(step, { minLength: 2500, maxLength: 2500 }), { numRuns: 1, seed: 11 });
    const { events } = play(steps);
    expect(events.length).toBeGreaterThan(1000);
    const eventStore = new SqliteEventStore({ filename: join(dir, 'long-e.db') });
    const live = new SqliteReadStore({ filename: join(dir, 'long-r.db'), normalizeText });
    const snapshots = new SqliteReadStore({ filename: join(dir, 'long-s.db'), normalizeText });
    try {
      for (let i = 0; i < events.length; i += 50)
        await eventStore.append(`client-${clientId}`, events.slice(i, i + 50).map(newEvent), 'any');
      const stored = await eventStore.readAll();
      await new ProjectionEngine(live, TIME_TRAVEL_PROJECTIONS).applyBatch(stored);
      await new HistorySnapshotter(eventStore, snapshots).handle(stored);
      expect(await snapshots.collection(HISTORY_SNAPSHOTS_COLLECTION).count({})).toBe(
        Math.floor(stored.length / 500),
      );
      const last = stored.length - 1;
      for (const asOfRevision of [499, 500, 998, 999, 1000, Math.floor(last / 2), last]) {
        const point = { asOfRevision };
        // Each from nothing in memory: the snapshot before the point, or the first event.
        const fromSnapshots = new TimeTravelHandler(live, new ClientFolds(eventStore, snapshots));
        const fromStart = new TimeTravelHandler(live, new ClientFolds(eventStore, live));
        for (const query of await questions(live)) {
          const answer = await outcome(() => fromSnapshots.execute(new TimeTravelQuery(query, point)));
          expect([query.constructor.name, point, answer]).toEqual([
            query.constructor.name,
            point,
            await outcome(() => fromStart.execute(new TimeTravelQuery(query, point))),
          ]);
        }
      }
    } finally {
      await Promise.all([eventStore.close(), live.close(), snapshots.close()]);
    }
  });
});

function newEvent({ id, type, schemaVersion, data, metadata }: RecordedEvent) {
  return { id, type, schemaVersion, data, metadata };
}
