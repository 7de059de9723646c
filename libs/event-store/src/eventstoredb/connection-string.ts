import { EventStoreDBClient } from '@eventstore/db-client';

/**
 * KurrentDB's documentation and newer clients write `kurrentdb://` (or `kurrent://`); the 6.x client
 * parses only `esdb://` and `esdb+discover://`, which mean the same to the server.
 */
const SCHEME_ALIASES = new Map([
  ['kurrentdb', 'esdb'],
  ['kurrentdb+discover', 'esdb+discover'],
  ['kurrent', 'esdb'],
  ['kurrent+discover', 'esdb+discover'],
]);

/** The schemes an EVENTSTORE_URL may use. */
export const EVENTSTORE_URL_SCHEMES = ['esdb', 'esdb+discover', ...SCHEME_ALIASES.keys()];

/** The URL with a KurrentDB scheme renamed to the one the client parses; anything else unchanged. */
export function toEsdbConnectionString(url: string): string {
  const trimmed = url.trim();
  const scheme = /^([^:/]+):\/\//.exec(trimmed)?.[1];
  const alias = scheme === undefined ? undefined : SCHEME_ALIASES.get(scheme);
  return alias === undefined ? trimmed : `${alias}${trimmed.slice(scheme!.length)}`;
}

/**
 * Why the client would refuse this URL (after renaming its scheme), or undefined when it takes it.
 * The client's own parser decides, so that what passes here is what it connects with: building a
 * client opens no connection (its channel is made on the first call), but reads the certificate
 * files the URL names.
 */
export function connectionStringProblem(url: string): string | undefined {
  try {
    EventStoreDBClient.connectionString(toEsdbConnectionString(url));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
