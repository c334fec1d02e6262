import { createPortalMiddleware } from '@gametriggers/auth/middleware';
import type { NextRequest } from 'next/server';

export function middleware(req: NextRequest) {
  return createPortalMiddleware({
    role: 'streamer',
    landingUrl: process.env.LANDING_URL ?? 'http://localhost:3000',
    secret: process.env.NEXTAUTH_SECRET ?? '',
    gatewayUrl: process.env.GATEWAY_URL ?? 'http://localhost:4000',
    cookieDomain: process.env.AUTH_COOKIE_DOMAIN,
    // pusher-js's channel auth: the route answers 401 itself rather than redirecting to sign in.
    publicPaths: ['/api/realtime/'],
  })(req);
}

// The overlay page needs no sign-in (its key is the credential).
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|overlay/).*)'] };
