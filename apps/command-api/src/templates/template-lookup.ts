import { Inject, Injectable } from '@nestjs/common';
import {
  formTemplateDecider,
  formTemplateStreamId,
  NotFoundError,
  sheetTemplateDecider,
  sheetTemplateStreamId,
  treeTemplateDecider,
  treeTemplateStreamId,
  type Decider,
} from '@dossiers/domain';
import { loadStream } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { DomainEvent, FormSection, SheetField, TreeTemplateFolder } from '@dossiers/events';

/**
 * Commands that use a template (the client wizard) read it from the event store, the source of
 * truth, never from a read model. Unknown, deleted and other firms' templates are all `null`.
 */
@Injectable()
export class TemplateLookup {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async sheetTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; fields: SheetField[] } | null> {
    const state = await this.load(sheetTemplateDecider, sheetTemplateStreamId(templateId), tenant);
    return state?.status === 'active' ? { templateId, name: state.name, fields: state.fields } : null;
  }

  async treeTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; folders: TreeTemplateFolder[] } | null> {
    const state = await this.load(treeTemplateDecider, treeTemplateStreamId(templateId), tenant);
    return state?.status === 'active' ? { templateId, name: state.name, folders: state.folders } : null;
  }

  async formTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; sections: FormSection[] } | null> {
    const state = await this.load(formTemplateDecider, formTemplateStreamId(templateId), tenant);
    return state?.status === 'active' ? { templateId, name: state.name, sections: state.sections } : null;
  }

  /** The folded state, or null for another tenant's stream. */
  private async load<State, Event extends DomainEvent>(
    decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
    streamId: string,
    tenant: string,
  ): Promise<State | null> {
    try {
      return (
        await loadStream(
          this.eventStore,
          decider,
          streamId,
          tenant,
          () => new NotFoundError('template', streamId),
        )
      ).state;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
