/** The mail catcher on its own (docker compose runs it as a container): SMTP 1025, web 8025. */
import { startMailCatcher } from '@gametriggers/testing';

const host = process.env.HOST ?? '127.0.0.1';
const catcher = await startMailCatcher({
  host,
  smtpPort: Number(process.env.SMTP_PORT ?? 1025),
  httpPort: Number(process.env.HTTP_PORT ?? 8025),
});
console.warn(`mail catcher: SMTP ${catcher.smtpUrl}, messages at ${catcher.httpUrl}`);
const stop = () => void catcher.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
