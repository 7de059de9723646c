import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { REMINDER_TEMPLATES_COLLECTION, type ReminderTemplateDoc } from '@dossiers/read-models';
import { findTemplate, summaryOf } from '../../template-reads';
import { GetReminderTemplateQuery, type ReminderTemplateDetail } from './get-reminder-template.query';

@QueryHandler(GetReminderTemplateQuery)
export class GetReminderTemplateHandler implements IQueryHandler<GetReminderTemplateQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, templateId }: GetReminderTemplateQuery): Promise<ReminderTemplateDetail> {
    const doc = await findTemplate<ReminderTemplateDoc>(
      this.readStore,
      REMINDER_TEMPLATES_COLLECTION,
      'reminder template',
      principal.tenant,
      templateId,
    );
    return { ...summaryOf(doc), texts: doc.texts, revision: doc.revision };
  }
}
