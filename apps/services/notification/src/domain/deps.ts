import type { NotificationDb } from '../database';

export interface NotificationDeps {
  db: NotificationDb;
  now: () => Date;
}
