import { createPortalMiddleware } from '@gametriggers/auth/middleware';
import type { NextRequest } from 'next/server';

export function middleware(req: NextRequest) {
  return createPortalMiddleware({
    role: 'streamer',
    landingUrl: process.env.LANDING_URL ?? 'http://localhost:3000',
    secret: process.env.NEXTAUTH_SECRET ?? '',
  })(req);
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|overlay/).*)'] };
