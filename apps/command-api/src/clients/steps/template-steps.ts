import { Injectable } from '@nestjs/common';
import {
  checkUuid,
  invalid,
  mapChecked,
  valid,
  type ApplyTreeTemplate,
  type Checked,
  type LoadSheetTemplate,
  type SendForm,
} from '@dossiers/domain';
import type { CommandContext } from '@dossiers/application';
import { TemplateLookup } from '../../templates/template-lookup';

/**
 * The steps that bring a template to the client: its sheet fields (wizard step 1), its folder tree
 * (step 4), a form (step 6), each also a tab of the sheet. Each takes the template's id as given
 * (a missing one is not a uuid) and reads the template from the event store, never a read model.
 */
@Injectable()
export class TemplateSteps {
  constructor(private readonly templates: TemplateLookup) {}

  async sheetTemplate(
    clientId: string,
    raw: unknown,
    field: string,
    tenant: string,
  ): Promise<Checked<LoadSheetTemplate>> {
    const found = await this.find(raw, field, 'sheet template', (id) =>
      this.templates.sheetTemplate(id, tenant),
    );
    return mapChecked(found, (template) => ({ type: 'LoadSheetTemplate', clientId, template }));
  }

  async tree(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Checked<ApplyTreeTemplate>> {
    const found = await this.find(raw, field, 'tree template', (id) =>
      this.templates.treeTemplate(id, context.tenant),
    );
    return mapChecked(found, (template) => {
      // Ids for every path; the decider uses those of the folders the client lacks.
      const newFolderIds = Object.fromEntries(
        template.folders.map((f) => [f.path, context.newId(`folder:${template.templateId}:${f.path}`)]),
      );
      return { type: 'ApplyTreeTemplate', clientId, template, newFolderIds };
    });
  }

  async form(
    clientId: string,
    raw: unknown,
    field: string,
    context: CommandContext,
  ): Promise<Checked<SendForm>> {
    const found = await this.find(raw, field, 'form template', (id) =>
      this.templates.formTemplate(id, context.tenant),
    );
    return mapChecked(found, ({ templateId, name, messages }) => ({
      type: 'SendForm',
      clientId,
      formId: context.newId(`form:${templateId}`),
      template: { templateId, name, messages },
      now: context.now,
    }));
  }

  /** The template `raw` names; unknown, deleted and other firms' templates alike are no such template. */
  private async find<Template>(
    raw: unknown,
    field: string,
    kind: string,
    lookup: (templateId: string) => Promise<Template | null>,
  ): Promise<Checked<Template>> {
    const id = checkUuid(raw, field);
    if (id.value === undefined) return invalid(id.errors);
    const template = await lookup(id.value);
    return template ? valid(template) : invalid(field, `no such ${kind}`);
  }
}
