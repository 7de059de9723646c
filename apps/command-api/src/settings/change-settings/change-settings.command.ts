import { Command } from '@nestjs/cqrs';
import type { SettingsInput } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PUT /settings: the firm's settings to change as sent, checked by the handler; an absent one keeps its value. */
export class ChangeSettingsCommand extends Command<CommandResult> {
  constructor(
    readonly changes: SettingsInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
