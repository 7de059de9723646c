import { Injectable } from '@nestjs/common';
import {
  checkContactDetails,
  checked,
  checkLanguage,
  checkUuid,
  fieldOf,
  invalid,
  isPlainObject,
  valid,
  type AttachContact,
  type Checked,
  type FieldError,
} from '@dossiers/domain';
import type { ContactDetails } from '@dossiers/events';
import type { CommandContext } from '@dossiers/application';
import { ContactLookup } from '../../directory/contact-lookup';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { listOf, repeated, unknownKeys } from './step-input';

/** A contact the wizard or the contacts tab creates before attaching it. */
export interface NewContact {
  contactId: string;
  details: ContactDetails;
  /** the request field, to name it when its email turns out to be taken */
  field: string;
}

/** One contact entry: how to attach it, and the details of the contact to create first (null: it exists). */
export type ContactEntry = Omit<AttachContact, 'type' | 'clientId'> & { details: ContactDetails | null };

const MAX_CONTACTS = 100;
const CONTACT_KEYS = new Set([
  'contactId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'sendActivationEmail',
]);
const DETAIL_KEYS = ['firstName', 'lastName', 'email', 'phone'];

/**
 * The contacts step (wizard step 2, and the contacts tab): entries
 * `({contactId} | {firstName, lastName, email, phone?}) & {language, sendActivationEmail}`. An
 * existing contact is read from its stream; a new one gets its id here and is created later, by
 * the command, once its email is known to be free.
 */
@Injectable()
export class ContactSteps {
  constructor(
    private readonly contactLookup: ContactLookup,
    private readonly emails: ContactEmailRegistry,
  ) {}

  async contacts(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Checked<{ create: NewContact[]; attach: AttachContact[] }>> {
    const errors: FieldError[] = [];
    const create: NewContact[] = [];
    const attach: AttachContact[] = [];
    const seenContacts = new Map<string, string>();
    const seenEmails = new Map<string, string>();
    for (const [index, entry] of listOf(raw, field, MAX_CONTACTS, errors).entries()) {
      const at = `${field}.${index}`;
      const contact = await this.contact(entry, at, context);
      errors.push(...contact.errors);
      if (!contact.value) continue;
      const { contactId, language, sendActivationEmail, details } = contact.value;
      errors.push(...repeated(seenContacts, contactId, at, 'contact'));
      if (details) {
        const sameEmail = seenEmails.get(details.email);
        if (sameEmail)
          errors.push({ field: `${at}.email`, message: `is the same email as ${sameEmail}.email` });
        seenEmails.set(details.email, at);
        create.push({ contactId, details, field: at });
      }
      attach.push({ type: 'AttachContact', clientId, contactId, language, sendActivationEmail });
    }
    return checked({ create, attach }, errors);
  }

  async contact(raw: unknown, field: string, context: CommandContext): Promise<Checked<ContactEntry>> {
    if (!isPlainObject(raw)) return invalid(field, 'must be an object');
    const errors = unknownKeys(raw, CONTACT_KEYS, field);
    const { contactId, sendActivationEmail, ...rest } = raw;
    if (typeof sendActivationEmail !== 'boolean')
      errors.push({ field: fieldOf(field, 'sendActivationEmail'), message: 'must be true or false' });
    const entry =
      contactId !== undefined
        ? await this.existing(contactId, rest, field, context.tenant)
        : this.created(rest, field, context);
    errors.push(...entry.errors);
    if (errors.length > 0 || !entry.value) return invalid(errors);
    return valid({ ...entry.value, sendActivationEmail: sendActivationEmail as boolean });
  }

  /** The new contacts whose email another contact already has, as field errors. */
  async takenEmails(contacts: NewContact[], context: CommandContext): Promise<FieldError[]> {
    const taken = await Promise.all(
      contacts.map((c) => this.emails.isTaken(c.details.email, context.tenant, context.now, c.contactId)),
    );
    return contacts
      .filter((_, index) => taken[index])
      .map((c) => ({
        field: fieldOf(c.field, 'email'),
        message: `a contact with email ${c.details.email} already exists`,
      }));
  }

  /** An existing contact: only its id and the language of this client's emails. */
  private async existing(
    rawId: unknown,
    rest: Record<string, unknown>,
    field: string,
    tenant: string,
  ): Promise<Checked<Omit<ContactEntry, 'sendActivationEmail'>>> {
    const language = checkLanguage(rest.language, fieldOf(field, 'language'));
    const errors = [...language.errors];
    // Given, not merely present: a tab's command holds every property of its body, unset ones undefined.
    for (const key of DETAIL_KEYS)
      if (rest[key] !== undefined)
        errors.push({ field: fieldOf(field, key), message: 'is not allowed with contactId' });
    const idField = fieldOf(field, 'contactId');
    const id = checkUuid(rawId, idField);
    errors.push(...id.errors);
    if (id.value && (await this.contactLookup.find(id.value, tenant)).status !== 'active')
      errors.push({ field: idField, message: 'no such contact' });
    if (errors.length > 0 || !id.value || !language.value) return invalid(errors);
    return valid({ contactId: id.value, language: language.value, details: null });
  }

  /** A new contact, given by its details; its id is the request's, so a retried request derives it again. */
  private created(
    rest: Record<string, unknown>,
    field: string,
    context: CommandContext,
  ): Checked<Omit<ContactEntry, 'sendActivationEmail'>> {
    const details = checkContactDetails(rest, field);
    if (!details.value) return invalid(details.errors);
    return valid({
      contactId: context.newId(`contact:${field || 'new'}`),
      language: details.value.language,
      details: details.value,
    });
  }
}
