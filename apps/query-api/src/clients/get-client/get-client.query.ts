import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ClientListItem } from '../client-list';

/** The client sheet as the caller may see it (GET /clients/:id). */
export type ClientSheetView = ClientListItem & {
  attributes: Record<string, unknown>;
  fields: unknown[];
  sheetTemplates: unknown[];
  /** the stream's revision (the ETag) for staff; null for members (ClientAccess.revisionFor) */
  revision: number | null;
};

export class GetClientQuery extends Query<ClientSheetView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
