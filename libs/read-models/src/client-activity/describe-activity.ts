import type { ActivityEntry, ActivityType, ClientActivityDoc } from './activity.document';
import type { RecordedActivityEvent } from './activity-events';
import { ancestorIds, ancestry, filePlace, folderPlace, type Place } from './activity-place';
import { getIn } from './chunked';

/** What an event says beyond its envelope: the entry's type, place, subject and details. */
export type Description = Partial<Pick<ActivityEntry, 'subjectId' | 'otherFolderIds' | 'details'>> & {
  type: ActivityType;
  place?: Place;
};

/**
 * The activity an event is, described with the client's context just before it (`before`) and
 * just after it (`after`): a rename or a move is named by what it was and what it became, a
 * deletion by what it was, everything else as it is after the event.
 */
export function describeActivity(
  before: ClientActivityDoc,
  after: ClientActivityDoc,
  event: RecordedActivityEvent,
): Description {
  switch (event.type) {
    case 'ClientCreated':
      return { type: 'client.created', details: { name: event.data.name } };
    case 'ClientRenamed':
      return { type: 'client.renamed', details: { previousName: before.name, name: event.data.name } };
    case 'ClientGroupChanged': {
      const { groupId } = event.data;
      return {
        type: 'client.info_changed',
        details: { change: 'group', groupId, previousGroupId: before.groupId },
      };
    }
    case 'ClientAttributesChanged': {
      const fields = [...Object.keys(event.data.set), ...event.data.removed].join(', ');
      return { type: 'client.info_changed', details: { change: 'attributes', fields } };
    }
    case 'SheetTemplateLoaded': {
      const { templateId, templateName, fields } = event.data;
      return {
        type: 'client.info_changed',
        details: { change: 'sheet_template', templateId, templateName, fieldCount: fields.length },
      };
    }
    case 'ClientDeleted':
      return { type: 'client.deleted', details: { name: before.name } };
    case 'ContactAttached':
      return { type: 'contact.attached', subjectId: event.data.contactId, details: languageOf(event) };
    case 'ContactDetached':
      return { type: 'contact.detached', subjectId: event.data.contactId };
    case 'ContactInvited':
      return { type: 'contact.invited', subjectId: event.data.contactId, details: languageOf(event) };
    case 'ContactLanguageChanged': {
      const previousLanguage = before.contacts[event.data.contactId] ?? null;
      return {
        type: 'contact.language_changed',
        subjectId: event.data.contactId,
        details: { ...languageOf(event), previousLanguage },
      };
    }
    case 'ContactActivated':
      return { type: 'contact.activated', subjectId: event.data.contactId };
    case 'CollaboratorAccessSet': {
      const { collaboratorId, access, previousAccess } = event.data;
      return {
        type: 'collaborator.access_set',
        subjectId: collaboratorId,
        details: { access, previousAccess },
      };
    }
    case 'TreeTemplateApplied': {
      const { templateId, templateName, folders } = event.data;
      return {
        type: 'tree_template.applied',
        otherFolderIds: folders.map((folder) => folder.folderId),
        details: { templateId, templateName, folderCount: folders.length },
      };
    }
    case 'FolderCreated':
      return {
        type: 'folder.created',
        place: folderPlace(after, event.data.folderId),
        details: { name: event.data.name },
      };
    case 'FolderRenamed': {
      const previousName = getIn(before.folders, event.data.folderId)?.name ?? null;
      return {
        type: 'folder.renamed',
        place: folderPlace(after, event.data.folderId),
        details: { previousName, name: event.data.name },
      };
    }
    case 'FolderMoved': {
      const { folderId } = event.data;
      return {
        type: 'folder.moved',
        place: folderPlace(after, folderId),
        otherFolderIds: ancestorIds(before, folderId),
        details: { previousPath: folderPlace(before, folderId).folderPath },
      };
    }
    case 'FolderDeleted': {
      const { folderIds } = event.data;
      // The deleted subtree's top: the one folder whose parent is not deleted with it.
      const deleted = new Set(folderIds);
      const top =
        folderIds.find((id) => !deleted.has(getIn(before.folders, id)?.parentId ?? '')) ?? folderIds[0];
      return {
        type: 'folder.deleted',
        place: top === undefined ? undefined : folderPlace(before, top),
        details: { folderCount: folderIds.length },
      };
    }
    case 'FolderPermissionSet': {
      const { folderId, principalId, right } = event.data;
      return {
        type: 'folder.right_set',
        place: folderPlace(after, folderId),
        subjectId: principalId,
        details: { right },
      };
    }
    case 'FolderPermissionsCascaded': {
      const { folderId, folderIds, rights } = event.data;
      // Named by the folder alone, not by the thousands of descendants it reached: `folderIds`
      // can be the whole tree, and the count is enough to describe it.
      return {
        type: 'folder.rights_cascaded',
        place: folderPlace(after, folderId),
        details: { folderCount: folderIds.length, principalCount: Object.keys(rights).length },
      };
    }
    case 'FileUploaded':
    case 'FileVersionUploaded': {
      const { fileId, version, size } = event.data;
      const type = event.type === 'FileUploaded' ? 'file.uploaded' : 'file.version_uploaded';
      return { type, place: filePlace(after, fileId), details: { version, size } };
    }
    case 'FileRenamed': {
      const { fileId } = event.data;
      return {
        type: 'file.renamed',
        place: filePlace(after, fileId),
        details: { previousName: filePlace(before, fileId).fileName },
      };
    }
    case 'FileMoved': {
      const { fileId } = event.data;
      const was = filePlace(before, fileId);
      return {
        type: 'file.moved',
        place: filePlace(after, fileId),
        otherFolderIds: was.folderId ? ancestry(before, was.folderId).map((folder) => folder.id) : [],
        details: { previousFolderId: was.folderId, previousPath: was.folderPath },
      };
    }
    case 'FileDeleted':
      return { type: 'file.deleted', place: filePlace(before, event.data.fileId) };
    case 'FileDownloaded': {
      const { fileId, version, range } = event.data;
      return {
        type: 'file.downloaded',
        place: filePlace(after, fileId),
        details: { version, partial: range !== null },
      };
    }
    case 'ConnectorConfigured': {
      const { connectorId } = event.data;
      const type = before.connectors[connectorId] ? 'connector.changed' : 'connector.enabled';
      return { type, details: { connectorId } };
    }
    case 'ConnectorRemoved':
      return { type: 'connector.removed', details: { connectorId: event.data.connectorId } };
    case 'FormSent': {
      const { formId, formName, contactIds } = event.data;
      return {
        type: 'form.sent',
        // One contact is the form's subject; sent to several, the count says it. Counted from
        // contactIds, which v2 keeps alongside `recipients` (upcast v1 events have none of those).
        subjectId: contactIds.length === 1 ? contactIds[0] : null,
        details: { formId, formName, contactCount: contactIds.length },
      };
    }
    case 'FormScheduled': {
      const { formId, formName, sendAt } = event.data;
      const { recipients } = event.data;
      return { type: 'form.scheduled', subjectId: single(recipients), details: { formId, formName, sendAt } };
    }
    case 'FormOpened':
    case 'FormAnswered': {
      const { formId, contactId } = event.data;
      const formName = before.forms[formId] ?? null;
      return event.type === 'FormOpened'
        ? { type: 'form.opened', subjectId: contactId, details: { formId, formName } }
        : {
            type: 'form.answered',
            subjectId: contactId,
            // The report's file: FileUploaded, right after, logs it in its folder.
            details: { formId, formName, fileId: event.data.fileId },
          };
    }
    case 'ReminderScheduled': {
      const { reminderId, templateName, recipients } = event.data;
      return {
        type: 'reminder.scheduled',
        subjectId: single(recipients),
        details: { reminderId, templateName },
      };
    }
    case 'ReminderRescheduled':
    case 'ReminderCancelled': {
      const type = event.type === 'ReminderRescheduled' ? 'reminder.changed' : 'reminder.cancelled';
      return { type, details: reminderOf(before, event) };
    }
    case 'ReminderOccurrenceSent': {
      const { occurrence, late, kind, recipients } = event.data;
      return {
        type: 'reminder.sent',
        subjectId: single(recipients.map((recipient) => recipient.contactId)),
        details: { ...reminderOf(before, event), occurrence, late, kind, recipientCount: recipients.length },
      };
    }
    case 'ReminderOccurrenceSkipped': {
      const { occurrence, reason } = event.data;
      return { type: 'reminder.skipped', details: { ...reminderOf(before, event), occurrence, reason } };
    }
  }
}

/** The one contact of a list of recipients ('all' or several: none). */
const single = (recipients: 'all' | string[]): string | null =>
  recipients !== 'all' && recipients.length === 1 ? recipients[0] : null;

/** A reminder's id and its template's name, as the client's context knows it. */
const reminderOf = (before: ClientActivityDoc, event: { data: { reminderId: string } }) => ({
  reminderId: event.data.reminderId,
  templateName: before.reminders[event.data.reminderId] ?? null,
});

const languageOf = (event: { data: { language: string } }) => ({ language: event.data.language });
