import type { CheckoutSession } from '../resources/checkout-sessions';
import { payCheckoutSession } from '../resources/checkout-payment';
import { termsOf } from '../resources/checkout-sessions';
import type { AccountScope } from '../store';
import type { CardBehaviour } from '../test-cards';
import { TEST_CARDS } from '../test-cards';
import type { World } from '../world';
import type { HtmlPage } from './layout';
import { escapeHtml, formatAmount, notFoundPage, renderPage } from './layout';

export type PageAnswer = HtmlPage | { redirect: string };

interface CardForm {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

function findSession(world: World, id: string): { session: CheckoutSession; scope: AccountScope } | undefined {
  const object = world.store.byId(id);
  if (object?.object !== 'checkout.session') return undefined;
  return { session: object as CheckoutSession, scope: world.store.scopeOf(id) ?? null };
}

export function showCheckoutPage(world: World, sessionId: string): PageAnswer {
  const found = findSession(world, sessionId);
  if (!found) return notFoundPage(`There is no checkout session ${sessionId}.`);
  return checkoutForm(found.session, { cardNumber: '', expiry: '', cvc: '' });
}

/** The form's POST: pay (or save) with the entered card, or answer the Authenticate step. */
export function submitCheckoutPage(world: World, sessionId: string, form: URLSearchParams): PageAnswer {
  const found = findSession(world, sessionId);
  if (!found) return notFoundPage(`There is no checkout session ${sessionId}.`);
  const { session, scope } = found;
  const card = { cardNumber: form.get('card_number') ?? '', expiry: form.get('expiry') ?? '', cvc: form.get('cvc') ?? '' };
  const expiry = parseExpiry(card.expiry);
  if (!expiry) return checkoutForm(session, card, 'Your card’s expiration date is incomplete (MM / YY).', 400);
  if (!/^\d{3,4}$/.test(card.cvc.trim())) return checkoutForm(session, card, 'Your card’s security code is incomplete.', 400);
  const authentication = form.get('authentication');
  if (authentication === 'fail') {
    return checkoutForm(
      session,
      card,
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
      402,
    );
  }
  const result = payCheckoutSession(world, scope, session, { number: card.cardNumber, expiry }, authentication === 'approve');
  if (result.kind === 'refused') return checkoutForm(session, card, result.message, 402);
  if (result.kind === 'requires_authentication') return authenticationStep(session, card);
  if (session.success_url) return { redirect: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) };
  return renderPage('Done', `<div class="card"><h1>${session.mode === 'setup' ? 'Card saved' : 'Payment complete'}</h1></div>`);
}

function parseExpiry(value: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year: year < 100 ? 2000 + year : year };
}

function summary(session: CheckoutSession): string {
  if (session.mode === 'setup') {
    return `<h1>Save a card</h1><p class="muted">Your card will be saved for future payments. You will not be charged now.</p>`;
  }
  const description = termsOf(session)
    .lineItems.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name))
    .join(', ');
  return `<h1>${escapeHtml(description)}</h1>
<p class="amount">${escapeHtml(formatAmount(session.amount_total ?? 0, session.currency ?? 'usd'))}</p>`;
}

function closedNotice(session: CheckoutSession): PageAnswer {
  const message =
    session.status === 'complete'
      ? session.mode === 'setup'
        ? 'This card has been saved.'
        : 'This payment is complete.'
      : 'This checkout session has expired. Go back and start again.';
  const next = session.status === 'complete' && session.success_url ? session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) : session.cancel_url;
  const link = next ? `<a class="cancel" href="${escapeHtml(next)}">Return to the site</a>` : '';
  return renderPage('Checkout', `<div class="card">${summary(session)}<p>${escapeHtml(message)}</p>${link}</div>`, 410);
}

function hiddenCard(card: CardForm): string {
  return (['card_number', 'expiry', 'cvc'] as const)
    .map((name, index) => `<input type="hidden" name="${name}" value="${escapeHtml([card.cardNumber, card.expiry, card.cvc][index] ?? '')}">`)
    .join('\n');
}

function checkoutForm(session: CheckoutSession, card: CardForm, error?: string, status = 200): PageAnswer {
  if (session.status !== 'open') return closedNotice(session);
  const cancel = session.cancel_url ? `<a class="cancel" href="${escapeHtml(session.cancel_url)}">Cancel and return</a>` : '';
  const cards = TEST_CARDS.map((testCard) => `<tr><td><code>${testCard.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</code></td><td>${escapeHtml(describe(testCard.behaviour))}</td></tr>`).join('');
  const content = `<div class="card">
${summary(session)}
<form method="post" novalidate>
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" value="${escapeHtml(card.cardNumber)}" required>
<div class="row">
<div><label for="expiry">Expiry</label><input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" value="${escapeHtml(card.expiry)}" required></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" value="${escapeHtml(card.cvc)}" required></div>
</div>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<button type="submit">${session.mode === 'setup' ? 'Save card' : `Pay ${escapeHtml(formatAmount(session.amount_total ?? 0, session.currency ?? 'usd'))}`}</button>
</form>
${cancel}
<details><summary>Test cards</summary><table>${cards}</table><p>Any future expiry date and any 3-digit CVC.</p></details>
</div>`;
  return renderPage('Checkout', content, status);
}

function authenticationStep(session: CheckoutSession, card: CardForm): PageAnswer {
  const content = `<div class="card">
${summary(session)}
<h1>Authenticate</h1>
<p class="muted">Your bank asks you to confirm this ${session.mode === 'setup' ? 'card' : 'payment'} (3D Secure test).</p>
<form method="post">
${hiddenCard(card)}
<button type="submit" name="authentication" value="approve">Complete authentication</button>
<button type="submit" name="authentication" value="fail" class="secondary">Fail authentication</button>
</form>
</div>`;
  return renderPage('Authenticate', content);
}

function describe(behaviour: CardBehaviour): string {
  switch (behaviour.kind) {
    case 'succeeds':
      return 'Succeeds';
    case 'succeeds_available':
      return 'Succeeds, funds available at once';
    case 'declines':
      return `Declined: “${behaviour.message}”`;
    case 'requires_authentication':
      return 'Asks to authenticate';
    case 'succeeds_then_disputed':
      return 'Succeeds, then disputed';
  }
}
