import { TRPCClientError } from '@gametriggers/api';

function codeOf(error: unknown) {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined;
}

/** Whether a call was refused because the campaign is not the brand's (or does not exist). */
export function isMissingCampaign(error: unknown) {
  const code = codeOf(error);
  return code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_REQUEST';
}

/** Whether the answer depends on a service that could not be reached (worth a retry later). */
export function isServiceUnavailable(error: unknown) {
  const code = codeOf(error);
  return code === 'PRECONDITION_FAILED' || code === 'SERVICE_UNAVAILABLE';
}
