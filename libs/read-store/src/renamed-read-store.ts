import type {
  CollectionReplacement,
  Document,
  ReadCollection,
  ReadStore,
  ReadStoreTransaction,
} from './read-store.port';

/**
 * The same store seen through other collection names: each `name` given to it is `rename(name)`
 * in `store`. What a rebuild writes its fresh collections through, beside the live ones, with the
 * code that writes the live ones. A view owns nothing: closing it leaves `store` open.
 */
export function renamedReadStore(store: ReadStore, rename: (name: string) => string): ReadStore {
  const renamedTransaction = (tx: ReadStoreTransaction): ReadStoreTransaction => ({
    collection: <T extends Document = Document>(name: string): ReadCollection<T> =>
      tx.collection<T>(rename(name)),
  });
  return {
    maxWritesPerTransaction: store.maxWritesPerTransaction,
    collection: <T extends Document = Document>(name: string) => store.collection<T>(rename(name)),
    ensureIndexes: (collection, indexes) => store.ensureIndexes(rename(collection), indexes),
    listIndexes: (collection) => store.listIndexes(rename(collection)),
    replaceCollections: (replacements: CollectionReplacement[]) =>
      store.replaceCollections(replacements.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }))),
    transaction: (work) => store.transaction((tx) => work(renamedTransaction(tx))),
    drop: (collection) => store.drop(rename(collection)),
    ping: () => store.ping(),
    close: async () => {},
  };
}
