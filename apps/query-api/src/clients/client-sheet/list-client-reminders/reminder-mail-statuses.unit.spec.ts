import type { ReadStore } from '@dossiers/read-store';
import type { ReminderOccurrenceEntry } from '@dossiers/read-models';
import { reminderMailStatuses } from './reminder-mail-statuses';

describe('reminderMailStatuses', () => {
  const delivery = (contactId: string, status: string, lastError: string | null, tenant = 'firm-a') => ({
    _id: `d-${contactId}`,
    tenant,
    kind: 'reminder',
    clientId: 'c-1',
    contactId,
    status,
    lastError,
    sentAt: status === 'sent' ? '2031-01-01T08:00:01.000Z' : null,
    reminder: { reminderId: 'r-1', occurrenceKind: 'scheduled', occurrence: 0 },
  });
  const store = (docs: object[]) =>
    ({ collection: () => ({ find: async () => docs }) }) as unknown as ReadStore;
  const entry: ReminderOccurrenceEntry = {
    kind: 'scheduled',
    occurrence: 0,
    dueAt: '2031-01-01T08:00:00.000Z',
    at: '2031-01-01T08:00:00.000Z',
    status: 'sent',
    late: false,
    reason: null,
    recipients: ['k-1', 'k-2', 'k-3', 'k-4'].map((contactId) => ({ contactId, language: 'fr' })),
  };

  it("gives each recipient their mail's status: queued, sent, failed with its reason; not yet in the outbox: queued", async () => {
    const withStatuses = await reminderMailStatuses(
      store([
        delivery('k-1', 'pending', 'connection refused'),
        delivery('k-2', 'sent', null),
        delivery('k-3', 'failed', 'The contact has no email'),
        // another firm's delivery never shows
        delivery('k-4', 'sent', null, 'firm-b'),
      ]),
      'firm-a',
      'c-1',
    );
    const [{ recipients }] = withStatuses('r-1', [entry]);
    expect(recipients.map(({ contactId, delivery }) => [contactId, delivery])).toEqual([
      ['k-1', { status: 'queued', reason: null, sentAt: null }],
      ['k-2', { status: 'sent', reason: null, sentAt: '2031-01-01T08:00:01.000Z' }],
      ['k-3', { status: 'failed', reason: 'The contact has no email', sentAt: null }],
      ['k-4', { status: 'queued', reason: null, sentAt: null }],
    ]);
    // Another reminder's occurrence 0 is not this one's.
    expect(withStatuses('r-2', [entry])[0].recipients[1].delivery.status).toBe('queued');
  });
});
