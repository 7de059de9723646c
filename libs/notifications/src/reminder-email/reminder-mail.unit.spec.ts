import type { MailDeliveryDoc } from '../deliveries/mail-delivery.document';
import type { RecipientLookup } from '../reactor/recipient-lookup';
import { prepareReminderMail } from './reminder-mail';

describe('prepareReminderMail', () => {
  const delivery = {
    _id: 'd-1',
    tenant: 'firm-a',
    kind: 'reminder',
    clientId: 'c-1',
    contactId: 'k-1',
    language: 'de',
    reminder: {
      reminderId: 'r-1',
      occurrenceKind: 'scheduled',
      occurrence: 0,
      subject: 'Erinnerung',
      text: 'Hallo <Lena>',
      html: '<p>Hallo &lt;Lena&gt;</p>',
    },
  } as MailDeliveryDoc;
  const lookup = (contact: unknown) => ({ contact: async () => contact }) as unknown as RecipientLookup;
  const contact = (email: string) => ({ status: 'active', details: { email, language: 'fr' } });

  it("sends the stored texts as they are, to the contact's email of now, in the delivery's language", async () => {
    await expect(prepareReminderMail(delivery, lookup(contact('new@example.com')))).resolves.toEqual({
      to: 'new@example.com',
      subject: 'Erinnerung',
      text: 'Hallo <Lena>',
      html: '<p>Hallo &lt;Lena&gt;</p>',
      language: 'de',
    });
  });

  it('fails with the reason when the contact is gone or has no email', async () => {
    await expect(prepareReminderMail(delivery, lookup(null))).resolves.toEqual({
      reason: 'The contact does not exist or was erased',
    });
    await expect(prepareReminderMail(delivery, lookup(contact('  ')))).resolves.toEqual({
      reason: 'The contact has no email',
    });
  });
});
