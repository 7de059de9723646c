import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** The client's revision, and the form sent. */
export type FormSent = CommandResult & { formId: string };

/** POST /clients/:id/forms: sends a form to the client's current contacts. */
export class SendFormCommand extends Command<FormSent> {
  constructor(
    readonly clientId: string,
    readonly formTemplateId: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
