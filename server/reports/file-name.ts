// The name a downloaded report is saved under, in the reader's language: what it is about, not its
// key ("roer-rapport-leverancier-grutto-software-bv.pdf", not "roer-rapport-supplier-s-0001.pdf").
// Shared by the server's Content-Disposition and the report page's downloads (no Node imports).
import { type Language, kindName } from '../labels.js';
import type { Section } from './sections.js';
import { reportText } from './words.js';

/** Lower-case letters and digits joined by hyphens, accents dropped: safe in every file system. */
const slug = (text: string) => text.replace(/\./g, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');

/** Without extension; `section`: one table of the report (its sheet name). */
export function reportFileName(subject: { uid: string; kind: string; name: string }, language: Language, section?: Section['id']): string {
  const name = slug(subject.name) || slug(subject.uid);
  const parts = [language === 'nl' ? 'roer-rapport' : 'roer-report', slug(kindName(subject.kind, language)), name];
  if (section) parts.push(slug(reportText(language, `sheet.${section}`)) || section);
  return parts.filter(Boolean).join('-');
}
