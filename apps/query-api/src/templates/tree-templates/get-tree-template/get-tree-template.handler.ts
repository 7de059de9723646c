import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { nestTreeFolders } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { TREE_TEMPLATES_COLLECTION, type TreeTemplateDoc } from '@dossiers/read-models';
import { findTemplate, summaryOf } from '../../template-reads';
import { GetTreeTemplateQuery, type TreeTemplateDetail } from './get-tree-template.query';

@QueryHandler(GetTreeTemplateQuery)
export class GetTreeTemplateHandler implements IQueryHandler<GetTreeTemplateQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, templateId }: GetTreeTemplateQuery): Promise<TreeTemplateDetail> {
    const doc = await findTemplate<TreeTemplateDoc>(
      this.readStore,
      TREE_TEMPLATES_COLLECTION,
      'tree template',
      principal.tenant,
      templateId,
    );
    return {
      ...summaryOf(doc),
      foldersCount: doc.foldersCount,
      folders: doc.folders,
      tree: nestTreeFolders(doc.folders),
      revision: doc.revision,
    };
  }
}
