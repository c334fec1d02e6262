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
