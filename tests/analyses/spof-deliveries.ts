// Two deliveries of one organisation for the Kwetsbare punten history (tests/server/spof-history.test.ts,
// tests/web/spof-ranking.test.ts): supplier Grutto delivers three critical applications on Hostnet's
// data centre, then a fourth beside it; Kievit one; eight suppliers one application that matters little.
// Ids of their own, so that they share no supplier or platform with another test's landscape.
import { Landscape } from '../../importers/model.js';

export const SPOF_ORGANISATION = 'gm-k';
const others = [1, 2, 3, 4, 5, 6, 7, 8];

/** Grutto's critical applications `grutto` (g1…g3 on dc-noord; g4 not on it), Kievit's k1, and x1…x8. */
export const spofDelivery = (grutto: string[]) => Landscape.parse({
  suppliers: [
    { id: 'grutto', name: 'Grutto Software B.V.' }, { id: 'kievit', name: 'Kievit Software B.V.' }, { id: 'hostnet', name: 'Hostnet B.V.' },
    ...others.map(i => ({ id: `lev${i}`, name: `Leverancier ${i}` })),
  ],
  platforms: [{ id: 'dc-noord', name: 'Datacentrum Noord', type: 'rekencentrum', supplier: 'hostnet', jurisdiction: 'NL' }],
  applications: [
    ...grutto.map(id => ({ id, organisation: SPOF_ORGANISATION, name: `Kernsysteem ${id}`, supplier: 'grutto', platform: id === 'g4' ? undefined : 'dc-noord', criticality: 'kritiek' })),
    { id: 'k1', organisation: SPOF_ORGANISATION, name: 'Burgerzaken', supplier: 'kievit', criticality: 'kritiek' },
    ...others.map(i => ({ id: `x${i}`, organisation: SPOF_ORGANISATION, name: `Registratie ${i}`, supplier: `lev${i}`, criticality: 'laag' })),
  ],
});
