import { redirect } from 'next/navigation';
import { portal } from '../../portal';
import type { StreamerProfile } from './types';

/** The signed-in streamer's profile; a streamer who has not onboarded yet is sent to the wizard. */
export async function requireOnboardedStreamer(): Promise<StreamerProfile> {
  const api = await portal.sessionApi();
  const profile = await api.streamer.me.query();
  if (!profile) redirect('/onboarding');
  return profile;
}
