import type {
  ApplyToCampaignInput,
  CampaignForParticipation,
  JoinCampaignInput,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { ParticipationTx } from '../database';
import { Prisma } from '../generated/prisma/client';
import { recordRuleHits, saveEnergy, saveKey, useOverrides } from './admission-writes';
import type { ParticipationDeps } from './deps';
import { afterSpendingOne } from './energy';
import { lockedKey } from './gkeys';
import type { JoinAttemptKind, JoinEvaluation } from './join-checks';
import { evaluateJoin } from './join-checks';
import type { JoinFactsQuery } from './join-facts';
import { lockAndReadJoinFacts, readJoinFacts } from './join-facts';
import { newClickCode, participationRef, participationView } from './participation-view';
import { JoinRefused, refusalError } from './refusals';
import { lockParticipation } from './row-locks';

/** Waiting for a streamer's lock behind a burst of their own joins must not time out. */
export const joinTransactionOptions = { maxWait: 15_000, timeout: 30_000 };

export async function freshCampaign(
  deps: ParticipationDeps,
  campaignId: string,
): Promise<CampaignForParticipation> {
  const campaign = await deps.campaigns.forParticipation(campaignId);
  if (!campaign)
    throw new DomainError('not_found', 'campaign_not_found', 'There is no such campaign.');
  return campaign;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs `admit` in one transaction after every check passed under the streamer's locks. A refusal
 * rolls everything back (nothing consumed); its rule hits are then logged on their own.
 */
async function admitOrRefuse<T>(
  deps: ParticipationDeps,
  query: Omit<JoinFactsQuery, 'now' | 'energyPacksPerDay'>,
  admit: (tx: ParticipationTx, evaluation: JoinEvaluation, now: Date) => Promise<T>,
): Promise<T> {
  const { energyPacksPerDay } = await deps.platformConfig.get();
  try {
    return await deps.db.$transaction(async (tx) => {
      const now = deps.now();
      const facts =
        query.attempt === 'apply'
          ? await readJoinFacts(tx, { ...query, now, energyPacksPerDay })
          : await lockAndReadJoinFacts(tx, { ...query, now, energyPacksPerDay });
      const evaluation = evaluateJoin(facts);
      if (evaluation.blockers.length > 0) throw new JoinRefused(evaluation);
      const result = await admit(tx, evaluation, now);
      await recordRuleHits(tx, {
        hits: evaluation.hits,
        streamerId: query.streamerId,
        campaignId: query.campaign.campaignId,
        brandId: query.campaign.brandId,
        attempt: query.attempt,
        now,
      });
      return result;
    }, joinTransactionOptions);
  } catch (error) {
    if (error instanceof JoinRefused) {
      await recordRuleHits(deps.db, {
        hits: error.evaluation.hits,
        streamerId: query.streamerId,
        campaignId: query.campaign.campaignId,
        brandId: query.campaign.brandId,
        attempt: query.attempt,
        now: deps.now(),
      });
      throw refusalError(error.evaluation);
    }
    if (isUniqueViolation(error)) {
      throw query.attempt === 'apply'
        ? new DomainError(
            'conflict',
            'application_pending',
            'Your application to this campaign is waiting for the brand.',
          )
        : new DomainError('conflict', 'already_joined', 'You are already in this campaign.');
    }
    throw error;
  }
}

const snapshotOf = (campaign: CampaignForParticipation, profile: StreamerMatchingProfile) => ({
  campaignTitle: campaign.title,
  campaignCategories: campaign.categories,
  gkeyCooloffHours: campaign.gkeyCooloffHours,
  streamerDisplayName: profile.displayName,
  streamerFollowers: profile.followers,
  streamerAverageViewers: profile.averageViewers,
});

/** Locks the chosen key for the participation and spends one energy: what admission consumes. */
async function consumeKeyAndEnergy(
  tx: ParticipationTx,
  evaluation: JoinEvaluation,
  participation: { id: string; streamerId: string },
  campaign: CampaignForParticipation,
  profile: StreamerMatchingProfile,
  now: Date,
) {
  const energy = evaluation.energy!;
  const holder = {
    campaignId: campaign.campaignId,
    campaignTitle: campaign.title,
    brandId: campaign.brandId,
    participationId: participation.id,
  };
  await saveKey(tx, participation.streamerId, lockedKey(evaluation.key!, holder, now), now);
  const spent = afterSpendingOne(energy);
  await saveEnergy(tx, participation.streamerId, spent, profile.timezone, now);
  return { ...energy, used: spent.used, remaining: energy.capacity - spent.used };
}

async function lookUpBoth(deps: ParticipationDeps, campaignId: string, streamerId: string) {
  const [campaign, profile] = await Promise.all([
    freshCampaign(deps, campaignId),
    deps.streamers.matchingProfile(streamerId),
  ]);
  return { campaign, profile };
}

const warningsOf = (evaluation: JoinEvaluation) =>
  evaluation.hits
    .filter((hit) => hit.outcome === 'acknowledged' || hit.outcome === 'logged')
    .map((hit) => ({
      ruleId: hit.ruleId,
      rule: hit.ruleName,
      severity: hit.severity,
      message: hit.message,
    }));

/** An open campaign: every check, then the key is locked and one energy spent, in one transaction. */
export async function joinCampaign(
  deps: ParticipationDeps,
  streamerId: string,
  input: JoinCampaignInput,
) {
  const { campaign, profile } = await lookUpBoth(deps, input.campaignId, streamerId);
  const query = {
    attempt: 'join' as JoinAttemptKind,
    streamerId,
    campaign,
    profile,
    acknowledgeWarnings: input.acknowledgeWarnings ?? false,
  };
  return admitOrRefuse(deps, query, async (tx, evaluation, now) => {
    const row = await tx.participation.create({
      data: {
        campaignId: campaign.campaignId,
        brandId: campaign.brandId,
        streamerId,
        clickCode: newClickCode(),
        status: 'active',
        joinMode: campaign.joinMode,
        gkeyCategory: evaluation.category,
        ...snapshotOf(campaign, profile!),
        warningsAcknowledged: input.acknowledgeWarnings ?? false,
        joinedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    const energy = await consumeKeyAndEnergy(tx, evaluation, row, campaign, profile!, now);
    await useOverrides(tx, {
      hits: evaluation.hits,
      streamerId,
      campaignId: campaign.campaignId,
      brandId: campaign.brandId,
      attempt: 'join',
      now,
    });
    await recordEvent(tx, 'participation.joined', participationRef(row));
    return { participation: participationView(row, streamerId), energy, warnings: warningsOf(evaluation) };
  });
}

/**
 * An approval campaign: the same checks now, so the streamer learns early what stands in the way;
 * nothing is consumed until the brand approves (when the checks run again).
 */
export async function applyToCampaign(
  deps: ParticipationDeps,
  streamerId: string,
  input: ApplyToCampaignInput,
) {
  const { campaign, profile } = await lookUpBoth(deps, input.campaignId, streamerId);
  const query = {
    attempt: 'apply' as JoinAttemptKind,
    streamerId,
    campaign,
    profile,
    acknowledgeWarnings: input.acknowledgeWarnings ?? false,
  };
  return admitOrRefuse(deps, query, async (tx, evaluation, now) => {
    const row = await tx.participation.create({
      data: {
        campaignId: campaign.campaignId,
        brandId: campaign.brandId,
        streamerId,
        clickCode: newClickCode(),
        status: 'pending',
        joinMode: campaign.joinMode,
        ...snapshotOf(campaign, profile!),
        applicationMessage: input.message || null,
        warningsAcknowledged: input.acknowledgeWarnings ?? false,
        appliedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordEvent(tx, 'participation.applied', participationRef(row));
    return {
      participation: participationView(row, streamerId),
      energy: evaluation.energy!,
      warnings: warningsOf(evaluation),
    };
  });
}

export async function findOwnedApplication(
  deps: ParticipationDeps,
  brandId: string,
  participationId: string,
) {
  const row = await deps.db.participation.findUnique({ where: { id: participationId } });
  if (!row || row.brandId !== brandId) {
    throw new DomainError(
      'not_found',
      'participation_not_found',
      'There is no such application among your campaigns.',
    );
  }
  return row;
}

const notPending = (status: string) =>
  new DomainError(
    'conflict',
    'not_pending',
    `This application was already decided (it is ${status.replace('_', ' ')}).`,
  );

/**
 * The brand approves: every check runs again against the streamer's state now (key, energy, rules,
 * seats), and only then are the key locked and one energy spent. A failing check refuses the
 * approval with the same reason the streamer would get.
 */
export async function approveApplication(
  deps: ParticipationDeps,
  brandId: string,
  participationId: string,
) {
  const application = await findOwnedApplication(deps, brandId, participationId);
  if (application.status !== 'pending') throw notPending(application.status);
  const { campaign, profile } = await lookUpBoth(
    deps,
    application.campaignId,
    application.streamerId,
  );
  const query = {
    attempt: 'approve' as JoinAttemptKind,
    streamerId: application.streamerId,
    campaign,
    profile,
    acknowledgeWarnings: application.warningsAcknowledged,
    approvingParticipationId: application.id,
  };
  return admitOrRefuse(deps, query, async (tx, evaluation, now) => {
    // Locked after the streamer's rows (the lock order); a rejection that won the race shows here.
    const current = await lockParticipation(tx, application.id);
    if (current?.status !== 'pending') throw notPending(current?.status ?? 'gone');
    const row = await tx.participation.update({
      where: { id: application.id },
      data: {
        status: 'active',
        gkeyCategory: evaluation.category,
        ...snapshotOf(campaign, profile!),
        decidedBy: brandId,
        joinedAt: now,
        updatedAt: now,
      },
    });
    await consumeKeyAndEnergy(tx, evaluation, row, campaign, profile!, now);
    await useOverrides(tx, {
      hits: evaluation.hits,
      streamerId: row.streamerId,
      campaignId: campaign.campaignId,
      brandId: campaign.brandId,
      attempt: 'approve',
      now,
    });
    await recordEvent(tx, 'participation.approved', participationRef(row));
    return participationView(row, brandId);
  });
}
