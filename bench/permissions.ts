import { fork } from 'node:child_process';
import { join } from 'node:path';
import { effectiveRight, normalizeText, NotFoundError, type Member } from '@dossiers/domain';
import type { FolderRight, RecordedEvent } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import { clientPermissionsProjection, ProjectionEngine } from '@dossiers/read-models';
import { SqliteReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../apps/query-api/src/access/client-access';
import { ADMIN, EventLog, seedClient, treeTemplate, type SeededClient } from './permissions-seed';
import { random } from './seed';
import { log, median, nowMs, percentile, TENANT } from './util';

const TREE_FOLDERS = 5000;
const TREE_LEVELS = 10;
const CONTACTS = 25;
const COLLABORATORS = 25;
const EXPLICIT_RIGHTS = 500;
/** Small clients around the big one, so the collections are not the big client's alone. */
const OTHER_CLIENTS = 200;
const OTHER_TREE_FOLDERS = 40;
const CASCADE_RUNS = 10;
const SET_ONE_RUNS = 20;
const LOOKUPS = 10_000;
const LOOKUP_WARM_UP = 1_000;
/** Events per applyBatch while seeding (the projector's batches are of this order). */
const SEED_BATCH = 500;

type Outcome = 'full' | 'read' | 'folder 404' | 'client 404';

export interface PermissionsFigures {
  folders: number;
  /** folders per level, the root's first */
  levels: number[];
  contacts: number;
  collaborators: number;
  explicitRights: number;
  otherClients: number;
  otherFolders: number;
  seedSeconds: number;
  cascade: {
    /** folders the cascade's event lists (every folder below the root) */
    changed: number;
    principals: number;
    runs: number;
    p50: number;
    max: number;
    /** the decider's CascadePermissions alone (command side), median, for reference */
    decideP50: number;
  };
  /** one SetFolderPermission on a deepest folder, projected: a small change on a big client */
  setOne: { depth: number; runs: number; p50: number; max: number };
  lookup: {
    runs: number;
    warmUp: number;
    p50: number;
    p99: number;
    max: number;
    outcomes: Record<Outcome, number>;
  };
}

/**
 * Folder permissions on the embedded read store: one client with a 5,000-folder tree and 50
 * principals (plus small clients around it), projected by the real ProjectionEngine with the
 * permissions projection; (e1) the time to project one CascadePermissions over the whole tree,
 * (e2) effective-right lookups as the query side makes them (ClientAccess.view + folder).
 * Measured in a child process, on a fresh heap as the projector's own process would be: in the
 * bench's process the garbage the earlier sections leave made a major GC land in the timings.
 */
export function benchPermissions(dir: string): Promise<PermissionsFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'permissions.child.ts'), [dir], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: PermissionsFigures | undefined;
    child.on('message', (message) => (figures = message as PermissionsFigures));
    child.on('error', reject);
    child.on('exit', (code) =>
      figures && code === 0 ? resolve(figures) : reject(new Error(`permissions child exited with ${code}`)),
    );
  });
}

/** The measurement itself, in this process (bench/permissions.child.ts runs it). */
export async function measurePermissions(dir: string): Promise<PermissionsFigures> {
  const rnd = random(7);
  const seedStart = nowMs();
  const eventLog = new EventLog();
  const others: SeededClient[] = [];
  for (let i = 0; i < OTHER_CLIENTS; i++) {
    const tree = treeTemplate(OTHER_TREE_FOLDERS, 4, rnd).folders;
    const people = { contacts: 3, collaborators: 3 };
    others.push(seedClient(eventLog, `Petit client ${i + 1}`, people, tree, 10, rnd));
  }
  const shape = treeTemplate(TREE_FOLDERS, TREE_LEVELS, rnd);
  const people = { contacts: CONTACTS, collaborators: COLLABORATORS };
  const big = seedClient(eventLog, 'Grand client', people, shape.folders, EXPLICIT_RIGHTS, rnd);

  const readStore = new SqliteReadStore({ filename: join(dir, 'permissions.db'), normalizeText });
  try {
    const engine = new ProjectionEngine(readStore, [clientPermissionsProjection]);
    await engine.ensureIndexes();
    const events = [...others.flatMap((c) => c.events), ...big.events];
    for (let i = 0; i < events.length; i += SEED_BATCH)
      await engine.applyBatch(events.slice(i, i + SEED_BATCH));
    const seedSeconds = (nowMs() - seedStart) / 1000;
    log(
      `permissions: seeded ${events.length} events in ${seedSeconds.toFixed(1)} s: ${TREE_FOLDERS} folders ` +
        `(per level ${shape.levels.join('/')}), ${big.explicitRights} explicit rights, ${OTHER_CLIENTS} small clients`,
    );

    // Lookups first, on the rights as seeded: after the cascades every folder has the root's.
    log(`(e2) ${LOOKUPS} effective-right lookups`);
    const lookup = await timeLookups(readStore, big, LOOKUPS, LOOKUP_WARM_UP, rnd);
    log(
      `lookup: p50 ${lookup.p50.toFixed(3)} ms, p99 ${lookup.p99.toFixed(3)} ms, max ${lookup.max.toFixed(2)} ms ` +
        `(${Object.entries(lookup.outcomes)
          .map(([outcome, n]) => `${n} ${outcome}`)
          .join(', ')})`,
    );

    log(`(e3) SetFolderPermission on one deep folder, ${SET_ONE_RUNS} runs`);
    const setOne = await timeSetOne(engine, big);
    log(`set one projected: p50 ${setOne.p50.toFixed(2)} ms, max ${setOne.max.toFixed(2)} ms`);

    log(`(e1) CascadePermissions at the root over ${TREE_FOLDERS - 1} folders, ${CASCADE_RUNS} runs`);
    const cascade = await timeCascades(engine, big);
    log(`cascade projected: p50 ${cascade.p50.toFixed(1)} ms, max ${cascade.max.toFixed(1)} ms`);
    // The read model after the cascades still answers what the domain computes.
    await timeLookups(readStore, big, 500, 0, rnd);

    return {
      folders: TREE_FOLDERS,
      levels: shape.levels,
      contacts: CONTACTS,
      collaborators: COLLABORATORS,
      explicitRights: big.explicitRights,
      otherClients: OTHER_CLIENTS,
      otherFolders: OTHER_CLIENTS * OTHER_TREE_FOLDERS,
      seedSeconds,
      cascade,
      setOne,
      lookup,
    };
  } finally {
    await readStore.close();
  }
}

/**
 * Each run first sets the root's rights for every principal (untimed), alternating two sets that
 * differ for each principal, then decides CascadePermissions at the root: every folder below it
 * changes. Timed: `applyBatch` of that one event, until its transaction has committed.
 */
async function timeCascades(
  engine: ProjectionEngine,
  big: SeededClient,
): Promise<PermissionsFigures['cascade']> {
  const { clientId } = big.stream;
  const rootId = Object.values(big.stream.client.folders).find((f) => f.parentId === null)!.folderId;
  const principals = big.stream.principals;
  const rightSets: FolderRight[][] = [
    ['read', 'full', 'none'],
    ['full', 'none', 'read'],
  ];
  const warmUp = 1;
  const times: number[] = [];
  const decideTimes: number[] = [];
  let changed = 0;
  for (let run = 0; run < warmUp + CASCADE_RUNS; run++) {
    const rights = rightSets[run % 2];
    const atRoot = principals.flatMap((p, i) =>
      big.stream.decide({
        type: 'SetFolderPermission',
        clientId,
        folderId: rootId,
        principalId: p.id,
        right: rights[i % rights.length],
        actor: ADMIN,
      }),
    );
    await engine.applyBatch(atRoot);

    const decideStart = nowMs();
    const cascade = big.stream.decide({
      type: 'CascadePermissions',
      clientId,
      folderId: rootId,
      actor: ADMIN,
    });
    const decided = nowMs() - decideStart;
    changed = (cascade[0]?.data as { folderIds?: string[] } | undefined)?.folderIds?.length ?? 0;
    if (cascade.length !== 1 || changed !== TREE_FOLDERS - 1)
      throw new Error(`the cascade changed ${changed} folders, expected ${TREE_FOLDERS - 1}`);

    const start = nowMs();
    await engine.applyBatch(cascade as RecordedEvent[]);
    const took = nowMs() - start;
    if (run < warmUp) continue;
    times.push(took);
    decideTimes.push(decided);
    log(
      `cascade ${run - warmUp + 1}/${CASCADE_RUNS}: ${took.toFixed(1)} ms (decide ${decided.toFixed(1)} ms)`,
    );
  }
  return {
    changed,
    principals: principals.length,
    runs: times.length,
    p50: median(times),
    max: Math.max(...times),
    decideP50: median(decideTimes),
  };
}

/**
 * A right set on one folder at the bottom of the tree, alternating read and full for one
 * principal so that each run changes it. Timed: `applyBatch` of that one event, committed.
 */
async function timeSetOne(
  engine: ProjectionEngine,
  big: SeededClient,
): Promise<PermissionsFigures['setOne']> {
  const { clientId, client } = big.stream;
  const depthOf = (folderId: string): number => {
    const parentId = client.folders[folderId].parentId;
    return parentId === null ? 0 : 1 + depthOf(parentId);
  };
  const [deepest, depth] = Object.keys(client.folders)
    .map((id) => [id, depthOf(id)] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  const principalId = big.stream.principals[0].id;
  const warmUp = 2;
  const times: number[] = [];
  for (let run = 0; run < warmUp + SET_ONE_RUNS; run++) {
    const set = big.stream.decide({
      type: 'SetFolderPermission',
      clientId,
      folderId: deepest,
      principalId,
      right: run % 2 === 0 ? 'read' : 'full',
      actor: ADMIN,
    });
    const start = nowMs();
    await engine.applyBatch(set);
    const took = nowMs() - start;
    if (run >= warmUp) times.push(took);
  }
  return { depth, runs: times.length, p50: median(times), max: Math.max(...times) };
}

/**
 * Random (folder, principal) pairs of the big client, looked up exactly as the folder routes do:
 * `ClientAccess.view` (the membership) then `ClientAccess.folder` (the folder and its right), a
 * 404 being a NotFoundError. Each answer is checked against the domain's effectiveRight.
 */
async function timeLookups(
  readStore: SqliteReadStore,
  big: SeededClient,
  runs: number,
  warmUp: number,
  rnd: () => number,
): Promise<PermissionsFigures['lookup']> {
  const access = new ClientAccess(readStore);
  const { clientId, client } = big.stream;
  const folderIds = Object.keys(client.folders);
  const members = big.stream.principals;
  const lookUp = async (member: Member, folderId: string): Promise<Outcome> => {
    const caller: Principal = { tenant: TENANT, sub: member.id, role: member.kind };
    let view;
    try {
      view = await access.view(caller, clientId);
    } catch (error) {
      if (error instanceof NotFoundError) return 'client 404';
      throw error;
    }
    try {
      return (await access.folder(view, folderId)).right as 'full' | 'read';
    } catch (error) {
      if (error instanceof NotFoundError) return 'folder 404';
      throw error;
    }
  };
  const expected = (member: Member, folderId: string): Outcome => {
    if (member.kind === 'collaborator' && member.clientAccess === 'none') return 'client 404';
    const right = effectiveRight(client.folders, folderId, member);
    return right === 'none' ? 'folder 404' : right;
  };

  const times: number[] = [];
  const outcomes: Record<Outcome, number> = { full: 0, read: 0, 'folder 404': 0, 'client 404': 0 };
  for (let i = 0; i < warmUp + runs; i++) {
    const member = members[Math.floor(rnd() * members.length)];
    const folderId = folderIds[Math.floor(rnd() * folderIds.length)];
    const start = nowMs();
    const outcome = await lookUp(member, folderId);
    const took = nowMs() - start;
    const want = expected(member, folderId);
    if (outcome !== want)
      throw new Error(`lookup of ${folderId} for ${member.id}: ${outcome}, expected ${want}`);
    if (i < warmUp) continue;
    times.push(took);
    outcomes[outcome]++;
  }
  times.sort((a, b) => a - b);
  return {
    runs,
    warmUp,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1],
    outcomes,
  };
}
