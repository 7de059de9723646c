import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/**
 * A scheduled form falls due: the scheduler (embedded or the worker) sends this through the
 * CommandBus, with a service context whose `now` is its clock. No HTTP route.
 */
export class SendScheduledFormCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly formId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
