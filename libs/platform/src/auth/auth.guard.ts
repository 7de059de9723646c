import {
  ForbiddenException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, isPublicRoute, type AuthenticatedRequest } from './auth.decorators';
import type { Role } from './principal';
import { InvalidTokenError, type TokenVerifier } from './token-verifier';

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it. */
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (isPublicRoute(this.reflector, context.getHandler(), context.getClass())) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message: 'Authorization: Bearer <JWT> is required',
      });
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException({ code: 'INVALID_TOKEN', message: error.message });
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException({
        code: 'FORBIDDEN',
        message: `role ${request.principal.role} may not do this`,
      });
    }
    return true;
  }
}
