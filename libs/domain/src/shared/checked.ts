import { ValidationError, type FieldError } from './domain-errors';

/**
 * The domain's one validation result. A check turns raw input into a value, or into errors that
 * name every bad field; it never throws and never stops at the first problem, so checks compose:
 * the wizard runs the checks of all its steps and reports their errors together (checkAll). The
 * caller unwraps once, where it must stop (validOrThrow: a 400 naming every field).
 *
 * A plain `{ value?, errors }` rather than a union tagged with `ok`: a check is read the same way
 * whether it passed or not (`errors` is always there to concatenate), and the apps build and read
 * results in this shape already. The invariant is that `value` is set exactly when `errors` is
 * empty; build results with `valid`, `invalid` and `checked` to keep it. So a check whose answer
 * can be "nothing" says so with null (no phone), never undefined.
 */
export interface Checked<T> {
  /** set only when `errors` is empty */
  value?: T;
  errors: FieldError[];
}

export const valid = <T>(value: T): Checked<T> => ({ value, errors: [] });

/** A refusal naming one field, or several. */
export function invalid(field: string, message: string): Checked<never>;
export function invalid(errors: FieldError[]): Checked<never>;
export function invalid(fieldOrErrors: string | FieldError[], message?: string): Checked<never> {
  return {
    errors: typeof fieldOrErrors === 'string' ? [{ field: fieldOrErrors, message: message! }] : fieldOrErrors,
  };
}

/** `value` when no error was found, for checks that gather `errors` over several parts. */
export const checked = <T>(value: T, errors: FieldError[]): Checked<T> =>
  errors.length > 0 ? { errors } : { value, errors };

type Values<C> = { [K in keyof C]: C[K] extends Checked<infer T> ? T : never };

/**
 * Several checks as one: every error of every check, in the order given, or every value under its
 * name. `checkAll({ name: checkPersonName(...), email: checkEmail(...) })`.
 */
export function checkAll<C extends Record<string, Checked<unknown>>>(checks: C): Checked<Values<C>> {
  const errors = Object.values(checks).flatMap((check) => check.errors);
  if (errors.length > 0) return { errors };
  const values = Object.fromEntries(Object.entries(checks).map(([key, check]) => [key, check.value]));
  return valid(values as Values<C>);
}

/** The value turned into another when there is one; the errors unchanged otherwise. */
export function mapChecked<T, U>(result: Checked<T>, next: (value: T) => U): Checked<U> {
  return result.errors.length > 0 ? { errors: result.errors } : valid(next(result.value as T));
}

/** A second check on the value of the first, run only when the first passed. */
export function thenCheck<T, U>(result: Checked<T>, next: (value: T) => Checked<U>): Checked<U> {
  return result.errors.length > 0 ? { errors: result.errors } : next(result.value as T);
}

/**
 * The one unwrap: the value, or a ValidationError (400) naming every bad field. For the rules
 * that need state, inside a decider, and for the apps once every part of a request is checked.
 */
export function validOrThrow<T>(result: Checked<T>): T {
  if (result.errors.length > 0 || result.value === undefined) throw new ValidationError(result.errors);
  return result.value;
}

/** `${prefix}.${name}`, or just `name` without a prefix: how nested fields are named. */
export function fieldOf(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}
