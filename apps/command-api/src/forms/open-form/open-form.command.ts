import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@dossiers/application';
import type { FormClaims } from '@dossiers/notifications';
import type { FormLinkView } from '../form-link.responses';

/** GET /forms/:token: the form's questions for the contact of the link (its first opening recorded). */
export class OpenFormCommand extends Command<FormLinkView> {
  constructor(
    readonly link: FormClaims,
    readonly context: CommandContext,
  ) {
    super();
  }
}
