export * from './shared/decider';
export * from './shared/domain-errors';
export * from './shared/normalize-text';
export * from './client/client-name';
export * from './client/attributes';
export * from './client/client.decider';
export * from './client/client-name-reservation.decider';
export * from './group/group.decider';
