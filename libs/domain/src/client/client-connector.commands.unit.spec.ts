import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError } from '../shared/domain-errors';
import { clientId, acme } from '../testing/client-sheet-fixtures';
import { clientDecider } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('Client connector commands', () => {
  describe('ConfigureConnector / RemoveConnector', () => {
    const secret = (data: string) => ({ keyId: 'k', iv: 'i', tag: 't', data });
    const configured: ClientEvent = {
      type: 'ConnectorConfigured',
      data: {
        clientId,
        connectorId: 'pennylane',
        settings: { companyId: '1' },
        secrets: { apiToken: secret('x') },
      },
    };

    it('keeps stored secrets a later change leaves out', () =>
      spec
        .given([acme, configured])
        .when({
          type: 'ConfigureConnector',
          clientId,
          connectorId: 'pennylane',
          settings: { companyId: '2' },
          secrets: {},
        })
        .then([
          {
            type: 'ConnectorConfigured',
            data: {
              clientId,
              connectorId: 'pennylane',
              settings: { companyId: '2' },
              secrets: { apiToken: secret('x') },
            },
          },
        ]));

    it('changes nothing when the settings are the same and no secret is given', () =>
      spec
        .given([acme, configured])
        .when({
          type: 'ConfigureConnector',
          clientId,
          connectorId: 'pennylane',
          settings: { companyId: '1' },
          secrets: {},
        })
        .then([]));

    it('removes a configured connector and 404s for another', () => {
      spec
        .given([acme, configured])
        .when({ type: 'RemoveConnector', clientId, connectorId: 'pennylane' })
        .then([{ type: 'ConnectorRemoved', data: { clientId, connectorId: 'pennylane' } }]);
      spec
        .given([acme])
        .when({ type: 'RemoveConnector', clientId, connectorId: 'acd' })
        .thenThrows(NotFoundError);
    });
  });
});
