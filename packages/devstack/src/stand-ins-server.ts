/**
 * Every local stand-in in one process, for a platform run in containers (docker compose): the mail
 * catcher, the Twitch and Google sign-in providers, the Twitch and YouTube APIs, the Pusher-protocol
 * server, the local Stripe and the local UploadThing, on their development ports.
 */
import { z } from 'zod';
import { startStandIns } from './platform';

const env = z
  .object({
    HOST: z.string().default('0.0.0.0'),
    /** The name browsers and the services reach this container by (a `*.localhost` alias). */
    PUBLIC_HOST: z.string().default('localhost'),
    GATEWAY_URL: z.url(),
    PUSHER_SECRET: z.string().min(32),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_'),
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_'),
    UPLOADTHING_DIR: z.string().optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`stand-ins: invalid environment\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const standIns = await startStandIns({
  host: env.data.HOST,
  publicHost: env.data.PUBLIC_HOST,
  gatewayUrl: env.data.GATEWAY_URL,
  pusherSecret: env.data.PUSHER_SECRET,
  stripeWebhookSecrets: { platform: env.data.STRIPE_WEBHOOK_SECRET, connect: env.data.STRIPE_CONNECT_WEBHOOK_SECRET },
  uploadThingDir: env.data.UPLOADTHING_DIR,
});
console.warn(`stand-ins listening on ${env.data.HOST} as ${env.data.PUBLIC_HOST}`);
const stop = () => void standIns.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
