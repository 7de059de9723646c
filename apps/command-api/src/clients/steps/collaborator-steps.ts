import { Injectable } from '@nestjs/common';
import {
  checked,
  checkOneOf,
  checkUuid,
  fieldOf,
  invalid,
  isPlainObject,
  valid,
  type AssignCollaborator,
  type Checked,
  type FieldError,
} from '@dossiers/domain';
import { ACCESS_LEVELS } from '@dossiers/events';
import type { CommandContext } from '@dossiers/application';
import { CollaboratorLookup } from '../../directory/collaborator-lookup';
import { listOf, repeated, unknownKeys } from './step-input';

const MAX_COLLABORATORS = 500;
const ENTRY_KEYS = new Set(['collaboratorId', 'access']);

/**
 * The collaborators step (wizard step 3, and the collaborators tab): who of the firm's
 * collaborators sees the client, and how. Each is read from its stream, never a read model.
 */
@Injectable()
export class CollaboratorSteps {
  constructor(private readonly collaboratorLookup: CollaboratorLookup) {}

  /** `[{collaboratorId, access}]` */
  async collaborators(
    clientId: string,
    raw: unknown,
    field: string,
    tenant: string,
  ): Promise<Checked<AssignCollaborator[]>> {
    const errors: FieldError[] = [];
    const value: AssignCollaborator[] = [];
    const seen = new Map<string, string>();
    for (const [index, entry] of listOf(raw, field, MAX_COLLABORATORS, errors).entries()) {
      const at = `${field}.${index}`;
      if (!isPlainObject(entry)) {
        errors.push({ field: at, message: 'must be an object' });
        continue;
      }
      errors.push(...unknownKeys(entry, ENTRY_KEYS, at));
      const collaborator = await this.collaborator(clientId, entry.collaboratorId, entry.access, at, tenant);
      errors.push(...collaborator.errors);
      if (!collaborator.value) continue;
      errors.push(...repeated(seen, collaborator.value.collaboratorId, at, 'collaborator'));
      value.push(collaborator.value);
    }
    return checked(value, errors);
  }

  async collaborator(
    clientId: string,
    rawId: unknown,
    access: unknown,
    field: string,
    tenant: string,
  ): Promise<Checked<AssignCollaborator>> {
    const idField = fieldOf(field, 'collaboratorId');
    const id: Checked<string> =
      rawId === undefined ? invalid(idField, 'is required') : checkUuid(rawId, idField);
    const level = checkOneOf(access, ACCESS_LEVELS, fieldOf(field, 'access'));
    const errors = [...id.errors, ...level.errors];
    if (id.value && (await this.collaboratorLookup.find(id.value, tenant)).status !== 'active')
      errors.push({ field: idField, message: 'no such collaborator' });
    if (errors.length > 0 || !id.value || !level.value) return invalid(errors);
    return valid({ type: 'AssignCollaborator', clientId, collaboratorId: id.value, access: level.value });
  }

  /**
   * A collaborator who creates a client without listing themselves gets full access to it:
   * otherwise the client they just made would not exist for them. Only a collaborator of the
   * directory (the token's subject) is assigned.
   */
  async creatorAccess(
    clientId: string,
    listed: AssignCollaborator[],
    context: CommandContext,
  ): Promise<AssignCollaborator | null> {
    if (context.role !== 'collaborator' || listed.some((c) => c.collaboratorId === context.actor))
      return null;
    const creator = await this.collaboratorLookup.find(context.actor, context.tenant);
    if (creator.status !== 'active') return null;
    return { type: 'AssignCollaborator', clientId, collaboratorId: context.actor, access: 'full' };
  }
}
