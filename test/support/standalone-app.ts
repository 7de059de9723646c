import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createHttpApp, loadConfig, signToken, type AppConfig, type Role } from '@dossiers/platform';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';
import { checkedAgent, OpenApiChecker, type OpenApiDocument } from './openapi-checker';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface StandaloneHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  /** An agent whose every response is checked against the served OpenAPI document (see close). */
  http: () => request.Agent;
  /** The responses the OpenAPI document does not describe so far; close() fails the suite with them. */
  openApiMismatches: () => string[];
  token: (role: Role, tenant?: string, sub?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The document is the same for every app of a test file: fetched and compiled once. */
let checker: Promise<OpenApiChecker> | undefined;
function openApiChecker(app: NestFastifyApplication): Promise<OpenApiChecker> {
  checker ??= app
    .inject({ method: 'GET', url: '/docs/openapi.json' })
    .then((res) => new OpenApiChecker(res.json<OpenApiDocument>()));
  return checker;
}

/** The test running now, to name it beside a mismatch. */
const currentTest = () =>
  (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState()
    .currentTestName;

/**
 * The standalone app exactly as `npm start` builds it, on a fresh DATA_DIR. Every response of
 * `http()` is checked against the OpenAPI document the app serves (operation, status, content
 * type, JSON body against its schema); `close()` throws listing what the document does not
 * describe, which fails the suite.
 */
export async function startStandalone(env: Record<string, string> = {}): Promise<StandaloneHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossiers-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    // One admin token makes every request of a suite: rate limits are tested where a test turns them on.
    RATE_LIMIT_PER_PRINCIPAL: '0',
    RATE_LIMIT_PER_TENANT: '0',
    ...env,
  });
  const app = await createHttpApp(StandaloneModule.forRoot(config) as never, config, {
    title: 'test',
    requestLogs: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tenant = `firm-${randomUUID().slice(0, 8)}`;
  const openApi = await openApiChecker(app);
  const mismatches = new Map<string, string[]>();
  const report = (problem: string, method: string, url: string) => {
    const seen = mismatches.get(problem) ?? [];
    if (seen.length < 3)
      seen.push(
        `${method} ${new URL(url, 'http://localhost').pathname} (${currentTest() ?? 'outside a test'})`,
      );
    mismatches.set(problem, seen);
  };
  return {
    app,
    config,
    http: () => checkedAgent(request.agent(app.getHttpServer()), openApi, report),
    openApiMismatches: () => [...mismatches.keys()],
    token: (role, t = tenant, sub = `${role}-1`) => signToken(TEST_SECRET, { tenant: t, role, sub }),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (mismatches.size > 0)
        throw new Error(
          `${mismatches.size} kind(s) of response do not match the OpenAPI document (fix the document, or the server):\n` +
            [...mismatches]
              .map(([problem, seen]) => `- ${problem}\n    seen at ${seen.join('\n    seen at ')}`)
              .join('\n'),
        );
    },
  };
}

/**
 * For a describe block: starts the standalone app before its tests and closes it after.
 * `auth` is an admin's Authorization header in the suite's own firm.
 */
export function useStandalone(): { readonly h: StandaloneHarness; readonly auth: { Authorization: string } } {
  const suite = {} as { h: StandaloneHarness; auth: { Authorization: string } };
  beforeAll(async () => {
    suite.h = await startStandalone();
    suite.auth = { Authorization: `Bearer ${await suite.h.token('admin')}` };
  });
  afterAll(() => suite.h.close());
  return suite;
}
