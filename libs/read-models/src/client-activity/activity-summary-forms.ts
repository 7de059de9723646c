import type { ActivitySummary, ActivityType } from './activity.document';
import { of, plural, spaced, type Words } from './summary-words';

/** Why an occurrence was not sent (REMINDER_SKIP_REASONS). */
const SKIP_REASONS: Record<string, ActivitySummary> = {
  cancelled: { fr: 'rappel annulé', en: 'reminder cancelled' },
  client_deleted: { fr: 'client supprimé', en: 'client deleted' },
  no_recipient: { fr: 'aucun destinataire', en: 'no recipient' },
  form_answered: { fr: 'formulaire répondu', en: 'form answered' },
  rescheduled: { fr: 'rappel modifié', en: 'reminder changed' },
};

const form = (w: Words) => of('formulaire', 'form', w.text('formName'));
const reminder = (w: Words) => of('rappel', 'reminder', w.text('templateName'));

/** ` à Zoé Dupré` / ` to Zoé Dupré`, ` à 2 contacts` for several, '' when nothing says whom. */
function recipients(w: Words, countKey: string, fr = 'à', en = 'to'): ActivitySummary {
  const n = w.count(countKey);
  const whom = w.subject ?? (n > 0 ? plural(n, 'contact', 'contacts') : null);
  return whom ? { fr: ` ${fr} ${whom}`, en: ` ${en} ${whom}` } : { fr: '', en: '' };
}

/** ' (a, b)', or '' when there is nothing to add */
const aside = (parts: (string | null)[]) => {
  const said = parts.filter((part): part is string => part !== null);
  return said.length > 0 ? ` (${said.join(', ')})` : '';
};

/** `2026-03-01 à 08:00 UTC` / `2026-03-01 at 08:00 UTC` of an ISO instant, null for none. */
function when(iso: string | null): ActivitySummary | null {
  const time = iso === null ? NaN : Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const [day, hour] = [new Date(time).toISOString().slice(0, 10), new Date(time).toISOString().slice(11, 16)];
  return { fr: `${day} à ${hour} UTC`, en: `${day} at ${hour} UTC` };
}

/** The summaries of the forms and reminders sent to a client's contacts. */
export const FORM_SUMMARIES = {
  'form.sent': (w) => {
    const [what, to] = [form(w), recipients(w, 'contactCount')];
    return { fr: `Envoi ${what.fr}${to.fr}`, en: `Sending ${what.en}${to.en}` };
  },
  'form.scheduled': (w) => {
    const [what, to, at] = [form(w), recipients(w, 'contactCount'), when(w.text('sendAt'))];
    return {
      fr: `Programmation de l'envoi ${what.fr}${to.fr}${at ? ` le ${at.fr}` : ''}`,
      en: `Scheduling of the sending ${what.en}${to.en}${at ? ` on ${at.en}` : ''}`,
    };
  },
  'form.opened': (w) => ({
    fr: `Ouverture ${form(w).fr} par ${w.subject ?? 'un contact'}`,
    en: `Opening ${form(w).en} by ${w.subject ?? 'a contact'}`,
  }),
  'form.answered': (w) => {
    const name = w.text('formName');
    const [fr, en] = name
      ? [`au formulaire ${name}`, `to the form ${name}`]
      : ['à un formulaire', 'to a form'];
    return {
      fr: `Réponse ${fr} par ${w.subject ?? 'un contact'}`,
      en: `Answer ${en} by ${w.subject ?? 'a contact'}`,
    };
  },
  'reminder.scheduled': (w) => {
    const [what, to] = [reminder(w), recipients(w, 'recipientCount', 'pour', 'for')];
    return { fr: `Programmation ${what.fr}${to.fr}`, en: `Scheduling ${what.en}${to.en}` };
  },
  'reminder.changed': (w) => ({ fr: `Modification ${reminder(w).fr}`, en: `Change ${reminder(w).en}` }),
  'reminder.cancelled': (w) => ({
    fr: `Annulation ${reminder(w).fr}`,
    en: `Cancellation ${reminder(w).en}`,
  }),
  'reminder.sent': (w) => {
    const [what, to] = [reminder(w), recipients(w, 'recipientCount')];
    const [late, now] = [w.entry.details.late === true, w.text('kind') === 'now'];
    return {
      fr: `Envoi ${what.fr}${to.fr}${aside([now ? 'hors calendrier' : null, late ? 'en retard' : null])}`,
      en: `Sending ${what.en}${to.en}${aside([now ? 'off schedule' : null, late ? 'late' : null])}`,
    };
  },
  'reminder.skipped': (w) => {
    const [name, code] = [w.text('templateName'), w.text('reason')];
    const reason = code ? (SKIP_REASONS[code] ?? { fr: code, en: code }) : null;
    return {
      fr: `Rappel${spaced(name)} non envoyé${aside([reason?.fr ?? null])}`,
      en: `Reminder${spaced(name)} not sent${aside([reason?.en ?? null])}`,
    };
  },
} satisfies Partial<Record<ActivityType, (w: Words) => ActivitySummary>>;
