import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** DELETE /clients/:id/connectors/:connectorId */
export class RemoveConnectorCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly connectorId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
