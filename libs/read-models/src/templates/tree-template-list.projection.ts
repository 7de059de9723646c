import type { RecordedEvent, TreeTemplateEvent, TreeTemplateFolder } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
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

export function evolveTreeTemplateList(
  doc: TreeTemplateDoc | null,
  recorded: RecordedEvent,
): TreeTemplateDoc | null {
  const event = recorded as RecordedEvent & TreeTemplateEvent;
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
    default:
      return doc;
  }
}

export const treeTemplateListProjection = defineProjection<TreeTemplateDoc>({
  name: 'tree-template-list',
  collection: TREE_TEMPLATES_COLLECTION,
  handles: new Set<TreeTemplateEvent['type']>([
    'TreeTemplateCreated',
    'TreeTemplateReplaced',
    'TreeTemplateDeleted',
  ]),
  documentId: (event) => (event.data as { templateId: string }).templateId,
  evolve: evolveTreeTemplateList,
  indexes: TEMPLATE_INDEXES,
});
