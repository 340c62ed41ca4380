// A chain longer than impact's old 10-hop default, for the analysis and browser tests.
import { Landscape } from '../../importers/model.js';

export const LENGTH = 15;
export const ORG = 'gemeente-lange-keten';
export const app = (i: number) => `k${String(i).padStart(2, '0')}`;
export const uid = (id: string) => `app:${ORG}/${id}`;

/**
 * A chain k00 → k01 → … → k14 (each depends on the one before through an interface), supplied at its
 * start by Ketenbouw; k14 alone supports Belastingen, k13 and a spare application support Burgerzaken.
 */
export const chainLandscape = () =>
  Landscape.parse({
    suppliers: [{ id: 'ketenbouw', name: 'Ketenbouw B.V.' }, { id: 'reserve', name: 'Reserve Software' }],
    platforms: [],
    applications: [
      ...Array.from({ length: LENGTH }, (_, i) => ({
        id: app(i), organisation: ORG, name: `Schakel ${i}`, supplier: i === 0 ? 'ketenbouw' : 'reserve',
        criticality: i === 12 ? 'critical' : 'medium',
        businessFunctions: i === 14 ? 'Belastingen' : i === 13 ? 'Burgerzaken' : '',
      })),
      { id: 'spare', organisation: ORG, name: 'Reserve Burgerzaken', supplier: 'reserve', businessFunctions: 'Burgerzaken' },
    ],
    interfaces: Array.from({ length: LENGTH - 1 }, (_, i) => ({ id: `if-${String(i).padStart(2, '0')}`, organisation: ORG, from: app(i), to: app(i + 1), standard: i === 13 ? 'StUF-BG' : '' })),
    contracts: [
      { id: 'c-belasting', organisation: ORG, supplier: 'reserve', applications: app(14), end: '2027-03-31', noticeMonths: '3', annualValue: '1503890' },
      { id: 'c-begin', organisation: ORG, supplier: 'ketenbouw', applications: app(0), end: '2028-01-31', noticeMonths: '6', annualValue: '1000' },
    ],
  });

