import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// js-yaml (a devDependency, also what @nestjs/swagger uses): a maintained parser, no parser of our own to trust.
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

export const ROOT = join(__dirname, '..', '..');

/** The part of a Compose service these checks read. */
export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }> | string[];
  stop_grace_period?: string;
}

export interface ComposeStack {
  services: Record<string, ComposeService>;
  /** the files it was read from, the included ones first */
  files: string[];
}

/** A YAML file of the repository, `<<` merge keys resolved as Compose resolves them. */
export function readYaml(file: string): Record<string, unknown> {
  const document = load(readFileSync(join(ROOT, file), 'utf8'), {
    filename: file,
    schema: CORE_SCHEMA.withTags(mergeTag),
  });
  if (typeof document !== 'object' || document === null) throw new Error(`${file}: not a mapping`);
  return document as Record<string, unknown>;
}

/** A Compose file with the files it `include`s (short form), refusing a service defined twice. */
export function readStack(file: string): ComposeStack {
  const document = readYaml(file);
  const included = ((document.include ?? []) as unknown[]).map((entry) => {
    if (typeof entry !== 'string') throw new Error(`${file}: only the short include form is read here`);
    return readStack(entry);
  });
  const services: Record<string, ComposeService> = {};
  const own = (document.services ?? {}) as Record<string, ComposeService>;
  for (const part of [...included.map((stack) => stack.services), own]) {
    for (const [name, service] of Object.entries(part)) {
      if (name in services) throw new Error(`${file}: service ${name} is defined twice`);
      services[name] = service;
    }
  }
  return { services, files: [...included.flatMap((stack) => stack.files), file] };
}

/**
 * Compose's interpolation of one value: `${NAME}`, `${NAME:-default}`, `${NAME:?message}` (throws
 * when NAME is unset or empty, as Compose does) and `$$`. Any other use of `$` throws.
 */
export function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?\}|\$/g,
    (match, name, op, arg) => {
      if (match === '$$') return '$';
      if (match === '$') throw new Error(`unsupported interpolation in "${value}"`);
      const set = variables[name as string];
      if (op === '?' && !set) throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return set || (op === '-' ? (arg as string) : '');
    },
  );
}

/** The environment a service's container gets, interpolated with `variables`. */
export function environmentOf(
  service: ComposeService,
  variables: Record<string, string | undefined> = {},
): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) throw new Error('environment: the mapping form is read here');
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, interpolate(String(value), variables)]),
  );
}

/** The host ports a service publishes, by container port ("127.0.0.1:2113:2113" or "3001:3001"). */
export function publishedPorts(service: ComposeService): Map<number, { host: number; ip?: string }> {
  const ports = new Map<number, { host: number; ip?: string }>();
  for (const spec of service.ports ?? []) {
    const parts = String(spec).split(':');
    if (parts.length < 2 || parts.length > 3) throw new Error(`ports: "${spec}" is not ip:host:container`);
    const [container, host, ip] = parts.reverse();
    ports.set(Number(container), { host: Number(host), ip });
  }
  return ports;
}

/** The services a service waits for, with the condition it waits for. */
export function dependenciesOf(service: ComposeService): Record<string, string | undefined> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]));
}

/** A Compose duration ("1m30s", "30s", "500ms") in milliseconds. */
export function durationMs(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)];
  if (parts.map(([part]) => part).join('') !== value) throw new Error(`"${value}" is not a duration`);
  return parts.reduce((ms, [, amount, unit]) => ms + Number(amount) * units[unit], 0);
}
