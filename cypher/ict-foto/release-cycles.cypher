// title: ICT-foto: release cycles
// description: Every release cycle an endoflife.date source gave, with the product's names, its end of support (eol: a date, or eolReached true/false when the source gives no date) and its latest version.
MATCH (c:ReleaseCycle)
RETURN c.product AS product, c.productNames AS productNames, c.cycle AS cycle, c.releaseDate AS releaseDate,
  c.eol AS eol, c.eolReached AS eolReached, c.support AS support, c.latest AS latest, coalesce(c.lts, false) AS lts
ORDER BY product, cycle
