import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper bodies are refused before anything walks them: no route takes more than a few levels. */
export const MAX_JSON_DEPTH = 32;
/**
 * The most members one object or array may have. No route takes more (200 attributes, 5,000
 * template folders), and validating a body costs more than linearly in its members: 90,000 keys
 * held the event loop for seconds.
 */
export const MAX_JSON_MEMBERS = 10_000;

/** A body nested deeper than `MAX_JSON_DEPTH`: 400, before any recursive walk could overflow the stack. */
export class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = 'JSON_TOO_DEEP';
  constructor() {
    super(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** An object or array with more than `MAX_JSON_MEMBERS` members: 400, before validation walks it. */
export class JsonTooLargeError extends Error {
  readonly statusCode = 400;
  readonly code = 'JSON_TOO_MANY_MEMBERS';
  constructor() {
    super(`An object or array of the JSON body has more than ${MAX_JSON_MEMBERS} members`);
  }
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/**
 * What is wrong with a JSON text's shape, in one pass without recursion (brackets and commas
 * inside strings do not count): nested deeper than `maxDepth`, or a container with more than
 * `maxMembers` members. It stops at the first, so a hostile body costs no more than its length.
 * Malformed JSON is left to the parser.
 */
export function jsonShapeProblem(
  text: string,
  { maxDepth = MAX_JSON_DEPTH, maxMembers = MAX_JSON_MEMBERS } = {},
): 'too-deep' | 'too-many-members' | null {
  // commas seen in each open container, innermost last
  const members: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (members.push(0) > maxDepth) return 'too-deep';
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) members.pop();
    else if (c === COMMA && members.length > 0 && ++members[members.length - 1] >= maxMembers)
      return 'too-many-members';
  }
  return null;
}

/** A body that is JSON but not an object (null, an array, a number, a string): no route takes one. */
export class JsonNotAnObjectError extends Error {
  readonly statusCode = 400;
  readonly code = 'VALIDATION';
  readonly errors = [{ field: 'body', message: 'must be a JSON object' }];
  constructor() {
    super('The JSON body must be an object');
  }
}

/**
 * A body whose bytes are not UTF-8: refused, never decoded with replacement characters into
 * something the caller did not write (and stored).
 */
export class JsonNotUtf8Error extends Error {
  readonly statusCode = 400;
  readonly code = 'VALIDATION';
  readonly errors = [{ field: 'body', message: 'must be UTF-8 text' }];
  constructor() {
    super('The JSON body is not valid UTF-8');
  }
}

/**
 * Fastify's JSON parser (prototype-poisoning checks included), behind an encoding and a depth check: every JSON
 * route is covered, authenticated or not, since the body is parsed before any guard runs. Every
 * route takes an object, so anything else is refused here too.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    // Bytes, not a string: a string is decoded with replacement characters before anyone looks,
    // and its length then no longer matches Content-Length (a misleading 400).
    { parseAs: 'buffer' },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      if (typeof body !== 'string' && !isUtf8(body)) return done(new JsonNotUtf8Error());
      const text = typeof body === 'string' ? body : body.toString('utf8');
      const problem = jsonShapeProblem(text);
      if (problem) return done(problem === 'too-deep' ? new JsonTooDeepError() : new JsonTooLargeError());
      parse(request, text, (error, value) => {
        if (error) return done(error);
        const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
        done(isObject ? null : new JsonNotAnObjectError(), isObject ? value : undefined);
      });
    },
  );
}
