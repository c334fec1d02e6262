import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPortalBuildEnv, missingPortalEnv, portalEnvironment } from '@gametriggers/config/portal-env';
import { portals, repoRoot } from '@gametriggers/devstack';
import { describe, expect, it } from 'vitest';
import { vercelProject } from './vercel';

const portalName = (dir: string) => dir as keyof typeof portalEnvironment;

describe('each portal as a Vercel project', () => {
  it('builds with turbo from the root and rebuilds only when it or its packages changed', () => {
    for (const entry of portals) {
      const project = vercelProject(entry);
      expect(project.framework).toBe('nextjs');
      expect(project.buildCommand).toContain(`turbo run build --filter=${entry.package}`);
      expect(project.ignoreCommand).toBe(`npx turbo-ignore ${entry.package} --fallback=HEAD^1`);
    }
  });

  it('stops a deployment build that lacks a required variable, naming every one', () => {
    const complete = Object.fromEntries(portalEnvironment.streamer.required.map((name) => [name, 'set']));
    expect(() => checkPortalBuildEnv('streamer', { ...complete, VERCEL: '1' })).not.toThrow();
    const { NEXTAUTH_SECRET: _secret, OVERLAY_SERVICE_URL: _overlay, ...partial } = complete;
    expect(() => checkPortalBuildEnv('streamer', { ...partial, VERCEL: '1' })).toThrow('without: NEXTAUTH_SECRET, OVERLAY_SERVICE_URL');
    // Local and CI builds are not deployments: nothing is required of them.
    expect(() => checkPortalBuildEnv('streamer', partial)).not.toThrow();
    expect(missingPortalEnv('landing', {})).toEqual(portalEnvironment.landing.required);
  });

  it('documents every variable a portal reads in deploy/README.md', () => {
    const readme = readFileSync(path.join(repoRoot, 'deploy/README.md'), 'utf8');
    for (const entry of portals) {
      const { required, optional } = portalEnvironment[portalName(entry.dir)];
      for (const name of [...required, ...optional]) expect(readme, `${entry.name}: ${name}`).toContain(`\`${name}\``);
    }
  });
});
