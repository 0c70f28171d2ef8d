import { expect } from 'vitest';
import { replay, type Decider, type DomainEvent } from '../decider.ts';
import type { DomainError } from '../errors.ts';
import { isPlainJson } from '../json.ts';

type ErrorClass<E extends DomainError> = abstract new (...args: never[]) => E;

/**
 * given(history).when(command).then(events) / .thenThrows(ErrorClass, details).
 * `then` also checks that every event is plain JSON and that `evolve` accepts it, and returns the
 * state after it so a spec can look further when it must.
 */
export function specFor<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return function given(history: Event[]) {
    return {
      when(command: Command) {
        const decide = () => decider.decide(command, replay(decider, history));
        return {
          then(expected: Event[]): State {
            const events = decide();
            expect(events).toEqual(expected);
            for (const event of events) expect(isPlainJson(event), `${event.type} is plain JSON`).toBe(true);
            return replay(decider, [...history, ...events]);
          },
          thenNothing(): void {
            expect(decide()).toEqual([]);
          },
          thenThrows<E extends DomainError>(errorClass: ErrorClass<E>, details?: Partial<E['details']>): E {
            let caught: unknown;
            try {
              decide();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(errorClass);
            const error = caught as E;
            if (details !== undefined) expect(error.details).toMatchObject(details);
            expect(isPlainJson(error.details)).toBe(true);
            return error;
          },
        };
      },
    };
  };
}
