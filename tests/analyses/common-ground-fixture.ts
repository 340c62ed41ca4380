// Two municipalities whose Common Ground answer is worked out by hand (tests/analyses/common-ground.test.ts):
// - gm1 (Gemeente Eenburg): 6 interfaces — 2 over ZGW APIs (one written "NLGov REST API"), 1 Haal Centraal BRP,
//   1 StUF-BG, 1 proprietary ("Eigen koppeling"), 1 without a standard; the BRP application feeds Zaaksysteem
//   by Haal Centraal (retrieval) and Sociaal Domein by StUF-BG (a copy).
// - gm2 (Gemeente Tweedorp): 3 interfaces — Haal Centraal BAG (retrieval), a BAG file transfer (copy), FSC.
// - gm3 (Gemeente Driehuizen): one application, no interfaces: no score.
import { Landscape } from '../../importers/model.js';

export const commonGroundFixture = () =>
  Landscape.parse({
    organisations: [
      { id: 'gm1', name: 'Gemeente Eenburg' },
      { id: 'gm2', name: 'Gemeente Tweedorp' },
      { id: 'gm3', name: 'Gemeente Driehuizen' },
    ],
    suppliers: [{ id: 's1', name: 'Grutto Software B.V.', country: 'NL' }],
    platforms: [],
    applications: [
      { id: 'a-brp', organisation: 'gm1', name: 'BRP Burgerzaken', supplier: 's1', referenceComponents: 'Basisregistratie Personen' },
      { id: 'a-zaak', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', referenceComponents: 'Zaaksysteem' },
      { id: 'a-dms', organisation: 'gm1', name: 'Documentbeheer', supplier: 's1', referenceComponents: 'Documentmanagementsysteem' },
      { id: 'a-kcc', organisation: 'gm1', name: 'Klantcontact', supplier: 's1', referenceComponents: 'Klantcontactsysteem' },
      { id: 'a-bel', organisation: 'gm1', name: 'Belastingen', supplier: 's1', referenceComponents: 'Belastingsysteem' },
      { id: 'a-web', organisation: 'gm1', name: 'Website', supplier: 's1', referenceComponents: 'Website' },
      { id: 'a-soc', organisation: 'gm1', name: 'Sociaal Domein', supplier: 's1', referenceComponents: 'Sociaal domein systeem' },
      { id: 'b1', organisation: 'gm2', name: 'Zaken Tweedorp', supplier: 's1', referenceComponents: 'Zaaksysteem' },
      { id: 'b2', organisation: 'gm2', name: 'Adressen Tweedorp', supplier: 's1', referenceComponents: 'Basisregistratie Adressen en Gebouwen' },
      { id: 'b3', organisation: 'gm2', name: 'Vergunningen Tweedorp', supplier: 's1', referenceComponents: 'Vergunningensysteem' },
      { id: 'c1', organisation: 'gm3', name: 'Zaken Driehuizen', supplier: 's1', referenceComponents: 'Zaaksysteem' },
    ],
    interfaces: [
      { id: 'i1', organisation: 'gm1', from: 'a-zaak', to: 'a-dms', standard: 'ZGW API' },
      { id: 'i2', organisation: 'gm1', from: 'a-kcc', to: 'a-zaak', standard: 'NLGov REST API' },
      { id: 'i3', organisation: 'gm1', from: 'a-brp', to: 'a-zaak', standard: 'Haal Centraal BRP' },
      { id: 'i4', organisation: 'gm1', from: 'a-brp', to: 'a-soc', standard: 'StUF-BG 3.10' },
      { id: 'i5', organisation: 'gm1', from: 'a-bel', to: 'a-web', standard: 'Eigen koppeling' },
      { id: 'i6', organisation: 'gm1', from: 'a-web', to: 'a-kcc' },
      { id: 'j1', organisation: 'gm2', from: 'b2', to: 'b1', standard: 'Haal Centraal BAG' },
      { id: 'j2', organisation: 'gm2', from: 'b2', to: 'b3', standard: 'bestandsuitwisseling' },
      { id: 'j3', organisation: 'gm2', from: 'b1', to: 'b3', standard: 'FSC' },
    ],
    contracts: [],
  });
