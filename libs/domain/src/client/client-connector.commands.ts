import type { ClientEvent, ConnectorSettings, EncryptedSecret } from '@dossiers/events';
import { NotFoundError } from '../shared/domain-errors';
import { activeOrNotFound, type ClientState } from './client.state';

/** Commands on a client's connectors (Pennylane, Google Drive...: the catalog's). */

/** Settings checked against the catalog; `secrets` are only the secret settings given now, encrypted. */
export type ConfigureConnector = {
  type: 'ConfigureConnector';
  clientId: string;
  connectorId: string;
  settings: ConnectorSettings;
  secrets: Record<string, EncryptedSecret>;
};
export type RemoveConnector = { type: 'RemoveConnector'; clientId: string; connectorId: string };
export type ClientConnectorCommand = ConfigureConnector | RemoveConnector;

function sameSettings(a: ConnectorSettings, b: ConnectorSettings): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Secrets not given keep their stored value: a caller cannot read them back to send them again. */
function configureConnector(command: ConfigureConnector, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, connectorId, settings } = command;
  const current = Object.hasOwn(client.connectors, connectorId) ? client.connectors[connectorId] : null;
  const newSecrets = Object.keys(command.secrets).length > 0;
  if (current && !newSecrets && sameSettings(current.settings, settings)) return [];
  const secrets = { ...(current?.secrets ?? {}), ...command.secrets };
  return [{ type: 'ConnectorConfigured', data: { clientId, connectorId, settings, secrets } }];
}

function removeConnector(command: RemoveConnector, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (!Object.hasOwn(client.connectors, command.connectorId))
    throw new NotFoundError('connector', command.connectorId);
  return [
    { type: 'ConnectorRemoved', data: { clientId: command.clientId, connectorId: command.connectorId } },
  ];
}

export function decideClientConnector(command: ClientConnectorCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'ConfigureConnector':
      return configureConnector(command, state);
    case 'RemoveConnector':
      return removeConnector(command, state);
  }
}
