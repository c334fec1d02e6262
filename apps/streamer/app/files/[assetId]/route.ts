import { createAssetFileRoute } from '@gametriggers/auth/portal';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

/** An upload the signed-in person may see (their own documents; an admin's reviews), through a fresh signed URL. */
export const { GET } = createAssetFileRoute(portal);
