import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { FormTokens, type FormClaims } from '@dossiers/notifications';
import type { HttpRequest } from '@dossiers/platform';

export type FormLinkRequest = HttpRequest & { formLink?: FormClaims };

/**
 * A form link's token stands in for the bearer JWT, as the activation link's does: verified here,
 * the request gets the principal it proves (contact `contact:<id>` of the token's tenant), so the
 * events name the contact as their actor. A bad link is a 404 whatever the body.
 */
@Injectable()
export class FormTokenGuard implements CanActivate {
  constructor(private readonly tokens: FormTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FormLinkRequest & { params: { token?: string } }>();
    const claims = this.tokens.verify(String(request.params.token ?? ''));
    if (!claims)
      throw new NotFoundException({ code: 'FORM_LINK_INVALID', message: 'This form link is not valid' });
    request.formLink = claims;
    request.principal = { sub: `contact:${claims.contactId}`, tenant: claims.tenant, role: 'contact' };
    return true;
  }
}
