export { DEFAULT_FILES_DIR, startLocalUploadThing } from './local-uploadthing';
export type { LocalUploadThing, LocalUploadThingOptions, UploadThingSdkConfig } from './local-uploadthing';
export { createUploadThingToken, LOCAL_APP } from './token';
export type { UploadThingTokenParts } from './token';
