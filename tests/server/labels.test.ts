// The words for the graph's names: every relationship type and node kind the load writes has them, in both languages.
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../importers/load.js';
import { KIND_NAMES, RELATION_NAMES, organisationName, propertyName, propertyValueName, relationName } from '../../server/labels.js';

describe('labels', () => {
  it('when the load knows a kind or relationship, then it has a Dutch and an English name', () => {
    expect(NODE_LABELS.filter(label => !KIND_NAMES[label]?.nl || !KIND_NAMES[label]?.en)).toEqual([]);
    expect(RELATIONSHIP_TYPES.filter(type => !RELATION_NAMES[type])).toEqual([]);
  });

  it('when a relationship is read from either end, then it reads as words; a data flow as the data it carries', () => {
    expect(relationName('RUNS_ON', 'out', 'nl')).toBe('draait op');
    expect(relationName('SUPPLIES', 'in', 'nl')).toBe('geleverd door');
    expect(relationName('DEPENDS_ON', 'in', 'nl', 'flow')).toBe('levert gegevens aan');
    expect(relationName('DEPENDS_ON', 'out', 'en')).toBe('depends on');
  });

  it('when a property or organisation is shown, then people read words, not keys or slugs', () => {
    expect(propertyName('personalData', 'nl')).toBe('Persoonsgegevens');
    expect(propertyName('extra_beheer_team', 'nl')).toBe('Beheer team');
    expect(organisationName('gemeente-roerdam')).toBe('Gemeente Roerdam');
    expect(organisationName('gm0363')).toBe('gm0363');
    expect(organisationName('gm0363', 'Gemeente Amsterdam')).toBe('Gemeente Amsterdam');
    // A supplier's country: "Land: Nederland", not "Land: NL"; a platform's host reads in Dutch ("host" was English).
    expect(propertyValueName('country', 'NL', 'nl')).toBe('Nederland');
    expect(propertyValueName('country', 'DE', 'en')).toBe('Germany');
    expect(propertyValueName('country', 'Nederland', 'nl')).toBe('Nederland');
    expect(relationName('RUNS_ON', 'in', 'nl')).toBe('huisvest');
  });
});
