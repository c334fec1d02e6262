// The envelope format and keys live in @gametriggers/tokens (the overlay service uses them too);
// what stays here is which secrets this service encrypts, each with its own context.
export {
  createSecretBox,
  parseEncryptionKeys,
} from '@gametriggers/tokens/secret-box';
export type { SecretBox } from '@gametriggers/tokens/secret-box';

/** Additional authenticated data per secret column, so envelopes cannot be swapped between rows. */
export const secretContext = {
  accessToken: (streamerId: string, platform: string) =>
    `platform.access_token:${streamerId}:${platform}`,
  refreshToken: (streamerId: string, platform: string) =>
    `platform.refresh_token:${streamerId}:${platform}`,
  payoutDetails: (streamerId: string) => `streamer.payout_details:${streamerId}`,
};
