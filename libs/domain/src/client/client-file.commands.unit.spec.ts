import type { Actor } from '../shared/actor';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, NotFoundError } from '../shared/domain-errors';
import { clientId, contact, decide, folder, given, set } from '../testing/client-fixtures';
import { clientDecider, type ClientCommand } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('File commands', () => {
  const events = [...given, folder('a', null), set('a', 'p1', 'full')];

  it('a folder a contact cannot see does not exist for them; with full they may upload', () => {
    const upload = (actor: Actor, folderId: string): ClientCommand => ({
      type: 'UploadFile',
      clientId,
      fileId: 'f',
      folderId,
      name: 'a.pdf',
      content: { blobId: 'b', size: 1, sha256: 's', contentType: 'application/pdf' },
      actor,
    });
    spec
      .given([...events, folder('hidden', null)])
      .when(upload(contact, 'hidden'))
      .thenThrows(NotFoundError, 'FOLDER_NOT_FOUND');
    spec
      .given([...events, set('a', 'p1', 'read')])
      .when(upload(contact, 'a'))
      .thenThrows(ForbiddenError);
    expect(decide(events, upload(contact, 'a'))).toHaveLength(1);
  });
});
