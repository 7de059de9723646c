import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { operationsOf, routesByOperationId, type Operation } from './openapi-document';

type Schema = Record<string, unknown>;
type Condition = (object: object, value: unknown) => boolean;
interface Rule {
  name?: string;
  type: string;
  each?: boolean;
  constraints?: unknown[];
}

/** What the validation pipe enforces of one property: from its class-validator metadata. */
interface PropertyRules {
  required: boolean;
  nullable: boolean;
  checks: Rule[];
}

/**
 * The rules of each property of a DTO the pipe checks. A property with @Allow() only is left to
 * the handler (the wizard's steps, the reminder's schedule): its schema says what the handler takes.
 */
function validationRulesOf(dto: object): Map<string, PropertyRules> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    dto as new () => object,
    '',
    true,
    false,
  ) as unknown as (Rule & { propertyName: string })[];
  const byProperty = new Map<string, Rule[]>();
  for (const metadata of metadatas)
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  const rules = new Map<string, PropertyRules>();
  for (const [property, all] of byProperty) {
    const checks = all.filter((rule) => rule.type === 'customValidation' || rule.type === 'isDefined');
    if (checks.length === 0) continue;
    const conditions = all
      .filter((rule) => rule.type === 'conditionalValidation')
      .map((rule) => rule.constraints![0] as Condition);
    // A value is checked only when every @ValidateIf holds; the ones that skip undefined (or null)
    // whatever else the object holds make the property optional (or nullable).
    const skips = (value: unknown) => conditions.some((holds) => !holds({}, value));
    const dependsOnOthers = skips('a value');
    rules.set(property, {
      required: !skips(undefined) || checks.some((rule) => rule.type === 'isDefined'),
      nullable: !dependsOnOthers && skips(null),
      checks,
    });
  }
  return rules;
}

/** The keywords of a schema that say what one class-validator check accepts. */
function keywordsOf({ name, constraints = [] }: Rule): Schema {
  switch (name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isNumber':
      return { type: 'number' };
    case 'min':
      return { minimum: constraints[0] };
    case 'max':
      return { maximum: constraints[0] };
    case 'minLength':
      return { minLength: constraints[0] };
    case 'maxLength':
      return { maxLength: constraints[0] };
    case 'isLength':
      return {
        minLength: constraints[0],
        ...(constraints[1] === undefined ? {} : { maxLength: constraints[1] }),
      };
    case 'isUuid':
      return { format: 'uuid' };
    case 'isIn':
      return { enum: constraints[0] };
    case 'arrayMinSize':
      return { minItems: constraints[0] };
    case 'arrayMaxSize':
      return { maxItems: constraints[0] };
    default:
      return {};
  }
}

/** Writes a property's rules into its schema (the items' schema for a check `each` value). */
function describeProperty(schema: Schema, rules: PropertyRules): void {
  if (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf) return;
  for (const check of rules.checks) {
    const target = check.each && schema.type === 'array' ? ((schema.items ??= {}) as Schema) : schema;
    const keywords = keywordsOf(check);
    // `type` only where the schema names none or a looser one: a `number` the pipe wants whole.
    if (keywords.type && target.type && !(target.type === 'number' && keywords.type === 'integer'))
      delete keywords.type;
    Object.assign(target, keywords);
  }
  if (rules.nullable) schema.nullable = true;
  else delete schema.nullable;
}

/** The classes of a route's whole-body and whole-query DTOs (`@Body() dto`, `@Query() dto`). */
function dtosOf(controller: new (...args: never[]) => object, method: string) {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
  const dto = (paramtype: RouteParamtypes) => {
    const entry = Object.entries(args).find(
      ([key, arg]) => key.split(':')[0] === String(paramtype) && arg.data === undefined,
    );
    const type = entry ? types[entry[1].index] : undefined;
    return typeof type === 'function' && type !== Object ? type : undefined;
  };
  return { body: dto(RouteParamtypes.BODY), query: dto(RouteParamtypes.QUERY) };
}

/**
 * DTO fields typed as the validation pipe accepts them, from the class-validator metadata the pipe
 * runs: `integer` with its minimum and maximum, string lengths, formats, enums, array sizes,
 * required exactly where the pipe wants a value, nullable exactly where it lets null through. One
 * reading of the rules for every body and query of the app, so that a DTO's @ApiProperty cannot
 * drift from its checks.
 */
export function describeValidationRules(app: INestApplication, document: OpenAPIObject): void {
  const routes = routesByOperationId(app);
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const described = new Set<object>();
  for (const [, operation] of operationsOf(document)) {
    const route = routes.get(operation.operationId ?? '');
    if (!route) continue;
    const { body, query } = dtosOf(route.controller, route.method);
    if (query) describeQuery(operation, validationRulesOf(query));
    const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
    const component = typeof ref === 'string' ? schemas[ref.split('/').pop()!] : undefined;
    if (body && component && !described.has(component)) {
      described.add(component);
      describeComponent(component, validationRulesOf(body));
    }
  }
}

function describeQuery(operation: Operation, rules: Map<string, PropertyRules>): void {
  for (const parameter of operation.parameters ?? []) {
    const own = parameter.in === 'query' ? rules.get(parameter.name) : undefined;
    if (!own) continue;
    describeProperty((parameter.schema ??= {}), own);
    parameter.required = own.required;
  }
}

function describeComponent(component: Schema, rules: Map<string, PropertyRules>): void {
  const properties = (component.properties ?? {}) as Record<string, Schema>;
  const required = new Set((component.required as string[] | undefined) ?? []);
  for (const [name, own] of rules) {
    if (!properties[name]) continue;
    describeProperty(properties[name], own);
    if (own.required) required.add(name);
    else required.delete(name);
  }
  if (required.size > 0) component.required = [...required];
  else delete component.required;
}
