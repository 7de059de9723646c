import type { Document, ReadCollection, ReadStore, ReadStoreTransaction } from '@dossiers/read-store';

/** One call a transaction made on a collection: which, which method, its argument. */
export type RecordedCall = [collection: string, method: string, arg: unknown];

/**
 * `store`, recording the calls of `methods` that its transactions make on each collection but the
 * checkpoints (what a projection engine asks of its documents); anything else passes through.
 */
export function recordingStore(store: ReadStore, methods: readonly string[]) {
  const calls: RecordedCall[] = [];
  const watched = new Set(methods);
  const wrap = (tx: ReadStoreTransaction): ReadStoreTransaction => ({
    collection: <T extends Document>(name: string) =>
      new Proxy(tx.collection<T>(name), {
        get(target, method: keyof ReadCollection<T>) {
          const real = (target[method] as (arg: unknown) => unknown).bind(target);
          if (!watched.has(method) || name === 'projection_checkpoints') return real;
          return (arg: unknown) => (calls.push([name, method, arg]), real(arg));
        },
      }),
  });
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'transaction')
        return (work: (tx: ReadStoreTransaction) => Promise<unknown>) =>
          target.transaction((tx) => work(wrap(tx)));
      const value: unknown = Reflect.get(target, property);
      // maxWritesPerTransaction is a value (undefined on SQLite), not a method.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, calls };
}
