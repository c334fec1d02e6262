import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPlatformConfig } from '@gametriggers/contracts';
import { configChangesOf, configSettings, settingDisplay, settingText } from './config-settings';

const setting = (key: string) => configSettings.find((candidate) => candidate.key === key)!;

void describe('platform configuration form', () => {
  void it('shows basis points as a percentage and cents as dollars', () => {
    assert.equal(settingText(setting('platformFeeBps'), 2_000), '20.00');
    assert.equal(settingText(setting('withdrawalMinimumCents'), 1_000), '10.00');
    assert.equal(settingDisplay(setting('earningsHoldDays'), 3), '3 days');
    assert.equal(settingDisplay(setting('withdrawalDailyLimitCents'), 500_000), '$5,000.00');
  });

  void it('keeps only the settings that changed, in stored units', () => {
    assert.deepEqual(
      configChangesOf(defaultPlatformConfig, { platformFeeBps: '12.5', earningsHoldDays: '3', withdrawalMinimumCents: '$20' }),
      { ok: true, changes: { platformFeeBps: 1_250, withdrawalMinimumCents: 2_000 } },
    );
  });

  void it('refuses what the service would, field by field and across fields', () => {
    const typo = configChangesOf(defaultPlatformConfig, { energyPacksPerDay: 'ten', platformFeeBps: '60' });
    assert.equal(typo.ok, false);
    assert.deepEqual(Object.keys(!typo.ok ? typo.fieldErrors : {}).sort(), ['energyPacksPerDay', 'platformFeeBps']);
    const crossed = configChangesOf(defaultPlatformConfig, { withdrawalDailyLimitCents: '30000' });
    assert.deepEqual(crossed, {
      ok: false,
      fieldErrors: { withdrawalDailyLimitCents: 'The daily withdrawal limit cannot be above the monthly limit' },
    });
    assert.equal(configChangesOf(defaultPlatformConfig, {}).ok, false);
  });
});
