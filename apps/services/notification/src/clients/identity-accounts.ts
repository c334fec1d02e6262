import type { EmailRecipient, MailLink } from '@gametriggers/contracts';
import { emailRecipientSchema, mailLinkSchema } from '@gametriggers/contracts';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import { createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

/** What the notification service asks identity when it sends email. */
export interface IdentityAccounts {
  /** Each known person's current address and role; unknown ids are left out. */
  emailRecipients(userIds: readonly string[]): Promise<EmailRecipient[]>;
  /** An account mail's link while it can still be used; null once used, replaced or expired. */
  mailLink(linkId: string): Promise<MailLink | null>;
}

const unavailable = z.object({ reason: z.literal('link_unavailable') });

export function createIdentityAccounts(options: { url: string; secret: string }): IdentityAccounts {
  const client = createServiceClient<IdentityRouter>({ ...options, caller: 'notification' });
  return {
    async emailRecipients(userIds) {
      if (userIds.length === 0) return [];
      return z.array(emailRecipientSchema).parse(await client.identity.internal.emailRecipients.query({ userIds: [...userIds] }));
    },
    async mailLink(linkId) {
      try {
        return mailLinkSchema.parse(await client.identity.internal.mailLink.query({ linkId }));
      } catch (error) {
        if (error instanceof TRPCClientError && unavailable.safeParse(error.data).success) return null;
        throw error;
      }
    },
  };
}
