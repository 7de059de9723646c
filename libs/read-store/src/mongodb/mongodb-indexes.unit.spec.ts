import type { IndexDescriptionInfo } from 'mongodb';
import type { IndexSpec } from '../read-store.port';
import { planIndexes, toIndexSpec } from './mongodb-indexes';

/** As listIndexes answers (server 7): every index has `v`; `_id_` is always there. */
const listed = (...indexes: IndexDescriptionInfo[]): IndexDescriptionInfo[] => [
  { v: 2, key: { _id: 1 }, name: '_id_' },
  ...indexes.map((index) => ({ v: 2, ...index })),
];

const tenantName: IndexSpec = {
  name: 'tenant_name',
  fields: [
    ['tenant', 1],
    ['nameSort', 1],
  ],
};

describe('MongoDB index reconciliation', () => {
  it('creates every index of a collection that has none, in one createIndexes', () => {
    const plan = planIndexes([], [tenantName, { name: 'code', fields: [['code', -1]], unique: true }]);
    expect(plan.drop).toEqual([]);
    expect(plan.create).toEqual([
      { name: 'tenant_name', key: { tenant: 1, nameSort: 1 } },
      { name: 'code', key: { code: -1 }, unique: true },
    ]);
    expect(Object.keys(plan.create[0].key)).toEqual(['tenant', 'nameSort']);
  });

  it('keeps an index listed as specified, whatever numeric type its directions come back as', () => {
    const existing = listed(
      { key: { tenant: 1, nameSort: 1.0 }, name: 'tenant_name', background: true },
      { key: { code: 1 }, name: 'code', unique: true },
    );
    const plan = planIndexes(existing, [tenantName, { name: 'code', fields: [['code', 1]], unique: true }]);
    expect(plan).toEqual({ drop: [], create: [] });
  });

  it('drops and creates again an index whose keys, their order, a direction or uniqueness changed', () => {
    const existing = listed(
      { key: { nameSort: 1, tenant: 1 }, name: 'tenant_name' },
      { key: { code: 1 }, name: 'direction' },
      { key: { code: 1 }, name: 'uniqueness' },
      { key: { code: 1 }, name: 'no_longer_unique', unique: true },
      { key: { code: 1, extra: 1 }, name: 'fewer_keys' },
    );
    const wanted: IndexSpec[] = [
      tenantName,
      { name: 'direction', fields: [['code', -1]] },
      { name: 'uniqueness', fields: [['code', 1]], unique: true },
      { name: 'no_longer_unique', fields: [['code', 1]] },
      { name: 'fewer_keys', fields: [['code', 1]] },
    ];
    const plan = planIndexes(existing, wanted);
    expect(plan.drop.map((d) => d.name)).toEqual([
      'tenant_name',
      'direction',
      'uniqueness',
      'no_longer_unique',
      'fewer_keys',
    ]);
    expect(plan.drop[0].reason).toBe('keys {"nameSort":1,"tenant":1} are now {"tenant":1,"nameSort":1}');
    expect(plan.drop[2].reason).toBe('is now unique');
    expect(plan.drop[3].reason).toBe('is no longer unique');
    expect(plan.create.map((c) => c.name)).toEqual(wanted.map((w) => w.name));
  });

  it('drops what the specification no longer names and options it never sets, never _id_', () => {
    const existing = listed(
      { key: { old: 1 }, name: 'old' },
      { key: { code: 1 }, name: 'code', sparse: true },
      { key: { at: 1 }, name: 'ttl', expireAfterSeconds: 60 },
    );
    const plan = planIndexes(existing, [
      { name: 'code', fields: [['code', 1]] },
      { name: 'ttl', fields: [['at', 1]] },
    ]);
    expect(plan.drop).toEqual([
      { name: 'old', reason: 'no longer in the specification' },
      { name: 'code', reason: 'has options the store does not set (sparse)' },
      { name: 'ttl', reason: 'has options the store does not set (expireAfterSeconds)' },
    ]);
    expect(planIndexes(listed(), []).drop).toEqual([]);
  });

  it('refuses two specifications of one name, and one named _id_', () => {
    expect(() => planIndexes([], [tenantName, tenantName])).toThrow('share a name');
    expect(() => planIndexes([], [{ name: '_id_', fields: [['_id', 1]] }])).toThrow("MongoDB's own");
  });

  it('reads a listed index back in the port terms', () => {
    expect(toIndexSpec({ v: 2, key: { tenant: 1, rank: -1 }, name: 'i', unique: true })).toEqual({
      name: 'i',
      fields: [
        ['tenant', 1],
        ['rank', -1],
      ],
      unique: true,
    });
    expect(toIndexSpec({ v: 2, key: { a: 1 }, name: 'j', unique: false })).toEqual({
      name: 'j',
      fields: [['a', 1]],
    });
  });
});
