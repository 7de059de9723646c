import type { AnyDomainEvent } from '@dossiers/events';
import type { Handled, Recorded } from '../projection/projection';

/**
 * The events the activity log describes: the client's own stream, its downloads
 * (`client-downloads-<id>`) and, from the contact's stream, an activation (routed to the client
 * whose invitation was used). FormDraftSaved is not an activity: a contact's answers so far.
 */
export const ACTIVITY_EVENTS = [
  'ClientCreated',
  'ClientRenamed',
  'ClientGroupChanged',
  'ClientAttributesChanged',
  'SheetTemplateLoaded',
  'ClientDeleted',
  'ContactAttached',
  'ContactDetached',
  'ContactInvited',
  'ContactLanguageChanged',
  'ContactActivated',
  'CollaboratorAccessSet',
  'TreeTemplateApplied',
  'FolderCreated',
  'FolderRenamed',
  'FolderMoved',
  'FolderDeleted',
  'FolderPermissionSet',
  'FolderPermissionsCascaded',
  'FileUploaded',
  'FileVersionUploaded',
  'FileRenamed',
  'FileMoved',
  'FileDeleted',
  'FileDownloaded',
  'ConnectorConfigured',
  'ConnectorRemoved',
  'FormSent',
  'FormScheduled',
  'FormOpened',
  'FormAnswered',
  'ReminderScheduled',
  'ReminderRescheduled',
  'ReminderCancelled',
  'ReminderOccurrenceSent',
  'ReminderOccurrenceSkipped',
] as const satisfies readonly AnyDomainEvent['type'][];
export type ActivityEvent = Handled<AnyDomainEvent, typeof ACTIVITY_EVENTS>;
export type RecordedActivityEvent = Recorded<ActivityEvent>;
