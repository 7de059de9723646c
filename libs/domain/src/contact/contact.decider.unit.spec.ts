import type { ContactDetails, ContactEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, GoneError, NotFoundError, RuleViolationError } from '../shared/domain-errors';
import {
  contactDecider,
  contactStreamId,
  emailClaimedBy,
  type ActivateContact,
  type ChangeContactDetails,
  type ConfirmContactEmail,
} from './contact.decider';

const spec = deciderSpecification(contactDecider);
const details: ContactDetails = {
  firstName: 'Zoé',
  lastName: 'Dupré',
  email: 'zoe@example.fr',
  phone: null,
  language: 'fr',
};
const created: ContactEvent = { type: 'ContactCreated', data: { contactId: 'c1', ...details } };
const credential = { keyId: 'k1', iv: 'iv', tag: 'tag', data: 'secret' };
const activated: ContactEvent = {
  type: 'ContactActivated',
  data: { contactId: 'c1', invitationId: 'inv1', credential },
};
const activate = (now: string, emailHash = { link: 'h-zoe', current: 'h-zoe' }): ActivateContact => ({
  type: 'ActivateContact',
  contactId: 'c1',
  invitationId: 'inv1',
  expiresAt: '2026-01-08T10:00:00.000Z',
  now,
  credential,
  emailHash,
});
const expiresAt = '2026-01-08T10:00:00.000Z';
const change = (
  changes: ChangeContactDetails['changes'],
  actorRole: ChangeContactDetails['actorRole'] = 'admin',
  requestId = 'r1',
): ChangeContactDetails => ({
  type: 'ChangeContactDetails',
  contactId: 'c1',
  changes,
  actorRole,
  emailRequest: { requestId, expiresAt },
});
const requested = (requestId: string, email: string, previousEmail = 'zoe@example.fr'): ContactEvent => ({
  type: 'ContactEmailChangeRequested',
  data: { contactId: 'c1', requestId, email, previousEmail, expiresAt },
});
const confirm = (requestId: string, now = '2026-01-02T00:00:00.000Z'): ConfirmContactEmail => ({
  type: 'ConfirmContactEmail',
  contactId: 'c1',
  requestId,
  now,
});
const emailChanged = (requestId: string, email: string, previousEmail = 'zoe@example.fr'): ContactEvent => ({
  type: 'ContactEmailChanged',
  data: { contactId: 'c1', requestId, email, previousEmail },
});

describe('Contact decider', () => {
  it('names its stream', () => expect(contactStreamId('c1')).toBe('contact-c1'));

  describe('CreateContact', () => {
    it('creates a contact', () =>
      spec.given([]).when({ type: 'CreateContact', contactId: 'c1', details }).then([created]));

    it('treats a creation with the same details as a retry', () =>
      spec.given([created]).when({ type: 'CreateContact', contactId: 'c1', details }).then([]));

    it('refuses another creation under the same id', () =>
      spec
        .given([created])
        .when({ type: 'CreateContact', contactId: 'c1', details: { ...details, phone: '0123456789' } })
        .thenThrows(RuleViolationError, 'CONTACT_ALREADY_EXISTS'));
  });

  describe('ChangeContactDetails', () => {
    it('records every detail as it now is', () =>
      spec
        .given([created])
        .when(change({ phone: '0123456789', language: 'en' }))
        .then([
          {
            type: 'ContactDetailsChanged',
            data: { contactId: 'c1', ...details, phone: '0123456789', language: 'en' },
          },
        ]));

    it('clears the phone with null', () =>
      spec
        .given([
          created,
          { type: 'ContactDetailsChanged', data: { contactId: 'c1', ...details, phone: '0123456789' } },
        ])
        .when(change({ phone: null }))
        .then([{ type: 'ContactDetailsChanged', data: { contactId: 'c1', ...details, phone: null } }]));

    it('appends nothing when nothing changes', () =>
      spec
        .given([created])
        .when(change({ email: 'zoe@example.fr', lastName: undefined }))
        .then([]));

    it('does not find a contact that does not exist', () =>
      spec
        .given([])
        .when(change({ firstName: 'Ann' }))
        .thenThrows(NotFoundError, 'CONTACT_NOT_FOUND'));

    describe('identity (names, email) is for admin and service actors only', () => {
      it.each<[keyof ContactDetails, Partial<ContactDetails>]>([
        ['email', { email: 'attacker@example.com' }],
        ['firstName', { firstName: 'Eve' }],
        ['lastName', { lastName: 'Dupré' }],
      ])('refuses a collaborator sending %s (even its current value), naming it', (field, changes) => {
        let thrown: unknown;
        try {
          const state = contactDecider.evolve(contactDecider.initialState(), created);
          contactDecider.decide(change({ ...changes, phone: '0123456789' }, 'collaborator'), state);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ForbiddenError);
        expect(thrown).toMatchObject({
          code: 'IDENTITY_CHANGE_FORBIDDEN',
          message: expect.stringContaining(field),
        });
      });

      it('refuses a collaborator the same way whether or not the contact exists', () =>
        spec
          .given([])
          .when(change({ email: 'attacker@example.com' }, 'collaborator'))
          .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN'));

      it('lets a collaborator change the phone and the language', () =>
        spec
          .given([created])
          .when(change({ phone: '0123456789', language: 'de' }, 'collaborator'))
          .then([
            {
              type: 'ContactDetailsChanged',
              data: { contactId: 'c1', ...details, phone: '0123456789', language: 'de' },
            },
          ]));

      it('lets a service change the email of a contact not activated yet, at once', () =>
        spec
          .given([created])
          .when(change({ email: 'zoe.new@example.fr' }, 'service'))
          .then([
            {
              type: 'ContactDetailsChanged',
              data: { contactId: 'c1', ...details, email: 'zoe.new@example.fr' },
            },
          ]));
    });

    describe('a new email of an activated contact waits for confirmation', () => {
      it('records a request, and changes the other fields at once', () =>
        spec
          .given([created, activated])
          .when(change({ email: 'zoe.new@example.fr', phone: '0123456789' }))
          .then([
            { type: 'ContactDetailsChanged', data: { contactId: 'c1', ...details, phone: '0123456789' } },
            requested('r1', 'zoe.new@example.fr'),
          ]));

      it('supersedes a pending request with a new one, even for the same address', () =>
        spec
          .given([created, activated, requested('r1', 'first@example.fr')])
          .when(change({ email: 'first@example.fr' }, 'admin', 'r2'))
          .then([requested('r2', 'first@example.fr')]));

      it('appends nothing for a request already recorded (a retry)', () =>
        spec
          .given([created, activated, requested('r1', 'zoe.new@example.fr')])
          .when(change({ email: 'zoe.new@example.fr' }))
          .then([]));

      it('still refuses a collaborator', () =>
        spec
          .given([created, activated])
          .when(change({ email: 'attacker@example.com' }, 'collaborator'))
          .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN'));
    });
  });

  describe('ActivateContact', () => {
    it('activates through a valid link', () =>
      spec.given([created]).when(activate('2026-01-08T09:59:59.999Z')).then([activated]));

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

  it('names the address decided events take on or set aside (the one to reserve)', () => {
    const state = contactDecider.evolve(contactDecider.initialState(), created);
    const detailsChanged = (email: string): ContactEvent => ({
      type: 'ContactDetailsChanged',
      data: { contactId: 'c1', ...details, email },
    });
    expect(emailClaimedBy([detailsChanged('zoe@example.fr')], state)).toBeNull();
    expect(emailClaimedBy([detailsChanged('new@example.fr')], state)).toBe('new@example.fr');
    expect(emailClaimedBy([detailsChanged('zoe@example.fr'), requested('r1', 'p@example.fr')], state)).toBe(
      'p@example.fr',
    );
    expect(emailClaimedBy([emailChanged('r1', 'c@example.fr')], state)).toBe('c@example.fr');
    expect(emailClaimedBy([], state)).toBeNull();
  });
});
