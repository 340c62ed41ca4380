// More of the other importers' problems in words (issue 19), beside importers/issue-words.ts which
// spreads them into its phrases: archives (XLSX workbooks and zips: bombs, too many parts, too large
// unpacked, damaged), files and uploads over a size limit, a zip that is no coArchi folder, an SBOM
// with too many components, and what the XML parser found, in words of our own. Sizes as people know
// them ("52 MB"), never bytes. The web UI bundles this file: no Node imports.
import type { Language } from '../server/labels.js';
import type { IssueFacts, IssueParams } from './issue-words.js';

export type MoreFileIssueCode =
  | 'zip-too-large' | 'zip-bomb' | 'zip-forged' | 'zip-too-many-entries' | 'zip-encrypted' | 'zip-unreadable' | 'zip-path-outside'
  | 'not-coarchi' | 'folder-too-large' | 'sbom-too-many' | 'upload-too-large' | 'upload-too-many-files' | 'file-too-large' | 'xml-unreadable' | 'xml-dtd';
/** What a phrase says: the problem, what was expected, and where in the line (the character) when known. */
export type Said = { problem: string; expected: string; withColumn?: boolean; at?: string };
type Phrase = (issue: IssueFacts, p: IssueParams, language: Language) => Said;

const nl = (l: Language) => l === 'nl';
const quoted = (text: unknown) => `'${String(text ?? '')}'`;
const number = (value: number, l: Language, digits = 0) => new Intl.NumberFormat(nl(l) ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits }).format(value);

/** A size as people read it: "52 MB", "1,5 MB", "700 kB". */
export function sizeWords(bytes: unknown, l: Language): string {
  const size = Number(bytes);
  const MB = 1024 * 1024;
  if (size >= 10 * MB) return `${number(size / MB, l)} MB`;
  if (size >= MB) return `${number(size / MB, l, 1)} MB`;
  if (size >= 1024) return `${number(size / 1024, l)} kB`;
  return `${number(size, l)} bytes`;
}

const ARCHIVES: Record<string, { nl: string; en: string; nlA: string; enA: string }> = {
  workbook: { nl: 'het werkboek', en: 'the workbook', nlA: 'een XLSX-werkboek zoals Excel of LibreOffice het opslaat', enA: 'an XLSX workbook as Excel or LibreOffice saves it' },
  zip: { nl: 'het zip-archief', en: 'the zip archive', nlA: 'een zip-archief gemaakt met een gewoon zip-programma', enA: 'a zip archive made by an ordinary zip program' },
  objects: { nl: 'de zip met Softwarecatalogus-objecten', en: 'the zip of Softwarecatalogus objects', nlA: 'een zip met Softwarecatalogus-objecten (.json)', enA: 'a zip of Softwarecatalogus objects (.json)' },
};
const archive = (p: IssueParams, l: Language) => ARCHIVES[String(p.archive)]?.[l] ?? ARCHIVES.workbook[l];
const anArchive = (p: IssueParams, l: Language) => (ARCHIVES[String(p.archive)] ?? ARCHIVES.workbook)[nl(l) ? 'nlA' : 'enA'];
const isWorkbook = (p: IssueParams) => (p.archive ?? 'workbook') === 'workbook';

/** Why an archive cannot be read (importers/zip-guard.ts). */
const DAMAGE: Record<string, { nl: string; en: string }> = {
  'cut-off': { nl: 'het einde ontbreekt (de inhoudsopgave van een zip-bestand): het bestand is afgebroken of geen zip', en: 'its end is missing (the directory of a zip file): the file is cut off or no zip at all' },
  zip64: { nl: 'het is een ZIP64-archief, dat geen werkboek of map van toegestane omvang nodig heeft', en: 'it is a ZIP64 archive, which no workbook or folder of an allowed size needs' },
  directory: { nl: 'de inhoudsopgave wijst buiten het bestand', en: 'its directory points outside the file' },
  'entry-missing': { nl: 'een onderdeel uit de inhoudsopgave ontbreekt', en: 'a part listed in its directory is missing' },
  method: { nl: 'een onderdeel is gecomprimeerd op een manier die werkboeken niet gebruiken (geen deflate)', en: 'a part is compressed in a way workbooks do not use (not deflate)' },
  misplaced: { nl: 'een onderdeel staat niet waar de inhoudsopgave zegt', en: 'a part is not where the directory says' },
  truncated: { nl: 'een onderdeel loopt door tot voorbij het einde van het bestand (afgebroken?)', en: 'a part runs past the end of the file (cut off?)' },
  inflate: { nl: 'een onderdeel is beschadigd en kan niet worden uitgepakt', en: 'a part is damaged and cannot be unpacked' },
};

/** The XML validator's findings (importers/sources/archimate/xml-problem.ts): the problem and what was expected. */
function xmlWords(p: IssueParams, l: Language): { problem: string; expected?: string; alone?: boolean } {
  const tag = `<${p.tag}>`;
  const at = (line: unknown, column: unknown) => (nl(l) ? `regel ${line}, teken ${column}` : `line ${line}, column ${column}`);
  switch (p.kind) {
    case 'wrong-close': return nl(l)
      ? { problem: `</${p.other}> staat waar </${p.tag}> moet komen: ${tag} (${at(p.openLine, p.openColumn)}) is nog niet gesloten`, expected: `</${p.tag}> vóór </${p.other}>: elementen sluiten in de omgekeerde volgorde van openen` }
      : { problem: `</${p.other}> stands where </${p.tag}> should be: ${tag} (${at(p.openLine, p.openColumn)}) is not closed yet`, expected: `</${p.tag}> before </${p.other}>: elements close in the reverse order of opening` };
    case 'unclosed': return nl(l)
      ? { problem: `${tag} wordt hier geopend maar nergens gesloten: het bestand houdt eerder op (afgebroken bij opslaan of downloaden?)`, expected: `het hele bestand, tot en met </${p.tag}>` }
      : { problem: `${tag} opens here but is never closed: the file ends first (cut off while saving or downloading?)`, expected: `the whole file, up to and including </${p.tag}>` };
    case 'unclosed-many': {
      const tags = String(p.tags ?? '').split('|').filter(Boolean).map(t => `<${t}>`).join(', ');
      return nl(l)
        ? { problem: `het bestand houdt op terwijl ${tags} nog open zijn (afgebroken bij opslaan of downloaden?)`, expected: 'het hele bestand, met elk element gesloten' }
        : { problem: `the file ends while ${tags} are still open (cut off while saving or downloading?)`, expected: 'the whole file, with every element closed' };
    }
    case 'not-opened': return nl(l)
      ? { problem: `</${p.tag}> sluit een element dat niet geopend is`, expected: `een </${p.tag}> alleen na een ${tag}` }
      : { problem: `</${p.tag}> closes an element that was not opened`, expected: `a </${p.tag}> only after a ${tag}` };
    case 'ampersand': return nl(l)
      ? { problem: 'een losse & in de tekst', expected: '& geschreven als &amp; (ook in namen en beschrijvingen)' }
      : { problem: 'a bare & in the text', expected: '& written as &amp; (in names and descriptions too)' };
    case 'char': return nl(l)
      ? { problem: `het teken ${quoted(p.char)} hoort hier niet` }
      : { problem: `the character ${quoted(p.char)} does not belong here` };
    case 'extra-text': case 'several-roots': return nl(l)
      ? { problem: 'na het hoofdelement staat nog meer (twee modellen achter elkaar geplakt?)', expected: 'één hoofdelement (<model> of <archimate:model>) dat het hele bestand omvat' }
      : { problem: 'there is more after the root element (two models pasted one after the other?)', expected: 'one root element (<model> or <archimate:model>) around the whole file' };
    case 'not-xml': return nl(l)
      ? { alone: true, problem: `dit is geen XML${p.start ? `: het begint met ${quoted(p.start)}` : ''}`, expected: 'een XML-bestand, dat begint met <?xml of <model (een ArchiMate-uitwisselingsbestand uit Archi of een ander ArchiMate-programma)' }
      : { alone: true, problem: `this is not XML${p.start ? `: it starts with ${quoted(p.start)}` : ''}`, expected: 'an XML file starting with <?xml or <model (an ArchiMate exchange file from Archi or another ArchiMate tool)' };
    case 'html': return nl(l)
      ? { alone: true, problem: 'dit is een webpagina (HTML), geen ArchiMate-bestand: bijvoorbeeld een aanmeld- of foutpagina die is opgeslagen in plaats van het model', expected: 'het ArchiMate-bestand zelf (download het opnieuw, zo nodig na aanmelden)' }
      : { alone: true, problem: 'this is a web page (HTML), not an ArchiMate file: a login or error page saved instead of the model, say', expected: 'the ArchiMate file itself (download it again, after logging in if needed)' };
    case 'attribute-twice': return nl(l)
      ? { problem: `het attribuut ${quoted(p.name)} staat twee keer in hetzelfde element`, expected: 'elk attribuut één keer per element' }
      : { problem: `attribute ${quoted(p.name)} appears twice in one element`, expected: 'each attribute once per element' };
    case 'attribute-no-value': return nl(l)
      ? { problem: `het attribuut ${quoted(p.name)} heeft geen waarde`, expected: `${p.name}="…"` }
      : { problem: `attribute ${quoted(p.name)} has no value`, expected: `${p.name}="…"` };
    case 'attribute-quote': return nl(l)
      ? { problem: `een waarde in ${tag} heeft geen sluitend aanhalingsteken`, expected: 'elke attribuutwaarde tussen twee aanhalingstekens' }
      : { problem: `a value in ${tag} has no closing quote`, expected: 'every attribute value between two quotes' };
    case 'bad-name': return nl(l)
      ? { problem: `${quoted(p.tag)} is geen geldige elementnaam (een < in de tekst die als &lt; geschreven moet worden?)`, expected: '< in tekst geschreven als &lt;' }
      : { problem: `${quoted(p.tag)} is not a valid element name (a < in the text that should be written &lt;?)`, expected: '< in text written as &lt;' };
    default: {
      const detail = String(p.detail ?? '').replace(/\.$/, '');
      return nl(l) ? { problem: `technische melding: ${detail}` } : { problem: `technical message: ${detail}` };
    }
  }
}

export function moreFileMessages(): Record<MoreFileIssueCode, Phrase> {
  const noColumn = (said: Said): Said => ({ ...said, withColumn: false });
  /** The character on the line, where the reader knows it (the facts' column). */
  const character = (issue: IssueFacts, l: Language) => (issue.column && issue.line ? (nl(l) ? `teken ${issue.column}` : `column ${issue.column}`) : undefined);
  const WELL_FORMED = { nl: 'een goedgevormd XML-bestand (elk element gesloten, tekens als & geschreven als &amp;)', en: 'well-formed XML (every element closed, characters such as & written as &amp;)' };
  return {
    'xml-unreadable': (issue, p, l) => {
      const words = xmlWords(p, l);
      const lead = words.alone ? '' : `${nl(l) ? 'onleesbare XML' : 'malformed XML'}: `;
      return noColumn({ at: character(issue, l), problem: `${lead}${words.problem}`, expected: words.expected ?? WELL_FORMED[l] });
    },
    'xml-dtd': (issue, p, l) => noColumn({
      at: character(issue, l),
      problem: p.external
        ? (nl(l) ? 'het bestand verwijst naar een externe DTD of entiteit; die leest Roer niet (een bekende manier om bestanden van de server te lekken)' : 'the file refers to an external DTD or entity; Roer does not read those (a known way to leak files from the server)')
        : p.what === 'entity'
          ? (nl(l) ? 'het bestand declareert een entiteit (<!ENTITY>); die worden geweigerd' : 'the file declares an entity (<!ENTITY>); those are refused')
          : (nl(l) ? 'het bestand bevat een DTD (<!DOCTYPE>); die wordt geweigerd' : 'the file holds a DTD (<!DOCTYPE>); it is refused'),
      expected: nl(l) ? 'XML zonder <!DOCTYPE> en <!ENTITY> (Archi schrijft ze niet)' : 'XML without <!DOCTYPE> and <!ENTITY> (Archi does not write them)',
    }),
    'zip-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `${archive(p, l)} wordt uitgepakt groter dan ${sizeWords(p.max, l)}` : `${archive(p, l)} unpacks to more than ${sizeWords(p.max, l)}`)
        : (nl(l) ? `${archive(p, l)} wordt uitgepakt ${sizeWords(p.size, l)} groot` : `${archive(p, l)} unpacks to ${sizeWords(p.size, l)}`),
      expected: nl(l)
        ? `hoogstens ${sizeWords(p.max, l)} uitgepakt${isWorkbook(p) ? ' (sla grote tabellen op als CSV; daarvoor geldt deze grens niet)' : ''}`
        : `at most ${sizeWords(p.max, l)} unpacked${isWorkbook(p) ? ' (save large tables as CSV, which has no such limit)' : ''}`,
    }),
    'zip-bomb': (_issue, p, l) => noColumn({
      problem: nl(l)
        ? `onderdeel ${quoted(p.part)} van ${archive(p, l)} zou uitgepakt ${number(Number(p.times), l)} keer zo groot worden (een zip-bom?)`
        : `part ${quoted(p.part)} of ${archive(p, l)} would unpack to ${number(Number(p.times), l)} times its size (a zip bomb?)`,
      expected: nl(l)
        ? `${anArchive(p, l)}, waarvan elk onderdeel uitgepakt hoogstens ${p.max} keer zo groot wordt`
        : `${anArchive(p, l)}, each part unpacking to at most ${p.max} times its size`,
    }),
    'zip-forged': (_issue, p, l) => noColumn({
      problem: nl(l)
        ? `onderdeel ${quoted(p.part)} wordt uitgepakt groter dan de ${sizeWords(p.size, l)} die het opgeeft: ${archive(p, l)} is beschadigd of vervalst`
        : `part ${quoted(p.part)} unpacks to more than the ${sizeWords(p.size, l)} it declares: ${archive(p, l)} is damaged or forged`,
      expected: anArchive(p, l),
    }),
    'zip-too-many-entries': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${archive(p, l)} bevat ${number(Number(p.count), l)} onderdelen` : `${archive(p, l)} holds ${number(Number(p.count), l)} parts`,
      expected: nl(l)
        ? `hoogstens ${number(Number(p.max), l)} onderdelen${isWorkbook(p) ? ' (een werkboek heeft er hooguit enkele tientallen)' : ''}`
        : `at most ${number(Number(p.max), l)} parts${isWorkbook(p) ? ' (a workbook has a few dozen at most)' : ''}`,
    }),
    'zip-encrypted': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${archive(p, l)} is beveiligd met een wachtwoord` : `${archive(p, l)} is protected with a password`,
      expected: nl(l) ? `${anArchive(p, l)}, opgeslagen zonder wachtwoord` : `${anArchive(p, l)}, saved without a password`,
    }),
    'zip-unreadable': (_issue, p, l) => {
      const why = DAMAGE[String(p.why)]?.[l] ?? String(p.detail ?? p.why ?? '');
      return noColumn({
        problem: `${nl(l) ? `${archive(p, l)} is niet leesbaar` : `${archive(p, l)} cannot be read`}: ${why}${p.part && p.why !== 'entry-missing' ? ` (${quoted(p.part)})` : ''}`,
        expected: anArchive(p, l),
      });
    },
    'zip-path-outside': (_issue, p, l) => noColumn({
      problem: nl(l) ? `het archief bevat een pad buiten zijn eigen map (${quoted(p.path)})` : `the archive holds a path outside its own folder (${quoted(p.path)})`,
      expected: nl(l) ? 'een zip van één map, met alleen paden daarbinnen' : 'a zip of one folder, holding only paths inside it',
    }),
    'not-coarchi': (_issue, _p, l) => noColumn({
      problem: nl(l) ? 'geen coArchi-modelmap: model/folder.xml ontbreekt' : 'not a coArchi model folder: model/folder.xml is missing',
      expected: nl(l)
        ? 'een zip van de map die coArchi bewaart (met model/folder.xml), of één ArchiMate-bestand (.xml, .archimate)'
        : 'a zip of the folder coArchi keeps (holding model/folder.xml), or one ArchiMate file (.xml, .archimate)',
    }),
    'folder-too-large': (_issue, p, l) => noColumn({
      problem: nl(l) ? `de map heeft meer dan ${number(Number(p.files), l)} bestanden of ${sizeWords(p.max, l)}` : `the folder has more than ${number(Number(p.files), l)} files or ${sizeWords(p.max, l)}`,
      expected: nl(l) ? `een modelmap van hoogstens ${number(Number(p.files), l)} bestanden en ${sizeWords(p.max, l)}` : `a model folder of at most ${number(Number(p.files), l)} files and ${sizeWords(p.max, l)}`,
    }),
    'sbom-too-many': (_issue, p, l) => noColumn({
      problem: nl(l) ? `de SBOM noemt ${number(Number(p.count), l)} componenten` : `the SBOM lists ${number(Number(p.count), l)} components`,
      expected: nl(l) ? `hoogstens ${number(Number(p.max), l)} componenten: de SBOM van één applicatie of platform` : `at most ${number(Number(p.max), l)} components: the SBOM of one application or platform`,
    }),
    'file-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `het bestand is groter dan de ${sizeWords(p.max, l)} die Roer aanneemt` : `the file is larger than the ${sizeWords(p.max, l)} Roer accepts`)
        : (nl(l) ? `het bestand is ${sizeWords(p.size, l)}, groter dan de ${sizeWords(p.max, l)} die Roer aanneemt` : `the file is ${sizeWords(p.size, l)}, more than the ${sizeWords(p.max, l)} Roer accepts`),
      expected: nl(l) ? `een bestand van hoogstens ${sizeWords(p.max, l)}` : `a file of at most ${sizeWords(p.max, l)}`,
    }),
    'upload-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `de bestanden van deze upload zijn samen groter dan ${sizeWords(p.max, l)}` : `the files of this upload are together larger than ${sizeWords(p.max, l)}`)
        : (nl(l) ? `de upload is ${sizeWords(p.size, l)}, groter dan de ${sizeWords(p.max, l)} per keer` : `the upload is ${sizeWords(p.size, l)}, more than the ${sizeWords(p.max, l)} per request`),
      expected: nl(l) ? `hoogstens ${sizeWords(p.max, l)} per upload (upload grote bestanden apart)` : `at most ${sizeWords(p.max, l)} per upload (upload large files one at a time)`,
    }),
    'upload-too-many-files': (_issue, p, l) => noColumn({
      problem: nl(l) ? `meer dan ${p.max} bestanden in één upload` : `more than ${p.max} files in one upload`,
      expected: nl(l) ? `hoogstens ${p.max} bestanden per upload` : `at most ${p.max} files per upload`,
    }),
  };
}

/** What each file Roer could not tell looks like (importers/formats.ts `looks`): "model.zip (een zip zonder coArchi-map model/folder.xml)". */
export function seenWords(p: IssueParams, l: Language): string {
  if (p.looks === undefined) return String(p.seen ?? '').split('|').join(', ');
  const names = String(p.names ?? '').split('|');
  const LOOKS: Record<string, { nl: string; en: string }> = {
    zip: { nl: 'een zip zonder model/folder.xml, dus geen coArchi-map', en: 'a zip without model/folder.xml, so no coArchi folder' },
    coarchi: { nl: 'een coArchi-map', en: 'a coArchi folder' },
    '': { nl: 'zonder extensie', en: 'no extension' },
  };
  return String(p.looks).split('|').map((look, i) => `${names[i]} (${LOOKS[look]?.[l] ?? look})`).join(', ');
}
