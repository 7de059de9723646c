import { Command } from '@nestjs/cqrs';
import type { TenantSettings } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PUT /settings: the firm's settings to change; an absent one keeps its value. */
export class ChangeSettingsCommand extends Command<CommandResult> {
  constructor(
    readonly changes: Partial<TenantSettings>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
