import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { creativeSchema } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { demoBrands } from './demo-marketplace';
import { repoRoot } from './infrastructure';

const creativesDir = path.join(repoRoot, 'apps/streamer/public/creatives/demo');
const demoCampaigns = demoBrands.flatMap((brand) => brand.campaigns);

describe('the demo creatives', () => {
  it.each(demoCampaigns.map((campaign) => [campaign.key, campaign.fields.image]))(
    '%s shows a small real image shipped with the streamer portal (%s)',
    (_key, image) => {
      const file = path.join(creativesDir, image);
      expect(statSync(file).size).toBeLessThan(8 * 1024);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 1280 720"/);
    },
  );

  it('are at addresses a development campaign service accepts', () => {
    const url = `http://localhost:3002/creatives/demo/${demoCampaigns[0]!.fields.image}`;
    expect(creativeSchema.parse({ type: 'image', url }).url).toBe(url);
  });
});
