import type { ReminderCampaignEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { RuleViolationError } from '../shared/domain-errors';
import {
  checkCampaignTarget,
  reminderCampaignDecider,
  reminderCampaignStreamId,
  type LaunchReminderCampaign,
} from './reminder-campaign.decider';

const spec = deciderSpecification(reminderCampaignDecider);
const G1 = '11111111-1111-4111-8111-111111111111';
const launch: LaunchReminderCampaign = {
  type: 'LaunchReminderCampaign',
  campaignId: 'c1',
  template: { templateId: 't1', name: 'Relance' },
  target: { groupIds: [G1], attributeEquals: null },
  schedule: { kind: 'at', at: '2027-03-01T09:00:00.000Z' },
  recipients: 'all',
  clientIds: ['a', 'b'],
  reminderIds: { a: 'ra', b: 'rb' },
  now: '2027-02-01T10:00:00.000Z',
};
const launched: ReminderCampaignEvent = {
  type: 'ReminderCampaignLaunched',
  data: {
    campaignId: 'c1',
    templateId: 't1',
    templateName: 'Relance',
    target: launch.target,
    schedule: launch.schedule,
    recipients: 'all',
    clientIds: ['a', 'b'],
    reminderIds: { a: 'ra', b: 'rb' },
    launchedAt: launch.now,
  },
};

describe('Reminder campaign decider', () => {
  it('names its stream', () => expect(reminderCampaignStreamId('c1')).toBe('reminder-campaign-c1'));

  it('records the campaign with the clients it matched', () => {
    spec.given([]).when(launch).then([launched]);
  });

  it('takes the same launch again as a retry, keeping the first clients, even if more match now', () => {
    spec
      .given([launched])
      .when({ ...launch, clientIds: ['a', 'b', 'c'], now: '2027-02-01T11:00:00.000Z' })
      .then([]);
  });

  it('refuses another campaign under the same id', () => {
    spec
      .given([launched])
      .when({ ...launch, schedule: { kind: 'at', at: '2027-04-01T09:00:00.000Z' } })
      .thenThrows(RuleViolationError, 'REMINDER_CAMPAIGN_ALREADY_EXISTS');
  });
});

describe('checkCampaignTarget', () => {
  it('takes groups and attributes, {} meaning every client', () => {
    expect(checkCampaignTarget({ groupIds: [G1.toUpperCase()], attributeEquals: { regime: 'BIC' } })).toEqual(
      {
        value: { groupIds: [G1], attributeEquals: { regime: 'BIC' } },
        errors: [],
      },
    );
    expect(checkCampaignTarget({}).value).toEqual({ groupIds: null, attributeEquals: null });
  });

  it('names each bad field', () => {
    const fields = (raw: unknown) => checkCampaignTarget(raw).errors.map((e) => e.field);
    expect(fields(undefined)).toEqual(['target']);
    expect(fields({ groupIds: [] })).toEqual(['target.groupIds']);
    expect(fields({ groupIds: [G1, 'nope'] })).toEqual(['target.groupIds[1]']);
    expect(fields({ attributeEquals: { regime: {} } })).toEqual(['target.attributeEquals.regime']);
    expect(fields({ attributeEquals: [] })).toEqual(['target.attributeEquals']);
    expect(fields({ group: G1 })).toEqual(['target.group']);
  });
});
