import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ActivationClaims } from '@dossiers/notifications';

/** POST /activations/:token: the contact of the verified link chooses its password. */
export class ActivateContactCommand extends Command<CommandResult> {
  constructor(
    readonly link: ActivationClaims,
    readonly password: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
