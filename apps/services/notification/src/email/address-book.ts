import type { EmailRecipient } from '@gametriggers/contracts';
import type { Logger } from '@gametriggers/trpc';
import type { IdentityAccounts } from '../clients/identity-accounts';
import type { NotificationDb } from '../database';

export interface AddressBookOptions {
  db: NotificationDb;
  identity: IdentityAccounts;
  now: () => Date;
  /** How long an address is trusted before identity is asked again (0: every time). */
  maxAgeMs: number;
  log: Logger;
}

/**
 * Where each person is emailed, at send time. The `recipients` table is a cache of identity's answer
 * (warmed by `user.registered`): fresh rows are used as they are; older ones, and people the service
 * never heard of (registered before it ran), are asked of identity, so changed addresses reach it
 * within `maxAgeMs`. While identity does not answer, a stale row is better than no mail; with none
 * the error stands and the send is retried.
 */
export function createAddressBook(options: AddressBookOptions) {
  return {
    async addressOf(userId: string): Promise<EmailRecipient | null> {
      const cached = await options.db.recipient.findUnique({ where: { userId } });
      const now = options.now();
      if (cached && now.getTime() - cached.updatedAt.getTime() < options.maxAgeMs) return recipientOf(cached);
      let answer: EmailRecipient | undefined;
      try {
        [answer] = await options.identity.emailRecipients([userId]);
      } catch (error) {
        if (!cached) throw error;
        options.log.warn({ err: error, userId }, 'identity did not answer: using the last known address');
        return recipientOf(cached);
      }
      if (!answer) {
        await options.db.recipient.deleteMany({ where: { userId } });
        return null;
      }
      const data = { email: answer.email, role: answer.role, updatedAt: now };
      await options.db.recipient.upsert({ where: { userId }, create: { userId, ...data }, update: data });
      return answer;
    },
  };
}
export type AddressBook = ReturnType<typeof createAddressBook>;

function recipientOf(row: { userId: string; email: string; role: string }): EmailRecipient {
  return { userId: row.userId, email: row.email, role: row.role as EmailRecipient['role'] };
}
