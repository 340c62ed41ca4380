// title: Organisations without foreign sources
// description: Of the organisations $organisations, those whose own Organisation node carries every source that any organisation, or any organisation's model element, is stamped with. For them exports/organisation-scope has no foreign source (one of other organisations only): every stamped relationship and node around their own stays inside their boundary, so their headline numbers (server/analyses/headlines.ts) are those of their own part of the snapshot, and no scope is fetched. Conservative: a source it does not see on the node sends the organisation through the whole scope.
CALL () {
  MATCH (o:Organisation)
  UNWIND coalesce(o.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS organisationSources
}
CALL () {
  MATCH (e:Element) WHERE e.organisation IS NOT NULL
  UNWIND coalesce(e.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS elementSources
}
WITH organisationSources + elementSources AS every
MATCH (o:Organisation) WHERE o.id IN $organisations
WITH every, o, [stamp IN coalesce(o.runs, []) | split(stamp, '#')[0]] AS own
WHERE all(source IN every WHERE source IN own)
RETURN collect(o.id) AS organisations
