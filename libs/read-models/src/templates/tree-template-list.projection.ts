import type { TreeTemplateEvent, TreeTemplateFolder } from '@dossiers/events';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import {
  newTemplateDoc,
  replacedTemplateDoc,
  TEMPLATE_INDEXES,
  type TemplateDocBase,
} from './template-document';

export interface TreeTemplateDoc extends TemplateDocBase {
  /** every folder, parents first, as the template event lists them */
  folders: TreeTemplateFolder[];
  foldersCount: number;
}

export const TREE_TEMPLATES_COLLECTION = 'tree_templates';

function evolveTreeTemplateList(
  doc: TreeTemplateDoc | null,
  event: Recorded<TreeTemplateEvent>,
): TreeTemplateDoc | null {
  switch (event.type) {
    case 'TreeTemplateCreated': {
      const { templateId, name, folders } = event.data;
      return { ...newTemplateDoc(event, templateId, name), folders, foldersCount: folders.length };
    }
    case 'TreeTemplateReplaced': {
      const { name, folders } = event.data;
      return doc && replacedTemplateDoc(doc, event, name, { folders, foldersCount: folders.length });
    }
    case 'TreeTemplateDeleted':
      return null;
  }
}

export const treeTemplateListProjection = defineProjection<TreeTemplateDoc, TreeTemplateEvent>({
  name: 'tree-template-list',
  collection: TREE_TEMPLATES_COLLECTION,
  canHandle: ['TreeTemplateCreated', 'TreeTemplateReplaced', 'TreeTemplateDeleted'],
  documentId: idFrom('templateId'),
  evolve: evolveTreeTemplateList,
  indexes: TEMPLATE_INDEXES,
});
