import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FormSection } from '@dossiers/events';
import { formOfLink } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';
import { assertLinkLive, FormSteps } from '../form-steps';
import type { FormLinkResult } from '../form-link.responses';
import { SaveFormDraftCommand } from './save-form-draft.command';

/** Saves a draft: partial answers, each still checked against its question. */
@CommandHandler(SaveFormDraftCommand)
export class SaveFormDraftHandler implements ICommandHandler<SaveFormDraftCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly steps: FormSteps,
  ) {}

  async execute({ link, answers, context }: SaveFormDraftCommand): Promise<FormLinkResult> {
    assertLinkLive(link, context.now);
    const { clientId, formId, contactId } = link;
    await this.aggregates.clients.handle<FormSection[]>(
      clientId,
      (_state, sections) => ({ type: 'SaveFormDraft', clientId, formId, contactId, answers, sections }),
      context,
      {
        prepare: async (state) =>
          (await this.steps.template(formOfLink(state, link).form.templateId, context.tenant)).sections,
      },
    );
    return { formId, fileId: null };
  }
}
