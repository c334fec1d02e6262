export type MailTemplate = 'verify_email' | 'reset_password';

interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(
  heading: string,
  paragraph: string,
  action: string,
  link: string,
  footnote: string,
): string {
  return `<!doctype html><html><body style="margin:0;background:#f4f4f7;font-family:system-ui,sans-serif;color:#111">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 12px">
<table role="presentation" width="480" style="background:#fff;border-radius:12px;padding:32px">
<tr><td><p style="font-weight:700;color:#6d28d9;margin:0 0 24px">Gametriggers</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(heading)}</h1>
<p style="line-height:1.5;margin:0 0 24px">${escapeHtml(paragraph)}</p>
<p><a href="${escapeHtml(link)}" style="background:#6d28d9;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#555;line-height:1.5;margin:24px 0 0">${escapeHtml(footnote)}<br>${escapeHtml(link)}</p>
</td></tr></table></td></tr></table></body></html>`;
}

export function renderMail(template: MailTemplate, link: string): RenderedMail {
  switch (template) {
    case 'verify_email':
      return {
        subject: 'Confirm your email for Gametriggers',
        text: `Welcome to Gametriggers!\n\nConfirm your email address to finish setting up your account:\n${link}\n\nThe link works once and expires in 48 hours. If you did not sign up, ignore this email.`,
        html: layout(
          'Confirm your email',
          'Welcome to Gametriggers! Confirm your email address to finish setting up your account.',
          'Confirm email',
          link,
          'The link works once and expires in 48 hours. If you did not sign up, ignore this email.',
        ),
      };
    case 'reset_password':
      return {
        subject: 'Reset your Gametriggers password',
        text: `Someone asked to reset the password of your Gametriggers account.\n\nChoose a new password here:\n${link}\n\nThe link works once and expires in 1 hour. If it was not you, ignore this email: your password stays as it is.`,
        html: layout(
          'Reset your password',
          'Someone asked to reset the password of your Gametriggers account. Choose a new one with the button below.',
          'Choose a new password',
          link,
          'The link works once and expires in 1 hour. If it was not you, ignore this email.',
        ),
      };
  }
}
