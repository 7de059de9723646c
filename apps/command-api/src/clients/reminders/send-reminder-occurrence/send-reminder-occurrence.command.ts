import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/**
 * Occurrence `occurrence` of a reminder falls due: the scheduler (embedded or the BullMQ worker)
 * sends this through the CommandBus, with a service context whose `now` is its clock. No HTTP route.
 */
export class SendReminderOccurrenceCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly reminderId: string,
    readonly occurrence: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
