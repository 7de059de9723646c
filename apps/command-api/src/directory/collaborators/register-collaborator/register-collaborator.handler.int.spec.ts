import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@dossiers/application';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../../shared/testing/embedded-streams';
import { RegisterCollaboratorCommand } from './register-collaborator.command';
import { RegisterCollaboratorHandler } from './register-collaborator.handler';

const details = { firstName: ' Marc ', lastName: 'Leroy', email: 'Marc.Leroy@Cabinet.fr' };

describe('RegisterCollaboratorHandler', () => {
  let db: EmbeddedStreams;
  let handler: RegisterCollaboratorHandler;
  let collaboratorId: string;

  beforeEach(() => {
    db = openEmbeddedStreams();
    handler = new RegisterCollaboratorHandler(db.aggregates);
    collaboratorId = randomUUID();
  });
  afterEach(() => db.close());

  const register = (context: CommandContext, input = details) =>
    handler.execute(new RegisterCollaboratorCommand(collaboratorId, input, context));
  const events = () => db.store.readStream(`collaborator-${collaboratorId}`);

  it.each(['admin', 'service'] as const)('registers the checked details for an %s', async (role) => {
    await register(testCommandContext({ role }));
    const [event] = await events();
    expect(event.data).toEqual({
      collaboratorId,
      firstName: 'Marc',
      lastName: 'Leroy',
      email: 'marc.leroy@cabinet.fr',
    });
  });

  it.each(['collaborator', 'contact'] as const)(
    'refuses a %s (IDENTITY_CHANGE_FORBIDDEN), storing nothing',
    async (role) => {
      await expect(register(testCommandContext({ role }))).rejects.toMatchObject({
        code: 'IDENTITY_CHANGE_FORBIDDEN',
      });
      expect(await events()).toEqual([]);
    },
  );

  it('names every bad field at once', async () => {
    await expect(
      register(testCommandContext(), { firstName: '', lastName: 'Leroy', email: 'nope' }),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'firstName' }), expect.objectContaining({ field: 'email' })],
    });
    expect(await events()).toEqual([]);
  });
});
