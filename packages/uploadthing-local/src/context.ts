import type { FileStore, StoredFile } from './file-store';

/** What every handler of the local UploadThing shares: the one app it serves, its clock and its files. */
export interface LocalUploadThingContext {
  apiKey: string;
  appId: string;
  /** Where files are served from, e.g. `http://localhost:4908` — the SDK's `ufsHost` is its host. */
  publicUrl: string;
  clock: () => Date;
  store: FileStore;
}

/** The URLs UploadThing reports for a file: `url` (`/f/<key>`), `appUrl` and `ufsUrl` (`/a/<appId>/<key>`). */
export function fileUrls(context: LocalUploadThingContext, key: string) {
  const appUrl = `${context.publicUrl}/a/${context.appId}/${key}`;
  return { url: `${context.publicUrl}/f/${key}`, appUrl, ufsUrl: appUrl };
}

/** `UploadedFileData` as the SDK's schema reads it in callbacks and in the PUT answer. */
export function uploadedFileData(context: LocalUploadThingContext, file: StoredFile) {
  return {
    name: file.name,
    size: file.size,
    type: file.type,
    customId: file.customId,
    key: file.key,
    fileHash: file.fileHash,
    ...fileUrls(context, file.key),
  };
}
