export * from './command-context';
export * from './event-streams';
export * from './aggregates';
export * from './folded-state-cache';
