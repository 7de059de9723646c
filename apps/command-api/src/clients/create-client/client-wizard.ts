import { Injectable } from '@nestjs/common';
import {
  checkAll,
  checkAttributes,
  checkClientName,
  checkUuid,
  clientSetUpDecider,
  decideClientSetUp,
  invalid,
  mapChecked,
  valid,
  validOrThrow,
  ValidationError,
  type Checked,
  type FieldError,
  type SetUpClient,
} from '@dossiers/domain';
import type { CommandContext } from '@dossiers/application';
import { GroupLookup } from '../../groups/group-lookup';
import { CollaboratorSteps } from '../steps/collaborator-steps';
import { ConnectorSteps } from '../steps/connector-steps';
import { ContactSteps, type NewContact } from '../steps/contact-steps';
import { isGiven } from '../steps/step-input';
import { TemplateSteps } from '../steps/template-steps';
import type { ClientWizardInput } from './create-client.command';

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
export const withStep = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, step: STEP_OF[e.field.split('.')[0]] ?? e.step }));

/** The errors of a check, each naming its step. */
const inSteps = <T>(checked: Checked<T>): Checked<T> => ({ ...checked, errors: withStep(checked.errors) });

/** A step the wizard may leave out: null when it is. */
const optional = async <T>(
  raw: unknown,
  step: (raw: unknown) => Promise<Checked<T>>,
): Promise<Checked<T | null>> => (isGiven(raw) ? step(raw) : valid(null));

/** What the wizard does once every step is checked: the client's whole set-up, and the contacts to create first. */
export interface ClientSetUpPlan {
  setUp: SetUpClient;
  newContacts: NewContact[];
}

/**
 * The wizard's checks: every step is checked and every reference looked up (in the event store),
 * then the whole outcome is decided once in memory (a pure dry run), so the rules of every step
 * hold (required sheet fields...). One 400 lists every error with its step; nothing is written.
 */
@Injectable()
export class ClientWizard {
  constructor(
    private readonly groups: GroupLookup,
    private readonly templates: TemplateSteps,
    private readonly contacts: ContactSteps,
    private readonly collaborators: CollaboratorSteps,
    private readonly connectors: ConnectorSteps,
  ) {}

  async plan(clientId: string, input: ClientWizardInput, context: CommandContext): Promise<ClientSetUpPlan> {
    const steps = validOrThrow(inSteps(await this.check(clientId, input, context)));
    const { name, groupId, attributes, sheet, contacts, collaborators, tree, connectors, form } = steps;
    const creator = await this.collaborators.creatorAccess(clientId, collaborators, context);
    const setUp: SetUpClient = {
      type: 'SetUpClient',
      create: { type: 'CreateClient', clientId, name, groupId, attributes },
      steps: [
        ...(sheet ? [sheet] : []),
        ...contacts.attach,
        ...collaborators,
        ...(creator ? [creator] : []),
        ...(tree ? [tree] : []),
        ...connectors,
        ...(form ? [form] : []),
      ],
    };
    try {
      decideClientSetUp(setUp, clientSetUpDecider.initialState());
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(withStep(error.errors));
      throw error;
    }
    return { setUp, newContacts: contacts.create };
  }

  /** Every step, each with its lookups, in the order of the wizard: their errors are listed in it. */
  private async check(clientId: string, input: ClientWizardInput, context: CommandContext) {
    const { tenant } = context;
    return checkAll({
      name: checkClientName(input.name),
      attributes:
        input.attributes === undefined
          ? valid({})
          : mapChecked(checkAttributes(input.attributes, { allowRemoval: false }), ({ set }) => set),
      groupId: await optional(input.groupId, (raw) => this.group(raw, tenant)),
      sheet: await optional(input.sheetTemplateId, (raw) =>
        this.templates.sheetTemplate(clientId, raw, 'sheetTemplateId', tenant),
      ),
      contacts: await this.contacts.contacts(clientId, input.contacts, 'contacts', context),
      collaborators: await this.collaborators.collaborators(
        clientId,
        input.collaborators,
        'collaborators',
        tenant,
      ),
      tree: await optional(input.treeTemplateId, (raw) =>
        this.templates.tree(clientId, raw, 'treeTemplateId', context),
      ),
      connectors: this.connectors.connectors(clientId, input.connectors, 'connectors'),
      form: await optional(input.formTemplateId, (raw) =>
        this.templates.form(clientId, raw, 'formTemplateId', context),
      ),
    });
  }

  /** The group's id as given, like PATCH /clients/:id takes it. */
  private async group(raw: unknown, tenant: string): Promise<Checked<string>> {
    const id = checkUuid(raw, 'groupId');
    if (id.value === undefined) return id;
    const errors = await this.groups.check(raw as string, tenant);
    return errors.length > 0 ? invalid(errors) : valid(raw as string);
  }
}
