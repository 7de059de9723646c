import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { SendFormInput } from '@dossiers/domain';

/** The client's revision, and the form sent or scheduled. */
export type FormSent = CommandResult & { formId: string };

/** POST /clients/:id/forms: sends a form to the client's contacts now, or schedules it for `sendAt`. */
export class SendFormCommand extends Command<FormSent> {
  constructor(
    readonly clientId: string,
    readonly input: SendFormInput & { formTemplateId?: unknown },
    readonly context: CommandContext,
  ) {
    super();
  }
}
