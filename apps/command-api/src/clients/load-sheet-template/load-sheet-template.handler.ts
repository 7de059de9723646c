import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../client-command-runner';
import { TemplateSteps } from '../steps/template-steps';
import { LoadSheetTemplateCommand } from './load-sheet-template.command';

/** Loads a sheet template onto an existing client: adds its fields, keeps existing fields and values. */
@CommandHandler(LoadSheetTemplateCommand)
export class LoadSheetTemplateHandler implements ICommandHandler<LoadSheetTemplateCommand> {
  constructor(
    private readonly templates: TemplateSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({ clientId, sheetTemplateId, context }: LoadSheetTemplateCommand): Promise<CommandResult> {
    const command = validOrThrow(
      await this.templates.sheetTemplate(clientId, sheetTemplateId, 'sheetTemplateId', context.tenant),
    );
    return this.runner.run(clientId, command, context);
  }
}
