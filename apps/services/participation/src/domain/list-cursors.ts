import { newestFirstCursor } from '@gametriggers/contracts';

/** Each list reads newest first, with its own cursors: one list's is refused by another. */
export const myParticipationsCursor = newestFirstCursor('participation.mine');
export const campaignParticipantsCursor = newestFirstCursor('participation.of-campaign');
export const allParticipationsCursor = newestFirstCursor('participation.all');
export const violationsCursor = newestFirstCursor('participation.violations');
