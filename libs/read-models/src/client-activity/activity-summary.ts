import type { ActivityEntry, ActivitySummary, ActivityType } from './activity.document';
import { FORM_SUMMARIES } from './activity-summary-forms';
import { LANGUAGES, named, plural, renaming, RIGHTS, spaced, Words } from './summary-words';

/**
 * A short sentence in French and in English describing an entry, e.g. `Téléchargement du fichier
 * bilan.pdf` / `Download of the file bilan.pdf`. Pure, and made of the entry alone (its names and
 * paths as they were then) and `subjectName`, the name of the contact or collaborator it is about
 * as the caller resolved it: nothing a reader of the entry could not see in it. A value the entry
 * lacks gives a neutral wording ("a file"), never a placeholder.
 */
export function activitySummary(entry: ActivityEntry, subjectName: string | null): ActivitySummary {
  return SUMMARIES[entry.type](new Words(entry, subjectName));
}

const contactPhrase = (w: Words) => w.person('contact', 'contact');
const collaboratorPhrase = (w: Words) => w.person('collaborateur', 'collaborator');

function clientInfo(w: Words): ActivitySummary {
  switch (w.text('change')) {
    case 'group':
      return { fr: 'Changement de groupe du client', en: "Change of the client's group" };
    case 'sheet_template': {
      const [name, n] = [spaced(w.text('templateName')), w.count('fieldCount')];
      return {
        fr: `Chargement du modèle de fiche${name} (${plural(n, 'champ', 'champs')})`,
        en: `Loading of the sheet template${name} (${plural(n, 'field', 'fields')})`,
      };
    }
    default: {
      const fields = w.text('fields');
      return {
        fr: `Modification des informations du client${fields ? ` : ${fields}` : ''}`,
        en: `Change of the client's information${fields ? `: ${fields}` : ''}`,
      };
    }
  }
}

function clientNamed(w: Words, fr: string, en: string): ActivitySummary {
  const name = w.text('name');
  return name
    ? { fr: `${fr} du client ${name}`, en: `${en} of the client ${name}` }
    : { fr: `${fr} du client`, en: `${en} of the client` };
}

const SUMMARIES: Record<ActivityType, (w: Words) => ActivitySummary> = {
  'client.created': (w) => clientNamed(w, 'Création', 'Creation'),
  'client.renamed': (w) =>
    renaming({ fr: 'du client', en: 'of the client' }, w.text('previousName'), w.text('name')),
  'client.info_changed': clientInfo,
  'client.deleted': (w) => clientNamed(w, 'Suppression', 'Deletion'),
  'contact.attached': (w) => {
    const [who, language] = [contactPhrase(w), named(LANGUAGES, w.text('language'))];
    return {
      fr: `Rattachement ${who.fr} (emails en ${language.fr})`,
      en: `Attachment ${who.en} (emails in ${language.en})`,
    };
  },
  'contact.detached': (w) => ({
    fr: `Détachement ${contactPhrase(w).fr}`,
    en: `Detachment ${contactPhrase(w).en}`,
  }),
  'contact.invited': (w) => {
    const [who, language] = [contactPhrase(w), named(LANGUAGES, w.text('language'))];
    return {
      fr: `Invitation ${who.fr} (email en ${language.fr})`,
      en: `Invitation ${who.en} (email in ${language.en})`,
    };
  },
  'contact.language_changed': (w) => {
    const [who, language] = [contactPhrase(w), named(LANGUAGES, w.text('language'))];
    const was = w.text('previousLanguage') && named(LANGUAGES, w.text('previousLanguage'));
    return {
      fr: `Langue des emails ${who.fr} : ${language.fr}${was ? ` (avant : ${was.fr})` : ''}`,
      en: `Email language ${who.en}: ${language.en}${was ? ` (before: ${was.en})` : ''}`,
    };
  },
  'contact.activated': (w) => ({
    fr: `Activation du compte ${contactPhrase(w).fr}`,
    en: `Activation of the account ${contactPhrase(w).en}`,
  }),
  'collaborator.access_set': (w) => {
    const [who, access] = [collaboratorPhrase(w), named(RIGHTS, w.text('access'))];
    const was = w.text('previousAccess') && named(RIGHTS, w.text('previousAccess'));
    return {
      fr: `Accès ${who.fr} : ${access.fr}${was ? ` (avant : ${was.fr})` : ''}`,
      en: `Access ${who.en}: ${access.en}${was ? ` (before: ${was.en})` : ''}`,
    };
  },
  'tree_template.applied': (w) => {
    const [name, n] = [spaced(w.text('templateName')), w.count('folderCount')];
    return {
      fr: `Application du modèle d'arborescence${name} (${plural(n, 'dossier', 'dossiers')})`,
      en: `Application of the folder tree template${name} (${plural(n, 'folder', 'folders')})`,
    };
  },
  'folder.created': (w) => ({ fr: `Création ${w.folder().fr}`, en: `Creation ${w.folder().en}` }),
  'folder.renamed': (w) => {
    const path = w.entry.folderPath;
    const what = {
      fr: 'du dossier',
      en: 'of the folder',
      unknown: { fr: "d'un dossier", en: 'of a folder' },
    };
    return renaming(what, w.text('previousName'), w.text('name'), path ? ` (${path})` : '');
  },
  'folder.moved': (w) => {
    const [was, now] = [w.folder(w.text('previousPath')), w.path(w.entry.folderPath)];
    return { fr: `Déplacement ${was.fr} vers ${now.fr}`, en: `Move ${was.en} to ${now.en}` };
  },
  'folder.deleted': (w) => {
    const below = w.count('folderCount') - 1;
    return {
      fr: `Suppression ${w.folder().fr}${below > 0 ? ` et de ${plural(below, 'sous-dossier', 'sous-dossiers')}` : ''}`,
      en: `Deletion ${w.folder().en}${below > 0 ? ` and ${plural(below, 'subfolder', 'subfolders')}` : ''}`,
    };
  },
  'folder.right_set': (w) => {
    const right = named(RIGHTS, w.text('right'));
    const path = w.path(w.entry.folderPath);
    return {
      fr: `Droit ${w.subject ? `de ${w.subject}` : "d'une personne"} sur le dossier ${path.fr} : ${right.fr}`,
      en: `Right of ${w.subject ?? 'someone'} on the folder ${path.en}: ${right.en}`,
    };
  },
  // No count of the folders it reached: some may be hidden from who reads the entry.
  'folder.rights_cascaded': (w) => ({
    fr: `Application des droits ${w.folder().fr} à ses sous-dossiers`,
    en: `Cascade of the rights ${w.folder().en} to its subfolders`,
  }),
  'file.uploaded': (w) => {
    const path = w.entry.folderPath;
    return {
      fr: `Dépôt ${w.file.fr}${path ? ` dans ${path}` : ''}`,
      en: `Upload ${w.file.en}${path ? ` to ${path}` : ''}`,
    };
  },
  'file.version_uploaded': (w) => {
    const v = w.count('version');
    return { fr: `Nouvelle version (v${v}) ${w.file.fr}`, en: `New version (v${v}) ${w.file.en}` };
  },
  'file.renamed': (w) => {
    const what = { fr: 'du fichier', en: 'of the file', unknown: { fr: "d'un fichier", en: 'of a file' } };
    return renaming(what, w.text('previousName'), w.entry.fileName);
  },
  'file.moved': (w) => {
    const [was, now] = [w.path(w.text('previousPath')), w.path(w.entry.folderPath)];
    return {
      fr: `Déplacement ${w.file.fr} de ${was.fr} vers ${now.fr}`,
      en: `Move ${w.file.en} from ${was.en} to ${now.en}`,
    };
  },
  'file.deleted': (w) => ({ fr: `Suppression ${w.file.fr}`, en: `Deletion ${w.file.en}` }),
  'file.downloaded': (w) => {
    const partial = w.entry.details.partial === true;
    return {
      fr: `Téléchargement ${w.file.fr}${partial ? ' (partiel)' : ''}`,
      en: `Download ${w.file.en}${partial ? ' (partial)' : ''}`,
    };
  },
  'connector.enabled': (w) => connector(w, 'Activation', 'Enabling'),
  'connector.changed': (w) => connector(w, 'Modification', 'Change'),
  'connector.removed': (w) => connector(w, 'Suppression', 'Removal'),
  ...FORM_SUMMARIES,
};

function connector(w: Words, fr: string, en: string): ActivitySummary {
  const id = w.text('connectorId');
  return id
    ? { fr: `${fr} du connecteur ${id}`, en: `${en} of the connector ${id}` }
    : { fr: `${fr} d'un connecteur`, en: `${en} of a connector` };
}
