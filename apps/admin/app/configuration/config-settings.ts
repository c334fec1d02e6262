import {
  centsAsAmountText,
  formatCents,
  parseAmountToCents,
  platformConfigKeys,
  platformConfigSchema,
  updatePlatformConfigInputSchema,
} from '@gametriggers/contracts';
import type { PlatformConfig, PlatformConfigKey } from '@gametriggers/contracts';

type Unit = 'percent' | 'usd' | 'days' | 'hours' | 'count' | 'per-second';

export interface ConfigSetting {
  key: PlatformConfigKey;
  label: string;
  unit: Unit;
  hint: string;
}

/** The settings in the order the form shows them, with what each means for the people it affects. */
export const configSettings: readonly ConfigSetting[] = [
  { key: 'platformFeeBps', label: 'Platform fee', unit: 'percent', hint: 'Share of each charge the platform keeps.' },
  { key: 'earningsHoldDays', label: 'Earnings hold', unit: 'days', hint: 'Days earnings stay pending before withdrawal.' },
  { key: 'withdrawalMinimumCents', label: 'Minimum withdrawal', unit: 'usd', hint: 'Smallest amount a streamer can withdraw.' },
  { key: 'withdrawalDailyLimitCents', label: 'Daily withdrawal limit', unit: 'usd', hint: 'Per streamer, per day.' },
  { key: 'withdrawalMonthlyLimitCents', label: 'Monthly withdrawal limit', unit: 'usd', hint: 'Per streamer, per month.' },
  {
    key: 'withdrawalApprovalThresholdCents',
    label: 'Withdrawal approval threshold',
    unit: 'usd',
    hint: 'Withdrawals above this wait for an admin.',
  },
  { key: 'energyPacksPerDay', label: 'Energy packs per day', unit: 'count', hint: 'Each join spends one.' },
  {
    key: 'defaultGKeyCooloffHours',
    label: 'Default G-Key cool-off',
    unit: 'hours',
    hint: 'After a campaign ends, unless it sets its own.',
  },
  { key: 'ingestRatePerKey', label: 'Ingest rate per overlay', unit: 'per-second', hint: 'Reports per second, sustained.' },
  { key: 'ingestBurstPerKey', label: 'Ingest burst per overlay', unit: 'count', hint: 'Reports allowed in a burst.' },
];

const unitSuffix: Record<Unit, string> = {
  percent: '%',
  usd: 'USD',
  days: 'days',
  hours: 'hours',
  count: '',
  'per-second': 'per second',
};

export const unitOf = (setting: ConfigSetting) => unitSuffix[setting.unit];

/** A stored value as the form field shows it (basis points as a percentage, cents as dollars). */
export function settingText(setting: ConfigSetting, value: number): string {
  return setting.unit === 'percent' || setting.unit === 'usd' ? centsAsAmountText(value) : String(value);
}

/** A stored value as a sentence shows it: `20.00 %`, `$1,000.00`, `3 days`. */
export function settingDisplay(setting: ConfigSetting, value: number): string {
  if (setting.unit === 'usd') return formatCents(value);
  const suffix = unitSuffix[setting.unit];
  return `${settingText(setting, value)}${suffix ? ` ${suffix}` : ''}`;
}

/** Typed text back to the stored number: a percentage and dollars both carry two decimals (× 100). */
function settingValue(setting: ConfigSetting, text: string): number | undefined {
  if (setting.unit === 'percent' || setting.unit === 'usd') return parseAmountToCents(text);
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

export type ConfigChanges = Partial<PlatformConfig>;

export type ConfigChangesResult =
  | { ok: true; changes: ConfigChanges }
  | { ok: false; fieldErrors: Partial<Record<PlatformConfigKey, string>>; message?: string };

/**
 * The settings the admin changed, checked with the admin service's own schemas: each field alone,
 * then the whole configuration (a daily limit above the monthly one is refused here too).
 */
export function configChangesOf(
  current: PlatformConfig,
  texts: Partial<Record<PlatformConfigKey, string>>,
): ConfigChangesResult {
  const fieldErrors: Partial<Record<PlatformConfigKey, string>> = {};
  const changes: ConfigChanges = {};
  for (const setting of configSettings) {
    const text = texts[setting.key] ?? settingText(setting, current[setting.key]);
    const value = settingValue(setting, text);
    if (value === undefined) {
      fieldErrors[setting.key] = setting.unit === 'usd' ? 'Enter an amount in dollars, like 250 or 99.50' : 'Enter a number';
      continue;
    }
    const parsed = updatePlatformConfigInputSchema.shape.changes.shape[setting.key].safeParse(value);
    if (!parsed.success) fieldErrors[setting.key] = parsed.error.issues[0]?.message ?? 'Not a valid value';
    else if (parsed.data !== current[setting.key]) changes[setting.key] = parsed.data;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const whole = platformConfigSchema.safeParse({ ...current, ...changes });
  if (!whole.success) {
    for (const issue of whole.error.issues) {
      const key = issue.path[0] as PlatformConfigKey;
      if (platformConfigKeys.includes(key)) fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  if (Object.keys(changes).length === 0) {
    return { ok: false, fieldErrors, message: 'Nothing changed: these are the settings in force.' };
  }
  return { ok: true, changes };
}
