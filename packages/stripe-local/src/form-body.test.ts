import { describe, expect, it } from 'vitest';
import { parseFormBody } from './form-body';

describe('parseFormBody', () => {
  it('nests bracketed keys into objects and indexed keys into arrays, keeping strings', () => {
    const body = parseFormBody(
      'mode=payment&metadata[brandId]=b_1&line_items[0][price_data][unit_amount]=2500&line_items[0][quantity]=1&line_items[1][quantity]=2&expand[0]=payment_intent',
    );
    expect(body).toEqual({
      mode: 'payment',
      metadata: { brandId: 'b_1' },
      line_items: [{ price_data: { unit_amount: '2500' }, quantity: '1' }, { quantity: '2' }],
      expand: ['payment_intent'],
    });
  });

  it('accepts percent-encoded brackets, `[]` pushes and out-of-order indices', () => {
    expect(parseFormBody('expand%5B%5D=a&expand%5B%5D=b')).toEqual({ expand: ['a', 'b'] });
    expect(parseFormBody('list[1]=second&list[0]=first')).toEqual({ list: ['first', 'second'] });
  });

  it('keeps an object whose keys only look numeric in part (metadata with a numeric key)', () => {
    expect(parseFormBody('metadata[0]=zero&metadata[name]=x')).toEqual({ metadata: { '0': 'zero', name: 'x' } });
  });

  it('decodes values and ignores malformed keys', () => {
    expect(parseFormBody('email=a%2Bb%40example.com&name=Jo+Doe&bad]key=1')).toEqual({ email: 'a+b@example.com', name: 'Jo Doe' });
  });
});
