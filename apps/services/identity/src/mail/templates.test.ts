import { describe, expect, it } from 'vitest';
import { renderMail } from './templates';

describe('mail templates', () => {
  it('puts the link in both the text and the html', () => {
    const link = 'http://localhost:3000/verify-email?token=abc&x=1';
    const mail = renderMail('verify_email', link);
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('token=abc&#38;x=1');
  });
});
