import { Inject, Injectable } from '@nestjs/common';
import {
  checkConnectorSettings,
  checkContactDetails,
  checkLanguage,
  type ApplyTreeTemplate,
  type AssignCollaborator,
  type AttachContact,
  type ConfigureConnector,
  type FieldError,
  type LoadSheetTemplate,
  type SendForm,
} from '@dossiers/domain';
import { ACCESS_LEVELS, type Access, type ContactDetails } from '@dossiers/events';
import type { CommandContext } from '@dossiers/application';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { CollaboratorLookup } from '../directory/collaborator-lookup';
import { ContactLookup } from '../directory/contact-lookup';
import { ContactEmailRegistry } from '../directory/contact-email-registry';
import { ConnectorCatalog } from '../templates/connector-catalog';
import { TemplateLookup } from '../templates/template-lookup';

/** What a step made of its input: the commands it gives, or the errors naming its fields. */
export interface Step<T> {
  value: T;
  errors: FieldError[];
}

/** A contact the wizard or the contacts tab creates before attaching it. */
export interface NewContact {
  contactId: string;
  details: ContactDetails;
  /** the request field, to name it when its email turns out to be taken */
  field: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { contacts: 100, collaborators: 500, connectors: 50 };
const CONTACT_KEYS = new Set([
  'contactId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'sendActivationEmail',
]);

/** `contacts.0` + `email` -> `contacts.0.email`; a single-step endpoint's fields have no prefix. */
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw);

function listOf(raw: unknown, field: string, max: number, errors: FieldError[]): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push({ field, message: 'must be an array' });
    return [];
  }
  if (raw.length > max) errors.push({ field, message: `must hold at most ${max} entries` });
  return raw.slice(0, max);
}

function unknownKeys(entry: Record<string, unknown>, allowed: Set<string>, field: string): FieldError[] {
  return Object.keys(entry)
    .filter((key) => !allowed.has(key))
    .map((key) => ({ field: join(field, key), message: 'is not a known property' }));
}

/** An optional id of something else: absent, or a uuid. */
function optionalId(raw: unknown, field: string, errors: FieldError[]): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && UUID.test(raw)) return raw.toLowerCase();
  errors.push({ field, message: 'must be a uuid' });
  return null;
}

/**
 * The client sheet's steps, each turned from raw input into client commands with every lookup
 * done: the creation wizard runs them all and reports every error at once; each tab's endpoint
 * runs one. Lookups read the event store, the source of truth, never a read model.
 */
@Injectable()
export class ClientSteps {
  constructor(
    private readonly templates: TemplateLookup,
    private readonly catalog: ConnectorCatalog,
    private readonly contactLookup: ContactLookup,
    private readonly collaboratorLookup: CollaboratorLookup,
    private readonly emails: ContactEmailRegistry,
    @Inject(SECRET_BOX) private readonly secretBox: SecretBox,
  ) {}

  async sheetTemplate(
    clientId: string,
    raw: unknown,
    field: string,
    tenant: string,
  ): Promise<Step<LoadSheetTemplate | null>> {
    const errors: FieldError[] = [];
    const templateId = optionalId(raw, field, errors);
    if (!templateId) return { value: null, errors };
    const template = await this.templates.sheetTemplate(templateId, tenant);
    if (!template) return { value: null, errors: [{ field, message: 'no such sheet template' }] };
    return { value: { type: 'LoadSheetTemplate', clientId, template }, errors };
  }

  /** `({contactId} | {firstName, lastName, email, phone?}) & {language, sendActivationEmail}` entries. */
  async contacts(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Step<{ create: NewContact[]; attach: AttachContact[] }>> {
    const errors: FieldError[] = [];
    const create: NewContact[] = [];
    const attach: AttachContact[] = [];
    const seenContacts = new Map<string, string>();
    const seenEmails = new Map<string, string>();
    const entries = listOf(raw, field, LIMITS.contacts, errors);
    for (const [index, entry] of entries.entries()) {
      const at = `${field}.${index}`;
      const contact = await this.contact(entry, at, context);
      errors.push(...contact.errors);
      if (!contact.value) continue;
      const { contactId, language, sendActivationEmail, details } = contact.value;
      const again = seenContacts.get(contactId);
      if (again) errors.push({ field: at, message: `names the same contact as ${again}` });
      seenContacts.set(contactId, at);
      if (details) {
        const sameEmail = seenEmails.get(details.email);
        if (sameEmail)
          errors.push({ field: `${at}.email`, message: `is the same email as ${sameEmail}.email` });
        seenEmails.set(details.email, at);
        create.push({ contactId, details, field: at });
      }
      attach.push({ type: 'AttachContact', clientId, contactId, language, sendActivationEmail });
    }
    return { value: { create, attach }, errors };
  }

  async contact(
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Step<(Omit<AttachContact, 'type' | 'clientId'> & { details: ContactDetails | null }) | null>> {
    if (!isObject(raw)) return { value: null, errors: [{ field, message: 'must be an object' }] };
    const errors = unknownKeys(raw, CONTACT_KEYS, field);
    const { contactId: rawId, sendActivationEmail, ...rest } = raw;
    if (typeof sendActivationEmail !== 'boolean')
      errors.push({ field: join(field, 'sendActivationEmail'), message: 'must be true or false' });
    if (rawId !== undefined) {
      // An existing contact: only its id, the language of this client's emails and the flag.
      const language = checkLanguage(rest.language, join(field, 'language'));
      errors.push(...language.errors);
      // Given, not merely present: a tab's DTO instance holds every declared property, unset ones undefined.
      for (const key of ['firstName', 'lastName', 'email', 'phone'])
        if (rest[key] !== undefined)
          errors.push({ field: join(field, key), message: 'is not allowed with contactId' });
      const contactId = optionalId(rawId, join(field, 'contactId'), errors);
      if (contactId && (await this.contactLookup.find(contactId, context.tenant)).status !== 'active')
        errors.push({ field: join(field, 'contactId'), message: 'no such contact' });
      if (errors.length > 0 || !contactId || !language.value) return { value: null, errors };
      return {
        value: {
          contactId,
          language: language.value,
          sendActivationEmail: sendActivationEmail as boolean,
          details: null,
        },
        errors,
      };
    }
    const details = checkContactDetails(rest, field);
    errors.push(...details.errors);
    if (errors.length > 0 || !details.value) return { value: null, errors };
    return {
      value: {
        contactId: context.newId(`contact:${field || 'new'}`),
        language: details.value.language,
        sendActivationEmail: sendActivationEmail as boolean,
        details: details.value,
      },
      errors,
    };
  }

  /** The new contacts whose email another contact already has, as field errors. */
  async takenEmails(contacts: NewContact[], context: CommandContext): Promise<FieldError[]> {
    const taken = await Promise.all(
      contacts.map((c) => this.emails.isTaken(c.details.email, context.tenant, context.now, c.contactId)),
    );
    return contacts
      .filter((_, index) => taken[index])
      .map((c) => ({
        field: join(c.field, 'email'),
        message: `a contact with email ${c.details.email} already exists`,
      }));
  }

  async collaborators(
    clientId: string,
    raw: unknown,
    field: string,
    tenant: string,
  ): Promise<Step<AssignCollaborator[]>> {
    const errors: FieldError[] = [];
    const value: AssignCollaborator[] = [];
    const seen = new Map<string, string>();
    for (const [index, entry] of listOf(raw, field, LIMITS.collaborators, errors).entries()) {
      const at = `${field}.${index}`;
      if (!isObject(entry)) {
        errors.push({ field: at, message: 'must be an object' });
        continue;
      }
      const { collaboratorId: rawId, access } = entry;
      errors.push(...unknownKeys(entry, new Set(['collaboratorId', 'access']), at));
      const collaborator = await this.collaborator(clientId, rawId, access, at, tenant);
      errors.push(...collaborator.errors);
      if (!collaborator.value) continue;
      const again = seen.get(collaborator.value.collaboratorId);
      if (again) errors.push({ field: at, message: `names the same collaborator as ${again}` });
      seen.set(collaborator.value.collaboratorId, at);
      value.push(collaborator.value);
    }
    return { value, errors };
  }

  async collaborator(
    clientId: string,
    rawId: unknown,
    access: unknown,
    field: string,
    tenant: string,
  ): Promise<Step<AssignCollaborator | null>> {
    const errors: FieldError[] = [];
    const idField = join(field, 'collaboratorId');
    const collaboratorId =
      rawId === undefined
        ? (errors.push({ field: idField, message: 'is required' }), null)
        : optionalId(rawId, idField, errors);
    if (!ACCESS_LEVELS.includes(access as Access))
      errors.push({ field: join(field, 'access'), message: `must be one of ${ACCESS_LEVELS.join(', ')}` });
    if (collaboratorId && (await this.collaboratorLookup.find(collaboratorId, tenant)).status !== 'active')
      errors.push({ field: idField, message: 'no such collaborator' });
    if (errors.length > 0 || !collaboratorId) return { value: null, errors };
    return {
      value: { type: 'AssignCollaborator', clientId, collaboratorId, access: access as Access },
      errors,
    };
  }

  /**
   * A collaborator who creates a client without listing themselves gets full access to it:
   * otherwise the client they just made would not exist for them. Only a collaborator of the
   * directory (the token's subject) is assigned.
   */
  async creatorAccess(
    clientId: string,
    listed: AssignCollaborator[],
    context: CommandContext,
  ): Promise<AssignCollaborator | null> {
    if (context.role !== 'collaborator' || listed.some((c) => c.collaboratorId === context.actor))
      return null;
    const creator = await this.collaboratorLookup.find(context.actor, context.tenant);
    if (creator.status !== 'active') return null;
    return { type: 'AssignCollaborator', clientId, collaboratorId: context.actor, access: 'full' };
  }

  async tree(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Step<ApplyTreeTemplate | null>> {
    const errors: FieldError[] = [];
    const templateId = optionalId(raw, field, errors);
    if (!templateId) return { value: null, errors };
    const template = await this.templates.treeTemplate(templateId, context.tenant);
    if (!template) return { value: null, errors: [{ field, message: 'no such tree template' }] };
    // Ids for every path; the decider uses those of the folders the client lacks.
    const newFolderIds = Object.fromEntries(
      template.folders.map((folder) => [folder.path, context.newId(`folder:${templateId}:${folder.path}`)]),
    );
    return { value: { type: 'ApplyTreeTemplate', clientId, template, newFolderIds }, errors };
  }

  connectors(clientId: string, raw: unknown, field: string): Step<ConfigureConnector[]> {
    const errors: FieldError[] = [];
    const value: ConfigureConnector[] = [];
    const seen = new Map<string, string>();
    for (const [index, entry] of listOf(raw, field, LIMITS.connectors, errors).entries()) {
      const at = `${field}.${index}`;
      if (!isObject(entry)) {
        errors.push({ field: at, message: 'must be an object' });
        continue;
      }
      errors.push(...unknownKeys(entry, new Set(['connectorId', 'settings']), at));
      const again = typeof entry.connectorId === 'string' ? seen.get(entry.connectorId) : undefined;
      if (again) errors.push({ field: at, message: `names the same connector as ${again}` });
      const connector = this.connector(clientId, entry.connectorId, entry.settings ?? {}, at, []);
      errors.push(...connector.errors);
      if (connector.value) {
        seen.set(connector.value.connectorId, at);
        value.push(connector.value);
      }
    }
    return { value, errors };
  }

  /** `storedSecretKeys`: secrets the client already has for it, which a PUT may leave out. */
  connector(
    clientId: string,
    rawId: unknown,
    rawSettings: unknown,
    field: string,
    storedSecretKeys: string[],
  ): Step<ConfigureConnector | null> {
    const idField = join(field, 'connectorId');
    const definition = typeof rawId === 'string' ? this.catalog.find(rawId) : undefined;
    if (!definition)
      return { value: null, errors: [{ field: idField, message: 'no such connector in the catalog' }] };
    const settingsField = join(field, 'settings');
    const checked = checkConnectorSettings(definition, rawSettings, {
      field: settingsField,
      storedSecretKeys,
    });
    if (checked.errors.length > 0) return { value: null, errors: checked.errors };
    const secrets = Object.fromEntries(
      Object.entries(checked.secrets).map(([key, clear]) => [key, this.secretBox.encrypt(clear)]),
    );
    return {
      value: {
        type: 'ConfigureConnector',
        clientId,
        connectorId: definition.id,
        settings: checked.settings,
        secrets,
      },
      errors: [],
    };
  }

  async form(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Step<SendForm | null>> {
    const errors: FieldError[] = [];
    const templateId = optionalId(raw, field, errors);
    if (!templateId) return { value: null, errors };
    const template = await this.templates.formTemplate(templateId, context.tenant);
    if (!template) return { value: null, errors: [{ field, message: 'no such form template' }] };
    const formId = context.newId(`form:${templateId}`);
    return {
      value: { type: 'SendForm', clientId, formId, template: { templateId, name: template.name } },
      errors,
    };
  }
}
