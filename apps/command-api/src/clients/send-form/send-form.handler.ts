import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow } from '@dossiers/domain';
import { ClientCommandRunner } from '../client-command-runner';
import { TemplateSteps } from '../steps/template-steps';
import { SendFormCommand, type FormSent } from './send-form.command';

/** Sends a form to the client's current contacts (the wizard's step 6, later on). */
@CommandHandler(SendFormCommand)
export class SendFormHandler implements ICommandHandler<SendFormCommand> {
  constructor(
    private readonly templates: TemplateSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({ clientId, formTemplateId, context }: SendFormCommand): Promise<FormSent> {
    const command = validOrThrow(
      await this.templates.form(clientId, formTemplateId, 'formTemplateId', context),
    );
    return { ...(await this.runner.run(clientId, command, context)), formId: command.formId };
  }
}
