import type { AdminDb } from '../database';

/** The key audit checkpoints are signed with; its id is stored with each signature. */
export interface CheckpointKey {
  id: string;
  secret: string;
}

export interface AdminDeps {
  db: AdminDb;
  now: () => Date;
  checkpointKey: CheckpointKey;
}
