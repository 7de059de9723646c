import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PATCH /clients/:id: only the fields to change; `groupId: null` leaves the group, a null attribute is removed. */
export class UpdateClientCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly changes: { name?: string; groupId?: string | null; attributes?: Record<string, unknown> },
    readonly context: CommandContext,
  ) {
    super();
  }
}
