import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError, type FieldError } from '@dossiers/domain';

/** class-validator's checks of a value's type: when one fails, the others (ranges, lengths) say nothing true. */
const TYPE_CONSTRAINTS = new Set(['isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject']);

/**
 * The messages that are true of a value: `page=abc` is "not an integer", not also "greater than
 * 100000" (NaN fails every comparison).
 */
function messagesOf(constraints: Record<string, string> = {}): string[] {
  const failed = Object.keys(constraints);
  const typeErrors = failed.filter((name) => TYPE_CONSTRAINTS.has(name));
  return (typeErrors.length > 0 ? typeErrors : failed).map((name) => constraints[name]);
}

/** Flattens class-validator's tree into `{field: 'contacts.0.email', message}` entries. */
function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = messagesOf(error.constraints).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** DTOs are whitelisted: an unknown property is a 400 naming it, never silently dropped. */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(flatten(errors)),
  });
}
