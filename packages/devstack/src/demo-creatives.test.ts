import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assetUseFiles } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_CREATIVES_DIR, demoCreativeFile } from './demo-creatives';
import { demoBrands } from './demo-marketplace';

const demoCampaigns = demoBrands.flatMap((brand) => brand.campaigns);

/** A JPEG's width and height, from its start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  throw new Error('No start of frame');
}

describe('the demo creatives', () => {
  it.each(demoCampaigns.map((campaign) => [campaign.key, campaign.fields.image]))(
    '%s uploads a small real JPEG a campaign creative may be (%s)',
    (_key, image) => {
      const bytes = readFileSync(path.join(DEMO_CREATIVES_DIR, image));
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(bytes.length).toBeLessThan(64 * 1024);
      expect(bytes.length).toBeLessThan(assetUseFiles.campaignCreative.maxBytes.image!);
      expect(jpegSize(bytes)).toEqual({ width: 1280, height: 720 });
      const file = demoCreativeFile(image);
      expect(file.type).toBe('image/jpeg');
      expect(assetUseFiles.campaignCreative.contentTypes[file.type]).toBe('image');
    },
  );

  it('ships no file that no demo campaign uses', () => {
    const shipped = readdirSync(DEMO_CREATIVES_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.jpg'));
    expect(shipped.sort()).toEqual([...new Set(demoCampaigns.map((campaign) => campaign.fields.image))].sort());
  });
});
