import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { EmailVerificationTokens, type EmailVerificationClaims } from '@dossiers/notifications';
import type { HttpRequest } from '@dossiers/platform';

export type EmailVerificationRequest = HttpRequest & { emailVerification?: EmailVerificationClaims };

/**
 * The verification link's token stands in for a bearer JWT, as the activation link's does
 * (ActivationTokenGuard): verified here, it gives the request the principal it proves (contact
 * `contact:<id>` of the token's tenant), who is then the actor of ContactEmailChanged.
 */
@Injectable()
export class EmailVerificationTokenGuard implements CanActivate {
  constructor(private readonly tokens: EmailVerificationTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<EmailVerificationRequest & { params: { token?: string } }>();
    const claims = this.tokens.verify(String(request.params.token ?? ''));
    if (!claims)
      throw new NotFoundException({
        code: 'EMAIL_VERIFICATION_TOKEN_INVALID',
        message: 'This verification link is not valid',
      });
    request.emailVerification = claims;
    request.principal = { sub: `contact:${claims.contactId}`, tenant: claims.tenant, role: 'contact' };
    return true;
  }
}
