import type { OverlayCorner, OverlaySize, RotationStrategy } from '@gametriggers/contracts';
import type { LegacyDocument } from '../extended-json';
import type {
  AccountImport,
  BrandProfileImport,
  EnergyImport,
  ImportedRole,
  Mapped,
  OverlayImport,
  ProgressionImport,
  StreamerProfileImport,
} from '../import-commands';
import { mapped, refused } from '../import-commands';
import {
  legacyBoolean,
  legacyDate,
  legacyId,
  legacyNumber,
  legacyObject,
  legacyText,
  legacyWordList,
} from '../legacy-fields';
import { platformCategories, platformLanguages } from './vocabulary';

/**
 * The monolith's roles (it grew a team-role model: `admin_brand`, `marketing_head`…). Brand and
 * streamer people come along; staff accounts are not imported: admins are made anew here, with a
 * second factor (README, Admins).
 */
const roleByLegacyRole: Record<string, ImportedRole> = {
  brand: 'brand',
  admin_brand: 'brand',
  marketing_head: 'brand',
  campaign_manager: 'brand',
  finance_manager: 'brand',
  streamer: 'streamer',
  streamer_individual: 'streamer',
  independent_publisher: 'streamer',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** bcrypt's modular-crypt form, as the monolith's `bcrypt.hash(password, 10)` wrote it. */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

export interface MappedUser {
  account: AccountImport;
  streamerProfile: StreamerProfileImport | null;
  brandProfile: BrandProfileImport | null;
  overlay: OverlayImport | null;
  progression: ProgressionImport | null;
  energy: EnergyImport | null;
}

export function normalizedEmail(document: LegacyDocument): string | undefined {
  const email = legacyText(document.email)?.toLowerCase();
  return email && EMAIL.test(email) && email.length <= 254 ? email : undefined;
}

function oauthLinks(document: LegacyDocument): AccountImport['oauthLinks'] {
  const providerAccountId = legacyText(document.authProviderId);
  const provider = legacyText(document.authProvider)?.toLowerCase();
  if (!providerAccountId) return [];
  if (provider === 'twitch') return [{ provider: 'twitch', providerAccountId }];
  // The monolith signed YouTube streamers in with Google's OAuth; the platform names it `google`.
  if (provider === 'youtube' || provider === 'google')
    return [{ provider: 'google', providerAccountId }];
  return [];
}

const cornerByLegacyPosition: Record<string, OverlayCorner> = {
  'top-left': 'top_left',
  'top-right': 'top_right',
  'bottom-left': 'bottom_left',
  'bottom-right': 'bottom_right',
};
const strategyByLegacyName: Record<string, RotationStrategy> = {
  'fair-rotation': 'fair',
  weighted: 'weighted',
  'time-rotation': 'time',
  performance: 'performance',
  'revenue-optimized': 'revenue',
};

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function overlay(legacyUserId: string, document: LegacyDocument): OverlayImport {
  const settings = legacyObject(document.overlaySettings) ?? {};
  const rotation = legacyObject(document.campaignRotationSettings) ?? {};
  const size = legacyText(settings.size)?.toLowerCase();
  const strategyName =
    legacyText(rotation.preferredStrategy) ??
    legacyText(document.campaignSelectionStrategy) ??
    'fair-rotation';
  return {
    legacyUserId,
    legacyOverlayToken: legacyText(document.overlayToken) ?? null,
    corner:
      cornerByLegacyPosition[legacyText(settings.position)?.toLowerCase() ?? ''] ?? 'bottom_right',
    size: size === 'small' || size === 'large' ? size : ('medium' satisfies OverlaySize),
    opacity: clamp(Math.round(legacyNumber(settings.opacity) ?? 80), 0, 100),
    strategy: strategyByLegacyName[strategyName] ?? 'fair',
    rotationIntervalMinutes: clamp(
      Math.round(legacyNumber(rotation.rotationIntervalMinutes) ?? 3),
      1,
      60,
    ),
  };
}

function progression(legacyUserId: string, document: LegacyDocument): ProgressionImport | null {
  const xp = legacyObject(document.xp);
  const rp = legacyObject(document.rp);
  const streakCurrent = legacyNumber(document.streakCurrent);
  if (streakCurrent === undefined && !xp && !rp) return null;
  const whole = (value: unknown) => Math.max(0, Math.floor(legacyNumber(value) ?? 0));
  return {
    legacyUserId,
    streakCurrent: whole(document.streakCurrent),
    streakLongest: Math.max(whole(document.streakLongest), whole(document.streakCurrent)),
    streakLastDay: legacyDate(document.streakLastDate) ?? null,
    xp: whole(xp?.total),
    level: Math.max(1, whole(xp?.level)),
    reputation: whole(rp?.total),
  };
}

function energy(legacyUserId: string, document: LegacyDocument): EnergyImport | null {
  const packs = legacyObject(document.energyPacks);
  if (!packs) return null;
  const maximum = Math.max(0, Math.floor(legacyNumber(packs.maximum) ?? 10));
  return {
    legacyUserId,
    maximum,
    current: clamp(Math.floor(legacyNumber(packs.current) ?? maximum), 0, maximum),
  };
}

/** Company name: the old sign-up wrote `Company: <name>` into the description of brand accounts. */
function companyName(document: LegacyDocument, fallback: string): string {
  const description = legacyText(document.description);
  const fromDescription = description?.match(/^Company:\s*(.+)$/m)?.[1]?.trim();
  return (legacyText(document.companyName) ?? fromDescription ?? fallback).slice(0, 120);
}

export function mapUser(document: LegacyDocument): Mapped<MappedUser> {
  const legacyUserId = legacyId(document._id);
  if (!legacyUserId) return refused('missing_id');
  const legacyRole = legacyText(document.role)?.toLowerCase();
  if (!legacyRole) return refused('missing_role');
  const role = roleByLegacyRole[legacyRole];
  if (!role) return refused(`role_not_imported:${legacyRole}`);
  const email = normalizedEmail(document);
  if (!email) return refused('invalid_email');

  const name = (legacyText(document.name) ?? email.split('@')[0]!).slice(0, 120);
  const storedHash = legacyText(document.password);
  const legacyPasswordHash = storedHash && BCRYPT_HASH.test(storedHash) ? storedHash : null;
  const links = oauthLinks(document);
  const account: AccountImport = {
    legacyId: legacyUserId,
    email,
    name,
    role,
    legacyPasswordHash,
    needsPasswordReset: legacyPasswordHash === null && links.length === 0,
    oauthLinks: links,
    suspended: legacyBoolean(document.isActive) === false,
    createdAt: legacyDate(document.createdAt) ?? null,
  };
  if (role === 'brand') {
    return mapped({
      account,
      streamerProfile: null,
      brandProfile: {
        legacyUserId,
        companyName: companyName(document, name),
        description:
          legacyText(document.description)
            ?.replace(/^Company:.*$/m, '')
            .trim() || null,
      },
      overlay: null,
      progression: null,
      energy: null,
    });
  }
  return mapped({
    account,
    streamerProfile: {
      legacyUserId,
      displayName: name,
      channelUrl: legacyText(document.channelUrl) ?? null,
      avatarUrl: legacyText(document.image) ?? null,
      bio: legacyText(document.description) ?? null,
      categories: platformCategories(legacyWordList(document.category)),
      languages: platformLanguages(legacyWordList(document.language)),
    },
    brandProfile: null,
    overlay: overlay(legacyUserId, document),
    progression: progression(legacyUserId, document),
    energy: energy(legacyUserId, document),
  });
}
