import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENT_REMINDERS_COLLECTION,
  type ClientRemindersDoc,
  type ReminderView,
} from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import type { SheetTab } from '../visible-sheet';
import { ListClientRemindersQuery, type ClientReminderItem } from './list-client-reminders.query';
import { reminderMailStatuses } from './reminder-mail-statuses';

function itemOf(
  { model, status, next, history, scheduledBy, scheduledAt, updatedAt }: ReminderView,
  withStatuses: Awaited<ReturnType<typeof reminderMailStatuses>>,
): ClientReminderItem {
  const { reminderId, templateId, templateName, texts, recipients, schedule, calendar, formId } = model;
  return {
    reminderId,
    templateId,
    templateName,
    texts,
    recipients,
    schedule,
    calendar,
    formId,
    status,
    nextOccurrence: next && { occurrence: next.n, dueAt: next.dueAt },
    history: withStatuses(reminderId, history),
    scheduledBy,
    scheduledAt,
    updatedAt,
  };
}

/**
 * As the forms tab: the firm's roles (contacts never: 403 on the route), a collaborator only on a
 * client they see, without its revision. Newest scheduled first.
 */
@QueryHandler(ListClientRemindersQuery)
export class ListClientRemindersHandler implements IQueryHandler<ListClientRemindersQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: ListClientRemindersQuery): Promise<SheetTab<ClientReminderItem>> {
    await this.access.view(principal, clientId);
    const doc = await this.readStore
      .collection<ClientRemindersDoc>(CLIENT_REMINDERS_COLLECTION)
      .findById(clientId);
    if (!doc || doc.tenant !== principal.tenant) throw new NotFoundError('client', clientId);
    const withStatuses = await reminderMailStatuses(this.readStore, principal.tenant, clientId);
    const items = Object.values(doc.reminders)
      .sort(
        (a, b) =>
          b.scheduledAt.localeCompare(a.scheduledAt) || a.model.reminderId.localeCompare(b.model.reminderId),
      )
      .map((view) => itemOf(view, withStatuses));
    return { items, revision: this.access.revisionFor(principal, doc.revision) };
  }
}
