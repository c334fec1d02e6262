import type { EventHandlers } from '@gametriggers/events';
import type { AdminTx } from './database';
import { appendAuditEntry } from './domain/audit-append';
import {
  queueChangedBrandProfile,
  queueChangedStreamerProfile,
  queueReadyCreativeAsset,
  queueReportedCreative,
  queueSubmittedCreative,
  withdrawDeletedCreativeAsset,
} from './domain/moderation/moderation-intake';

/** What the admin service does with the events it subscribes to. */
export function adminEventHandlers(now: () => Date): EventHandlers {
  return {
    // The consumer runs handlers in the Prisma transaction its runner opened (see app.ts).
    'admin.action_recorded': (event, tx) => appendAuditEntry(tx as AdminTx, event, now()),
    'campaign.creative_submitted': (event, tx) => queueSubmittedCreative(event, tx, now()),
    'campaign.content_reported': (event, tx) => queueReportedCreative(event, tx, now()),
    'brand.profile_changed': (event, tx) => queueChangedBrandProfile(event, tx, now()),
    'streamer.profile_changed': (event, tx) => queueChangedStreamerProfile(event, tx, now()),
    'asset.ready': (event, tx) => queueReadyCreativeAsset(event, tx, now()),
    'asset.deleted': (event, tx) => withdrawDeletedCreativeAsset(event, tx, now()),
  };
}
