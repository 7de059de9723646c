import type { SheetField, SheetTemplateEvent } from '@dossiers/events';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import {
  newTemplateDoc,
  replacedTemplateDoc,
  TEMPLATE_INDEXES,
  type TemplateDocBase,
} from './template-document';

export interface SheetTemplateDoc extends TemplateDocBase {
  fields: SheetField[];
}

export const SHEET_TEMPLATES_COLLECTION = 'sheet_templates';

function evolveSheetTemplateList(
  doc: SheetTemplateDoc | null,
  event: Recorded<SheetTemplateEvent>,
): SheetTemplateDoc | null {
  switch (event.type) {
    case 'SheetTemplateCreated': {
      const { templateId, name, fields } = event.data;
      return { ...newTemplateDoc(event, templateId, name), fields };
    }
    case 'SheetTemplateReplaced':
      return doc && replacedTemplateDoc(doc, event, event.data.name, { fields: event.data.fields });
    case 'SheetTemplateDeleted':
      return null;
  }
}

export const sheetTemplateListProjection = defineProjection<SheetTemplateDoc, SheetTemplateEvent>({
  name: 'sheet-template-list',
  collection: SHEET_TEMPLATES_COLLECTION,
  canHandle: ['SheetTemplateCreated', 'SheetTemplateReplaced', 'SheetTemplateDeleted'],
  documentId: idFrom('templateId'),
  evolve: evolveSheetTemplateList,
  indexes: TEMPLATE_INDEXES,
});
