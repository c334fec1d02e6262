export * from './text';
export * from './instants';
export * from './ids';
export * from './amounts';
export * from './keyset-cursor';
