import type { ServiceEntry } from '@gametriggers/devstack';
import { backendServices, gateway, portals, processName, standIns } from '@gametriggers/devstack';
import { createUploadThingToken, LOCAL_APP } from '@gametriggers/uploadthing-local';
import { containerEnv, required } from './container-env';
import { readyProbePath } from './probes';

/** The stand-ins' container, reached by this name from the other containers and from browsers (`*.localhost` is loopback). */
export const STAND_INS_HOST = 'stand-ins.localhost';
/** The gateway's name for browsers and the other containers alike. */
export const GATEWAY_HOST = 'gateway.localhost';

const SERVICE_DOCKERFILE = 'deploy/docker/service.Dockerfile';
const PORTAL_DOCKERFILE = 'deploy/docker/portal.Dockerfile';

/** A check run inside the container: the process's own readiness page. */
function readinessCheck(entry: ServiceEntry) {
  const url = `http://127.0.0.1:${entry.port}${readyProbePath(entry)}`;
  return {
    test: ['CMD', 'node', '-e', `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
    interval: '5s',
    timeout: '3s',
    retries: 30,
    start_period: '20s',
  };
}

const healthy = { condition: 'service_healthy' } as const;

/** The local SaaS stand-ins' settings for the services, at the stand-ins container. */
function standInEnv() {
  const uploadThingUrl = `http://${STAND_INS_HOST}:${standIns.uploadThing}`;
  return {
    stripe: {
      STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY:-sk_test_compose_local}',
      STRIPE_API_HOST: STAND_INS_HOST,
      STRIPE_API_PORT: String(standIns.stripe),
      STRIPE_API_PROTOCOL: 'http',
      STRIPE_WEBHOOK_SECRET: required('STRIPE_WEBHOOK_SECRET'),
      STRIPE_CONNECT_WEBHOOK_SECRET: required('STRIPE_CONNECT_WEBHOOK_SECRET'),
    },
    uploadThing: {
      UPLOADTHING_TOKEN: createUploadThingToken(LOCAL_APP),
      UPLOADTHING_INGEST_URL: uploadThingUrl,
      UPLOADTHING_API_URL: uploadThingUrl,
      UPLOADTHING_UFS_HOST: `${STAND_INS_HOST}:${standIns.uploadThing}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: 'path',
    },
  };
}

function serviceBlock(entry: ServiceEntry, environment: Record<string, string>) {
  return {
    build: { context: '.', dockerfile: SERVICE_DOCKERFILE, args: { PACKAGE_DIR: `apps/${entry.dir}` } },
    environment,
    healthcheck: readinessCheck(entry),
    // The kit drains in-flight requests for up to 10 s on SIGTERM.
    stop_grace_period: '20s',
    restart: 'unless-stopped',
    depends_on: {
      migrate: { condition: 'service_completed_successfully' },
      redis: healthy,
      'stand-ins': healthy,
    },
  };
}

/**
 * The whole platform for `docker compose up`: PostgreSQL and Redis, the databases created and
 * migrated by a one-shot `migrate` before any service starts, the local stand-ins, every service,
 * the gateway and the four portals, each with a health check.
 */
export function composeDocument() {
  const env = containerEnv({ ...standInEnv(), standInHost: STAND_INS_HOST, gatewayHost: GATEWAY_HOST });
  const services: Record<string, unknown> = {
    postgres: {
      image: 'postgres:15',
      environment: { POSTGRES_USER: 'postgres', POSTGRES_HOST_AUTH_METHOD: 'trust' },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      // Published: `pnpm dev` on a machine without them starts these two alone (`docker compose up postgres redis`).
      ports: ['5432:5432'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'postgres'], interval: '2s', timeout: '3s', retries: 30 },
    },
    redis: {
      image: 'redis:7',
      command: ['redis-server', '--save', '', '--appendonly', 'no'],
      ports: ['6379:6379'],
      healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '2s', timeout: '3s', retries: 30 },
    },
    migrate: {
      build: { context: '.', dockerfile: SERVICE_DOCKERFILE, args: { PACKAGE_DIR: 'packages/devstack' } },
      command: ['node', '--import', 'tsx', 'src/migrate-databases.ts'],
      environment: { DATABASE_SERVER_URL: 'postgresql://postgres@postgres:5432/postgres' },
      depends_on: { postgres: healthy },
      restart: 'no',
    },
    'stand-ins': {
      build: { context: '.', dockerfile: SERVICE_DOCKERFILE, args: { PACKAGE_DIR: 'packages/devstack' } },
      command: ['node', '--import', 'tsx', 'src/stand-ins-server.ts'],
      environment: {
        HOST: '0.0.0.0',
        PUBLIC_HOST: STAND_INS_HOST,
        GATEWAY_URL: `http://${GATEWAY_HOST}:${gateway.port}`,
        PUSHER_SECRET: required('PUSHER_SECRET'),
        STRIPE_WEBHOOK_SECRET: required('STRIPE_WEBHOOK_SECRET'),
        STRIPE_CONNECT_WEBHOOK_SECRET: required('STRIPE_CONNECT_WEBHOOK_SECRET'),
        UPLOADTHING_DIR: '/data/uploadthing',
      },
      volumes: ['uploads:/data/uploadthing'],
      networks: { default: { aliases: [STAND_INS_HOST] } },
      ports: Object.values(standIns).map((port) => `${port}:${port}`),
      healthcheck: {
        test: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${standIns.mailHttp}/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
        interval: '5s',
        timeout: '3s',
        retries: 30,
      },
    },
  };
  for (const entry of backendServices) {
    const block = serviceBlock(entry, env[processName(entry)] ?? {});
    services[entry.name] =
      entry === gateway
        ? { ...block, ports: [`${entry.port}:${entry.port}`], networks: { default: { aliases: [GATEWAY_HOST] } } }
        : block;
  }
  for (const entry of portals) {
    services[processName(entry)] = {
      build: { context: '.', dockerfile: PORTAL_DOCKERFILE, args: { PACKAGE_DIR: `apps/${entry.dir}` } },
      environment: env[processName(entry)],
      ports: [`${entry.port}:${entry.port}`],
      healthcheck: readinessCheck(entry),
      restart: 'unless-stopped',
      depends_on: { gateway: healthy },
    };
  }
  return { services, volumes: { 'postgres-data': {}, uploads: {} } };
}
