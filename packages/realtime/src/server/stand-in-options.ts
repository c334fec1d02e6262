import { z } from 'zod';

export const standInAppSchema = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  secret: z.string().min(1),
});
export type StandInApp = z.infer<typeof standInAppSchema>;

export const standInOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  apps: z.array(standInAppSchema).min(1),
  /** Sent to clients in the handshake; a silent socket is pinged after this long. */
  activityTimeoutSeconds: z.number().int().positive().default(120),
  /** How long a pinged socket has to answer before it is closed (4201). */
  pongTimeoutSeconds: z.number().positive().default(30),
});
export type StandInOptions = z.input<typeof standInOptionsSchema>;
