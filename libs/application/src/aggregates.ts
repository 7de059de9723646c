import {
  clientDecider,
  clientDownloadsDecider,
  clientDownloadsStreamId,
  clientSetUpDecider,
  clientStreamId,
  collaboratorDecider,
  collaboratorStreamId,
  contactDecider,
  contactStreamId,
  formTemplateDecider,
  formTemplateStreamId,
  groupDecider,
  groupStreamId,
  reminderCampaignDecider,
  reminderCampaignStreamId,
  reminderTemplateDecider,
  reminderTemplateStreamId,
  sheetTemplateDecider,
  sheetTemplateStreamId,
  tenantSettingsDecider,
  tenantSettingsStreamId,
  treeTemplateDecider,
  treeTemplateStreamId,
} from '@dossiers/domain';
import type { EventStreams } from './event-streams';

/**
 * Every aggregate of the system, each bound once to its decider, stream naming and not-found kind:
 * a handler says `aggregates.clients.handle(id, command, context)`. (The uniqueness reservations
 * are keyed by tenant and value, not by an id: see UniqueValues.)
 */
export class Aggregates {
  readonly clients;
  /** the wizard: a new client's whole set-up decided at once, on the client's stream */
  readonly clientSetUps;
  readonly clientDownloads;
  readonly contacts;
  readonly collaborators;
  readonly groups;
  readonly sheetTemplates;
  readonly treeTemplates;
  readonly formTemplates;
  readonly reminderTemplates;
  readonly reminderCampaigns;
  /** keyed by tenant: one settings stream per firm */
  readonly tenantSettings;

  constructor(streams: EventStreams) {
    this.clients = streams.aggregate(clientDecider, clientStreamId, 'client');
    this.clientSetUps = streams.aggregate(clientSetUpDecider, clientStreamId, 'client');
    this.clientDownloads = streams.aggregate(clientDownloadsDecider, clientDownloadsStreamId, 'client', {
      log: true,
    });
    this.contacts = streams.aggregate(contactDecider, contactStreamId, 'contact');
    this.collaborators = streams.aggregate(collaboratorDecider, collaboratorStreamId, 'collaborator');
    this.groups = streams.aggregate(groupDecider, groupStreamId, 'group');
    this.sheetTemplates = streams.aggregate(sheetTemplateDecider, sheetTemplateStreamId, 'sheet template');
    this.treeTemplates = streams.aggregate(treeTemplateDecider, treeTemplateStreamId, 'tree template');
    this.formTemplates = streams.aggregate(formTemplateDecider, formTemplateStreamId, 'form template');
    this.reminderTemplates = streams.aggregate(
      reminderTemplateDecider,
      reminderTemplateStreamId,
      'reminder template',
    );
    this.reminderCampaigns = streams.aggregate(
      reminderCampaignDecider,
      reminderCampaignStreamId,
      'reminder campaign',
    );
    this.tenantSettings = streams.aggregate(tenantSettingsDecider, tenantSettingsStreamId, 'settings');
  }
}
