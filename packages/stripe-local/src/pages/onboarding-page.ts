import type { AccountLink } from '../resources/account-links';
import { completeOnboarding, connectedAccount } from '../resources/accounts';
import type { World } from '../world';
import type { PageAnswer } from './checkout-page';
import { escapeHtml, notFoundPage, renderPage } from './layout';

function findLink(world: World, id: string): AccountLink | undefined {
  return world.store.find<AccountLink>('account_link', id, null);
}

/** A used or expired link sends the visitor to `refresh_url`, as Stripe's does. */
function isStale(world: World, link: AccountLink): boolean {
  return link.used || link.expires_at <= world.clock.nowSeconds();
}

export function showOnboardingPage(world: World, linkId: string): PageAnswer {
  const link = findLink(world, linkId);
  if (!link) return notFoundPage(`There is no onboarding link ${linkId}.`);
  if (isStale(world, link)) return { redirect: link.refresh_url };
  const account = connectedAccount(world, link.account);
  const content = `<div class="card">
<h1>Set up payouts</h1>
<p class="muted">Express account <code>${escapeHtml(account.id)}</code>${account.email ? ` for ${escapeHtml(account.email)}` : ''}.
Identity and bank details are prefilled with test values.</p>
<form method="post">
<label for="name">Legal name</label>
<input id="name" name="name" value="Test Streamer" autocomplete="name">
<div class="row">
<div><label for="routing">Routing number</label><input id="routing" name="routing" value="110000000" inputmode="numeric"></div>
<div><label for="account">Account number</label><input id="account" name="account" value="000123456789" inputmode="numeric"></div>
</div>
<button type="submit">Complete onboarding</button>
</form>
<a class="cancel" href="${escapeHtml(link.return_url)}">Leave without finishing</a>
</div>`;
  return renderPage('Connect onboarding', content);
}

/** "Complete onboarding": the account can take payouts, `account.updated` goes out, back to `return_url`. */
export function submitOnboardingPage(world: World, linkId: string): PageAnswer {
  const link = findLink(world, linkId);
  if (!link) return notFoundPage(`There is no onboarding link ${linkId}.`);
  if (isStale(world, link)) return { redirect: link.refresh_url };
  link.used = true;
  completeOnboarding(world, connectedAccount(world, link.account), null);
  return { redirect: link.return_url };
}
