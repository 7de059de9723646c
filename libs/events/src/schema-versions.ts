import type { ClientDownloadEvent, ClientEvent, ClientNameEvent } from './client.events';
import type { CollaboratorEvent, ContactEmailEvent, ContactEvent } from './directory.events';
import type { GroupEvent } from './group.events';
import type { ReminderCampaignEvent } from './reminder-campaign.events';
import type { TenantSettingsEvent } from './tenant-settings.events';
import type {
  FormTemplateEvent,
  ReminderTemplateEvent,
  SheetTemplateEvent,
  TreeTemplateEvent,
} from './template.events';

export type AnyDomainEvent =
  | ClientEvent
  | ClientDownloadEvent
  | ClientNameEvent
  | GroupEvent
  | CollaboratorEvent
  | ContactEvent
  | ContactEmailEvent
  | SheetTemplateEvent
  | TreeTemplateEvent
  | FormTemplateEvent
  | ReminderTemplateEvent
  | ReminderCampaignEvent
  | TenantSettingsEvent;
export type EventType = AnyDomainEvent['type'];

/** The schema version new events of each type are written with. */
export const CURRENT_SCHEMA_VERSION: Record<EventType, number> = {
  ClientCreated: 1,
  ClientRenamed: 1,
  ClientGroupChanged: 1,
  ClientAttributesChanged: 1,
  ClientDeleted: 1,
  SheetTemplateLoaded: 1,
  ContactAttached: 1,
  ContactLanguageChanged: 1,
  ContactInvited: 1,
  ContactDetached: 1,
  CollaboratorAccessSet: 1,
  TreeTemplateApplied: 1,
  ConnectorConfigured: 1,
  ConnectorRemoved: 1,
  FormSent: 2,
  FormScheduled: 1,
  FormOpened: 1,
  FormDraftSaved: 1,
  FormAnswered: 1,
  FolderCreated: 1,
  FolderRenamed: 1,
  FolderMoved: 1,
  FolderDeleted: 1,
  FolderPermissionSet: 1,
  FolderPermissionsCascaded: 1,
  FileUploaded: 1,
  FileVersionUploaded: 1,
  FileRenamed: 1,
  FileMoved: 1,
  FileDeleted: 1,
  ReminderScheduled: 1,
  ReminderRescheduled: 1,
  ReminderCancelled: 1,
  ReminderOccurrenceSent: 1,
  ReminderOccurrenceSkipped: 1,
  FileDownloaded: 1,
  TenantSettingsChanged: 2,
  ClientNameReserved: 1,
  GroupCreated: 1,
  CollaboratorRegistered: 1,
  CollaboratorDetailsChanged: 1,
  ContactCreated: 1,
  ContactDetailsChanged: 1,
  ContactActivated: 2,
  ContactEmailChangeRequested: 1,
  ContactEmailChanged: 1,
  ContactEmailChangeCancelled: 1,
  ContactEmailReserved: 1,
  SheetTemplateCreated: 1,
  SheetTemplateReplaced: 1,
  SheetTemplateDeleted: 1,
  TreeTemplateCreated: 1,
  TreeTemplateReplaced: 1,
  TreeTemplateDeleted: 1,
  FormTemplateCreated: 2,
  ReminderTemplateCreated: 1,
  ReminderTemplateReplaced: 1,
  ReminderTemplateDeleted: 1,
  ReminderCampaignLaunched: 1,
};
