import { portalNextConfig } from '@gametriggers/config/next';

export default portalNextConfig;
