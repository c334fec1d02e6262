import type { NextConfig } from 'next';

export declare const portalNextConfig: NextConfig;
