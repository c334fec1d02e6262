import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  date: string;
}

export interface MailCatcherOptions {
  smtpPort?: number;
  httpPort?: number;
  host?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function listen(
  server: { listen(port: number, host: string, callback: () => void): unknown },
  port: number,
  host: string,
) {
  return new Promise<void>((resolve) => server.listen(port, host, resolve));
}

/**
 * A local SMTP server that keeps every message in memory, with a small HTTP API and page to read
 * them: where development mail goes, and where tests read verification links.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}) {
  const host = options.host ?? '127.0.0.1';
  const messages: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          messages.unshift({
            id: nextId++,
            from: parsed.from?.text ?? '',
            to: recipients,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            date: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await listen(smtp.server, options.smtpPort ?? 1025, host);

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages' && req.method === 'DELETE') {
      messages.length = 0;
      res.writeHead(204).end();
    } else if (url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const body = JSON.stringify(
        to ? messages.filter((message) => message.to.includes(to)) : messages,
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (url.pathname === '/') {
      const rows = messages
        .map(
          (message) =>
            `<article><h2>${escapeHtml(message.subject)}</h2><p>To ${escapeHtml(message.to.join(', '))} · ${message.date}</p><pre>${escapeHtml(message.text)}</pre></article>`,
        )
        .join('');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><title>Gametriggers dev mail</title><style>body{font:15px system-ui;max-width:760px;margin:2rem auto}article{border-bottom:1px solid #ddd;padding:1rem 0}pre{white-space:pre-wrap}</style><h1>Dev mailbox</h1>${rows || '<p>No mail yet.</p>'}`,
        );
    } else {
      res.writeHead(404).end();
    }
  });
  await listen(web, options.httpPort ?? 8025, host);

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => [...messages],
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}
export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;

/** Reads a mail catcher over HTTP, e.g. from a browser test in another process. */
export function createMailboxClient(httpUrl: string) {
  return {
    async messagesTo(to: string): Promise<CaughtMessage[]> {
      const response = await fetch(
        `${httpUrl}/messages?to=${encodeURIComponent(to.toLowerCase())}`,
      );
      return (await response.json()) as CaughtMessage[];
    },
    async waitForMessage({
      to,
      subject,
      timeoutMs = 10_000,
    }: {
      to: string;
      subject?: RegExp;
      timeoutMs?: number;
    }) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = (await this.messagesTo(to)).find(
          (message) => !subject || subject.test(message.subject),
        );
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(
        `No mail to ${to}${subject ? ` matching ${String(subject)}` : ''} within ${timeoutMs} ms`,
      );
    },
  };
}
