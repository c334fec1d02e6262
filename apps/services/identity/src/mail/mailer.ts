import nodemailer from 'nodemailer';
import type { MailTemplate } from './templates';
import { renderMail } from './templates';

export interface Mailer {
  send(to: string, template: MailTemplate, link: string): Promise<void>;
  close(): void;
}

/** Sends over SMTP: a real relay in production, the local mail catcher in development and tests. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(to, template, link) {
      const mail = renderMail(template, link);
      await transport.sendMail({ from, to, ...mail });
    },
    close: () => transport.close(),
  };
}
