// A landscape whose ICT-foto answers are worked out by hand (tests/analyses/ict-foto.test.ts), with the
// release cycles of tests/fixtures/ict-foto/*.json, judged on 2026-12-01 (six months: up to 2027-06-01):
// - Databaseserver runs PostgreSQL 11.22 (cycle 11, ended 09-11-2023) on Hypervisor (VMware ESXi 8.0,
//   ends 11-10-2027): Belastingen (gm1, high, personal data) and Zaaksysteem Kievit (gm2, high) run on
//   it; Portaal (gm1) depends on Belastingen, so it fails with it;
// - Webserver runs Apache Tomcat 9.0.85 (cycle 9.0, ends 31-03-2027): Zaaksysteem (gm1, critical) on it;
// - Website (gm1) is Drupal 7.98 (cycle 7, ended 05-01-2025); Archief (gm1) Apache Tomcat 10.1.20
//   (cycle 10.1, no end announced); Vergunningen (gm2) Apache Tomcat 9.0.9 (ends 31-03-2027);
//   Meldingen (gm2) Apache Tomcat without a version; Zaaksysteem is Zaakwerk 4.2 (no release cycles known).
import { Landscape } from '../../importers/model.js';

export const ICT_FOTO_DATE = '2026-12-01';

export const ictFotoFixture = () =>
  Landscape.parse({
    suppliers: [{ id: 's1', name: 'Rood Software B.V.', country: 'NL' }],
    platforms: [
      { id: 'p-host', name: 'Hypervisor', type: 'on-premise', product: 'VMware ESXi', version: '8.0' },
      { id: 'p-db', name: 'Databaseserver', type: 'on-premise', runsOn: 'p-host', product: 'PostgreSQL', version: '11.22' },
      { id: 'p-web', name: 'Webserver', type: 'on-premise', product: 'Apache Tomcat', version: '9.0.85' },
    ],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p-web', criticality: 'kritiek', personalData: 'ja', businessFunctions: 'Zaakafhandeling', product: 'Zaakwerk', version: '4.2' },
      { id: 'a2', organisation: 'gm1', name: 'Belastingen', platform: 'p-db', criticality: 'hoog', personalData: 'ja', businessFunctions: 'Belastingen' },
      { id: 'a3', organisation: 'gm1', name: 'Website', criticality: 'laag', businessFunctions: 'Dienstverlening', product: 'Drupal', version: '7.98' },
      { id: 'a4', organisation: 'gm1', name: 'Portaal', businessFunctions: 'Parkeren' },
      { id: 'a5', organisation: 'gm1', name: 'Archief', businessFunctions: 'Archivering', product: 'Apache Tomcat', version: '10.1.20' },
      { id: 'b1', organisation: 'gm2', name: 'Zaaksysteem Kievit', platform: 'p-db', criticality: 'hoog', businessFunctions: 'Zaakafhandeling' },
      { id: 'b2', organisation: 'gm2', name: 'Vergunningen', businessFunctions: 'Vergunningen', product: 'Apache Tomcat', version: '9.0.9' },
      { id: 'b3', organisation: 'gm2', name: 'Meldingen', businessFunctions: 'Meldingen', product: 'Apache Tomcat' },
    ],
    interfaces: [{ id: 'i1', organisation: 'gm1', from: 'a2', to: 'a4', standard: 'StUF-BG' }],
    contracts: [],
  });
