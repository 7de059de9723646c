import { NOT_SET, type ClientMemberDoc, type FolderAccessDoc } from '@dossiers/read-models';
import { sourceOf } from './get-folder-access.handler';

/** Slot 0 a contact, slot 1 a collaborator; `own` one character per slot, NOT_SET where it inherits. */
const folder = (folderId: string, own: string): FolderAccessDoc =>
  ({ folderId, path: `/${folderId}`, own, effective: 'rr' }) as unknown as FolderAccessDoc;
const contact = { kind: 'contact', slot: 0 } as ClientMemberDoc;
const collaborator = { kind: 'collaborator', slot: 1 } as ClientMemberDoc;
const unset = `${NOT_SET}${NOT_SET}`;

describe('sourceOf (where a right on a folder comes from)', () => {
  it('is the folder itself when it sets the right', () => {
    expect(sourceOf(folder('f', `r${NOT_SET}`), [], contact)).toEqual({ kind: 'explicit' });
  });

  it('is the nearest ancestor that sets it, otherwise', () => {
    const parent = folder('parent', unset);
    const grandparent = folder('grandparent', `${NOT_SET}f`);
    const root = folder('root', 'rr');
    expect(sourceOf(folder('f', unset), [parent, grandparent, root], collaborator)).toEqual({
      kind: 'inherited',
      fromFolderId: 'grandparent',
      fromPath: '/grandparent',
    });
    expect(sourceOf(folder('f', unset), [parent, grandparent, root], contact)).toMatchObject({
      fromFolderId: 'root',
    });
  });

  it("is the collaborator's client access, or the contact's default, when no folder sets it", () => {
    const ancestors = [folder('parent', unset)];
    expect(sourceOf(folder('f', unset), ancestors, collaborator)).toEqual({ kind: 'client' });
    expect(sourceOf(folder('f', unset), ancestors, contact)).toEqual({ kind: 'default' });
  });
});
