// Participation pieces for streamer pages: the join panel for campaign pages, and the parts of
// My campaigns and G-Keys.
export { JoinCampaignPanel } from './join-campaign-panel';
export { ParticipationActions } from './participation-actions';
export { ParticipationStatusBadge } from './participation-status-badge';
export { Countdown, LocalTime } from './local-time';
export { categoryLabel, cooloffLength, statusLabel } from './formatting';
export type { Eligibility, Energy, GKey, Participation } from './types';
