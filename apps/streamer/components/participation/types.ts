import type { RouterOutputs } from '@gametriggers/api';

type ParticipationApi = RouterOutputs['participation'];

export type Eligibility = ParticipationApi['eligibility'];
export type Blocker = Eligibility['blockers'][number];
export type RuleNotice = Eligibility['warnings'][number];
export type Participation = ParticipationApi['get'];
export type GKey = ParticipationApi['keys']['list'][number];
export type Energy = ParticipationApi['energy']['get'];
