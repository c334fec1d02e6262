import type { RouterOutputs } from '@gametriggers/api';

/** A campaign as its brand sees it (`campaign.get`). */
export type Campaign = RouterOutputs['campaign']['get'];
