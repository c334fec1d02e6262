export type { AppRouter, MergedRouter, RouterInputs, RouterOutputs } from './app-router';
export { apiHeaders, createApiClient } from './client';
export type { ApiClient, ApiClientOptions } from './client';
export { domainLink } from './domain-link';
export { renewSessionLink } from './renew-session-link';
export type { SessionRenewer } from './renew-session-link';
export type { HeaderSource } from './domain-link';
export { TRPCClientError } from '@trpc/client';
