import type { ServerResponse } from 'node:http';

const rpcCodes = {
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_ALLOWED: -32005,
  PAYLOAD_TOO_LARGE: -32013,
  TOO_MANY_REQUESTS: -32029,
  BAD_GATEWAY: -32603,
  SERVICE_UNAVAILABLE: -32603,
  GATEWAY_TIMEOUT: -32603,
} as const;
export type GatewayErrorCode = keyof typeof rpcCodes;

const statusOf: Record<GatewayErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** How many calls a tRPC request carries: a batch answers with one error per call. */
function batchSizeOf(url: URL): number | undefined {
  if (url.searchParams.get('batch') !== '1') return undefined;
  const procedures = url.pathname.split('/').pop() ?? '';
  return Math.max(1, procedures.split(',').length);
}

/**
 * A gateway refusal in the shape a tRPC client (superjson transformer) reads, so the portals show
 * its message like any other error.
 */
export function sendGatewayError(
  res: ServerResponse,
  url: URL,
  code: GatewayErrorCode,
  message: string,
  extra: { requestId: string; reason: string; headers?: Record<string, string> },
) {
  const status = statusOf[code];
  const error = {
    error: {
      json: {
        message,
        code: rpcCodes[code],
        data: { code, httpStatus: status, reason: extra.reason, requestId: extra.requestId },
      },
    },
  };
  const batch = batchSizeOf(url);
  const body = JSON.stringify(batch ? Array.from({ length: batch }, () => error) : error);
  res.writeHead(status, {
    ...extra.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** A request the gateway answers itself instead of forwarding. */
export class Refusal extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly reason: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
