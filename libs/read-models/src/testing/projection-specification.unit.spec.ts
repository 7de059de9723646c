import type { GroupEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, idFrom } from '../projection/projection';
import { projectionSpecification } from './projection-specification';

interface NamesDoc extends Document {
  names: string[];
}

/** Every group's name, one document per group; `mutate` makes evolve change the document it is given. */
const groupNames = (mutate = false) =>
  defineProjection<NamesDoc, GroupEvent>({
    name: 'group-names',
    collection: 'group_names',
    indexes: [],
    canHandle: ['GroupCreated'],
    creates: ['GroupCreated'],
    documentId: idFrom('groupId'),
    evolve: (doc, event) => {
      if (doc && mutate) {
        doc.names.push(event.data.name);
        return doc;
      }
      return { _id: event.data.groupId, names: [...(doc?.names ?? []), event.data.name] };
    },
  });
const created = (groupId: string, name: string) => ({
  type: 'GroupCreated' as const,
  data: { groupId, name },
});

describe('projectionSpecification', () => {
  it('routes each handled event to its document, ignores the others, and lists the documents by id', () =>
    projectionSpecification(groupNames())
      .given([created('b', 'B'), { type: 'ClientDeleted', data: { clientId: 'b' } }])
      .when(created('a', 'A'))
      .then([
        { _id: 'a', names: ['A'] },
        { _id: 'b', names: ['B'] },
      ]));

  it('fails an event in `creates` that finds its document already there', () =>
    expect(() =>
      projectionSpecification(groupNames())
        .given([created('a', 'A')])
        .when(created('a', 'A again')),
    ).toThrow('group-names: GroupCreated creates its document, but a exists already'));

  it('fails an evolve that changes the document it is given', () => {
    const projection = { ...groupNames(true), creates: [] };
    expect(() =>
      projectionSpecification(projection)
        .given([created('a', 'A')])
        .when(created('a', 'A again')),
    ).toThrow(TypeError);
  });
});
