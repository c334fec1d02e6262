import type { ReactNode } from 'react';
import { Logo } from './controls';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The signed-in frame of a portal: navigation on the side (a top row on small screens), the
 * person and sign-out on top. `signOut` is a slot so this package stays free of auth code.
 */
export function AppShell({
  portalName,
  nav,
  currentPath,
  person,
  signOut,
  children,
}: {
  portalName: string;
  nav: NavItem[];
  currentPath: string;
  person: { email: string; name: string | null };
  signOut: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[16rem_1fr]">
      <aside className="border-b border-slate-200 bg-white md:min-h-screen md:border-r md:border-b-0">
        <div className="flex items-center justify-between px-5 py-4">
          <Logo />
          <span className="text-xs font-medium text-slate-500 md:hidden">{portalName}</span>
        </div>
        <p className="hidden px-5 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">{portalName}</p>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-3 md:mt-2 md:flex-col md:overflow-visible">
          {nav.map((item) => {
            const active = item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href);
            return (
              <a
                key={item.href}
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={
                  'rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap ' +
                  (active ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100')
                }
              >
                {item.label}
              </a>
            );
          })}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <details className="relative">
            <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1 text-sm hover:bg-slate-100">
              <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-700">
                {(person.name ?? person.email).slice(0, 1).toUpperCase()}
              </span>
              <span className="hidden text-slate-700 sm:inline">{person.name ?? person.email}</span>
            </summary>
            <div className="absolute right-0 z-10 mt-2 w-60 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200">
              <p className="truncate px-3 py-2 text-sm text-slate-500">{person.email}</p>
              <div className="[&>button]:w-full [&>button]:rounded-lg [&>button]:px-3 [&>button]:py-2 [&>button]:text-left [&>button]:text-sm [&>button:hover]:bg-slate-100">
                {signOut}
              </div>
            </div>
          </details>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="mt-1 text-slate-600">{description}</p> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-2xl border-2 border-dashed border-slate-200 bg-white px-6 py-16 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children ? <div className="mx-auto mt-2 max-w-md text-slate-600">{children}</div> : null}
    </div>
  );
}
