import type { ClientEvent } from '@dossiers/events';
import { activeOrNotFound, type ClientState } from './client.state';

/** A form template sent to the client's contacts, as the template is now. */
export type SendForm = {
  type: 'SendForm';
  clientId: string;
  formId: string;
  template: { templateId: string; name: string };
};

/** The form goes to the contacts attached now: one attached later does not receive it. */
export function sendForm(command: SendForm, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, formId } = command;
  const { templateId: formTemplateId, name: formName } = command.template;
  const contactIds = Object.keys(client.contacts);
  return [{ type: 'FormSent', data: { clientId, formId, formTemplateId, formName, contactIds } }];
}
