// The order of the single-points-of-failure ranking: most business-critical applications failing first,
// then most business functions lost, then most applications failing; articulation points before others
// at equal impact; then by uid, so the order is stable. Pure: the web page ranks several organisations'
// rows together by it (the analysis ranks within each organisation).
type Ranked = { failedCriticalApplications?: unknown; failedBusinessFunctions?: unknown; failedApplications?: unknown; articulationPoint?: unknown; uid?: unknown };

export const byImpact = (a: Ranked, b: Ranked): number =>
  Number(b.failedCriticalApplications ?? 0) - Number(a.failedCriticalApplications ?? 0) ||
  Number(b.failedBusinessFunctions ?? 0) - Number(a.failedBusinessFunctions ?? 0) ||
  Number(b.failedApplications ?? 0) - Number(a.failedApplications ?? 0) ||
  Number(Boolean(b.articulationPoint)) - Number(Boolean(a.articulationPoint)) ||
  String(a.uid).localeCompare(String(b.uid));
