import type { RecordedEvent, SheetField, SheetTemplateEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
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

export function evolveSheetTemplateList(
  doc: SheetTemplateDoc | null,
  recorded: RecordedEvent,
): SheetTemplateDoc | null {
  const event = recorded as RecordedEvent & SheetTemplateEvent;
  switch (event.type) {
    case 'SheetTemplateCreated': {
      const { templateId, name, fields } = event.data;
      return { ...newTemplateDoc(event, templateId, name), fields };
    }
    case 'SheetTemplateReplaced':
      return doc && replacedTemplateDoc(doc, event, event.data.name, { fields: event.data.fields });
    case 'SheetTemplateDeleted':
      return null;
    default:
      return doc;
  }
}

export const sheetTemplateListProjection = defineProjection<SheetTemplateDoc>({
  name: 'sheet-template-list',
  collection: SHEET_TEMPLATES_COLLECTION,
  handles: new Set<SheetTemplateEvent['type']>([
    'SheetTemplateCreated',
    'SheetTemplateReplaced',
    'SheetTemplateDeleted',
  ]),
  documentId: (event) => (event.data as { templateId: string }).templateId,
  evolve: evolveSheetTemplateList,
  indexes: TEMPLATE_INDEXES,
});
