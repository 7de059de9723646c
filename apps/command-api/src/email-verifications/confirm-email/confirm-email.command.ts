import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { EmailVerificationClaims } from '@dossiers/notifications';

/** POST /email-verifications/:token: the verified link confirms the pending change it names. */
export class ConfirmEmailCommand extends Command<CommandResult> {
  constructor(
    readonly link: EmailVerificationClaims,
    readonly context: CommandContext,
  ) {
    super();
  }
}
