import { Inject, Injectable } from '@nestjs/common';
import {
  clientSetUpDecider,
  clientStreamId,
  ConflictError,
  decideClientSetUp,
  NotFoundError,
  parseAttributes,
  parseClientName,
  ValidationError,
  type FieldError,
  type SetUpClient,
} from '@dossiers/domain';
import {
  handleCommand,
  refuseIfMatchOnCreation,
  type CommandContext,
  type CommandResult,
} from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { GroupLookup } from '../../groups/group-lookup';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ClientNameRegistry } from '../client-name-registry';
import { ClientSteps } from '../client-steps';
import type { CreateClientDto } from './create-client.dto';

/** The wizard's step for each top-level field, so that every error names its step. */
const STEP_OF: Record<string, string> = {
  name: 'info',
  groupId: 'info',
  sheetTemplateId: 'info',
  attributes: 'info',
  contacts: 'contacts',
  collaborators: 'collaborators',
  treeTemplateId: 'tree',
  connectors: 'connectors',
  formTemplateId: 'form',
};
const withStep = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, step: STEP_OF[e.field.split('.')[0]] ?? e.step }));

/** A check that throws ValidationError, turned into collected errors. */
function collect<T>(errors: FieldError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.errors);
    return undefined;
  }
}

/**
 * The creation wizard: one atomic command. Every step is checked and looked up first, and the
 * whole outcome is decided once in memory (a pure dry run), so an invalid part stores nothing.
 * Then, in order: the client name is reserved, the new contacts' emails are reserved and the
 * contacts created (they belong to the firm's directory, outside the client), and all the
 * client's events are appended in one append, sharing the request's correlation id.
 *
 * The contacts come before the client so the client never names a contact that does not exist.
 * Should the process die between the two, the contacts exist unattached; the same request
 * retried with its Idempotency-Key derives the same ids and completes it.
 */
@Injectable()
export class CreateClientHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ClientNameRegistry,
    private readonly groups: GroupLookup,
    private readonly steps: ClientSteps,
    private readonly emails: ContactEmailRegistry,
    private readonly contactCreation: ContactCreation,
  ) {}

  async execute(clientId: string, dto: CreateClientDto, context: CommandContext): Promise<CommandResult> {
    const errors: FieldError[] = [];
    const name = collect(errors, () => parseClientName(dto.name));
    const attributes =
      dto.attributes === undefined
        ? {}
        : collect(errors, () => parseAttributes(dto.attributes, { allowRemoval: false }).set);
    const groupId = await this.group(dto.groupId, context.tenant, errors);
    const sheet = await this.steps.sheetTemplate(
      clientId,
      dto.sheetTemplateId,
      'sheetTemplateId',
      context.tenant,
    );
    const contacts = await this.steps.contacts(clientId, dto.contacts, 'contacts', context);
    const collaborators = await this.steps.collaborators(
      clientId,
      dto.collaborators,
      'collaborators',
      context.tenant,
    );
    const tree = await this.steps.tree(clientId, dto.treeTemplateId, 'treeTemplateId', context);
    const connectors = this.steps.connectors(clientId, dto.connectors, 'connectors');
    const form = await this.steps.form(clientId, dto.formTemplateId, 'formTemplateId', context);
    errors.push(...[sheet, contacts, collaborators, tree, connectors, form].flatMap((step) => step.errors));
    if (errors.length > 0 || name === undefined || attributes === undefined)
      throw new ValidationError(withStep(errors));

    const creator = await this.steps.creatorAccess(clientId, collaborators.value, context);
    const command: SetUpClient = {
      type: 'SetUpClient',
      create: { type: 'CreateClient', clientId, name, groupId, attributes },
      steps: [
        ...(sheet.value ? [sheet.value] : []),
        ...contacts.value.attach,
        ...collaborators.value,
        ...(creator ? [creator] : []),
        ...(tree.value ? [tree.value] : []),
        ...connectors.value,
        ...(form.value ? [form.value] : []),
      ],
    };
    // Pure, so it runs before anything is written: the rules of every step (required sheet fields...) hold.
    try {
      decideClientSetUp(command, clientSetUpDecider.initialState());
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(withStep(error.errors));
      throw error;
    }
    const taken = await this.steps.takenEmails(contacts.value.create, context);
    if (taken.length > 0)
      throw new ConflictError(
        'CONTACT_EMAIL_TAKEN',
        'A contact with this email already exists',
        withStep(taken),
      );

    refuseIfMatchOnCreation(clientStreamId(clientId), context);
    // Reservations left by a crash free themselves (see shared/reservation.ts): no release needed.
    await this.names.reserve(clientId, name, -1, context);
    for (const contact of contacts.value.create)
      await this.emails.reserve(contact.contactId, contact.details.email, -1, context).catch((error) => {
        // Taken since the pre-check (a concurrent request): named like the pre-check names it.
        if (!(error instanceof ConflictError) || error.code !== 'CONTACT_EMAIL_TAKEN') throw error;
        throw new ConflictError(
          error.code,
          error.message,
          withStep([{ field: `${contact.field}.email`, message: error.message }]),
        );
      });
    for (const contact of contacts.value.create)
      await this.contactCreation.create(contact.contactId, contact.details, context);
    return handleCommand(
      this.eventStore,
      clientSetUpDecider,
      clientStreamId(clientId),
      command,
      context,
      () => new NotFoundError('client', clientId),
    );
  }

  private async group(raw: unknown, tenant: string, errors: FieldError[]): Promise<string | null> {
    if (raw === undefined || raw === null) return null;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof raw !== 'string' || !uuid.test(raw)) {
      errors.push({ field: 'groupId', message: 'must be a uuid' });
      return null;
    }
    try {
      await this.groups.assertExists(raw, tenant);
      return raw;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.errors);
      return null;
    }
  }
}
