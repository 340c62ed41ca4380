// title: Whether a source's files are unchanged since its latest run
// description: The latest run of $source, if it succeeded with the same $digest of its validated files, no import has been active since it started that could have changed the source's facts (another run of the source, a run that did not succeed, or one that gave the source's nodes or relationships other properties: `overwrote`, or did not know: null), and the nodes $uids still carry the stamp of the run that wrote the source's facts (a deleted source has none). A run that found its files unchanged wrote nothing, so it carries the stamp of the run that did. No row: the import writes as usual.
MATCH (last:ImportRun {source: $source})
WITH last ORDER BY last.startedAt DESC LIMIT 1
WITH last
WHERE last.status = 'ok' AND last.digest = $digest
  AND NOT EXISTS {
    MATCH (other:ImportRun)
    WHERE other.runId <> last.runId AND (other.startedAt >= last.startedAt OR other.finishedAt IS NULL OR other.finishedAt > last.startedAt)
      AND (other.source = $source OR other.status <> 'ok' OR other.overwrote IS NULL OR $source IN other.overwrote)
  }
WITH last, coalesce(last.stamp, last.source + '#' + last.runId) AS stamp
WHERE all(uid IN $uids WHERE EXISTS { MATCH (n:Entity {uid: uid}) WHERE stamp IN n.runs })
RETURN last.runId AS runId, toString(last.finishedAt) AS finishedAt, stamp, last.asserted AS asserted, last.counts AS counts
