export * from './command-context';
export * from './command-handler';
export * from './folded-state-cache';
