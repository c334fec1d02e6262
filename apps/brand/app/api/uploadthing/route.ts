import { createUploadRoute } from '@gametriggers/auth/portal';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

/** `@uploadthing/react`'s requests (claims, not files), on to the gateway's `/api/uploadthing` as the signed-in person. */
export const { GET, POST } = createUploadRoute({ authOptions: portal.authOptions });
