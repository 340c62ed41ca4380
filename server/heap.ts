// How far V8 lets the heap grow past what survived the last full garbage collection. By default it
// allows up to four times the live set before collecting again: a server computing country-wide
// answers (a 150 MB snapshot, answers of 100,000+ rows, each leaving as much garbage) then sits at
// 1.5–2.5 GB of RSS with 200–400 MB live. A smaller factor collects sooner: measured on the country,
// 25 % keeps country-wide analyses near 700 MB for about a quarter more time on the largest ones
// (README "Performance").
import v8 from 'node:v8';

/** Sets V8's heap growing factor to 1 + percent/100; 0 leaves V8's own (adaptive, up to 4×). Takes effect at the next collection. */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
