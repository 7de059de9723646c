// Architecture rules, checked by `npm run lint` (depcruise apps libs --config .dependency-cruiser.js).
const ADAPTERS = '^libs/[^/]+/src/(sqlite|mongodb|eventstoredb|redis|transports)/';
/** The stores' ports and their adapters: the bottom layer, under everything but the events. */
const STORES = '^libs/(event-store|read-store|blob-store|idempotency)/';
/**
 * HTTP: the server and its plugins, Nest's Fastify adapter, and the request bodies' DTOs. (What
 * @nestjs/common holds of HTTP, its exceptions and route decorators, is the ESLint rule's: a module
 * rule cannot tell one name from another.)
 */
const HTTP = ['^node_modules/(fastify|@fastify/[^/]+|@nestjs/platform-fastify)/', '\\.dto\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders are pure functions: no Nest, no drivers, no clock, not even node builtins.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      // Its property specs use fast-check, a devDependency: production code could not load it anyway.
      to: { pathNot: ['^libs/(domain|events)/', '^node_modules/fast-check/'] },
    },
    {
      name: 'events-stand-alone',
      comment: 'Event types are the shared contract of every other module, so they depend on nothing.',
      severity: 'error',
      from: { path: '^libs/events/' },
      to: { pathNot: '^libs/events/' },
    },
    {
      name: 'libs-not-to-apps',
      comment: 'Libraries are reused by several apps; an import from an app would tie them to it.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-not-to-apps',
      comment:
        'Each app deploys on its own; only the composition roots (the standalone, the reminder worker) combine them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/(standalone|reminder-worker)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'standalone-only-to-root-modules',
      comment: "The composition root mounts the other apps' root modules and reaches no deeper.",
      severity: 'error',
      from: { path: '^apps/(standalone|reminder-worker)/' },
      to: { path: '^apps/(?!standalone/|reminder-worker/)', pathNot: '^apps/[^/]+/src/[^/]+\\.module\\.ts$' },
    },
    {
      name: 'production-not-to-tests',
      comment: 'Test code is left out of the build (tsconfig.build.json): production cannot rely on it.',
      severity: 'error',
      from: { pathNot: ['\\.(spec|contract)\\.ts$', '^test/'] },
      to: { path: ['\\.(spec|contract)\\.ts$', '^test/'] },
    },
    {
      name: 'stores-depend-on-nothing-above',
      comment:
        'Ports and adapters are the bottom layer: no domain (what the domain knows, e.g. its text key, is handed in by the composition root) and no Nest (the root hands them a logger).',
      severity: 'error',
      from: { path: STORES },
      to: { path: ['^libs/(?!events/)', '^node_modules/@nestjs/'], pathNot: '^libs/$1/' },
    },
    {
      name: 'controllers-reach-no-store',
      comment:
        "A controller maps DTO -> command or query -> bus -> HTTP: the stores (their ports and tokens) and the aggregates are its handler's business.",
      severity: 'error',
      // The readiness probe is the exception: pinging each store is all it does.
      from: { path: '\\.controller\\.ts$', pathNot: '^libs/platform/src/health/' },
      to: { path: [STORES, '^libs/application/src/(aggregates|event-streams)\\.ts$'] },
    },
    {
      name: 'handlers-know-no-http',
      comment:
        'A command or query handler runs the use case whoever calls it (HTTP, a job, a test): no request, reply, HTTP exception or DTO class.',
      severity: 'error',
      from: { path: '\\.handler\\.ts$' },
      to: { path: HTTP },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make load order fragile (undefined imports, Nest forwardRef) and blur ownership.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'drivers-only-in-adapters',
      comment:
        'Ports keep the core store-agnostic: drivers (and nodemailer) live in adapters and where adapters are chosen.',
      severity: 'error',
      from: { pathNot: [ADAPTERS, '^libs/platform/src/infrastructure/', '^bench/', '^test/'] },
      to: {
        path: '^node_modules/(@types/)?(better-sqlite3|mongodb|@eventstore/db-client|ioredis|bullmq|nodemailer)/',
      },
    },
  ],
  options: {
    // Resolve the @dossiers/* path aliases.
    tsConfig: { fileName: 'tsconfig.json' },
    // Count `import type` too: a type import still couples modules.
    tsPreCompilationDeps: true,
    // Note npm packages as dependencies, but do not cruise inside them.
    doNotFollow: { path: 'node_modules' },
  },
};
