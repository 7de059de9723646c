import { Query } from '@nestjs/cqrs';
import type { ReminderTemplateDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { TemplateSummary } from '../../template-reads';

export type ReminderTemplateDetail = TemplateSummary & {
  texts: ReminderTemplateDoc['texts'];
  revision: number;
};

/** GET /reminder-templates/:id. */
export class GetReminderTemplateQuery extends Query<ReminderTemplateDetail> {
  constructor(
    readonly principal: Principal,
    readonly templateId: string,
  ) {
    super();
  }
}
