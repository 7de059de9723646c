import type { ReminderTemplateEvent, ReminderTemplateTexts } from '@dossiers/events';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import {
  newTemplateDoc,
  replacedTemplateDoc,
  TEMPLATE_INDEXES,
  type TemplateDocBase,
} from './template-document';

export interface ReminderTemplateDoc extends TemplateDocBase {
  texts: ReminderTemplateTexts;
}

export const REMINDER_TEMPLATES_COLLECTION = 'reminder_templates';

function evolveReminderTemplateList(
  doc: ReminderTemplateDoc | null,
  event: Recorded<ReminderTemplateEvent>,
): ReminderTemplateDoc | null {
  switch (event.type) {
    case 'ReminderTemplateCreated': {
      const { templateId, name, texts } = event.data;
      return { ...newTemplateDoc(event, templateId, name), texts };
    }
    case 'ReminderTemplateReplaced':
      return doc && replacedTemplateDoc(doc, event, event.data.name, { texts: event.data.texts });
    case 'ReminderTemplateDeleted':
      return null;
  }
}

export const reminderTemplateListProjection = defineProjection<ReminderTemplateDoc, ReminderTemplateEvent>({
  name: 'reminder-template-list',
  collection: REMINDER_TEMPLATES_COLLECTION,
  canHandle: ['ReminderTemplateCreated', 'ReminderTemplateReplaced', 'ReminderTemplateDeleted'],
  documentId: idFrom('templateId'),
  evolve: evolveReminderTemplateList,
  indexes: TEMPLATE_INDEXES,
});
