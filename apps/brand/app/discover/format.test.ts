import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageViewersSource } from './format';

void describe('where a streamer card’s average viewers come from', () => {
  void it('names the platform with the highest average, measured while live over 30 days', () => {
    assert.equal(
      averageViewersSource([
        { platform: 'twitch', averageViewers: 120 },
        { platform: 'youtube', averageViewers: 340 },
      ]),
      'While live on YouTube, last 30 days',
    );
  });

  void it('says when nothing could be measured', () => {
    assert.equal(
      averageViewersSource([{ platform: 'twitch', averageViewers: 0 }]),
      'Not seen live on Twitch in 30 days',
    );
    assert.equal(averageViewersSource([]), 'No platform connected yet');
  });
});
