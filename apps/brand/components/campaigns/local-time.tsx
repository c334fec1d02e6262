export { LocalTime } from '@gametriggers/ui';
