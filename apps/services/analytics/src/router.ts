import { router } from '@gametriggers/trpc';
import type { AnalyticsDeps } from './domain/deps';

export function createAnalyticsRouter(_deps: AnalyticsDeps) {
  return router({ analytics: router({}) });
}
export type AnalyticsRouter = ReturnType<typeof createAnalyticsRouter>;
