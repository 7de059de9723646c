import { randomUUID } from 'node:crypto';
import type { EventStore } from '@dossiers/event-store';
import type { NewEvent } from '@dossiers/events';
import { newEvent } from './util';

/** Clients created; every DELETE_EVERY-th is deleted again, leaving LIVE_CLIENTS. */
export const CREATED_CLIENTS = 105_000;
const DELETE_EVERY = 21;
export const LIVE_CLIENTS = CREATED_CLIENTS - Math.ceil(CREATED_CLIENTS / DELETE_EVERY);
const GROUPS = 40;
/** Appends in flight at once while seeding: the store group-commits them. */
const IN_FLIGHT = 10000;

/** A fragment of about a fifth of the names (the legal form SARL). */
export const COMMON_SEARCH = 'sarl';
/** A surname given to one client in RARE_EVERY (about ten), searched without its accent. */
export const RARE_SEARCH = 'quillevic';
const RARE_SURNAME = 'Quillévic';
const RARE_EVERY = 10_007;

const ACTIVITIES = [
  'Boulangerie',
  'Cabinet',
  'Garage',
  'Pharmacie',
  'Société',
  'Restaurant',
  'Atelier',
  'Hôtel',
  'Transports',
  'Menuiserie',
  'Librairie',
  'Café',
  'Imprimerie',
  'Agence',
  'Établissements',
  'Ferme',
  'Clinique',
  'Boucherie',
  'Studio',
  'Laboratoire',
];
const SURNAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Müller',
  'Henry',
  'Roussel',
  'Nicolas',
];
const LEGAL_FORMS = ['SARL', 'SAS', 'SA', 'EURL', 'SCI', 'SELARL', 'SASU', 'SNC', 'SARL', 'EI'];
const CITIES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Toulouse',
  'Nantes',
  'Lille',
  'Rennes',
  'Brest',
  'Nice',
  'Dijon',
];

/** Deterministic pseudo-random numbers (mulberry32): every run seeds the same client base. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nameOf(i: number, activity: string, rnd: () => number): string {
  const surname = i % RARE_EVERY === 0 ? RARE_SURNAME : SURNAMES[Math.floor(rnd() * SURNAMES.length)];
  const legal = LEGAL_FORMS[Math.floor(rnd() * LEGAL_FORMS.length)];
  return `${activity} ${surname} ${legal} ${i}`;
}

const isoDay = (rnd: () => number): string =>
  new Date(Date.UTC(1990 + Math.floor(rnd() * 35), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)))
    .toISOString()
    .slice(0, 10);

export interface SeedSummary {
  events: number;
  byType: Record<string, number>;
  clientsCreated: number;
  clientsLive: number;
}

/**
 * Seeds one tenant's client base in four passes, so that a client's events are spread over the
 * log as they would be in life (not all side by side): groups, then every ClientCreated (3 to 5
 * attributes, a date among them), then per client one append of 1 to 3 follow-ups (rename,
 * attribute change, group change), then the deletes.
 */
export async function seedClientBase(store: EventStore): Promise<SeedSummary> {
  const rnd = random(42);
  const byType: Record<string, number> = {};
  let clock = Date.UTC(2024, 0, 1);
  const at = () => new Date((clock += 250)).toISOString();
  const appends: Array<() => Promise<unknown>> = [];
  const queue = (streamId: string, events: NewEvent[], expected: Parameters<EventStore['append']>[2]) => {
    for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    appends.push(() => store.append(streamId, events, expected));
  };
  const flush = async () => {
    for (let i = 0; i < appends.length; i += IN_FLIGHT)
      await Promise.all(appends.slice(i, i + IN_FLIGHT).map((append) => append()));
    appends.length = 0;
  };

  const groupIds = Array.from({ length: GROUPS }, () => randomUUID());
  groupIds.forEach((groupId, g) =>
    queue(
      `group-${groupId}`,
      [newEvent('GroupCreated', { groupId, name: `Portefeuille ${g + 1}` }, at())],
      'no_stream',
    ),
  );
  await flush();

  const clientIds = Array.from({ length: CREATED_CLIENTS }, () => randomUUID());
  const activities = clientIds.map(() => ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)]);
  clientIds.forEach((clientId, i) => {
    const attributes: Record<string, string | number | boolean> = {
      siren: String(100_000_000 + Math.floor(rnd() * 899_999_999)),
      fiscalYearEnd: isoDay(rnd),
      employees: Math.floor(rnd() * 250),
    };
    if (rnd() < 0.6) attributes.city = CITIES[Math.floor(rnd() * CITIES.length)];
    if (rnd() < 0.4) attributes.vatRegistered = rnd() < 0.8;
    const groupId = rnd() < 0.7 ? groupIds[Math.floor(rnd() * GROUPS)] : null;
    const data = { clientId, name: nameOf(i, activities[i], rnd), groupId, attributes };
    queue(`client-${clientId}`, [newEvent('ClientCreated', data, at())], 'no_stream');
  });
  await flush();

  clientIds.forEach((clientId, i) => {
    const events: NewEvent[] = [];
    if (rnd() < 0.5) {
      const activity = ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)];
      events.push(newEvent('ClientRenamed', { clientId, name: nameOf(i, activity, rnd) }, at()));
    }
    const set: Record<string, string | number> = { employees: Math.floor(rnd() * 250) };
    if (rnd() < 0.5) set.lastReviewedAt = isoDay(rnd);
    events.push(
      newEvent('ClientAttributesChanged', { clientId, set, removed: rnd() < 0.2 ? ['city'] : [] }, at()),
    );
    if (rnd() < 0.3) {
      const groupId = rnd() < 0.2 ? null : groupIds[Math.floor(rnd() * GROUPS)];
      events.push(newEvent('ClientGroupChanged', { clientId, groupId }, at()));
    }
    queue(`client-${clientId}`, events, 0);
  });
  await flush();

  clientIds.forEach((clientId, i) => {
    if (i % DELETE_EVERY === 0)
      queue(`client-${clientId}`, [newEvent('ClientDeleted', { clientId }, at())], 'stream_exists');
  });
  await flush();

  const events = Object.values(byType).reduce((a, b) => a + b, 0);
  return { events, byType, clientsCreated: CREATED_CLIENTS, clientsLive: LIVE_CLIENTS };
}
