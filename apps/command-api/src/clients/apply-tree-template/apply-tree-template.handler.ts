import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../client-command-runner';
import { TemplateSteps } from '../steps/template-steps';
import { ApplyTreeTemplateCommand } from './apply-tree-template.command';

/**
 * Adds the template's folders the client lacks. Existing folders, their files and rights are never
 * removed or changed, whichever template they came from.
 */
@CommandHandler(ApplyTreeTemplateCommand)
export class ApplyTreeTemplateHandler implements ICommandHandler<ApplyTreeTemplateCommand> {
  constructor(
    private readonly templates: TemplateSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({ clientId, treeTemplateId, context }: ApplyTreeTemplateCommand): Promise<CommandResult> {
    const command = validOrThrow(
      await this.templates.tree(clientId, treeTemplateId, 'treeTemplateId', context),
    );
    return this.runner.run(clientId, { ...command, actor: actorOf(context) }, context);
  }
}
