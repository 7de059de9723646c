import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { ChangeSettingsCommand } from './change-settings.command';

/** The firm's settings: one stream per firm, keyed by the tenant. */
@CommandHandler(ChangeSettingsCommand)
export class ChangeSettingsHandler implements ICommandHandler<ChangeSettingsCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  execute({ changes, context }: ChangeSettingsCommand): Promise<CommandResult> {
    return this.aggregates.tenantSettings.handle(
      context.tenant,
      { type: 'ChangeTenantSettings', changes },
      context,
    );
  }
}
