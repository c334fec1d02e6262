export * from './vocabulary';
export * from './pagination';
export * from './internal';
export * from './brand';
export * from './streamer';
export * from './campaign';
export * from './participation';
