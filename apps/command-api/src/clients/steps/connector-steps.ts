import { Inject, Injectable } from '@nestjs/common';
import {
  checkConnectorValues,
  checked,
  fieldOf,
  invalid,
  isPlainObject,
  valid,
  type Checked,
  type ClientState,
  type ConfigureConnector,
  type FieldError,
} from '@dossiers/domain';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { ConnectorCatalog } from '../../templates/connector-catalog';
import { listOf, unknownKeys } from './step-input';

const MAX_CONNECTORS = 50;
const ENTRY_KEYS = new Set(['connectorId', 'settings']);

/** The secrets the client already keeps for a connector, which a new configuration may leave out. */
export function storedSecretKeys(state: ClientState, connectorId: string): string[] {
  return state.status === 'active' && Object.hasOwn(state.connectors, connectorId)
    ? Object.keys(state.connectors[connectorId].secrets)
    : [];
}

/**
 * The connectors step (wizard step 5, and the connectors tab): each connector of the catalog with
 * its settings checked against its definition, secret settings encrypted before any event holds them.
 */
@Injectable()
export class ConnectorSteps {
  constructor(
    private readonly catalog: ConnectorCatalog,
    @Inject(SECRET_BOX) private readonly secretBox: SecretBox,
  ) {}

  /** `[{connectorId, settings?}]` for a new client, which keeps no secret yet. */
  connectors(clientId: string, raw: unknown, field: string): Checked<ConfigureConnector[]> {
    const errors: FieldError[] = [];
    const value: ConfigureConnector[] = [];
    const seen = new Map<string, string>();
    for (const [index, entry] of listOf(raw, field, MAX_CONNECTORS, errors).entries()) {
      const at = `${field}.${index}`;
      if (!isPlainObject(entry)) {
        errors.push({ field: at, message: 'must be an object' });
        continue;
      }
      errors.push(...unknownKeys(entry, ENTRY_KEYS, at));
      const again = typeof entry.connectorId === 'string' ? seen.get(entry.connectorId) : undefined;
      if (again) errors.push({ field: at, message: `names the same connector as ${again}` });
      const connector = this.connector(clientId, entry.connectorId, entry.settings ?? {}, at, []);
      errors.push(...connector.errors);
      if (connector.value) {
        seen.set(connector.value.connectorId, at);
        value.push(connector.value);
      }
    }
    return checked(value, errors);
  }

  /** `storedSecretKeys`: secrets the client already has for it, which a PUT may leave out. */
  connector(
    clientId: string,
    rawId: unknown,
    rawSettings: unknown,
    field: string,
    storedSecretKeys: string[],
  ): Checked<ConfigureConnector> {
    const definition = typeof rawId === 'string' ? this.catalog.find(rawId) : undefined;
    if (!definition) return invalid(fieldOf(field, 'connectorId'), 'no such connector in the catalog');
    const values = checkConnectorValues(definition, rawSettings, {
      field: fieldOf(field, 'settings'),
      storedSecretKeys,
    });
    if (!values.value) return invalid(values.errors);
    const { settings, secrets: clear } = values.value;
    const secrets = Object.fromEntries(
      Object.entries(clear).map(([key, value]) => [key, this.secretBox.encrypt(value)]),
    );
    return valid({ type: 'ConfigureConnector', clientId, connectorId: definition.id, settings, secrets });
  }
}
