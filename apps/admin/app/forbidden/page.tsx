import { portal } from '../../portal';

export const dynamic = 'force-dynamic';
export default portal.ForbiddenPage;
