import { categoryLabel } from './formatting';
import { LocalTime } from './local-time';

const criterionLabels: Record<string, string> = {
  profile: 'a finished streamer profile',
  category: 'one of the campaign’s categories in your profile',
  language: 'the campaign’s language',
  region: 'a country the campaign targets',
  followers: 'the minimum followers',
  average_viewers: 'the minimum average viewers',
};

const asDate = (value: unknown) => (typeof value === 'string' ? new Date(value) : null);
const asString = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * Why a join or application cannot go ahead, with what the streamer can do about it. Takes the
 * service's stable `reason` and its details, from a dry run or from a refused call alike.
 */
export function RefusalDetails({
  reason,
  message,
  details,
}: {
  reason: string | undefined;
  message: string;
  details: unknown;
}) {
  const facts = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  return (
    <div data-testid="refusal-reason" data-reason={reason}>
      <p>{message}</p>
      {reason === 'no_key' ? <NoKey facts={facts} /> : null}
      {reason === 'no_energy' ? <NoEnergy facts={facts} /> : null}
      {reason === 'not_eligible' ? <NotEligible facts={facts} /> : null}
      {reason === 'conflict_rule' ? <ConflictRule facts={facts} /> : null}
    </div>
  );
}

function NoKey({ facts }: { facts: Record<string, unknown> }) {
  const until = asDate(facts.cooloffUntil);
  const category = asString(facts.category);
  return (
    <p className="mt-1 text-sm">
      {until ? (
        <>
          Your {category ? categoryLabel(category) : ''} G-Key is free again on{' '}
          <LocalTime date={until} className="font-semibold" /> (sooner for campaigns of the same
          brand).{' '}
        </>
      ) : null}
      <a href="/keys" className="font-medium underline">
        See your G-Keys
      </a>
    </p>
  );
}

function NoEnergy({ facts }: { facts: Record<string, unknown> }) {
  const resetsAt = asDate(facts.resetsAt);
  return resetsAt ? (
    <p className="mt-1 text-sm">
      Your energy refills at <LocalTime date={resetsAt} className="font-semibold" /> (midnight where
      you stream).
    </p>
  ) : null;
}

function NotEligible({ facts }: { facts: Record<string, unknown> }) {
  const criteria = Array.isArray(facts.criteria) ? (facts.criteria as string[]) : [];
  if (criteria.length === 0) return null;
  return (
    <>
      <ul className="mt-1 list-inside list-disc text-sm">
        {criteria.map((criterion) => (
          <li key={criterion} data-testid="missed-criterion">
            Needs {criterionLabels[criterion] ?? criterion}
          </li>
        ))}
      </ul>
      {criteria.includes('profile') ? (
        <a href="/onboarding" className="mt-1 inline-block text-sm font-medium underline">
          Finish your profile
        </a>
      ) : null}
    </>
  );
}

function ConflictRule({ facts }: { facts: Record<string, unknown> }) {
  const rule = asString(facts.rule);
  const until = asDate(facts.until);
  return (
    <p className="mt-1 text-sm">
      {rule ? <>Platform rule “{rule}”. </> : null}
      {until ? (
        <>
          It stops applying on <LocalTime date={until} className="font-semibold" />.
        </>
      ) : null}
    </p>
  );
}
