import type { AdminDb } from '../database';
import type { HealthSources } from '../health/health-overview';

/** The key audit checkpoints are signed with; its id is stored with each signature. */
export interface CheckpointKey {
  id: string;
  secret: string;
}

export interface AdminDeps {
  db: AdminDb;
  now: () => Date;
  checkpointKey: CheckpointKey;
  /** What the platform health page probes. */
  health: HealthSources;
}
