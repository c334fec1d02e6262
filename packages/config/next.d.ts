import type { NextConfig } from 'next';
import type { PortalName } from './portal-env';

export declare function portalNextConfigFor(portal: PortalName): NextConfig;
