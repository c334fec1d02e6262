import { PageHeader, Tabs } from '@gametriggers/ui';
import type { ReactNode } from 'react';
import { portal } from '../../portal';

const sections = [
  { value: 'wallets', href: '/money', label: 'Wallets' },
  { value: 'withdrawals', href: '/money/withdrawals', label: 'Withdrawals' },
  { value: 'reconciliation', href: '/money/reconciliation', label: 'Reconciliation' },
  { value: 'reports', href: '/money/reports', label: 'Reports' },
] as const;

export type MoneySection = (typeof sections)[number]['value'];

/** The Money pages' frame: the portal's shell, the heading and the tabs between them. */
export function MoneyPage({ current, children }: { current: MoneySection; children: ReactNode }) {
  return (
    <portal.Shell>
      <PageHeader
        title="Money"
        description="Wallets and earnings, withdrawals awaiting approval, reconciliation with Stripe, and financial reports."
      />
      <Tabs label="Money" tabs={sections} current={current} />
      <div className="space-y-6">{children}</div>
    </portal.Shell>
  );
}
