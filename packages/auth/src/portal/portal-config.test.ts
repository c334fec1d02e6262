import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { navFor, portalConfigs } from './portal-config';

const hrefs = (permissions: string[]) => navFor(portalConfigs.admin, permissions).map((item) => item.href);

describe("an admin portal's navigation", () => {
  it('shows a moderator only what its permissions open', () => {
    const moderator = hrefs(['canVerifyBrands', 'canVerifyStreamers', 'canModerateContent']);
    expect(moderator).toContain('/verifications');
    expect(moderator).toContain('/moderation');
    expect(moderator).not.toContain('/money');
    expect(moderator).not.toContain('/audit-log');
    expect(moderator).not.toContain('/configuration');
  });

  it('opens an entry to any one of the permissions it names', () => {
    expect(hrefs(['canVerifyStreamers'])).toContain('/verifications');
    expect(hrefs(['canViewFinancials'])).toContain('/money');
  });

  it('keeps the entries every admin may open, and leaves the other portals alone', () => {
    expect(hrefs([])).toEqual(['/', '/health', '/settings']);
    expect(navFor(portalConfigs.brand, [])).toHaveLength(portalConfigs.brand.nav.length);
  });
});

describe("every portal's navigation", () => {
  // The portals never promise what does not work: each entry is a page of its app, not a
  // catch-all placeholder.
  const appOf = { brand: 'brand', streamer: 'streamer', admin: 'admin' } as const;
  const appDir = (role: keyof typeof appOf) =>
    fileURLToPath(new URL(`../../../../apps/${appOf[role]}/app`, import.meta.url));

  it.each(Object.keys(appOf) as Array<keyof typeof appOf>)('leads %s only to pages that exist', (role) => {
    const missing = portalConfigs[role].nav
      .map((item) => item.href)
      .filter((href) => !existsSync(path.join(appDir(role), href, 'page.tsx')));
    expect(missing).toEqual([]);
    expect(readdirSync(appDir(role)).filter((entry) => entry.startsWith('[...'))).toEqual([]);
  });
});
