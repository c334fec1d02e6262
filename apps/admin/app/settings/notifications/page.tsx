import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

/** What reaches the signed-in person in the portal and by email; email unsubscribe links land here. */
export default portal.NotificationSettingsPage;
