import type { NotificationCategory } from '@gametriggers/contracts';
import { isPreferenceLocked, notificationCategoryLabels } from '@gametriggers/contracts';

export interface NotificationEmailInput {
  category: NotificationCategory;
  title: string;
  body: string;
  /** Absolute: the recipient's portal and the notification's path. */
  actionUrl: string | null;
  /** Absolute: the recipient's notification settings, with this category to turn off; null when it cannot be. */
  unsubscribeUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A notification as a plain email: an HTML part and a text part saying the same. */
export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const label = notificationCategoryLabels[input.category];
  const why = isPreferenceLocked(input.category, 'email')
    ? `You get ${label.toLowerCase()} emails because they concern your funds or your account; they cannot be turned off.`
    : `You get this because ${label.toLowerCase()} emails are on in your notification settings.`;
  const text = [
    input.title,
    '',
    input.body,
    ...(input.actionUrl ? ['', `Open it: ${input.actionUrl}`] : []),
    '',
    '—',
    why,
    ...(input.unsubscribeUrl ? [`Stop ${label.toLowerCase()} emails: ${input.unsubscribeUrl}`] : []),
  ].join('\n');
  const html = `<!doctype html><html><body style="margin:0;background:#f4f4f7;font-family:system-ui,sans-serif;color:#111">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 12px">
<table role="presentation" width="480" style="background:#fff;border-radius:12px;padding:32px">
<tr><td><p style="font-weight:700;color:#6d28d9;margin:0 0 24px">Gametriggers</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(input.title)}</h1>
<p style="line-height:1.5;margin:0 0 24px">${escapeHtml(input.body)}</p>
${
  input.actionUrl
    ? `<p><a href="${escapeHtml(input.actionUrl)}" style="background:#6d28d9;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">Open in Gametriggers</a></p>`
    : ''
}
<p style="font-size:13px;color:#555;line-height:1.5;margin:24px 0 0">${escapeHtml(why)}${
    input.unsubscribeUrl
      ? `<br><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#555">Stop ${escapeHtml(label.toLowerCase())} emails</a>`
      : ''
  }</p>
</td></tr></table></td></tr></table></body></html>`;
  return { subject: input.title, text, html };
}
