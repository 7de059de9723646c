import type { ReadStore } from '@dossiers/read-store';
import {
  CLIENT_FILES_COLLECTION,
  clientFileId,
  type ActivityEntry,
  type ActivityType,
  type ClientFileDoc,
  type ClientMemberDoc,
} from '@dossiers/read-models';
import { folderDocs, visibleTo } from '../folders/folder-reads';

/**
 * What a collaborator or a contact sees of a client now, as far as the activity log needs it:
 * the rights are today's, not those of the time (what they may not see now does not exist for
 * them, whatever it was then).
 */
export interface MemberSight {
  principalId: string;
  kind: ClientMemberDoc['kind'];
  /** the folders they have a right on */
  readable: ReadonlySet<string>;
  /** those, and the ancestors listed to reach them (traverse-only) */
  known: ReadonlySet<string>;
  /** the files that exist in a folder they have a right on */
  files: ReadonlySet<string>;
}

/**
 * Entries a contact may not see even about folders they know, because the routes they come from
 * refuse contacts: other people's rights (assertMaySeeOthersRights: the matrix, a folder's access,
 * another's "eye") and the sheet's tabs (contacts, collaborators, connectors, forms, reminders
 * are for the firm's people: a form not sent yet, a reminder even sent to them). 'self' ones are
 * shown when they are about the contact themselves (their own right, invitation, language, a form
 * sent to them alone, one they opened or answered).
 */
const HIDDEN_FROM_CONTACTS: Partial<Record<ActivityType, 'always' | 'self'>> = {
  'folder.right_set': 'self',
  'folder.rights_cascaded': 'always',
  'collaborator.access_set': 'always',
  'contact.attached': 'self',
  'contact.detached': 'self',
  'contact.invited': 'self',
  'contact.activated': 'self',
  'contact.language_changed': 'self',
  'connector.enabled': 'always',
  'connector.changed': 'always',
  'connector.removed': 'always',
  'form.sent': 'self',
  'form.scheduled': 'always',
  'form.opened': 'self',
  'form.answered': 'self',
  'reminder.scheduled': 'always',
  'reminder.changed': 'always',
  'reminder.cancelled': 'always',
  'reminder.sent': 'always',
  'reminder.skipped': 'always',
};

/** The folder ids of a trail '/a/b/c/', root first. */
const trailIds = (trail: string | null): string[] => (trail ?? '').split('/').filter(Boolean);

/**
 * Whether a member may see an entry: every folder it names must be one they know now (its folder
 * one they have a right on), its file one they can read now; and, for a contact, it must not come
 * from what contacts are refused (HIDDEN_FROM_CONTACTS). Collaborators see every client-level
 * entry, as they see every tab of the sheet and the rights of the folders they know.
 */
export function memberMaySee(entry: ActivityEntry, sight: MemberSight): boolean {
  if (entry.folderId !== null && !sight.readable.has(entry.folderId)) return false;
  if (![...trailIds(entry.folderTrail), ...entry.otherFolderIds].every((id) => sight.known.has(id)))
    return false;
  if (entry.fileId !== null && !sight.files.has(entry.fileId)) return false;
  if (sight.kind !== 'contact') return true;
  const hidden = HIDDEN_FROM_CONTACTS[entry.type];
  return hidden === undefined || (hidden === 'self' && entry.subjectId === sight.principalId);
}

/** A member's sight of a client, reading only the files the entries name. */
export async function memberSight(
  readStore: ReadStore,
  clientId: string,
  member: ClientMemberDoc,
  entries: ActivityEntry[],
): Promise<MemberSight> {
  const seen = visibleTo(member, await folderDocs(readStore, clientId)).items;
  const readable = new Set(seen.filter((f) => !f.traverseOnly).map((f) => f.id));
  const fileIds = [...new Set(entries.flatMap((e) => (e.fileId === null ? [] : [e.fileId])))];
  const files =
    fileIds.length === 0
      ? []
      : await readStore
          .collection<ClientFileDoc>(CLIENT_FILES_COLLECTION)
          .findByIds(fileIds.map((id) => clientFileId(clientId, id)));
  return {
    principalId: member.principalId,
    kind: member.kind,
    readable,
    known: new Set(seen.map((f) => f.id)),
    files: new Set(files.filter((f) => readable.has(f.folderId)).map((f) => f.fileId)),
  };
}
