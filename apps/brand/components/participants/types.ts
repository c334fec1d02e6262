import type { RouterOutputs } from '@gametriggers/api';

export type CampaignParticipant =
  RouterOutputs['participation']['listForCampaign']['items'][number];
