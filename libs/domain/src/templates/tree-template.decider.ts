import type { TreeTemplateFolder, TreeTemplateEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { assertEventsFit } from '../shared/event-size';
import { sameJson } from './field-values';

export const treeTemplateStreamId = (templateId: string) => `tree-template-${templateId}`;

export type TreeTemplateState =
  | { status: 'absent' }
  | { status: 'active'; name: string; folders: TreeTemplateFolder[] }
  | { status: 'deleted' };

export function evolveTreeTemplate(state: TreeTemplateState, event: TreeTemplateEvent): TreeTemplateState {
  switch (event.type) {
    case 'TreeTemplateCreated':
    case 'TreeTemplateReplaced':
      return { status: 'active', name: event.data.name, folders: event.data.folders };
    case 'TreeTemplateDeleted':
      return { status: 'deleted' };
    default:
      return assertNever(event);
  }
}

/** Inputs arrive checked (checkTemplateName, checkTreeFolders). */
export type CreateTreeTemplate = {
  type: 'CreateTreeTemplate';
  templateId: string;
  name: string;
  folders: TreeTemplateFolder[];
};
/** Replaces the whole template; clients that loaded it keep their copy. */
export type ReplaceTreeTemplate = {
  type: 'ReplaceTreeTemplate';
  templateId: string;
  name: string;
  folders: TreeTemplateFolder[];
};
export type DeleteTreeTemplate = { type: 'DeleteTreeTemplate'; templateId: string };
export type TreeTemplateCommand = CreateTreeTemplate | ReplaceTreeTemplate | DeleteTreeTemplate;

const SIZE = { field: 'folders', advice: 'use fewer folders or shorter folder names' };

const unchanged = (state: TreeTemplateState, command: { name: string; folders: TreeTemplateFolder[] }) =>
  state.status === 'active' && state.name === command.name && sameJson(state.folders, command.folders);

export function decideTreeTemplate(
  command: TreeTemplateCommand,
  state: TreeTemplateState,
): TreeTemplateEvent[] {
  const { templateId } = command;
  switch (command.type) {
    case 'CreateTreeTemplate':
      // The same creation again is a retry (same Idempotency-Key, same id): nothing new happens.
      if (unchanged(state, command)) return [];
      if (state.status !== 'absent')
        throw new RuleViolationError(
          'TREE_TEMPLATE_ALREADY_EXISTS',
          `Tree template ${templateId} already exists`,
        );
      return assertEventsFit(
        [{ type: 'TreeTemplateCreated', data: { templateId, name: command.name, folders: command.folders } }],
        SIZE,
      );
    case 'ReplaceTreeTemplate':
      if (state.status !== 'active') throw new NotFoundError('tree template', templateId);
      if (unchanged(state, command)) return [];
      return assertEventsFit(
        [
          {
            type: 'TreeTemplateReplaced',
            data: { templateId, name: command.name, folders: command.folders },
          },
        ],
        SIZE,
      );
    case 'DeleteTreeTemplate':
      if (state.status !== 'active') throw new NotFoundError('tree template', templateId);
      return [{ type: 'TreeTemplateDeleted', data: { templateId } }];
    default:
      return assertNever(command);
  }
}

export const treeTemplateDecider: Decider<TreeTemplateState, TreeTemplateCommand, TreeTemplateEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveTreeTemplate,
  decide: decideTreeTemplate,
};
