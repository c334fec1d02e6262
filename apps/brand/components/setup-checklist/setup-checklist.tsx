import { Badge, ButtonLink, Card, cn } from '@gametriggers/ui';
import type { BrandSetup, SetupStep, SetupStepState } from './setup-steps';

const stateLook: Record<
  SetupStepState,
  { label: string; tone: 'brand' | 'neutral' | 'success' | 'warning' | 'danger'; marker: string }
> = {
  done: { label: 'Done', tone: 'success', marker: 'bg-emerald-600 text-white' },
  todo: {
    label: 'To do',
    tone: 'brand',
    marker: 'bg-brand-50 text-brand-700 ring-2 ring-brand-600',
  },
  waiting: {
    label: 'In review',
    tone: 'warning',
    marker: 'bg-amber-50 text-amber-800 ring-2 ring-amber-400',
  },
  attention: {
    label: 'Needs your attention',
    tone: 'danger',
    marker: 'bg-red-50 text-red-700 ring-2 ring-red-500',
  },
  locked: { label: 'After the profile', tone: 'neutral', marker: 'bg-slate-100 text-slate-500' },
};

function StepRow({ step, index, isNext }: { step: SetupStep; index: number; isNext: boolean }) {
  const look = stateLook[step.state];
  return (
    <li
      data-testid={`setup-step-${step.key}`}
      data-state={step.state}
      className="flex gap-4 py-5 first:pt-0 last:pb-0"
    >
      <span
        aria-hidden
        className={cn(
          'grid size-8 shrink-0 place-items-center rounded-full text-sm font-semibold',
          look.marker,
        )}
      >
        {step.state === 'done' ? '✓' : index + 1}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold text-slate-900">{step.title}</h3>
          <Badge tone={look.tone} data-testid={`setup-step-${step.key}-state`}>
            {look.label}
          </Badge>
        </div>
        <p className="mt-1 text-sm text-slate-600" data-testid={`setup-step-${step.key}-detail`}>
          {step.detail}
        </p>
        {step.action ? (
          <div className="mt-3">
            <ButtonLink href={step.action.href} variant={isNext ? 'primary' : 'secondary'}>
              {step.action.label}
            </ButtonLink>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** The overview's path from sign-up to a first campaign in review, each step from the services. */
export function SetupChecklist({ setup }: { setup: BrandSetup }) {
  const percent = setup.total === 0 ? 0 : Math.round((setup.doneCount / setup.total) * 100);
  return (
    <Card className="max-w-3xl">
      <section aria-labelledby="setup-heading" data-testid="setup-checklist">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="setup-heading" className="text-lg font-semibold text-slate-900">
            From sign-up to your first campaign
          </h2>
          <p className="text-sm text-slate-600" data-testid="setup-progress">
            {setup.doneCount} of {setup.total} done
          </p>
        </div>
        <div
          className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-label="Setup progress"
          aria-valuemin={0}
          aria-valuemax={setup.total}
          aria-valuenow={setup.doneCount}
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
        </div>
        <ol className="mt-6 divide-y divide-slate-100">
          {setup.steps.map((step, index) => (
            <StepRow key={step.key} step={step} index={index} isNext={setup.next === step.key} />
          ))}
        </ol>
      </section>
    </Card>
  );
}
