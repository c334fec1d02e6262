import { describe, expect, it } from 'vitest';
import { clickInvalidReason, isBotUserAgent, isWebUrl, visitorHash } from './click-rules';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const counted = { userAgent: BROWSER, linkStatus: 'delivering', campaignStatus: 'active', repeat: false };

describe('click rules', () => {
  it('knows crawlers, link unfurlers and command-line clients from browsers', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Twitterbot/1.0)',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'curl/8.5.0',
      'Mozilla/5.0 (compatible; Googlebot/2.1)',
      'SomeCrawler/3', 'spider', 'LinkPreview/1',
    ]) {
      expect(isBotUserAgent(agent), agent).toBe(true);
    }
    expect(isBotUserAgent(BROWSER)).toBe(false);
    expect(isBotUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1')).toBe(false);
  });

  it('counts a browser on a delivering participation of an active campaign, once per visitor', () => {
    expect(clickInvalidReason(counted)).toBeNull();
    expect(clickInvalidReason({ ...counted, campaignStatus: null })).toBeNull();
    expect(clickInvalidReason({ ...counted, userAgent: ' ' })).toBe('no_user_agent');
    expect(clickInvalidReason({ ...counted, userAgent: 'Twitterbot/1.0' })).toBe('bot');
    expect(clickInvalidReason({ ...counted, linkStatus: 'removed' })).toBe('not_delivering');
    expect(clickInvalidReason({ ...counted, campaignStatus: 'paused' })).toBe('campaign_not_active');
    expect(clickInvalidReason({ ...counted, repeat: true })).toBe('repeat');
  });

  it('hashes a visitor with a key: the same visitor alike, others and other keys not', () => {
    const hash = visitorHash('secret', '203.0.113.7', BROWSER);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(visitorHash('secret', '203.0.113.7', BROWSER)).toBe(hash);
    expect(visitorHash('secret', '203.0.113.8', BROWSER)).not.toBe(hash);
    expect(visitorHash('other', '203.0.113.7', BROWSER)).not.toBe(hash);
    expect(hash).not.toContain('203');
  });

  it('redirects only to web addresses', () => {
    expect(isWebUrl('https://brand.example/a?b=c')).toBe(true);
    expect(isWebUrl('http://brand.example')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
    expect(isWebUrl(null)).toBe(false);
  });
});
