// Server-side pieces other pages use; the forms are imported from their own files.
export { requireOnboardedStreamer } from './require-onboarded-streamer';
export { PlatformList } from './platform-list';
export {
  categoryLabel,
  countryLabel,
  formatAgo,
  formatCount,
  languageLabel,
  platformLabels,
} from './formatting';
export type { ConnectedPlatform, StreamerProfile } from './types';
