import { Query } from '@nestjs/cqrs';
import type { SheetTemplateDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { TemplateSummary } from '../../template-reads';

export type SheetTemplateDetail = TemplateSummary & { fields: SheetTemplateDoc['fields']; revision: number };

/** GET /sheet-templates/:id. */
export class GetSheetTemplateQuery extends Query<SheetTemplateDetail> {
  constructor(
    readonly principal: Principal,
    readonly templateId: string,
  ) {
    super();
  }
}
