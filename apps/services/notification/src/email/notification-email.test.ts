import { describe, expect, it } from 'vitest';
import { renderNotificationEmail } from './notification-email';

const unsubscribeUrl = 'http://brand.test/settings/notifications?unsubscribe=applications';

describe('renderNotificationEmail (react-email)', () => {
  it('says the same in HTML and plain text: the brand, the notice, the link and the category’s unsubscribe', async () => {
    const mail = await renderNotificationEmail({
      category: 'applications',
      title: '3 new applicants',
      body: 'Streamers applied to <Spring> & "Co" campaign.',
      action: { label: 'Open in Gametriggers', url: 'http://brand.test/campaigns/1?tab=applicants&sort=new' },
      unsubscribeUrl,
    });
    expect(mail.subject).toBe('3 new applicants');
    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toContain('Gametriggers');
    // The button's link, with its ampersand escaped as HTML needs it.
    expect(mail.html).toContain('href="http://brand.test/campaigns/1?tab=applicants&amp;sort=new"');
    expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
    expect(mail.html).toContain('Stop applications emails');
    // Text from events is escaped: it can never become markup.
    expect(mail.html).toContain('&lt;Spring&gt; &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<Spring>');

    expect(mail.text).toContain('3 new applicants');
    expect(mail.text).toContain('Streamers applied to <Spring> & "Co" campaign.');
    expect(mail.text).toContain('Open in Gametriggers http://brand.test/campaigns/1?tab=applicants&sort=new');
    expect(mail.text).toContain(`Stop applications emails ${unsubscribeUrl}`);
    expect(mail.text).toContain('applications emails are on in your notification settings');
    expect(mail.text).not.toMatch(/<\/?(p|a|table|td|div|span|h1|hr)\b/);
  });

  it('explains, without an unsubscribe, why money and security email always comes', async () => {
    for (const category of ['money', 'security'] as const) {
      const mail = await renderNotificationEmail({ category, title: 'Withdrawal paid', body: 'Paid.', action: null, unsubscribeUrl: null });
      expect(mail.text).toContain('cannot be turned off');
      expect(mail.text).not.toMatch(/unsubscribe|Stop .* emails|Open in/);
      expect(mail.html).not.toContain('unsubscribe');
    }
  });

  it('carries an account link and its note, in both parts', async () => {
    const link = 'http://localhost:3000/verify-email?token=abc-DEF_123';
    const mail = await renderNotificationEmail({
      category: 'security',
      title: 'Confirm your email for Gametriggers',
      body: 'Welcome to Gametriggers!',
      action: { label: 'Confirm email', url: link },
      note: 'The link works once and expires in 48 hours.',
      unsubscribeUrl: null,
    });
    expect(mail.text).toContain(`Confirm email ${link}`);
    expect(mail.text).toContain('expires in 48 hours');
    expect(mail.html).toContain(`href="${link}"`);
    // Headings keep their case in the text part.
    expect(mail.text).toContain('Confirm your email for Gametriggers');
  });
});
