import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError } from '../shared/domain-errors';
import { clientId, acme, deleted, attached } from '../testing/client-sheet-fixtures';
import { clientDecider } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('Client member commands', () => {
  describe('AttachContact / DetachContact', () => {
    it('attaches and asks for an activation email', () =>
      spec
        .given([acme])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'en', sendActivationEmail: true })
        .then([
          { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'en' } },
          { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'en' } },
        ]));

    it('attaching again changes nothing, unless an email is asked for', () => {
      spec
        .given([acme, attached('p1')])
        .when({
          type: 'AttachContact',
          clientId,
          contactId: 'p1',
          language: 'fr',
          sendActivationEmail: false,
        })
        .then([]);
      spec
        .given([acme, attached('p1')])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'fr', sendActivationEmail: true })
        .then([{ type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } }]);
    });

    it('attaching again in another language changes the language of this client emails', () =>
      spec
        .given([acme, attached('p1')])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'de', sendActivationEmail: true })
        .then([
          { type: 'ContactLanguageChanged', data: { clientId, contactId: 'p1', language: 'de' } },
          { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'de' } },
        ]));

    it('detaches an attached contact, and 404s for one that is not', () => {
      spec
        .given([acme, attached('p1')])
        .when({ type: 'DetachContact', clientId, contactId: 'p1' })
        .then([{ type: 'ContactDetached', data: { clientId, contactId: 'p1' } }]);
      spec.given([acme]).when({ type: 'DetachContact', clientId, contactId: 'p1' }).thenThrows(NotFoundError);
    });

    it('refuses commands on a deleted client', () =>
      spec
        .given([acme, deleted])
        .when({
          type: 'AttachContact',
          clientId,
          contactId: 'p1',
          language: 'fr',
          sendActivationEmail: false,
        })
        .thenThrows(NotFoundError));
  });

  describe('AssignCollaborator', () => {
    it('records the access with the previous one, and nothing when unchanged', () => {
      const set: ClientEvent = {
        type: 'CollaboratorAccessSet',
        data: { clientId, collaboratorId: 'k1', access: 'read', previousAccess: null },
      };
      spec
        .given([acme])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'read' })
        .then([set]);
      spec
        .given([acme, set])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'read' })
        .then([]);
      spec
        .given([acme, set])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'none' })
        .then([
          {
            type: 'CollaboratorAccessSet',
            data: { clientId, collaboratorId: 'k1', access: 'none', previousAccess: 'read' },
          },
        ]);
    });
  });
});
