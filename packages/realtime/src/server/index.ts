export { startPusherStandIn } from './stand-in';
export type { PusherStandIn } from './stand-in';
export type { StandInApp, StandInOptions } from './stand-in-options';
