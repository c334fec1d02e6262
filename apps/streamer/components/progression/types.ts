import type { RouterOutputs } from '@gametriggers/api';

/** The signed-in streamer's progression (`streamer.progression.mine`), once onboarded. */
export type Progression = NonNullable<RouterOutputs['streamer']['progression']['mine']>;
