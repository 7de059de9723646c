import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ActivationTokens, type ActivationClaims } from '@dossiers/notifications';
import type { HttpRequest } from '@dossiers/platform';

export type ActivationRequest = HttpRequest & { activation?: ActivationClaims };

/**
 * The activation link's token stands in for the bearer JWT the contact does not have yet: it is
 * verified here, as AuthGuard verifies a JWT, and the request gets the principal it proves
 * (contact `contact:<id>` of the token's tenant). So `@Ctx()` builds the command context the
 * usual way, and the events name the contact as their actor. Guards run before the body is
 * validated: a bad link is a 404 whatever the body.
 */
@Injectable()
export class ActivationTokenGuard implements CanActivate {
  constructor(private readonly tokens: ActivationTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ActivationRequest & { params: { token?: string } }>();
    const claims = this.tokens.verify(String(request.params.token ?? ''));
    if (!claims)
      throw new NotFoundException({
        code: 'ACTIVATION_TOKEN_INVALID',
        message: 'This activation link is not valid',
      });
    request.activation = claims;
    request.principal = { sub: `contact:${claims.contactId}`, tenant: claims.tenant, role: 'contact' };
    return true;
  }
}
