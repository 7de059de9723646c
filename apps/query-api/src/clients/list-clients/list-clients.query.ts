import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { Paging } from '../../paging/paging';
import type { ClientFilters, ClientListItem, ClientSort } from '../client-list';

export interface ClientPageView {
  items: ClientListItem[];
  /** every client matching the filters, all pages */
  total: number;
}

/** GET /clients: one page of the clients the caller may see. */
export class ListClientsQuery extends Query<ClientPageView> {
  constructor(
    readonly principal: Principal,
    readonly params: ClientFilters & Paging & { sort: ClientSort },
  ) {
    super();
  }
}
