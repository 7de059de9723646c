import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { SHEET_TEMPLATES_COLLECTION, type SheetTemplateDoc } from '@dossiers/read-models';
import { listTemplates, summaryOf } from '../../template-reads';
import { ListSheetTemplatesQuery } from './list-sheet-templates.query';

@QueryHandler(ListSheetTemplatesQuery)
export class ListSheetTemplatesHandler implements IQueryHandler<ListSheetTemplatesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListSheetTemplatesQuery) {
    const docs = await listTemplates<SheetTemplateDoc>(
      this.readStore,
      SHEET_TEMPLATES_COLLECTION,
      principal.tenant,
    );
    const items = docs.map((d) => ({ ...summaryOf(d), fieldsCount: d.fields.length }));
    return { items, total: docs.length };
  }
}
