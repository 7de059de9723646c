import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { clientId, acme, folders, applyTree } from '../testing/client-sheet-fixtures';
import { clientDecider } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('Client tree commands', () => {
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
      spec.given([acme]).when(applyTree('a', first)).then([firstApplied]));

    it('merges a second template: only missing folders are added, matched case-insensitively', () =>
      spec
        .given([acme, firstApplied])
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
      spec.given([acme, firstApplied]).when(applyTree('a2', first)).then([]));
  });
});
