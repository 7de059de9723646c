import type { ContactEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { evolveContact, type ContactState } from './contact.state';
import { decideContactDetails, type ContactDetailsCommand } from './contact-details.commands';
import { decideContactLink, type ContactLinkCommand } from './contact-link.commands';

/**
 * The Contact aggregate (stream contactStreamId): its state and evolve in contact.state.ts, its
 * commands in contact-details.commands.ts and contact-link.commands.ts, gathered here.
 */
export type ContactCommand = ContactDetailsCommand | ContactLinkCommand;

export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'CreateContact':
    case 'ChangeContactDetails':
      return decideContactDetails(command, state);
    case 'ActivateContact':
    case 'ConfirmContactEmail':
      return decideContactLink(command, state);
    default:
      return assertNever(command);
  }
}

export const contactDecider: Decider<ContactState, ContactCommand, ContactEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveContact,
  decide: decideContact,
};
