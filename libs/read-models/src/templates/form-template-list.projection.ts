import type { FormSection, FormTemplateEvent, RecordedEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
import { newTemplateDoc, TEMPLATE_INDEXES, type TemplateDocBase } from './template-document';

export interface FormTemplateDoc extends TemplateDocBase {
  sections: FormSection[];
}

export const FORM_TEMPLATES_COLLECTION = 'form_templates';

export function evolveFormTemplateList(
  doc: FormTemplateDoc | null,
  recorded: RecordedEvent,
): FormTemplateDoc | null {
  const event = recorded as RecordedEvent & FormTemplateEvent;
  switch (event.type) {
    case 'FormTemplateCreated': {
      const { templateId, name, sections } = event.data;
      return { ...newTemplateDoc(event, templateId, name), sections };
    }
    default:
      return doc;
  }
}

export const formTemplateListProjection = defineProjection<FormTemplateDoc>({
  name: 'form-template-list',
  collection: FORM_TEMPLATES_COLLECTION,
  handles: new Set<FormTemplateEvent['type']>(['FormTemplateCreated']),
  documentId: (event) => (event.data as { templateId: string }).templateId,
  evolve: evolveFormTemplateList,
  indexes: TEMPLATE_INDEXES,
});
