import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';

export interface GroupListView {
  items: { id: string; name: string; createdAt: string }[];
  total: number;
}

/** GET /groups: the firm's client groups, by name. */
export class ListGroupsQuery extends Query<GroupListView> {
  constructor(readonly principal: Principal) {
    super();
  }
}
