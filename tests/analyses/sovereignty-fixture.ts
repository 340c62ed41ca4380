// A landscape whose sovereignty answer is worked out by hand (tests/analyses/sovereignty.test.ts):
// - Zaaksysteem (gm1) is supplied by Zaakwerk B.V., a Dutch subsidiary of a US group;
// - Belastingen (gm1) runs on Polder Cloud (NL), which runs on Nimbus EU-West (EU region) of Nimbus Inc. (US);
// - Website, Archief and Portaal (gm1) and Zaaksysteem Kievit (gm2) are clean EU chains; Portaal depends
//   on Belastingen through an interface, so it fails in the what-if without being exposed itself.
import { Landscape } from '../../importers/model.js';

export const sovereigntyFixture = () =>
  Landscape.parse({
    suppliers: [
      { id: 's-zaak', name: 'Zaakwerk B.V.', country: 'NL', group: 'Atlantic Software Holdings', groupJurisdiction: 'Verenigde Staten' },
      { id: 's-polder', name: 'Polderhost B.V.', country: 'Nederland' },
      { id: 's-nimbus', name: 'Nimbus Inc.', country: 'US' },
      { id: 's-noordzee', name: 'Noordzee Software B.V.', country: 'NL' },
      { id: 's-dc', name: 'Rekencentrum Noord B.V.', country: 'NL' },
      { id: 's-kievit', name: 'Kievit Zaken B.V.', country: 'DE' },
    ],
    platforms: [
      { id: 'p-nimbus', name: 'Nimbus EU-West', type: 'iaas', supplier: 's-nimbus', jurisdiction: 'EU' },
      { id: 'p-polder', name: 'Polder Cloud', type: 'saas', supplier: 's-polder', jurisdiction: 'NL', runsOn: 'p-nimbus' },
      { id: 'p-dc', name: 'Rekencentrum Noord', type: 'rekencentrum', supplier: 's-dc', jurisdiction: 'NL' },
    ],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's-zaak', platform: 'p-dc', criticality: 'kritiek', personalData: 'ja', businessFunctions: 'Zaakafhandeling', referenceComponents: 'Zaaksysteem' },
      { id: 'a2', organisation: 'gm1', name: 'Belastingen', supplier: 's-noordzee', platform: 'p-polder', criticality: 'hoog', personalData: 'ja', businessFunctions: 'Belastingen', referenceComponents: 'Belastingsysteem' },
      { id: 'a3', organisation: 'gm1', name: 'Website', supplier: 's-noordzee', platform: 'p-dc', criticality: 'laag', businessFunctions: 'Dienstverlening' },
      { id: 'a4', organisation: 'gm1', name: 'Archief', supplier: 's-noordzee', platform: 'p-dc', businessFunctions: 'Zaakafhandeling' },
      { id: 'a5', organisation: 'gm1', name: 'Portaal', supplier: 's-noordzee', platform: 'p-dc', businessFunctions: 'Parkeren' },
      { id: 'b1', organisation: 'gm2', name: 'Zaaksysteem Kievit', supplier: 's-kievit', platform: 'p-dc', businessFunctions: 'Zaakafhandeling', referenceComponents: 'Zaaksysteem' },
    ],
    interfaces: [
      { id: 'i1', organisation: 'gm1', from: 'a2', to: 'a5', standard: 'StUF-BG' },
      { id: 'i2', organisation: 'gm1', from: 'a4', to: 'a1', standard: 'ZGW API' },
      { id: 'i3', organisation: 'gm1', from: 'a4', to: 'a1', standard: 'Eigen API' },
    ],
    contracts: [
      { id: 'c1', organisation: 'gm1', supplier: 's-zaak', applications: 'a1', end: '2028-12-31', annualValue: '€ 100.000', exitPlan: 'ja', dataPortability: 'nee' },
      { id: 'c2', organisation: 'gm1', supplier: 's-noordzee', applications: 'a2|a3|a4|a5', end: '2027-12-31', annualValue: '60000', exitPlan: 'nee', dataPortability: 'ja' },
      { id: 'c3', organisation: 'gm1', supplier: 's-dc', end: '2027-06-30', annualValue: '40000' },
      { id: 'd1', organisation: 'gm2', supplier: 's-kievit', applications: 'b1', end: '2029-01-31', annualValue: '30000' },
    ],
  });
