import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import {
  CLOCK,
  createHttpApp,
  HealthController,
  InfrastructureModule,
  loadConfig,
  MetricsServer,
  type Clock,
} from '@dossiers/platform';
import { ProjectorService } from '../apps/projector/src/projector.service';
import { ProjectorModule } from '../apps/projector/src/projector.module';
import { CommandApiModule } from '../apps/command-api/src/command-api.module';
import { startStandalone, TEST_SECRET, type StandaloneHarness } from './support/standalone-app';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** A port nothing listens on now, for METRICS_PORT (which must name one). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The value of one series in a Prometheus text exposition, undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics behind METRICS_TOKEN, on the main port (standalone)', () => {
  let h: StandaloneHarness;
  let auth: { Authorization: string };
  const scrape = async () => {
    const res = await request(h.app.getHttpServer())
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    return res.text;
  };

  beforeAll(async () => {
    h = await startStandalone({ METRICS_TOKEN, READY_MAX_LAG_EVENTS: '2', READY_MAX_LAG_SECONDS: '60' });
    auth = { Authorization: `Bearer ${await h.token('admin')}` };
  });
  afterAll(() => h.close());

  it('refuses a scrape without the token, or with another one', async () => {
    const none = await request(h.app.getHttpServer()).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('METRICS_TOKEN') });
    const wrong = await request(h.app.getHttpServer())
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}x`);
    expect(wrong.status).toBe(401);
    // A user's token opens the API, not the metrics.
    const user = await request(h.app.getHttpServer()).get('/metrics').set(auth);
    expect(user.status).toBe(401);
  });

  it('serves the Prometheus text with the token: process and event-loop metrics included', async () => {
    const res = await request(h.app.getHttpServer())
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(sample(res.text, 'dossiers_outbox_deliveries{status="pending"}')).toBe(0);
    expect(sample(res.text, 'dossiers_outbox_deliveries{status="failed"}')).toBe(0);
  });

  it('times requests by route pattern and status, never by their URL', async () => {
    const id = randomUUID();
    const series = 'http_request_duration_seconds_count{method="GET",route="/clients/:id",status="404"}';
    const before = sample(await scrape(), series) ?? 0;
    for (let i = 0; i < 3; i++) expect((await h.http().get(`/clients/${id}`).set(auth)).status).toBe(404);
    const text = await scrape();
    expect(sample(text, series)).toBe(before + 3);
    expect(text).not.toContain(id);
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/clients\/:id",status="404"\} \d+$/m,
    );
    // A request no route matches is one series, whatever its path.
    await request(h.app.getHttpServer()).get(`/no-such-route/${id}`);
    expect(
      sample(
        await scrape(),
        'http_request_duration_seconds_count{method="GET",route="(unmatched)",status="404"}',
      ),
    ).toBeGreaterThanOrEqual(1);
  });

  it('times event-store appends and counts the events of each group commit', async () => {
    const appends = 'dossiers_event_store_append_duration_seconds_count{outcome="ok"}';
    const commits = 'dossiers_event_store_group_commit_events_count';
    const before = await scrape();
    const created = await h
      .http()
      .post('/clients')
      .set(auth)
      .send({ name: `Metrics ${randomUUID()}` });
    expect(created.status).toBe(201);
    const after = await scrape();
    expect(sample(after, appends)).toBeGreaterThan(sample(before, appends) ?? 0);
    expect(sample(after, commits)).toBeGreaterThan(sample(before, commits) ?? 0);
    expect(sample(after, 'dossiers_event_store_group_commit_events_sum')).toBeGreaterThan(
      sample(before, 'dossiers_event_store_group_commit_events_sum') ?? 0,
    );
    expect(
      sample(after, 'http_request_duration_seconds_count{method="POST",route="/clients",status="201"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  describe('while the projector is stopped', () => {
    const lagOf = (text: string) =>
      sample(text, 'dossiers_projection_events_behind{projection="client-list"}');
    const ready = () => h.http().get('/ready');

    it('is ready, with its lag in the body, while the read models are caught up', async () => {
      const res = await until(ready, (r) => r.status === 200 && r.body.projector.eventsBehind === 0, 'ready');
      expect(res.body.projector).toEqual({
        projection: expect.any(String),
        eventsBehind: 0,
        secondsBehind: 0,
        maxLagEvents: 2,
        maxLagSeconds: 60,
        countedUpTo: 10_000,
      });
      const text = await scrape();
      expect(lagOf(text)).toBe(0);
      expect(sample(text, 'dossiers_projection_position{projection="client-list"}')).toBe(
        sample(text, 'dossiers_event_store_head_position'),
      );
    });

    it('counts the events appended meanwhile, and /ready says not ready and by how much', async () => {
      const projector = h.app.get(ProjectorService, { strict: false });
      await projector.onApplicationShutdown();
      const head = sample(await scrape(), 'dossiers_event_store_head_position')!;
      for (let i = 0; i < 3; i++)
        expect(
          (
            await h
              .http()
              .post('/clients')
              .set(auth)
              .send({ name: `Lagging ${i} ${randomUUID()}` })
          ).status,
        ).toBe(201);

      const text = await scrape();
      const newHead = sample(text, 'dossiers_event_store_head_position')!;
      expect(newHead).toBeGreaterThanOrEqual(head + 3);
      expect(lagOf(text)).toBe(newHead - head);
      expect(sample(text, 'dossiers_projection_position{projection="client-list"}')).toBe(head);

      const res = await ready();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'NOT_READY',
        message: expect.stringContaining(`${newHead - head} events`),
        stores: { eventStore: 'up', readStore: 'up', idempotency: 'up' },
        projector: { eventsBehind: newHead - head, maxLagEvents: 2 },
      });
    });

    it('is ready again once the projector has caught up', async () => {
      await h.app.get(ProjectorService, { strict: false }).onApplicationBootstrap();
      const res = await until(ready, (r) => r.status === 200, 'ready again');
      expect(res.body.projector.eventsBehind).toBe(0);
      expect(lagOf(await scrape())).toBe(0);
    });

    it('goes not ready on the seconds limit alone, once the oldest unprojected event is old enough', async () => {
      const projector = h.app.get(ProjectorService, { strict: false });
      await projector.onApplicationShutdown();
      const head = sample(await scrape(), 'dossiers_event_store_head_position')!;
      const created = await h
        .http()
        .post('/clients')
        .set(auth)
        .send({ name: `Late ${randomUUID()}` });
      expect(created.status).toBe(201);
      const behind = created.body.position - head;
      // Within the events limit (2): ready, however long ago that was.
      expect(behind).toBeLessThanOrEqual(2);
      expect((await ready()).status).toBe(200);

      const clock = h.app.get<Clock>(CLOCK, { strict: false });
      const later = new Date(Date.now() + 120_000);
      const spy = jest.spyOn(clock, 'now').mockImplementation(() => later);
      try {
        const seconds = sample(
          await scrape(),
          'dossiers_projection_seconds_behind{projection="client-list"}',
        );
        expect(seconds).toBeGreaterThan(60);
        const res = await ready();
        expect(res.status).toBe(503);
        expect(res.body.projector).toMatchObject({ eventsBehind: behind, maxLagSeconds: 60 });
        expect(res.body.projector.secondsBehind).toBeGreaterThan(60);
      } finally {
        spy.mockRestore();
        await projector.onApplicationBootstrap();
      }
    });
  });
});

describe('GET /metrics on METRICS_PORT', () => {
  let h: StandaloneHarness;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    h = await startStandalone({ METRICS_PORT: String(port) });
    expect(h.app.get(MetricsServer, { strict: false }).port()).toBe(port);
    metricsUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => h.close());

  it('is not served on the main port', async () => {
    const res = await request(h.app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(404);
  });

  it('is served on its own port, and nothing else is', async () => {
    const res = await request(metricsUrl).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^dossiers_projection_position\{projection="client-list"\} \d+$/m);
    expect((await request(metricsUrl).get('/clients')).status).toBe(404);
  });
});

describe('the separate apps', () => {
  let dataDir: string;
  const config = (env: Record<string, string>) =>
    loadConfig({
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_SECRET,
      LOG_LEVEL: 'error',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      ...env,
    });

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'dossiers-metrics-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the projector, without HTTP, serves METRICS_PORT behind METRICS_TOKEN: its projections, no request durations', async () => {
    const port = await freePort();
    const appConfig = config({ METRICS_PORT: String(port), METRICS_TOKEN });
    @Module({ imports: [InfrastructureModule.forRoot(appConfig), ProjectorModule] })
    class ProjectorAppModule {}
    const app = await NestFactory.createApplicationContext(ProjectorAppModule, { logger: false });
    try {
      const url = `http://127.0.0.1:${port}`;
      expect((await request(url).get('/metrics')).status).toBe(401);
      const res = await request(url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^dossiers_projection_events_behind\{projection="client-list"\} 0$/m);
      expect(res.text).not.toContain('http_request_duration_seconds');
    } finally {
      await app.close();
    }
  });

  it('the command API times its requests and its /ready leaves the projector out', async () => {
    const appConfig = config({ METRICS_TOKEN });
    @Module({
      imports: [InfrastructureModule.forRoot(appConfig), CommandApiModule],
      controllers: [HealthController],
    })
    class CommandAppModule {}
    const app = await createHttpApp(CommandAppModule, appConfig, { title: 'test', requestLogs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const ready = await request(app.getHttpServer()).get('/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', stores: expect.any(Object) });
      const res = await request(app.getHttpServer())
        .get('/metrics')
        .set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(res.text).toContain(
        'http_request_duration_seconds_count{method="GET",route="/ready",status="200"} 1',
      );
      expect(res.text).not.toContain('dossiers_projection_position');
    } finally {
      await app.close();
    }
  });

  it('serves nothing when neither METRICS_PORT nor METRICS_TOKEN is set', async () => {
    const appConfig = config({});
    @Module({
      imports: [InfrastructureModule.forRoot(appConfig), CommandApiModule],
      controllers: [HealthController],
    })
    class CommandAppModule {}
    const app = await createHttpApp(CommandAppModule, appConfig, { title: 'test', requestLogs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      expect((await request(app.getHttpServer()).get('/metrics')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
