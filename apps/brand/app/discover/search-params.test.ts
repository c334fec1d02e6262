import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFiltered, paramsOfSearch, searchFromParams } from './search-params';

void describe('the minimum reputation filter of discovery', () => {
  void it('reads it from the URL and writes it back for the next page', () => {
    const { input, ignored } = searchFromParams({ minReputation: '40' });
    assert.equal(input.minReputation, 40);
    assert.deepEqual(ignored, []);
    assert.equal(isFiltered(input), true);
    assert.equal(paramsOfSearch(input).get('minReputation'), '40');
  });

  void it('leaves out and names a value that is not a whole number of points', () => {
    const { input, ignored } = searchFromParams({ minReputation: '-3' });
    assert.equal(input.minReputation, undefined);
    assert.deepEqual(ignored, ['minimum reputation']);
  });
});
