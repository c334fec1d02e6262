import type {
  OverlayAnimation,
  OverlayCorner,
  OverlaySize,
  RotationStrategy,
} from '@gametriggers/contracts';
import type { OverlayPreview } from './types';

export const cornerLabels: Record<OverlayCorner, string> = {
  top_left: 'Top left',
  top_right: 'Top right',
  bottom_left: 'Bottom left',
  bottom_right: 'Bottom right',
};

export const sizeLabels: Record<OverlaySize, string> = {
  small: 'Small (15 % of the width)',
  medium: 'Medium (25 % of the width)',
  large: 'Large (35 % of the width)',
};

/** The card's width as a share of the stream, as the overlay page draws it. */
export const sizePercent: Record<OverlaySize, number> = { small: 15, medium: 25, large: 35 };

export const animationLabels: Record<OverlayAnimation, string> = {
  fade: 'Fade in and out',
  slide: 'Slide in from the side',
  none: 'None (appear at once)',
};

export const rotationStrategyText: Record<RotationStrategy, { label: string; text: string }> = {
  fair: {
    label: 'Fair rotation',
    text: 'Every campaign takes its turn: the one shown least recently goes next.',
  },
  time: {
    label: 'Time rotation',
    text: 'Campaigns follow a fixed order, one per rotation interval.',
  },
  weighted: {
    label: 'Weighted',
    text: 'Mixes earnings, click-through rate and time since shown, with weights you choose.',
  },
  performance: {
    label: 'Best performance',
    text: 'Mostly the campaign your viewers click most, with 10 % of turns to try the others.',
  },
  revenue: {
    label: 'Most revenue',
    text: 'The campaign expected to earn you the most for your current viewer count.',
  },
};

type NoneReason = Extract<OverlayPreview['selection'], { kind: 'none' }>['reason'];

export const noAdReasons: Record<NoneReason, { title: string; text: string }> = {
  offline: {
    title: 'You are offline',
    text: 'Ads rotate only while you are live. Go live on a connected platform and they start on their own.',
  },
  paused: {
    title: 'Your overlay is paused',
    text: 'Resume it to let ads rotate again.',
  },
  blackout: {
    title: 'You are in a blackout period',
    text: 'No ad shows until the blackout ends.',
  },
  overlay_hourly_cap: {
    title: 'Your hourly limit is reached',
    text: 'Your overlay showed as many ads this hour as your settings allow.',
  },
  no_live_participation: {
    title: 'No active campaigns',
    text: 'Join a campaign in the marketplace and its ad joins the rotation.',
  },
  campaign_frequency: {
    title: 'Waiting for a campaign’s spacing',
    text: 'Each campaign’s brand limits how often its ad shows; the next one can show soon.',
  },
};
