import { Injectable } from '@nestjs/common';
import { NotFoundError, type CollaboratorState } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';

/** Commands that name a collaborator read it from the event store (the source of truth), never a read model. */
@Injectable()
export class CollaboratorLookup {
  constructor(private readonly aggregates: Aggregates) {}

  /** The collaborator's state; `absent` for an unknown id and for another tenant's collaborator alike. */
  async find(collaboratorId: string, tenant: string): Promise<CollaboratorState> {
    try {
      return (await this.aggregates.collaborators.load(collaboratorId, tenant)).state;
    } catch (error) {
      if (error instanceof NotFoundError) return { status: 'absent' };
      throw error;
    }
  }
}
