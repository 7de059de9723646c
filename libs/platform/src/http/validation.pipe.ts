import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError as ClassValidatorError,
} from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
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

/**
 * Most queries come without parameters (`GET /clients/:id`), yet class-validator walks the DTO's
 * rules for an empty object as for any other, a twentieth of such a query's time. Whether `{}`
 * passes depends only on the class: it is validated once per class, then built without checking.
 */
class DtoValidationPipe extends ValidationPipe {
  /** the DTO classes an empty object is known to satisfy */
  private readonly emptyIsValid = new WeakSet<object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    const empty = isEmptyPlainObject(value);
    if (type && empty && this.emptyIsValid.has(type)) {
      return plainToInstance(type as ClassConstructor<object>, {}, this.transformOptions);
    }
    const result = await super.transform(value, metadata);
    if (type && empty && this.toValidate(metadata)) this.emptyIsValid.add(type);
    return result;
  }
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const _ in value) return false;
  return true;
}

/** DTOs are whitelisted: an unknown property is a 400 naming it, never silently dropped. */
export function createValidationPipe() {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(flatten(errors)),
  });
}
