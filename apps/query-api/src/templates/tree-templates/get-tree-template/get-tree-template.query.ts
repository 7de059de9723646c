import { Query } from '@nestjs/cqrs';
import type { TreeNode } from '@dossiers/domain';
import type { TreeTemplateDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { TemplateSummary } from '../../template-reads';

export type TreeTemplateDetail = TemplateSummary & {
  foldersCount: number;
  /** flat, parents first */
  folders: TreeTemplateDoc['folders'];
  /** nested: the "Voir" preview */
  tree: TreeNode[];
  revision: number;
};

/** GET /tree-templates/:id. */
export class GetTreeTemplateQuery extends Query<TreeTemplateDetail> {
  constructor(
    readonly principal: Principal,
    readonly templateId: string,
  ) {
    super();
  }
}
