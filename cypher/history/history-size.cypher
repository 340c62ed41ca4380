// title: Size of the history
// description: How many row buckets, run diffs and headline records there are, and the bytes of what they hold (deflated rows and diffs as stored, uids, hashes and JSON as characters): the row state, the history of the last runs (and its largest run), and the headline numbers (npm run bench -- import).
CALL () {
  MATCH (b:RowBucket)
  RETURN count(b) AS buckets, sum(size(b.rows) + reduce(n = 0, u IN b.uids | n + size(u)) + reduce(n = 0, x IN b.hashes | n + size(x))) AS stateBytes
}
CALL () {
  MATCH (d:RunDiff)
  RETURN count(d) AS diffs, sum(coalesce(size(d.changes), 0) + size(d.counts) + coalesce(size(d.graph), 0)) AS diffBytes,
         max(coalesce(size(d.changes), 0) + size(d.counts) + coalesce(size(d.graph), 0)) AS largestDiffBytes
}
CALL () {
  MATCH (h:Headline)
  // Every list a headline keeps as JSON; the suppliers' shares and the ranking are null in headlines recorded before them.
  RETURN count(h) AS headlines, sum(size(h.spofs) + size(h.notice) + coalesce(size(h.suppliers), 0) + coalesce(size(h.spofRanking), 0)) AS headlineBytes
}
RETURN buckets, stateBytes, diffs, diffBytes, largestDiffBytes, headlines, headlineBytes
