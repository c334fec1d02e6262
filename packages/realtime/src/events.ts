import { z } from 'zod';
import { parseRealtimeChannel } from './channels';
import type { OverlayChannel, ParsedRealtimeChannel, RealtimeChannel, StreamerPresenceChannel, UserChannel } from './channels';

export const adShowSchema = z.object({
  adId: z.string().min(1),
  participationId: z.string().min(1),
  campaignId: z.string().min(1),
  /** Shown on the card as "Sponsored · <brandName>": every ad on stream names who paid for it. */
  brandName: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  creative: z.object({
    type: z.enum(['image', 'video']),
    url: z.url(),
    altText: z.string().max(300).optional(),
  }),
  durationSeconds: z.number().int().positive().max(600),
  clickText: z.string().max(200).optional(),
  clickUrl: z.url().optional(),
  shownAt: z.iso.datetime(),
  /** The stream's live viewers as last synced from the platform; heartbeats report it for impressions. */
  viewers: z.number().int().nonnegative().optional(),
  /** A test-fire from the streamer's portal: shown like any ad, never counted. */
  test: z.boolean().optional(),
});

export const adHideSchema = z.object({ adId: z.string().min(1) });

/** The streamer's overlay settings, sent whole whenever they change so the overlay never merges. */
export const overlaySettingsSchema = z.object({
  corner: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']),
  sizePercent: z.number().int().min(5).max(100),
  opacity: z.number().min(0).max(1),
  animation: z.enum(['none', 'fade', 'slide']),
  showSeconds: z.number().int().positive(),
  breakSeconds: z.number().int().nonnegative(),
  paused: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export const overlayEvents = {
  'ad.show': adShowSchema,
  'ad.hide': adHideSchema,
  'overlay.settings': overlaySettingsSchema,
};

/** Presence is carried by the members themselves; no server events yet. */
export const streamerPresenceEvents = {};

/** A notification was stored for the channel's person; `unreadCount` lets a bell update without a read. */
export const notificationCreatedSchema = z.object({
  notificationId: z.string().min(1),
  category: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  link: z.string().max(500).nullable(),
  createdAt: z.iso.datetime(),
  unreadCount: z.number().int().nonnegative(),
});

export const userEvents = {
  'notification.created': notificationCreatedSchema,
};

const eventsByChannelKind: Record<ParsedRealtimeChannel['kind'], Record<string, z.ZodType>> = {
  overlay: overlayEvents,
  streamerPresence: streamerPresenceEvents,
  user: userEvents,
};

export type EventsOf<C extends RealtimeChannel> = C extends OverlayChannel
  ? typeof overlayEvents
  : C extends StreamerPresenceChannel
    ? typeof streamerPresenceEvents
    : C extends UserChannel
      ? typeof userEvents
      : never;
export type EventName<C extends RealtimeChannel> = Extract<keyof EventsOf<C>, string>;
/** What a publisher passes in. */
export type EventInput<C extends RealtimeChannel, E extends EventName<C>> = EventsOf<C>[E] extends z.ZodType
  ? z.input<EventsOf<C>[E]>
  : never;
/** What a subscriber receives once the payload has been checked. */
export type EventPayload<C extends RealtimeChannel, E extends EventName<C>> = EventsOf<C>[E] extends z.ZodType
  ? z.output<EventsOf<C>[E]>
  : never;

export type AdShow = z.infer<typeof adShowSchema>;
export type AdHide = z.infer<typeof adHideSchema>;
export type OverlaySettings = z.infer<typeof overlaySettingsSchema>;
export type NotificationCreated = z.infer<typeof notificationCreatedSchema>;

export class RealtimeEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RealtimeEventError';
  }
}

/** Checks an event against the catalogue; throws a RealtimeEventError saying what is wrong. */
export function parseRealtimeEvent(channel: string, event: string, payload: unknown): unknown {
  const parsed = parseRealtimeChannel(channel);
  if (!parsed) throw new RealtimeEventError(`"${channel}" is not a channel in the realtime catalogue`);
  const schema = eventsByChannelKind[parsed.kind][event];
  if (!schema) {
    const known = Object.keys(eventsByChannelKind[parsed.kind]).join(', ') || 'none';
    throw new RealtimeEventError(`"${event}" is not an event of ${channel} (known: ${known})`);
  }
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new RealtimeEventError(`Invalid ${event} payload for ${channel}:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
