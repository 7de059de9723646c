import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createHttpApp, loadConfig, signToken, type AppConfig, type Role } from '@dossiers/platform';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface StandaloneHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  http: () => request.Agent;
  token: (role: Role, tenant?: string, sub?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The standalone app exactly as `npm start` builds it, on a fresh DATA_DIR. */
export async function startStandalone(env: Record<string, string> = {}): Promise<StandaloneHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossiers-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    ...env,
  });
  const app = await createHttpApp(StandaloneModule.forRoot(config) as never, config, {
    title: 'test',
    requestLogs: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tenant = `firm-${randomUUID().slice(0, 8)}`;
  return {
    app,
    config,
    http: () => request.agent(app.getHttpServer()),
    token: (role, t = tenant, sub = `${role}-1`) => signToken(TEST_SECRET, { tenant: t, role, sub }),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
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
