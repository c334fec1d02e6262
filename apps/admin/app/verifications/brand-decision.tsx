'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { ReasonConfirm } from '@gametriggers/ui';

/** Approve or reject a pending brand: each asks why and confirms before anything changes. */
export function BrandDecision({
  brandId,
  companyName,
  approve,
  reject,
}: {
  brandId: string;
  companyName: string;
  approve: (brandId: string, form: FormData) => Promise<ActionResult<null>>;
  reject: (brandId: string, form: FormData) => Promise<ActionResult<null>>;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <ReasonConfirm
        label="Approve"
        title={`Approve ${companyName}?`}
        description="The brand becomes verified: its campaigns can be submitted for review and go live. Say what you checked."
        variant="primary"
        action={(form) => approve(brandId, form)}
        testId="approve-brand"
      />
      <ReasonConfirm
        label="Reject"
        title={`Reject ${companyName}?`}
        description="The brand sees your reason and can send new documents."
        action={(form) => reject(brandId, form)}
        testId="reject-brand"
      />
    </div>
  );
}
