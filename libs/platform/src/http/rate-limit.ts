import { HttpException, HttpStatus, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { RateLimitConfig } from '../config/app-config';
import type { Principal } from '../auth/principal';
import type { HttpRequest } from './request-context';

interface Bucket {
  name: 'principal' | 'tenant' | 'service';
  key: string;
  limit: number;
}

/**
 * Counts each request against its principal's limit and its tenant's (RateLimitConfig) in a
 * @nestjs/throttler storage. A storage that fails (Redis away) lets requests through: the limits
 * protect the service, they are not worth refusing every request for.
 */
export class RateLimiter {
  private readonly logger = new Logger('rate-limit');
  private readonly windowMs: number;
  private storageDown = false;

  constructor(
    private readonly storage: ThrottlerStorage,
    private readonly config: RateLimitConfig,
  ) {
    this.windowMs = config.windowSeconds * 1000;
  }

  /** Seconds to wait before the principal may call again, or 0 when this request may go on. */
  async retryAfter(principal: Principal): Promise<number> {
    for (const bucket of this.bucketsOf(principal)) {
      const record = await this.count(bucket);
      // The block lasts one window from the request that passed the limit. A principal's refused
      // requests stop there: they do not eat into what its tenant's other principals may do.
      if (record?.isBlocked) return Math.max(record.timeToBlockExpire, 1);
    }
    return 0;
  }

  private bucketsOf({ tenant, sub, role }: Principal): Bucket[] {
    const { perPrincipal, perTenant, perServiceToken, keyPrefix } = this.config;
    // JSON: a ':' in a tenant or a subject cannot make two principals share a key.
    const principalKey = `${keyPrefix}:${JSON.stringify([tenant, sub])}`;
    if (role === 'service')
      return perServiceToken > 0 ? [{ name: 'service', key: principalKey, limit: perServiceToken }] : [];
    const buckets: Bucket[] = [];
    if (perPrincipal > 0) buckets.push({ name: 'principal', key: principalKey, limit: perPrincipal });
    if (perTenant > 0)
      buckets.push({ name: 'tenant', key: `${keyPrefix}:${JSON.stringify([tenant])}`, limit: perTenant });
    return buckets;
  }

  private async count({ name, key, limit }: Bucket) {
    try {
      const record = await this.storage.increment(key, this.windowMs, limit, this.windowMs, name);
      if (this.storageDown) this.logger.log({ message: 'rate-limit storage answers again' });
      this.storageDown = false;
      return record;
    } catch (error) {
      if (!this.storageDown)
        this.logger.warn({
          message: 'rate-limit storage failing; requests go unlimited',
          err: String(error),
        });
      this.storageDown = true;
      return undefined;
    }
  }
}

/**
 * After the AuthGuard (it needs the principal): 429 RATE_LIMITED with Retry-After past a limit.
 * Public routes (health, activation links) have no principal and are not counted.
 */
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<HttpRequest>().principal;
    if (!principal) return true;
    const retryAfter = await this.limiter.retryAfter(principal);
    if (retryAfter === 0) return true;
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new HttpException(
      { code: 'RATE_LIMITED', message: `Too many requests; retry in ${retryAfter} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
