import ExcelJS from 'exceljs';
import type { FormAnswers, FormAnswerValue, FormSection } from '@dossiers/events';

export const REPORT_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FormReportInput {
  title: string;
  clientName: string;
  /** who answered: their name and email */
  contact: { firstName: string; lastName: string; email: string };
  /** ISO instant of the submission */
  answeredAt: string;
  sections: FormSection[];
  answers: FormAnswers;
}

const BOLD = { bold: true };

/** How an answer reads in the report: yes/no for a yesno, blank when unanswered. */
function shown(value: FormAnswerValue | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Oui / Yes' : 'Non / No';
  return value;
}

/** The report of a submitted form: a one-sheet workbook with who answered, when, and each question with its answer. */
export async function buildFormReport(input: FormReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(input.answeredAt);
  const sheet = workbook.addWorksheet('Réponses');
  sheet.columns = [{ width: 28 }, { width: 48 }, { width: 60 }];
  const { contact } = input;
  const header: [string, string][] = [
    ['Formulaire', input.title],
    ['Client', input.clientName],
    ['Répondu par', `${contact.firstName} ${contact.lastName} <${contact.email}>`.trim()],
    ['Répondu le (UTC)', input.answeredAt],
  ];
  for (const [label, value] of header) sheet.addRow([label, value]).getCell(1).font = BOLD;
  sheet.addRow([]);
  sheet.addRow(['Section', 'Question', 'Réponse']).font = BOLD;
  for (const section of input.sections)
    for (const question of section.questions)
      sheet.addRow([section.title, question.label, shown(input.answers[question.key])]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report's file name: the title without the characters file names refuse, then the date (checkFileName checks it). */
export function reportFileName(title: string, answeredAt: string): string {
  const safe = [...title]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${safe || 'Formulaire'} - ${answeredAt.slice(0, 10)}.xlsx`;
}
