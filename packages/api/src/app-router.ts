import type { IdentityRouter } from '@gametriggers/identity/router';
import type { TRPCBuiltRouter, inferRouterInputs, inferRouterOutputs } from '@trpc/server';

// Type-only: the portals get every service's procedures with no runtime import and no codegen.
// Adding a service is adding its router type here.
type ServiceRouters = [IdentityRouter];

type RecordOf<TRouter> =
  TRouter extends TRPCBuiltRouter<infer _Root, infer TRecord> ? TRecord : never;
type RootOf<TRouter> = TRouter extends TRPCBuiltRouter<infer TRoot, infer _Record> ? TRoot : never;
type Merge<TRouters extends unknown[]> = TRouters extends [infer Head, ...infer Tail]
  ? RecordOf<Head> & Merge<Tail>
  : unknown;

export type AppRouter = TRPCBuiltRouter<RootOf<ServiceRouters[0]>, Merge<ServiceRouters> & object>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
