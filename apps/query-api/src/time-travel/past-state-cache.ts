import type { PastState } from '@dossiers/read-models';

/**
 * Folded states kept for later queries to continue from, least recently used evicted first,
 * keyed by (client, revision). Streams are append-only and folded documents never change, so a
 * state is valid for ever: any later point of the same client can start from it.
 */
export class PastStateCache {
  /** `${clientId}@${revision}` -> state, in order of use (oldest first) */
  private readonly lru = new Map<string, { clientId: string; state: PastState }>();
  /** per client, its cached states by increasing revision */
  private readonly byClient = new Map<string, PastState[]>();

  constructor(private readonly capacity: number) {}

  /** The latest cached state of the client that `fits` (a test that holds of a prefix of them). */
  latest(clientId: string, fits: (state: PastState) => boolean): PastState | undefined {
    const states = this.byClient.get(clientId) ?? [];
    for (let i = states.length - 1; i >= 0; i--) {
      if (!fits(states[i])) continue;
      this.touch(clientId, states[i]);
      return states[i];
    }
    return undefined;
  }

  remember(clientId: string, state: PastState): void {
    if (state.revision < 0 || this.capacity <= 0) return;
    const key = keyOf(clientId, state.revision);
    if (this.lru.has(key)) {
      this.touch(clientId, this.lru.get(key)!.state);
      return;
    }
    this.lru.set(key, { clientId, state });
    const states = this.byClient.get(clientId) ?? [];
    const at = states.findIndex((s) => s.revision > state.revision);
    states.splice(at === -1 ? states.length : at, 0, state);
    this.byClient.set(clientId, states);
    if (this.lru.size > this.capacity) this.evictOldest();
  }

  get size(): number {
    return this.lru.size;
  }

  private touch(clientId: string, state: PastState): void {
    const key = keyOf(clientId, state.revision);
    const entry = this.lru.get(key);
    if (!entry) return;
    this.lru.delete(key);
    this.lru.set(key, entry);
  }

  private evictOldest(): void {
    const [key, { clientId, state }] = this.lru.entries().next().value!;
    this.lru.delete(key);
    const states = this.byClient.get(clientId)!.filter((s) => s !== state);
    if (states.length > 0) this.byClient.set(clientId, states);
    else this.byClient.delete(clientId);
  }
}

const keyOf = (clientId: string, revision: number) => `${clientId}@${revision}`;
