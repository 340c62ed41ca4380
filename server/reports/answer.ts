// The first page of a report: the answer in a few sentences, the figures a person acts on, the
// largest risks and the contracts to act on (in the contract calendar's order). Pure, for the PDF and
// the report page alike.
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../format.js';
import { BAND_NAMES, FACTOR_NAMES, type Language, YES_NO, kindWords, lowerFirst, propertyName, valueName } from '../labels.js';
import type { ReportContract, ReportData } from './report-data.js';
import { byUrgency, urgencyOf, urgencyRank } from '../analyses/contract-term.js';
import type { ChainStep } from '../analyses/sovereignty.js';
import { chainText } from './chain.js';
import { hasEnded, termToActOn } from './contract-name.js';
import { shownContributions } from './lock-in-words.js';
import { countedText, listWords, reportText } from './words.js';

/** A key figure: its text for the page and the PDF, and its number and kind for a workbook cell. */
export type Figure = { value: string; label: string; amount: number; type: 'integer' | 'decimal' | 'money' };

const figure = (amount: number, label: string, language: Language, type: Figure['type'] = 'integer'): Figure => ({
  value: type === 'money' ? formatMoney(amount, language) : formatNumber(amount, language, type === 'decimal' ? 1 : undefined), label, amount, type,
});
export type Answer = { sentences: string[]; figures: Figure[]; risks: string[]; actions: ReportContract[] };

/** Contracts on the first page: every one to act on now, then the next ones up to this many. */
export const ACTIONS = 8;
/** Kwetsbaarste punten among an organisation's largest risks: the first rows of its table. */
export const SPOF_RISKS = 3;
const SOON_DAYS = 183;

const count = (language: Language, what: 'applications' | 'platforms', n: number) =>
  reportText(language, n === 1 ? `answer.${what}.one` : `answer.${what}.many`, { n: formatNumber(n, language) });

/** "44 applicaties en 2 platforms". */
const applicationsAndPlatforms = (language: Language, applications: number, platforms: number) =>
  [applications > 0 || platforms === 0 ? count(language, 'applications', applications) : null, platforms > 0 ? count(language, 'platforms', platforms) : null]
    .filter((p): p is string => p !== null).join(` ${reportText(language, 'answer.and')} `);

/** A few business functions named, "en 3 andere (zie de tabel)" for the rest: the table lists them all. */
const namedFunctions = (language: Language, functions: string[]) =>
  listWords(functions.length <= NAMED ? functions : [...functions.slice(0, NAMED - 1), reportText(language, 'answer.others', { n: functions.length - NAMED + 1 })], language);

/** " en stoppen 3 bedrijfsfuncties: …". */
const functionsClause = (language: Language, functions: string[]) => functions.length === 0 ? reportText(language, 'answer.functions.none')
  : reportText(language, functions.length === 1 ? 'answer.functions.one' : 'answer.functions.many', { n: functions.length, list: namedFunctions(language, functions) });

/** "vallen 44 applicaties en 2 platforms uit, waarvan 12 bedrijfskritisch en stoppen 3 bedrijfsfuncties: …". */
export function failure(language: Language, failed: { applications: number; platforms: number; critical: number; functions: string[] }): string {
  const plural = failed.applications + failed.platforms !== 1;
  let text = reportText(language, plural ? 'answer.fail.many' : 'answer.fail.one', { what: applicationsAndPlatforms(language, failed.applications, failed.platforms) });
  if (failed.critical > 0) text += reportText(language, 'answer.critical', { n: formatNumber(failed.critical, language) });
  return text + functionsClause(language, failed.functions);
}

/**
 * What fails with the subject, split by how it is hit: directly (supplied, hosted, running on it, or the
 * application itself) or only through interfaces that bring data from what fails. The whole chain as one
 * number ("352 van de 400 vallen uit") read as "almost everything fails" to a user.
 */
function hitSentences(data: ReportData, language: Language): string[] {
  const { subject } = data;
  const applications = data.dependants.filter(r => r.kind === 'Application');
  const direct = applications.filter(r => r.direct);
  const through = applications.filter(r => !r.direct);
  const platforms = data.dependants.length - applications.length;
  const critical = (rows: typeof applications) => {
    const n = rows.filter(r => r.criticality === 'high' || r.criticality === 'critical').length;
    return n ? reportText(language, 'answer.critical', { n: formatNumber(n, language) }) : '';
  };
  const n = (rows: unknown[]) => formatNumber(rows.length, language);
  const sentences: string[] = [];
  if (subject.kind === 'Application') {
    if (through.length) sentences.push(countedText(language, 'answer.hit.Application', through.length, { n: n(through), name: subject.name, critical: critical(through) }));
  } else {
    const kind = subject.kind === 'Platform' ? 'Platform' : subject.kind === 'SupplierGroup' ? 'SupplierGroup' : 'Supplier';
    if (direct.length + platforms) sentences.push(countedText(language, `answer.hit.${kind}`, direct.length + platforms, { name: subject.name, what: applicationsAndPlatforms(language, direct.length, platforms), critical: critical(direct) }));
    if (through.length) sentences.push(countedText(language, 'answer.hit.interfaces', through.length, { n: n(through), critical: critical(through) }));
  }
  return sentences;
}

/** Business functions named in one sentence. */
const NAMED = 6;

// Only a contract that renews automatically has a notice deadline (server/analyses/contract-term.ts);
// one that does not is acted on by its end date, before which what follows it must be arranged.
const upcoming = (data: ReportData) => data.contracts.filter(c => c.noticeDeadline && c.noticeDeadline >= data.today);
const passed = (data: ReportData) => data.contracts.filter(c => c.noticeDeadline && c.noticeDeadline < data.today && (c.end ?? '') >= data.today);
/**
 * What a buyer acts on, in the contract calendar's order (server/analyses/contract-term.ts): first what to
 * arrange now for a business-critical application, then the rest of the quarter and the contracts past their
 * notice deadline, each by the date to act by; then the next dates, up to ACTIONS in all. Every one of the
 * first two ranks is listed however many (a buyer missed 14 of 22 behind a cut at 8).
 */
function toActOn(data: ReportData): ReportContract[] {
  const order = byUrgency(data.today);
  const sorted = running(data).flatMap(c => { const term = termToActOn(c); return term ? [{ c, term }] : []; }).sort((a, b) => order(a.term, b.term));
  // Ranked first, so the first two ranks lead; then the next up to ACTIONS.
  const now = sorted.filter(({ term }) => urgencyRank(urgencyOf(term, data.today)) <= 1).length;
  return sorted.slice(0, Math.max(now, ACTIONS)).map(({ c }) => c);
}
const soonCount = (data: ReportData) => upcoming(data).filter(c => (Date.parse(String(c.noticeDeadline)) - Date.parse(data.today)) / 86_400_000 <= SOON_DAYS).length;
const annualValue = (contracts: ReportContract[]) => contracts.reduce((sum, c) => sum + (c.annualValue ?? 0), 0);
// What is spent and arranged today: a reader took "Roer kent 5 contracten" for five running ones while one had ended.
const running = (data: ReportData) => data.contracts.filter(c => !hasEnded(c, data.today));

/** "Roer kent 4 lopende contracten, samen € 312.000 per jaar; 1 contract is beëindigd." Null without contracts. */
function contractsSentence(data: ReportData, language: Language): string | null {
  const current = running(data);
  const ended = data.contracts.length - current.length;
  if (data.contracts.length === 0) return null;
  const endedText = ended ? countedText(language, 'answer.ended', ended, { n: formatNumber(ended, language) }) : '';
  return current.length ? countedText(language, 'answer.contracts', current.length, { value: formatMoney(annualValue(current), language), ended: endedText })
    : reportText(language, 'answer.contracts.none', { ended: endedText });
}

function factorWords(data: ReportData, language: Language, n: number): string[] {
  return [...(data.lockIn?.factors ?? [])].filter(f => f.contribution > 0).sort((a, b) => b.contribution - a.contribution).slice(0, n)
    .map(f => lowerFirst(valueName(FACTOR_NAMES, f.factor, language)));
}

/** The functions that stop: through what fails directly (those whose applications only miss data do not). */
function lostFunctions(data: ReportData): string[] {
  const several = new Set(data.functions.map(f => f.organisation)).size > 1;
  return data.functions.filter(stops).map(f => (several ? `${f.name} (${data.organisations[f.organisation] ?? f.organisation})` : f.name));
}
const stops = (f: ReportData['functions'][number]) => (f.effect ? f.effect === 'stops' : f.lostAllSupport);

/**
 * What fails with the subject, split as the answer's sentences: "vallen 84 applicaties direct uit en
 * missen 268 applicaties gegevens via koppelingen en stoppen …". A user read one number beside a split summary.
 */
function subjectFailure(data: ReportData, language: Language): string | null {
  const applications = data.dependants.filter(r => r.kind === 'Application');
  const direct = applications.filter(r => r.direct).length;
  const split = failedSplit(language, direct, applications.length - direct, data.dependants.length - applications.length);
  return split === null ? null : split + functionsClause(language, lostFunctions(data));
}

/** "vallen 84 applicaties direct uit en missen 268 applicaties gegevens via koppelingen"; null when nothing fails. */
function failedSplit(language: Language, direct: number, through: number, platforms: number): string | null {
  const parts = [
    direct + platforms ? reportText(language, direct + platforms === 1 ? 'answer.failDirect.one' : 'answer.failDirect.many', { what: applicationsAndPlatforms(language, direct, platforms) }) : null,
    through ? countedText(language, 'answer.failThrough', through, { n: formatNumber(through, language) }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(` ${reportText(language, 'answer.and')} `);
}

function subjectAnswer(data: ReportData, language: Language): Answer {
  const { subject } = data;
  const applications = data.dependants.filter(r => r.kind === 'Application');
  const critical = applications.filter(r => r.criticality === 'high' || r.criticality === 'critical').length;
  const platforms = data.dependants.length - applications.length;
  const functions = lostFunctions(data);
  const sentences: string[] = hitSentences(data, language);
  if (sentences.length === 0) sentences.push(reportText(language, 'answer.nothing', { name: subject.name }));
  else sentences.push(functions.length === 0 ? reportText(language, 'answer.then.none') : countedText(language, 'answer.then', functions.length, { list: namedFunctions(language, functions) }));
  const missingData = data.functions.filter(f => f.effect === 'missesData').length;
  if (missingData) sentences.push(countedText(language, 'answer.dataFunctions', missingData, { n: formatNumber(missingData, language) }));
  const factors = factorWords(data, language, 2);
  if (data.lockIn && factors.length) sentences.push(reportText(language, 'answer.lockIn', { score: formatNumber(data.lockIn.score, language, 1), factors: listWords(factors, language) }));
  const contracts = contractsSentence(data, language);
  if (contracts) sentences.push(contracts);

  // Split as the sentences are; an application's dependants all only miss its data.
  const direct = applications.filter(r => r.direct).length;
  const figures: Figure[] = [
    ...(subject.kind === 'Application' ? [] : [figure(direct, countedText(language, 'figure.failedDirect', direct), language)]),
    ...(applications.length > direct || subject.kind === 'Application' ? [figure(applications.length - direct, countedText(language, 'figure.failedThrough', applications.length - direct), language)] : []),
    figure(critical, countedText(language, 'figure.critical', critical), language),
    figure(functions.length, countedText(language, 'figure.functions', functions.length), language),
  ];
  if (platforms > 0) figures.splice(1, 0, figure(platforms, countedText(language, 'figure.failedPlatforms', platforms), language));
  if (running(data).length) figures.push(figure(annualValue(running(data)), reportText(language, 'figure.contractValue'), language, 'money'));
  if (data.lockIn) figures.push(figure(data.lockIn.score, reportText(language, 'figure.lockIn'), language, 'decimal'));

  const risks: string[] = [];
  const shown = data.lockIn ? shownContributions(data.lockIn) : new Map<string, number>();
  for (const factor of [...(data.lockIn?.factors ?? [])].filter(f => f.contribution >= 5).sort((a, b) => b.contribution - a.contribution).slice(0, 3)) {
    risks.push(reportText(language, 'risk.factor', { factor: valueName(FACTOR_NAMES, factor.factor, language), points: formatNumber(shown.get(factor.factor) ?? factor.contribution, language, 1), score: formatNumber(data.lockIn!.score, language, 1) }));
  }
  const own = data.spofs.find(row => row.uid === subject.uid);
  if (own?.articulationPoint) risks.push(reportText(language, 'risk.articulation', { name: subject.name }));
  // A platform or supplier is never an articulation point of the application graph, yet may rank first.
  // Its rank is the landscape's; what fails is said as the summary says it (direct apart from missing data).
  else if (own && Number(own.failedApplications) > 0) risks.push(reportText(language, 'risk.ownSpof', { name: subject.name, rank: formatNumber(Number(own.rank ?? data.spofs.indexOf(own) + 1), language), fail: subjectFailure(data, language) ?? spofFailure(own, language) }));
  const upstream = new Set(data.dependencies.map(r => r.uid));
  for (const row of data.spofs.filter(r => upstream.has(String(r.uid))).sort((a, b) => Number(b.failedApplications) - Number(a.failedApplications)).slice(0, 2)) {
    risks.push(reportText(language, 'risk.upstream', { name: String(row.name), kind: kindWords(String(row.kind), language).toLowerCase(), fail: spofFailure(row, language) }));
  }
  contractRisks(data, language, risks);
  const exposed = data.sovereignty?.rows.find(row => row.uid === subject.uid);
  if (exposed) risks.push(reportText(language, 'risk.sovereignty', { chain: chainText((exposed.chain ?? []) as ChainStep[], language), score: formatNumber(Number(exposed.exitReadiness), language, 1) }));
  return { sentences, figures, risks, actions: toActOn(data) };
}

/** "3 van de 40 applicaties zijn afhankelijk van een partij buiten de EU (…); zonder die partijen stoppen …". */
function sovereigntySentence(data: ReportData, language: Language): string | null {
  const overall = data.sovereignty?.overall;
  if (!overall || !overall.exposed) return null;
  // Split as the what-if is: the exposed fail directly, the others only miss data through interfaces.
  const others = Math.max(0, (overall.applicationsFailed ?? 0) - overall.exposed);
  const fail = (others ? countedText(language, 'answer.sovereigntyFail', others, { exposed: formatNumber(overall.exposed, language), n: formatNumber(others, language) })
    : reportText(language, 'answer.sovereigntyFail.none', { exposed: formatNumber(overall.exposed, language) })) + functionsClause(language, data.sovereignty!.functionsLost);
  return `${reportText(language, 'answer.sovereignty', {
    exposed: formatNumber(overall.exposed, language), total: formatNumber(overall.applications, language), exposedShare: formatPercent(overall.exposedShare, language), share: formatPercent(overall.exposedContractValueShare, language), fail,
  })}.`;
}

function spofFailure(row: Record<string, unknown>, language: Language): string {
  // Split as the what-if is: down directly apart from only missing data, and the functions that stop
  // because all their applications are down directly.
  const total = Number(row.failedApplications) || 0;
  const direct = row.directlyFailedApplications === undefined ? total : Number(row.directlyFailedApplications) || 0;
  const critical = Number(row.failedCriticalApplications) || 0;
  const functions = (row.stoppingBusinessFunctions as string[] | undefined) ?? [];
  const split = direct < total ? failedSplit(language, direct, total - direct, 0) : null;
  if (split === null) return failure(language, { applications: total, platforms: 0, critical, functions });
  return split + (critical > 0 ? reportText(language, 'answer.criticalOfAll', { n: formatNumber(critical, language) }) : '') + functionsClause(language, functions);
}

function contractRisks(data: ReportData, language: Language, risks: string[]): void {
  // Only a contract that renews automatically can be past its notice deadline: it renews.
  const overdue = passed(data).length;
  if (overdue) risks.push(countedText(language, 'risk.overdue', overdue, { renew: reportText(language, overdue === 1 ? 'risk.renew.one' : 'risk.renew.all') }));
  // An ended contract's exit plan no longer helps, nor does its lack hurt.
  const current = running(data);
  const noExit = current.filter(c => !c.exitPlan).length;
  if (noExit > 0 && noExit === current.length) risks.push(reportText(language, noExit === 1 ? 'risk.noExitPlan.only' : 'risk.noExitPlan.all'));
  else if (noExit > 0) risks.push(countedText(language, 'risk.noExitPlan', noExit, { total: formatNumber(current.length, language) }));
}

function organisationAnswer(data: ReportData, language: Language): Answer {
  const name = data.subject.name;
  const byCount = data.concentration?.applications;
  const byValue = data.concentration?.contractValue;
  const applications = byCount?.total ?? 0;
  const value = byValue?.total ?? annualValue(data.contracts);
  // The suppliers of its applications, and those in the Leveranciers table that supply none (a platform's host, a contract only): the table's number is the figure's.
  const suppliers = data.exposure.length;
  const withApplications = data.exposure.filter(row => Number(row.applications) > 0).length;
  const sentences = [reportText(language, 'answer.organisation', {
    name, applications: count(language, 'applications', applications), suppliers: formatNumber(withApplications, language), value: formatMoney(value, language),
  })];
  if (suppliers > withApplications) sentences.push(countedText(language, 'answer.otherSuppliers', suppliers - withApplications, { total: formatNumber(suppliers, language) }));
  const largest = data.exposure.find(row => row.uid === byValue?.largest);
  if (byValue?.hhi !== null && byValue?.hhi !== undefined && largest) {
    sentences.push(reportText(language, 'answer.largest', {
      supplier: String(largest.name), share: formatPercent(largest.contractValueShare, language), band: valueName(BAND_NAMES, byValue.band, language), hhi: formatNumber(byValue.hhi, language),
    }));
  }
  const worst = data.spofs[0];
  if (worst) sentences.push(reportText(language, 'answer.worst', { name: String(worst.name), fail: spofFailure(worst, language) }));
  const sovereignty = sovereigntySentence(data, language);
  if (sovereignty) sentences.push(sovereignty);
  const ictFoto = data.ictFoto?.overall;
  if (ictFoto && (ictFoto.applicationsUnsupported || ictFoto.applicationsEnding)) {
    sentences.push(`${countedText(language, 'answer.ictFoto', ictFoto.applicationsUnsupported, {
      n: formatNumber(ictFoto.applicationsUnsupported, language), functions: formatNumber(ictFoto.criticalFunctionsUnsupported, language), ending: formatNumber(ictFoto.applicationsEnding, language),
    })}.`);
  }
  const commonGround = data.commonGround?.row;
  if (commonGround && commonGround.commonGroundScore !== null) {
    sentences.push(reportText(language, 'answer.commonGround', {
      score: formatNumber(Number(commonGround.commonGroundScore), language, 1), openApi: formatPercent(commonGround.openApiShare, language),
      copies: formatNumber(Number(commonGround.receiversByCopy), language), receivers: formatNumber(Number(commonGround.baseRegistrationReceivers), language),
    }));
  }

  const soon = soonCount(data);
  const figures: Figure[] = [
    figure(applications, reportText(language, 'figure.applications'), language),
    figure(suppliers, suppliers > withApplications ? reportText(language, 'figure.suppliersOther', { n: formatNumber(suppliers - withApplications, language) }) : reportText(language, 'figure.suppliers'), language),
    figure(value, reportText(language, 'figure.contractValue'), language, 'money'),
  ];
  if (byValue?.hhi !== null && byValue?.hhi !== undefined) figures.push(figure(byValue.hhi, reportText(language, 'figure.hhi', { band: valueName(BAND_NAMES, byValue.band, language) }), language));
  figures.push(figure(soon, reportText(language, 'figure.noticeSoon'), language));

  // The first rows of the kwetsbaarste punten table, the worst (named in the answer) first: page 1 and the table agree.
  const risks = data.spofs.slice(0, SPOF_RISKS).map(row => reportText(language, 'risk.spof', { name: String(row.name), kind: kindWords(String(row.kind), language).toLowerCase(), fail: spofFailure(row, language) }));
  const top = data.lockInRanking[0];
  if (top) {
    risks.push(reportText(language, 'risk.topLockIn', {
      name: String(top.name), score: formatNumber(top.score, language, 1), factors: listWords(((top.topFactors as string[]) ?? []).map(f => lowerFirst(valueName(FACTOR_NAMES, f, language))), language),
    }));
  }
  contractRisks(data, language, risks);
  return { sentences, figures, risks, actions: toActOn(data) };
}

/**
 * What the Verloop's numbers are made of today: its contracts in or past their notice window as the first
 * page's two numbers added up, and what a scharnierpunt is beside the kwetsbaarste punten.
 */
export function trendNotes(data: ReportData, language: Language): string[] {
  const soon = soonCount(data), overdue = passed(data).length;
  return [
    reportText(language, 'trend.noticeSplit', { total: formatNumber(soon + overdue, language), soon: formatNumber(soon, language), passed: formatNumber(overdue, language) }),
    reportText(language, 'trend.articulation'),
  ];
}

/** The answer-first page of `data` in `language`. */
export function reportAnswer(data: ReportData, language: Language): Answer {
  return data.subject.kind === 'Organisation' ? organisationAnswer(data, language) : subjectAnswer(data, language);
}

/** The subtitle under a report's title: kind, the organisation(s) it covers and the date. */
/** The subject's own facts in one line: "Versie: v4.2.0 · BBN (basisbeveiligingsniveau): 2 · …"; empty when it has none. */
export function reportFacts(data: ReportData, language: Language, formatDay: (iso: string) => string): string {
  return (data.subject.facts ?? []).map(({ key, value }) => {
    const shown = typeof value === 'boolean' ? YES_NO[value ? 'yes' : 'no'][language] : key === 'useStart' || key === 'useEnd' ? formatDay(String(value)) : String(value);
    return `${propertyName(key, language)}: ${shown}`;
  }).join(' · ');
}

/** "Organisatie · Gemaakt op 05-12-2026 14:46": with the time, as the imports it compares are named by theirs. */
export function reportSubtitle(data: ReportData, language: Language): string {
  const own = data.subject.organisation ? [data.subject.organisation] : data.subject.kind === 'Organisation' ? [] : Object.keys(data.organisations);
  const names = own.map(id => data.organisations[id] ?? id);
  const scope = names.length === 0 ? null : names.length <= 3 ? listWords(names, language) : reportText(language, 'organisations', { n: names.length });
  return [kindWords(data.subject.kind, language), scope, reportText(language, 'generated', { date: formatDateTime(data.generatedAt, language) })].filter(Boolean).join(' · ');
}
