// Architecture rules, checked by `npm run lint` (depcruise apps libs --config .dependency-cruiser.js).
const ADAPTERS = '^libs/[^/]+/src/(sqlite|mongodb|eventstoredb|redis|transports)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders are pure functions: no Nest, no drivers, no clock, not even node builtins.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/(domain|events)/' },
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
      comment: 'Each app deploys on its own; only the standalone composition root combines them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/standalone/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'standalone-only-to-root-modules',
      comment: "The composition root mounts the other apps' root modules and reaches no deeper.",
      severity: 'error',
      from: { path: '^apps/standalone/' },
      to: { path: '^apps/(?!standalone/)', pathNot: '^apps/[^/]+/src/[^/]+\\.module\\.ts$' },
    },
    {
      name: 'production-not-to-tests',
      comment: 'Test code is left out of the build (tsconfig.build.json): production cannot rely on it.',
      severity: 'error',
      from: { pathNot: ['\\.(spec|contract)\\.ts$', '^test/'] },
      to: { path: ['\\.(spec|contract)\\.ts$', '^test/'] },
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
