import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { RuleViolationError, ValidationError } from '@dossiers/domain';
import {
  IDEMPOTENCY_STORE,
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyStore,
  type StoredResponse,
} from '@dossiers/idempotency';
import type { FastifyReply } from 'fastify';
import { from, of, switchMap, type Observable } from 'rxjs';
import type { HttpRequest } from './request-context';

const KEY = /^[A-Za-z0-9_\-:.]{1,200}$/;

/**
 * On every command route: sets the ETag from the response's revision, and honours
 * Idempotency-Key: the first response to a key is stored and replayed for repeats, which append
 * nothing. Reusing a key for a different request is refused (422) rather than silently replayed.
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle().pipe(switchMap((body) => of(withEtag(reply, body))));

    const key = String(header);
    if (!KEY.test(key))
      throw new ValidationError([
        { field: 'Idempotency-Key', message: 'must be 1-200 characters among letters, digits, _ - : and .' },
      ]);
    // JSON, not a separator: tenant 'a:b' + user 'c' must not share a scope with tenant 'a' + user 'b:c'.
    const scope = JSON.stringify([request.principal!.tenant, request.principal!.sub]);
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    // Ids derive from the key AND the request: a retry (same request) makes the same ids, which the
    // store drops as repeats; the key reused for another request once its record expired makes new ones.
    request.idempotencyKey = `${key}|${fingerprint}`;

    return from(this.store.find(scope, key)).pipe(
      switchMap((stored) => {
        if (stored) return of(replay(reply, stored, fingerprint));
        return next.handle().pipe(
          switchMap(async (body) => {
            withEtag(reply, body);
            const response: StoredResponse = {
              fingerprint,
              status: reply.statusCode,
              body,
              headers: { etag: String(reply.getHeader('etag') ?? '') },
            };
            return replay(
              reply,
              await this.store.save(scope, key, response, IDEMPOTENCY_TTL_SECONDS),
              fingerprint,
            );
          }),
        );
      }),
    );
  }
}

function withEtag(reply: FastifyReply, body: unknown): unknown {
  const revision = (body as { revision?: unknown } | null)?.revision;
  if (typeof revision === 'number') void reply.header('etag', `"${revision}"`);
  return body;
}

function replay(reply: FastifyReply, stored: StoredResponse, fingerprint: string): unknown {
  if (stored.fingerprint !== fingerprint) {
    throw new RuleViolationError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request',
    );
  }
  void reply.status(stored.status);
  if (stored.headers.etag) void reply.header('etag', stored.headers.etag);
  return stored.body;
}
