import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { FORM_TEMPLATES_COLLECTION, type FormTemplateDoc } from '@dossiers/read-models';
import { listTemplates, summaryOf } from '../../template-reads';
import { ListFormTemplatesQuery } from './list-form-templates.query';

@QueryHandler(ListFormTemplatesQuery)
export class ListFormTemplatesHandler implements IQueryHandler<ListFormTemplatesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListFormTemplatesQuery) {
    const docs = await listTemplates<FormTemplateDoc>(
      this.readStore,
      FORM_TEMPLATES_COLLECTION,
      principal.tenant,
    );
    const items = docs.map((d) => ({
      ...summaryOf(d),
      sectionsCount: d.sections.length,
      questionsCount: d.sections.reduce((count, section) => count + section.questions.length, 0),
    }));
    return { items, total: docs.length };
  }
}
