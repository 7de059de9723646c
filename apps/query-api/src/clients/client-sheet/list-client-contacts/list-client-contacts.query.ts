import { Query } from '@nestjs/cqrs';
import type { Language } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

export interface ClientContactView {
  contactId: string;
  /** null until the directory knows the contact */
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  activated: boolean;
  /** the language of this client's emails to the contact */
  language: Language;
  attachedAt: string;
  lastInvitedAt: string | null;
}

/** GET /clients/:id/contacts: the sheet's contacts tab. */
export class ListClientContactsQuery extends Query<SheetTab<ClientContactView>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
