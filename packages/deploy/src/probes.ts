import type { ServiceEntry } from '@gametriggers/devstack';

/** Services and the gateway answer `/healthz` while they run (a portal its home page); `readyPath` once they can serve. */
export const liveProbePath = (entry: ServiceEntry) => (entry.kind === 'portal' ? entry.readyPath : '/healthz');
export const readyProbePath = (entry: ServiceEntry) => entry.readyPath;
