import type { NotificationView } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { inboxItemOfPush, inboxWithLive, takesLiveNotifications } from './inbox-updates';

const item = (id: string, at: string, readAt: Date | null = null): NotificationView => ({
  notificationId: id,
  category: 'applications',
  title: `Notice ${id}`,
  body: 'Body',
  link: '/my-campaigns',
  createdAt: new Date(at),
  readAt,
  archivedAt: null,
});

describe('the live inbox', () => {
  it('puts pushed notifications above the page, newest first, each once', () => {
    const page = [item('b', '2026-03-08T09:00:00Z', new Date('2026-03-08T09:30:00Z')), item('a', '2026-03-08T08:00:00Z')];
    const live = [item('c', '2026-03-08T10:00:00Z'), item('d', '2026-03-08T11:00:00Z'), item('c', '2026-03-08T10:00:00Z'), item('b', '2026-03-08T09:00:00Z')];
    expect(inboxWithLive(page, live).map((entry) => entry.notificationId)).toEqual(['d', 'c', 'b', 'a']);
    // The page's own copy wins (it knows it was read).
    expect(inboxWithLive(page, live)[2]?.readAt).toEqual(new Date('2026-03-08T09:30:00Z'));
    expect(inboxWithLive([], [])).toEqual([]);
  });

  it('takes new notifications only on the first page of Unread and All', () => {
    expect(takesLiveNotifications('unread', true)).toBe(true);
    expect(takesLiveNotifications('all', true)).toBe(true);
    expect(takesLiveNotifications('all', false)).toBe(false);
    expect(takesLiveNotifications('archived', true)).toBe(false);
  });

  it('lists a push as a new, unread notification; an unknown category waits for the next load', () => {
    const push = {
      notificationId: 'n1',
      category: 'matched_campaigns',
      title: 'A new campaign matches your channel',
      body: 'Body',
      link: '/marketplace/c1',
      createdAt: '2026-03-08T09:00:00.000Z',
      unreadCount: 3,
    };
    expect(inboxItemOfPush(push)).toEqual({
      notificationId: 'n1',
      category: 'matched_campaigns',
      title: 'A new campaign matches your channel',
      body: 'Body',
      link: '/marketplace/c1',
      createdAt: new Date('2026-03-08T09:00:00.000Z'),
      readAt: null,
      archivedAt: null,
    });
    expect(inboxItemOfPush({ ...push, category: 'from_the_future' })).toBeNull();
  });
});
