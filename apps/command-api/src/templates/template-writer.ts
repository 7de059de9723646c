import { Injectable } from '@nestjs/common';
import {
  checkAll,
  checkReminderTexts,
  checkSheetFields,
  checkTemplateName,
  checkTreeFolders,
  validOrThrow,
  type Checked,
} from '@dossiers/domain';
import { Aggregates, type Aggregate, type CommandContext, type CommandResult } from '@dossiers/application';

/**
 * The template kinds written alike: a name and one content (a sheet's fields, a tree's folders, a
 * reminder's texts per language).
 */
export type TemplateKind = 'sheet' | 'tree' | 'reminder';

/** What a template's body holds, as sent: the writer checks both. */
export interface TemplateInput {
  name: unknown;
  content: unknown;
}

interface TemplateCommands<Command, Content> {
  create(templateId: string, name: string, content: Content): Command;
  replace(templateId: string, name: string, content: Content): Command;
  delete(templateId: string): Command;
}

/**
 * Creates a template, or replaces its name and content (what it was loaded into or applied to
 * keeps its copy), or deletes it: the same input, checked the same way, for POST, PUT and DELETE.
 */
export class TemplateWriter<State, Command, Content> {
  constructor(
    private readonly aggregate: Aggregate<State, Command>,
    /** the body's field holding the content, named in its errors */
    private readonly contentField: string,
    private readonly checkContent: (raw: unknown, field: string) => Checked<Content>,
    private readonly commands: TemplateCommands<Command, Content>,
  ) {}

  /** Every problem of the name and the content at once (400), or the create or replace decided. */
  async save(
    mode: 'create' | 'replace',
    templateId: string,
    input: TemplateInput,
    context: CommandContext,
  ): Promise<CommandResult> {
    const { name, content } = validOrThrow(
      checkAll({
        name: checkTemplateName(input.name, 'name'),
        content: this.checkContent(input.content, this.contentField),
      }),
    );
    return this.aggregate.handle(templateId, this.commands[mode](templateId, name, content), context);
  }

  async delete(templateId: string, context: CommandContext): Promise<CommandResult> {
    return this.aggregate.handle(templateId, this.commands.delete(templateId), context);
  }
}

/** The sheet, tree and reminder templates' writers, bound to their aggregates. */
@Injectable()
export class TemplateWriters {
  readonly sheet;
  readonly tree;
  readonly reminder;

  constructor(aggregates: Aggregates) {
    this.sheet = new TemplateWriter(aggregates.sheetTemplates, 'fields', checkSheetFields, {
      create: (templateId, name, fields) => ({ type: 'CreateSheetTemplate', templateId, name, fields }),
      replace: (templateId, name, fields) => ({ type: 'ReplaceSheetTemplate', templateId, name, fields }),
      delete: (templateId) => ({ type: 'DeleteSheetTemplate', templateId }),
    });
    this.tree = new TemplateWriter(aggregates.treeTemplates, 'folders', checkTreeFolders, {
      create: (templateId, name, folders) => ({ type: 'CreateTreeTemplate', templateId, name, folders }),
      replace: (templateId, name, folders) => ({ type: 'ReplaceTreeTemplate', templateId, name, folders }),
      delete: (templateId) => ({ type: 'DeleteTreeTemplate', templateId }),
    });
    this.reminder = new TemplateWriter(aggregates.reminderTemplates, 'texts', checkReminderTexts, {
      create: (templateId, name, texts) => ({ type: 'CreateReminderTemplate', templateId, name, texts }),
      replace: (templateId, name, texts) => ({ type: 'ReplaceReminderTemplate', templateId, name, texts }),
      delete: (templateId) => ({ type: 'DeleteReminderTemplate', templateId }),
    });
  }
}
