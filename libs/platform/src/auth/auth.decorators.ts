import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Whether a route needs no token: @Public() on the handler or its controller. The one reading of
 * it, for the AuthGuard and for the OpenAPI document's security requirements.
 */
export function isPublicRoute(reflector: Reflector, handler: object, controller: object): boolean {
  return reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler as never, controller as never]) === true;
}
/** Only these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  id: string;
}

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal!,
);
