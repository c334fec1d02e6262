/**
 * The demo marketplace `pnpm dev` seeds: brands (verified, pending, rejected), streamers across
 * categories and languages with Twitch channels at the stand-in, campaigns in every state, and
 * participations. Everything goes through the platform's own API (identity, the gateway), so the
 * demo data obeys the same rules as real data; a second run leaves existing data alone.
 */
import { createApiClient } from '@gametriggers/api';
import type { ApiClient } from '@gametriggers/api';
import type { DemoDisplays } from './demo-delivery';
import { approveCreative, checkedCreative, demoCreativeFile, uploadCreative } from './demo-creatives';
import { reportDemoDisplays } from './demo-delivery';
import { uploadCheckedCertificate } from './demo-documents';
import { topUpAmounts, topUpByCard } from './demo-wallets';
import type {
  CampaignFieldsInput,
  ContentCategory,
  Country,
  Language,
  OnboardBrandInput,
} from '@gametriggers/contracts';
import type { AdminCredentials, TwitchStandInChannel } from '@gametriggers/testing';
import { signInAdminWithTotp } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { DEMO_ADMIN_TOTP_SECRET, demoAccounts } from './services';

/** Every extra demo account signs in with this password. */
export const DEMO_PASSWORD = 'DemoPassword!2026';

type BrandVerification = 'verified' | 'pending' | 'rejected' | 'unverified';
type CampaignTarget = 'draft' | 'pending_review' | 'active' | 'paused' | 'completed' | 'rejected' | 'cancelled';

interface DemoBrand {
  email: string;
  password: string;
  company: string;
  industry: string;
  website: string;
  contact: string;
  country: Country;
  categories: ContentCategory[];
  verification: BrandVerification;
  campaigns: DemoCampaign[];
}

interface DemoCampaign {
  key: string;
  target: CampaignTarget;
  fields: Omit<CampaignFieldsInput, 'startsAt' | 'endsAt' | 'creative' | 'clickThroughUrl' | 'frequency'> & {
    days: number;
    /** Its creative: a file in `packages/devstack/demo-creatives/`, uploaded as the brand. */
    image: string;
  };
}

interface DemoStreamer {
  email: string;
  password: string;
  displayName: string;
  login: string;
  categories: [ContentCategory, ...ContentCategory[]];
  language: Language;
  country: Country;
  timezone: string;
  followers: number;
  liveViewers: number | null;
  /** Campaign keys to join (open) or apply to (approval). */
  joins: string[];
}

const account = (role: 'brand' | 'streamer' | 'admin') => {
  const found = demoAccounts.find((entry) => entry.role === role);
  if (!found) throw new Error(`No demo ${role} account`);
  return found;
};

const campaign = (
  key: string,
  target: CampaignTarget,
  fields: DemoCampaign['fields'],
): DemoCampaign => ({ key, target, fields });

export const demoBrands: DemoBrand[] = [
  {
    email: account('brand').email,
    password: account('brand').password,
    company: 'Acme Energy',
    industry: 'Energy drinks',
    website: 'https://acme-energy.example',
    contact: 'Jordan Reyes',
    country: 'US',
    categories: ['fps', 'battle_royale', 'esports'],
    verification: 'verified',
    campaigns: [
      campaign('acme-clutch', 'active', {
        title: 'Acme Clutch Moments',
        description: 'Show the Acme can when the round is on the line. Thirty seconds, top corner, twice an hour.',
        image: 'acme/clutch.jpg',
        categories: ['fps', 'battle_royale'],
        languages: ['en'],
        regions: ['US', 'CA', 'GB'],
        minFollowers: 1_000,
        budgetCents: 500_000,
        pricing: { model: 'cpm', rateCents: 1_200 },
        joinMode: 'open',
        days: 30,
      }),
      campaign('acme-league', 'active', {
        title: 'Acme League Nights',
        description: 'A season-long partnership for MOBA and esports casters. Apply with your schedule.',
        image: 'acme/league.jpg',
        categories: ['moba', 'esports'],
        languages: [],
        regions: [],
        minAverageViewers: 20,
        budgetCents: 1_000_000,
        pricing: { model: 'fixed', rateCents: 25_000 },
        joinMode: 'approval',
        maxParticipants: 20,
        days: 60,
      }),
      campaign('acme-summer', 'paused', {
        title: 'Acme Summer Heat',
        description: 'Summer flavour launch; paused while the new creative is printed.',
        image: 'acme/summer.jpg',
        categories: ['irl', 'just_chatting'],
        budgetCents: 300_000,
        pricing: { model: 'cpc', rateCents: 45 },
        joinMode: 'open',
        days: 45,
      }),
      campaign('acme-winter', 'draft', {
        title: 'Acme Winter Cup',
        description: 'Draft for the winter tournament sponsorship.',
        image: 'acme/winter.jpg',
        categories: ['esports'],
        budgetCents: 800_000,
        pricing: { model: 'cpm', rateCents: 1_500 },
        joinMode: 'approval',
        days: 20,
      }),
      campaign('acme-retro', 'pending_review', {
        title: 'Acme Retro Weekend',
        description: 'Retro gaming weekend with a throwback can design.',
        image: 'acme/retro.jpg',
        categories: ['retro', 'indie'],
        budgetCents: 150_000,
        pricing: { model: 'cpm', rateCents: 900 },
        joinMode: 'open',
        days: 14,
      }),
      campaign('acme-spring', 'completed', {
        title: 'Acme Spring Sprint',
        description: 'Ended by Acme right after launch, when the spring range sold out: its one streamer showed it once before the end.',
        image: 'acme/spring.jpg',
        categories: ['racing', 'sports'],
        budgetCents: 200_000,
        pricing: { model: 'cpm', rateCents: 1_000 },
        joinMode: 'open',
        days: 10,
      }),
      campaign('acme-bold', 'rejected', {
        title: 'Acme Bold Claims',
        description: 'A creative promising more energy than physics allows.',
        image: 'acme/bold.jpg',
        categories: ['fps'],
        budgetCents: 100_000,
        pricing: { model: 'cpm', rateCents: 800 },
        joinMode: 'open',
        days: 7,
      }),
      campaign('acme-pop-up', 'cancelled', {
        title: 'Acme Pop-up Store',
        description: 'Pop-up store promotion, cancelled when the venue fell through.',
        image: 'acme/pop-up.jpg',
        categories: ['irl'],
        budgetCents: 120_000,
        pricing: { model: 'fixed', rateCents: 10_000 },
        joinMode: 'open',
        days: 7,
      }),
    ],
  },
  {
    email: 'nova@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    company: 'Nova Peripherals',
    industry: 'Gaming hardware',
    website: 'https://nova-peripherals.example',
    contact: 'Mina Okafor',
    country: 'DE',
    categories: ['fps', 'moba', 'tech'],
    verification: 'verified',
    campaigns: [
      campaign('nova-aim', 'active', {
        title: 'Nova Aim Pro mouse',
        description: 'Our lightest mouse yet. Viewers get 15% off through your link.',
        image: 'nova/aim.jpg',
        categories: ['fps', 'tech'],
        languages: ['en', 'de'],
        regions: [],
        budgetCents: 750_000,
        pricing: { model: 'cpc', rateCents: 60 },
        joinMode: 'open',
        days: 40,
      }),
      campaign('nova-keys', 'active', {
        title: 'Nova Keys for RPG nights',
        description: 'Mechanical keyboards for long RPG sessions.',
        image: 'nova/keys.jpg',
        categories: ['rpg', 'strategy'],
        languages: ['de', 'ja', 'en'],
        regions: ['DE', 'AT', 'CH', 'JP', 'US'],
        budgetCents: 400_000,
        pricing: { model: 'cpm', rateCents: 1_400 },
        joinMode: 'open',
        days: 30,
      }),
    ],
  },
  {
    email: 'lumen@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    company: 'Lumen Snacks',
    industry: 'Food & beverage',
    website: 'https://lumen-snacks.example',
    contact: 'Sofia Lindqvist',
    country: 'SE',
    categories: ['just_chatting', 'music', 'irl'],
    verification: 'verified',
    campaigns: [
      campaign('lumen-crunch', 'active', {
        title: 'Lumen Crunch Break',
        description: 'A snack break card for chatting and music streams, any language, worldwide.',
        image: 'lumen/crunch.jpg',
        categories: ['just_chatting', 'music', 'creative'],
        budgetCents: 250_000,
        pricing: { model: 'fixed', rateCents: 15_000 },
        joinMode: 'approval',
        days: 21,
      }),
    ],
  },
  {
    email: 'orbit@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    company: 'Orbit VPN',
    industry: 'Software',
    website: 'https://orbit-vpn.example',
    contact: 'Hiro Tanaka',
    country: 'JP',
    categories: ['tech', 'fps'],
    verification: 'pending',
    campaigns: [],
  },
  {
    email: 'glyph@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    company: 'Glyph Studios',
    industry: 'Game publisher',
    website: 'https://glyph-studios.example',
    contact: 'Ana Costa',
    country: 'BR',
    categories: ['indie', 'rpg'],
    verification: 'rejected',
    campaigns: [],
  },
  {
    email: 'fable@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    company: 'Fable Fitness',
    industry: 'Health & fitness',
    website: 'https://fable-fitness.example',
    contact: 'Chris Walker',
    country: 'GB',
    categories: ['sports', 'irl'],
    verification: 'unverified',
    campaigns: [],
  },
];

export const demoStreamers: DemoStreamer[] = [
  {
    email: account('streamer').email,
    password: account('streamer').password,
    displayName: 'Pixel Pat',
    login: 'pixelpat',
    categories: ['fps', 'battle_royale', 'tech'],
    language: 'en',
    country: 'US',
    timezone: 'America/New_York',
    followers: 12_400,
    liveViewers: 340,
    joins: ['acme-clutch', 'nova-aim'],
  },
  {
    email: 'nina@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'NovaNina',
    login: 'novanina',
    categories: ['moba', 'rpg', 'esports'],
    language: 'de',
    country: 'DE',
    timezone: 'Europe/Berlin',
    followers: 48_000,
    liveViewers: 1_200,
    joins: ['acme-league', 'nova-keys'],
  },
  {
    email: 'luis@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'LagunaLuis',
    login: 'lagunaluis',
    categories: ['sports', 'racing', 'fps'],
    language: 'es',
    country: 'ES',
    timezone: 'Europe/Madrid',
    followers: 8_900,
    // Live, so the completed campaign's moment on stream counts: their overlay reports it shown,
    // and their participation completes with the campaign.
    liveViewers: 260,
    joins: ['acme-spring'],
  },
  {
    email: 'kai@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'KaiCodes',
    login: 'kaicodes',
    categories: ['tech', 'just_chatting', 'fps'],
    language: 'en',
    country: 'GB',
    timezone: 'Europe/London',
    followers: 21_000,
    liveViewers: 410,
    joins: ['nova-aim', 'lumen-crunch'],
  },
  {
    email: 'sakura@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'SakuraPlays',
    login: 'sakuraplays',
    categories: ['rpg', 'indie', 'retro'],
    language: 'ja',
    country: 'JP',
    timezone: 'Asia/Tokyo',
    followers: 67_000,
    liveViewers: null,
    joins: ['nova-keys'],
  },
  {
    email: 'mira@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'MiraMusic',
    login: 'miramusic',
    categories: ['music', 'irl', 'creative'],
    language: 'pt',
    country: 'BR',
    timezone: 'America/Sao_Paulo',
    followers: 5_300,
    liveViewers: 95,
    joins: ['lumen-crunch'],
  },
  {
    email: 'ole@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'OleOnIce',
    login: 'oleonice',
    categories: ['sports', 'simulation'],
    language: 'sv',
    country: 'SE',
    timezone: 'Europe/Stockholm',
    followers: 2_100,
    liveViewers: null,
    joins: [],
  },
  {
    email: 'zoe@demo.gametriggers.dev',
    password: DEMO_PASSWORD,
    displayName: 'ZoeFrags',
    login: 'zoefrags',
    categories: ['fps', 'battle_royale'],
    language: 'en',
    country: 'CA',
    timezone: 'America/Toronto',
    followers: 3_400,
    liveViewers: 60,
    joins: ['acme-clutch'],
  },
];

/** The Twitch channels the API stand-in serves, one per demo streamer. */
export const demoTwitchChannels: TwitchStandInChannel[] = demoStreamers.map((streamer) => ({
  login: streamer.login,
  displayName: streamer.displayName,
  email: streamer.email,
  followers: streamer.followers,
  liveViewers: streamer.liveViewers,
  language: streamer.language,
}));

export interface MarketplaceSeedOptions {
  gatewayUrl: string;
  identityUrl: string;
  serviceSecret: string;
  /** Where the streamer portal's Twitch callback lives (the redirect URI the stand-in sends back to). */
  streamerPortalUrl: string;
  /** The local Stripe, where the demo brands pay their top-ups with a test card. */
  stripeUrl: string;
  log?: (line: string) => void;
}

export interface MarketplaceSeedSummary {
  brands: number;
  streamers: number;
  campaigns: number;
  participations: number;
  /** Accounts that already had data and were left alone. */
  skipped: number;
}

async function ensureAccount(options: MarketplaceSeedOptions, person: { email: string; password: string; name: string; role: 'brand' | 'streamer' }) {
  const token = await signServiceToken(options.serviceSecret, 'devstack');
  const response = await fetch(`${options.identityUrl}/trpc/identity.seedDemoUser`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-service-token': token },
    body: JSON.stringify({ json: person }),
  });
  if (!response.ok) throw new Error(`Seeding ${person.email} failed: HTTP ${response.status} ${await response.text()}`);
}

/** The API as a person, and a fresh access token of theirs for what goes outside it (uploads). */
async function signedInSession(options: MarketplaceSeedOptions, email: string, password: string) {
  const anonymous = createApiClient({ gatewayUrl: options.gatewayUrl });
  let session = await anonymous.identity.login.mutate({ email, password });
  // Browser tests run identity with access tokens of a few seconds: renew like a portal does.
  const renewSession = async () => {
    session = await anonymous.identity.refresh.mutate({ refreshToken: session.refreshToken });
    return true;
  };
  const api = createApiClient({ gatewayUrl: options.gatewayUrl, getAccessToken: () => session.accessToken, renewSession });
  return {
    api,
    async freshAccessToken() {
      await renewSession();
      return session.accessToken;
    },
  };
}

async function signedIn(options: MarketplaceSeedOptions, email: string, password: string): Promise<ApiClient> {
  return (await signedInSession(options, email, password)).api;
}

async function signedInAdmin(options: MarketplaceSeedOptions, admin: AdminCredentials): Promise<ApiClient> {
  const anonymous = createApiClient({ gatewayUrl: options.gatewayUrl });
  let session = await signInAdminWithTotp(anonymous, admin);
  const renewSession = async () => {
    session = await anonymous.identity.refresh.mutate({ refreshToken: session.refreshToken });
    return true;
  };
  return createApiClient({ gatewayUrl: options.gatewayUrl, getAccessToken: () => session.accessToken, renewSession });
}

function brandProfile(brand: DemoBrand): OnboardBrandInput {
  return {
    companyInfo: { name: brand.company, industry: brand.industry, size: 'medium', website: brand.website },
    contactPerson: { name: brand.contact, position: 'Head of partnerships' },
    preferences: {
      targetAudience: ['gamers 18-34', 'esports fans'],
      contentCategories: brand.categories,
      budgetRange: { minCents: 100_000, maxCents: 2_000_000 },
      regions: [brand.country],
    },
    billingInfo: {
      address: { line1: '1 Market Street', city: 'Springfield', postalCode: '10001', country: brand.country },
      taxId: `TAX-${brand.company.slice(0, 4).toUpperCase()}-001`,
      currency: 'USD',
    },
  };
}

/** What each demo brand keeps in its wallet beyond its approved budgets, so Billing is not empty. */
const DEMO_WALLET_SPARE_CENTS = 50_000;

/** Ad displays the demo streamer's overlay reports at seeding (each counts the live viewers). */
const DEMO_DISPLAYS = 12;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each campaign's creative, uploaded as the brand through the official client and checked by the
 * asset service; an admin approves them in the moderation queue, except a draft's (left waiting,
 * so the queue has one). Answers the asset ids by campaign key.
 */
async function uploadDemoCreatives(
  options: MarketplaceSeedOptions,
  brand: DemoBrand,
  session: Awaited<ReturnType<typeof signedInSession>>,
  admin: ApiClient,
): Promise<Map<string, string>> {
  const assetIds = new Map<string, string>();
  for (const demo of brand.campaigns) {
    const accessToken = await session.freshAccessToken();
    assetIds.set(demo.key, await uploadCreative({ gatewayUrl: options.gatewayUrl, accessToken }, demoCreativeFile(demo.fields.image)));
  }
  for (const demo of brand.campaigns) {
    const assetId = assetIds.get(demo.key)!;
    await checkedCreative(session.api, assetId);
    if (demo.target !== 'draft') await approveCreative(admin, session.api, assetId);
  }
  return assetIds;
}

export async function seedMarketplace(options: MarketplaceSeedOptions): Promise<MarketplaceSeedSummary> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const summary: MarketplaceSeedSummary = { brands: 0, streamers: 0, campaigns: 0, participations: 0, skipped: 0 };
  const admin = await signedInAdmin(options, { ...account('admin'), totpSecret: DEMO_ADMIN_TOTP_SECRET });

  // Streamers first, so campaigns can be joined as soon as they launch.
  const streamerClients = new Map<string, ApiClient>();
  for (const streamer of demoStreamers) {
    await ensureAccount(options, { email: streamer.email, password: streamer.password, name: streamer.displayName, role: 'streamer' });
    const api = await signedIn(options, streamer.email, streamer.password);
    if (await api.streamer.me.query()) {
      summary.skipped += 1;
      continue;
    }
    const [primaryCategory, ...secondaryCategories] = streamer.categories;
    await api.streamer.onboard.mutate({
      displayName: streamer.displayName,
      content: { primaryCategory, secondaryCategories, language: streamer.language, rating: 'teen' },
      demographics: {
        country: streamer.country,
        timezone: streamer.timezone,
        streamingSchedule: { days: ['mon', 'wed', 'fri', 'sat'], startTime: '19:00', endTime: '23:00' },
      },
    });
    await connectTwitch(api, options.streamerPortalUrl, streamer.login);
    streamerClients.set(streamer.email, api);
    summary.streamers += 1;
  }

  // Brands, their verification, then their campaigns up to each one's target state.
  const campaignIds = new Map<string, { id: string; joinMode: 'open' | 'approval'; brand: ApiClient }>();
  const toApprove: Array<{ id: string; target: CampaignTarget; brand: ApiClient; budgetCents: number }> = [];
  let latestStart = Date.now();
  for (const brand of demoBrands) {
    await ensureAccount(options, { email: brand.email, password: brand.password, name: brand.company, role: 'brand' });
    const session = await signedInSession(options, brand.email, brand.password);
    const api = session.api;
    if (await api.brand.me.query()) {
      summary.skipped += 1;
      continue;
    }
    const profile = await api.brand.onboard.mutate(brandProfile(brand));
    summary.brands += 1;
    if (brand.verification !== 'unverified') {
      const certificate = await uploadCheckedCertificate({
        gatewayUrl: options.gatewayUrl,
        brand: api,
        accessToken: await session.freshAccessToken(),
        company: brand.company,
      });
      await api.brand.requestVerification.mutate({
        documents: [{ kind: 'registration', assetId: certificate.assetId }],
        note: 'Our registration certificate.',
      });
      if (brand.verification === 'verified') await admin.brand.verify.mutate({ brandId: profile.id });
      if (brand.verification === 'rejected') {
        await admin.brand.reject.mutate({ brandId: profile.id, reason: 'The certificate is unreadable; please upload a clearer scan.' });
      }
    }
    const creatives = await uploadDemoCreatives(options, brand, session, admin);
    for (const demo of brand.campaigns) {
      const { days, image: _image, ...fields } = demo.fields;
      const later = demo.target === 'draft' || demo.target === 'pending_review' || demo.target === 'cancelled';
      // Soon enough to approve and launch in this run, late enough to pass the submit check even on
      // a machine slow enough to take seconds between creating and submitting.
      const start = new Date(Date.now() + (later ? 7 * 86_400_000 : 15_000));
      if (!later) latestStart = Math.max(latestStart, start.getTime());
      const created = await api.campaign.create.mutate({
        ...fields,
        creative: { assetId: creatives.get(demo.key)!, altText: `${brand.company}: ${fields.title}` },
        clickThroughUrl: `${brand.website}/?utm_source=gametriggers&utm_campaign=${demo.key}`,
        frequency: { adDurationSeconds: 20, minMinutesBetweenShows: 15, maxShowsPerHour: 3 },
        startsAt: start,
        endsAt: new Date(start.getTime() + days * 86_400_000),
      });
      summary.campaigns += 1;
      campaignIds.set(demo.key, { id: created.id, joinMode: fields.joinMode ?? 'open', brand: api });
      if (demo.target === 'cancelled') await api.campaign.cancel.mutate({ campaignId: created.id });
      if (demo.target === 'draft' || demo.target === 'cancelled') continue;
      await api.campaign.submit.mutate({ campaignId: created.id });
      if (demo.target === 'rejected') {
        await admin.campaign.reject.mutate({ campaignId: created.id, reason: 'Health claims in the creative need substantiation.' });
      } else if (demo.target !== 'pending_review') {
        toApprove.push({ id: created.id, target: demo.target, brand: api, budgetCents: fields.budgetCents });
      }
    }
  }

  // Approval reserves each budget from the brand's wallet: every brand pays for its campaigns (and a
  // little to spare) by card first, through Checkout and the webhook like anyone else.
  const budgets = new Map<ApiClient, number>();
  for (const approved of toApprove) budgets.set(approved.brand, (budgets.get(approved.brand) ?? 0) + approved.budgetCents);
  for (const [brand, budgetCents] of budgets) {
    for (const amountCents of topUpAmounts(budgetCents + DEMO_WALLET_SPARE_CENTS)) {
      await topUpByCard(brand, options.stripeUrl, amountCents);
    }
  }

  // Approved once their start has passed, so they launch at once.
  await sleep(Math.max(0, latestStart - Date.now() + 200));
  for (const approved of toApprove) {
    await admin.campaign.approve.mutate({ campaignId: approved.id });
  }

  const shownBeforeTheEnd: DemoDisplays[] = [];
  const completing = new Set(toApprove.filter((approved) => approved.target === 'completed').map((approved) => approved.id));
  let demoDelivery: DemoDisplays | undefined;
  for (const streamer of demoStreamers) {
    const api = streamerClients.get(streamer.email);
    if (!api) continue;
    for (const key of streamer.joins) {
      const target = campaignIds.get(key);
      if (!target) continue;
      if (target.joinMode === 'open') {
        const { participation } = await api.participation.join.mutate({ campaignId: target.id, acknowledgeWarnings: true });
        const shown = { gatewayUrl: options.gatewayUrl, streamer: api, participationId: participation.id, campaignId: target.id, viewers: streamer.liveViewers ?? 0 };
        // The completed campaign was shown once before Acme ended it.
        if (completing.has(target.id) && shown.viewers > 0) shownBeforeTheEnd.push({ ...shown, displays: 1 });
        if (streamer.email === account('streamer').email && !demoDelivery) demoDelivery = { ...shown, displays: DEMO_DISPLAYS };
      } else await api.participation.applyToCampaign.mutate({ campaignId: target.id, message: `${streamer.displayName} would love to run this.`, acknowledgeWarnings: true });
      summary.participations += 1;
    }
  }

  for (const shown of shownBeforeTheEnd) await reportDemoDisplays(shown, log);
  // The demo streamer has been on air with the first campaign they joined: their overlay's reports
  // make a counted, charged hour, so Earnings and the brand's spend are not empty.
  if (demoDelivery && demoDelivery.viewers > 0) await reportDemoDisplays(demoDelivery, log);

  for (const approved of toApprove) {
    if (approved.target === 'paused') await approved.brand.campaign.pause.mutate({ campaignId: approved.id });
    if (approved.target === 'completed') await approved.brand.campaign.end.mutate({ campaignId: approved.id });
  }
  log(
    `Demo marketplace: ${summary.brands} brands, ${summary.streamers} streamers, ${summary.campaigns} campaigns, ${summary.participations} participations seeded` +
      (summary.skipped ? ` (${summary.skipped} accounts already had data, left alone)` : ''),
  );
  return summary;
}

/** The streamer's Twitch connection, through the stand-in's authorize redirect like a browser would. */
async function connectTwitch(api: ApiClient, streamerPortalUrl: string, login: string) {
  const redirectUri = `${streamerPortalUrl}/connect/twitch`;
  const { url } = await api.streamer.platforms.authorizationUrl.mutate({ platform: 'twitch', redirectUri });
  const authorize = new URL(url);
  authorize.searchParams.set('login', login);
  const response = await fetch(authorize, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`The Twitch stand-in did not redirect back for ${login} (HTTP ${response.status})`);
  const back = new URL(location);
  await api.streamer.platforms.connect.mutate({
    platform: 'twitch',
    code: back.searchParams.get('code') ?? '',
    state: back.searchParams.get('state') ?? '',
    redirectUri,
  });
}
