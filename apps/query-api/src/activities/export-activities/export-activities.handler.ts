import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  ACTIVITIES_COLLECTION,
  CLIENT_ACTIVITY_COLLECTION,
  CLIENTS_COLLECTION,
  loggedActivity,
  type ActivityDoc,
  type ClientActivityDoc,
  type ClientListDoc,
} from '@dossiers/read-models';
import { firmLog, parseActivityRequest } from '../activity-filters';
import { activityStoreFilter } from '../activity-match';
import { activityItem, PeopleDirectory } from '../activity-item';
import type { ActivityRow, ActivityWorkbookInput } from './activity-workbook';
import { ExportActivitiesQuery } from './export-activities.query';

/**
 * The firm-wide log's filters over the same collection, streamed newest first: each person's and
 * each client's name is read once, when it first comes up, whatever the number of rows.
 */
@QueryHandler(ExportActivitiesQuery)
export class ExportActivitiesHandler implements IQueryHandler<ExportActivitiesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, params }: ExportActivitiesQuery): Promise<ActivityWorkbookInput> {
    // Parsed before the first byte goes out: a bad filter still answers 400.
    const page = parseActivityRequest(params, firmLog(principal.tenant));
    const docs = this.readStore
      .collection<ActivityDoc>(ACTIVITIES_COLLECTION)
      .stream(activityStoreFilter(principal.tenant, page), { sort: [['position', -1]] });
    return { rows: this.rows(principal.tenant, docs) };
  }

  private async *rows(tenant: string, docs: AsyncIterable<ActivityDoc>): AsyncIterable<ActivityRow> {
    const people = new PeopleDirectory(this.readStore, tenant);
    const clients = new Map<string, string>();
    for await (const doc of docs) {
      const entry = loggedActivity(doc);
      const item = activityItem(entry, await people.load([entry]));
      yield {
        occurredAt: item.occurredAt,
        type: item.type,
        actor: item.actor.name ?? item.actor.id,
        client: clients.get(doc.clientId) ?? (await this.clientName(doc.clientId, clients)),
        fileName: item.fileName,
        format: item.format,
        folderPath: item.folderPath,
        summary: item.summary.fr,
      };
    }
  }

  /** The client's name now (a deleted client's, from its activity log), kept for the next rows. */
  private async clientName(clientId: string, clients: Map<string, string>): Promise<string> {
    const listed = await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findById(clientId);
    const name =
      listed?.name ??
      (await this.readStore.collection<ClientActivityDoc>(CLIENT_ACTIVITY_COLLECTION).findById(clientId))
        ?.name ??
      clientId;
    clients.set(clientId, name);
    return name;
  }
}
