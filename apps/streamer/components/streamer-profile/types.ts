import type { RouterOutputs } from '@gametriggers/api';

export type StreamerProfile = NonNullable<RouterOutputs['streamer']['me']>;
export type ConnectedPlatform = RouterOutputs['streamer']['platforms']['list'][number];
