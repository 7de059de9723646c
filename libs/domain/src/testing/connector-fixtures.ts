/** A connector definition as a catalog file gives it (required and secret left to their defaults). */
export const pennylane = {
  id: 'pennylane',
  name: 'Pennylane',
  description: 'Comptabilité',
  settings: [
    { key: 'companyId', label: 'Company id', type: 'string', required: true },
    { key: 'apiToken', label: 'API token', type: 'string', required: true, secret: true },
    { key: 'baseUrl', label: 'API URL', type: 'url' },
    { key: 'syncEveryHours', label: 'Sync every (hours)', type: 'number' },
    { key: 'autoSync', label: 'Auto sync', type: 'boolean' },
    { key: 'journal', label: 'Journal', type: 'select', options: ['achats', 'ventes'] },
    { key: 'notify', label: 'Notify', type: 'email' },
  ],
};
