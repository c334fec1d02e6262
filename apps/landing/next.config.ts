import { portalNextConfigFor } from '@gametriggers/config/next';

export default portalNextConfigFor('landing');
