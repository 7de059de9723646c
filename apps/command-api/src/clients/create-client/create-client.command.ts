import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** The wizard's six steps as the body gives them: each is checked by its step, which names its fields. */
export interface ClientWizardInput {
  name: unknown;
  groupId?: unknown;
  sheetTemplateId?: unknown;
  attributes?: unknown;
  contacts?: unknown;
  collaborators?: unknown;
  treeTemplateId?: unknown;
  connectors?: unknown;
  formTemplateId?: unknown;
}

/** POST /clients: the creation wizard, one atomic command. */
export class CreateClientCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly input: ClientWizardInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
