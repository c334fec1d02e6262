import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

/** The signed-in person's notifications: unread, all, archived (shared by every portal). */
export default portal.NotificationsPage;
