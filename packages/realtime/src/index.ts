export * from './channels';
export * from './events';
export * from './realtime-config';
export * from './publisher';
export * from './channel-authorizer';
export * from './channel-authorization';
export * from './public-pusher-settings';
