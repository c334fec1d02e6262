import type { AssetUse } from '@gametriggers/contracts';
import type { AccessTokenVerifier } from '@gametriggers/tokens';
import { bearerTokenFrom } from '@gametriggers/tokens';
import type { FileRouter } from 'uploadthing/server';
import { createUploadthing, UploadThingError } from 'uploadthing/server';
import { assetUseRules } from '../domain/asset-uses';
import type { UploadedFile } from './record-upload';

export interface FileRouterDeps {
  accessTokens: AccessTokenVerifier;
  /** Records the upload (state `checking`) and queues its check; answers the new asset's id. */
  recordUpload(file: UploadedFile): Promise<{ assetId: string }>;
}

/** Refuses an upload with a message the browser client shows (any other error reaches it as a generic failure). */
function refuseUpload(message: string): never {
  // UploadThingError is an Error at runtime; its Effect-based type is not seen as one by the lint.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new UploadThingError({ code: 'FORBIDDEN', message });
}

const privateDocument = { maxFileSize: '8MB', maxFileCount: 1, acl: 'private' } as const;

/**
 * The upload routes, one per use. The claims (name, type, size) are checked here by the SDK; the
 * bytes only after the upload (`checkUploadedAsset`), since the files go straight to the store.
 */
export function createAssetFileRouter(deps: FileRouterDeps) {
  const f = createUploadthing();

  /** The uploader, from the access token the request carries; only the use's role may upload. */
  const uploaderFor = (use: AssetUse) => async ({ req }: { req: Request }) => {
    const token = bearerTokenFrom(req.headers.get('authorization'));
    if (!token) refuseUpload('Sign in to upload files.');
    const claims = await deps.accessTokens.verify(token).catch(() => refuseUpload('Your session has expired. Sign in again to upload.'));
    const role = assetUseRules[use].uploaderRole;
    if (claims.role !== role) refuseUpload(`Only ${role} accounts can upload this.`);
    return { ownerId: claims.sub };
  };

  const record =
    (use: AssetUse) =>
    ({ file, metadata }: { file: { key: string; ufsUrl: string; name: string; size: number; type: string }; metadata: { ownerId: string } }) =>
      deps.recordUpload({ use, ownerId: metadata.ownerId, key: file.key, url: file.ufsUrl, name: file.name, size: file.size, claimedType: file.type });

  return {
    campaignCreative: f({
      image: { maxFileSize: '8MB', maxFileCount: 1 },
      video: { maxFileSize: '64MB', maxFileCount: 1 },
    })
      .middleware(uploaderFor('campaignCreative'))
      .onUploadComplete(record('campaignCreative')),
    verificationDocument: f({ pdf: privateDocument, image: privateDocument })
      .middleware(uploaderFor('verificationDocument'))
      .onUploadComplete(record('verificationDocument')),
    kycDocument: f({ pdf: privateDocument, image: privateDocument })
      .middleware(uploaderFor('kycDocument'))
      .onUploadComplete(record('kycDocument')),
  } satisfies FileRouter;
}
export type AssetFileRouter = ReturnType<typeof createAssetFileRouter>;
