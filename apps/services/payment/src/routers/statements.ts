import type { DownloadableFile } from '@gametriggers/contracts';
import { downloadableFileSchema, statementInputSchema } from '@gametriggers/contracts';
import { brandProcedure, router, streamerProcedure } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { statementCsv, statementPdf } from '../statements/statement-files';
import { buildStatement } from '../statements/statement-lines';

async function statementFile(
  deps: PaymentDeps,
  owner: 'brand' | 'streamer',
  ownerId: string,
  input: { month: string; format: 'pdf' | 'csv' },
): Promise<DownloadableFile> {
  const statement = await deps.transaction((tx) => buildStatement(tx, owner, ownerId, input.month));
  const fileName = `statement-${input.month}.${input.format}`;
  if (input.format === 'csv') {
    return { fileName, contentType: 'text/csv', base64: Buffer.from(statementCsv(statement)).toString('base64') };
  }
  const ownerName =
    owner === 'brand' ? ((await deps.flows.billingProfiles.billingProfile(ownerId))?.companyName ?? `Brand ${ownerId}`) : `Streamer ${ownerId}`;
  const pdf = await statementPdf(statement, deps.flows.issuer, ownerName);
  return { fileName, contentType: 'application/pdf', base64: pdf.toString('base64') };
}

/** `payment.statements.*`: the caller's own monthly statement, from the journal, as PDF or CSV. */
export function statementsRouter(deps: PaymentDeps) {
  return router({
    brand: brandProcedure
      .input(statementInputSchema)
      .output(downloadableFileSchema)
      .query(({ ctx, input }) => statementFile(deps, 'brand', ctx.caller.userId, input)),
    streamer: streamerProcedure
      .input(statementInputSchema)
      .output(downloadableFileSchema)
      .query(({ ctx, input }) => statementFile(deps, 'streamer', ctx.caller.userId, input)),
  });
}
