// A small hand-checked landscape with the tricky cases: an intermediary (a2 Makelaar), a platform
// chain (p1 runs on p2, whose host s1 also supplies a1; p2 is in the US), a business function
// with two redundant applications (Zaakafhandeling: a1 and a4), contracts whose notice deadlines
// fall in a shorter month (31-03-2027 − 1 month, 29-02-2028 − 12 months), duplicate suppliers.
import type { Driver } from 'neo4j-driver';
import { cleanup, load, transform } from '../../importers/load.js';
import { Landscape } from '../../importers/model.js';

export const fixture = () =>
  Landscape.parse({
    suppliers: [
      { id: 's1', name: 'Acme B.V.', group: 'Acme Holding' },
      { id: 's2', name: 'Hostco' },
      { id: 's3', name: 'Acme Software', group: 'Acme Holding' },
      { id: 's4', name: 'Centric' },
      { id: 's5', name: 'Hostco B.V.' },
    ],
    platforms: [
      { id: 'p1', name: 'Rekencentrum', type: 'rekencentrum', supplier: 's2', jurisdiction: 'NL', runsOn: 'p2' },
      { id: 'p2', name: 'Cloud', type: 'iaas', supplier: 's1', jurisdiction: 'US' },
    ],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p1', criticality: 'hoog', businessFunctions: 'Zaakafhandeling', referenceComponents: 'Zaaksysteem' },
      { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', criticality: 'kritiek' },
      { id: 'a3', organisation: 'gm1', name: 'Burgerzaken', supplier: 's3', platform: 'p1', businessFunctions: 'Burgerzaken' },
      { id: 'a4', organisation: 'gm1', name: 'DMS', supplier: 's2', businessFunctions: 'Zaakafhandeling' },
      { id: 'a5', organisation: 'gm1', name: 'Website', criticality: 'laag', businessFunctions: 'Dienstverlening' },
      { id: 'b1', organisation: 'gm2', name: 'Zaaksysteem Centric', supplier: 's4', platform: 'p1', criticality: 'high', businessFunctions: 'Zaakafhandeling', referenceComponents: 'Zaaksysteem' },
    ],
    interfaces: [
      { id: 'i1', organisation: 'gm1', from: 'a3', to: 'a1', via: 'a2', standard: 'StUF-BG' },
      { id: 'i2', organisation: 'gm1', from: 'a1', to: 'a5' },
      { id: 'i3', organisation: 'gm1', from: 'a4', to: 'a1', standard: 'Eigen API' },
    ],
    contracts: [
      { id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', end: '31-03-2027', noticeMonths: '1', autoRenew: 'ja', annualValue: '€ 100.000,00', exitPlan: 'nee', dataPortability: 'ja' },
      { id: 'c2', organisation: 'gm1', supplier: 's2', applications: 'a4', end: '2026-12-31', noticeMonths: '3', autoRenew: 'ja', annualValue: '50000', exitPlan: 'ja', dataPortability: 'nee' },
      { id: 'c3', organisation: 'gm1', supplier: 's3', end: '2028-06-30', noticeMonths: '6', annualValue: '25000' },
      { id: 'd1', organisation: 'gm2', supplier: 's4', applications: 'b1', end: '29-02-2028', noticeMonths: '12', annualValue: '80000' },
    ],
  });

/** The reference date the expected lock-in and calendar numbers were worked out for. */
export const TODAY = '2026-12-01';

export async function loadLandscape(driver: Driver, landscape: Landscape, source = 'test:fixture', runId = 'run-1') {
  const session = driver.session();
  try {
    await session.executeWrite(async tx => {
      await load(tx, [transform(landscape)], { source, runId });
      await cleanup(tx, { source, runId });
    });
  } finally {
    await session.close();
  }
}
