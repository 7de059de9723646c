import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ValidationError } from '@dossiers/domain';
import type { CommandContext } from '@dossiers/application';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { CAUSATION_HEADER } from './metadata-headers';

/** `idempotencyKey`: the Idempotency-Key with the request's fingerprint, which ids are derived from. */
export type HttpRequest = FastifyRequest & { principal?: Principal; idempotencyKey?: string };

/**
 * `If-Match: "3"` -> 3. The ETag of every resource is its stream revision, a strong validator:
 * a weak one (W/"3") cannot be used with If-Match (RFC 9110), nor can anything unquoted.
 * `If-Match: *` means "the resource exists" (RFC 9110 §13.1.1): 412 where it does not, so always
 * on a creation.
 */
export function parseIfMatch(header: string | string[] | undefined): CommandContext['expectedRevision'] {
  if (header === undefined) return undefined;
  if (String(header).trim() === '*') return 'exists';
  const match = /^"(\d{1,15})"$/.exec(String(header).trim());
  if (!match)
    throw new ValidationError([
      { field: 'If-Match', message: 'must be an ETag returned by this API, e.g. "3"' },
    ]);
  return Number(match[1]);
}

/** uuid v5-style id derived from a name: the same idempotency key always yields the same event ids. */
export function deterministicUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Builds the command context from the request: who, for which firm, when, and with which preconditions.
 * `preconditions: false` for a command a query route records (a download): the request's If-Match,
 * if any, is about what it reads, not about the stream the command appends to.
 */
export function commandContextOf(request: HttpRequest, { preconditions = true } = {}): CommandContext {
  const principal = request.principal!;
  const key = request.idempotencyKey;
  // Checked by the HTTP app's onRequest hook (metadata-headers.ts): a string here is well-formed.
  const causation = request.headers[CAUSATION_HEADER];
  return {
    tenant: principal.tenant,
    actor: principal.sub,
    role: principal.role,
    correlationId: request.id,
    causationId: typeof causation === 'string' ? causation : null,
    now: new Date().toISOString(),
    expectedRevision: preconditions ? parseIfMatch(request.headers['if-match']) : undefined,
    eventId: key
      ? (streamId, index) =>
          deterministicUuid(JSON.stringify([principal.tenant, principal.sub, key, streamId, index]))
      : () => randomUUID(),
    newId: (kind) => newResourceId(request, kind),
  };
}

/** `@Ctx() context: CommandContext` in a command controller: who, for which firm, when, which preconditions. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandContextOf(context.switchToHttp().getRequest<HttpRequest>()),
);

/**
 * A new resource's id. With an Idempotency-Key it is derived from the key, so that a retry after a
 * crash (response never stored) recreates the same resource, and the store drops the duplicates.
 */
export function newResourceId(request: HttpRequest, kind: string): string {
  const key = request.idempotencyKey;
  return key
    ? deterministicUuid(JSON.stringify([request.principal!.tenant, request.principal!.sub, key, kind]))
    : randomUUID();
}

export const NewId = createParamDecorator((kind: string, context: ExecutionContext) =>
  newResourceId(context.switchToHttp().getRequest<HttpRequest>(), kind),
);
