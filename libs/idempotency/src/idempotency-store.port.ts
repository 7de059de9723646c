/** The first response given to a command sent with an Idempotency-Key, replayed on repeats. */
export interface StoredResponse {
  /** hash of method, route and body: the same key with another request is refused, not replayed */
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyStore {
  find(scope: string, key: string): Promise<StoredResponse | null>;
  /** Stores the response unless one is already stored under the key; returns the one kept (first wins). */
  save(scope: string, key: string, response: StoredResponse, ttlSeconds: number): Promise<StoredResponse>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** How long a key is remembered: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
