import { Query } from '@nestjs/cqrs';
import type { Language } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { ContactItem } from '../contact-item';

export interface ContactClient {
  id: string;
  name: string;
  language: Language;
  attachedAt: string;
}

export type ContactDetail = Omit<ContactItem, 'clientsCount'> & {
  /** the contact's clients the caller may see, named as they are now */
  clients: ContactClient[];
  /** staff only: an activated contact's new email waiting for confirmation (null: none) */
  pendingEmail?: string | null;
  /** the ETag, to send back in If-Match */
  revision: number;
};

/** GET /contacts/:id. */
export class GetContactQuery extends Query<ContactDetail> {
  constructor(
    readonly principal: Principal,
    readonly contactId: string,
  ) {
    super();
  }
}
