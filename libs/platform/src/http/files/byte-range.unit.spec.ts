import { decideRange } from './byte-range';

describe('decideRange', () => {
  const size = 1000;

  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=0-499', 0, 499],
    ['bytes=500-', 500, 999],
    ['bytes=-1', 999, 999],
    ['bytes=-200', 800, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=900-5000', 900, 999],
    ['bytes=999-999', 999, 999],
    [' bytes = 10 - 20 ', 10, 20],
  ])('%j is bytes %i-%i', (header, start, end) =>
    expect(decideRange(header, size)).toEqual({ kind: 'partial', start, end }),
  );

  it.each(['bytes=1000-', 'bytes=1000-1000', 'bytes=5000-6000', 'bytes=-0'])(
    '%j is unsatisfiable',
    (header) => expect(decideRange(header, size)).toEqual({ kind: 'unsatisfiable' }),
  );

  it.each([
    undefined,
    '',
    'bytes=0-1,5-6',
    'bytes=5-4',
    'items=0-1',
    'bytes=',
    'bytes=-',
    'bytes=a-b',
    'bytes=1.5-2',
    'bytes=99999999999999999999-',
  ])('%j is ignored: the whole body', (header) =>
    expect(decideRange(header, size)).toEqual({ kind: 'whole' }),
  );

  it('finds nothing to serve in an empty body', () => {
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange(undefined, 0)).toEqual({ kind: 'whole' });
  });
});
