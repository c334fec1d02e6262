import {
  downloadableFileSchema,
  financialReportInputSchema,
  listMoneyAccountsInputSchema,
  moneyAccountInputSchema,
  moneyAdjustmentInputSchema,
  moneyFreezeInputSchema,
} from '@gametriggers/contracts';
import { adminActorOf, adminProcedure, router } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { adjustMoney } from '../money-admin/adjustments';
import { financialReport, financialReportCsv } from '../money-admin/financial-reports';
import { freezeMoney, unfreezeMoney } from '../money-admin/freezes';
import { listMoneyAccounts, moneyAccountDetail } from '../money-admin/money-accounts';
import {
  financialReportOutput,
  moneyAccountDetailOutput,
  moneyAccountsPageOutput,
  moneyAdjustmentOutput,
  moneyFreezeOutput,
} from '../money-admin/schemas';

/** `payment.admin.*` (with `flows-admin.ts`): wallets, adjustments, freezes and financial reports. */
export function moneyAdminRouter(deps: PaymentDeps) {
  const finance = adminProcedure('canViewFinancials');
  return router({
    wallets: router({
      list: finance
        .input(listMoneyAccountsInputSchema)
        .output(moneyAccountsPageOutput)
        .query(({ input }) => deps.transaction((tx) => listMoneyAccounts(tx, input))),
      get: finance
        .input(moneyAccountInputSchema)
        .output(moneyAccountDetailOutput)
        .query(({ input }) => deps.transaction((tx) => moneyAccountDetail(tx, input))),
    }),
    adjustments: router({
      create: finance
        .input(moneyAdjustmentInputSchema)
        .output(moneyAdjustmentOutput)
        .mutation(({ ctx, input }) => adjustMoney(deps, adminActorOf(ctx), input)),
    }),
    freezes: router({
      freeze: finance
        .input(moneyFreezeInputSchema)
        .output(moneyFreezeOutput)
        .mutation(({ ctx, input }) => freezeMoney(deps, adminActorOf(ctx), input)),
      unfreeze: finance
        .input(moneyFreezeInputSchema)
        .output(moneyFreezeOutput)
        .mutation(({ ctx, input }) => unfreezeMoney(deps, adminActorOf(ctx), input)),
    }),
    reports: router({
      financial: finance
        .input(financialReportInputSchema)
        .output(financialReportOutput)
        .query(({ input }) => deps.transaction((tx) => financialReport(tx, input))),
      financialCsv: finance
        .input(financialReportInputSchema)
        .output(downloadableFileSchema)
        .query(async ({ input }) => {
          const report = await deps.transaction((tx) => financialReport(tx, input));
          const range = `${report.periods[0]?.period ?? ''}-to-${report.periods.at(-1)?.period ?? ''}`;
          return {
            fileName: `financial-report-${report.granularity}-${range}.csv`,
            contentType: 'text/csv',
            base64: Buffer.from(financialReportCsv(report)).toString('base64'),
          };
        }),
    }),
  });
}
