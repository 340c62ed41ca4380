// An upload Roer does not recognise, in words: the file named once (issuePlace already names it), what
// it looks like (a Word document, a PDF) and what to do with it. Used by issue-words.ts 'unknown-format'.
import type { IssueParams } from './issue-words.js';

type Language = 'nl' | 'en';
type Words = { nl: string; en: string };

/** What a file looks like, by what importers/formats.ts saw: 'zip', 'coarchi', '' or an extension. */
const LOOKS: Record<string, Words> = {
  zip: { nl: 'een zip zonder model/folder.xml, dus geen coArchi-map', en: 'a zip without model/folder.xml, so no coArchi folder' },
  coarchi: { nl: 'een coArchi-map', en: 'a coArchi folder' },
  '': { nl: 'zonder extensie', en: 'no extension' },
  '.docx': { nl: 'een Word-document (.docx)', en: 'a Word document (.docx)' },
  '.doc': { nl: 'een Word-document (.doc)', en: 'a Word document (.doc)' },
  '.odt': { nl: 'een tekstdocument (.odt)', en: 'a text document (.odt)' },
  '.pdf': { nl: 'een PDF (.pdf)', en: 'a PDF (.pdf)' },
  '.pptx': { nl: 'een PowerPoint-presentatie (.pptx)', en: 'a PowerPoint presentation (.pptx)' },
  '.xls': { nl: 'een oud Excel-bestand (.xls)', en: 'an old Excel file (.xls)' },
  '.ods': { nl: 'een OpenDocument-rekenblad (.ods)', en: 'an OpenDocument spreadsheet (.ods)' },
};
const SAVE_AS: Words = { nl: 'sla het op als CSV of Excel (.xlsx) en upload dat', en: 'save it as CSV or Excel (.xlsx) and upload that' };
const SAVE_ALL_AS: Words = { nl: 'sla ze op als CSV of Excel (.xlsx) en upload die', en: 'save them as CSV or Excel (.xlsx) and upload those' };
const lookWords = (look: string, l: Language) => LOOKS[look]?.[l] ?? look;

/** The problem: one file named once by the place, several each by name; with what to do for a document or another spreadsheet. */
export function unknownFormatProblem(p: IssueParams, l: Language): string {
  const looks = String(p.looks ?? '').split('|');
  const names = String(p.names ?? '').split('|');
  const hint = (words: Words) => (looks.some(look => look !== 'zip' && look !== 'coarchi') ? `; ${words[l]}` : '');
  if (looks.length <= 1) return `${l === 'nl' ? 'Roer herkent dit bestand niet' : 'Roer cannot tell what this file is'}: ${lookWords(looks[0] ?? '', l)}${hint(SAVE_AS)}`;
  const each = looks.map((look, i) => `${names[i]} (${lookWords(look, l)})`).join(', ');
  return `${l === 'nl' ? 'Roer herkent deze bestanden niet' : 'Roer cannot tell what these files are'}: ${each}${hint(SAVE_ALL_AS)}`;
}
