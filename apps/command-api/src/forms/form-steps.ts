import { Injectable, NotFoundException } from '@nestjs/common';
import { GoneError, type ClientState, type FormRenderInputs } from '@dossiers/domain';
import type { FormClaims } from '@dossiers/notifications';
import { ReminderSteps } from '../clients/reminders/reminder-steps';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { TemplateLookup } from '../templates/template-lookup';

/** What the form commands read before deciding, from the event store. */
@Injectable()
export class FormSteps {
  constructor(
    private readonly reminders: ReminderSteps,
    private readonly settings: TenantSettingsLookup,
    private readonly templates: TemplateLookup,
  ) {}

  /** What a form's mails are rendered with: the contacts' names, the firm's name and zone (as for reminders). */
  async renderInputs(state: ClientState, tenant: string): Promise<FormRenderInputs> {
    const { timeZone } = await this.settings.current(tenant);
    return { ...(await this.reminders.renderInputs(state, tenant)), timeZone };
  }

  /** The questions and target folder of the form's template (form templates are never deleted). */
  async template(templateId: string, tenant: string) {
    const template = await this.templates.formTemplate(templateId, tenant);
    if (!template)
      throw new NotFoundException({ code: 'FORM_NOT_FOUND', message: 'This form does not exist' });
    return template;
  }

  /** The firm's policy for the folders a report creates. */
  async newFolderContactDefault(tenant: string) {
    const { newFolderDefault } = await this.settings.current(tenant);
    return newFolderDefault === 'locked' ? ('none' as const) : null;
  }
}

/** A link past its expiry answers 410, like a used one. */
export function assertLinkLive(link: FormClaims, now: string): void {
  if (Date.parse(now) > link.exp * 1000)
    throw new GoneError('FORM_LINK_EXPIRED', 'This form link has expired');
}
