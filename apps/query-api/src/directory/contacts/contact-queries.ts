import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import type { Language } from '@dossiers/events';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  CONTACTS_COLLECTION,
  type ClientListDoc,
  type ContactDoc,
} from '@dossiers/read-models';
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

/** Reads of the firm's contacts, from the read models only, always scoped to the caller's tenant. */
@Injectable()
export class ContactQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  private get contacts() {
    return this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION);
  }

  async list(tenant: string, query: ListDirectoryQuery): Promise<{ items: ContactItem[]; total: number }> {
    const { docs, total } = await directoryPage(this.contacts, tenant, query);
    return { items: docs.map(toContactItem), total };
  }

  /** The contact with its clients, named as they are now (one lookup of the few clients it has). */
  async get(
    tenant: string,
    contactId: string,
  ): Promise<Omit<ContactItem, 'clientsCount'> & { clients: ContactClient[]; revision: number }> {
    const doc = await this.contacts.findById(contactId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('contact', contactId);
    const ids = doc.clients.map((link) => link.clientId);
    const found = ids.length
      ? await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findByIds(ids)
      : [];
    const names = new Map(found.filter((c) => c.tenant === tenant).map((c) => [c._id, c.name]));
    // A client deleted meanwhile is no longer in `clients`: it is left out rather than shown unnamed.
    const clients = doc.clients
      .filter((link) => names.has(link.clientId))
      .map((link) => ({
        id: link.clientId,
        name: names.get(link.clientId)!,
        language: link.language,
        attachedAt: link.attachedAt,
      }));
    const { clientsCount: _count, ...item } = toContactItem(doc);
    return { ...item, clients, revision: doc.revision };
  }
}

function toContactItem(doc: ContactDoc): ContactItem {
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
    clientsCount: doc.clients.length,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
