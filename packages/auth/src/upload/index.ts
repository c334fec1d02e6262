// `@gametriggers/auth/upload`: uploads from a portal's client components (the drop zone and the
// signed-in person's own assets). The route they talk to is `createUploadRoute` of `/portal`.
export { AssetUpload } from './asset-upload';
export type { AssetUploadProps, AssetUploadState } from './asset-upload';
export { deleteMyAsset, listMyAssets, loadAsset } from './asset-actions';
export { DocumentUploads, blankDocumentDraft, documentsBusy, unsentDocumentErrors } from './document-uploads';
export type { DocumentDraft, DocumentUploadsProps } from './document-uploads';
export { acceptedTypes, fileRefusal, uploadHints } from './upload-accepts';
export { UPLOAD_ROUTE } from './upload-path';
