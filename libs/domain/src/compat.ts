import type { Attributes, ConnectorSettings, SheetField } from '@dossiers/events';
import type { Role } from './shared/actor';
import { validOrThrow } from './shared/checked';
import type { FieldError } from './shared/domain-errors';
import { checkClientName } from './client/client-name';
import { checkAttributes } from './client/attributes';
import { memberOf, membersOf } from './client/client-access';
import { checkGroupName } from './group/group-name';
import { checkFileName } from './files/file-name';
import { checkFolderSegment } from './folders/folder-name';
import { folderPaths, forgetMember, type FolderTree } from './folders/folder-tree';
import type { Member } from './folders/folder-rights';
import { checkFlag, checkHumanText, checkOnlyKnown, checkSelectOptions } from './templates/field-values';
import { checkSheetAttributes } from './templates/sheet-fields';
import type { ConnectorDefinition } from './connectors/connector-catalog';
import { checkConnectorValues } from './connectors/connector-settings';

/**
 * Old names, kept with their old signatures while the apps move to the new ones. Nothing inside
 * libs/domain uses them; delete each once nothing imports it, and this file with the last.
 */

/** @deprecated use Role */
export type ActorRole = Role;

/** @deprecated use Member: a folder's member; "principal" is the token holder's name on the HTTP side */
export type Principal = Member;
/** @deprecated use memberOf */
export const principalOf = memberOf;
/** @deprecated use membersOf */
export const principalsOf = membersOf;
/** @deprecated use forgetMember */
export const forgetPrincipal = forgetMember;

/** @deprecated use folderPaths, the one path function */
export const pathOf = (tree: FolderTree, folderId: string): string => folderPaths(tree).get(folderId) ?? '';

/** @deprecated use checkFolderSegment (a Checked naming its field) */
export function checkFolderName(name: unknown): string | null {
  return checkFolderSegment(name, '').errors[0]?.message ?? null;
}

/** @deprecated use validOrThrow(checkClientName(raw, field)) */
export const parseClientName = (raw: unknown, field = 'name'): string =>
  validOrThrow(checkClientName(raw, field));

/** @deprecated use validOrThrow(checkAttributes(raw, options)) */
export const parseAttributes = (
  raw: unknown,
  options: { allowRemoval: boolean; field?: string },
): { set: Attributes; removed: string[] } => validOrThrow(checkAttributes(raw, options));

/** @deprecated use validOrThrow(checkGroupName(raw)) */
export const parseGroupName = (raw: unknown): string => validOrThrow(checkGroupName(raw));

/** @deprecated use validOrThrow(checkFileName(raw, field)) */
export const sanitizeFileName = (raw: unknown, field = 'file.name'): string =>
  validOrThrow(checkFileName(raw, field));

/** @deprecated use checkHumanText, which returns a Checked instead of pushing into `errors` */
export function checkText(
  raw: unknown,
  field: string,
  max: number,
  errors: FieldError[],
): string | undefined {
  const text = checkHumanText(raw, field, max);
  errors.push(...text.errors);
  return text.value;
}

/** @deprecated use checkFlag */
export function checkRequiredFlag(raw: unknown, field: string, errors: FieldError[]): boolean {
  const flag = checkFlag(raw, field);
  errors.push(...flag.errors);
  return flag.value ?? false;
}

/** @deprecated use checkSelectOptions (null rather than undefined for a type without options) */
export function checkOptions(
  raw: unknown,
  type: string | undefined,
  field: string,
  errors: FieldError[],
): string[] | undefined {
  const options = checkSelectOptions(raw, type, field);
  errors.push(...options.errors);
  return options.value ?? undefined;
}

/** @deprecated use checkOnlyKnown */
export function checkKnownProperties(
  value: Record<string, unknown>,
  known: readonly string[],
  field: string,
  errors: FieldError[],
): void {
  errors.push(...checkOnlyKnown(value, known, field).errors);
}

/** @deprecated use checkSheetAttributes, a Checked */
export const checkSheetValues = (
  fields: SheetField[],
  attributes: Attributes,
  options: { requireAll: boolean; field: string },
): FieldError[] => checkSheetAttributes(fields, attributes, options).errors;

/** @deprecated use checkConnectorValues, a Checked<{ settings, secrets }> */
export function checkConnectorSettings(
  definition: ConnectorDefinition,
  raw: unknown,
  options: { field: string; storedSecretKeys: string[] },
): { settings: ConnectorSettings; secrets: Record<string, string>; errors: FieldError[] } {
  const checked = checkConnectorValues(definition, raw, options);
  return { settings: {}, secrets: {}, ...checked.value, errors: checked.errors };
}
