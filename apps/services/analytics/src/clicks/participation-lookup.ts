import type { ParticipationByClickCode } from '@gametriggers/contracts';
import { participationByClickCodeSchema } from '@gametriggers/contracts';
import { callInternalQuery } from '../clients/internal-query';
import type { AnalyticsDb } from '../database';

/** The participation service's `participation.internal.byClickCode`: null for an unknown code. */
export interface ParticipationLookup {
  byClickCode(clickCode: string): Promise<ParticipationByClickCode | null>;
}

export function createParticipationLookup(options: { url: string; secret: string }): ParticipationLookup {
  return {
    async byClickCode(clickCode) {
      const result = await callInternalQuery(options, 'participation.internal.byClickCode', {
        clickCode,
      });
      return result === null ? null : participationByClickCodeSchema.parse(result);
    },
  };
}

// Statuses beyond the events' four are stored as they are: none of them is `delivering`.
const statusFromParticipation: Record<ParticipationByClickCode['status'], string> = {
  active: 'delivering',
  paused: 'paused',
  left_early: 'left',
  removed: 'removed',
  completed: 'ended',
  pending: 'pending',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/**
 * A code the projection does not know (a participation from before it existed, or whose event has
 * not arrived yet) is asked of the participation service and added to the projection as of the
 * epoch, so any real event about it wins. Returns null when the code is unknown there too or the
 * service cannot be asked.
 */
export async function learnParticipationLink(
  db: AnalyticsDb,
  lookup: ParticipationLookup,
  clickCode: string,
  onFailure: (error: unknown) => void,
) {
  let found: ParticipationByClickCode | null;
  try {
    found = await lookup.byClickCode(clickCode);
  } catch (error) {
    onFailure(error);
    return null;
  }
  if (!found) return null;
  await db.$executeRaw`
    INSERT INTO "participation_links"
      ("participationId", "clickCode", "campaignId", "brandId", "streamerId", "status", "changedAt")
    VALUES (${found.participationId}::uuid, ${found.clickCode}, ${found.campaignId}::uuid,
      ${found.brandId}::uuid, ${found.streamerId}::uuid, ${statusFromParticipation[found.status]},
      ${new Date(0)})
    ON CONFLICT DO NOTHING`;
  return db.participationLink.findUnique({ where: { clickCode } });
}
