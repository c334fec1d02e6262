import { authRouteHandler } from '@gametriggers/auth/server';
import { authOptions } from '../../../../site';

const handler = authRouteHandler(authOptions);
export { handler as GET, handler as POST };
