export * from './envelope';
export * from './client.events';
export * from './group.events';
export * from './schema-versions';
export * from './upcasters';
export * from './values';
export * from './directory.events';
export * from './template.events';
