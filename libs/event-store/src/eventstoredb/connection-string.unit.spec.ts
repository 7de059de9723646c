import { EventStoreDBClient } from '@eventstore/db-client';
import { connectionStringProblem, EVENTSTORE_URL_SCHEMES, toEsdbConnectionString } from './connection-string';

// The client builds its gRPC channel on the first call: these build clients and connect nowhere.
describe('EventStoreDB connection strings', () => {
  const rest = '://admin:changeit@node1:2113,node2:2113?tls=false&nodePreference=leader';

  it.each(EVENTSTORE_URL_SCHEMES)('accepts %s://, which the 6.x client parses once renamed', (scheme) => {
    const url = `${scheme}${rest}`;

    expect(connectionStringProblem(url)).toBeUndefined();
    expect(() => EventStoreDBClient.connectionString(toEsdbConnectionString(url))).not.toThrow();
  });

  it('renames the KurrentDB schemes, which the client itself refuses, and leaves the rest alone', () => {
    expect(() => EventStoreDBClient.connectionString('kurrentdb://localhost:2113')).toThrow(/esdb:\/\//);

    expect(toEsdbConnectionString('kurrentdb://localhost:2113?tls=false')).toBe(
      'esdb://localhost:2113?tls=false',
    );
    expect(toEsdbConnectionString('kurrent+discover://cluster.dns')).toBe('esdb+discover://cluster.dns');
    expect(toEsdbConnectionString('esdb://kurrentdb:2113')).toBe('esdb://kurrentdb:2113');
    expect(toEsdbConnectionString('constructor://x')).toBe('constructor://x');
  });

  it.each([
    ['another scheme', 'http://localhost:2113'],
    ['a scheme in capitals, which the client does not fold', 'ESDB://localhost:2113'],
    ['a port that is not a number', 'esdb://localhost:port'],
    ['a malformed option', 'esdb://localhost:2113?tls=maybe'],
    ['a missing certificate file', 'esdb://localhost:2113?tlsCAFile=/nonexistent/ca.crt'],
  ])('reports %s as the client would', (_, url) => {
    expect(connectionStringProblem(url)).toEqual(expect.any(String));
    expect(() => EventStoreDBClient.connectionString(url)).toThrow();
  });
});
