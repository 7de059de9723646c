import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { TemplateList } from '../../template-reads';

/** GET /tree-templates: the firm's tree templates, by name. */
export class ListTreeTemplatesQuery extends Query<TemplateList<{ foldersCount: number }>> {
  constructor(readonly principal: Principal) {
    super();
  }
}
