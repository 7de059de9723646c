import type { DomainEvent } from '@dossiers/events';

/**
 * An aggregate as three pure functions (Emmett / Chassaing's decider): no framework, no I/O,
 * no clock. Time and ids arrive inside the command.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /** Returns the events that record the command's outcome ([] when nothing changes), or throws a DomainError. */
  decide(command: Command, state: State): Event[];
}

/** Compile-time check that a switch handled every member of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
