import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { DirectoryParams } from '../../directory-page';
import type { ContactItem } from '../contact-item';

/** GET /contacts: one page of the firm's contacts, by last name then first name. */
export class ListContactsQuery extends Query<{ items: ContactItem[]; total: number }> {
  constructor(
    readonly principal: Principal,
    readonly params: DirectoryParams,
  ) {
    super();
  }
}
