import type {
  ReminderCampaignEvent,
  ReminderCampaignTarget,
  ReminderRecipients,
  ReminderScheduleData,
} from '@dossiers/events';
import { checkAttributes } from '../client/attributes';
import { checked, invalid, type Checked } from '../shared/checked';
import type { Decider } from '../shared/decider';
import { RuleViolationError, type FieldError } from '../shared/domain-errors';
import { assertEventsFit } from '../shared/event-size';
import { checkUuid } from '../shared/ids';
import { isPlainObject, sameJson } from '../templates/field-values';

export const reminderCampaignStreamId = (campaignId: string) => `reminder-campaign-${campaignId}`;

/** More groups than a firm has: a list past it is a mistake. */
const MAX_TARGET_GROUPS = 500;

/**
 * `{groupIds?, attributeEquals?}`: groups are alternatives (any of them), attributes all must
 * equal; `{}` targets every client of the firm. Each problem names `target.<field>`.
 */
export function checkCampaignTarget(raw: unknown, field = 'target'): Checked<ReminderCampaignTarget> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {groupIds?, attributeEquals?}');
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw))
    if (key !== 'groupIds' && key !== 'attributeEquals')
      errors.push({
        field: `${field}.${key}`,
        message: 'is not a target field: use groupIds, attributeEquals',
      });
  let groupIds: string[] | null = null;
  if (raw.groupIds !== undefined && raw.groupIds !== null) {
    if (!Array.isArray(raw.groupIds) || raw.groupIds.length === 0 || raw.groupIds.length > MAX_TARGET_GROUPS)
      errors.push({
        field: `${field}.groupIds`,
        message: `must be a list of 1-${MAX_TARGET_GROUPS} group ids`,
      });
    else {
      const ids = raw.groupIds.map((id, i) => checkUuid(id, `${field}.groupIds[${i}]`));
      errors.push(...ids.flatMap((id) => id.errors));
      groupIds = [...new Set(ids.map((id) => String(id.value).toLowerCase()))];
    }
  }
  let attributeEquals: ReminderCampaignTarget['attributeEquals'] = null;
  if (raw.attributeEquals !== undefined && raw.attributeEquals !== null) {
    const attributes = checkAttributes(raw.attributeEquals, {
      allowRemoval: false,
      field: `${field}.attributeEquals`,
    });
    errors.push(...attributes.errors);
    attributeEquals = attributes.value?.set ?? null;
  }
  return checked({ groupIds, attributeEquals }, errors);
}

export type ReminderCampaignState =
  { status: 'absent' } | { status: 'launched'; launch: LaunchReminderCampaign; clientIds: string[] };

/** Inputs arrive checked; `clientIds` are the clients the target matched, `reminderIds` each one's reminder. */
export type LaunchReminderCampaign = {
  type: 'LaunchReminderCampaign';
  campaignId: string;
  template: { templateId: string; name: string };
  target: ReminderCampaignTarget;
  schedule: ReminderScheduleData;
  recipients: ReminderRecipients;
  clientIds: string[];
  reminderIds: Record<string, string>;
  now: string;
};

/** What makes two launches the same campaign: a retry may match other clients, it keeps the first ones. */
const sameRequest = (a: LaunchReminderCampaign, b: LaunchReminderCampaign) =>
  sameJson(
    [a.template.templateId, a.target, a.schedule, a.recipients],
    [b.template.templateId, b.target, b.schedule, b.recipients],
  );

function decideReminderCampaign(
  command: LaunchReminderCampaign,
  state: ReminderCampaignState,
): ReminderCampaignEvent[] {
  if (state.status === 'launched') {
    // The same launch again is a retry (same Idempotency-Key, same id): the campaign keeps its clients.
    if (sameRequest(state.launch, command)) return [];
    throw new RuleViolationError(
      'REMINDER_CAMPAIGN_ALREADY_EXISTS',
      `Reminder campaign ${command.campaignId} already exists`,
    );
  }
  const { campaignId, template, target, schedule, recipients, clientIds, reminderIds, now } = command;
  const events: ReminderCampaignEvent[] = [
    {
      type: 'ReminderCampaignLaunched',
      data: {
        campaignId,
        templateId: template.templateId,
        templateName: template.name,
        target,
        schedule,
        recipients,
        clientIds,
        reminderIds,
        launchedAt: now,
      },
    },
  ];
  // It lists every client it matched: a firm too big for one write is reached group by group.
  return assertEventsFit(events, {
    field: 'target',
    advice: `it matches ${clientIds.length} clients: narrow it (groupIds, attributeEquals)`,
  });
}

/** One event opens and closes the stream: the campaign as it was launched. */
function evolveReminderCampaign(
  _state: ReminderCampaignState,
  { data }: ReminderCampaignEvent,
): ReminderCampaignState {
  const { campaignId, templateId, templateName, launchedAt, ...rest } = data;
  const launch: LaunchReminderCampaign = {
    type: 'LaunchReminderCampaign',
    campaignId,
    template: { templateId, name: templateName },
    ...rest,
    now: launchedAt,
  };
  return { status: 'launched', launch, clientIds: rest.clientIds };
}

export const reminderCampaignDecider: Decider<
  ReminderCampaignState,
  LaunchReminderCampaign,
  ReminderCampaignEvent
> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveReminderCampaign,
  decide: decideReminderCampaign,
};
