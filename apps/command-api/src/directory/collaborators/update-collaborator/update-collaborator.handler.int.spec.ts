import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@dossiers/application';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../../shared/testing/embedded-streams';
import { RegisterCollaboratorCommand } from '../register-collaborator/register-collaborator.command';
import { RegisterCollaboratorHandler } from '../register-collaborator/register-collaborator.handler';
import { UpdateCollaboratorCommand } from './update-collaborator.command';
import { UpdateCollaboratorHandler } from './update-collaborator.handler';

describe('UpdateCollaboratorHandler', () => {
  let db: EmbeddedStreams;
  let handler: UpdateCollaboratorHandler;
  let collaboratorId: string;

  beforeEach(async () => {
    db = openEmbeddedStreams();
    handler = new UpdateCollaboratorHandler(db.aggregates);
    collaboratorId = randomUUID();
    await new RegisterCollaboratorHandler(db.aggregates).execute(
      new RegisterCollaboratorCommand(
        collaboratorId,
        { firstName: 'Marc', lastName: 'Leroy', email: 'marc@cabinet.fr' },
        testCommandContext(),
      ),
    );
  });
  afterEach(() => db.close());

  const update = (changes: UpdateCollaboratorCommand['changes'], context: CommandContext) =>
    handler.execute(new UpdateCollaboratorCommand(collaboratorId, changes, context));
  const events = () => db.store.readStream(`collaborator-${collaboratorId}`);

  it.each(['admin', 'service'] as const)('changes the record for an %s', async (role) => {
    expect((await update({ lastName: 'Martin' }, testCommandContext({ role }))).revision).toBe(1);
    expect((await db.aggregates.collaborators.load(collaboratorId, 'firm-a')).state).toMatchObject({
      firstName: 'Marc',
      lastName: 'Martin',
      email: 'marc@cabinet.fr',
    });
  });

  it('refuses a collaborator any field, even their own record, storing nothing', async () => {
    const self = testCommandContext({ role: 'collaborator', actor: collaboratorId });
    await expect(update({ firstName: 'Marco' }, self)).rejects.toMatchObject({
      code: 'IDENTITY_CHANGE_FORBIDDEN',
    });
    expect(await events()).toHaveLength(1);
  });

  it('names a bad field before deciding, and answers 404 for another firm', async () => {
    await expect(update({ email: 'nope' }, testCommandContext())).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'email' })],
    });
    await expect(
      update({ lastName: 'Martin' }, testCommandContext({ tenant: 'firm-b' })),
    ).rejects.toMatchObject({
      code: 'COLLABORATOR_NOT_FOUND',
    });
    expect(await events()).toHaveLength(1);
  });
});
