import NextAuth from 'next-auth';
import { portal } from '../../../../portal';

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

// Built per request so a missing secret is reported when signing in, not when building.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return (NextAuth(portal.authOptions()) as RouteHandler)(request, context);
}
export { handler as GET, handler as POST };
