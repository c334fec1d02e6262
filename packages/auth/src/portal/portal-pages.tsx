import {
  AppShell,
  Badge,
  ButtonLink,
  Card,
  DetailList,
  EmptyState,
  LoadMore,
  LocalTime,
  Logo,
  PageHeader,
  Spinner,
} from '@gametriggers/ui';
import { publicPusherSettings } from '@gametriggers/realtime';
import type { UserRole } from '@gametriggers/tokens';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import type { ReactNode } from 'react';
import { portalNames, portalUrlsFrom } from '../portals';
import { SignOutButton } from '../react';
import { serverApi } from '../server';
import { changeOwnPassword, signOutOtherDevices } from './account-actions';
import {
  archiveNotification,
  loadBell,
  markAllNotificationsRead,
  markNotificationRead,
  setNotificationPreference,
} from './notification-actions';
import { LiveInboxList, LiveInboxTabs, LiveMarkAllRead } from './live-inbox';
import { NotificationBell } from './notification-bell';
import { NotificationPreferencesForm } from './notification-forms';
import { NotificationStreamProvider } from './notification-stream';
import { inboxTabOf, inboxTabs, preferenceRows, unsubscribeOffer } from './notification-preferences';
import { navFor, portalConfigs } from './portal-config';
import { createPortalSession } from './portal-session';
import { ChangePasswordForm, SignOutOtherDevices } from './settings-forms';

export { actionErrorOf } from './action-result';
export { downloadResponse } from './download-response';
export { orNotFound } from './or-not-found';
export type { DownloadableFile } from './download-response';
export type { ActionError, ActionResult } from './action-result';
export { createPortalSession } from './portal-session';
export { createRealtimeAuthRoute } from './realtime-auth-route';
export { createUploadRoute } from './upload-route';
export { createAssetFileRoute } from './asset-file-route';
export type { AssetFilePortal } from './asset-file-route';
export type { UploadRouteOptions } from './upload-route';
export { ownUserChannelAccess, withOwnUserChannel } from './realtime-access';
export type { RealtimeAccessDecision, RealtimeAccessRequest } from './realtime-access';

/** How many notifications a page of the inbox shows. */
const INBOX_PAGE_SIZE = 20;

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
  const session = createPortalSession(role);
  const { landingUrl, requireSession, sessionApi, signedInAccount } = session;

  // Once per request: a route's `loading.tsx` renders its shell beside the page's, and the first
  // read (the loading shell's, at the start of the request) serves both. The bell must never take
  // the page down: without the notification service it shows no count.
  const unreadCount = cache(async (): Promise<number | null> =>
    serverApi(await requireSession())
      .notification.inbox.unreadCount.query()
      .then((count) => count.unread)
      .catch(() => null),
  );

  async function Shell({ children }: { children: ReactNode }) {
    const session = await requireSession();
    const currentPath = (await headers()).get('x-pathname') ?? '/';
    const unread = await unreadCount();
    const pusher = process.env.PUSHER_KEY ? publicPusherSettings(process.env) : null;
    // One connection to the person's channel per page: the bell and the inbox page share it.
    return (
      <NotificationStreamProvider userId={session.user.id} pusher={pusher} initialUnread={unread}>
        <AppShell
          portalName={config.name}
          nav={navFor(config, session.user.permissions)}
          currentPath={currentPath}
          person={session.user}
          signOut={<SignOutButton landingUrl={landingUrl()} />}
          headerActions={
            <NotificationBell
              loadBell={loadBell.bind(null, role)}
              markAllRead={markAllNotificationsRead.bind(null, role)}
              markRead={markNotificationRead.bind(null, role)}
            />
          }
        >
          {children}
        </AppShell>
      </NotificationStreamProvider>
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

  /**
   * The signed-in person's own account: its details, a new password and signing out of the other
   * devices. `children` adds a portal's own sections (the admin portal's two-factor sign-in).
   */
  async function SettingsPage({ children }: { children?: ReactNode } = {}) {
    const account = await (await sessionApi()).identity.account.get.query();
    const otherSessions = account.currentSessionKnown ? Math.max(account.activeSessions - 1, 0) : 0;
    return (
      <Shell>
        <PageHeader
          title="Settings"
          description="Your account: how you sign in, and where you are signed in."
        />
        <div className="grid max-w-3xl gap-6">
          <Card>
            <h2 className="mb-4 text-lg font-semibold text-slate-900">Account</h2>
            <DetailList
              items={[
                {
                  label: 'Email',
                  value: (
                    <span data-testid="settings-email" className="break-all">
                      {account.email}
                    </span>
                  ),
                },
                { label: 'Account type', value: <Badge>{account.role}</Badge> },
                {
                  label: 'Email verified',
                  value: account.emailVerified ? (
                    <Badge tone="success">Verified</Badge>
                  ) : (
                    <Badge tone="warning">Not yet</Badge>
                  ),
                },
                { label: 'Member since', value: <LocalTime date={account.createdAt} /> },
                {
                  label: 'Last sign-in',
                  value: account.lastLoginAt ? <LocalTime date={account.lastLoginAt} /> : '—',
                },
                ...(account.twoFactorEnabled === null
                  ? []
                  : [
                      {
                        label: 'Two-factor sign-in',
                        value: (
                          <span data-testid="two-factor-status">
                            {account.twoFactorEnabled ? 'on' : 'off'}
                          </span>
                        ),
                      },
                    ]),
              ]}
            />
          </Card>
          {children}
          <Card>
            <h2 className="mb-1 text-lg font-semibold text-slate-900">Notifications</h2>
            <p className="mb-4 text-sm text-slate-600">
              Choose what reaches you in the portal and by email, per kind of notice.
            </p>
            <ButtonLink href="/settings/notifications" variant="secondary">
              Notification settings
            </ButtonLink>
          </Card>
          <Card>
            <h2 className="mb-1 text-lg font-semibold text-slate-900">Password</h2>
            {account.hasPassword ? (
              <>
                <p className="mb-4 text-sm text-slate-600">
                  Changing it signs you out of every other browser and device; this one stays
                  signed in.
                </p>
                <ChangePasswordForm changePassword={changeOwnPassword.bind(null, role)} />
              </>
            ) : (
              <p className="text-sm text-slate-600" data-testid="no-password">
                You sign in with Google or Twitch, so this account has no password. To add one,
                use “Forgot password” on the{' '}
                <a className="font-medium text-brand-700 underline" href={`${landingUrl()}/forgot-password`}>
                  sign-in page
                </a>
                .
              </p>
            )}
          </Card>
          <Card>
            <h2 className="mb-1 text-lg font-semibold text-slate-900">Signed-in devices</h2>
            <p className="mb-4 text-sm text-slate-600">
              Signed in on a shared or lost device? Sign out everywhere else; each other session is
              asked to sign in again at its next page.
            </p>
            {account.currentSessionKnown ? (
              <SignOutOtherDevices
                otherSessions={otherSessions}
                signOutOthers={signOutOtherDevices.bind(null, role)}
              />
            ) : (
              <p className="text-sm text-slate-600" data-testid="session-unknown">
                This session started before we could tell sessions apart. Sign out and sign in
                again to sign out your other devices from here.
              </p>
            )}
          </Card>
        </div>
      </Shell>
    );
  }

  /**
   * The inbox (`/notifications`): Unread, All or Archived, newest first, a page at a time with the
   * router's cursor (`?tab=&cursor=`). Opening a notification marks it read.
   */
  async function NotificationsPage({
    searchParams,
  }: {
    searchParams: Promise<{ tab?: string; cursor?: string }>;
  }) {
    const { tab: requested, cursor } = await searchParams;
    const tab = inboxTabOf(requested);
    const api = await sessionApi();
    const [page, count] = await Promise.all([
      api.notification.inbox.list.query({
        filter: tab,
        limit: INBOX_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      }),
      api.notification.inbox.unreadCount.query(),
    ]);
    const hrefOf = (value: string, next?: string) =>
      `/notifications?${new URLSearchParams({ tab: value, ...(next ? { cursor: next } : {}) })}`;
    return (
      <Shell>
        <PageHeader
          title="Notifications"
          description="What happened on your account, newest first."
          actions={<LiveMarkAllRead initialUnread={count.unread} markAllRead={markAllNotificationsRead.bind(null, role)} />}
        />
        <LiveInboxTabs
          current={tab}
          initialUnread={count.unread}
          tabs={inboxTabs.map((entry) => ({ value: entry.value, label: entry.label, href: hrefOf(entry.value) }))}
        />
        <LiveInboxList
          tab={tab}
          firstPage={!cursor}
          items={page.items}
          markRead={markNotificationRead.bind(null, role)}
          archive={archiveNotification.bind(null, role)}
        />
        <LoadMore href={page.nextCursor ? hrefOf(tab, page.nextCursor) : null} label="Older notifications" />
      </Shell>
    );
  }

  /**
   * What reaches the person, per category and channel (`/settings/notifications`). An email's
   * unsubscribe link lands here with `?unsubscribe=<category>` and gets a one-click offer.
   */
  async function NotificationSettingsPage({
    searchParams,
  }: {
    searchParams: Promise<{ unsubscribe?: string }>;
  }) {
    const { unsubscribe } = await searchParams;
    const preferences = await (await sessionApi()).notification.preferences.get.query();
    return (
      <Shell>
        <PageHeader
          title="Notification settings"
          description="Choose what reaches you in the portal and by email. Changes are saved as you make them."
        />
        <Card className="max-w-3xl">
          <NotificationPreferencesForm
            rows={preferenceRows(preferences)}
            offer={unsubscribeOffer(preferences, unsubscribe)}
            setPreference={setNotificationPreference.bind(null, role)}
          />
        </Card>
        <p className="mt-6 text-sm">
          <a className="font-medium text-brand-700 underline" href="/settings">
            ← Back to settings
          </a>
        </p>
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
    ...session,
    Shell,
    LoadingPage,
    HomePage,
    SettingsPage,
    NotificationsPage,
    NotificationSettingsPage,
    NotFoundPage,
    ForbiddenPage,
    WrongPortalPage,
  };
}
