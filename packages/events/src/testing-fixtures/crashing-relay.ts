/**
 * A relay process for the crash test: publishes one batch and dies by SIGKILL, either before
 * publishing anything or after publishing but before marking the rows published.
 *   tsx crashing-relay.ts <databaseUrl> <redisUrl> <queuePrefix> <before-publish|after-publish>
 */
import pg from 'pg';
import { createQueueSet, relayOnce } from '../relay';

const [databaseUrl, redisUrl, prefix, moment] = process.argv.slice(2);
if (!databaseUrl || !redisUrl || !prefix)
  throw new Error('usage: crashing-relay <db> <redis> <prefix> <moment>');

const pool = new pg.Pool({ connectionString: databaseUrl });
if (moment === 'before-publish') process.kill(process.pid, 'SIGKILL');
await relayOnce(pool, createQueueSet(redisUrl, prefix), {
  afterPublish: () => process.kill(process.pid, 'SIGKILL'),
});
throw new Error('the relay should have been killed after publishing');
