-- The notification service sends identity's mails now and asks for each link when it sends it.
ALTER TABLE "UserToken" ADD COLUMN "sealedToken" TEXT;

-- The retired `identity.email_requested` events carried their links in the clear: none is sent any
-- more, and a link must not outlive its mail in the outbox.
DELETE FROM "outbox_events" WHERE "type" = 'identity.email_requested';
