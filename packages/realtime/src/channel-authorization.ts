/** What a channel auth endpoint returns and pusher-js sends on with `pusher:subscribe`. */
export interface ChannelAuthorization {
  auth: string;
  /** Presence channels only: the member's `{ user_id, user_info }` as the signed JSON string. */
  channel_data?: string;
}
