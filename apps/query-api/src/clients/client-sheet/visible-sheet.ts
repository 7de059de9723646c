import { NotFoundError } from '@dossiers/domain';
import type { ReadStore } from '@dossiers/read-store';
import { CLIENT_SHEETS_COLLECTION, type ClientSheetDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { ClientAccess } from '../../access/client-access';

/** A tab of the client sheet: its items, and the revision the caller may see (ClientAccess.revisionFor). */
export interface SheetTab<Item> {
  items: Item[];
  revision: number | null;
}

/**
 * The client-sheet document the tabs are read from, once the caller may see the client. The
 * tabs join the directory's names and emails in (one findByIds per tab); secret connector
 * settings are named, never shown.
 */
export async function visibleSheet(
  readStore: ReadStore,
  access: ClientAccess,
  principal: Principal,
  clientId: string,
): Promise<ClientSheetDoc> {
  await access.view(principal, clientId);
  const doc = await readStore.collection<ClientSheetDoc>(CLIENT_SHEETS_COLLECTION).findById(clientId);
  if (!doc || doc.tenant !== principal.tenant) throw new NotFoundError('client', clientId);
  return doc;
}
