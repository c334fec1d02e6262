import type { RouterOutputs } from '@gametriggers/api';

type OverlayApi = RouterOutputs['overlay'];

export type Overlay = OverlayApi['get'];
export type OverlaySettings = Overlay['settings'];
export type OverlayPreview = OverlayApi['preview'];
export type PreviewAd = OverlayPreview['ads'][number];
export type TestFire = OverlayApi['testFire'];
export type CreativeFailure = RouterOutputs['analytics']['myCreativeFailures'][number];
