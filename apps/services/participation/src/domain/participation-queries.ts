import type {
  listCampaignParticipantsInputSchema,
  listMyParticipationsInputSchema,
  listParticipationsInputSchema,
} from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import type { z } from 'zod';
import { DomainError } from '@gametriggers/trpc';
import type { Participation } from '../generated/prisma/client';
import type { ParticipationDeps } from './deps';
import {
  allParticipationsCursor,
  campaignParticipantsCursor,
  myParticipationsCursor,
} from './list-cursors';
import { participationView } from './participation-view';

const canManageCampaigns = (caller: UserCaller) =>
  caller.role === 'admin' && caller.permissions.has('canManageCampaigns');

/** Its streamer, its campaign's brand, and admins who manage campaigns; nobody else learns it exists. */
function maySee(caller: UserCaller, row: Participation) {
  return (
    row.streamerId === caller.userId || row.brandId === caller.userId || canManageCampaigns(caller)
  );
}

export async function getParticipation(
  deps: ParticipationDeps,
  caller: UserCaller,
  participationId: string,
) {
  const row = await deps.db.participation.findUnique({ where: { id: participationId } });
  if (!row || !maySee(caller, row)) {
    throw new DomainError(
      'not_found',
      'participation_not_found',
      'There is no such participation.',
    );
  }
  return participationView(row, caller.userId);
}

export async function listMyParticipations(
  deps: ParticipationDeps,
  streamerId: string,
  input: z.output<typeof listMyParticipationsInputSchema>,
) {
  const { limit, cursor, status } = input;
  const rows = await deps.db.participation.findMany({
    where: {
      streamerId,
      ...(status ? { status } : {}),
      ...myParticipationsCursor.rowsAfter(cursor),
    },
    orderBy: myParticipationsCursor.orderBy(),
    take: limit + 1,
  });
  return myParticipationsCursor.pageOf(rows, limit, (row) => participationView(row, streamerId));
}

/**
 * The campaign's applicants and participants, for the brand that owns it or a campaign admin.
 * Ownership comes from the participations' brand; a campaign nobody joined yet is asked about.
 */
export async function listCampaignParticipants(
  deps: ParticipationDeps,
  caller: UserCaller,
  input: z.output<typeof listCampaignParticipantsInputSchema>,
) {
  const { limit, cursor, status, campaignId } = input;
  if (caller.role === 'streamer') {
    throw new DomainError(
      'forbidden',
      'wrong_role',
      'Only the brand running a campaign sees its participants.',
    );
  }
  if (caller.role === 'admin' && !canManageCampaigns(caller)) {
    throw new DomainError(
      'forbidden',
      'missing_permission',
      'This needs the canManageCampaigns admin permission.',
    );
  }
  if (caller.role === 'brand') {
    const any = await deps.db.participation.findFirst({
      where: { campaignId },
      select: { brandId: true },
    });
    const brandId = any
      ? any.brandId
      : (await deps.campaigns.forParticipation(campaignId))?.brandId;
    if (brandId !== caller.userId) {
      throw new DomainError(
        'not_found',
        'campaign_not_found',
        'There is no such campaign among yours.',
      );
    }
  }
  const rows = await deps.db.participation.findMany({
    where: {
      campaignId,
      ...(status ? { status } : {}),
      ...campaignParticipantsCursor.rowsAfter(cursor),
    },
    orderBy: campaignParticipantsCursor.orderBy(),
    take: limit + 1,
  });
  return campaignParticipantsCursor.pageOf(rows, limit, (row) =>
    participationView(row, caller.userId),
  );
}

/** Every participation, newest first, narrowed by status, campaign, brand and streamer (campaign admins). */
export async function listParticipations(
  deps: ParticipationDeps,
  adminId: string,
  input: z.output<typeof listParticipationsInputSchema>,
) {
  const { limit, cursor, status, campaignId, brandId, streamerId } = input;
  const rows = await deps.db.participation.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(campaignId ? { campaignId } : {}),
      ...(brandId ? { brandId } : {}),
      ...(streamerId ? { streamerId } : {}),
      ...allParticipationsCursor.rowsAfter(cursor),
    },
    orderBy: allParticipationsCursor.orderBy(),
    take: limit + 1,
  });
  return allParticipationsCursor.pageOf(rows, limit, (row) => participationView(row, adminId));
}
