// The participants panel for a brand's campaign page.
export { CampaignParticipants } from './campaign-participants';
export type { CampaignParticipant } from './types';
