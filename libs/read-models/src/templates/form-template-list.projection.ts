import type { FormSection, FormTemplateEvent, LanguageTexts } from '@dossiers/events';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import { newTemplateDoc, TEMPLATE_INDEXES, type TemplateDocBase } from './template-document';

export interface FormTemplateDoc extends TemplateDocBase {
  sections: FormSection[];
  /** where the submitted form's report is filed; null: the client's root */
  targetFolderPath: string | null;
  /** the email's message per language */
  messages: LanguageTexts;
}

export const FORM_TEMPLATES_COLLECTION = 'form_templates';

/** A form template is created and never changes. */
function evolveFormTemplateList(
  _doc: FormTemplateDoc | null,
  event: Recorded<FormTemplateEvent>,
): FormTemplateDoc {
  const { templateId, name, sections, targetFolderPath, messages } = event.data;
  return { ...newTemplateDoc(event, templateId, name), sections, targetFolderPath, messages };
}

export const formTemplateListProjection = defineProjection<FormTemplateDoc, FormTemplateEvent>({
  name: 'form-template-list',
  collection: FORM_TEMPLATES_COLLECTION,
  canHandle: ['FormTemplateCreated'],
  documentId: idFrom('templateId'),
  evolve: evolveFormTemplateList,
  indexes: TEMPLATE_INDEXES,
});
