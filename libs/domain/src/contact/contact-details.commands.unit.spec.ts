import type { ContactDetails, ContactEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, GoneError, NotFoundError, RuleViolationError } from '../shared/domain-errors';
import {
  details,
  created,
  activated,
  change,
  confirm,
  requested,
  emailChanged,
} from '../testing/contact-fixtures';
import { contactStreamId } from './contact.state';
import { emailClaimedBy } from './contact-details.commands';
import { contactDecider } from './contact.decider';

const spec = deciderSpecification(contactDecider);

describe('Contact details commands', () => {
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

      it('withdraws a pending request when the address is set back to the current one', () =>
        spec
          .given([created, activated, requested('r1', 'typo@gmial.com')])
          .when(change({ email: 'zoe@example.fr' }, 'admin', 'r2'))
          .then([{ type: 'ContactEmailChangeCancelled', data: { contactId: 'c1', requestId: 'r1' } }]));

      it('makes the withdrawn request unconfirmable', () =>
        spec
          .given([
            created,
            activated,
            requested('r1', 'typo@gmial.com'),
            { type: 'ContactEmailChangeCancelled', data: { contactId: 'c1', requestId: 'r1' } },
          ])
          .when(confirm('r1'))
          .thenThrows(GoneError, 'EMAIL_VERIFICATION_SUPERSEDED'));

      it('sets nothing back when no change is pending', () =>
        spec
          .given([created, activated])
          .when(change({ email: 'zoe@example.fr' }))
          .then([]));

      it('still refuses a collaborator', () =>
        spec
          .given([created, activated])
          .when(change({ email: 'attacker@example.com' }, 'collaborator'))
          .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN'));
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
