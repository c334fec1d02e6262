/** What `UPLOADTHING_TOKEN` carries: base64 of this JSON. The SDK uses `apiKey` only as an HMAC secret. */
export interface UploadThingTokenParts {
  apiKey: string;
  appId: string;
  regions: string[];
}

export const LOCAL_APP: UploadThingTokenParts = {
  apiKey: 'sk_local_gametriggers_uploadthing_dev_only',
  appId: 'gametriggerslocal',
  regions: ['local'],
};

export function createUploadThingToken(parts: UploadThingTokenParts = LOCAL_APP): string {
  if (!parts.apiKey.startsWith('sk_')) throw new Error('An UploadThing apiKey starts with "sk_".');
  if (parts.regions.length === 0) throw new Error('An UploadThing token names at least one region.');
  return Buffer.from(JSON.stringify(parts)).toString('base64');
}
