import { ACTIVITY_TYPES, type ActivityEntry, type ActivityType } from './activity.document';
import {
  aTree,
  CLIENT,
  fileDownloaded,
  fileMoved,
  fileRenamed,
  fileUploaded,
  folderCreated,
  folderMoved,
  folderRenamed,
  loggedEntries,
  on,
  reminderScheduled,
  reminderSent,
  treeApplied,
} from './testing/activity.fixtures';
import { activitySummary } from './activity-summary';

const clientId = CLIENT;
const credential = { keyId: 'k', iv: 'i', tag: 't', data: 'd' };
const connector = on({
  type: 'ConnectorConfigured',
  data: { clientId, connectorId: 'acd', settings: {}, secrets: { password: credential } },
});

/** One story with every activity type, through the projection: the entries as the log holds them. */
const entries: ActivityEntry[] = loggedEntries([
  ...aTree(),
  on({ type: 'ClientRenamed', data: { clientId, name: 'Acme SA' } }),
  on({ type: 'ClientAttributesChanged', data: { clientId, set: { siren: '1' }, removed: ['city'] } }),
  on({ type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } }),
  on({ type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } }),
  on({ type: 'ContactLanguageChanged', data: { clientId, contactId: 'p1', language: 'en' } }),
  on({ type: 'ContactActivated', data: { contactId: 'p1', invitationId: 'i', clientId, credential } }),
  on({ type: 'ContactDetached', data: { clientId, contactId: 'p1' } }),
  on({
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k1', access: 'full', previousAccess: 'read' },
  }),
  treeApplied([{ folderId: 't1', parentId: null, name: 'Social', contactDefault: 'read' }], 'PME'),
  folderRenamed('d2', 'Achats'),
  folderMoved('d2', 'd3'),
  on({
    type: 'FolderPermissionSet',
    data: { clientId, folderId: 'd2', principalId: 'k1', right: 'read' },
  }),
  on({
    type: 'FolderPermissionsCascaded',
    data: { clientId, folderId: 'd1', rights: {}, folderIds: ['d1', 'd2'] },
  }),
  fileUploaded('f1', 'd2', 'bilan.pdf', 'pdf'),
  on({
    type: 'FileVersionUploaded',
    data: {
      clientId,
      fileId: 'f1',
      version: 2,
      blobId: 'b',
      size: 1,
      sha256: 'a'.repeat(64),
      contentType: 'x',
    },
  }),
  fileRenamed('f1', 'bilan 2025.pdf', 'pdf'),
  fileMoved('f1', 'd1'),
  fileDownloaded('f1'),
  on({ type: 'FileDeleted', data: { clientId, fileId: 'f1' } }),
  folderCreated('d4', 't1', 'Paie'),
  on({ type: 'FolderDeleted', data: { clientId, folderIds: ['t1', 'd4'] } }),
  connector,
  connector,
  on({ type: 'ConnectorRemoved', data: { clientId, connectorId: 'acd' } }),
  on({
    type: 'FormSent',
    data: {
      ...{ clientId, formId: 'f', formTemplateId: 't', formName: 'Bilan', contactIds: ['p1'] },
      ...{ title: 'Bilan', message: null, recipients: [] },
    },
  }),
  reminderScheduled(['p1']),
  on({ type: 'ReminderRescheduled', data: { clientId, reminderId: 'r1', fromOccurrence: 1 } }),
  reminderSent(['p1'], true),
  on({
    type: 'ReminderOccurrenceSkipped',
    data: {
      ...{ clientId, reminderId: 'r1', occurrence: 1, reason: 'no_recipient' },
      ...{ dueAt: '2026-03-02T08:00:00.000Z', skippedAt: '2026-03-02T08:00:00.000Z' },
    },
  }),
  on({ type: 'ReminderCancelled', data: { clientId, reminderId: 'r1' } }),
  on({
    type: 'FormScheduled',
    data: {
      ...{ clientId, formId: 'f2', formTemplateId: 't', formName: 'Bilan', title: 'Bilan', message: null },
      ...{ messages: {}, recipients: ['p1'], sendAt: '2026-03-01T08:00:00.000Z' },
    },
  }),
  on({ type: 'FormOpened', data: { clientId, formId: 'f', contactId: 'p1' } }),
  on({
    type: 'FormAnswered',
    data: { clientId, formId: 'f', contactId: 'p1', answers: { a: 1 }, fileId: 'report' },
  }),
  on({ type: 'ClientDeleted', data: { clientId } }),
]);

/** The subject's name as a caller would resolve it. */
const NAMES: Record<string, string> = { p1: 'Zoé Dupré', k1: 'Jean Martin' };
const summaries = entries.map((entry) => [
  entry.type,
  activitySummary(entry, entry.subjectId ? NAMES[entry.subjectId] : null),
]);
const first = (type: ActivityType) => summaries.find(([t]) => t === type)?.[1];

describe('activitySummary', () => {
  it('is written for every activity type', () =>
    expect([...new Set(entries.map((e) => e.type))].sort()).toEqual([...ACTIVITY_TYPES].sort()));

  it.each<[ActivityType, string, string]>([
    ['client.created', 'Création du client Acme', 'Creation of the client Acme'],
    ['client.renamed', 'Renommage du client Acme en Acme SA', 'Renaming of the client Acme to Acme SA'],
    [
      'client.info_changed',
      'Modification des informations du client : siren, city',
      "Change of the client's information: siren, city",
    ],
    ['client.deleted', 'Suppression du client Acme SA', 'Deletion of the client Acme SA'],
    [
      'contact.attached',
      'Rattachement du contact Zoé Dupré (emails en français)',
      'Attachment of the contact Zoé Dupré (emails in French)',
    ],
    ['contact.detached', 'Détachement du contact Zoé Dupré', 'Detachment of the contact Zoé Dupré'],
    [
      'contact.invited',
      'Invitation du contact Zoé Dupré (email en français)',
      'Invitation of the contact Zoé Dupré (email in French)',
    ],
    [
      'contact.language_changed',
      'Langue des emails du contact Zoé Dupré : anglais (avant : français)',
      'Email language of the contact Zoé Dupré: English (before: French)',
    ],
    [
      'contact.activated',
      'Activation du compte du contact Zoé Dupré',
      'Activation of the account of the contact Zoé Dupré',
    ],
    [
      'collaborator.access_set',
      'Accès du collaborateur Jean Martin : complet (avant : lecture)',
      'Access of the collaborator Jean Martin: full (before: read)',
    ],
    [
      'tree_template.applied',
      "Application du modèle d'arborescence PME (1 dossier)",
      'Application of the folder tree template PME (1 folder)',
    ],
    ['folder.created', 'Création du dossier Compta', 'Creation of the folder Compta'],
    [
      'folder.renamed',
      'Renommage du dossier Factures en Achats (Compta/Achats)',
      'Renaming of the folder Factures to Achats (Compta/Achats)',
    ],
    [
      'folder.moved',
      'Déplacement du dossier Compta/Achats vers Archives/Achats',
      'Move of the folder Compta/Achats to Archives/Achats',
    ],
    [
      'folder.deleted',
      'Suppression du dossier Social et de 1 sous-dossier',
      'Deletion of the folder Social and 1 subfolder',
    ],
    [
      'folder.right_set',
      'Droit de Jean Martin sur le dossier Archives/Achats : lecture',
      'Right of Jean Martin on the folder Archives/Achats: read',
    ],
    [
      'folder.rights_cascaded',
      'Application des droits du dossier Compta à ses sous-dossiers',
      'Cascade of the rights of the folder Compta to its subfolders',
    ],
    [
      'file.uploaded',
      'Dépôt du fichier bilan.pdf dans Archives/Achats',
      'Upload of the file bilan.pdf to Archives/Achats',
    ],
    [
      'file.version_uploaded',
      'Nouvelle version (v2) du fichier bilan.pdf',
      'New version (v2) of the file bilan.pdf',
    ],
    [
      'file.renamed',
      'Renommage du fichier bilan.pdf en bilan 2025.pdf',
      'Renaming of the file bilan.pdf to bilan 2025.pdf',
    ],
    [
      'file.moved',
      'Déplacement du fichier bilan 2025.pdf de Archives/Achats vers Compta',
      'Move of the file bilan 2025.pdf from Archives/Achats to Compta',
    ],
    ['file.deleted', 'Suppression du fichier bilan 2025.pdf', 'Deletion of the file bilan 2025.pdf'],
    ['file.downloaded', 'Téléchargement du fichier bilan 2025.pdf', 'Download of the file bilan 2025.pdf'],
    ['connector.enabled', 'Activation du connecteur acd', 'Enabling of the connector acd'],
    ['connector.changed', 'Modification du connecteur acd', 'Change of the connector acd'],
    ['connector.removed', 'Suppression du connecteur acd', 'Removal of the connector acd'],
    ['form.sent', 'Envoi du formulaire Bilan à Zoé Dupré', 'Sending of the form Bilan to Zoé Dupré'],
    [
      'reminder.scheduled',
      'Programmation du rappel Relance TVA pour Zoé Dupré',
      'Scheduling of the reminder Relance TVA for Zoé Dupré',
    ],
    ['reminder.changed', 'Modification du rappel Relance TVA', 'Change of the reminder Relance TVA'],
    ['reminder.cancelled', 'Annulation du rappel Relance TVA', 'Cancellation of the reminder Relance TVA'],
    [
      'reminder.sent',
      'Envoi du rappel Relance TVA à Zoé Dupré (en retard)',
      'Sending of the reminder Relance TVA to Zoé Dupré (late)',
    ],
    [
      'reminder.skipped',
      'Rappel Relance TVA non envoyé (aucun destinataire)',
      'Reminder Relance TVA not sent (no recipient)',
    ],
    [
      'form.scheduled',
      "Programmation de l'envoi du formulaire Bilan à Zoé Dupré le 2026-03-01 à 08:00 UTC",
      'Scheduling of the sending of the form Bilan to Zoé Dupré on 2026-03-01 at 08:00 UTC',
    ],
    ['form.opened', 'Ouverture du formulaire Bilan par Zoé Dupré', 'Opening of the form Bilan by Zoé Dupré'],
    ['form.answered', 'Réponse au formulaire Bilan par Zoé Dupré', 'Answer to the form Bilan by Zoé Dupré'],
  ])('%s: %s', (type, fr, en) => expect(first(type)).toEqual({ fr, en }));

  it('says a partial download is one', () => {
    const download = entries.find((e) => e.type === 'file.downloaded')!;
    expect(activitySummary({ ...download, details: { ...download.details, partial: true } }, null)).toEqual({
      fr: 'Téléchargement du fichier bilan 2025.pdf (partiel)',
      en: 'Download of the file bilan 2025.pdf (partial)',
    });
  });

  it('words what an entry lacks neutrally, never with a placeholder, for every type', () => {
    for (const type of ACTIVITY_TYPES) {
      const bare = { ...entries[0], type, details: {}, fileName: null, folderPath: null, subjectId: null };
      const { fr, en } = activitySummary(bare, null);
      for (const text of [fr, en]) {
        expect(text.length).toBeGreaterThan(8);
        expect(text).not.toMatch(/null|undefined|NaN|\$\{|\{|\[object|\s\s|\s$|^\s/);
      }
    }
    const bareDownload = { ...entries[0], type: 'file.downloaded' as const, details: {} };
    expect(activitySummary(bareDownload, null)).toEqual({
      fr: "Téléchargement d'un fichier",
      en: 'Download of a file',
    });
  });

  it('names only what the entry holds: a subject name passed in, nothing looked up', () => {
    const attached = entries.find((e) => e.type === 'contact.attached')!;
    expect(activitySummary(attached, null)).toEqual({
      fr: "Rattachement d'un contact (emails en français)",
      en: 'Attachment of a contact (emails in French)',
    });
  });
});
