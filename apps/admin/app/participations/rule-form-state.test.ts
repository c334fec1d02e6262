import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRuleForm, ruleFormOf, ruleInputOf } from './rule-form-state';

const brandA = '11111111-1111-4111-8111-111111111111';
const brandB = '22222222-2222-4222-8222-222222222222';

void describe('conflict rule form', () => {
  void it('reads a brand exclusivity rule with ids one per line and a UTC window', () => {
    const result = ruleInputOf({
      ...emptyRuleForm,
      name: 'Energy drinks',
      message: 'You already run a competing energy drink.',
      type: 'brand_exclusivity',
      brandIdsText: `${brandA}\n${brandB}\n`,
      scopeRegions: ['US'],
      activeFrom: '2026-03-10T18:00',
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.rule.params, { type: 'brand_exclusivity', brandIds: [brandA, brandB] });
    assert.deepEqual(result.rule.scope.regions, ['US']);
    assert.deepEqual(result.rule.activeFrom, new Date('2026-03-10T18:00:00.000Z'));
    assert.deepEqual(ruleFormOf(result.rule).brandIdsText, `${brandA}\n${brandB}`);
    assert.equal(ruleFormOf(result.rule).activeFrom, '2026-03-10T18:00');
  });

  void it('names the field of each mistake, as the service would', () => {
    const result = ruleInputOf({ ...emptyRuleForm, name: 'x', type: 'cooldown', hours: 'soon' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(Object.keys(result.fieldErrors).sort(), ['message', 'name', 'params.hours']);
  });
});
