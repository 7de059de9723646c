import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { SHEET_TEMPLATES_COLLECTION, type SheetTemplateDoc } from '@dossiers/read-models';
import { findTemplate, summaryOf } from '../../template-reads';
import { GetSheetTemplateQuery, type SheetTemplateDetail } from './get-sheet-template.query';

@QueryHandler(GetSheetTemplateQuery)
export class GetSheetTemplateHandler implements IQueryHandler<GetSheetTemplateQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, templateId }: GetSheetTemplateQuery): Promise<SheetTemplateDetail> {
    const doc = await findTemplate<SheetTemplateDoc>(
      this.readStore,
      SHEET_TEMPLATES_COLLECTION,
      'sheet template',
      principal.tenant,
      templateId,
    );
    return { ...summaryOf(doc), fields: doc.fields, revision: doc.revision };
  }
}
