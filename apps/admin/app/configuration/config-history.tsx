import type { RouterOutputs } from '@gametriggers/api';
import { defaultPlatformConfig } from '@gametriggers/contracts';
import type { PlatformConfig } from '@gametriggers/contracts';
import { EmptyState, Table } from '@gametriggers/ui';
import { formatUtc, shortId } from '../format';
import { configSettings, settingDisplay } from './config-settings';

type ConfigVersion = RouterOutputs['admin']['config']['history']['items'][number];

/** What a version changed: each setting from the version before (the defaults before version 1). */
function ChangeList({ version, previous }: { version: ConfigVersion; previous: PlatformConfig | undefined }) {
  return (
    <ul className="space-y-0.5">
      {configSettings
        .filter((setting) => version.changedKeys.includes(setting.key))
        .map((setting) => (
          <li key={setting.key}>
            {setting.label}:{' '}
            {previous ? `${settingDisplay(setting, previous[setting.key])} → ` : ''}
            <strong>{settingDisplay(setting, version.values[setting.key])}</strong>
          </li>
        ))}
    </ul>
  );
}

/** Every version, newest first: who changed which settings, when and why. */
export function ConfigHistory({ versions }: { versions: readonly ConfigVersion[] }) {
  if (versions.length === 0) {
    return <EmptyState title="No changes yet">The platform runs on its built-in defaults.</EmptyState>;
  }
  const previousOf = (index: number) =>
    versions[index + 1]?.values ?? (versions[index]?.version === 1 ? defaultPlatformConfig : undefined);
  const rows = versions.map((version, index) => ({ version, previous: previousOf(index) }));
  return (
    <Table
      caption="Configuration history"
      rowTestId="config-history-row"
      rowKey={(row) => String(row.version.version)}
      phoneLayout="cards"
      rows={rows}
      columns={[
        { header: 'Version', cell: (row) => <span className="font-semibold">v{row.version.version}</span> },
        { header: 'When', cell: (row) => formatUtc(row.version.changedAt) },
        {
          header: 'Who',
          cell: (row) => (
            <span className="font-mono text-xs" title={row.version.changedBy}>
              {shortId(row.version.changedBy)}
            </span>
          ),
        },
        { header: 'What changed', cell: (row) => <ChangeList version={row.version} previous={row.previous} /> },
        { header: 'Why', cell: (row) => <span data-testid="config-history-reason">{row.version.reason}</span> },
      ]}
    />
  );
}
