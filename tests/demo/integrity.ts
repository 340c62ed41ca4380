// Referential integrity of a generated landscape, as a list of problems (empty = consistent).
import type { Landscape } from '../../importers/model.js';

export function integrityProblems(landscape: Landscape): string[] {
  const problems: string[] = [];
  const unique = (kind: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`duplicate ${kind} ${key}`);
      seen.add(key);
    }
    return seen;
  };
  const suppliers = unique('supplier', landscape.suppliers.map(s => s.id));
  const platforms = unique('platform', landscape.platforms.map(p => p.id));
  const applications = unique('application', landscape.applications.map(a => `${a.organisation}/${a.id}`));
  unique('interface', landscape.interfaces.map(i => `${i.organisation}/${i.id}`));
  unique('contract', landscape.contracts.map(c => `${c.organisation}/${c.id}`));
  for (const p of landscape.platforms) {
    if (p.supplier && !suppliers.has(p.supplier)) problems.push(`platform ${p.id}: unknown supplier ${p.supplier}`);
    if (p.runsOn && !platforms.has(p.runsOn)) problems.push(`platform ${p.id}: unknown runsOn ${p.runsOn}`);
  }
  for (const a of landscape.applications) {
    if (a.supplier && !suppliers.has(a.supplier)) problems.push(`application ${a.id}: unknown supplier ${a.supplier}`);
    if (a.platform && !platforms.has(a.platform)) problems.push(`application ${a.id}: unknown platform ${a.platform}`);
  }
  for (const i of landscape.interfaces) {
    for (const end of [i.from, i.to, ...(i.via ? [i.via] : [])]) {
      if (!applications.has(`${i.organisation}/${end}`)) problems.push(`interface ${i.organisation}/${i.id}: unknown application ${end}`);
    }
    if (i.from === i.to) problems.push(`interface ${i.organisation}/${i.id}: from = to`);
  }
  for (const c of landscape.contracts) {
    if (!suppliers.has(c.supplier)) problems.push(`contract ${c.organisation}/${c.id}: unknown supplier ${c.supplier}`);
    for (const app of c.applications) {
      if (!applications.has(`${c.organisation}/${app}`)) problems.push(`contract ${c.organisation}/${c.id}: unknown application ${app}`);
    }
    if (c.start && c.start > c.end) problems.push(`contract ${c.organisation}/${c.id}: ends before it starts`);
  }
  return problems;
}
