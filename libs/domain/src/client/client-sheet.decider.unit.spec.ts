import type { ClientEvent, SheetField, TreeTemplateFolder } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, ValidationError } from '../shared/domain-errors';
import { clientDecider, type ApplyTreeTemplate } from './client.decider';
import { clientSetUpDecider, type SetUpClient } from './client-set-up';

const spec = deciderSpecification(clientDecider);
const setUpSpec = deciderSpecification(clientSetUpDecider);
const clientId = 'c1';
const created: ClientEvent = {
  type: 'ClientCreated',
  data: { clientId, name: 'Acme', groupId: null, attributes: { siren: '552120222' } },
};
const deleted: ClientEvent = { type: 'ClientDeleted', data: { clientId } };
const attached = (contactId: string): ClientEvent => ({
  type: 'ContactAttached',
  data: { clientId, contactId, language: 'fr' },
});
const fields: SheetField[] = [
  { key: 'siren', label: 'SIREN', type: 'text', required: true },
  { key: 'employees', label: 'Employees', type: 'number', required: false },
];
const sheetLoaded: ClientEvent = {
  type: 'SheetTemplateLoaded',
  data: { clientId, templateId: 't1', templateName: 'Company', fields },
};
const folders = (...paths: [string, 'none' | 'read' | 'full'][]): TreeTemplateFolder[] =>
  paths.map(([path, contactDefault]) => ({ path, contactDefault }));
const applyTree = (templateId: string, template: TreeTemplateFolder[]): ApplyTreeTemplate => ({
  type: 'ApplyTreeTemplate',
  clientId,
  template: { templateId, name: templateId, folders: template },
  newFolderIds: Object.fromEntries(template.map((f) => [f.path, `${templateId}:${f.path}`])),
});

describe('Client decider: the sheet tabs', () => {
  describe('LoadSheetTemplate', () => {
    it('adds the fields the sheet lacks and keeps the others as they are', () =>
      spec
        .given([created, sheetLoaded])
        .when({
          type: 'LoadSheetTemplate',
          clientId,
          template: {
            templateId: 't2',
            name: 'Payroll',
            fields: [
              { key: 'siren', label: 'Other label', type: 'number', required: false },
              { key: 'payDay', label: 'Pay day', type: 'date', required: true },
            ],
          },
        })
        .then([
          {
            type: 'SheetTemplateLoaded',
            data: {
              clientId,
              templateId: 't2',
              templateName: 'Payroll',
              fields: [{ key: 'payDay', label: 'Pay day', type: 'date', required: true }],
            },
          },
        ]));

    it('changes nothing when every field is already there', () =>
      spec
        .given([created, sheetLoaded])
        .when({
          type: 'LoadSheetTemplate',
          clientId,
          template: { templateId: 't1', name: 'Company', fields },
        })
        .then([]));

    it('then checks attribute changes against the fields', () =>
      spec
        .given([created, sheetLoaded])
        .when({ type: 'UpdateClient', clientId, attributes: { set: { employees: 'many' }, removed: [] } })
        .thenThrows(ValidationError));

    it('refuses to empty a required field', () =>
      spec
        .given([created, sheetLoaded])
        .when({ type: 'UpdateClient', clientId, attributes: { set: {}, removed: ['siren'] } })
        .thenThrows(ValidationError));
  });

  describe('AttachContact / DetachContact', () => {
    it('attaches and asks for an activation email', () =>
      spec
        .given([created])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'en', sendActivationEmail: true })
        .then([
          { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'en' } },
          { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'en' } },
        ]));

    it('attaching again changes nothing, unless an email is asked for', () => {
      spec
        .given([created, attached('p1')])
        .when({
          type: 'AttachContact',
          clientId,
          contactId: 'p1',
          language: 'fr',
          sendActivationEmail: false,
        })
        .then([]);
      spec
        .given([created, attached('p1')])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'fr', sendActivationEmail: true })
        .then([{ type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } }]);
    });

    it('attaching again in another language changes the language of this client emails', () =>
      spec
        .given([created, attached('p1')])
        .when({ type: 'AttachContact', clientId, contactId: 'p1', language: 'de', sendActivationEmail: true })
        .then([
          { type: 'ContactLanguageChanged', data: { clientId, contactId: 'p1', language: 'de' } },
          { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'de' } },
        ]));

    it('detaches an attached contact, and 404s for one that is not', () => {
      spec
        .given([created, attached('p1')])
        .when({ type: 'DetachContact', clientId, contactId: 'p1' })
        .then([{ type: 'ContactDetached', data: { clientId, contactId: 'p1' } }]);
      spec
        .given([created])
        .when({ type: 'DetachContact', clientId, contactId: 'p1' })
        .thenThrows(NotFoundError);
    });

    it('deleting the client detaches its contacts first (they stay in the directory)', () =>
      spec
        .given([created, attached('p1'), attached('p2')])
        .when({ type: 'DeleteClient', clientId })
        .then([
          { type: 'ContactDetached', data: { clientId, contactId: 'p1' } },
          { type: 'ContactDetached', data: { clientId, contactId: 'p2' } },
          deleted,
        ]));

    it('refuses commands on a deleted client', () =>
      spec
        .given([created, deleted])
        .when({
          type: 'AttachContact',
          clientId,
          contactId: 'p1',
          language: 'fr',
          sendActivationEmail: false,
        })
        .thenThrows(NotFoundError));
  });

  describe('AssignCollaborator', () => {
    it('records the access with the previous one, and nothing when unchanged', () => {
      const set: ClientEvent = {
        type: 'CollaboratorAccessSet',
        data: { clientId, collaboratorId: 'k1', access: 'read', previousAccess: null },
      };
      spec
        .given([created])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'read' })
        .then([set]);
      spec
        .given([created, set])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'read' })
        .then([]);
      spec
        .given([created, set])
        .when({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'none' })
        .then([
          {
            type: 'CollaboratorAccessSet',
            data: { clientId, collaboratorId: 'k1', access: 'none', previousAccess: 'read' },
          },
        ]);
    });
  });

  describe('ApplyTreeTemplate', () => {
    const first = folders(['Comptabilité', 'read'], ['Comptabilité/Factures', 'full'], ['Juridique', 'none']);
    const firstApplied: ClientEvent = {
      type: 'TreeTemplateApplied',
      data: {
        clientId,
        templateId: 'a',
        templateName: 'a',
        folders: [
          { folderId: 'a:Comptabilité', parentId: null, name: 'Comptabilité', contactDefault: 'read' },
          {
            folderId: 'a:Comptabilité/Factures',
            parentId: 'a:Comptabilité',
            name: 'Factures',
            contactDefault: 'full',
          },
          { folderId: 'a:Juridique', parentId: null, name: 'Juridique', contactDefault: 'none' },
        ],
      },
    };

    it('creates every folder of the first template, each under its parent', () =>
      spec.given([created]).when(applyTree('a', first)).then([firstApplied]));

    it('merges a second template: only missing folders are added, matched case-insensitively', () =>
      spec
        .given([created, firstApplied])
        .when(
          applyTree(
            'b',
            folders(['comptabilité', 'none'], ['comptabilité/Banque', 'read'], ['Paie', 'read']),
          ),
        )
        .then([
          {
            type: 'TreeTemplateApplied',
            data: {
              clientId,
              templateId: 'b',
              templateName: 'b',
              folders: [
                {
                  folderId: 'b:comptabilité/Banque',
                  parentId: 'a:Comptabilité',
                  name: 'Banque',
                  contactDefault: 'read',
                },
                { folderId: 'b:Paie', parentId: null, name: 'Paie', contactDefault: 'read' },
              ],
            },
          },
        ]));

    it('applying the same template again adds nothing', () =>
      spec.given([created, firstApplied]).when(applyTree('a2', first)).then([]));
  });

  describe('ConfigureConnector / RemoveConnector', () => {
    const secret = (data: string) => ({ keyId: 'k', iv: 'i', tag: 't', data });
    const configured: ClientEvent = {
      type: 'ConnectorConfigured',
      data: {
        clientId,
        connectorId: 'pennylane',
        settings: { companyId: '1' },
        secrets: { apiToken: secret('x') },
      },
    };

    it('keeps stored secrets a later change leaves out', () =>
      spec
        .given([created, configured])
        .when({
          type: 'ConfigureConnector',
          clientId,
          connectorId: 'pennylane',
          settings: { companyId: '2' },
          secrets: {},
        })
        .then([
          {
            type: 'ConnectorConfigured',
            data: {
              clientId,
              connectorId: 'pennylane',
              settings: { companyId: '2' },
              secrets: { apiToken: secret('x') },
            },
          },
        ]));

    it('changes nothing when the settings are the same and no secret is given', () =>
      spec
        .given([created, configured])
        .when({
          type: 'ConfigureConnector',
          clientId,
          connectorId: 'pennylane',
          settings: { companyId: '1' },
          secrets: {},
        })
        .then([]));

    it('removes a configured connector and 404s for another', () => {
      spec
        .given([created, configured])
        .when({ type: 'RemoveConnector', clientId, connectorId: 'pennylane' })
        .then([{ type: 'ConnectorRemoved', data: { clientId, connectorId: 'pennylane' } }]);
      spec
        .given([created])
        .when({ type: 'RemoveConnector', clientId, connectorId: 'acd' })
        .thenThrows(NotFoundError);
    });
  });

  describe('SetUpClient (the wizard)', () => {
    const setUp = (attributes: Record<string, string | number>): SetUpClient => ({
      type: 'SetUpClient',
      create: { type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes },
      steps: [
        { type: 'LoadSheetTemplate', clientId, template: { templateId: 't1', name: 'Company', fields } },
        { type: 'AttachContact', clientId, contactId: 'p1', language: 'fr', sendActivationEmail: true },
        { type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'full' },
        applyTree('a', folders(['Comptabilité', 'read'])),
        { type: 'SendForm', clientId, formId: 'f1', template: { templateId: 'ft', name: 'Onboarding' } },
      ],
    });

    it('gives the events the step-by-step commands would, the form going to the contacts attached before it', () =>
      setUpSpec
        .given([])
        .when(setUp({ siren: '552120222' }))
        .then([
          created,
          sheetLoaded,
          attached('p1'),
          { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } },
          {
            type: 'CollaboratorAccessSet',
            data: { clientId, collaboratorId: 'k1', access: 'full', previousAccess: null },
          },
          {
            type: 'TreeTemplateApplied',
            data: {
              clientId,
              templateId: 'a',
              templateName: 'a',
              folders: [
                { folderId: 'a:Comptabilité', parentId: null, name: 'Comptabilité', contactDefault: 'read' },
              ],
            },
          },
          {
            type: 'FormSent',
            data: {
              clientId,
              formId: 'f1',
              formTemplateId: 'ft',
              formName: 'Onboarding',
              contactIds: ['p1'],
            },
          },
        ]));

    it('refuses a sheet whose required fields have no value', () =>
      setUpSpec.given([]).when(setUp({})).thenThrows(ValidationError));

    it('is a retry once the client exists under that name', () =>
      setUpSpec
        .given([created])
        .when(setUp({ siren: '552120222' }))
        .then([]));
  });
});
