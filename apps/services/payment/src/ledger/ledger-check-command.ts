// `pnpm --filter @gametriggers/payment-service ledger:check` (DATABASE_URL = the payment database):
// rebuilds every balance from the journal and reports what disagrees; exits 1 if anything does.
import { createPaymentPool, pgPaymentTransactions } from '../database';
import { checkLedger } from './ledger-check';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'DATABASE_URL is not set. Point it at the payment database, e.g. postgresql://postgres@127.0.0.1:5432/gt_payment',
  );
  process.exit(1);
}
const pool = createPaymentPool(databaseUrl, 1);
try {
  const report = await pgPaymentTransactions(pool)((tx) => checkLedger(tx));
  for (const problem of report.problems)
    process.stdout.write(`${problem.kind}: ${problem.detail}\n`);
  process.stdout.write(
    `${report.entries} entries, ${report.accounts} accounts, ${report.problems.length} problems\n`,
  );
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await pool.end();
}
