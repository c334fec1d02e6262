import { UTApi, UTFile } from 'uploadthing/server';

/** The UploadThing settings the route handler and `UTApi` share (unset ones: UploadThing's own). */
export interface UploadThingConfig {
  token: string;
  ingestUrl?: string;
  apiUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: 'path' | 'subdomain';
}

export interface StoredFile {
  key: string;
  url: string;
}

/** What the asset service does at the file store, over the official `UTApi`. */
export interface AssetStore {
  /** The file's bytes, or `too_large` once more than `maxBytes` have arrived (the rest is not read). */
  readBytes(file: { key: string; url: string; access: 'public' | 'private' }, maxBytes: number): Promise<Uint8Array | 'too_large'>;
  /** Stores files the service made (renditions); their type comes from the name's extension. */
  upload(files: Array<{ name: string; bytes: Uint8Array }>, access: 'public' | 'private'): Promise<StoredFile[]>;
  delete(keys: string[]): Promise<void>;
  /** A URL that serves a private file until it expires, signed by the SDK. */
  signedUrl(key: string, expiresInSeconds: number): Promise<string>;
}

const READ_TIMEOUT_MS = 60_000;

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  if (!response.body) return new Uint8Array();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    received += next.value.length;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too_large';
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

export function createAssetStore(config: UploadThingConfig): AssetStore {
  const utapi = new UTApi({ ...config, logLevel: 'Error' });

  async function signedUrl(key: string, expiresInSeconds: number) {
    const { ufsUrl } = await utapi.generateSignedURL(key, { expiresIn: expiresInSeconds });
    return ufsUrl;
  }

  return {
    async readBytes(file, maxBytes) {
      const url = file.access === 'private' ? await signedUrl(file.key, 60) : file.url;
      const response = await fetch(url, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`The store answered ${response.status} for ${file.key}`);
      return readCapped(response, maxBytes);
    },
    async upload(files, access) {
      const results = await utapi.uploadFiles(
        files.map((file) => new UTFile([new Uint8Array(file.bytes)], file.name)),
        { acl: access === 'private' ? 'private' : 'public-read' },
      );
      return results.map((result) => {
        if (!result.data) throw new Error(`Storing a rendition failed: ${result.error?.message ?? 'unknown error'}`);
        return { key: result.data.key, url: result.data.ufsUrl };
      });
    },
    async delete(keys) {
      if (keys.length === 0) return;
      const result = await utapi.deleteFiles(keys);
      if (!result.success) throw new Error(`Deleting ${keys.join(', ')} at the store failed`);
    },
    signedUrl,
  };
}
