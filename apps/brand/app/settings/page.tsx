import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

/** The signed-in person's account, password and other devices (shared by every portal). */
export default function SettingsRoute() {
  return <portal.SettingsPage />;
}
