import { Query } from '@nestjs/cqrs';
import type { FormTemplateDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { TemplateSummary } from '../../template-reads';

export type FormTemplateDetail = TemplateSummary &
  Pick<FormTemplateDoc, 'sections' | 'targetFolderPath' | 'messages'> & { revision: number };

/** GET /form-templates/:id. */
export class GetFormTemplateQuery extends Query<FormTemplateDetail> {
  constructor(
    readonly principal: Principal,
    readonly templateId: string,
  ) {
    super();
  }
}
