import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, FORM_QUESTION_TYPES, LANGUAGES } from '@dossiers/events';
import { CONNECTOR_SETTING_TYPES } from '@dossiers/domain';
import { SheetFieldItem } from './client.responses';

class TemplateSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SheetTemplateSummary extends TemplateSummary {
  @ApiProperty({ type: 'integer' })
  fieldsCount!: number;
}

export class SheetTemplateList {
  @ApiProperty({ type: [SheetTemplateSummary] })
  items!: SheetTemplateSummary[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class SheetTemplateDetails extends TemplateSummary {
  @ApiProperty({ type: [SheetFieldItem] })
  fields!: SheetFieldItem[];
  @ApiProperty({ type: 'integer', description: "the template stream's revision, also the ETag" })
  revision!: number;
}

export class TreeTemplateSummary extends TemplateSummary {
  @ApiProperty({ type: 'integer' })
  foldersCount!: number;
}

export class TreeTemplateList {
  @ApiProperty({ type: [TreeTemplateSummary] })
  items!: TreeTemplateSummary[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class TreeTemplateFolderItem {
  @ApiProperty({ example: 'Comptabilité/Factures' })
  path!: string;
  @ApiProperty({ enum: ACCESS_LEVELS, description: "contacts' right on the folder" })
  contactDefault!: string;
}

/** A folder of the preview, with its subfolders. */
export class TreeTemplateNode {
  @ApiProperty()
  name!: string;
  @ApiProperty()
  path!: string;
  @ApiProperty({ enum: ACCESS_LEVELS })
  contactDefault!: string;
  @ApiProperty({ type: () => [TreeTemplateNode] })
  children!: TreeTemplateNode[];
}

export class TreeTemplateDetails extends TreeTemplateSummary {
  @ApiProperty({ type: [TreeTemplateFolderItem], description: 'flat, parents first' })
  folders!: TreeTemplateFolderItem[];
  @ApiProperty({ type: [TreeTemplateNode], description: 'nested: the preview' })
  tree!: TreeTemplateNode[];
  @ApiProperty({ type: 'integer', description: "the template stream's revision, also the ETag" })
  revision!: number;
}

export class FormTemplateSummary extends TemplateSummary {
  @ApiProperty({ type: 'integer' })
  sectionsCount!: number;
  @ApiProperty({ type: 'integer' })
  questionsCount!: number;
}

export class FormTemplateList {
  @ApiProperty({ type: [FormTemplateSummary] })
  items!: FormTemplateSummary[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class FormQuestionItem {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ enum: FORM_QUESTION_TYPES })
  type!: string;
  @ApiPropertyOptional({ type: [String], description: "a select's values; absent for other types" })
  options?: string[];
  @ApiProperty()
  required!: boolean;
}

export class FormSectionItem {
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: [FormQuestionItem] })
  questions!: FormQuestionItem[];
}

/** A text per language: only the languages the template is written in. */
export class LanguageTextsItem {
  @ApiPropertyOptional()
  fr?: string;
  @ApiPropertyOptional()
  en?: string;
  @ApiPropertyOptional()
  de?: string;
  @ApiPropertyOptional()
  es?: string;
  @ApiPropertyOptional()
  it?: string;
  @ApiPropertyOptional()
  nl?: string;
}

export class FormTemplateDetails extends TemplateSummary {
  @ApiProperty({ type: [FormSectionItem] })
  sections!: FormSectionItem[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Social/Questionnaires',
    description: "where the submitted form's report is filed; null: the client's root",
  })
  targetFolderPath!: string | null;
  @ApiProperty({
    type: LanguageTextsItem,
    description: "the email's message per language, placeholders as written",
  })
  messages!: LanguageTextsItem;
  @ApiProperty({ type: 'integer', description: "the template stream's revision, also the ETag" })
  revision!: number;
}

export class ReminderTemplateSummary extends TemplateSummary {
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: 'the languages it is written in' })
  languages!: string[];
}

export class ReminderTemplateList {
  @ApiProperty({ type: [ReminderTemplateSummary] })
  items!: ReminderTemplateSummary[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class ReminderTextItem {
  @ApiProperty({ example: 'Pièces manquantes pour {{client.name}}' })
  subject!: string;
  @ApiProperty()
  body!: string;
}

/** Only the languages the template is written in (fr or en among them). */
export class ReminderTextsItem {
  @ApiPropertyOptional({ type: ReminderTextItem })
  fr?: ReminderTextItem;
  @ApiPropertyOptional({ type: ReminderTextItem })
  en?: ReminderTextItem;
  @ApiPropertyOptional({ type: ReminderTextItem })
  de?: ReminderTextItem;
  @ApiPropertyOptional({ type: ReminderTextItem })
  es?: ReminderTextItem;
  @ApiPropertyOptional({ type: ReminderTextItem })
  it?: ReminderTextItem;
  @ApiPropertyOptional({ type: ReminderTextItem })
  nl?: ReminderTextItem;
}

export class ReminderTemplateDetails extends TemplateSummary {
  @ApiProperty({ type: ReminderTextsItem, description: 'placeholders as written' })
  texts!: ReminderTextsItem;
  @ApiProperty({ type: 'integer', description: "the template stream's revision, also the ETag" })
  revision!: number;
}

export class ConnectorSettingItem {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ enum: CONNECTOR_SETTING_TYPES })
  type!: string;
  @ApiPropertyOptional({ type: [String], description: "a select's values; absent for other types" })
  options?: string[];
  @ApiProperty()
  required!: boolean;
  @ApiProperty({ description: 'write-only: stored encrypted, never shown back' })
  secret!: boolean;
}

export class ConnectorItem {
  @ApiProperty({ example: 'pennylane' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ type: [ConnectorSettingItem] })
  settings!: ConnectorSettingItem[];
}

export class ConnectorList {
  @ApiProperty({ type: [ConnectorItem] })
  items!: ConnectorItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}
