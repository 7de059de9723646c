import type { ContactDetails, ContactEvent } from '@dossiers/events';
import { assertNever } from '../shared/decider';

export const contactStreamId = (contactId: string) => `contact-${contactId}`;

/** An activated contact's new email, waiting for its owner to confirm it through the link of request `requestId`. */
export interface PendingEmail {
  requestId: string;
  email: string;
  /** when the verification link stops working */
  expiresAt: string;
}

/** A contact of the firm's directory; it is never deleted, only detached from clients. */
export type ContactState =
  | { status: 'absent' }
  | {
      status: 'active';
      details: ContactDetails;
      activated: boolean;
      /** the email change waiting for confirmation (activated contacts only); a new request replaces it */
      pendingEmail: PendingEmail | null;
      /** the last email change confirmed: its link answers "used", an older one "superseded" */
      lastConfirmedRequestId: string | null;
      /**
       * how many times the email changed: activation links carry it (with the address), so a link
       * mailed before a change stays void even if the address later comes back
       */
      emailVersion: number;
    };

function detailsOf(data: { contactId: string } & ContactDetails): ContactDetails {
  const { firstName, lastName, email, phone, language } = data;
  return { firstName, lastName, email, phone, language };
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactCreated':
      return {
        status: 'active',
        details: detailsOf(event.data),
        activated: false,
        pendingEmail: null,
        lastConfirmedRequestId: null,
        emailVersion: 0,
      };
    case 'ContactDetailsChanged': {
      if (state.status !== 'active') return state;
      const details = detailsOf(event.data);
      const emailVersion = state.emailVersion + (details.email === state.details.email ? 0 : 1);
      return { ...state, details, emailVersion };
    }
    case 'ContactActivated':
      return state.status === 'active' ? { ...state, activated: true } : state;
    case 'ContactEmailChangeRequested': {
      if (state.status !== 'active') return state;
      const { requestId, email, expiresAt } = event.data;
      return { ...state, pendingEmail: { requestId, email, expiresAt } };
    }
    case 'ContactEmailChanged':
      return state.status === 'active'
        ? {
            ...state,
            details: { ...state.details, email: event.data.email },
            pendingEmail: null,
            lastConfirmedRequestId: event.data.requestId,
            emailVersion: state.emailVersion + 1,
          }
        : state;
    case 'ContactEmailChangeCancelled':
      return state.status === 'active' && state.pendingEmail?.requestId === event.data.requestId
        ? { ...state, pendingEmail: null }
        : state;
    default:
      return assertNever(event);
  }
}
