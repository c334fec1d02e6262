import { createApiClient } from '@gametriggers/api';
import type { ApiClient } from '@gametriggers/api';
import type { AssetView, CampaignInput } from '@gametriggers/contracts';
import {
  DEMO_ADMIN_TOTP_SECRET,
  approveCreative,
  checkedCreative,
  demoCreativeFile,
  uploadCreative,
} from '@gametriggers/devstack';
import type { AdminCredentials } from '@gametriggers/testing';
import { signInAdminWithTotp } from '@gametriggers/testing';

export const gatewayUrl = 'http://localhost:4000';

/** The demo super admin (seeded like `pnpm dev` does), with its development authenticator secret. */
export const demoAdmin: AdminCredentials = {
  email: 'admin@demo.gametriggers.dev',
  password: 'DemoAdmin!2026',
  totpSecret: DEMO_ADMIN_TOTP_SECRET,
};

/**
 * The platform's API as a signed-in person, renewing the session as a portal does (the browser
 * tests run identity with access tokens of a few seconds).
 */
export async function apiAs(person: { email: string; password: string }): Promise<ApiClient> {
  return (await sessionAs(person)).api;
}

/** The API as a person, and a fresh access token of theirs for what goes outside it (uploads). */
export async function sessionAs(person: { email: string; password: string }) {
  const anonymous = createApiClient({ gatewayUrl });
  let session: Tokens = await anonymous.identity.login.mutate(person);
  const api = renewingClient(anonymous, () => session, (next) => (session = next));
  return {
    api,
    async freshAccessToken() {
      session = await anonymous.identity.refresh.mutate({ refreshToken: session.refreshToken });
      return session.accessToken;
    },
  };
}

/** The platform's API as an enrolled admin, signed in with a code from their known secret. */
export async function apiAsAdmin(admin: AdminCredentials): Promise<ApiClient> {
  const anonymous = createApiClient({ gatewayUrl });
  let session: Tokens = await signInAdminWithTotp(anonymous, admin);
  return renewingClient(anonymous, () => session, (next) => (session = next));
}

type Tokens = { accessToken: string; refreshToken: string };

function renewingClient(anonymous: ApiClient, current: () => Tokens, renewed: (next: Tokens) => void): ApiClient {
  return createApiClient({
    gatewayUrl,
    getAccessToken: () => current().accessToken,
    renewSession: async () => {
      renewed(await anonymous.identity.refresh.mutate({ refreshToken: current().refreshToken }));
      return true;
    },
  });
}

/**
 * A real image uploaded as the brand through the official `uploadthing` client and checked by the
 * asset service (moderation still pending): enough for a draft. `file`: one of the demo creatives
 * by default (a 1280×720 JPEG).
 */
export async function uploadCreativeAs(
  person: { email: string; password: string },
  file: File = demoCreativeFile('nova/aim.jpg'),
): Promise<AssetView> {
  const brand = await sessionAs(person);
  const assetId = await uploadCreative({ gatewayUrl, accessToken: await brand.freshAccessToken() }, file);
  return checkedCreative(brand.api, assetId);
}

/** As `uploadCreativeAs`, then approved by the demo admin in the moderation queue: a campaign can go to review with it. */
export async function uploadApprovedCreative(
  person: { email: string; password: string },
  file?: File,
): Promise<AssetView> {
  const asset = await uploadCreativeAs(person, file);
  return approveCreative(await apiAsAdmin(demoAdmin), await apiAs(person), asset.assetId);
}

const HOUR = 3_600_000;

/**
 * A complete campaign draft the specs change what they need of: starts in an hour, runs a week,
 * $200 at $10 CPM, open to any shooter streamer. `creative`: an upload of the brand's.
 */
export function draftCampaignFields(
  title: string,
  creative: { assetId: string; altText?: string },
  overrides: Partial<CampaignInput> = {},
): CampaignInput {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + HOUR);
  return {
    title,
    description: 'Show the sponsor between matches; link to the offer.',
    creative,
    clickThroughUrl: 'https://nova-peripherals.example/headset',
    categories: ['fps'],
    languages: [],
    regions: [],
    minFollowers: 0,
    minAverageViewers: 0,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7 * 24 * HOUR),
    budgetCents: 20_000,
    pricing: { model: 'cpm', rateCents: 1_000 },
    perStreamerCapCents: null,
    maxParticipants: null,
    frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 10, maxShowsPerHour: 4 },
    joinMode: 'open',
    gkeyCooloffHours: 720,
    targetImpressions: null,
    ...overrides,
  };
}
