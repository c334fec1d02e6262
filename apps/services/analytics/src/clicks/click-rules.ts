import { createHmac } from 'node:crypto';

/** Clicks of one link from one visitor within this window count once. */
export const REPEAT_WINDOW_MS = 10 * 60_000;

export type ClickInvalidReason =
  | 'no_user_agent'
  | 'bot'
  | 'not_delivering'
  | 'campaign_not_active'
  | 'repeat';

/**
 * Crawlers, link unfurlers (chat apps and social sites fetch a link to preview it) and command-line
 * clients: none is a viewer clicking.
 */
const BOT_USER_AGENT =
  /bot|crawler|spider|preview|crawl|slurp|facebookexternalhit|facebookcatalog|embedly|whatsapp|telegram|skype|vkshare|pinterest|bitlybot|curl|wget|python-requests|python-urllib|go-http-client|okhttp|java\/|^node$|libwww|httpclient|headless|lighthouse|node-fetch|axios|undici/i;

export function isBotUserAgent(userAgent: string) {
  return BOT_USER_AGENT.test(userAgent);
}

/** A visitor, as a keyed hash of IP and user agent: repeats can be told apart without storing either. */
export function visitorHash(secret: string, ip: string, userAgent: string) {
  return createHmac('sha256', secret).update(`click-visitor\n${ip}\n${userAgent}`).digest('hex');
}

/** Why a click must not count (the first reason that applies), or null when it counts. */
export function clickInvalidReason(input: {
  userAgent: string;
  linkStatus: string;
  /** The campaign's status from the campaign service; null when it could not be asked. */
  campaignStatus: string | null;
  repeat: boolean;
}): ClickInvalidReason | null {
  if (!input.userAgent.trim()) return 'no_user_agent';
  if (isBotUserAgent(input.userAgent)) return 'bot';
  if (input.linkStatus !== 'delivering') return 'not_delivering';
  if (input.campaignStatus !== null && input.campaignStatus !== 'active') return 'campaign_not_active';
  if (input.repeat) return 'repeat';
  return null;
}

/** Only web addresses are redirected to; anything else (a `javascript:` URL) is not followed. */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
