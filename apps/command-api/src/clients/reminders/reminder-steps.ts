import { Injectable } from '@nestjs/common';
import {
  checkAll,
  checkCustomisedTexts,
  checkRecipients,
  checkSchedule,
  checkUuid,
  invalid,
  mapChecked,
  valid,
  type Checked,
  type ClientState,
  type ReminderRenderInputs,
  type ScheduleReminder,
} from '@dossiers/domain';
import type { CommandContext } from '@dossiers/application';
import { ContactLookup } from '../../directory/contact-lookup';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import { TemplateLookup } from '../../templates/template-lookup';

/** The body of POST /clients/:id/reminders, as sent. */
export type ScheduleReminderInput = {
  templateId?: unknown;
  subject?: unknown;
  body?: unknown;
  recipients?: unknown;
  schedule?: unknown;
  formId?: unknown;
};

/**
 * What the reminder commands look up before deciding, from the event store: the template (its
 * texts copied into the reminder), the firm's calendar (captured when scheduled), and, when an
 * occurrence goes out, the names of the client's contacts and the firm's name.
 */
@Injectable()
export class ReminderSteps {
  constructor(
    private readonly templates: TemplateLookup,
    private readonly settings: TenantSettingsLookup,
    private readonly contacts: ContactLookup,
  ) {}

  async schedule(
    clientId: string,
    input: ScheduleReminderInput,
    context: CommandContext,
  ): Promise<Checked<ScheduleReminder>> {
    const template = await this.template(input.templateId, context.tenant);
    const { timeZone, sendHour } = await this.settings.current(context.tenant);
    const parts = checkAll({
      template,
      // Without a template there is nothing to customise: its own error says so, once.
      texts: template.value
        ? checkCustomisedTexts(template.value.texts, input.subject, input.body)
        : valid({}),
      recipients: checkRecipients(input.recipients),
      schedule: checkSchedule(input.schedule),
      formId:
        input.formId === undefined || input.formId === null ? valid(null) : checkUuid(input.formId, 'formId'),
    });
    return mapChecked(parts, ({ template: { templateId, name }, texts, recipients, schedule, formId }) => ({
      type: 'ScheduleReminder',
      clientId,
      reminderId: context.newId('reminder'),
      template: { templateId, name },
      texts,
      recipients,
      schedule,
      calendar: { timeZone, sendHour },
      formId,
      now: context.now,
    }));
  }

  /**
   * The recipients' names (every contact attached, read from the directory: an erased one is left
   * out) and the firm's name: what an occurrence is rendered with.
   */
  async renderInputs(state: ClientState, tenant: string): Promise<ReminderRenderInputs> {
    const contactIds = state.status === 'active' ? Object.keys(state.contacts) : [];
    const people: ReminderRenderInputs['people'] = {};
    for (const contactId of contactIds) {
      const contact = await this.contacts.find(contactId, tenant);
      if (contact.status === 'active') {
        const { firstName, lastName } = contact.details;
        people[contactId] = { firstName, lastName };
      }
    }
    return { people, firmName: (await this.settings.current(tenant)).firmName };
  }

  /** The template `raw` names; unknown, deleted and other firms' alike are no such template. */
  private async template(raw: unknown, tenant: string) {
    const id = checkUuid(raw, 'templateId');
    if (id.value === undefined) return invalid(id.errors);
    const found = await this.templates.reminderTemplate(id.value, tenant);
    return found ? valid(found) : invalid('templateId', 'no such reminder template');
  }
}
