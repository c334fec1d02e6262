export { default } from '@gametriggers/config/eslint';
