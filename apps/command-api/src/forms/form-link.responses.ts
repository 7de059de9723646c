import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export class FormQuestionItem {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ enum: ['text', 'longtext', 'number', 'date', 'yesno', 'select', 'file'] })
  type!: string;
  @ApiProperty({ type: [String], required: false, description: 'the choices of a select' })
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

const ANSWERS: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
};

/** GET /forms/:token: what the contact's form page shows. */
export class FormLinkView {
  @ApiProperty({ format: 'uuid' })
  formId!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ description: "the firm's message, as the contact's mail has it (may be empty)" })
  message!: string;
  @ApiProperty({ type: [FormSectionItem] })
  sections!: FormSectionItem[];
  @ApiProperty({ ...ANSWERS, nullable: true, description: "the contact's saved draft, null when none" })
  draft!: Record<string, string | number | boolean> | null;
}

/** PUT /forms/:token/draft and POST /forms/:token/answers. */
export class FormLinkResult {
  @ApiProperty({ format: 'uuid' })
  formId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "the report filed in the client's folders (answers only)",
  })
  fileId!: string | null;
}

export { ANSWERS as FORM_ANSWERS_SCHEMA };
