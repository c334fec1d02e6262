/* eslint-disable no-console -- a benchmark reports on the console */
import { gzipSync } from 'node:zlib';
import { overlayScripts } from '../app/overlay/[key]/overlay-scripts';

// Already a single tiny iteration: BENCH_DRY_RUN=1 changes nothing here.
/** The overlay page's first-load JavaScript (all inline: pusher-js, the core, the page), as served. */
const BUDGET_GZIP_BYTES = 30 * 1024;

const scripts = overlayScripts();
const gzip = gzipSync(scripts).length;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log('overlay page first-load JavaScript');
console.log(`  raw ${kB(Buffer.byteLength(scripts))}, gzip ${kB(gzip)} (budget ${kB(BUDGET_GZIP_BYTES)}: ${gzip <= BUDGET_GZIP_BYTES ? 'met' : 'NOT met'})`);
if (gzip > BUDGET_GZIP_BYTES) process.exitCode = 1;
