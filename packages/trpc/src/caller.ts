import type { AccessTokenClaims, AdminPermission, AdminRole, UserRole } from '@gametriggers/tokens';

export interface UserCaller {
  kind: 'user';
  userId: string;
  email: string;
  role: UserRole;
  adminRole: AdminRole | undefined;
  permissions: ReadonlySet<AdminPermission>;
  /** The session the access token belongs to (its `sid`); unknown for tokens issued without one. */
  sessionId: string | undefined;
}

export interface ServiceCaller {
  kind: 'service';
  service: string;
}

export interface AnonymousCaller {
  kind: 'anonymous';
}

export type Caller = UserCaller | ServiceCaller | AnonymousCaller;

export function userCallerFromClaims(claims: AccessTokenClaims): UserCaller {
  return {
    kind: 'user',
    userId: claims.sub,
    email: claims.email,
    role: claims.role,
    adminRole: claims.adminRole,
    permissions: new Set(claims.permissions),
    sessionId: claims.sid,
  };
}
