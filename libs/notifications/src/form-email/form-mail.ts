import type { Language } from '@dossiers/events';
import type { MailDeliveryDoc } from '../deliveries/mail-delivery.document';
import type { RecipientLookup } from '../reactor/recipient-lookup';
import { renderFormEmail } from './form-email';
import { formLink, type FormTokens } from './form-token';

export type FormMailPrepared =
  | { to: string; subject: string; text: string; html: string; language: Language; link: string }
  | { reason: string };

/**
 * A form's mail for one recipient: the message its FormSent rendered and a link signed for this
 * contact and form, to the contact's email of now. No contact or no address: never sendable.
 */
export async function prepareFormMail(
  delivery: MailDeliveryDoc,
  recipients: RecipientLookup,
  tokens: FormTokens,
  publicUrl: string,
): Promise<FormMailPrepared> {
  const { form, clientId } = delivery;
  if (!form || !clientId) return { reason: 'The form mail has no content' };
  const contact = await recipients.contact(delivery.tenant, delivery.contactId);
  if (!contact) return { reason: 'The contact does not exist or was erased' };
  const to = contact.details.email?.trim();
  if (!to) return { reason: 'The contact has no email' };
  const token = tokens.sign({
    tenant: delivery.tenant,
    clientId,
    formId: form.formId,
    contactId: delivery.contactId,
    exp: Math.floor(Date.parse(delivery.expiresAt) / 1000),
  });
  const link = formLink(publicUrl, token);
  const language = delivery.language ?? contact.details.language;
  const rendered = renderFormEmail({ ...form, language, link, expiresAt: new Date(delivery.expiresAt) });
  return { to, ...rendered, link };
}
