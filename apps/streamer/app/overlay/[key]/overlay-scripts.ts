import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

function pusherBrowserBundle(root: string): string {
  // pusher-js is a dependency of @gametriggers/realtime; its prebuilt browser bundle is used as is.
  const fromRealtime = createRequire(path.join(root, '../../packages/realtime/package.json'));
  const bundle = readFileSync(fromRealtime.resolve('pusher-js/dist/web/pusher.min.js'), 'utf8');
  // Inlined, the map's relative URL would point at the overlay route.
  return bundle.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
}

/**
 * Every script the overlay page runs, in order: pusher-js, the pure core, the page. Read from disk
 * (this app's directory is the working directory of `next dev` and `next start`) and kept once
 * read in production.
 */
export function overlayScripts(): string {
  if (cached) return cached;
  const root = process.cwd();
  const own = (name: string) => readFileSync(path.join(root, 'overlay-client', name), 'utf8');
  const scripts = [pusherBrowserBundle(root), own('overlay-core.js'), own('overlay-page.js')].join(
    '\n;\n',
  );
  if (process.env.NODE_ENV === 'production') cached = scripts;
  return scripts;
}
