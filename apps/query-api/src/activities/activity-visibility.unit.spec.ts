import type { ReadStore } from '@dossiers/read-store';
import {
  CLIENT_FILES_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  type ActivityEntry,
  type ActivityType,
  type ClientFileDoc,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from '@dossiers/read-models';
import { memberMaySee, memberSight, type MemberSight } from './activity-visibility';
import { activityEntry as entry, FOLDER, SUB } from './testing/activity-entry';

const HIDDEN = '3e9b1f4b-6d8a-4dbf-8d88-9f4a5b6c7d83';
const PRIVATE_FILE = 'f-private';

/** A contact (slot 0) who can read SUB and is shown FOLDER only to reach it; HIDDEN is closed to them. */
const sight = (kind: MemberSight['kind'] = 'contact'): MemberSight => ({
  principalId: 'me',
  kind,
  readable: new Set([SUB]),
  known: new Set([FOLDER, SUB]),
  files: new Set(['f1']),
});

/** Whether a contact sees each entry as told, and a collaborator every one. */
function expectSight(cases: readonly (readonly [ActivityEntry, boolean])[]) {
  for (const [e, contactSees] of cases) {
    expect([e.type, e.subjectId, memberMaySee(e, sight('contact'))]).toEqual([
      e.type,
      e.subjectId,
      contactSees,
    ]);
    // A collaborator reads every tab of the sheet and the rights of the folders they know.
    expect([e.type, memberMaySee(e, sight('collaborator'))]).toEqual([e.type, true]);
  }
}

describe('memberMaySee', () => {
  it('shows an entry about a folder and a file they can read now', () => {
    expect(memberMaySee(entry(), sight())).toBe(true);
  });

  it('hides an entry about a folder they only traverse, or one closed to them', () => {
    const folderEntry = (folderId: string, trail: string) =>
      entry({ type: 'folder.renamed', fileId: null, folderId, folderTrail: trail });
    expect(memberMaySee(folderEntry(FOLDER, `/${FOLDER}/`), sight())).toBe(false);
    expect(memberMaySee(folderEntry(HIDDEN, `/${HIDDEN}/`), sight())).toBe(false);
  });

  it('hides an entry whose trail of the time, or whose other folders, name a folder unknown to them now', () => {
    // The folder was under HIDDEN then (moved since): its path of the time would name HIDDEN.
    expect(memberMaySee(entry({ folderTrail: `/${HIDDEN}/${SUB}/` }), sight())).toBe(false);
    // Moved out of HIDDEN: the entry names where it came from.
    expect(memberMaySee(entry({ type: 'file.moved', otherFolderIds: [HIDDEN] }), sight())).toBe(false);
    expect(memberMaySee(entry({ type: 'file.moved', otherFolderIds: [FOLDER] }), sight())).toBe(true);
    // A tree template's folders, at the client level.
    const template = entry({
      type: 'tree_template.applied',
      fileId: null,
      folderId: null,
      folderTrail: null,
    });
    expect(memberMaySee({ ...template, otherFolderIds: [FOLDER, SUB] }, sight())).toBe(true);
    expect(memberMaySee({ ...template, otherFolderIds: [FOLDER, HIDDEN] }, sight())).toBe(false);
  });

  it('hides an entry about a file they cannot read now (moved away, deleted)', () => {
    expect(memberMaySee(entry({ fileId: PRIVATE_FILE }), sight())).toBe(false);
    expect(memberMaySee(entry({ fileId: PRIVATE_FILE }), sight('collaborator'))).toBe(false);
  });

  it('hides from a contact every reminder entry and a form scheduled, and shows the forms they opened or answered', () => {
    const about = (type: ActivityType, subjectId: string | null) =>
      entry({ type, subjectId, fileId: null, folderId: null, folderTrail: null });
    const cases = [
      [about('reminder.scheduled', 'me'), false],
      [about('reminder.changed', null), false],
      [about('reminder.cancelled', null), false],
      [about('reminder.sent', 'me'), false],
      [about('reminder.skipped', null), false],
      [about('form.scheduled', 'me'), false],
      [about('form.opened', 'me'), true],
      [about('form.opened', 'someone'), false],
      [about('form.answered', 'me'), true],
      [about('form.answered', 'someone'), false],
    ] as const;
    expectSight(cases);
  });

  it('shows client-level entries to both kinds of member', () => {
    const renamed = entry({ type: 'client.renamed', fileId: null, folderId: null, folderTrail: null });
    expect(memberMaySee(renamed, sight('contact'))).toBe(true);
    expect(memberMaySee(renamed, sight('collaborator'))).toBe(true);
  });

  it("hides from a contact other people's rights and the sheet's tabs, but not what is about themselves", () => {
    const about = (type: ActivityType, subjectId: string | null, folder = false) =>
      entry({
        type,
        subjectId,
        fileId: null,
        ...(folder ? {} : { folderId: null, folderTrail: null }),
      });
    const cases = [
      [about('folder.right_set', 'someone', true), false],
      [about('folder.right_set', 'me', true), true],
      [about('folder.rights_cascaded', null, true), false],
      [about('collaborator.access_set', 'collab-1'), false],
      [about('contact.attached', 'someone'), false],
      [about('contact.invited', 'me'), true],
      [about('contact.language_changed', 'me'), true],
      [about('connector.enabled', null), false],
      [about('form.sent', null), false],
      [about('form.sent', 'me'), true],
    ] as const;
    expectSight(cases);
  });
});

describe('memberSight', () => {
  const folder = (folderId: string, effective: string, ancestorIds: string[]): FolderAccessDoc => ({
    _id: `c:${folderId}`,
    tenant: 't',
    clientId: 'c',
    folderId,
    name: folderId,
    path: folderId,
    sortKey: folderId,
    depth: ancestorIds.length,
    parentId: ancestorIds[0] ?? null,
    ancestorIds,
    own: '.',
    effective,
  });
  const file = (fileId: string, folderId: string) =>
    ({ _id: `c:${fileId}`, fileId, folderId }) as ClientFileDoc;
  const member: ClientMemberDoc = {
    _id: 'c:me',
    tenant: 't',
    clientId: 'c',
    principalId: 'me',
    kind: 'contact',
    access: null,
    visible: true,
    slot: 0,
  };
  const store = (folders: FolderAccessDoc[], files: ClientFileDoc[]) => {
    const asked: string[][] = [];
    const collections: Record<string, object> = {
      [FOLDER_ACCESS_COLLECTION]: { find: async () => folders },
      [CLIENT_FILES_COLLECTION]: {
        findByIds: async (ids: string[]) => {
          asked.push(ids);
          return files.filter((f) => ids.includes(f._id));
        },
      },
    };
    return { readStore: { collection: (name: string) => collections[name] } as unknown as ReadStore, asked };
  };

  it("reads today's rights: readable folders, the ancestors shown to reach them, the readable files the entries name", async () => {
    const { readStore, asked } = store(
      [folder(FOLDER, 'n', []), folder(SUB, 'r', [FOLDER]), folder(HIDDEN, 'n', [])],
      [file('f1', SUB), file(PRIVATE_FILE, HIDDEN)],
    );
    const seen = await memberSight(readStore, 'c', member, [
      entry(),
      entry({ fileId: PRIVATE_FILE }),
      entry({ fileId: 'f-gone' }),
    ]);
    expect(seen).toEqual({
      principalId: 'me',
      kind: 'contact',
      readable: new Set([SUB]),
      known: new Set([FOLDER, SUB]),
      files: new Set(['f1']),
    });
    expect(asked).toEqual([['c:f1', `c:${PRIVATE_FILE}`, 'c:f-gone']]);
  });

  it('reads no file when the entries name none', async () => {
    const { readStore, asked } = store([folder(FOLDER, 'r', [])], []);
    const seen = await memberSight(readStore, 'c', member, [entry({ fileId: null })]);
    expect(seen.readable).toEqual(new Set([FOLDER]));
    expect(asked).toEqual([]);
  });
});
