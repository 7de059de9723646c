import type { Projection } from '../projection/projection';
import { formTemplateListProjection } from './form-template-list.projection';
import { reminderTemplateListProjection } from './reminder-template-list.projection';
import { sheetTemplateListProjection } from './sheet-template-list.projection';
import { treeTemplateListProjection } from './tree-template-list.projection';

export * from './template-document';
export * from './sheet-template-list.projection';
export * from './tree-template-list.projection';
export * from './form-template-list.projection';
export * from './reminder-template-list.projection';

/** Read models of the firm's templates (sheet, tree, form, reminder). */
export const TEMPLATE_PROJECTIONS: readonly Projection[] = [
  sheetTemplateListProjection,
  treeTemplateListProjection,
  formTemplateListProjection,
  reminderTemplateListProjection,
];
