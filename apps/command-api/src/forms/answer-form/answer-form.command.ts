import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@dossiers/application';
import type { FormClaims } from '@dossiers/notifications';
import type { FormLinkResult } from '../form-link.responses';

/** POST /forms/:token/answers: the contact submits the form, once. */
export class AnswerFormCommand extends Command<FormLinkResult> {
  constructor(
    readonly link: FormClaims,
    readonly answers: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
