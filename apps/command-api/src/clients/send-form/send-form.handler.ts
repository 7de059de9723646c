import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkAll, checkSendFormInput, validOrThrow, type FormRenderInputs } from '@dossiers/domain';
import { ClientCommandRunner } from '../client-command-runner';
import { TemplateSteps } from '../steps/template-steps';
import { FormSteps } from '../../forms/form-steps';
import { SendFormCommand, type FormSent } from './send-form.command';

/** Sends a form to the client's contacts now (each a mail in their language, with its link), or schedules it. */
@CommandHandler(SendFormCommand)
export class SendFormHandler implements ICommandHandler<SendFormCommand> {
  constructor(
    private readonly templates: TemplateSteps,
    private readonly steps: FormSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({ clientId, input, context }: SendFormCommand): Promise<FormSent> {
    const { form, options } = validOrThrow(
      checkAll({
        form: await this.templates.form(clientId, input.formTemplateId, 'formTemplateId', context),
        options: checkSendFormInput(input),
      }),
    );
    const result = await this.runner.run<FormRenderInputs>(
      clientId,
      (_state, inputs) => ({ ...form, ...options, ...inputs }),
      context,
      { prepare: (state) => this.steps.renderInputs(state, context.tenant) },
    );
    return { ...result, formId: form.formId };
  }
}
