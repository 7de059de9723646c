import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { ErrorBody } from '../http/error-response.filter';

export const METRICS_PATH = '/metrics';

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * GET /metrics, whichever listener serves it: the registry's text, or 401 when a token is required
 * and the request does not carry it as a bearer token.
 */
export function metricsEndpoint(registry: Registry, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return async (authorization: string | string[] | undefined): Promise<MetricsAnswer> => {
    if (expected && !carries(authorization, expected)) {
      const body: ErrorBody = {
        code: 'UNAUTHENTICATED',
        message: 'Authorization: Bearer <METRICS_TOKEN> is required',
      };
      return {
        status: 401,
        headers: { 'content-type': JSON_TYPE, 'www-authenticate': 'Bearer' },
        body: JSON.stringify(body),
      };
    }
    return { status: 200, headers: { 'content-type': registry.contentType }, body: await registry.metrics() };
  };
}

/** The same answer for every unknown path of the metrics listener. */
export function metricsNotFound(): MetricsAnswer {
  const body: ErrorBody = { code: 'NOT_FOUND', message: `Only GET ${METRICS_PATH} is served here` };
  return { status: 404, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) };
}

/**
 * Compared as SHA-256 digests: timingSafeEqual needs equal lengths, and comparing the digests
 * tells nothing about the token's length or any prefix of it.
 */
function carries(authorization: string | string[] | undefined, expected: Buffer): boolean {
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  return match !== null && timingSafeEqual(digest(match[1]), expected);
}

const digest = (text: string) => createHash('sha256').update(text).digest();
