import { TRPCClientError } from '@gametriggers/api';
import { describe, expect, it } from 'vitest';
import { renewOnUnauthorized } from './renew-on-unauthorized';

const refusal = (code: string) =>
  new TRPCClientError(`refused: ${code}`, {
    result: { error: { data: { code }, message: code, code: -32001 } },
  });

class Renewing extends Error {}
const renew = (): never => {
  throw new Renewing('renew the session');
};

/** Shaped like the API client: nested namespaces ending in query/mutate. */
const client = {
  campaign: {
    listMine: {
      query: (input: { fail?: string }) =>
        input.fail ? Promise.reject(refusal(input.fail)) : Promise.resolve(['c1']),
    },
  },
};

describe('renewOnUnauthorized', () => {
  it('passes answers and other refusals through untouched', async () => {
    const api = renewOnUnauthorized(client, renew);
    await expect(api.campaign.listMine.query({})).resolves.toEqual(['c1']);
    await expect(api.campaign.listMine.query({ fail: 'FORBIDDEN' })).rejects.toThrow(
      'refused: FORBIDDEN',
    );
  });

  it('renews the session instead of failing when the token is refused', async () => {
    const api = renewOnUnauthorized(client, renew);
    await expect(api.campaign.listMine.query({ fail: 'UNAUTHORIZED' })).rejects.toBeInstanceOf(
      Renewing,
    );
  });

  it('can be awaited like the client itself', async () => {
    const api = await Promise.resolve(renewOnUnauthorized(client, renew));
    await expect(api.campaign.listMine.query({})).resolves.toEqual(['c1']);
  });
});
