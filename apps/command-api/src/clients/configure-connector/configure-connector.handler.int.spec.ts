import { randomUUID } from 'node:crypto';
import { ValidationError } from '@dossiers/domain';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { ConfigureConnectorCommand } from './configure-connector.command';
import { ConfigureConnectorHandler } from './configure-connector.handler';

describe('ConfigureConnectorHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([ConfigureConnectorHandler]);
  });
  afterAll(() => bed.close());

  const configure = (
    clientId: string,
    settings: unknown,
    connectorId = 'pennylane',
    context = commandContext(),
  ) =>
    bed
      .get(ConfigureConnectorHandler)
      .execute(new ConfigureConnectorCommand(clientId, connectorId, settings, context));
  const lastEvent = async (clientId: string) => (await bed.clientEvents(clientId)).at(-1)!;

  it('stores the settings, and the secret settings encrypted only', async () => {
    const clientId = await bed.client();
    await configure(clientId, { companyId: 'PL-42', apiToken: 'very-secret' });
    const event = await lastEvent(clientId);
    expect(event).toMatchObject({ type: 'ConnectorConfigured', data: { settings: { companyId: 'PL-42' } } });
    expect(JSON.stringify(event)).not.toContain('very-secret');
    const secret = (event.data as { secrets: Record<string, never> }).secrets.apiToken;
    expect(bed.get<SecretBox>(SECRET_BOX).decrypt(secret)).toBe('very-secret');
  });

  it('keeps a stored secret the new settings leave out, read from the state it decides on', async () => {
    const clientId = await bed.client();
    await configure(clientId, { companyId: 'PL-42', apiToken: 'very-secret' });
    await configure(clientId, { companyId: 'PL-43' });
    expect(await lastEvent(clientId)).toMatchObject({
      data: { settings: { companyId: 'PL-43' }, secrets: {} },
    });
  });

  it('requires the secret of a connector the client does not have yet', async () => {
    const clientId = await bed.client();
    await expect(configure(clientId, { companyId: 'PL-42' })).rejects.toMatchObject({
      errors: [{ field: 'settings.apiToken', message: 'is required' }],
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });

  it('refuses a connector that is not in the catalog (400 naming connectorId)', async () => {
    const clientId = await bed.client();
    const refused = configure(clientId, {}, 'sage');
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'connectorId' })],
    });
  });

  it('checks access before the settings: a contact gets 404 for bad settings too', async () => {
    const clientId = await bed.client();
    const context = commandContext({ role: 'contact', actor: randomUUID() });
    await expect(configure(clientId, { nope: 1 }, 'pennylane', context)).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
  });
});
