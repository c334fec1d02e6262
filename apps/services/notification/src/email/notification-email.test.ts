import { describe, expect, it } from 'vitest';
import { renderNotificationEmail } from './notification-email';

describe('renderNotificationEmail', () => {
  it('says the same in HTML and plain text, with the link and the category’s unsubscribe', () => {
    const mail = renderNotificationEmail({
      category: 'applications',
      title: 'New applicant',
      body: 'A streamer applied to <Spring> campaign.',
      actionUrl: 'http://brand.test/campaigns/1',
      unsubscribeUrl: 'http://brand.test/settings/notifications?unsubscribe=applications',
    });
    expect(mail.subject).toBe('New applicant');
    expect(mail.text).toContain('A streamer applied to <Spring> campaign.');
    expect(mail.text).toContain('Open it: http://brand.test/campaigns/1');
    expect(mail.text).toContain('Stop applications emails: http://brand.test/settings/notifications?unsubscribe=applications');
    // Text from events is escaped in the HTML part.
    expect(mail.html).toContain('&#60;Spring&#62;');
    expect(mail.html).not.toContain('<Spring>');
    expect(mail.html).toContain('href="http://brand.test/settings/notifications?unsubscribe=applications"');
  });

  it('explains, without an unsubscribe, why money email always comes', () => {
    const mail = renderNotificationEmail({ category: 'money', title: 'Withdrawal paid', body: 'Paid.', actionUrl: null, unsubscribeUrl: null });
    expect(mail.text).toContain('cannot be turned off');
    expect(mail.text).not.toMatch(/unsubscribe|Open it/);
    expect(mail.html).not.toContain('unsubscribe');
  });
});
