import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
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
