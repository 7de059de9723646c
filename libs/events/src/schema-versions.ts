import type { ClientEvent, ClientNameEvent } from './client.events';
import type { CollaboratorEvent, ContactEmailEvent, ContactEvent } from './directory.events';
import type { GroupEvent } from './group.events';
import type { FormTemplateEvent, SheetTemplateEvent, TreeTemplateEvent } from './template.events';

export type AnyDomainEvent =
  | ClientEvent
  | ClientNameEvent
  | GroupEvent
  | CollaboratorEvent
  | ContactEvent
  | ContactEmailEvent
  | SheetTemplateEvent
  | TreeTemplateEvent
  | FormTemplateEvent;
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
  ContactInvited: 1,
  ContactDetached: 1,
  CollaboratorAccessSet: 1,
  TreeTemplateApplied: 1,
  ConnectorConfigured: 1,
  ConnectorRemoved: 1,
  FormSent: 1,
  ClientNameReserved: 1,
  GroupCreated: 1,
  CollaboratorRegistered: 1,
  CollaboratorDetailsChanged: 1,
  ContactCreated: 1,
  ContactDetailsChanged: 1,
  ContactActivated: 1,
  ContactEmailReserved: 1,
  SheetTemplateCreated: 1,
  SheetTemplateReplaced: 1,
  SheetTemplateDeleted: 1,
  TreeTemplateCreated: 1,
  TreeTemplateReplaced: 1,
  TreeTemplateDeleted: 1,
  FormTemplateCreated: 1,
};
