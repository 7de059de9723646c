import type { EventStore } from '@dossiers/event-store';

/** A stream folded up to `revision`, as loadStream last saw it. */
export interface FoldedState<State> {
  state: State;
  /** revision of the last event folded in (never -1: empty streams are not cached) */
  revision: number;
  /** global position of that event */
  position: number;
  /** the tenant of the stream's first event: whose stream it is */
  tenant: string;
}

export interface FoldedStateCacheOptions {
  /** streams kept (least recently used evicted first); default 1,000 */
  maxEntries?: number;
  /**
   * Deep-freeze every state put in the cache, so that a decider (or a command builder) that mutates
   * a state it was given throws instead of silently corrupting the cached copy. For tests: it costs
   * a walk over the new parts of each state.
   */
  freezeStates?: boolean;
}

export const DEFAULT_MAX_CACHED_STREAMS = 1_000;

/** Nest token of the process's cache, registered on the event store by the infrastructure module. */
export const COMMAND_STATE_CACHE = Symbol('COMMAND_STATE_CACHE');

/**
 * Folded stream states kept in memory, so that a command on a long stream reads and folds only the
 * events appended since the last one (the in-memory "snapshot" of Emmett-style handlers).
 *
 * Entries are keyed by decider identity and stream id: two deciders folding one stream keep apart.
 * States are shared between callers WITHOUT copying. That is safe because deciders never mutate a
 * state (evolve returns a new one, structurally sharing the rest) and callers only read it; a
 * mutation would change the cached state of every later command. `freezeStates` makes it throw.
 *
 * Freshness is never assumed: loadStream always reads the events after the cached revision, and a
 * decision on the state is still guarded by the append's expected revision.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, FoldedState<unknown>>();
  private readonly maxEntries: number;
  private readonly freezeStates: boolean;

  constructor({
    maxEntries = DEFAULT_MAX_CACHED_STREAMS,
    freezeStates = false,
  }: FoldedStateCacheOptions = {}) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer (got ${maxEntries})`);
    }
    this.maxEntries = maxEntries;
    this.freezeStates = freezeStates;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached fold, now the most recently used; undefined when absent. */
  get<State>(decider: object, streamId: string): FoldedState<State> | undefined {
    const key = keyOf(decider, streamId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry as FoldedState<State>;
  }

  /**
   * Keeps `fold` unless the cache already holds a later revision: concurrent loads of one stream may
   * finish in any order, and an older (still correct) fold must not replace a newer one.
   */
  remember<State>(decider: object, streamId: string, fold: FoldedState<State>): void {
    const key = keyOf(decider, streamId);
    const current = this.entries.get(key);
    if (current && current.revision > fold.revision) return;
    if (this.freezeStates) deepFreeze(fold.state);
    this.entries.delete(key);
    this.entries.set(key, Object.freeze({ ...fold }));
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  forget(decider: object, streamId: string): void {
    this.entries.delete(keyOf(decider, streamId));
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * The cache loadStream and handleCommand use for a store when the caller names none. It belongs to
 * the store INSTANCE: another store (another file, a test's fresh store) never sees its states.
 */
const cacheByStore = new WeakMap<EventStore, FoldedStateCache>();

export function registerFoldedStateCache(store: EventStore, cache: FoldedStateCache): FoldedStateCache {
  cacheByStore.set(store, cache);
  return cache;
}

export function foldedStateCacheOf(store: EventStore): FoldedStateCache | undefined {
  return cacheByStore.get(store);
}

/** Decider objects are module constants: a number per object keeps the keys short. */
const deciderIds = new WeakMap<object, number>();
let nextDeciderId = 0;

function keyOf(decider: object, streamId: string): string {
  let id = deciderIds.get(decider);
  if (id === undefined) {
    id = nextDeciderId++;
    deciderIds.set(decider, id);
  }
  return `${id}:${streamId}`;
}

/** Frozen objects are skipped: they were frozen here, with all they hold (evolve shares unchanged parts). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
