import type { RouterOutputs } from '@gametriggers/api';
import type { PageIds, PageNames } from '../../components/names/page-names';

type AuditEntry = RouterOutputs['admin']['audit']['list']['items'][number];
type Subject = AuditEntry['subject'];

/** The subjects whose owning service names them, by the kind of id they carry. */
const subjectKinds: Record<string, keyof PageNames> = {
  admin: 'user',
  user: 'user',
  brand: 'brand',
  brand_wallet: 'brand',
  streamer: 'streamer',
  streamer_earnings: 'streamer',
  campaign: 'campaign',
};

/** The ids a page of the log needs named: every actor, and the subjects a service can name. */
export function auditPageIds(entries: readonly AuditEntry[]): PageIds {
  const subjectsOf = (kind: keyof PageNames) =>
    entries
      .filter((entry) => subjectKinds[entry.subject.type] === kind)
      .map((entry) => entry.subject.id);
  return {
    userIds: [...entries.map((entry) => entry.actorId), ...subjectsOf('user')],
    brandIds: subjectsOf('brand'),
    streamerIds: subjectsOf('streamer'),
    campaignIds: subjectsOf('campaign'),
  };
}

/** An admin (or any account) as people know it: the name, else the email. */
export function accountLabel(names: PageNames, userId: string): string | undefined {
  const account = names.user(userId);
  return account ? (account.name ?? account.email) : undefined;
}

/** The subject's name, when its service named it. */
export function subjectName(names: PageNames, subject: Subject): string | undefined {
  switch (subjectKinds[subject.type]) {
    case 'user':
      return accountLabel(names, subject.id);
    case 'brand':
      return names.brand(subject.id);
    case 'streamer':
      return names.streamer(subject.id)?.displayName;
    case 'campaign':
      return names.campaign(subject.id)?.title;
    default:
      return undefined;
  }
}
