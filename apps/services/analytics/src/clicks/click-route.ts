import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Logger, PlainRoute } from '@gametriggers/trpc';
import type { AnalyticsDb } from '../database';
import type { ClickThrough, ClickThroughs } from './click-throughs';
import { clickInvalidReason, isWebUrl, REPEAT_WINDOW_MS, visitorHash } from './click-rules';
import type { ParticipationLookup } from './participation-lookup';
import { learnParticipationLink } from './participation-lookup';

const CODE_PATTERN = /^[A-Za-z0-9_-]{8,32}$/;
const HOUR_MS = 60 * 60_000;
const CLICK_LOCK_SPACE = 7_411;

export interface ClickRouteDeps {
  db: AnalyticsDb;
  clickThroughs: ClickThroughs;
  /** Asked about a code the projection does not know. */
  participations: ParticipationLookup;
  /** Keys the visitor hash (so it cannot be reversed by trying IPs). */
  visitorSecret: string;
  /** The landing site: where a link without a known destination lands. */
  landingUrl: string;
  now: () => Date;
  log: Logger;
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(302, {
    location,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer-when-downgrade',
    'content-length': 0,
  });
  res.end();
}

/** The visitor's address: the gateway sets `x-forwarded-for` to the address it saw. */
function clientIp(req: http.IncomingMessage) {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/**
 * `GET /r?code=<clickCode>` (the gateway's public `/r/<code>`): stores the click, counted or not,
 * and redirects to the campaign's click-through URL. An unknown code lands on the landing site's
 * "link unavailable" page; a campaign service that cannot be asked is replaced by the last URL it
 * gave (else the landing site). Storing never stands between the visitor and the redirect.
 */
export function createClickRoute(deps: ClickRouteDeps): PlainRoute {
  const landing = deps.landingUrl.replace(/\/+$/, '');
  return async (req, res) => {
    const code = new URL(req.url ?? '/', 'http://analytics').searchParams.get('code') ?? '';
    const valid = CODE_PATTERN.test(code);
    const link = valid
      ? ((await deps.db.participationLink.findUnique({ where: { clickCode: code } })) ??
        (await learnParticipationLink(deps.db, deps.participations, code, (error) =>
          deps.log.warn({ err: error }, 'participation service unavailable for a short link'),
        )))
      : null;
    if (!link) {
      redirect(res, `${landing}/link-unavailable`);
      return;
    }

    let campaign: ClickThrough | null = null;
    let campaignKnown = true;
    try {
      campaign = await deps.clickThroughs.of(link.campaignId);
    } catch (error) {
      campaignKnown = false;
      deps.log.warn({ err: error, campaignId: link.campaignId }, 'campaign service unavailable for a click');
    }
    const destination = isWebUrl(campaign?.url)
      ? campaign.url
      : isWebUrl(link.clickThroughUrl)
        ? link.clickThroughUrl
        : `${landing}/`;

    // A HEAD (link checkers, unfurlers) learns where the link goes; nobody clicked.
    if (req.method === 'HEAD') {
      redirect(res, destination);
      return;
    }
    try {
      const userAgent = req.headers['user-agent'] ?? '';
      await recordClick(deps, {
        link,
        visitor: visitorHash(deps.visitorSecret, clientIp(req), userAgent),
        userAgent,
        campaignStatus: campaignKnown ? (campaign?.status ?? 'unknown') : null,
        rememberUrl: campaignKnown && isWebUrl(campaign?.url) ? campaign.url : null,
      });
    } catch (error) {
      deps.log.error({ err: error, participationId: link.participationId }, 'click could not be stored');
    }
    redirect(res, destination);
  };
}

async function recordClick(
  deps: ClickRouteDeps,
  click: {
    link: { participationId: string; campaignId: string; streamerId: string; status: string; clickThroughUrl: string | null };
    visitor: string;
    userAgent: string;
    campaignStatus: string | null;
    rememberUrl: string | null;
  },
) {
  const { link } = click;
  const at = deps.now();
  await deps.db.$transaction(async (tx) => {
    // Two clicks of one visitor at once take turns, so the second sees the first and is a repeat.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLICK_LOCK_SPACE}::int, hashtext(${`${link.participationId}|${click.visitor}`}))`;
    const earlier = await tx.linkClick.findFirst({
      where: {
        participationId: link.participationId,
        visitorHash: click.visitor,
        countable: true,
        at: { gt: new Date(at.getTime() - REPEAT_WINDOW_MS) },
      },
      select: { id: true },
    });
    const invalidReason = clickInvalidReason({
      userAgent: click.userAgent,
      linkStatus: link.status,
      campaignStatus: click.campaignStatus,
      repeat: earlier !== null,
    });
    await tx.linkClick.create({
      data: {
        id: randomUUID(),
        at,
        participationId: link.participationId,
        campaignId: link.campaignId,
        streamerId: link.streamerId,
        visitorHash: click.visitor,
        countable: invalidReason === null,
        invalidReason,
      },
    });
    if (invalidReason === null) {
      const hourStart = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      await tx.$executeRaw`INSERT INTO "dirty_hours" ("hourStart") VALUES (${hourStart}) ON CONFLICT DO NOTHING`;
    }
    if (click.rememberUrl && click.rememberUrl !== link.clickThroughUrl) {
      await tx.participationLink.updateMany({
        where: { campaignId: link.campaignId },
        data: { clickThroughUrl: click.rememberUrl },
      });
    }
  });
}
