import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LANGUAGES } from '@dossiers/events';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { REMINDER_TEMPLATES_COLLECTION, type ReminderTemplateDoc } from '@dossiers/read-models';
import { listTemplates, summaryOf } from '../../template-reads';
import { ListReminderTemplatesQuery } from './list-reminder-templates.query';

@QueryHandler(ListReminderTemplatesQuery)
export class ListReminderTemplatesHandler implements IQueryHandler<ListReminderTemplatesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListReminderTemplatesQuery) {
    const docs = await listTemplates<ReminderTemplateDoc>(
      this.readStore,
      REMINDER_TEMPLATES_COLLECTION,
      principal.tenant,
    );
    // In LANGUAGES' order, whatever the order the texts were sent in.
    const items = docs.map((d) => ({
      ...summaryOf(d),
      languages: LANGUAGES.filter((language) => d.texts[language]),
    }));
    return { items, total: docs.length };
  }
}
