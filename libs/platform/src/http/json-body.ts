import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper bodies are refused before anything walks them: no route takes more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** A body nested deeper than `MAX_JSON_DEPTH`: 400, before any recursive walk could overflow the stack. */
export class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = 'JSON_TOO_DEEP';
  constructor() {
    super(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The nesting depth of a JSON text, in one pass without recursion (brackets inside strings do not
 * count). It stops as soon as `limit` is passed, so a hostile body costs no more than its length.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * Fastify's JSON parser (prototype-poisoning checks included), behind a depth check: every JSON
 * route is covered, authenticated or not, since the body is parsed before any guard runs.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(new JsonTooDeepError());
      parse(request, text, done);
    },
  );
}
