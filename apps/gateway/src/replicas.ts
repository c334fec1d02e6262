/** How long a replica that refused a connection is passed over before it gets traffic again. */
export const REFUSING_REPLICA_PAUSE_MS = 2_000;

export interface Replica {
  /** The replica's base URL, as configured. */
  readonly url: string;
  readonly base: URL;
  inFlight: number;
  /** Passed over until this instant (ms), after refusing a connection. */
  refusingUntilMs: number;
}

/**
 * The replicas of one service and the choice between them: the one with the fewest requests in
 * flight among those not paused, ties taken in turn; a replica that refused a connection is paused
 * for `REFUSING_REPLICA_PAUSE_MS`, then tried again with real traffic (a refusal is retried on
 * another replica, so trying costs no request).
 */
export function createReplicaSet(
  service: string,
  urls: string | readonly string[],
  now: () => Date,
) {
  const list = typeof urls === 'string' ? [urls] : urls;
  if (!list.length) throw new Error(`The ${service} service has no address.`);
  const replicas: Replica[] = list.map((url) => {
    let base: URL;
    try {
      base = new URL(url);
    } catch {
      throw new Error(`The ${service} service's address "${url}" is not a URL.`);
    }
    return { url, base, inFlight: 0, refusingUntilMs: 0 };
  });
  let turn = 0;

  return {
    service,
    replicas,
    /**
     * The replica for the next try of a request, skipping those it already tried; undefined once
     * every replica was tried. Paused replicas come last, so a request still gets an answer when
     * every replica refused a moment ago and one is back.
     */
    choose(tried: ReadonlySet<Replica>): Replica | undefined {
      const nowMs = now().getTime();
      let best: Replica | undefined;
      let bestRank = Infinity;
      for (let offset = 0; offset < replicas.length; offset += 1) {
        const replica = replicas[(turn + offset) % replicas.length]!;
        if (tried.has(replica)) continue;
        const rank = replica.inFlight + (replica.refusingUntilMs > nowMs ? 1e9 : 0);
        if (rank < bestRank) {
          best = replica;
          bestRank = rank;
        }
      }
      turn = (turn + 1) % replicas.length;
      return best;
    },
    /** Marks a refusal; true when the replica was taking traffic until now (worth a log line). */
    refused(replica: Replica): boolean {
      const nowMs = now().getTime();
      const wasTakingTraffic = replica.refusingUntilMs <= nowMs;
      replica.refusingUntilMs = nowMs + REFUSING_REPLICA_PAUSE_MS;
      return wasTakingTraffic;
    },
    /** A connection was accepted: the replica takes traffic again. True when it had been paused. */
    accepted(replica: Replica): boolean {
      const wasPaused = replica.refusingUntilMs !== 0;
      replica.refusingUntilMs = 0;
      return wasPaused;
    },
    /** The replicas paused after refusing a connection, for `/readyz`. */
    refusing(): string[] {
      const nowMs = now().getTime();
      return replicas.filter((replica) => replica.refusingUntilMs > nowMs).map((replica) => replica.url);
    },
  };
}
export type ReplicaSet = ReturnType<typeof createReplicaSet>;
