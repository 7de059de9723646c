import { Query } from '@nestjs/cqrs';
import type { FormView } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

/** A form of the tab: its view, with the ids of its recipients. */
export type ClientFormView = FormView & { contactIds: string[] };

/** GET /clients/:id/forms: the sheet's forms tab, the forms scheduled and sent, with their status and answers. */
export class ListClientFormsQuery extends Query<SheetTab<ClientFormView>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
