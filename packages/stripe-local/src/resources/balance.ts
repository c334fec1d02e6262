import { route } from '../router';

export const balanceRoutes = [
  route('GET', '/v1/balance', ({ world, account }) => ({
    object: 'balance',
    ...world.balances.snapshot(account),
    livemode: false,
  })),
];
