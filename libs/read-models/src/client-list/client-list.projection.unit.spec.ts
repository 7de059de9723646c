import { aClientStory } from '../testing/a-client-story';
import { projectionSpecification } from '../testing/projection-specification';
import { clientListProjection } from './client-list.projection';

const story = aClientStory('c1');

describe('client-list projection', () => {
  const spec = projectionSpecification(clientListProjection);

  it('counts members (contacts + collaborators not none) and directories in the list row, and follows the revision', () =>
    spec
      .given(story.slice(0, -1))
      .when(story.slice(-1))
      .thenMatches([{ _id: 'c1', membersCount: 2, directoriesCount: 2, revision: story.length - 1 }]));
});
