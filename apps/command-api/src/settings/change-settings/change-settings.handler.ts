import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkSettingsChanges, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { ChangeSettingsCommand } from './change-settings.command';

/** The firm's settings: one stream per firm, keyed by the tenant. Every bad setting at once (400). */
@CommandHandler(ChangeSettingsCommand)
export class ChangeSettingsHandler implements ICommandHandler<ChangeSettingsCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  execute({ changes, context }: ChangeSettingsCommand): Promise<CommandResult> {
    return this.aggregates.tenantSettings.handle(
      context.tenant,
      { type: 'ChangeTenantSettings', changes: validOrThrow(checkSettingsChanges(changes)) },
      context,
    );
  }
}
