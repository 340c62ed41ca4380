// The side panel's relations, pure: grouped per relationship in words, each neighbour once.
import { relationGroups } from '../../web/src/neighbours.js';

const dependency = (uid: string, name: string, kind: 'flow' | 'via', iface: string) => ({ uid, kind: 'Application', name, properties: { kind, interface: iface } });

const detail = {
  uid: 'app:gm1/zaak',
  kind: 'Application',
  neighbours: {
    // Five relationships to two applications: one through three interfaces, one through two.
    '<DEPENDS_ON': [
      dependency('app:gm1/brp', 'BRP', 'flow', 'interface:gm1/i1'),
      dependency('app:gm1/brp', 'BRP', 'flow', 'interface:gm1/i2'),
      dependency('app:gm1/brp', 'BRP', 'flow', 'interface:gm1/i3'),
      dependency('app:gm1/dms', 'DMS', 'flow', 'interface:gm1/i4'),
      dependency('app:gm1/dms', 'DMS', 'flow', 'interface:gm1/i5'),
      dependency('app:gm1/web', 'Website', 'via', 'interface:gm1/i6'),
    ],
    'DEPENDS_ON>': [dependency('app:gm1/broker', 'Makelaar', 'via', 'interface:gm1/i7'), dependency('app:gm1/broker', 'Makelaar', 'via', 'interface:gm1/i8')],
    '<SUPPLIES': [{ uid: 'supplier:acme', kind: 'Supplier', name: 'Acme B.V.', properties: {} }],
    '<COVERS': [{ uid: 'contract:gm1/c1', kind: 'Contract', name: 'c1', properties: {} }],
    '<FROM': [{ uid: 'interface:gm1/i1', kind: 'Interface', name: 'Zaaksysteem → BRP (StUF-BG)', properties: {} }],
  },
};

describe('relation groups', () => {
  it('when an application has many dependency rows, then each neighbour appears once with its number of interfaces', () => {
    const groups = relationGroups(detail, 'nl');
    expect(groups.map(group => [group.title, group.rows.map(row => [row.name, row.interfaces])])).toEqual([
      ['Geleverd door', [['Acme B.V.', 0]]],
      ['Levert gegevens aan', [['BRP', 3], ['DMS', 2]]],
      ['Koppelt via', [['Makelaar', 2]]],
      ['Tussenstation voor', [['Website', 1]]],
      ['Levert gegevens via', [['Zaaksysteem → BRP (StUF-BG)', 0]]],
    ]);
  });

  it('when English is chosen, then the relationships read in English and contracts are left to their own section', () => {
    const groups = relationGroups(detail, 'en');
    expect(groups.map(group => group.title)).toEqual(['Supplied by', 'Delivers data to', 'Connects through', 'Intermediary for', 'Sends data through']);
    expect(groups.flatMap(group => group.rows).some(row => row.kind === 'Contract')).toBe(false);
    expect(groups[0].rows[0].kindName).toBe('Supplier');
  });
});
