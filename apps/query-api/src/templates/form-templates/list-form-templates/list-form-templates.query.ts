import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { TemplateList } from '../../template-reads';

/** GET /form-templates: the firm's form templates, by name. */
export class ListFormTemplatesQuery extends Query<
  TemplateList<{ sectionsCount: number; questionsCount: number }>
> {
  constructor(readonly principal: Principal) {
    super();
  }
}
