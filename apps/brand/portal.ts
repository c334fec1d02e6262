import { createPortalPages } from '@gametriggers/auth/portal';

export const portal = createPortalPages('brand');
