import { Query } from '@nestjs/cqrs';
import type { ClientSheetDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

export type ClientFormView = ClientSheetDoc['forms'][number];

/** GET /clients/:id/forms: the sheet's forms tab, the forms sent. */
export class ListClientFormsQuery extends Query<SheetTab<ClientFormView>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
