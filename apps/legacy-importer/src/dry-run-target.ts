import type { ImportTarget, StepName, WriteOutcome } from './import-target';

const stepNames: StepName[] = [
  'accounts',
  'streamerProfiles',
  'brandProfiles',
  'overlays',
  'progression',
  'energy',
  'campaigns',
  'participations',
  'gKeys',
  'conflictRules',
  'openingBalances',
  'kyc',
  'notifications',
];

/**
 * `--dry-run`: every mapped document counts as one that would be written, and nothing is kept or
 * sent anywhere (so memory stays flat on a big export).
 */
export function dryRunTarget(): ImportTarget {
  const wouldWrite = (): Promise<WriteOutcome> => Promise.resolve('created');
  return {
    write: Object.fromEntries(stepNames.map((step) => [step, wouldWrite])),
    missingStepReason: (step) => `no writer for ${step}`,
    importedRole: () => Promise.resolve(null),
    importedCampaign: () => Promise.resolve(false),
  };
}
