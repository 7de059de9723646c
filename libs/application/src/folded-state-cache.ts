/** A stream folded up to `revision`, as EventStreams.load last saw it. */
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

/**
 * Folded stream states kept in memory, so that a command on a long stream reads and folds only the
 * events appended since the last one (the in-memory "snapshot" of Emmett-style handlers).
 *
 * Entries are keyed by decider identity and stream id: two deciders folding one stream keep apart.
 * States are shared between callers WITHOUT copying. That is safe because deciders never mutate a
 * state (evolve returns a new one, structurally sharing the rest) and callers only read it; a
 * mutation would change the cached state of every later command. `freezeStates` makes it throw.
 *
 * Freshness is never assumed: EventStreams.load always reads the events after the cached revision,
 * and a decision on the state is still guarded by the append's expected revision.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, FoldedState<unknown>>();
  /** Decider objects are module constants: a number per object keeps the keys short. */
  private readonly deciderIds = new WeakMap<object, number>();
  private nextDeciderId = 0;
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
    const key = this.keyOf(decider, streamId);
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
    const key = this.keyOf(decider, streamId);
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
    this.entries.delete(this.keyOf(decider, streamId));
  }

  clear(): void {
    this.entries.clear();
  }

  private keyOf(decider: object, streamId: string): string {
    let id = this.deciderIds.get(decider);
    if (id === undefined) {
      id = this.nextDeciderId++;
      this.deciderIds.set(decider, id);
    }
    return `${id}:${streamId}`;
  }
}

/** Frozen objects are skipped: they were frozen here, with all they hold (evolve shares unchanged parts). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
