import { Query } from '@nestjs/cqrs';
import type { Language } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { TemplateList } from '../../template-reads';

/** GET /reminder-templates: the firm's reminder templates, by name, with the languages they are written in. */
export class ListReminderTemplatesQuery extends Query<TemplateList<{ languages: Language[] }>> {
  constructor(readonly principal: Principal) {
    super();
  }
}
