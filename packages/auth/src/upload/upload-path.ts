/** The portals' upload route (`app/api/uploadthing/route.ts`), which goes on to the gateway's of the same path. */
export const UPLOAD_ROUTE = '/api/uploadthing';
