/**
 * What the importer asks of each owning service, one command per legacy document (or part of one).
 * Every command carries the legacy id it comes from: the owner keeps it as an external reference
 * (unique), which is what makes a second run, a resumed run or a delta create nothing twice.
 */
import type {
  ContentCategory,
  Currency,
  Language,
  NotificationCategory,
  OverlayCorner,
  OverlaySize,
  RotationStrategy,
} from '@gametriggers/contracts';

export type ImportedRole = 'brand' | 'streamer';

export interface AccountImport {
  legacyId: string;
  email: string;
  name: string;
  role: ImportedRole;
  /** The monolith's bcrypt hash, checked at the first sign-in and then replaced by identity's own. */
  legacyPasswordHash: string | null;
  /** No usable password and no OAuth link: the account is told to choose a password by mail. */
  needsPasswordReset: boolean;
  oauthLinks: Array<{ provider: 'twitch' | 'google'; providerAccountId: string }>;
  suspended: boolean;
  createdAt: Date | null;
}

export interface StreamerProfileImport {
  legacyUserId: string;
  displayName: string;
  channelUrl: string | null;
  avatarUrl: string | null;
  bio: string | null;
  categories: ContentCategory[];
  languages: Language[];
}

export interface BrandProfileImport {
  legacyUserId: string;
  companyName: string;
  description: string | null;
}

export interface OverlayImport {
  legacyUserId: string;
  /** The old `/overlay/<token>` credential: kept so OBS sources keep working after the switch. */
  legacyOverlayToken: string | null;
  corner: OverlayCorner;
  size: OverlaySize;
  /** 0–100, the old opacity slider. */
  opacity: number;
  strategy: RotationStrategy;
  rotationIntervalMinutes: number;
}

/** For the streamer service's `internal.importProgression`, once streamer profiles are imported. */
export interface ProgressionImport {
  legacyUserId: string;
  streakCurrent: number;
  streakLongest: number;
  streakLastDay: Date | null;
  xp: number;
  level: number;
  reputation: number;
}

export interface EnergyImport {
  legacyUserId: string;
  current: number;
  maximum: number;
}

export type ImportedCampaignStatus =
  'draft' | 'pending_review' | 'active' | 'paused' | 'completed' | 'rejected' | 'cancelled';

export interface CampaignImport {
  legacyId: string;
  legacyBrandId: string;
  title: string;
  description: string | null;
  status: ImportedCampaignStatus;
  budgetCents: bigint;
  remainingBudgetCents: bigint;
  pricing: { model: 'cpm' | 'fixed'; rateCents: bigint };
  categories: ContentCategory[];
  languages: Language[];
  startsAt: Date | null;
  endsAt: Date | null;
  creative: { url: string; type: 'image' | 'video' } | null;
  rejectionReason: string | null;
}

export type ImportedParticipationStatus =
  'active' | 'paused' | 'completed' | 'left_early' | 'removed' | 'rejected';

export interface ParticipationImport {
  legacyId: string;
  legacyCampaignId: string;
  legacyStreamerId: string;
  status: ImportedParticipationStatus;
  removalReason: 'violation' | 'fraud' | 'admin_decision' | 'brand_decision' | null;
  joinedAt: Date;
  impressions: number;
  clicks: number;
}

export interface GKeyImport {
  legacyId: string;
  legacyUserId: string;
  category: ContentCategory;
  state: 'available' | 'locked' | 'cooloff';
  usageCount: number;
  cooloffEndsAt: Date | null;
  legacyLockedCampaignId: string | null;
}

export interface ConflictRuleImport {
  legacyId: string;
  name: string;
  type: 'category_exclusivity' | 'brand_exclusivity' | 'cooldown' | 'simultaneous_limit';
  severity: 'blocking' | 'warning' | 'advisory';
  active: boolean;
  priority: number;
  categories: ContentCategory[];
  cooldownHours: number | null;
  maxSimultaneous: number | null;
}

export type OpeningAccount =
  'brand_wallet' | 'streamer_earnings_available' | 'streamer_earnings_pending';

export interface OpeningBalanceImport {
  legacyWalletId: string;
  legacyUserId: string;
  currency: Currency;
  /** Only non-zero amounts; each one opening entry from the world side into the account. */
  entries: Array<{ account: OpeningAccount; cents: bigint }>;
  /** The old balances exactly (millionths of a unit), for the money check. */
  legacyMillionths: bigint;
}

export interface KycImport {
  legacyId: string;
  legacyUserId: string;
  state: 'not_started' | 'pending' | 'approved' | 'rejected' | 'expired';
  decidedAt: Date | null;
  rejectionReason: string | null;
}

export interface NotificationImport {
  legacyId: string;
  legacyUserId: string;
  category: NotificationCategory;
  title: string;
  body: string;
  read: boolean;
  createdAt: Date;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };
export const mapped = <T>(value: T): Mapped<T> => ({ ok: true, value });
export const refused = <T>(reason: string): Mapped<T> => ({ ok: false, reason });
