import type { ClientEvent, FormEvent } from '@dossiers/events';
import { defineProjection, idFrom, type Handled, type Recorded } from '../projection/projection';
import {
  CLIENT_FORMS_COLLECTION,
  DUE_FORMS_COLLECTION,
  dueFormId,
  type ClientFormsDoc,
  type DueFormDoc,
  type FormView,
} from './client-forms.document';

export const CLIENT_FORM_EVENTS = [
  'ClientCreated',
  'ClientDeleted',
  'FormScheduled',
  'FormSent',
  'FormOpened',
  'FormDraftSaved',
  'FormAnswered',
] as const satisfies readonly ClientEvent['type'][];
type ClientFormEvent = Handled<ClientEvent, typeof CLIENT_FORM_EVENTS>;

function evolveForm(view: FormView | undefined, event: Recorded<FormEvent>): FormView | undefined {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'FormScheduled': {
      const { formId, formTemplateId, formName: name, title, recipients, sendAt } = event.data;
      const listed =
        recipients === 'all' ? [] : recipients.map((contactId) => ({ contactId, language: null }));
      return {
        ...{
          formId,
          formTemplateId,
          name,
          title,
          status: 'scheduled',
          sendTo: recipients === 'all' ? 'all' : 'list',
        },
        ...{ recipients: listed, scheduledAt: at, sendAt, sentAt: null, openedAt: null },
        ...{ answeredAt: null, answeredBy: null, answers: null, reportFileId: null },
      };
    }
    case 'FormSent': {
      const { formId, formTemplateId, formName: name, title, recipients } = event.data;
      const to = recipients.map(({ contactId, language }) => ({ contactId, language }));
      const base = view ?? {
        ...{ sendTo: 'all' as const, scheduledAt: null, sendAt: null, openedAt: null },
        ...{ answeredAt: null, answeredBy: null, answers: null, reportFileId: null },
      };
      return { ...base, formId, formTemplateId, name, title, status: 'sent', recipients: to, sentAt: at };
    }
    case 'FormOpened':
      return view && view.openedAt === null ? { ...view, status: 'opened', openedAt: at } : view;
    case 'FormDraftSaved':
      return view;
    case 'FormAnswered': {
      const { contactId, answers, fileId } = event.data;
      return (
        view && {
          ...view,
          status: 'answered',
          answeredAt: at,
          answeredBy: contactId,
          answers,
          reportFileId: fileId,
        }
      );
    }
  }
}

function evolveClientForms(
  doc: ClientFormsDoc | null,
  event: Recorded<ClientFormEvent>,
): ClientFormsDoc | null {
  if (event.type === 'ClientCreated') {
    const { clientId } = event.data;
    return {
      _id: clientId,
      tenant: event.metadata.tenant,
      clientId,
      deleted: false,
      forms: {},
      revision: event.revision,
    };
  }
  if (!doc) return null;
  if (event.type === 'ClientDeleted') return { ...doc, deleted: true, revision: event.revision };
  const view = evolveForm(doc.forms[event.data.formId], event);
  const forms = view ? { ...doc.forms, [view.formId]: view } : doc.forms;
  return { ...doc, forms, revision: event.revision };
}

/** The scheduled forms not sent yet; a deleted client's fall due no more. */
function dueForms(doc: ClientFormsDoc): { collection: string; doc: DueFormDoc }[] {
  if (doc.deleted) return [];
  return Object.values(doc.forms)
    .filter((view) => view.status === 'scheduled' && view.sendAt !== null)
    .map((view) => ({
      collection: DUE_FORMS_COLLECTION,
      doc: {
        _id: dueFormId(doc.clientId, view.formId),
        tenant: doc.tenant,
        clientId: doc.clientId,
        formId: view.formId,
        dueAt: view.sendAt!,
      },
    }));
}

/**
 * The "Formulaires" tab, one document per client, and derived from it `due_forms`, the scheduled
 * forms by due time: what the schedulers poll to run SendScheduledForm.
 */
export const clientFormsProjection = defineProjection<ClientFormsDoc, ClientFormEvent>({
  name: 'client-forms',
  collection: CLIENT_FORMS_COLLECTION,
  indexes: [],
  canHandle: CLIENT_FORM_EVENTS,
  creates: ['ClientCreated'],
  documentId: idFrom('clientId'),
  evolve: evolveClientForms,
  derived: {
    collections: [
      {
        name: DUE_FORMS_COLLECTION,
        indexes: [
          {
            name: 'due',
            fields: [
              ['dueAt', 1],
              ['_id', 1],
            ],
          },
        ],
      },
    ],
    derive: dueForms,
  },
});
