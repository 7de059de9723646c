import type { ContactEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { GoneError, NotFoundError } from '../shared/domain-errors';
import {
  details,
  created,
  activated,
  activate,
  credential,
  expiresAt,
  requested,
  confirm,
  emailChanged,
} from '../testing/contact-fixtures';
import { contactDecider } from './contact.decider';

const spec = deciderSpecification(contactDecider);

describe('Contact link commands', () => {
  describe('ActivateContact', () => {
    it('activates through a valid link', () =>
      spec.given([created]).when(activate('2026-01-08T09:59:59.999Z')).then([activated]));

    it('names the client whose invitation was used, or none for a link that names none', () =>
      spec
        .given([created])
        .when({ ...activate('2026-01-02T00:00:00.000Z'), clientId: null })
        .then([
          {
            type: 'ContactActivated',
            data: { contactId: 'c1', invitationId: 'inv1', clientId: null, credential },
          },
        ]));

    it('refuses a link used already', () =>
      spec
        .given([created, activated])
        .when(activate('2026-01-02T00:00:00.000Z'))
        .thenThrows(GoneError, 'ACTIVATION_TOKEN_USED'));

    it('refuses an expired link, from the instant it expires', () =>
      spec
        .given([created])
        .when(activate('2026-01-08T10:00:00.000Z'))
        .thenThrows(GoneError, 'ACTIVATION_TOKEN_EXPIRED'));

    it('refuses a link mailed to an address that is no longer the contact’s', () =>
      spec
        .given([
          created,
          { type: 'ContactDetailsChanged', data: { contactId: 'c1', ...details, email: 'x@y.fr' } },
        ])
        .when(activate('2026-01-02T00:00:00.000Z', { link: 'h-zoe', current: 'h-x' }))
        .thenThrows(GoneError, 'ACTIVATION_LINK_SUPERSEDED'));

    it('does not find a contact that does not exist', () =>
      spec
        .given([])
        .when(activate('2026-01-02T00:00:00.000Z'))
        .thenThrows(NotFoundError, 'CONTACT_NOT_FOUND'));

    it('keeps the details through activation', () => {
      const state = [created, activated].reduce(contactDecider.evolve, contactDecider.initialState());
      expect(state).toEqual({
        status: 'active',
        details,
        activated: true,
        pendingEmail: null,
        lastConfirmedRequestId: null,
        emailVersion: 0,
      });
    });
  });

  describe('ConfirmContactEmail', () => {
    it('changes the email to the pending one, and nothing else (no password)', () =>
      spec
        .given([created, activated, requested('r1', 'zoe.new@example.fr')])
        .when(confirm('r1'))
        .then([emailChanged('r1', 'zoe.new@example.fr')]));

    it('refuses a link of a superseded request', () =>
      spec
        .given([
          created,
          activated,
          requested('r1', 'first@example.fr'),
          requested('r2', 'second@example.fr'),
        ])
        .when(confirm('r1'))
        .thenThrows(GoneError, 'EMAIL_VERIFICATION_SUPERSEDED'));

    it('refuses a link used already', () =>
      spec
        .given([
          created,
          activated,
          requested('r1', 'zoe.new@example.fr'),
          emailChanged('r1', 'zoe.new@example.fr'),
        ])
        .when(confirm('r1'))
        .thenThrows(GoneError, 'EMAIL_VERIFICATION_USED'));

    it('refuses an expired link, from the instant it expires', () =>
      spec
        .given([created, activated, requested('r1', 'zoe.new@example.fr')])
        .when(confirm('r1', expiresAt))
        .thenThrows(GoneError, 'EMAIL_VERIFICATION_EXPIRED'));

    it('does not find a contact that does not exist', () =>
      spec.given([]).when(confirm('r1')).thenThrows(NotFoundError, 'CONTACT_NOT_FOUND'));

    it('keeps the pending request in the state until it is confirmed', () => {
      const fold = (events: ContactEvent[]) =>
        events.reduce(contactDecider.evolve, contactDecider.initialState());
      const pending = fold([created, activated, requested('r1', 'zoe.new@example.fr')]);
      expect(pending).toMatchObject({
        details,
        pendingEmail: { requestId: 'r1', email: 'zoe.new@example.fr', expiresAt },
      });
      expect(
        fold([
          created,
          activated,
          requested('r1', 'zoe.new@example.fr'),
          emailChanged('r1', 'zoe.new@example.fr'),
        ]),
      ).toMatchObject({
        details: { ...details, email: 'zoe.new@example.fr' },
        pendingEmail: null,
        lastConfirmedRequestId: 'r1',
      });
    });
  });
});
