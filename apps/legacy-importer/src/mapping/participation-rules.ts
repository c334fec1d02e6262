import type { LegacyDocument } from '../extended-json';
import type { ConflictRuleImport, GKeyImport, Mapped } from '../import-commands';
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
import { platformCategories, platformCategory } from './vocabulary';

export function mapGKey(document: LegacyDocument): Mapped<GKeyImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyUserId = legacyId(document.userId);
  if (!legacyUserId) return refused('missing_user');
  const legacyCategory = legacyText(document.category);
  if (!legacyCategory) return refused('missing_category');
  const category = platformCategory(legacyCategory);
  if (!category) return refused(`unknown_category:${legacyCategory.toLowerCase()}`);
  const status = legacyText(document.status)?.toLowerCase() ?? 'available';
  if (status !== 'available' && status !== 'locked' && status !== 'cooloff')
    return refused(`unknown_status:${status}`);
  const lockedWith = legacyId(document.lockedWith) ?? null;
  return mapped({
    legacyId: id,
    legacyUserId,
    category,
    // A key locked to nothing (its campaign deleted) is free again.
    state: status === 'locked' && !lockedWith ? 'available' : status,
    usageCount: Math.max(0, Math.floor(legacyNumber(document.usageCount) ?? 0)),
    cooloffEndsAt: status === 'cooloff' ? (legacyDate(document.cooloffEndsAt) ?? null) : null,
    legacyLockedCampaignId: status === 'locked' ? lockedWith : null,
  });
}

const ruleTypeByLegacy: Record<string, ConflictRuleImport['type']> = {
  category_exclusivity: 'category_exclusivity',
  brand_exclusivity: 'brand_exclusivity',
  cooldown_period: 'cooldown',
  simultaneous_limit: 'simultaneous_limit',
};

export function mapConflictRule(document: LegacyDocument): Mapped<ConflictRuleImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const name = legacyText(document.name);
  if (!name) return refused('missing_name');
  const legacyType = legacyText(document.type)?.toLowerCase() ?? '';
  const type = ruleTypeByLegacy[legacyType];
  if (!type) return refused(`unknown_rule_type:${legacyType || 'missing'}`);
  const severity = legacyText(document.severity)?.toLowerCase() ?? 'blocking';
  if (severity !== 'blocking' && severity !== 'warning' && severity !== 'advisory')
    return refused(`unknown_severity:${severity}`);
  const config = legacyObject(document.config) ?? {};
  const hours =
    legacyNumber(config.cooldownPeriodHours) ??
    (legacyNumber(config.cooldownPeriodDays) ?? NaN) * 24;
  const maxSimultaneous = legacyNumber(config.maxSimultaneousCampaigns);
  if (type === 'cooldown' && !(hours > 0)) return refused('cooldown_without_period');
  if (type === 'simultaneous_limit' && !(maxSimultaneous !== undefined && maxSimultaneous > 0))
    return refused('limit_without_maximum');
  return mapped({
    legacyId: id,
    name: name.slice(0, 120),
    type,
    severity,
    active: legacyBoolean(document.isActive) ?? true,
    priority: Math.floor(legacyNumber(document.priority) ?? 0),
    categories: platformCategories(legacyWordList(config.categories)),
    cooldownHours: type === 'cooldown' ? Math.round(hours) : null,
    maxSimultaneous: type === 'simultaneous_limit' ? Math.floor(maxSimultaneous!) : null,
  });
}
