import { isNonEmptyText, SignedTokens } from '../signed-token/signed-tokens';

/** What a form's link proves: this tenant's contact may open and answer this form of this client until `exp`. */
export interface FormClaims {
  tenant: string;
  clientId: string;
  formId: string;
  contactId: string;
  /** Unix seconds; past it the link answers 410 */
  exp: number;
}

/** The purpose the form-link key is derived for (SecretBox.deriveKey): never accepted as another kind of link. */
export const FORM_TOKEN_KEY_PURPOSE = 'form-token';

/** How long a form's link stays valid after the form was sent: a questionnaire may wait a while. */
export const FORM_LINK_TTL_DAYS = 90;

/** Form-link tokens (see SignedTokens), with their own key. */
export class FormTokens extends SignedTokens<FormClaims> {
  constructor(key: Buffer) {
    super(key, ['tenant', 'clientId', 'formId', 'contactId', 'exp'], claimsOf);
  }
}

function claimsOf(value: Record<string, unknown>): FormClaims | null {
  const { tenant, clientId, formId, contactId, exp } = value;
  if (![tenant, clientId, formId, contactId].every(isNonEmptyText)) return null;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { tenant, clientId, formId, contactId, exp } as FormClaims;
}

/** The link's expiry: a function of the FormSent event, so every retry sends the same link. */
export function formLinkExpiry(sentAt: string): number {
  return Math.floor(Date.parse(sentAt) / 1000) + FORM_LINK_TTL_DAYS * 86_400;
}

/** The portal's page of the form, which calls GET /forms/:token. */
export function formLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/forms/${encodeURIComponent(token)}`;
}
