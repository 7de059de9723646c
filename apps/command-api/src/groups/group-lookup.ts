import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError, type FieldError } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';

/** Commands that name a group check it against the event store (the source of truth), not a read model. */
@Injectable()
export class GroupLookup {
  constructor(private readonly aggregates: Aggregates) {}

  /** A `groupId` in the request body that leads nowhere is bad input naming its field (400), like any other. */
  async check(groupId: string, tenant: string): Promise<FieldError[]> {
    return (await this.exists(groupId, tenant))
      ? []
      : [{ field: 'groupId', message: `no such group: ${groupId}` }];
  }

  async assertExists(groupId: string, tenant: string): Promise<void> {
    const errors = await this.check(groupId, tenant);
    if (errors.length > 0) throw new ValidationError(errors);
  }

  /** Unknown and other firms' groups alike do not exist. */
  private async exists(groupId: string, tenant: string): Promise<boolean> {
    try {
      return (await this.aggregates.groups.load(groupId, tenant)).state.status === 'active';
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }
}
