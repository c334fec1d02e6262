import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonChanges } from './json-changes';

void describe('jsonChanges', () => {
  void it('lists the keys whose values differ, with both sides', () => {
    assert.deepEqual(
      jsonChanges({ status: 'pending', name: 'Acme' }, { status: 'verified', name: 'Acme', by: 'x' }),
      [
        { key: 'by', before: '—', after: '"x"' },
        { key: 'status', before: '"pending"', after: '"verified"' },
      ],
    );
  });

  void it('treats a missing snapshot as empty and a plain value as one field', () => {
    assert.deepEqual(jsonChanges(null, { intact: true }), [{ key: 'intact', before: '—', after: 'true' }]);
    assert.deepEqual(jsonChanges(1, 2), [{ key: 'value', before: '1', after: '2' }]);
    assert.deepEqual(jsonChanges({ list: [1, 2] }, { list: [1, 2] }), []);
  });
});
