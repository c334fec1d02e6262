import { hmacSha256Hex, safeEqual } from './hmac';
import type { StandInApp } from './stand-in-options';

export interface SubscriptionRequest {
  socketId: string;
  channel: string;
  auth: string | undefined;
  /** Presence channels only: the JSON the signature covers, passed through byte for byte. */
  channelData?: string | undefined;
}

/** Checks `auth` = `key:HMAC-SHA256(secret, "socket_id:channel[:channel_data]")`. */
export function isSubscriptionAuthorized(app: StandInApp, request: SubscriptionRequest): boolean {
  if (!request.auth) return false;
  const separator = request.auth.indexOf(':');
  const key = request.auth.slice(0, separator);
  const signature = request.auth.slice(separator + 1);
  if (separator < 0 || key !== app.key) return false;
  const signed = [request.socketId, request.channel];
  if (request.channelData !== undefined) signed.push(request.channelData);
  return safeEqual(signature, hmacSha256Hex(app.secret, signed.join(':')));
}
