import { AppShell, Badge, Card, EmptyState, PageHeader } from '@gametriggers/ui';
import type { UserRole } from '@gametriggers/tokens';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { authOptionsFromEnv } from '../auth-options-from-env';
import { portalNames, portalUrlsFrom } from '../portals';
import { SignOutButton } from '../react';
import { portalSession, serverApi } from '../server';
import { portalConfigs } from './portal-config';

/** Server-rendered pieces shared by the brand, streamer and admin portals. */
export function createPortalPages(role: UserRole) {
  const config = portalConfigs[role];
  const authOptions = () => authOptionsFromEnv(role, process.env);
  const landingUrl = () => portalUrlsFrom(process.env).landing;

  async function requireSession() {
    const session = await portalSession(authOptions());
    if (!session) redirect(`${landingUrl()}/sign-in`);
    return session;
  }

  async function Shell({ children }: { children: ReactNode }) {
    const session = await requireSession();
    const currentPath = (await headers()).get('x-pathname') ?? '/';
    return (
      <AppShell
        portalName={config.name}
        nav={config.nav}
        currentPath={currentPath}
        person={session.user}
        signOut={<SignOutButton landingUrl={landingUrl()} />}
      >
        {children}
      </AppShell>
    );
  }

  async function HomePage() {
    const session = await requireSession();
    const me = await serverApi(session).identity.me.query();
    return (
      <Shell>
        <PageHeader
          title={`Welcome${me.name ? `, ${me.name}` : ''}`}
          description={`You are signed in to the ${portalNames[role]}.`}
        />
        <Card className="max-w-2xl">
          <h2 className="text-lg font-semibold">Your account</h2>
          <dl className="mt-4 grid grid-cols-[10rem_1fr] gap-y-3 text-sm">
            <dt className="text-slate-500">Email</dt>
            <dd data-testid="account-email" className="font-medium">
              {me.email}
            </dd>
            <dt className="text-slate-500">Account type</dt>
            <dd>
              <Badge>{me.role}</Badge>
            </dd>
            {me.adminRole ? (
              <>
                <dt className="text-slate-500">Admin role</dt>
                <dd>{me.adminRole.replace('_', ' ')}</dd>
                <dt className="text-slate-500">Permissions</dt>
                <dd className="flex flex-wrap gap-1">
                  {me.permissions.map((permission) => (
                    <Badge key={permission}>{permission}</Badge>
                  ))}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-500">Member since</dt>
            <dd>{me.createdAt.toLocaleDateString('en', { dateStyle: 'long' })}</dd>
            <dt className="text-slate-500">Email verified</dt>
            <dd>{me.emailVerified ? 'Yes' : 'Not yet'}</dd>
          </dl>
        </Card>
      </Shell>
    );
  }

  async function SectionPage({ params }: { params: Promise<{ section: string[] }> }) {
    const { section } = await params;
    const item = config.nav.find((entry) => entry.href === `/${section[0] ?? ''}`);
    if (!item) redirect('/');
    return (
      <Shell>
        <PageHeader title={item.label} />
        <EmptyState title={`${item.label} is on its way`}>
          This part of the {portalNames[role]} is being built. Everything you do today stays here when it arrives.
        </EmptyState>
      </Shell>
    );
  }

  async function WrongPortalPage({ searchParams }: { searchParams: Promise<{ role?: string }> }) {
    const { role: actual } = await searchParams;
    const urls = portalUrlsFrom(process.env);
    const own = actual === 'brand' || actual === 'streamer' || actual === 'admin' ? actual : undefined;
    return (
      <main className="grid min-h-screen place-items-center px-6">
        <Card className="max-w-md text-center">
          <h1 className="text-xl font-bold">This is the {portalNames[role]}</h1>
          <p className="mt-3 text-slate-600">
            {own
              ? `You're signed in with a ${own} account. The ${portalNames[role]} is for ${role} accounts.`
              : `The ${portalNames[role]} is for ${role} accounts.`}
          </p>
          <div className="mt-6 flex flex-col gap-3">
            {own ? (
              <a className="rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white" href={urls[own]}>
                Go to the {portalNames[own]}
              </a>
            ) : null}
            <SignOutButton
              landingUrl={urls.landing}
              className="rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-700 ring-1 ring-slate-300"
            />
          </div>
        </Card>
      </main>
    );
  }

  return { authOptions, HomePage, SectionPage, WrongPortalPage };
}
