/**
 * The connectors offered when CONNECTOR_CATALOG_FILE is not set: the accounting, pre-accounting and
 * file-sharing tools firms use most. Checked like a file would be (checkConnectorCatalog) when the
 * configuration loads. Secret settings are stored encrypted and never shown back.
 */
export const DEFAULT_CONNECTOR_CATALOG: unknown[] = [
  {
    id: 'pennylane',
    name: 'Pennylane',
    description: 'Logiciel de comptabilité et de gestion financière : synchronise les pièces du dossier.',
    settings: [
      { key: 'companyId', label: "Identifiant de l'entreprise", type: 'string', required: true },
      { key: 'apiToken', label: "Jeton d'API", type: 'string', required: true, secret: true },
      { key: 'journalCode', label: 'Code du journal des achats', type: 'string', required: false },
    ],
  },
  {
    id: 'acd',
    name: 'ACD',
    description: 'Production comptable ACD (iSuite) : envoie les pièces vers le dossier ACD du client.',
    settings: [
      { key: 'serverUrl', label: 'Adresse du serveur ACD', type: 'url', required: true },
      { key: 'login', label: 'Identifiant', type: 'string', required: true },
      { key: 'password', label: 'Mot de passe', type: 'string', required: true, secret: true },
      { key: 'dossierCode', label: 'Code dossier', type: 'string', required: true },
      { key: 'syncIntervalMinutes', label: 'Fréquence de synchronisation (minutes)', type: 'number' },
    ],
  },
  {
    id: 'inqom',
    name: 'Inqom',
    description: 'Comptabilité automatisée Inqom : transmet les factures pour saisie automatique.',
    settings: [
      { key: 'companyId', label: 'Identifiant du dossier Inqom', type: 'string', required: true },
      { key: 'clientId', label: 'Client ID (OAuth)', type: 'string', required: true },
      { key: 'clientSecret', label: 'Client secret (OAuth)', type: 'string', required: true, secret: true },
    ],
  },
  {
    id: 'myunisoft',
    name: 'MyUnisoft',
    description: 'Plateforme comptable MyUnisoft : dépose les pièces dans la société du client.',
    settings: [
      { key: 'societyId', label: 'Identifiant de la société', type: 'string', required: true },
      { key: 'apiKey', label: "Clé d'API du cabinet", type: 'string', required: true, secret: true },
      {
        key: 'documentType',
        label: 'Type de pièces',
        type: 'select',
        options: ['achats', 'ventes', 'banque', 'autres'],
        required: false,
      },
    ],
  },
  {
    id: 'yooz',
    name: 'Yooz',
    description: 'Dématérialisation des factures fournisseurs : les pièces déposées partent vers Yooz.',
    settings: [
      { key: 'organizationId', label: "Identifiant de l'organisation", type: 'string', required: true },
      { key: 'uploadEmail', label: 'Adresse de dépôt Yooz', type: 'email', required: true },
      { key: 'apiKey', label: "Clé d'API", type: 'string', required: false, secret: true },
      { key: 'autoSend', label: 'Envoyer automatiquement les nouvelles pièces', type: 'boolean' },
    ],
  },
  {
    id: 'google-drive',
    name: 'Google Drive',
    description: 'Partage de fichiers : réplique les dossiers du client dans un dossier Google Drive.',
    settings: [
      { key: 'folderId', label: 'Identifiant du dossier Drive', type: 'string', required: true },
      { key: 'sharedDriveId', label: 'Identifiant du Drive partagé', type: 'string', required: false },
      {
        key: 'serviceAccountKey',
        label: 'Clé JSON du compte de service',
        type: 'string',
        required: true,
        secret: true,
      },
    ],
  },
  {
    id: 'dropbox',
    name: 'Dropbox',
    description: 'Partage de fichiers : réplique les dossiers du client dans Dropbox.',
    settings: [
      { key: 'folderPath', label: 'Chemin du dossier (ex. /Clients/Dupont)', type: 'string', required: true },
      { key: 'appKey', label: "Clé de l'application", type: 'string', required: true },
      {
        key: 'refreshToken',
        label: 'Jeton de rafraîchissement',
        type: 'string',
        required: true,
        secret: true,
      },
    ],
  },
  {
    id: 'onedrive',
    name: 'OneDrive',
    description:
      'Partage de fichiers Microsoft 365 : réplique les dossiers du client dans OneDrive / SharePoint.',
    settings: [
      { key: 'tenantId', label: 'Tenant Microsoft Entra ID', type: 'string', required: true },
      { key: 'clientId', label: "ID d'application (client)", type: 'string', required: true },
      { key: 'clientSecret', label: 'Secret client', type: 'string', required: true, secret: true },
      { key: 'driveId', label: 'Identifiant du drive', type: 'string', required: true },
      { key: 'folderPath', label: 'Chemin du dossier', type: 'string', required: false },
    ],
  },
];
