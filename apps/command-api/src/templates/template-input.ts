import { ValidationError, type FieldError } from '@dossiers/domain';

/** Reports every step's problems at once (400 naming each field), or returns nothing when all are fine. */
export function throwIfInvalid(...checks: { errors: FieldError[] }[]): void {
  const errors = checks.flatMap((check) => check.errors);
  if (errors.length) throw new ValidationError(errors);
}
