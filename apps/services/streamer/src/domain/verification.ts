import type {
  KycDocument,
  ListStreamerVerificationsInput,
  RejectStreamerVerificationInput,
  StreamerVerificationStatus,
} from '@gametriggers/contracts';
import { columnOrderCursor, cursorParts } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { StreamerTx } from '../database';
import type {
  StreamerVerificationDocument,
  StreamerVerificationRequest,
} from '../generated/prisma/client';
import type { VerificationChannel } from '../schemas';
import type { StreamerDeps } from './deps';
import { attachKycDocuments } from './kyc-documents';
import { streamerCardView } from './profile-view';
import { notOnboarded, streamerNotFound } from './streamer-errors';

// Verification is the platform vouching that a streamer is who their channels say: the channels
// are proven by OAuth, so a request carries them (as they stand then); KYC documents (uploads) are
// optional extra evidence. One request is open at a time; an admin with `canVerifyStreamers`
// decides it, audited.

async function lockStreamer(tx: StreamerTx, streamerId: string) {
  await tx.$queryRaw`SELECT 1 FROM "streamers" WHERE "id" = ${streamerId}::uuid FOR UPDATE`;
  return tx.streamer.findUnique({ where: { id: streamerId } });
}

function assertCanRequest(status: StreamerVerificationStatus) {
  if (status === 'pending') {
    throw new DomainError(
      'precondition_failed',
      'verification_pending',
      'Your verification request is being reviewed. We will let you know the decision.',
    );
  }
  if (status === 'verified') {
    throw new DomainError('precondition_failed', 'already_verified', 'You are already verified.');
  }
}

type RequestWithDocuments = StreamerVerificationRequest & {
  documents: StreamerVerificationDocument[];
};

/** What to load with a request: its KYC documents in the order sent. */
const withDocuments = { documents: { orderBy: { position: 'asc' } } } as const;

function requestView(request: RequestWithDocuments) {
  return {
    id: request.id,
    streamerId: request.streamerId,
    displayName: request.displayName,
    channels: request.channels as unknown as VerificationChannel[],
    note: request.note,
    status: request.status,
    requestedAt: request.requestedAt,
    decidedAt: request.decidedAt,
    decidedBy: request.decidedBy,
    rejectionReason: request.rejectionReason,
    documents: request.documents.map((document) => ({
      kind: document.kind,
      assetId: document.assetId,
      name: document.name,
      contentType: document.contentType,
    })),
  };
}

const noConnectedPlatform = () =>
  new DomainError(
    'precondition_failed',
    'no_connected_platform',
    'Connect a Twitch or YouTube channel first: verification checks the channels you stream on.',
  );

/**
 * Opens a request with the streamer's connected channels as they are now and any KYC documents
 * (their own uploads, checked by the asset service first); the streamer is pending.
 */
export async function requestVerification(
  deps: StreamerDeps,
  streamerId: string,
  input: { note?: string | undefined; documents: KycDocument[] },
) {
  // Asked before the files, so a pending streamer hears "pending" rather than about a file; the
  // transaction below asks again under the lock.
  const current = await deps.db.streamer.findUnique({
    where: { id: streamerId },
    select: { verificationStatus: true },
  });
  if (!current) throw notOnboarded();
  assertCanRequest(current.verificationStatus);
  if ((await deps.db.streamerPlatform.count({ where: { streamerId } })) === 0) {
    throw noConnectedPlatform();
  }
  const documents = await attachKycDocuments(deps.documents, streamerId, input.documents);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const streamer = await lockStreamer(tx, streamerId);
    if (!streamer) throw notOnboarded();
    assertCanRequest(streamer.verificationStatus);
    const platforms = await tx.streamerPlatform.findMany({
      where: { streamerId },
      orderBy: { connectedAt: 'asc' },
    });
    if (platforms.length === 0) throw noConnectedPlatform();
    const channels = streamerCardView(streamer, platforms).platforms.map(
      ({ live: _live, ...channel }) => channel,
    );
    await tx.streamerVerificationRequest.create({
      data: {
        streamerId,
        displayName: streamer.displayName,
        channels,
        note: input.note || null,
        requestedAt: now,
        documents: {
          create: documents.map((document, position) => ({ ...document, position })),
        },
      },
    });
    await tx.streamer.update({
      where: { id: streamerId },
      data: { verificationStatus: 'pending' },
    });
    await recordEvent(tx, 'streamer.verification_requested', {
      streamerId,
      displayName: streamer.displayName,
      channelCount: channels.length,
    });
    return ownVerificationIn(tx, streamerId);
  });
}

async function ownVerificationIn(
  db: Pick<StreamerTx, 'streamer' | 'streamerVerificationRequest'>,
  streamerId: string,
) {
  const [streamer, latest] = await Promise.all([
    db.streamer.findUnique({ where: { id: streamerId }, select: { verificationStatus: true } }),
    db.streamerVerificationRequest.findFirst({
      where: { streamerId },
      orderBy: { requestedAt: 'desc' },
      include: withDocuments,
    }),
  ]);
  return {
    status: streamer?.verificationStatus ?? ('unverified' as const),
    latestRequest: latest ? requestView(latest) : null,
  };
}

/** The streamer's own status and latest request (for the portal); unverified before onboarding. */
export const ownVerification = (deps: StreamerDeps, streamerId: string) =>
  ownVerificationIn(deps.db, streamerId);

interface Decision {
  status: 'verified' | 'rejected';
  rejectionReason: string | null;
}

async function decide(
  deps: StreamerDeps,
  admin: AdminActor,
  streamerId: string,
  decision: Decision,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const streamer = await lockStreamer(tx, streamerId);
    if (!streamer) throw streamerNotFound();
    if (streamer.verificationStatus !== 'pending') {
      throw new DomainError(
        'precondition_failed',
        'verification_not_pending',
        `This streamer has no verification request waiting for a decision (they are ${streamer.verificationStatus}).`,
        { status: streamer.verificationStatus },
      );
    }
    await tx.streamerVerificationRequest.updateMany({
      where: { streamerId, status: 'pending' },
      data: {
        status: decision.status,
        decidedAt: now,
        decidedBy: admin.adminId,
        rejectionReason: decision.rejectionReason,
      },
    });
    await tx.streamer.update({
      where: { id: streamerId },
      data: { verificationStatus: decision.status },
    });
    await recordAdminAction(tx, {
      actor: admin,
      permission: 'canVerifyStreamers',
      action: decision.status === 'verified' ? 'streamer.verify' : 'streamer.reject_verification',
      subject: { type: 'streamer', id: streamerId },
      before: { verificationStatus: streamer.verificationStatus },
      after: { verificationStatus: decision.status },
      reason: decision.rejectionReason,
      personal: { displayName: streamer.displayName },
      occurredAt: now,
    });
    if (decision.status === 'verified') {
      await recordEvent(tx, 'streamer.verified', {
        streamerId,
        displayName: streamer.displayName,
        verifiedBy: admin.adminId,
      });
    } else {
      await recordEvent(tx, 'streamer.verification_rejected', {
        streamerId,
        displayName: streamer.displayName,
        reason: decision.rejectionReason ?? '',
        rejectedBy: admin.adminId,
      });
    }
    return { streamerId, status: decision.status, decidedAt: now };
  });
}

export const verifyStreamer = (deps: StreamerDeps, admin: AdminActor, streamerId: string) =>
  decide(deps, admin, streamerId, { status: 'verified', rejectionReason: null });

export const rejectStreamerVerification = (
  deps: StreamerDeps,
  admin: AdminActor,
  input: RejectStreamerVerificationInput,
) => decide(deps, admin, input.streamerId, { status: 'rejected', rejectionReason: input.reason });

const queueCursor = columnOrderCursor(
  'streamer-verifications.oldest',
  'requestedAt',
  cursorParts.instant,
  'asc',
);

/** The admins' queue: requests in one status, oldest first, with the streamer as they are now. */
export async function listVerificationRequests(
  deps: StreamerDeps,
  input: Required<Pick<ListStreamerVerificationsInput, 'status' | 'limit'>> & {
    cursor?: string | undefined;
  },
) {
  const rows = await deps.db.streamerVerificationRequest.findMany({
    where: { AND: [{ status: input.status }, queueCursor.rowsAfter(input.cursor)] },
    orderBy: queueCursor.orderBy(),
    take: input.limit + 1,
    include: withDocuments,
  });
  return queueCursor.pageOf(rows, input.limit, requestView);
}

/** One streamer for a reviewer: their card (channels as they are now) and every request and decision. */
export async function verificationReview(deps: StreamerDeps, streamerId: string) {
  const streamer = await deps.db.streamer.findUnique({
    where: { id: streamerId },
    include: { verificationRequests: { orderBy: { requestedAt: 'desc' }, include: withDocuments } },
  });
  if (!streamer) throw streamerNotFound();
  const platforms = await deps.db.streamerPlatform.findMany({
    where: { streamerId },
    orderBy: { connectedAt: 'asc' },
  });
  return {
    status: streamer.verificationStatus,
    streamer: streamerCardView(streamer, platforms),
    requests: streamer.verificationRequests.map(requestView),
  };
}
