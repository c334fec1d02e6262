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
 * A module made only of `export function` / `export var` declarations as a plain script that puts
 * its exports on `globalThis[globalName]`: the page has no bundler, and the portals import the same
 * file as a module.
 */
export function moduleAsScript(source: string, globalName: string): string {
  const names: string[] = [];
  const body = source.replace(/^export (function|var) (\w+)/gm, (_match, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body)) {
    throw new Error(`${globalName}: only export function / export var declarations can be inlined`);
  }
  return `(function () {\n${body}\nglobalThis.${globalName} = { ${names.join(', ')} };\n})();`;
}

/** The shared ad card (`@gametriggers/ui/ad-card`), which the portals' previews mount too. */
export function adCardScript(root: string): string {
  const fromPortal = createRequire(path.join(root, 'package.json'));
  return moduleAsScript(readFileSync(fromPortal.resolve('@gametriggers/ui/ad-card'), 'utf8'), 'GametriggersAdCard');
}

/**
 * Every script the overlay page runs, in order: pusher-js, the ad card, the pure core, the page.
 * Read from disk (this app's directory is the working directory of `next dev` and `next start`)
 * and kept once read in production.
 */
export function overlayScripts(): string {
  if (cached) return cached;
  const root = process.cwd();
  const own = (name: string) => readFileSync(path.join(root, 'overlay-client', name), 'utf8');
  const scripts = [
    pusherBrowserBundle(root),
    adCardScript(root),
    own('overlay-core.js'),
    own('overlay-page.js'),
  ].join('\n;\n');
  if (process.env.NODE_ENV === 'production') cached = scripts;
  return scripts;
}
