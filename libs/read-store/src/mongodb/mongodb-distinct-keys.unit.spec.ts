import { distinctKeysPipeline } from './mongodb-distinct-keys';

describe('MongoDB distinctKeys pipeline', () => {
  it('turns only object values into entries: any other value counts as no keys', () => {
    const pipeline = distinctKeysPipeline({ tenant: 't' }, 'attributes');
    expect(pipeline[0]).toEqual({ $match: { tenant: 't' } });
    // $objectToArray fails the whole aggregation on a string or a number: it is guarded by $type.
    expect(pipeline[1]).toEqual({
      $project: {
        entries: {
          $cond: [{ $eq: [{ $type: '$attributes' }, 'object'] }, { $objectToArray: '$attributes' }, []],
        },
      },
    });
    expect(pipeline.slice(2)).toEqual([
      { $unwind: '$entries' },
      { $group: { _id: '$entries.k' } },
      { $sort: { _id: 1 } },
    ]);
  });
});
