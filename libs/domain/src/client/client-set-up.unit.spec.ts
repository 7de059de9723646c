import { deciderSpecification } from '../testing/decider-specification';
import { ValidationError } from '../shared/domain-errors';
import {
  clientId,
  acme,
  attached,
  fields,
  sheetLoaded,
  folders,
  applyTree,
} from '../testing/client-sheet-fixtures';
import { clientSetUpDecider, type SetUpClient } from './client-set-up';

const setUpSpec = deciderSpecification(clientSetUpDecider);

describe('Client set-up', () => {
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
          acme,
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
              title: 'Onboarding',
              message: null,
              // The wizard's form: names unknown to it render blank; no message in the template.
              recipients: [{ contactId: 'p1', language: 'fr', subject: 'Onboarding', text: '', html: '' }],
            },
          },
        ]));

    it('refuses a sheet whose required fields have no value', () =>
      setUpSpec.given([]).when(setUp({})).thenThrows(ValidationError));

    it('is a retry once the client exists under that name', () =>
      setUpSpec
        .given([acme])
        .when(setUp({ siren: '552120222' }))
        .then([]));
  });
});
