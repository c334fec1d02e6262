// The Pusher Channels wire protocol (version 7) as pusher-js speaks it: every frame is a JSON
// object whose `data` is itself a JSON string, except `pusher:error`, whose data is an object.

export const SUPPORTED_PROTOCOL_VERSIONS = [5, 6, 7];

/** Close codes from the protocol: 4000–4099 don't reconnect, 4100–4199 back off, 4200–4299 retry. */
export const CloseCode = {
  applicationDoesNotExist: 4001,
  unsupportedProtocolVersion: 4007,
  unauthorized: 4009,
  reconnectImmediately: 4200,
  pongNotReceived: 4201,
} as const;

/** Pusher's limit on an event's data, for HTTP triggers and client events alike. */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;

const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

export type ChannelType = 'public' | 'private' | 'presence';

export function isValidChannelName(name: string): boolean {
  return CHANNEL_NAME_PATTERN.test(name);
}

export function channelTypeOf(name: string): ChannelType {
  if (name.startsWith('presence-')) return 'presence';
  if (name.startsWith('private-')) return 'private';
  return 'public';
}

export interface OutgoingEvent {
  event: string;
  channel?: string;
  data: unknown;
  user_id?: string;
}

export function encodeEvent({ event, channel, data, user_id }: OutgoingEvent): string {
  return JSON.stringify({
    event,
    ...(channel === undefined ? {} : { channel }),
    data: typeof data === 'string' ? data : JSON.stringify(data),
    ...(user_id === undefined ? {} : { user_id }),
  });
}

export function encodeError(message: string, code: number | null = null): string {
  return JSON.stringify({ event: 'pusher:error', data: { code, message } });
}
