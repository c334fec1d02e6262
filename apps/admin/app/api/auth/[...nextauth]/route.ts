import { authRouteHandler } from '@gametriggers/auth/server';
import { portal } from '../../../../portal';

const handler = authRouteHandler(portal.authOptions);
export { handler as GET, handler as POST };
