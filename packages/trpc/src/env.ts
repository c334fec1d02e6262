import type { z } from 'zod';

export class InvalidEnvironmentError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(
      `${service} cannot start: its environment is incomplete.\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSet these variables (see README.md, "Configuration") and start it again.',
    );
    this.name = 'InvalidEnvironmentError';
  }
}

/** Validates a service's environment at boot and explains every problem at once. */
export function parseEnv<TSchema extends z.ZodType>(
  service: string,
  schema: TSchema,
  source: Record<string, string | undefined> = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return source[name] === undefined || source[name] === ''
      ? `${name} is missing (${issue.message})`
      : `${name} is invalid: ${issue.message}`;
  });
  throw new InvalidEnvironmentError(service, problems);
}
