import type { DevSecrets } from '@gametriggers/devstack';
import { gateway, platformEnv } from '@gametriggers/devstack';

/** A value Compose takes from the environment (or an `.env` file) and refuses to start without. */
export const required = (name: string) => `\${${name}:?set ${name}, see deploy/README.md}`;

const secretNames: Array<keyof DevSecrets> = ['SERVICE_SECRET', 'SIGNING_KEY_SECRET', 'NEXTAUTH_SECRET', 'ENCRYPTION_KEY', 'PUSHER_SECRET'];

export interface ContainerEnvOptions {
  stripe: Record<string, string>;
  uploadThing: Record<string, string>;
  standInHost: string;
  gatewayHost: string;
}

/**
 * Every process's environment when each runs in its own container named after it: the same values
 * `pnpm dev` uses (`platformEnv`), with the containers' addresses and the secrets left to the
 * environment.
 */
export function containerEnv(options: ContainerEnvOptions) {
  const secrets = Object.fromEntries(secretNames.map((name) => [name, required(name)])) as unknown as DevSecrets;
  const gatewayUrl = `http://${options.gatewayHost}:${gateway.port}`;
  const env = platformEnv({
    databaseServerUrl: 'postgresql://postgres@postgres:5432/postgres',
    redisUrl: 'redis://redis:6379',
    secrets,
    stripeEnv: options.stripe,
    uploadThingEnv: options.uploadThing,
    network: {
      serviceAddress: (entry) => `http://${entry.name}:${entry.port}`,
      listenHost: '0.0.0.0',
      standInHost: options.standInHost,
      publicPusherHost: options.standInHost,
      gatewayUrl,
    },
  });
  // Derived from the signing secret by `pnpm dev`; here an operator's secret of its own.
  env.admin = { ...env.admin, AUDIT_CHECKPOINT_KEY: required('AUDIT_CHECKPOINT_KEY') };
  return env;
}
