import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type request from 'supertest';

/**
 * Checks real responses against the OpenAPI document the app serves: the operation (method, path
 * template), its status, the content type and, for JSON, the body against the status's schema.
 * The e2e harness runs every response of `h.http()` through it, so the document cannot drift
 * from what the server answers.
 */

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const DOC_ID = 'openapi';
const COMPONENT_REF = '#/components/schemas/';
/** OpenAPI 3.0 keywords that JSON Schema has not (annotations only). */
const OPENAPI_ONLY = new Set(['example', 'xml', 'externalDocs', 'discriminator']);
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/** OpenAPI 3.0 schema -> JSON Schema: `nullable`, component `$ref`s, annotation-only keywords. */
export function toJsonSchema(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (OPENAPI_ONLY.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF))
      out.$ref = `${DOC_ID}#/definitions/${value.slice(COMPONENT_REF.length)}`;
    else if (key === 'properties' || key === 'definitions')
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (key === 'items' || key === 'additionalProperties' || key === 'not')
      out[key] = toJsonSchema(value);
    else if (SCHEMA_LISTS.includes(key)) out[key] = (value as unknown[]).map(toJsonSchema);
    else if (key === 'format' && value === 'binary') continue;
    else out[key] = value;
  }
  if (source.nullable !== true) return out;
  const composite = '$ref' in out || SCHEMA_LISTS.some((key) => key in out);
  if (!composite && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

interface PathTemplate {
  template: string;
  pattern: RegExp;
  params: number;
}

export class OpenApiChecker {
  private readonly ajv: Ajv;
  private readonly templates: PathTemplate[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
    addFormats(this.ajv);
    const definitions = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
      name,
      toJsonSchema(schema),
    ]);
    this.ajv.addSchema({ $id: DOC_ID, definitions: Object.fromEntries(definitions) as Schema });
    // Literal segments win over parameters, as in the router: /clients/export.xlsx before /clients/{id}.
    this.templates = Object.keys(document.paths)
      .map((template) => {
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('');
        return { template, pattern: new RegExp(`^${source}$`), params: (template.match(/\{/g) ?? []).length };
      })
      .sort((a, b) => a.params - b.params);
  }

  /** The problem with a response, or undefined when the document describes it. */
  check(method: string, url: string, response: request.Response): string | undefined {
    // As the router sees it: not through URL, which would resolve `%2e%2e` segments away.
    const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0];
    if (path === '/docs' || path.startsWith('/docs/')) return undefined;
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const template = this.templates.find((t) => t.pattern.test(path))?.template;
    const operation = template ? this.document.paths[template][verb] : undefined;
    // No route: the router's own 404 (a path or method the API does not have).
    if (!operation) return response.status === 404 ? undefined : 'no such operation in the document';
    const where = `${verb.toUpperCase()} ${template}`;
    const documented = operation.responses?.[String(response.status)];
    if (!documented)
      return `${where}: status ${response.status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`;
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (method.toLowerCase() === 'head' || !contentType) return undefined;
    const content = documented.content ?? {};
    const media = content[contentType] ?? content[`${contentType.split('/')[0]}/*`] ?? content['*/*'];
    if (!media)
      return `${where} ${response.status}: content type ${contentType} is not documented (documented: ${Object.keys(content).join(', ') || 'no content'})`;
    if (!/^application\/(.+\+)?json$/.test(contentType) || !media.schema) return undefined;
    const validate = this.validator(`${where} ${response.status} ${contentType}`, media.schema);
    if (validate(bodyOf(response))) return undefined;
    // One line per distinct problem: `items/3/name` and `items/4/name` are the same one.
    const errors = [
      ...new Set(
        (validate.errors ?? []).map((e) => {
          const extra = (e.params as { additionalProperty?: string }).additionalProperty;
          return `body${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')} ${e.message}${extra ? `: ${extra}` : ''}`;
        }),
      ),
    ];
    return `${where} ${response.status}: ${errors.join('; ').slice(0, 1000)}`;
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** The JSON body, also when a test buffered it raw (`.buffer(true).parse(asBinary)`). */
function bodyOf(response: request.Response): unknown {
  const body: unknown = response.body;
  if (Buffer.isBuffer(body)) return JSON.parse(body.toString('utf8')) as unknown;
  if (body && typeof body === 'object' && Object.keys(body).length === 0 && response.text)
    return JSON.parse(response.text) as unknown;
  return body;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options'] as const;

/**
 * The agent, with every response it receives checked: a response the document does not describe
 * is passed to `report` (a test's own assertions still run as before).
 */
export function checkedAgent(
  agent: request.Agent,
  checker: OpenApiChecker,
  report: (problem: string, method: string, url: string) => void,
): request.Agent {
  for (const name of HTTP_METHODS) {
    const original = (agent as unknown as Record<string, (...args: unknown[]) => request.Test>)[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(agent, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        const test = original.apply(agent, args);
        test.on('response', (response: request.Response) => {
          const { method, url } = test as unknown as { method: string; url: string };
          let problem: string | undefined;
          try {
            problem = checker.check(method, url, response);
          } catch (error) {
            problem = `could not check: ${(error as Error).message}`;
          }
          if (problem) report(problem, method, url);
        });
        return test;
      },
    });
  }
  return agent;
}
