import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { MAX_APPEND_BYTES, serialisedSize } from '../libs/event-store/src/event-store.port';
import { toEventData } from '../libs/event-store/src/eventstoredb/eventstoredb-mapping';
import {
  ROOT,
  dependenciesOf,
  durationMs,
  environmentOf,
  interpolate,
  publishedPorts,
  readStack,
  readYaml,
  type ComposeService,
} from './support/compose-file';

/**
 * The stack nothing here can start (no Docker): docker-compose.yml, the engines' compose file it
 * includes, and the workflow that runs the contract suites on them, read and checked against the
 * code they serve.
 */
const ENGINES_FILE = 'docker-compose.engines.yml';
const stack = readStack('docker-compose.yml');
const engines = Object.entries(stack.services).filter(([, service]) => service.image);
const apps = Object.entries(stack.services).filter(([, service]) => service.build);
const service = (name: string): ComposeService => {
  const found = stack.services[name];
  if (!found) throw new Error(`no service ${name} in the stack`);
  return found;
};

/** The secrets docker-compose.yml requires, as an operator would give them. */
const SECRETS = { AUTH_SECRET: 'a'.repeat(48), SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') };

/** loadConfig over `env`, with the names it read. */
function configReading(env: Record<string, string>) {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  return { config: loadConfig(recording), read };
}

/** The service and container port an engine URL of the apps names. */
function engineAt(url: string): { name: string; port: number } {
  const { hostname, port } = new URL(url);
  return { name: hostname, port: Number(port) };
}

describe('docker-compose.yml', () => {
  it('takes its engines from the engines file, and has both engines and apps', () => {
    expect(stack.files).toEqual([ENGINES_FILE, 'docker-compose.yml']);
    expect(Object.keys(readStack(ENGINES_FILE).services).sort()).toEqual(
      engines.map(([name]) => name).sort(),
    );
    expect(engines.map(([name]) => name).sort()).toEqual(['eventstore', 'mongo', 'redis']);
    expect(apps.length).toBeGreaterThan(0);
  });

  it('pins every image to a full version (no latest, no floating major or minor tag)', () => {
    for (const [name, { image }] of engines) {
      const tag = /^[^@]+:([^:@/]+)(@sha256:[0-9a-f]{64})?$/.exec(image!)?.[1];
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/^\d+\.\d+\.\d+(-[a-z0-9.]+)?$/) });
    }
  });

  it('names in the README the very images it pins', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [name, { image }] of engines) {
      expect({ name, inReadme: readme.includes(`\`${image}\``) }).toEqual({ name, inReadme: true });
    }
  });

  it('gives every engine a healthcheck, and every app waits for all of them to be healthy', () => {
    for (const [name, { healthcheck }] of engines) {
      expect({ name, test: healthcheck?.test?.[0] }).toEqual({ name, test: expect.stringMatching(/^CMD/) });
    }
    const healthy = Object.fromEntries(engines.map(([name]) => [name, 'service_healthy']));
    for (const [name, app] of apps)
      expect({ name, waits: dependenciesOf(app) }).toEqual({ name, waits: healthy });
  });

  it("sets KurrentDB's append limits at twice the port's, with the prefix its version reads", () => {
    const eventstore = service('eventstore');
    const major = Number(/:(\d+)\./.exec(eventstore.image!)![1]);
    // EventStoreDB became KurrentDB in 25.0, and its variables' prefix with it.
    const prefix = major >= 25 ? 'KURRENTDB_' : 'EVENTSTORE_';
    const env = environmentOf(eventstore);
    expect(Object.keys(env).filter((name) => !name.startsWith(prefix))).toEqual([]);
    const perAppend = Number(env[`${prefix}MAX_APPEND_SIZE`]);
    const perEvent = Number(env[`${prefix}MAX_APPEND_EVENT_SIZE`]);
    expect(perAppend).toBeGreaterThanOrEqual(2 * MAX_APPEND_BYTES);
    // One event may carry the whole append; the server refuses to start with it above perAppend.
    expect(perEvent).toBeGreaterThanOrEqual(2 * MAX_APPEND_BYTES);
    expect(perEvent).toBeLessThanOrEqual(perAppend);
    expect(env[`${prefix}INSECURE`]).toBe('true');
  });

  it("measures under twice the port's size every event as the adapter sends it to the server", () => {
    const metadata = fc.record(
      {
        tenant: fc.string(),
        actor: fc.string(),
        correlationId: fc.string(),
        causationId: fc.option(fc.string(), { nil: null }),
        occurredAt: fc.string(),
        actorRole: fc.string(),
      },
      { requiredKeys: ['tenant', 'actor', 'correlationId', 'causationId', 'occurredAt'] },
    );
    const event = fc.record({
      id: fc.uuid(),
      type: fc.string({ minLength: 1, unit: 'binary' }),
      schemaVersion: fc.integer({ min: 1, max: 10_000 }),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
      metadata,
    });
    fc.assert(
      fc.property(event, (newEvent) => {
        const sent = toEventData(newEvent as never);
        // What the server counts (Event.SizeOnDisk): the JSON bytes, and the type as UTF-16.
        const serverSize =
          Buffer.byteLength(JSON.stringify(sent.data)) +
          Buffer.byteLength(JSON.stringify(sent.metadata)) +
          sent.type.length * 2;
        const portSize = serialisedSize(
          newEvent.type,
          JSON.stringify(newEvent.data),
          JSON.stringify(newEvent.metadata),
        );
        return serverSize < 2 * portSize;
      }),
    );
  });

  it('publishes each engine on 127.0.0.1 only (insecure servers), at its own port', () => {
    for (const [name, engine] of engines) {
      const published = [...publishedPorts(engine)].map(([container, { host, ip }]) => ({
        container,
        host,
        ip,
      }));
      expect({ name, published }).toEqual({
        name,
        published: [{ container: published[0]?.container, host: published[0]?.container, ip: '127.0.0.1' }],
      });
    }
  });

  it('hands the apps every variable they need, each one the configuration reads', () => {
    for (const [name, app] of apps) {
      const env = environmentOf(app, SECRETS);
      const { config, read } = configReading(env);
      expect({ name, unread: Object.keys(env).filter((variable) => !read.has(variable)) }).toEqual({
        name,
        unread: [],
      });
      // Unset, each container would generate its own: tokens and links would not cross apps.
      expect(config.auth.secret).toBe(SECRETS.AUTH_SECRET);
      expect(config.secretsKey).toBe(SECRETS.SECRETS_KEY);
      for (const url of [config.eventStoreUrl, config.mongoUrl, config.redisUrl]) {
        const { name: host, port } = engineAt(url!);
        expect({ url, listens: publishedPorts(service(host)).has(port) }).toEqual({ url, listens: true });
      }
      const replicaSet = service('mongo').command![service('mongo').command!.indexOf('--replSet') + 1];
      expect(new URL(config.mongoUrl!).searchParams.get('replicaSet')).toBe(replicaSet);
    }
  });

  it('refuses to start the apps without the shared secrets', () => {
    for (const variable of Object.keys(SECRETS)) {
      const partial = { ...SECRETS, [variable]: '' };
      expect(() => environmentOf(service('command-api'), partial)).toThrow(variable);
    }
  });

  it('reads the interpolation as Compose does (the checks above rely on it)', () => {
    expect(interpolate('${A:-x} ${B} $${A}', {})).toBe('x  ${A}');
    expect(interpolate('${A:-x}', { A: 'y' })).toBe('y');
    expect(() => interpolate('${A:?set A}', { A: '' })).toThrow(
      'required variable A is missing a value: set A',
    );
    expect(() => interpolate('$A', {})).toThrow('unsupported');
  });

  it('runs every app there is, each from its compiled entry point', () => {
    // The standalone process is the embedded default: all of them in one, never in the stack.
    const entryPoints = readdirSync(join(ROOT, 'apps'))
      .filter((name) => name !== 'standalone' && existsSync(join(ROOT, 'apps', name, 'src', 'main.ts')))
      .map((name) => `dist/apps/${name}/src/main.js`);
    const commands = apps.map(([, app]) => app.command?.at(-1));
    expect([...commands].sort()).toEqual(entryPoints.sort());
  });

  it("gives every app's graceful shutdown the time it may take before Compose kills it", () => {
    for (const [name, app] of apps) {
      const { config } = configReading(environmentOf(app, SECRETS));
      // libs/platform/src/lifecycle/graceful-shutdown.ts: the drain, then as long again (5 s at least).
      const ownBound = config.shutdownTimeoutMs + Math.max(config.shutdownTimeoutMs, 5000);
      // Unset, Compose waits 10 s.
      const graceMs = durationMs(app.stop_grace_period ?? '10s');
      expect({ name, graceMs, longer: graceMs > ownBound }).toEqual({ name, graceMs, longer: true });
    }
    expect([durationMs('1m30s'), durationMs('500ms')]).toEqual([90_000, 500]);
  });

  it('publishes each API at the port its configuration listens on', () => {
    const { config } = configReading(environmentOf(service('command-api'), SECRETS));
    expect(publishedPorts(service('command-api')).get(config.commandApiPort)?.host).toBe(
      config.commandApiPort,
    );
    expect(publishedPorts(service('query-api')).get(config.queryApiPort)?.host).toBe(config.queryApiPort);
  });
});

describe('.github/workflows/engines.yml', () => {
  const workflow = readYaml('.github/workflows/engines.yml');
  const jobs = Object.values(workflow.jobs as Record<string, Record<string, unknown>>);
  type Step = { run?: string; env?: Record<string, string> };

  it('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on as object).sort()).toEqual(['pull_request', 'push']);
  });

  it('starts the engines from their compose file (its images, healthchecks and limits), waiting for health', () => {
    for (const job of jobs) {
      expect(job.services).toBeUndefined();
      const steps = job.steps as Step[];
      const start = steps.findIndex((step) =>
        /docker compose -f (\S+) up -d --wait(\s|$)/.test(step.run ?? ''),
      );
      expect(steps[start]?.run).toContain(`-f ${ENGINES_FILE} `);
      expect(start).toBeLessThan(steps.findIndex((step) => step.run === 'npm test'));
    }
  });

  it('runs npm test with the engine URLs set, each pointing at a port the engines publish', () => {
    for (const job of jobs) {
      const step = (job.steps as Step[]).find((candidate) => candidate.run === 'npm test')!;
      const env = { ...(job.env as Record<string, string>), ...step.env };
      const { config } = configReading(env);
      const urls = { eventstore: config.eventStoreUrl, mongo: config.mongoUrl, redis: config.redisUrl };
      for (const [name, url] of Object.entries(urls)) {
        const { hostname, port } = new URL(url!);
        const published = [...publishedPorts(service(name)).values()].map(({ host }) => host);
        expect({ name, hostname, port: Number(port) }).toEqual({
          name,
          hostname: 'localhost',
          port: published[0],
        });
      }
      // The replica set's member is named by its compose host name, unknown outside compose.
      expect(new URL(config.mongoUrl!).searchParams.get('directConnection')).toBe('true');
      // The README's instructions are the ones CI runs.
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      for (const variable of ['EVENTSTORE_URL', 'MONGO_URL', 'REDIS_URL']) {
        const assignment = `${variable}='${env[variable]}'`;
        expect({ assignment, inReadme: readme.includes(assignment) }).toEqual({ assignment, inReadme: true });
      }
    }
  });
});
