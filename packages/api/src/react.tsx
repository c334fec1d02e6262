'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCReact } from '@trpc/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { AppRouter } from './app-router';
import { apiLinks } from './client';
import type { ApiClientOptions } from './client';

/** React Query hooks for every service: `api.identity.me.useQuery()`. */
export const api = createTRPCReact<AppRouter>();

export function ApiProvider({ children, ...options }: ApiClientOptions & { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  const [client] = useState(() => api.createClient({ links: apiLinks(options) }));
  return (
    <api.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
