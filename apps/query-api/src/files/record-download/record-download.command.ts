import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** A download that sent content: which file, which version, which bytes (null: the whole file). */
export class RecordDownloadCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly fileId: string,
    readonly version: number,
    readonly range: { start: number; end: number } | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
