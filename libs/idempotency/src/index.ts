export * from './idempotency-store.port';
export * from './sqlite/sqlite-idempotency-store';
export * from './redis/redis-idempotency-store';
