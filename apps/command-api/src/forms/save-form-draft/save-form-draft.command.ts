import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@dossiers/application';
import type { FormClaims } from '@dossiers/notifications';
import type { FormLinkResult } from '../form-link.responses';

/** PUT /forms/:token/draft: the contact's answers so far. */
export class SaveFormDraftCommand extends Command<FormLinkResult> {
  constructor(
    readonly link: FormClaims,
    readonly answers: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
