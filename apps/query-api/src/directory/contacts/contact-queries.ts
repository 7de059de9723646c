import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import type { Language } from '@dossiers/events';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  CONTACTS_COLLECTION,
  type ClientListDoc,
  type ContactClientLink,
  type ContactDoc,
} from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';
import { directoryPage, type ListDirectoryQuery } from '../list-directory.query';

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

export interface ContactClient {
  id: string;
  name: string;
  language: Language;
  attachedAt: string;
}

export type ContactDetail = Omit<ContactItem, 'clientsCount'> & {
  clients: ContactClient[];
  /** staff only: an activated contact's new email waiting for confirmation (null: none) */
  pendingEmail?: string | null;
  revision: number;
};

/**
 * Reads of the firm's contacts, from the read models only, always scoped to the caller's tenant.
 * A contact's links to clients go through the caller's view (linksSeenBy): a collaborator or a
 * contact sees, counts and gets named only the clients they may see themselves.
 */
@Injectable()
export class ContactQueries {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  private get contacts() {
    return this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION);
  }

  /** The one place both routes take a contact's clients from: only those `principal` may see. */
  private async linksSeenBy(principal: Principal): Promise<(doc: ContactDoc) => ContactClientLink[]> {
    const maySee = await this.access.clientFilter(principal);
    return (doc) => doc.clients.filter((link) => maySee(link.clientId));
  }

  async list(
    principal: Principal,
    query: ListDirectoryQuery,
  ): Promise<{ items: ContactItem[]; total: number }> {
    const [{ docs, total }, linksOf] = await Promise.all([
      directoryPage(this.contacts, principal.tenant, query),
      this.linksSeenBy(principal),
    ]);
    return { items: docs.map((doc) => toContactItem(doc, linksOf(doc))), total };
  }

  /** The contact with its clients, named as they are now (one lookup of the few clients it has). */
  async get(principal: Principal, contactId: string): Promise<ContactDetail> {
    const { tenant } = principal;
    const doc = await this.contacts.findById(contactId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('contact', contactId);
    const links = (await this.linksSeenBy(principal))(doc);
    const ids = links.map((link) => link.clientId);
    const found = ids.length
      ? await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findByIds(ids)
      : [];
    const names = new Map(found.filter((c) => c.tenant === tenant).map((c) => [c._id, c.name]));
    // A client deleted meanwhile is no longer in `clients`: it is left out rather than shown unnamed.
    const clients = links
      .filter((link) => names.has(link.clientId))
      .map((link) => ({
        id: link.clientId,
        name: names.get(link.clientId)!,
        language: link.language,
        attachedAt: link.attachedAt,
      }));
    const { clientsCount: _count, ...item } = toContactItem(doc, links);
    // An address nobody confirmed yet is for the firm's administrators, auditors and services.
    const pending = this.access.isStaff(principal) ? { pendingEmail: doc.pendingEmail ?? null } : {};
    return { ...item, ...pending, clients, revision: doc.revision };
  }
}

function toContactItem(doc: ContactDoc, links: ContactClientLink[]): ContactItem {
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
