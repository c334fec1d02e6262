import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { obsConnectionOf } from './obs-connection-state';

void describe('OBS connection state', () => {
  void it('is connected while an overlay is a member, and not connected when only portals are', () => {
    assert.equal(obsConnectionOf({ socket: 'connected', memberKinds: ['portal', 'overlay'], refused: false }), 'connected');
    assert.equal(obsConnectionOf({ socket: 'connected', memberKinds: ['portal'], refused: false }), 'absent');
    assert.equal(obsConnectionOf({ socket: 'connected', memberKinds: [], refused: false }), 'absent');
  });

  void it('keeps checking until connected and subscribed', () => {
    assert.equal(obsConnectionOf({ socket: 'initialized', memberKinds: null, refused: false }), 'checking');
    assert.equal(obsConnectionOf({ socket: 'connected', memberKinds: null, refused: false }), 'checking');
    // Reconnecting: the last member list may be stale, so nothing is claimed.
    assert.equal(obsConnectionOf({ socket: 'connecting', memberKinds: ['overlay'], refused: false }), 'checking');
  });

  void it('says the status is unavailable when Pusher cannot be reached or the channel is refused', () => {
    assert.equal(obsConnectionOf({ socket: 'unavailable', memberKinds: ['overlay'], refused: false }), 'unavailable');
    assert.equal(obsConnectionOf({ socket: 'failed', memberKinds: null, refused: false }), 'unavailable');
    assert.equal(obsConnectionOf({ socket: 'connected', memberKinds: ['overlay'], refused: true }), 'unavailable');
  });
});
