export * from './read-store.port';
export { containsNeedle } from './contains-needle';
export { renamedReadStore } from './renamed-read-store';
export { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite/sqlite-read-store';
export {
  DEFAULT_MAX_WRITES_PER_TRANSACTION,
  MongoReadStore,
  type MongoReadStoreOptions,
} from './mongodb/mongodb-read-store';
