import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formOfLink } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';
import { assertLinkLive, FormSteps } from '../form-steps';
import type { FormLinkView } from '../form-link.responses';
import { OpenFormCommand } from './open-form.command';

/** Records the first opening (FormOpened), then answers the form as the contact's page shows it. */
@CommandHandler(OpenFormCommand)
export class OpenFormHandler implements ICommandHandler<OpenFormCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly steps: FormSteps,
  ) {}

  async execute({ link, context }: OpenFormCommand): Promise<FormLinkView> {
    assertLinkLive(link, context.now);
    const { clientId, formId, contactId } = link;
    await this.aggregates.clients.handle(
      clientId,
      { type: 'OpenForm', clientId, formId, contactId },
      context,
    );
    const { state } = await this.aggregates.clients.load(clientId, context.tenant);
    const { form } = formOfLink(state, link);
    const { sections } = await this.steps.template(form.templateId, context.tenant);
    const draft = form.drafts[contactId] ?? null;
    return { formId, title: form.title, message: form.texts[contactId] ?? '', sections, draft };
  }
}
