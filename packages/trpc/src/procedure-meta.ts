import type { AdminPermission } from '@gametriggers/tokens';

/** Who a procedure is for, as its builder declares it. */
export type ProcedureAccess =
  | 'public'
  | 'authed'
  | 'brand'
  | 'streamer'
  | 'admin'
  | 'internal'
  | 'legacy_import';

/**
 * Set by the kit's procedure builders (`brandProcedure`, `adminProcedure('canManageCampaigns')`…),
 * so tools that walk a router — the fuzz test, the authorization matrix — know each procedure's
 * rightful callers without a list kept by hand.
 */
export interface ProcedureMeta {
  access?: ProcedureAccess;
  permission?: AdminPermission;
}
