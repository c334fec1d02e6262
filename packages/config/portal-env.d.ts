export type PortalName = 'landing' | 'brand' | 'streamer' | 'admin';
export declare const portalEnvironment: Record<PortalName, { required: string[]; optional: string[] }>;
export declare function missingPortalEnv(portal: PortalName, env: Record<string, string | undefined>): string[];
export declare function checkPortalBuildEnv(portal: PortalName, env: Record<string, string | undefined>): void;
