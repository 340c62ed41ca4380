// Demo algorithms: a few Algoritmeregister entries per demo organisation, in the register's own shape,
// naming the organisation's applications (by name, by product words, or only by supplier) so that the
// Algoritmes page has links to review, impact and what-if name algorithms that stop, and sovereignty
// finds impactful ones. Deterministic: the same landscape gives the same register.
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { query } from '../../server/queries.js';
import { organisationName } from '../../server/labels.js';
import { type AlgorithmReport, importAlgoritmeregister } from '../algoritmeregister.js';

export type DemoApplication = { organisation: string; organisationName: string | null; name: string; supplier: string | null };

const TEMPLATES: { title: (app: DemoApplication) => string; doel: (app: DemoApplication) => string; impact: string; category?: string; status: string }[] = [
  { title: () => 'Risicogericht toetsen bijstandsaanvragen', doel: app => `Een risicomodel in ${app.name} bepaalt welke aanvragen extra worden gecontroleerd.`, impact: 'Ja', category: 'Hoog-risico AI-systeem', status: 'in_gebruik' },
  { title: app => `${app.name}: automatische toewijzing`, doel: () => 'Verdeelt binnenkomende zaken en meldingen automatisch over de behandelteams.', impact: 'Ja', status: 'in_gebruik' },
  { title: () => 'Anonimiseren van documenten', doel: app => `Zwart-lakken van persoonsgegevens in documenten voor openbaarmaking, geleverd door ${app.supplier ?? 'de leverancier'}.`, impact: 'Onbekend', status: 'in_gebruik' },
  { title: () => 'Chatbot voor inwonersvragen', doel: () => 'Beantwoordt veelgestelde vragen van inwoners op de website.', impact: 'Nee', status: 'ontwikkeling' },
];

/** The register (`{algoritmes, count, fetched_at, source_url}`) for these applications: per organisation one entry per template, each on a different application. */
export function demoRegister(applications: DemoApplication[]): { algoritmes: Record<string, string>[]; count: number; fetched_at: string; source_url: string } {
  const byOrganisation = new Map<string, DemoApplication[]>();
  for (const app of [...applications].sort((a, b) => a.organisation.localeCompare(b.organisation) || a.name.localeCompare(b.name))) {
    byOrganisation.set(app.organisation, [...(byOrganisation.get(app.organisation) ?? []), app]);
  }
  const algoritmes: Record<string, string>[] = [];
  let o = 0;
  for (const [organisation, apps] of byOrganisation) {
    o++;
    TEMPLATES.forEach((template, i) => {
      const app = apps[(i * 7 + o) % apps.length];
      const id = String(90_000_000 + o * 100 + i);
      algoritmes.push({
        doel: template.doel(app), geregistreerd: '2026-03-1' + i, id, impactassessment: template.impact, juridische_basis: '',
        organisatie: organisationName(organisation, app.organisationName), status: template.status, title: template.title(app), toegevoegd: '2026-05-13',
        url: `https://algoritmes.overheid.nl/nl/algoritme/${id}`, ...(template.category ? { publicatiecategorie: template.category } : {}),
      });
    });
  }
  return { algoritmes, count: algoritmes.length, fetched_at: '2026-11-29T06:00:00Z', source_url: 'https://algoritmes.overheid.nl/api/algoritme (demo)' };
}

/** Imports demo algorithms for every organisation in the database (source `demo:algoritmeregister`). */
export async function loadDemoAlgorithms(driver: Driver, user = 'roer-start'): Promise<AlgorithmReport> {
  const applications = await read<DemoApplication>(driver, query('algorithms/demo-applications').text);
  const bytes = Buffer.from(JSON.stringify(demoRegister(applications), null, 2));
  return importAlgoritmeregister(driver, [{ name: 'algoritmes.json', bytes }], { source: 'demo:algoritmeregister', user });
}
