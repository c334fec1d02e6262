import type { RouterOutputs } from '@gametriggers/api';
import { Alert, Button, Card } from '@gametriggers/ui';
import { formatUtc } from '../format';

type ChainReport = RouterOutputs['admin']['audit']['verify'];

function Checkpoint({ report }: { report: ChainReport }) {
  const checkpoint = report.latestCheckpoint;
  if (!checkpoint) return <p>No checkpoint has been signed yet.</p>;
  return (
    <p>
      Latest signed checkpoint: entry #{checkpoint.sequence}, signed {formatUtc(checkpoint.signedAt, 'second')} with key{' '}
      <span className="font-mono">{checkpoint.keyId}</span>.
    </p>
  );
}

/**
 * Whether the hash chain verifies. Checking walks the whole log and is itself recorded, so it runs
 * when the admin asks (`?verify=1`), not on every visit.
 */
export function ChainStatus({ report }: { report: ChainReport | { error: string } | null }) {
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Chain integrity</h2>
        <form method="get" action="/audit-log">
          <input type="hidden" name="verify" value="1" />
          <Button type="submit" variant="secondary" data-testid="verify-chain">
            {report ? 'Verify again' : 'Verify the chain'}
          </Button>
        </form>
      </div>
      {report === null ? (
        <p className="text-sm text-slate-600">
          Checks every entry’s hash and link and every signed checkpoint, and names the first entry that does not
          verify. The check is recorded in the log.
        </p>
      ) : 'error' in report ? (
        <Alert title="The chain could not be checked">{report.error}</Alert>
      ) : report.intact ? (
        <div data-testid="chain-status" data-intact="true">
          <Alert tone="success" title="Intact">
            <p>
              {report.entriesChecked} entries and {report.checkpointsChecked} checkpoints verify
              {report.head ? `, up to entry #${report.head.sequence}` : ''}.
            </p>
            <Checkpoint report={report} />
          </Alert>
        </div>
      ) : (
        <div data-testid="chain-status" data-intact="false">
          <Alert title={`Broken at entry #${report.firstBroken?.sequence ?? '?'}`}>
            <p>
              {report.firstBroken?.message} ({report.firstBroken?.problem})
            </p>
            <Checkpoint report={report} />
          </Alert>
        </div>
      )}
    </Card>
  );
}
