import { TRPCClientError } from '@gametriggers/api';
import { Card } from '@gametriggers/ui';
import { portal } from '../../portal';
import { JoinCampaignControls } from './join-campaign-controls';

/**
 * Join or apply, for a campaign page: a dry run of every join check decides what the streamer sees
 * (the button, warnings to acknowledge, or the reasons they cannot join yet) before any click.
 */
export async function JoinCampaignPanel({ campaignId }: { campaignId: string }) {
  const api = await portal.sessionApi();
  const eligibility = await api.participation.eligibility
    .query({ campaignId })
    .catch((error: unknown) => {
      if (
        error instanceof TRPCClientError &&
        (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND'
      ) {
        return null;
      }
      throw error;
    });
  if (!eligibility) {
    return (
      <Card>
        <p data-testid="join-refusal" className="text-sm text-slate-600">
          This campaign is no longer available.
        </p>
      </Card>
    );
  }
  return <JoinCampaignControls eligibility={eligibility} />;
}
