import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { TemplateList } from '../../template-reads';

/** GET /sheet-templates: the firm's sheet templates, by name. */
export class ListSheetTemplatesQuery extends Query<TemplateList<{ fieldsCount: number }>> {
  constructor(readonly principal: Principal) {
    super();
  }
}
