import type { LanguageTexts } from '@dossiers/events';
import { invalid, mapChecked, valid, type Checked } from '../shared/checked';
import { checkTemplatePath } from '../folders/template-folders';
import { checkPerLanguage, checkTemplateBody } from '../reminders/reminder-texts';
import { isPlainObject } from './field-values';

/** What a form template says about sending a form and filing its answers, beside its questions. */

/**
 * The folder a submitted form's report is filed in, from the client's root ('Social/Questionnaires',
 * segments trimmed, each a folder name as the tree templates have them); absent or null: the root.
 */
export function checkTargetFolderPath(raw: unknown, field: string): Checked<string | null> {
  if (raw === undefined || raw === null) return valid(null);
  return mapChecked(checkTemplatePath(raw, field), (segments) => segments.join('/'));
}

/** The email's message per language (any of LANGUAGES, none required), each a body with placeholders. */
export function checkFormMessages(raw: unknown, field: string): Checked<LanguageTexts> {
  if (raw === undefined) return valid({});
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {<language>: text}');
  return checkPerLanguage(raw, field, checkTemplateBody);
}
