import type { AdminRouter } from '@gametriggers/admin-service/router';
import type { AnalyticsRouter } from '@gametriggers/analytics-service/router';
import type { AssetRouter } from '@gametriggers/asset-service/router';
import type { BrandRouter } from '@gametriggers/brand-service/router';
import type { CampaignRouter } from '@gametriggers/campaign-service/router';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import type { NotificationRouter } from '@gametriggers/notification-service/router';
import type { OverlayRouter } from '@gametriggers/overlay-service/router';
import type { ParticipationRouter } from '@gametriggers/participation-service/router';
import type { PaymentRouter } from '@gametriggers/payment-service/router';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import type {
  TRPCBuiltRouter,
  TRPCRouterRecord,
  inferRouterInputs,
  inferRouterOutputs,
} from '@trpc/server';

type RecordOf<TRouter> =
  TRouter extends TRPCBuiltRouter<infer _Root, infer TRecord> ? TRecord : never;
type RootOf<TRouter> = TRouter extends TRPCBuiltRouter<infer TRoot, infer _Record> ? TRoot : never;
type MergeRecords<TRouters extends unknown[]> = TRouters extends [infer Head, ...infer Tail]
  ? RecordOf<Head> & MergeRecords<Tail>
  : unknown;

/** One router type whose procedures are those of every router given (each namespaced by domain). */
export type MergedRouter<TRouters extends [unknown, ...unknown[]]> =
  MergeRecords<TRouters> extends infer TRecord extends TRPCRouterRecord
    ? TRPCBuiltRouter<RootOf<TRouters[0]>, TRecord>
    : never;

// Type-only: the portals get every service's procedures with no runtime import and no codegen.
// Adding a service is adding its router type to this list.
type ServiceRouters = [
  IdentityRouter,
  BrandRouter,
  StreamerRouter,
  CampaignRouter,
  ParticipationRouter,
  OverlayRouter,
  AnalyticsRouter,
  PaymentRouter,
  AssetRouter,
  NotificationRouter,
  AdminRouter,
];

export type AppRouter = MergedRouter<ServiceRouters>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
