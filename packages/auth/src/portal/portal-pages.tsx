import { AppShell, Badge, ButtonLink, Card, EmptyState, Logo, PageHeader, Spinner } from '@gametriggers/ui';
import type { AdminPermission, UserRole } from '@gametriggers/tokens';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { authOptionsFromEnv } from '../auth-options-from-env';
import { portalNames, portalUrlsFrom } from '../portals';
import { SignOutButton } from '../react';
import { portalSession, serverApi } from '../server';
import { RETURN_TO_HEADER, renewUrl, signInUrl } from '../session-routes';
import { actionErrorOf } from './action-result';
import type { ActionResult } from './action-result';
import { navFor, portalConfigs } from './portal-config';
import { renewOnUnauthorized } from './renew-on-unauthorized';

export { actionErrorOf } from './action-result';
export { downloadResponse } from './download-response';
export type { DownloadableFile } from './download-response';
export type { ActionError, ActionResult } from './action-result';

// The brand portal's overview is its own page: a setup checklist from the brand's real state.
const nextSteps: Partial<Record<UserRole, Array<{ href: string; title: string; text: string }>>> = {
  streamer: [
    {
      href: '/marketplace',
      title: 'Browse the marketplace',
      text: 'Join campaigns that fit your channel.',
    },
    {
      href: '/overlay',
      title: 'Set up your overlay',
      text: 'Add one browser source to OBS; sponsors appear live.',
    },
    {
      href: '/earnings',
      title: 'Get paid',
      text: 'Every counted impression adds to your earnings.',
    },
  ],
  admin: [
    {
      href: '/verifications',
      title: 'Review verifications',
      text: 'Brands and streamers waiting for approval.',
    },
    {
      href: '/moderation',
      title: 'Moderate creatives',
      text: 'Check campaign creatives before they go live.',
    },
    { href: '/money', title: 'Watch the money', text: 'Escrow, payouts and platform revenue.' },
  ],
};

/** Server-rendered pieces shared by the brand, streamer and admin portals. */
export function createPortalPages(role: UserRole) {
  const config = portalConfigs[role];
  const authOptions = () => authOptionsFromEnv(role, process.env);
  const landingUrl = () => portalUrlsFrom(process.env).landing;

  /** The page being served (set by the portal middleware), to come back to. */
  async function returnTo() {
    return (await headers()).get(RETURN_TO_HEADER) ?? undefined;
  }

  /** The signed-in person; without a usable session, sign in and come back here. */
  async function requireSession() {
    const session = await portalSession(authOptions());
    if (!session) redirect(signInUrl(landingUrl(), await returnTo()).href);
    return session;
  }

  /**
   * An admin page's guard: the signed-in admin holds at least one of these permissions, or is shown
   * the refusal page. The services refuse the calls anyway; this keeps the page from half-rendering.
   */
  async function requirePermission(...anyOf: AdminPermission[]) {
    const session = await requireSession();
    if (!anyOf.some((permission) => session.user.permissions.includes(permission))) {
      redirect(`/forbidden?${new URLSearchParams({ need: anyOf.join(',') })}`);
    }
    return session;
  }

  /**
   * The API as the signed-in person, for server components and server actions. A call the API
   * refuses as unauthenticated (the token expired after the middleware looked) renews the session
   * and comes back, instead of showing an error.
   */
  async function sessionApi() {
    const api = serverApi(await requireSession());
    const back = renewUrl(await returnTo());
    return renewOnUnauthorized(api, () => redirect(back));
  }

  /**
   * Runs an API call for a server action and reports its outcome as data, so a refused call shows
   * its message (and per-field errors) in the form instead of an error page.
   */
  async function act<T>(work: (api: Awaited<ReturnType<typeof sessionApi>>) => Promise<T>): Promise<ActionResult<T>> {
    const api = await sessionApi();
    try {
      return { ok: true, data: await work(api) };
    } catch (error) {
      return { ok: false, error: actionErrorOf(error) };
    }
  }

  async function Shell({ children }: { children: ReactNode }) {
    const session = await requireSession();
    const currentPath = (await headers()).get('x-pathname') ?? '/';
    return (
      <AppShell
        portalName={config.name}
        nav={navFor(config, session.user.permissions)}
        currentPath={currentPath}
        person={session.user}
        signOut={<SignOutButton landingUrl={landingUrl()} />}
      >
        {children}
      </AppShell>
    );
  }

  /** A route's loading state: the portal's shell stays, a spinner stands in for the page. */
  function LoadingPage({ label }: { label: string }) {
    return (
      <Shell>
        <div className="grid min-h-[50vh] place-items-center text-brand-600">
          <Spinner label={label} className="scale-150" />
        </div>
      </Shell>
    );
  }

  /** The signed-in account as identity knows it (what sign-up collected). */
  async function signedInAccount() {
    return (await sessionApi()).identity.me.query();
  }

  async function HomePage() {
    const me = await signedInAccount();
    const steps = nextSteps[role] ?? [];
    return (
      <Shell>
        <PageHeader
          title={`Welcome${me.name ? `, ${me.name}` : ''}`}
          description={`You are signed in to the ${portalNames[role]}.`}
        />
        <Card className="max-w-3xl">
          <h2 className="text-lg font-semibold">Your account</h2>
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Email</dt>
            <dd data-testid="account-email" className="font-medium">
              {me.email}
            </dd>
            <dt className="text-slate-500">Account type</dt>
            <dd>
              <Badge data-testid="account-role">{me.role}</Badge>
            </dd>
            {me.adminRole ? (
              <>
                <dt className="text-slate-500">Admin role</dt>
                <dd data-testid="admin-role">{me.adminRole.replaceAll('_', ' ')}</dd>
                <dt className="text-slate-500">Permissions</dt>
                <dd className="flex flex-wrap gap-1">
                  {me.permissions.map((permission) => (
                    <Badge key={permission} tone="neutral">
                      {permission}
                    </Badge>
                  ))}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-500">Member since</dt>
            <dd>{me.createdAt.toLocaleDateString('en', { dateStyle: 'long' })}</dd>
            <dt className="text-slate-500">Email verified</dt>
            <dd>
              {me.emailVerified ? (
                <Badge tone="success">Verified</Badge>
              ) : (
                <Badge tone="warning">Not yet</Badge>
              )}
            </dd>
            <dt className="text-slate-500">Last sign-in</dt>
            <dd>
              {me.lastLoginAt
                ? me.lastLoginAt.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })
                : '—'}
            </dd>
          </dl>
        </Card>
        <h2 className="mt-10 mb-4 text-lg font-semibold text-slate-900">Next steps</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {steps.map((step) => (
            <a
              key={step.href}
              href={step.href}
              className="group rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              <p className="font-semibold text-slate-900 group-hover:text-brand-700">
                {step.title} →
              </p>
              <p className="mt-1 text-sm text-slate-600">{step.text}</p>
            </a>
          ))}
        </div>
      </Shell>
    );
  }

  async function SectionPage({ params }: { params: Promise<{ section: string[] }> }) {
    const { section } = await params;
    // Only a navigation entry itself is "coming soon"; any other address is not found.
    const item =
      section.length === 1 ? config.nav.find((entry) => entry.href === `/${section[0]}`) : undefined;
    if (!item) notFound();
    return (
      <Shell>
        <PageHeader title={item.label} />
        <EmptyState
          title={`${item.label} is coming soon`}
          action={
            <ButtonLink href="/" variant="secondary">
              Back to {config.nav[0]?.label.toLowerCase() ?? 'overview'}
            </ButtonLink>
          }
        >
          This part of the {portalNames[role]} is being built. Your account and everything you set
          up stay as they are when it arrives.
        </EmptyState>
      </Shell>
    );
  }

  /** An address no page answers, inside the shell: the portals' `app/not-found.tsx`. */
  async function NotFoundPage() {
    // Rendered per request: the shell needs the session, which a build-time prerender has not.
    await connection();
    return (
      <Shell>
        <div data-testid="not-found" className="pt-2">
          <EmptyState
            title="This page does not exist"
            action={
              <ButtonLink href="/" variant="secondary">
                Back to {config.nav[0]?.label.toLowerCase() ?? 'overview'}
              </ButtonLink>
            }
          >
            The address may be mistyped, or the page has moved. Everything in the{' '}
            {portalNames[role]} is in the navigation.
          </EmptyState>
        </div>
      </Shell>
    );
  }

  /** Where `requirePermission` sends an admin who lacks the page's permission. */
  async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
    const { need } = await searchParams;
    const permissions = (need ?? '').split(',').filter((name) => /^can[A-Za-z]+$/.test(name));
    return (
      <Shell>
        <div data-testid="forbidden" className="pt-2">
          <EmptyState
            title="You don't have access to this page"
            action={
              <ButtonLink href="/" variant="secondary">
                Back to {config.nav[0]?.label.toLowerCase() ?? 'overview'}
              </ButtonLink>
            }
          >
            {permissions.length > 0
              ? `It needs the ${permissions.join(' or ')} permission. A super admin can grant it.`
              : 'Your admin role does not include it. A super admin can grant it.'}
          </EmptyState>
        </div>
      </Shell>
    );
  }

  async function WrongPortalPage({ searchParams }: { searchParams: Promise<{ role?: string }> }) {
    const { role: actual } = await searchParams;
    const urls = portalUrlsFrom(process.env);
    const own =
      actual === 'brand' || actual === 'streamer' || actual === 'admin' ? actual : undefined;
    return (
      <main className="grid min-h-screen place-items-center bg-gradient-to-b from-brand-50 to-slate-50 px-6">
        <div className="w-full max-w-md">
          <div className="mb-8 flex justify-center">
            <Logo className="text-lg" />
          </div>
          <Card className="text-center">
            <div
              aria-hidden
              className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-amber-50 text-xl text-amber-600"
            >
              !
            </div>
            <h1 className="text-xl font-bold">This is the {portalNames[role]}</h1>
            <p className="mt-3 text-slate-600" data-testid="wrong-portal-message">
              {own
                ? `You're signed in as ${own === 'admin' ? 'an' : 'a'} ${own}. The ${portalNames[role]} is for ${role} accounts.`
                : `The ${portalNames[role]} is for ${role} accounts.`}
            </p>
            <div className="mt-6 flex flex-col gap-3">
              {own ? <ButtonLink href={urls[own]}>Go to the {portalNames[own]}</ButtonLink> : null}
              <SignOutButton
                landingUrl={urls.landing}
                className="rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              />
            </div>
          </Card>
        </div>
      </main>
    );
  }

  return {
    authOptions,
    requireSession,
    requirePermission,
    sessionApi,
    act,
    Shell,
    LoadingPage,
    signedInAccount,
    HomePage,
    NotFoundPage,
    ForbiddenPage,
    SectionPage,
    WrongPortalPage,
  };
}
