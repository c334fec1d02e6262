import type { EventEnvelope, EventHandlers, EventType } from '@gametriggers/events';
import type { OverlayTx } from './database';
import type { DeliveryTrigger } from './domain/deps';
import {
  applyCampaignChange,
  applyLiveStatusChange,
  applyParticipationChange,
  applySuspensionChange,
} from './domain/delivery-projection';

type ParticipationEventType =
  | 'participation.approved'
  | 'participation.joined'
  | 'participation.resumed'
  | 'participation.paused'
  | 'participation.left'
  | 'participation.removed';

/**
 * The overlay service's event handlers: each updates the projection in the consumer's transaction,
 * then asks the scheduler to look at the overlays it touched once that transaction has committed.
 */
export function deliveryEventHandlers(delivery: DeliveryTrigger): EventHandlers {
  const afterCommit = (overlayIds: string[]) => {
    // The consumer commits right after the handler returns; the scheduler reads committed state.
    setTimeout(() => {
      for (const overlayId of overlayIds) void delivery.overlayChanged(overlayId);
    }, 100).unref();
  };

  const participation =
    (delivering: boolean) =>
    async (event: EventEnvelope<ParticipationEventType>, tx: unknown) => {
      const { participationId, campaignId, brandId, streamerId, clickCode } = event.payload;
      afterCommit(
        await applyParticipationChange(tx as OverlayTx, {
          participationId,
          campaignId,
          brandId,
          streamerId,
          clickCode,
          delivering,
          occurredAt: new Date(event.occurredAt),
        }),
      );
    };

  const campaign =
    (halted: boolean, ended: boolean) =>
    async (event: EventEnvelope<Extract<EventType, `campaign.${string}`>>, tx: unknown) => {
      afterCommit(
        await applyCampaignChange(tx as OverlayTx, {
          campaignId: event.payload.campaignId,
          halted,
          ended,
          occurredAt: new Date(event.occurredAt),
        }),
      );
    };

  return {
    'participation.approved': participation(true),
    'participation.joined': participation(true),
    'participation.resumed': participation(true),
    'participation.paused': participation(false),
    'participation.left': participation(false),
    'participation.removed': participation(false),
    'campaign.paused': campaign(true, false),
    'campaign.resumed': campaign(false, false),
    'campaign.completed': campaign(true, true),
    'campaign.cancelled': campaign(true, true),
    // A suspended streamer's overlay stops at once (the ad on show hides) and resumes on reactivation.
    'user.suspended': async (event, tx) => {
      if (event.payload.role !== 'streamer') return;
      afterCommit(
        await applySuspensionChange(tx as OverlayTx, {
          streamerId: event.payload.userId,
          suspended: true,
          occurredAt: new Date(event.occurredAt),
        }),
      );
    },
    'user.reactivated': async (event, tx) => {
      if (event.payload.role !== 'streamer') return;
      afterCommit(
        await applySuspensionChange(tx as OverlayTx, {
          streamerId: event.payload.userId,
          suspended: false,
          occurredAt: new Date(event.occurredAt),
        }),
      );
    },
    'streamer.live_status_changed': async (event, tx) => {
      afterCommit(
        await applyLiveStatusChange(tx as OverlayTx, {
          streamerId: event.payload.streamerId,
          live: event.payload.live,
          viewers: event.payload.viewers,
          occurredAt: new Date(event.occurredAt),
        }),
      );
    },
  };
}
