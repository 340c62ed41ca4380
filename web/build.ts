// Bundles the browser app (and its layout Web Worker) with esbuild into web/dist/, which the server
// serves at '/'. Run as a script (`tsx web/build.ts`) or call buildWeb() at server start.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../server/paths.js';

// From the project root, not from this module: it also runs compiled, from .build/web/.
const here = (path: string) => fromRoot('web', path);

/** Builds web/dist (or `outdir`) and returns its path. */
export async function buildWeb(options: { outdir?: string; minify?: boolean } = {}): Promise<string> {
  const outdir = options.outdir ?? here('./dist');
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { main: here('./src/main.ts'), 'layout-worker': here('./src/layout-worker.ts'), 'main-style': here('./src/styles.css') },
    outdir,
    bundle: true,
    format: 'esm',
    splitting: false,
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify: options.minify ?? true,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    // The worker is loaded as new URL('./layout-worker.js', import.meta.url): keep that name.
    entryNames: '[name]',
  });
  // CSS as main.css, next to index.html.
  await copyFile(`${outdir}/main-style.css`, `${outdir}/main.css`);
  await copyFile(here('./src/index.html'), `${outdir}/index.html`);
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const dir = await buildWeb();
  console.log(`web built into ${dir} in ${Math.round(performance.now() - started)} ms`);
}
