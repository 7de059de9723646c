import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReminderCampaignTarget } from '@dossiers/events';
import { checkAll, checkCampaignTarget, DomainError, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandContext, type CommandResult } from '@dossiers/application';
import { deterministicUuid } from '@dossiers/platform';
import { CLIENTS_COLLECTION, type ClientListDoc } from '@dossiers/read-models';
import { READ_STORE, type Filter, type ReadStore } from '@dossiers/read-store';
import { mapBounded } from '../../../bounded-concurrency';
import { ReminderSteps } from '../reminder-steps';
import { ScheduleReminderCommand } from '../schedule-reminder/schedule-reminder.command';
import {
  LaunchReminderCampaignCommand,
  type CampaignClientSkipped,
  type ReminderCampaignLaunchedResult,
} from './launch-reminder-campaign.command';

/** Clients scheduled on at once: enough for the store's group commit, few enough to leave the API responsive. */
const CONCURRENCY = 8;
/** A stand-in client id for checking the reminder once, before any client is touched. */
const PROBE = '00000000-0000-4000-8000-000000000000';

const matches = (doc: ClientListDoc, { groupIds, attributeEquals }: ReminderCampaignTarget) =>
  (groupIds === null || (doc.groupId !== null && groupIds.includes(doc.groupId))) &&
  Object.entries(attributeEquals ?? {}).every(([key, value]) => doc.attributes[key] === value);

/**
 * Launches a campaign: the reminder checked once (400 naming the field), the matching clients read
 * from the client list read model (as of its position), the campaign recorded with them, then one
 * ScheduleReminder per client, whose reminder and event ids derive from (campaign, client). A
 * retry (same Idempotency-Key, or after a crash half way) keeps the clients first recorded and
 * schedules each once: the decider answers nothing for the same reminder scheduled again.
 */
@CommandHandler(LaunchReminderCampaignCommand)
export class LaunchReminderCampaignHandler implements ICommandHandler<LaunchReminderCampaignCommand> {
  constructor(
    private readonly steps: ReminderSteps,
    private readonly aggregates: Aggregates,
    private readonly commandBus: CommandBus,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ input, context }: LaunchReminderCampaignCommand): Promise<ReminderCampaignLaunchedResult> {
    const reminderInput = { ...input, recipients: input.recipients ?? 'all', formId: null };
    const { reminder, target } = validOrThrow(
      checkAll({
        reminder: await this.steps.schedule(PROBE, reminderInput, context),
        target: checkCampaignTarget(input.target),
      }),
    );
    const campaignId = context.newId('reminder-campaign');
    const { state } = await this.aggregates.reminderCampaigns.load(campaignId, context.tenant);
    const clientIds =
      state.status === 'launched' ? state.clientIds : await this.matchingClients(target, context.tenant);
    const reminderIds = Object.fromEntries(
      clientIds.map((clientId) => [
        clientId,
        deterministicUuid(`${context.tenant}/reminder-campaign/${campaignId}/${clientId}`),
      ]),
    );
    const launched = await this.aggregates.reminderCampaigns.handle(
      campaignId,
      {
        type: 'LaunchReminderCampaign',
        campaignId,
        template: reminder.template,
        target,
        schedule: reminder.schedule,
        recipients: reminder.recipients,
        clientIds,
        reminderIds,
        now: context.now,
      },
      context,
    );
    const skipped: CampaignClientSkipped[] = [];
    let position = launched.position;
    await mapBounded(clientIds, CONCURRENCY, async (clientId) => {
      try {
        const result = await this.scheduleOn(
          clientId,
          reminderIds[clientId],
          campaignId,
          reminderInput,
          context,
        );
        position = Math.max(position, result.position);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push({ clientId, code: error.code, message: error.message });
      }
    });
    return {
      ...launched,
      position,
      campaignId,
      clients: clientIds.length,
      scheduled: clientIds.length - skipped.length,
      skipped,
    };
  }

  /** The client's reminder, as POST /clients/:id/reminders would schedule it, with ids derived from the campaign. */
  private scheduleOn(
    clientId: string,
    reminderId: string,
    campaignId: string,
    input: LaunchReminderCampaignCommand['input'] & { formId: null },
    context: CommandContext,
  ): Promise<CommandResult> {
    const clientContext: CommandContext = {
      ...context,
      // If-Match is about the campaign: each client is decided on its state of now.
      expectedRevision: undefined,
      newId: () => reminderId,
      eventId: (_streamId, index) =>
        deterministicUuid(`${context.tenant}/reminder-campaign/${campaignId}/${clientId}/${index}`),
    };
    return this.commandBus.execute(new ScheduleReminderCommand(clientId, input, clientContext));
  }

  /** The firm's clients the target matches, read as a stream (memory flat), sorted for a stable campaign. */
  private async matchingClients(target: ReminderCampaignTarget, tenant: string): Promise<string[]> {
    const clients = this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
    const ids: string[] = [];
    const filter: Filter = target.groupIds ? { tenant, groupId: { $in: target.groupIds } } : { tenant };
    for await (const doc of clients.stream(filter)) if (matches(doc, target)) ids.push(doc._id);
    return ids.sort();
  }
}
