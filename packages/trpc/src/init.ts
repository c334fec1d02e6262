import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { ServiceContext } from './context';
import type { ProcedureMeta } from './procedure-meta';
import { DomainError } from './errors';

interface ValidationIssue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function validationIssuesOf(cause: unknown): ValidationIssue[] | undefined {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)) {
    return cause.issues as ValidationIssue[];
  }
  return undefined;
}

function pathOf(issue: ValidationIssue): string {
  return (issue.path ?? [])
    .map((segment) => (typeof segment === 'object' ? segment.key : segment))
    .map(String)
    .join('.');
}

/** `{ "email": ["Enter a valid email address"] }`, for forms to show beside their fields. */
function fieldErrorsOf(issues: ValidationIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = pathOf(issue) || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export const t = initTRPC.context<ServiceContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const issues = error.code === 'BAD_REQUEST' ? validationIssuesOf(error.cause) : undefined;
    const domain = error.cause instanceof DomainError ? error.cause : undefined;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const message = issues
      ? issues
          .map((issue) => (pathOf(issue) ? `${pathOf(issue)}: ${issue.message}` : issue.message))
          .join('; ')
      : internal
        ? `Something went wrong on our side. Quote request id ${ctx?.requestId ?? 'unknown'} if you contact support.`
        : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        reason: domain?.reason,
        details: domain?.details,
        fieldErrors: issues ? fieldErrorsOf(issues) : domain?.fieldErrors,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
