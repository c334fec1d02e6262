import { adminPermissions } from '@gametriggers/tokens';
import type { AdminPermission } from '@gametriggers/tokens';
import type { AnyTRPCRouter } from '@trpc/server';
import { callProcedure } from './call-procedure';
import { proceduresOf } from './fuzz/fuzz-procedures';
import type { TestPerson } from './token-issuer';
import { adminWith, testCast } from './token-issuer';

/** A tRPC router: `_def.procedures` is, at run time, a flat record of dotted path → procedure. */
export interface RouterWithProcedures {
  _def: { procedures: object };
}

export interface AdminProcedure {
  path: string;
  type: 'query' | 'mutation';
  /** The flag it needs, or undefined when any admin may call it. */
  permission?: AdminPermission;
}

/**
 * Every admin procedure of a router, from the `{ access: 'admin', permission }` meta the kit's
 * `adminProcedure` builder sets: a new one is found without being added to a list.
 */
export function adminProceduresOf(router: RouterWithProcedures): AdminProcedure[] {
  return proceduresOf(router as AnyTRPCRouter).flatMap(({ path, def }) =>
    def.meta?.access === 'admin' && def.type !== 'subscription'
      ? [{ path, type: def.type, permission: def.meta.permission }]
      : [],
  );
}

export interface AuthorizationOutcome {
  path: string;
  who: string;
  expected: 'past authorization' | 401 | 403;
  status: number;
}

/**
 * Calls every admin procedure of `router` on the running service at `url` as: an admin holding
 * exactly the procedure's permission (must get past authorization: neither 401 nor 403), an admin
 * holding every other permission (403), a brand and a streamer (403), and nobody (401). Returns the
 * outcomes that differ from that (empty when all hold) and how many procedures were checked.
 */
export async function checkAdminAuthorization(options: {
  router: RouterWithProcedures;
  url: string;
  tokenFor: (person: TestPerson) => Promise<string>;
}) {
  const procedures = adminProceduresOf(options.router);
  const cast = testCast();
  const outcomes = await Promise.all(
    procedures.map(async (procedure) => {
      const holder = procedure.permission ? adminWith(procedure.permission) : adminWith();
      const callers: Array<{
        who: string;
        person?: TestPerson;
        expected: AuthorizationOutcome['expected'];
      }> = [
        {
          who: `admin with ${procedure.permission ?? 'no permissions'}`,
          person: holder,
          expected: 'past authorization',
        },
        { who: 'brand', person: cast.brandA, expected: 403 },
        { who: 'streamer', person: cast.streamerA, expected: 403 },
        { who: 'anonymous', expected: 401 },
      ];
      if (procedure.permission) {
        const others = adminPermissions.filter((flag) => flag !== procedure.permission);
        callers.push({
          who: `admin without ${procedure.permission}`,
          person: adminWith(...others),
          expected: 403,
        });
      }
      const rows: AuthorizationOutcome[] = [];
      for (const caller of callers) {
        const token = caller.person ? await options.tokenFor(caller.person) : undefined;
        // No input: authorization runs before input parsing, so it decides first.
        const { status } = await callProcedure(options.url, {
          path: procedure.path,
          type: procedure.type,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        rows.push({ path: procedure.path, who: caller.who, expected: caller.expected, status });
      }
      return rows;
    }),
  );
  const mismatches = outcomes
    .flat()
    .filter((row) =>
      row.expected === 'past authorization'
        ? row.status === 401 || row.status === 403
        : row.status !== row.expected,
    );
  return { checked: procedures, mismatches };
}
