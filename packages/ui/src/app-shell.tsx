'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { Logo, focusRing } from './controls';

export interface NavItem {
  href: string;
  label: string;
}

function isActive(href: string, path: string) {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function NavLinks({
  nav,
  path,
  onNavigate,
}: {
  nav: NavItem[];
  path: string;
  onNavigate?: () => void;
}) {
  return (
    <ul className="space-y-1">
      {nav.map((item) => {
        const active = isActive(item.href, path);
        return (
          <li key={item.href}>
            <a
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium',
                focusRing,
                active
                  ? 'bg-brand-50 text-brand-700'
                  : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              <span
                aria-hidden
                className={cn('size-1.5 rounded-full', active ? 'bg-brand-600' : 'bg-slate-300')}
              />
              {item.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function ProfileMenu({
  person,
  signOut,
}: {
  person: { email: string; name: string | null };
  signOut: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const display = person.name ?? person.email;
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          'flex items-center gap-2 rounded-lg px-2 py-1 text-sm hover:bg-slate-100',
          focusRing,
        )}
      >
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-700"
        >
          {display.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-48 truncate text-slate-700 sm:inline">{display}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 text-slate-400" fill="currentColor">
          <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" />
        </svg>
        <span className="sr-only">Open the profile menu</span>
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          className="absolute right-0 z-30 mt-2 w-64 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200"
        >
          <div className="px-3 py-2">
            {person.name ? (
              <p className="truncate text-sm font-medium text-slate-900">{person.name}</p>
            ) : null}
            <p className="truncate text-sm text-slate-500">{person.email}</p>
          </div>
          <div className="my-1 h-px bg-slate-100" />
          <div
            role="none"
            className="[&>button]:w-full [&>button]:rounded-lg [&>button]:px-3 [&>button]:py-2 [&>button]:text-left [&>button]:text-sm [&>button]:text-slate-700 [&>button:hover]:bg-slate-100"
          >
            {signOut}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The signed-in frame of a portal: navigation in a sidebar (a drawer on small screens), the person
 * and sign-out in the top bar. `signOut` is a slot so this package stays free of auth code.
 */
export function AppShell({
  portalName,
  nav,
  currentPath,
  person,
  signOut,
  headerActions,
  children,
}: {
  portalName: string;
  nav: NavItem[];
  /** Optional: the path to highlight; defaults to the browser's. */
  currentPath?: string;
  person: { email: string; name: string | null };
  signOut: ReactNode;
  /** Beside the profile menu (the notifications' bell). */
  headerActions?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const path = pathname ?? currentPath ?? '/';
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sidebar = (
    <>
      <div className="flex h-16 items-center px-5">
        <a href="/" className={cn('rounded-lg', focusRing)}>
          <Logo />
        </a>
      </div>
      <p className="px-5 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {portalName}
      </p>
      <nav aria-label="Main" className="px-3">
        <NavLinks nav={nav} path={path} onNavigate={() => setDrawerOpen(false)} />
      </nav>
    </>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_1fr]">
      <aside className="hidden border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0">{sidebar}</div>
      </aside>
      {drawerOpen ? (
        <div
          className="fixed inset-0 z-40 lg:hidden"
          role="dialog"
          aria-modal="true"
          aria-label="Navigation"
        >
          <button
            type="button"
            aria-label="Close navigation"
            className="absolute inset-0 bg-slate-900/40"
            onClick={() => setDrawerOpen(false)}
          />
          <div className="absolute inset-y-0 left-0 w-72 max-w-[85vw] bg-white shadow-xl">
            {sidebar}
          </div>
        </div>
      ) : null}
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-20 flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <div className="flex items-center gap-3">
            <button
              type="button"
              className={cn(
                'rounded-lg p-2 text-slate-700 hover:bg-slate-100 lg:hidden',
                focusRing,
              )}
              aria-label="Open navigation"
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            >
              <svg
                aria-hidden
                viewBox="0 0 24 24"
                className="size-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path strokeLinecap="round" d="M4 6h16M4 12h16M4 18h16" />
              </svg>
            </button>
            <span className="text-sm font-semibold text-slate-900 lg:hidden">{portalName}</span>
          </div>
          <div className="flex items-center gap-2">
            {headerActions}
            <ProfileMenu person={person} signOut={signOut} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
