import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { acme, attached, clientId, deleted, fields, sheetLoaded } from '../testing/client-sheet-fixtures';
import { clientDecider } from './client.decider';

const spec = deciderSpecification(clientDecider);
const created: ClientEvent = {
  type: 'ClientCreated',
  data: {
    clientId: 'c1',
    name: 'Société Générale',
    groupId: null,
    attributes: { siren: '552120222', since: '2001-05-02' },
  },
};

describe('Client info commands', () => {
  describe('CreateClient', () => {
    it('creates a new client', () =>
      spec
        .given([])
        .when({
          type: 'CreateClient',
          clientId: 'c1',
          name: 'Société Générale',
          groupId: null,
          attributes: created.data.attributes as never,
        })
        .then([created]));

    it('treats a repeated creation (a retry) as done', () =>
      spec
        .given([created])
        .when({
          type: 'CreateClient',
          clientId: 'c1',
          name: 'Société Générale',
          groupId: null,
          attributes: {},
        })
        .then([]));

    it('refuses to create the same client twice', () =>
      spec
        .given([created])
        .when({ type: 'CreateClient', clientId: 'c1', name: 'Other', groupId: null, attributes: {} })
        .thenThrows(RuleViolationError, 'CLIENT_ALREADY_EXISTS'));
  });

  describe('UpdateClient', () => {
    it('records a rename, a group change and changed attributes as separate facts', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateClient',
          clientId: 'c1',
          name: 'SG',
          groupId: 'g1',
          attributes: { set: { siren: '552120222', vat: 'FR44552120222' }, removed: ['since', 'unknown'] },
        })
        .then([
          { type: 'ClientRenamed', data: { clientId: 'c1', name: 'SG' } },
          { type: 'ClientGroupChanged', data: { clientId: 'c1', groupId: 'g1' } },
          {
            type: 'ClientAttributesChanged',
            data: { clientId: 'c1', set: { vat: 'FR44552120222' }, removed: ['since'] },
          },
        ]));

    it('appends nothing when nothing changes', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateClient',
          clientId: 'c1',
          name: 'Société Générale',
          groupId: null,
          attributes: { set: { siren: '552120222' }, removed: [] },
        })
        .then([]));

    it('treats names like toString as plain attribute keys, never as inherited members', () =>
      spec
        .given([created])
        .when({
          type: 'UpdateClient',
          clientId: 'c1',
          attributes: { set: { valueOf: 1 }, removed: ['toString'] },
        })
        .then([
          { type: 'ClientAttributesChanged', data: { clientId: 'c1', set: { valueOf: 1 }, removed: [] } },
        ]));

    it('sees the latest name after a rename', () =>
      spec
        .given([created, { type: 'ClientRenamed', data: { clientId: 'c1', name: 'SG' } }])
        .when({ type: 'UpdateClient', clientId: 'c1', name: 'SG' })
        .then([]));

    it('cannot update a client that does not exist', () =>
      spec
        .given([])
        .when({ type: 'UpdateClient', clientId: 'c1', name: 'X' })
        .thenThrows(NotFoundError, 'CLIENT_NOT_FOUND'));

    it('cannot update a deleted client', () =>
      spec
        .given([created, { type: 'ClientDeleted', data: { clientId: 'c1' } }])
        .when({ type: 'UpdateClient', clientId: 'c1', name: 'X' })
        .thenThrows(NotFoundError, 'CLIENT_NOT_FOUND'));
  });

  describe('DeleteClient', () => {
    it('deletes an active client', () =>
      spec
        .given([created])
        .when({ type: 'DeleteClient', clientId: 'c1' })
        .then([{ type: 'ClientDeleted', data: { clientId: 'c1' } }]));

    it('a deleted client is gone: deleting again is a 404', () =>
      spec
        .given([created, { type: 'ClientDeleted', data: { clientId: 'c1' } }])
        .when({ type: 'DeleteClient', clientId: 'c1' })
        .thenThrows(NotFoundError, 'CLIENT_NOT_FOUND'));
  });

  describe('LoadSheetTemplate', () => {
    it('adds the fields the sheet lacks and keeps the others as they are', () =>
      spec
        .given([acme, sheetLoaded])
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
        .given([acme, sheetLoaded])
        .when({
          type: 'LoadSheetTemplate',
          clientId,
          template: { templateId: 't1', name: 'Company', fields },
        })
        .then([]));

    it('then checks attribute changes against the fields', () =>
      spec
        .given([acme, sheetLoaded])
        .when({ type: 'UpdateClient', clientId, attributes: { set: { employees: 'many' }, removed: [] } })
        .thenThrows(ValidationError));

    it('refuses to empty a required field', () =>
      spec
        .given([acme, sheetLoaded])
        .when({ type: 'UpdateClient', clientId, attributes: { set: {}, removed: ['siren'] } })
        .thenThrows(ValidationError));
  });

  describe('DeleteClient with contacts', () => {
    it('deleting the client detaches its contacts first (they stay in the directory)', () =>
      spec
        .given([acme, attached('p1'), attached('p2')])
        .when({ type: 'DeleteClient', clientId })
        .then([
          { type: 'ContactDetached', data: { clientId, contactId: 'p1' } },
          { type: 'ContactDetached', data: { clientId, contactId: 'p2' } },
          deleted,
        ]));
  });
});
