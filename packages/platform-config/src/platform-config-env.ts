import { z } from 'zod';

/** The environment a service reading the platform configuration needs (beside `SERVICE_SECRET`). */
export const platformConfigEnvShape = {
  /** The admin service, which keeps the platform configuration. */
  ADMIN_SERVICE_URL: z.url().default('http://127.0.0.1:4111'),
};
