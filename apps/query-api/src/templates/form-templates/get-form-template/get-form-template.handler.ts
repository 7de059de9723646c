import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { FORM_TEMPLATES_COLLECTION, type FormTemplateDoc } from '@dossiers/read-models';
import { findTemplate, summaryOf } from '../../template-reads';
import { GetFormTemplateQuery, type FormTemplateDetail } from './get-form-template.query';

@QueryHandler(GetFormTemplateQuery)
export class GetFormTemplateHandler implements IQueryHandler<GetFormTemplateQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, templateId }: GetFormTemplateQuery): Promise<FormTemplateDetail> {
    const doc = await findTemplate<FormTemplateDoc>(
      this.readStore,
      FORM_TEMPLATES_COLLECTION,
      'form template',
      principal.tenant,
      templateId,
    );
    const { sections, targetFolderPath, messages, revision } = doc;
    return { ...summaryOf(doc), sections, targetFolderPath, messages, revision };
  }
}
