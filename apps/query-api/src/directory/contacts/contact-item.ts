import type { Language } from '@dossiers/events';
import type { ContactClientLink, ContactDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { ClientAccess } from '../../access/client-access';

/** A contact as the directory lists them. */
export interface ContactItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  language: Language;
  activated: boolean;
  activatedAt: string | null;
  /** the clients of the contact the caller may see */
  clientsCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The one place both contact routes take a contact's clients from: only those `principal` may
 * see, so a collaborator or a contact sees, counts and gets named only the clients they may see.
 */
export async function linksSeenBy(
  access: ClientAccess,
  principal: Principal,
): Promise<(doc: ContactDoc) => ContactClientLink[]> {
  const maySee = await access.clientFilter(principal);
  return (doc) => doc.clients.filter((link) => maySee(link.clientId));
}

/** `links`: the contact's clients the caller may see (linksSeenBy). */
export function toContactItem(doc: ContactDoc, links: ContactClientLink[]): ContactItem {
  const { _id: id, firstName, lastName, email, phone, language, activated, activatedAt } = doc;
  return {
    id,
    firstName,
    lastName,
    email,
    phone,
    language,
    activated,
    activatedAt,
    clientsCount: links.length,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
