import { projectionSpecification } from '../testing/projection-specification';
import { reminderCampaignsProjection } from './reminder-campaigns.projection';

describe('reminder-campaigns projection', () => {
  const spec = projectionSpecification(reminderCampaignsProjection);
  const target = { groupIds: null, attributeEquals: { regime: 'BIC' } };
  const schedule = { kind: 'at' as const, at: '2027-03-01T09:00:00.000Z' };

  it('keeps a document per campaign, each client with its reminder, in the campaign order', () =>
    spec
      .given([])
      .when({
        type: 'ReminderCampaignLaunched',
        data: {
          campaignId: 'c1',
          templateId: 't1',
          templateName: 'Relance',
          target,
          schedule,
          recipients: 'all',
          clientIds: ['a', 'b'],
          reminderIds: { b: 'rb', a: 'ra' },
          launchedAt: '2027-02-01T10:00:00.000Z',
        },
      })
      .then([
        {
          _id: 'c1',
          tenant: 'firm-a',
          templateId: 't1',
          templateName: 'Relance',
          target,
          schedule,
          recipients: 'all',
          clientsCount: 2,
          clients: [
            { clientId: 'a', reminderId: 'ra' },
            { clientId: 'b', reminderId: 'rb' },
          ],
          launchedAt: '2027-02-01T10:00:00.000Z',
          launchedBy: 'user-1',
        },
      ]));
});
