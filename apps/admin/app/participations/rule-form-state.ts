import { conflictRuleInputSchema, fieldErrorsOf } from '@gametriggers/contracts';
import type {
  ConflictRuleInput,
  ConflictRuleType,
  ContentCategory,
  Country,
  RuleSeverity,
} from '@gametriggers/contracts';
import type { z } from 'zod';

/** What the conflict-rule form holds while an admin types: lists of ids are one per line. */
export interface RuleFormState {
  name: string;
  message: string;
  severity: RuleSeverity;
  type: ConflictRuleType;
  /** category exclusivity, and the categories a cool-down is limited to */
  categories: ContentCategory[];
  /** brand exclusivity, and the brands a cool-down is limited to */
  brandIdsText: string;
  hours: string;
  by: 'category' | 'brand';
  max: string;
  scopeStreamerIdsText: string;
  scopeBrandIdsText: string;
  scopeCategories: ContentCategory[];
  scopeRegions: Country[];
  /** `datetime-local` text, read as UTC */
  activeFrom: string;
  activeUntil: string;
}

type RuleInput = z.output<typeof conflictRuleInputSchema>;

export const emptyRuleForm: RuleFormState = {
  name: '',
  message: '',
  severity: 'blocking',
  type: 'category_exclusivity',
  categories: [],
  brandIdsText: '',
  hours: '24',
  by: 'category',
  max: '2',
  scopeStreamerIdsText: '',
  scopeBrandIdsText: '',
  scopeCategories: [],
  scopeRegions: [],
  activeFrom: '',
  activeUntil: '',
};

const lines = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean);

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** `2026-03-10T18:00` typed in a datetime-local field, as the UTC instant it names. */
const instantOf = (text: string) => (text ? new Date(`${text}:00.000Z`) : null);
const localTextOf = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : '');

function paramsOf(state: RuleFormState): ConflictRuleInput['params'] {
  switch (state.type) {
    case 'category_exclusivity':
      return { type: state.type, categories: state.categories };
    case 'brand_exclusivity':
      return { type: state.type, brandIds: lines(state.brandIdsText) };
    case 'cooldown':
      return {
        type: state.type,
        hours: whole(state.hours),
        by: state.by,
        categories: state.by === 'category' ? (state.categories) : [],
        brandIds: state.by === 'brand' ? lines(state.brandIdsText) : [],
      };
    case 'simultaneous_limit':
      return { type: state.type, max: whole(state.max) };
  }
}

export type RuleFormResult = { ok: true; rule: RuleInput } | { ok: false; fieldErrors: Record<string, string> };

/** The form as the participation service's own input schema reads it, or a message per field. */
export function ruleInputOf(state: RuleFormState): RuleFormResult {
  const parsed = conflictRuleInputSchema.safeParse({
    name: state.name,
    message: state.message,
    severity: state.severity,
    params: paramsOf(state),
    scope: {
      streamerIds: lines(state.scopeStreamerIdsText),
      brandIds: lines(state.scopeBrandIdsText),
      categories: state.scopeCategories,
      regions: state.scopeRegions,
    },
    activeFrom: instantOf(state.activeFrom),
    activeUntil: instantOf(state.activeUntil),
  });
  if (parsed.success) return { ok: true, rule: parsed.data };
  return {
    ok: false,
    fieldErrors: Object.fromEntries(
      Object.entries(fieldErrorsOf(parsed.error)).map(([path, messages]) => [fieldOf(path), messages[0]!]),
    ),
  };
}

/** The form field an error path belongs to (`params.brandIds.1` → `params.brandIds`). */
export function fieldOf(path: string): string {
  return path.split('.').slice(0, 2).join('.');
}

/** A stored rule back in the form, to edit it. */
export function ruleFormOf(rule: RuleInput): RuleFormState {
  const { params, scope } = rule;
  return {
    ...emptyRuleForm,
    name: rule.name,
    message: rule.message,
    severity: rule.severity,
    type: params.type,
    categories: 'categories' in params ? params.categories : [],
    brandIdsText: 'brandIds' in params ? params.brandIds.join('\n') : '',
    hours: params.type === 'cooldown' ? String(params.hours) : emptyRuleForm.hours,
    by: params.type === 'cooldown' ? params.by : emptyRuleForm.by,
    max: params.type === 'simultaneous_limit' ? String(params.max) : emptyRuleForm.max,
    scopeStreamerIdsText: scope.streamerIds.join('\n'),
    scopeBrandIdsText: scope.brandIds.join('\n'),
    scopeCategories: scope.categories,
    scopeRegions: scope.regions,
    activeFrom: localTextOf(rule.activeFrom),
    activeUntil: localTextOf(rule.activeUntil),
  };
}
