import { Injectable } from '@nestjs/common';
import { NotFoundError, type FormTemplateContent } from '@dossiers/domain';
import { Aggregates, type Aggregate } from '@dossiers/application';
import type { ReminderTemplateTexts, SheetField, TreeTemplateFolder } from '@dossiers/events';

/**
 * Commands that use a template (the client wizard) read it from the event store, the source of
 * truth, never from a read model. Unknown, deleted and other firms' templates are all `null`.
 */
@Injectable()
export class TemplateLookup {
  constructor(private readonly aggregates: Aggregates) {}

  async sheetTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; fields: SheetField[] } | null> {
    const state = await this.load(this.aggregates.sheetTemplates, templateId, tenant);
    return state?.status === 'active' ? { templateId, name: state.name, fields: state.fields } : null;
  }

  async treeTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; folders: TreeTemplateFolder[] } | null> {
    const state = await this.load(this.aggregates.treeTemplates, templateId, tenant);
    return state?.status === 'active' ? { templateId, name: state.name, folders: state.folders } : null;
  }

  async formTemplate(
    templateId: string,
    tenant: string,
  ): Promise<({ templateId: string } & FormTemplateContent) | null> {
    const state = await this.load(this.aggregates.formTemplates, templateId, tenant);
    if (state?.status !== 'active') return null;
    const { name, sections, targetFolderPath, messages } = state;
    return { templateId, name, sections, targetFolderPath, messages };
  }

  async reminderTemplate(
    templateId: string,
    tenant: string,
  ): Promise<{ templateId: string; name: string; texts: ReminderTemplateTexts } | null> {
    const state = await this.load(this.aggregates.reminderTemplates, templateId, tenant);
    return state?.status === 'active' ? { templateId, name: state.name, texts: state.texts } : null;
  }

  /** The folded state, or null for another tenant's stream. */
  private async load<State>(
    aggregate: Pick<Aggregate<State, unknown>, 'load'>,
    templateId: string,
    tenant: string,
  ): Promise<State | null> {
    try {
      return (await aggregate.load(templateId, tenant)).state;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
