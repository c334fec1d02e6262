import type {
  StreamerContentInput,
  StreamerDemographicsInput,
  StreamingScheduleInput,
} from '@gametriggers/contracts';
import type { StreamerProfile } from './types';

// Form state as the controls hold it (strings and lists); turned into API input only when sent.

export interface ContentDraft {
  primaryCategory: string;
  secondaryCategories: string[];
  language: string;
  rating: string;
}

export interface DemographicsDraft {
  country: string;
  timezone: string;
  scheduleDays: string[];
  startTime: string;
  endTime: string;
}

export const emptyContentDraft: ContentDraft = {
  primaryCategory: '',
  secondaryCategories: [],
  language: '',
  rating: '',
};

export const emptyDemographicsDraft = (timezone: string): DemographicsDraft => ({
  country: '',
  timezone,
  scheduleDays: [],
  startTime: '',
  endTime: '',
});

export function contentDraftOf(profile: StreamerProfile): ContentDraft {
  return { ...profile.content, secondaryCategories: [...profile.content.secondaryCategories] };
}

export function demographicsDraftOf(profile: StreamerProfile): DemographicsDraft {
  const schedule = profile.demographics.streamingSchedule;
  return {
    country: profile.demographics.country,
    timezone: profile.demographics.timezone,
    scheduleDays: [...(schedule?.days ?? [])],
    startTime: schedule?.startTime ?? '',
    endTime: schedule?.endTime ?? '',
  };
}

// The casts hand unchecked strings to the shared schemas, which then check them.
export function contentInputOf(draft: ContentDraft): StreamerContentInput {
  return draft as StreamerContentInput;
}

/** No days and no times: no schedule. */
export function scheduleInputOf(draft: DemographicsDraft): StreamingScheduleInput | null {
  if (draft.scheduleDays.length === 0 && !draft.startTime && !draft.endTime) return null;
  return {
    days: draft.scheduleDays,
    startTime: draft.startTime,
    endTime: draft.endTime,
  } as StreamingScheduleInput;
}

export function demographicsInputOf(draft: DemographicsDraft): StreamerDemographicsInput {
  return {
    country: draft.country,
    timezone: draft.timezone,
    streamingSchedule: scheduleInputOf(draft),
  } as StreamerDemographicsInput;
}
