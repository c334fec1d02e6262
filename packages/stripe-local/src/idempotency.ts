import { StripeApiError } from './errors';
import type { FormValue } from './form-body';

export interface RecordedResponse {
  status: number;
  body: string;
}

interface KeyRecord {
  fingerprint: string;
  createdAtSeconds: number;
  response?: RecordedResponse;
}

/** Stripe keeps keys at least 24 hours; so do we, by the server's clock. */
const KEY_LIFETIME_SECONDS = 24 * 60 * 60;

/** Responses that say nothing about the operation are not kept, so a retry runs it for real. */
const UNRECORDED_STATUSES = new Set([401, 409, 429]);

export type IdempotencyOutcome =
  | { kind: 'execute'; finish: (response: RecordedResponse) => void }
  | { kind: 'replay'; response: RecordedResponse };

/**
 * Idempotency on every POST: scoped by API key, account, method and path. The same key again
 * replays the first status and body; other parameters → 400 `idempotency_error`; while the first
 * request still runs → 409 `idempotency_key_in_use` (which the SDK retries).
 */
export class IdempotencyKeys {
  private readonly records = new Map<string, KeyRecord>();

  constructor(private readonly nowSeconds: () => number) {}

  begin(scope: { apiKey: string; account: string | null; method: string; path: string; key: string }, params: FormValue): IdempotencyOutcome {
    this.forgetExpired();
    const scopeKey = JSON.stringify([scope.apiKey, scope.account, scope.method, scope.path, scope.key]);
    const fingerprint = canonicalJson(params);
    const existing = this.records.get(scopeKey);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${scope.key}' if you meant to execute a different request.`,
        });
      }
      if (!existing.response) {
        throw new StripeApiError(409, {
          type: 'invalid_request_error',
          code: 'idempotency_key_in_use',
          message: `There is currently another in-progress request using this idempotent key (that probably means you submitted twice, and the other request is still going through): ${scope.key}. Please try again later.`,
        });
      }
      return { kind: 'replay', response: existing.response };
    }
    const record: KeyRecord = { fingerprint, createdAtSeconds: this.nowSeconds() };
    this.records.set(scopeKey, record);
    return {
      kind: 'execute',
      finish: (response) => {
        if (response.status >= 500 || UNRECORDED_STATUSES.has(response.status)) this.records.delete(scopeKey);
        else record.response = response;
      },
    };
  }

  private forgetExpired(): void {
    const cutoff = this.nowSeconds() - KEY_LIFETIME_SECONDS;
    for (const [scopeKey, record] of this.records) {
      if (record.response && record.createdAtSeconds < cutoff) this.records.delete(scopeKey);
    }
  }
}

function canonicalJson(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? '')}`).join(',')}}`;
}
