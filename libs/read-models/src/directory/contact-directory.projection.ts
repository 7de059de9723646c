import type { AnyDomainEvent, Language } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, idFrom, type Handled, type Recorded } from '../projection/projection';
import { personNameSort, personSearchText } from './person-text';

/** A client the contact is attached to, with the language of that client's emails to it. */
export interface ContactClientLink {
  clientId: string;
  language: Language;
  attachedAt: string;
}

/** One contact of the firm's directory. Its credential never comes here. */
export interface ContactDoc extends Document {
  /** the contact id */
  _id: string;
  tenant: string;
  firstName: string;
  lastName: string;
  email: string;
  /** an activated contact's new email waiting for its owner's confirmation; `email` stays until then */
  pendingEmail: string | null;
  phone: string | null;
  language: Language;
  activated: boolean;
  activatedAt: string | null;
  /** last name, then first name, normalised: the list's order */
  nameSort: string;
  /** normalised names and email, which `search` matches with $contains */
  searchText: string;
  clients: ContactClientLink[];
  createdAt: string;
  updatedAt: string;
  /** the contact stream's revision this document reflects (client-stream events leave it alone) */
  revision: number;
}

export const CONTACTS_COLLECTION = 'contacts';

/** The contact's own stream, and the client-stream events that link it to a client. */
const CONTACT_EVENTS = [
  'ContactCreated',
  'ContactDetailsChanged',
  'ContactActivated',
  'ContactEmailChangeRequested',
  'ContactEmailChanged',
  'ContactEmailChangeCancelled',
  'ContactAttached',
  'ContactLanguageChanged',
  'ContactDetached',
] as const satisfies readonly AnyDomainEvent['type'][];
type ContactDirectoryEvent = Handled<AnyDomainEvent, typeof CONTACT_EVENTS>;
type LinkEvent = Recorded<
  Extract<ContactDirectoryEvent, { type: 'ContactAttached' | 'ContactLanguageChanged' | 'ContactDetached' }>
>;

function withDetails(
  doc: ContactDoc,
  event: Recorded<Extract<ContactDirectoryEvent, { type: 'ContactDetailsChanged' }>>,
): ContactDoc {
  const { firstName, lastName, email, phone, language } = event.data;
  return {
    ...doc,
    firstName,
    lastName,
    email,
    phone,
    language,
    nameSort: personNameSort(firstName, lastName),
    searchText: personSearchText(firstName, lastName, email),
    updatedAt: event.metadata.occurredAt,
    revision: event.revision,
  };
}

/** ContactAttached, ContactLanguageChanged and ContactDetached come from the client's stream: they change the links only. */
function withLinks(doc: ContactDoc, event: LinkEvent): ContactDoc {
  // The same firm only: a contact id named in another firm's stream changes nothing here.
  if (event.metadata.tenant !== doc.tenant) return doc;
  const { clientId } = event.data;
  if (event.type === 'ContactDetached')
    return { ...doc, clients: doc.clients.filter((link) => link.clientId !== clientId) };
  const { language } = event.data;
  // A new language for a link already there: the link is as old as before.
  if (doc.clients.some((link) => link.clientId === clientId))
    return {
      ...doc,
      clients: doc.clients.map((link) => (link.clientId === clientId ? { ...link, language } : link)),
    };
  return { ...doc, clients: [...doc.clients, { clientId, language, attachedAt: event.metadata.occurredAt }] };
}

function evolveContactDirectory(
  doc: ContactDoc | null,
  event: Recorded<ContactDirectoryEvent>,
): ContactDoc | null {
  if (event.type === 'ContactCreated') {
    const { contactId, firstName, lastName, email, phone, language } = event.data;
    const at = event.metadata.occurredAt;
    return {
      _id: contactId,
      tenant: event.metadata.tenant,
      firstName,
      lastName,
      email,
      pendingEmail: null,
      phone,
      language,
      activated: false,
      activatedAt: null,
      nameSort: personNameSort(firstName, lastName),
      searchText: personSearchText(firstName, lastName, email),
      clients: [],
      createdAt: at,
      updatedAt: at,
      revision: event.revision,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'ContactDetailsChanged':
      return withDetails(doc, event);
    case 'ContactActivated':
      // Only the fact and its time: the credential stays in the event store.
      return {
        ...doc,
        activated: true,
        activatedAt: event.metadata.occurredAt,
        updatedAt: event.metadata.occurredAt,
        revision: event.revision,
      };
    case 'ContactEmailChangeRequested':
      // The newest request replaces any earlier one; the email itself does not change yet.
      return {
        ...doc,
        pendingEmail: event.data.email,
        updatedAt: event.metadata.occurredAt,
        revision: event.revision,
      };
    case 'ContactEmailChanged':
      return {
        ...doc,
        email: event.data.email,
        pendingEmail: null,
        searchText: personSearchText(doc.firstName, doc.lastName, event.data.email),
        updatedAt: event.metadata.occurredAt,
        revision: event.revision,
      };
    case 'ContactEmailChangeCancelled':
      return { ...doc, pendingEmail: null, updatedAt: event.metadata.occurredAt, revision: event.revision };
    case 'ContactAttached':
    case 'ContactLanguageChanged':
    case 'ContactDetached':
      return withLinks(doc, event);
  }
}

export const contactDirectoryProjection = defineProjection<ContactDoc, ContactDirectoryEvent>({
  name: 'contact-directory',
  collection: CONTACTS_COLLECTION,
  canHandle: CONTACT_EVENTS,
  documentId: idFrom('contactId'),
  evolve: evolveContactDirectory,
  // Ends with _id (the tie-breaker) and searchText, so a search, its sort and its total are
  // answered from index entries alone.
  indexes: [
    {
      name: 'tenant_name',
      fields: [
        ['tenant', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
  ],
});
