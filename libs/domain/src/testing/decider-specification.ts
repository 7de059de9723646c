import type { DomainEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';

/**
 * given(events).when(command).then(expectedEvents) | .thenThrows(ErrorClass, code?)
 * The state is always rebuilt from the given events, exactly as the command handler does.
 */
export function deciderSpecification<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorClass: abstract new (...args: never[]) => Error, code?: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (code) expect(thrown).toHaveProperty('code', code);
            },
          };
        },
      };
    },
  };
}
