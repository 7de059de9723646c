import { readFileSync } from 'node:fs';
import { checkConnectorCatalog, type ConnectorDefinition } from '@dossiers/domain';
import { DEFAULT_CONNECTOR_CATALOG } from './default-connector-catalog';

/** Injection token of the checked connector catalog (`ConnectorDefinition[]`), from InfrastructureModule. */
export const CONNECTOR_CATALOG = Symbol('CONNECTOR_CATALOG');

/**
 * The connector catalog: CONNECTOR_CATALOG_FILE's JSON array when it is set, the default one
 * otherwise. Throws an Error naming the problem (unreadable file, bad JSON, bad definition).
 */
export function loadConnectorCatalog(file: string | undefined): ConnectorDefinition[] {
  if (file === undefined) return checkConnectorCatalog(DEFAULT_CONNECTOR_CATALOG);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`is not valid JSON (${(error as Error).message})`);
  }
  return checkConnectorCatalog(raw);
}
