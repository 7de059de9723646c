import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import {
  actorNamesProjection,
  clientActivityProjection,
  clientListProjection,
  ProjectionEngine,
} from '@dossiers/read-models';
import { SqliteReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../apps/query-api/src/access/client-access';
import type { ActivityParams } from '../apps/query-api/src/activities/activity-filters';
import { ListActivitiesHandler } from '../apps/query-api/src/activities/list-activities/list-activities.handler';
import { ListActivitiesQuery } from '../apps/query-api/src/activities/list-activities/list-activities.query';
import { ListClientActivitiesHandler } from '../apps/query-api/src/activities/list-client-activities/list-client-activities.handler';
import { ListClientActivitiesQuery } from '../apps/query-api/src/activities/list-client-activities/list-client-activities.query';
import type { Row } from './report';
import { fmt, fmtInt, log, nowMs, percentile, TENANT } from './util';

/**
 * (g) The activity log's queries: a client's log at its cap (1000 entries) and the firm-wide log
 * of a firm with 1,000,000 activities, through the real query handlers over the embedded read
 * store. The log is made by the real projection, from synthetic events (a tree template, then
 * uploads and downloads), so its documents and indexes are the ones a projector writes.
 */
const CLIENTS = 1_000;
const EVENTS_PER_CLIENT = 1_000;
const FOLDERS = ['Comptabilité', 'Social', 'Fiscal', 'Juridique'];
const FORMATS = ['pdf', 'xlsx', 'docx', 'csv', 'png'];
const auditor: Principal = { sub: 'bench-auditor', tenant: TENANT, role: 'auditor' };

export interface ActivityQueryFigure {
  label: string;
  p50: number;
  p99: number;
  runs: number;
  items: number;
}

export interface ActivityFigures {
  activities: number;
  seedSeconds: number;
  client: ActivityQueryFigure[];
  firm: ActivityQueryFigure[];
}

/** A client's events: created, a small tree, then files uploaded into it and downloaded. */
function* clientEvents(c: number, next: () => { position: number; at: string }): Generator<RecordedEvent> {
  const clientId = `00000000-0000-4000-8000-${String(c).padStart(12, '0')}`;
  const streamId = `client-${clientId}`;
  let revision = 0;
  const event = (type: string, data: object, stream = streamId): RecordedEvent => {
    const { position, at } = next();
    return {
      id: `${clientId}-${position}`,
      type,
      schemaVersion: 1,
      data: { clientId, ...data } as RecordedEvent['data'],
      metadata: {
        tenant: TENANT,
        actor: `collaborator-${c % 20}`,
        actorRole: 'collaborator',
        correlationId: 'bench',
        causationId: null,
        occurredAt: at,
      },
      streamId: stream,
      revision: revision++,
      position,
      recordedAt: at,
    };
  };
  yield event('ClientCreated', { name: `Client ${c}`, groupId: null, attributes: {} });
  const folders = FOLDERS.map((name, i) => ({
    folderId: `${clientId.slice(0, -2)}f${i}`,
    parentId: null,
    name,
    contactDefault: null,
  }));
  yield event('TreeTemplateApplied', { templateId: 't', templateName: 'Standard', folders });
  for (let i = 2; i < EVENTS_PER_CLIENT; i++) {
    const file = Math.floor(i / 2);
    const fileId = `${clientId}-file-${file}`;
    if (i % 2 === 0) {
      const format = FORMATS[file % FORMATS.length];
      yield event('FileUploaded', {
        fileId,
        folderId: folders[file % folders.length].folderId,
        name: `Pièce ${file} élève.${format}`,
        format,
        version: 1,
        blobId: fileId,
        size: 1000,
        sha256: '0'.repeat(64),
        contentType: 'application/octet-stream',
      });
    } else yield event('FileDownloaded', { fileId, version: 1, range: null }, `client-downloads-${clientId}`);
  }
}

async function measure(label: string, run: () => Promise<{ items: unknown[] }>, runs: number) {
  let items = 0;
  for (let i = 0; i < 10; i++) items = (await run()).items.length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    await run();
    times.push(nowMs() - start);
  }
  times.sort((a, b) => a - b);
  const figure = { label, p50: percentile(times, 50), p99: percentile(times, 99), runs, items };
  log(
    `activities ${label}: p50 ${figure.p50.toFixed(2)} ms, p99 ${figure.p99.toFixed(2)} ms (${items} items)`,
  );
  return figure;
}

export async function benchActivities(dir: string, runs = 200): Promise<ActivityFigures> {
  const readStore = new SqliteReadStore({ filename: join(dir, 'activities.db'), normalizeText });
  try {
    const engine = new ProjectionEngine(readStore, [
      clientListProjection,
      clientActivityProjection,
      actorNamesProjection,
    ]);
    await engine.ensureIndexes();
    let position = 0;
    const start = Date.UTC(2025, 0, 1);
    const next = () => ({ position: ++position, at: new Date(start + position * 1000).toISOString() });
    const seedStart = nowMs();
    // Clients interleaved ten at a time, as a firm's work is: batches of the projector's size.
    for (let c = 0; c < CLIENTS; c += 10) {
      const streams = Array.from({ length: 10 }, (_, k) => clientEvents(c + k, next));
      let batch: RecordedEvent[] = [];
      for (let done = 0; done < 10;) {
        done = 0;
        for (const stream of streams) {
          const step = stream.next();
          if (step.done) done++;
          else batch.push(step.value);
        }
        if (batch.length >= 5000 || done === 10) {
          batch.sort((a, b) => a.position - b.position);
          await engine.applyBatch(batch);
          batch = [];
        }
      }
    }
    const seedSeconds = (nowMs() - seedStart) / 1000;
    log(`activities: projected ${position} events in ${seedSeconds.toFixed(1)} s`);

    const clientId = `00000000-0000-4000-8000-${String(CLIENTS / 2).padStart(12, '0')}`;
    const clientHandler = new ListClientActivitiesHandler(readStore, new ClientAccess(readStore));
    const firmHandler = new ListActivitiesHandler(readStore);
    const onClient = (params: ActivityParams) => () =>
      clientHandler.execute(new ListClientActivitiesQuery(auditor, clientId, { limit: 50, ...params }));
    const onFirm = (params: ActivityParams) => () =>
      firmHandler.execute(new ListActivitiesQuery(auditor, { limit: 50, ...params }));
    const client = [
      await measure('client at its cap: first page', onClient({}), runs),
      await measure(
        'client: search "eleve" + format pdf',
        onClient({ search: 'eleve', format: 'pdf' }),
        runs,
      ),
      await measure('client: type file.downloaded', onClient({ type: 'file.downloaded' }), runs),
    ];
    const firm = [
      await measure('firm: first page, type file.uploaded', onFirm({ type: 'file.uploaded' }), runs),
      await measure('firm: first page, one client', onFirm({ clientId }), runs),
      await measure('firm: first page, one actor', onFirm({ actorId: 'collaborator-3' }), runs),
      await measure('firm: first page, no filter', onFirm({}), runs),
      await measure('firm: search "pièce 4" (scans)', onFirm({ search: 'pièce 4' }), Math.min(runs, 50)),
    ];
    return { activities: position, seedSeconds, client, firm };
  } finally {
    await readStore.close();
  }
}

/** Queries served by an index have a target; the file-name search scans the log (a reference). */
const ACTIVITY_TARGET_MS = 20;

export function activityRows(f: ActivityFigures): Row[] {
  const row = (scope: string, q: ActivityQueryFigure): Row => {
    const scans = q.label.includes('(scans)');
    return {
      what: `(g) ${scope}: ${q.label} (p50 / p99 of ${q.runs})`,
      result: `${fmt(q.p50, 1)} ms / ${fmt(q.p99, 1)} ms`,
      target: scans ? 'reference' : `p99 ≤ ${ACTIVITY_TARGET_MS} ms`,
      pass: scans ? undefined : q.p99 <= ACTIVITY_TARGET_MS,
    };
  };
  return [
    {
      what: `(g) activity projection alone, ${fmtInt(f.activities)} events of ${fmtInt(CLIENTS)} clients (seeding the log)`,
      result: `${fmtInt(f.activities / f.seedSeconds)} events/s (${fmt(f.seedSeconds, 1)} s)`,
      target: 'reference',
    },
    ...f.client.map((q) => row(`GET /clients/:id/activities, a client at its ${fmtInt(1000)}-entry cap`, q)),
    ...f.firm.map((q) => row(`GET /activities, a firm of ${fmtInt(f.activities)} activities`, q)),
  ];
}
