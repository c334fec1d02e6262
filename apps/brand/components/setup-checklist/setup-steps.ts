import type { BrandVerificationStatus, CampaignStatus } from '@gametriggers/contracts';

/**
 * Where a brand stands on funding its wallet: `funded` once money ever came in (it may be reserved
 * or spent since), `unknown` when the wallet could not be read just now.
 */
export type FundingState = 'unfunded' | 'funded' | 'unknown';

/** Funded once money ever came in: what is in the wallet, held for campaigns or already spent. */
export function fundingStateOf(wallet: { availableCents: number; reservedCents: number; spentCents: number }): FundingState {
  return wallet.availableCents + wallet.reservedCents + wallet.spentCents > 0 ? 'funded' : 'unfunded';
}

export interface BrandSetupFacts {
  /** Null until the company profile exists (onboarding). */
  profile: {
    verification: { status: BrandVerificationStatus; rejectionReason: string | null };
  } | null;
  funding: FundingState;
  /** The brand's campaigns by status; null when they could not be read just now. */
  campaignCounts: Record<CampaignStatus, number> | null;
}

export type SetupStepKey = 'profile' | 'verification' | 'funding' | 'campaign';

/**
 * `done`; `todo` (the brand can act now); `waiting` (on us, e.g. a verification in review);
 * `attention` (refused: something to fix); `locked` (an earlier step first).
 */
export type SetupStepState = 'done' | 'todo' | 'waiting' | 'attention' | 'locked';

export interface SetupStep {
  key: SetupStepKey;
  title: string;
  state: SetupStepState;
  detail: string;
  action?: { href: string; label: string };
}

export interface BrandSetup {
  steps: SetupStep[];
  /** The first step the brand can act on, if any. */
  next: SetupStepKey | null;
  doneCount: number;
  total: number;
}

function profileStep({ profile }: BrandSetupFacts): SetupStep {
  const title = 'Company profile';
  if (profile)
    return { key: 'profile', title, state: 'done', detail: 'Your company profile is set up.' };
  return {
    key: 'profile',
    title,
    state: 'todo',
    detail: 'Tell us who you are, who to contact and which audiences you want to reach.',
    action: { href: '/onboarding', label: 'Set up your company' },
  };
}

function verificationStep({ profile }: BrandSetupFacts): SetupStep {
  const key = 'verification';
  const title = 'Verification';
  if (!profile) {
    return {
      key,
      title,
      state: 'locked',
      detail:
        'Once your profile exists, send your company documents. Only verified companies can submit campaigns.',
    };
  }
  const { status, rejectionReason } = profile.verification;
  switch (status) {
    case 'verified':
      return { key, title, state: 'done', detail: 'Your company is verified.' };
    case 'pending':
      return {
        key,
        title,
        state: 'waiting',
        detail:
          'We are reviewing your documents, usually within two business days. You can prepare campaigns meanwhile.',
        action: { href: '/profile#verification', label: 'See your request' },
      };
    case 'rejected':
      return {
        key,
        title,
        state: 'attention',
        detail: `Your last request was not accepted${rejectionReason ? `: ${rejectionReason}` : '.'} Fix it and send your documents again.`,
        action: { href: '/profile#verification', label: 'See why and resend' },
      };
    case 'unverified':
      return {
        key,
        title,
        state: 'todo',
        detail:
          'Send your registration or tax documents. Only verified companies can submit campaigns for review.',
        action: { href: '/profile#verification', label: 'Request verification' },
      };
  }
}

function fundingStep({ funding }: BrandSetupFacts): SetupStep {
  const key = 'funding';
  const title = 'Fund your balance';
  switch (funding) {
    case 'unfunded':
      return {
        key,
        title,
        state: 'todo',
        detail:
          'Campaigns draw from a prepaid wallet: approving a campaign reserves its whole budget, so top up before it is reviewed.',
        action: { href: '/billing#top-up', label: 'Top up your wallet' },
      };
    case 'unknown':
      return {
        key,
        title,
        state: 'todo',
        detail: 'We could not check your wallet just now.',
        action: { href: '/billing', label: 'Open billing' },
      };
    case 'funded':
      return { key, title, state: 'done', detail: 'Your wallet is funded.' };
  }
}

const submittedStatuses: readonly CampaignStatus[] = [
  'pending_review',
  'active',
  'paused',
  'completed',
];

function campaignStep({ profile, campaignCounts }: BrandSetupFacts): SetupStep {
  const key = 'campaign';
  const title = 'First campaign in review';
  if (!profile) {
    return {
      key,
      title,
      state: 'locked',
      detail:
        'Once your profile exists, plan a campaign: a creative, the streamers you want and a budget.',
    };
  }
  if (!campaignCounts) {
    return {
      key,
      title,
      state: 'todo',
      detail: 'We could not check your campaigns just now.',
      action: { href: '/campaigns', label: 'Open your campaigns' },
    };
  }
  const verified = profile.verification.status === 'verified';
  if (submittedStatuses.some((status) => campaignCounts[status] > 0)) {
    return { key, title, state: 'done', detail: 'Your first campaign went to review.' };
  }
  if (campaignCounts.rejected > 0) {
    return {
      key,
      title,
      state: 'attention',
      detail: 'Our reviewer sent your campaign back. Read why, edit it and submit it again.',
      action: { href: '/campaigns?status=rejected', label: 'See the rejected campaign' },
    };
  }
  if (campaignCounts.draft > 0) {
    return {
      key,
      title,
      state: 'todo',
      detail: verified
        ? 'Your draft is waiting: submit it for review when it is ready.'
        : 'Your draft is saved. Submitting it for review needs a verified company.',
      action: { href: '/campaigns?status=draft', label: 'Open your drafts' },
    };
  }
  return {
    key,
    title,
    state: 'todo',
    detail: verified
      ? 'Choose a creative, the streamers you want to reach and a budget, then submit it for review.'
      : 'You can prepare a draft now; submitting it for review needs a verified company.',
    action: { href: '/campaigns/new', label: 'Create a campaign' },
  };
}

/** The overview's setup checklist: company profile → verification → funding → first campaign. */
export function brandSetupOf(facts: BrandSetupFacts): BrandSetup {
  const steps = [
    profileStep(facts),
    verificationStep(facts),
    fundingStep(facts),
    campaignStep(facts),
  ];
  return {
    steps,
    next: steps.find((step) => step.state === 'todo' || step.state === 'attention')?.key ?? null,
    doneCount: steps.filter((step) => step.state === 'done').length,
    total: steps.length,
  };
}
