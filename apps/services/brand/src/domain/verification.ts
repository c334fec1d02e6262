import type { RejectBrandInput, RequestVerificationInput, VerifyBrandInput } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import type { BrandTx } from '../database';
import { brandNotFound, notOnboarded } from './brand-access';
import { lockBrand } from './brand-lock';
import { brandProfileView, brandWithLatestDocuments, documentView } from './brand-view';
import type { BrandDeps } from './deps';
import { attachDocuments } from './verification-documents';
import { assertCanDecideVerification, assertCanRequestVerification } from './verification-rules';

/**
 * Opens a verification request with its documents (the brand's own uploads, checked by the asset
 * service first); the brand becomes pending.
 */
export async function requestVerification(
  deps: BrandDeps,
  brandId: string,
  input: RequestVerificationInput,
) {
  // The status is asked before the files, so a pending brand hears "pending" rather than about a
  // file; the transaction below asks again under the lock.
  const current = await deps.db.brand.findUnique({
    where: { id: brandId },
    select: { verificationStatus: true },
  });
  if (!current) throw notOnboarded();
  assertCanRequestVerification(current.verificationStatus);
  const documents = await attachDocuments(deps.documents, brandId, input.documents);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const brand = await lockBrand(tx, brandId);
    if (!brand) throw notOnboarded();
    assertCanRequestVerification(brand.verificationStatus);
    await tx.verificationRequest.create({
      data: {
        brandId,
        companyName: brand.companyName,
        note: input.note || null,
        requestedAt: now,
        documents: {
          create: documents.map((document, position) => ({ ...document, position })),
        },
      },
    });
    const updated = await tx.brand.update({
      where: { id: brandId },
      data: {
        verificationStatus: 'pending',
        verificationRequestedAt: now,
        verificationDecidedAt: null,
        verificationDecidedBy: null,
        rejectionReason: null,
        updatedAt: now,
      },
      include: brandWithLatestDocuments,
    });
    await recordEvent(tx, 'brand.verification_requested', {
      brandId,
      companyName: brand.companyName,
      documentCount: input.documents.length,
    });
    return brandProfileView(updated);
  });
}

interface Decision {
  status: 'verified' | 'rejected';
  rejectionReason: string | null;
  /** Why, for the audit log: the rejection reason, or the approving admin's note. */
  auditReason: string | null;
}

async function decideVerification(
  tx: BrandTx,
  brandId: string,
  admin: AdminActor,
  decision: Decision,
  now: Date,
) {
  const brand = await lockBrand(tx, brandId);
  if (!brand) throw brandNotFound();
  assertCanDecideVerification(brand.verificationStatus);
  const decided = {
    decidedAt: now,
    decidedBy: admin.adminId,
    rejectionReason: decision.rejectionReason,
  };
  await tx.verificationRequest.updateMany({
    where: { brandId, status: 'pending' },
    data: { status: decision.status, ...decided },
  });
  await tx.brand.update({
    where: { id: brandId },
    data: {
      verificationStatus: decision.status,
      verificationDecidedAt: decided.decidedAt,
      verificationDecidedBy: decided.decidedBy,
      rejectionReason: decided.rejectionReason,
      updatedAt: now,
    },
  });
  await recordAdminAction(tx, {
    actor: admin,
    permission: 'canVerifyBrands',
    action: decision.status === 'verified' ? 'brand.verify' : 'brand.reject',
    subject: { type: 'brand', id: brandId },
    before: { verificationStatus: brand.verificationStatus },
    after: { verificationStatus: decision.status },
    reason: decision.auditReason,
    personal: { companyName: brand.companyName },
    occurredAt: now,
  });
  return brand;
}

export async function verifyBrand(
  deps: BrandDeps,
  admin: AdminActor,
  { brandId, note }: VerifyBrandInput,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const brand = await decideVerification(
      tx,
      brandId,
      admin,
      { status: 'verified', rejectionReason: null, auditReason: note ?? null },
      now,
    );
    await recordEvent(tx, 'brand.verified', {
      brandId,
      companyName: brand.companyName,
      verifiedBy: admin.adminId,
    });
    return { brandId, status: 'verified' as const, decidedAt: now };
  });
}

export async function rejectBrand(deps: BrandDeps, admin: AdminActor, input: RejectBrandInput) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const brand = await decideVerification(
      tx,
      input.brandId,
      admin,
      { status: 'rejected', rejectionReason: input.reason, auditReason: input.reason },
      now,
    );
    await recordEvent(tx, 'brand.rejected', {
      brandId: input.brandId,
      companyName: brand.companyName,
      reason: input.reason,
      rejectedBy: admin.adminId,
    });
    return { brandId: input.brandId, status: 'rejected' as const, decidedAt: now };
  });
}

/** Every request with its documents and decision, and the identity edits made while verified. */
export async function verificationHistory(deps: BrandDeps, brandId: string) {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    include: {
      verificationRequests: {
        orderBy: { requestedAt: 'desc' },
        include: { documents: { orderBy: { position: 'asc' } } },
      },
      identityChanges: { orderBy: { changedAt: 'desc' } },
    },
  });
  if (!brand) throw brandNotFound();
  return {
    requests: brand.verificationRequests.map((request) => ({
      id: request.id,
      companyName: request.companyName,
      note: request.note,
      status: request.status,
      requestedAt: request.requestedAt,
      decidedAt: request.decidedAt,
      decidedBy: request.decidedBy,
      rejectionReason: request.rejectionReason,
      documents: request.documents.map(documentView),
    })),
    identityChanges: brand.identityChanges.map((change) => ({
      field: change.field,
      fromValue: change.fromValue,
      toValue: change.toValue,
      changedAt: change.changedAt,
    })),
  };
}
