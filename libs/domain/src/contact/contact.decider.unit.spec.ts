import type { ContactDetails, ContactEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { GoneError, NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { contactDecider, contactStreamId, type ActivateContact } from './contact.decider';

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
const activate = (now: string): ActivateContact => ({
  type: 'ActivateContact',
  contactId: 'c1',
  invitationId: 'inv1',
  expiresAt: '2026-01-08T10:00:00.000Z',
  now,
  credential,
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
        .when({
          type: 'ChangeContactDetails',
          contactId: 'c1',
          changes: { phone: '0123456789', language: 'en' },
        })
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
        .when({ type: 'ChangeContactDetails', contactId: 'c1', changes: { phone: null } })
        .then([{ type: 'ContactDetailsChanged', data: { contactId: 'c1', ...details, phone: null } }]));

    it('appends nothing when nothing changes', () =>
      spec
        .given([created])
        .when({
          type: 'ChangeContactDetails',
          contactId: 'c1',
          changes: { email: 'zoe@example.fr', lastName: undefined },
        })
        .then([]));

    it('does not find a contact that does not exist', () =>
      spec
        .given([])
        .when({ type: 'ChangeContactDetails', contactId: 'c1', changes: { firstName: 'Ann' } })
        .thenThrows(NotFoundError, 'CONTACT_NOT_FOUND'));
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

    it('does not find a contact that does not exist', () =>
      spec
        .given([])
        .when(activate('2026-01-02T00:00:00.000Z'))
        .thenThrows(NotFoundError, 'CONTACT_NOT_FOUND'));

    it('keeps the details through activation', () => {
      const state = [created, activated].reduce(contactDecider.evolve, contactDecider.initialState());
      expect(state).toEqual({ status: 'active', details, activated: true });
    });
  });
});
