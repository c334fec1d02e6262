/** A file the payment service hands out (`downloadableFileSchema`): base64 bytes, a name and a type. */
export interface DownloadableFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/**
 * A route handler's answer that saves `file` in the browser. The name is reduced to safe
 * characters, so a name can never break out of the header.
 */
export function downloadResponse(file: DownloadableFile): Response {
  const bytes = Buffer.from(file.base64, 'base64');
  const fileName = file.fileName.replace(/[^\w.-]/g, '_').slice(0, 120) || 'download';
  const textual = file.contentType.startsWith('text/');
  return new Response(bytes, {
    headers: {
      'content-type': textual ? `${file.contentType}; charset=utf-8` : file.contentType,
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
