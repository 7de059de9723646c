/**
 * The few kinds of failure the domain reports. Each carries a stable code; the HTTP layer maps the
 * kind to a status in one place (validation 400, not found 404, conflict 409, rule 422, gone 410, forbidden 403).
 */
export type DomainErrorKind = 'validation' | 'not_found' | 'conflict' | 'rule' | 'gone' | 'forbidden';

export interface FieldError {
  field: string;
  message: string;
  /** the creation wizard's step the field belongs to (info, contacts, collaborators, tree, connectors, form) */
  step?: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a value object's rules; names the offending fields. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION', errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string, id: string) {
    super(`${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`, `${what} ${id} not found`);
  }
}

/** The request clashes with the current state of another resource (e.g. a name already taken). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    code: string,
    message: string,
    /** the request's fields that clash, when there are several (e.g. the wizard's contact emails) */
    readonly errors: FieldError[] = [],
  ) {
    super(code, message);
  }
}

/** A business rule forbids the command in the current state. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule';
}

/** The thing existed but can no longer be used (a used or expired activation link). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
}

/**
 * The caller can see the thing but lacks the right for this (read where full is needed). What a
 * caller cannot see at all answers NotFoundError instead, so its existence does not leak.
 */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}
