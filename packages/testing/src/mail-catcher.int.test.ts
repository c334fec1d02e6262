import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailboxClient, startMailCatcher } from './mail-catcher';
import type { MailCatcher } from './mail-catcher';

describe('mail catcher', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
  });

  it('catches mail sent over SMTP and serves it over HTTP', async () => {
    const transport = nodemailer.createTransport(catcher.smtpUrl);
    await transport.sendMail({
      from: 'Gametriggers <no-reply@gametriggers.dev>',
      to: 'Pat@Example.test',
      subject: 'Verify your email',
      text: 'Open http://localhost:3000/verify?token=abc',
      html: '<p>Open <a href="http://localhost:3000/verify?token=abc">this link</a></p>',
    });
    await transport.sendMail({
      from: 'x@gametriggers.dev',
      to: 'other@example.test',
      subject: 'Other',
      text: 'hi',
    });
    transport.close();

    const mailbox = createMailboxClient(catcher.httpUrl);
    const message = await mailbox.waitForMessage({
      to: 'pat@example.test',
      subject: /verify/i,
      timeoutMs: 5_000,
    });
    expect(message).toMatchObject({
      from: expect.stringContaining('no-reply@gametriggers.dev') as unknown,
      to: ['pat@example.test'],
      subject: 'Verify your email',
      text: expect.stringContaining('token=abc') as unknown,
      html: expect.stringContaining('<a href=') as unknown,
    });

    const all = (await (await fetch(`${catcher.httpUrl}/messages`)).json()) as Array<{
      subject: string;
    }>;
    expect(all.map((m) => m.subject)).toEqual(['Other', 'Verify your email']);
    expect(catcher.messages()).toHaveLength(2);

    const page = await fetch(`${catcher.httpUrl}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Verify your email');

    expect((await fetch(`${catcher.httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(catcher.messages()).toHaveLength(0);
    await expect(
      mailbox.waitForMessage({ to: 'nobody@example.test', timeoutMs: 300 }),
    ).rejects.toThrow(/No mail/);
  });
});
