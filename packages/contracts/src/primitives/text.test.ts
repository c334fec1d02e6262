import { describe, expect, it } from 'vitest';
import {
  httpsUrlSchema,
  lineTextSchema,
  opaqueStringSchema,
  paragraphTextSchema,
  passwordTextSchema,
  searchTextSchema,
} from './text';

const title = lineTextSchema({ what: 'a title', min: 3, max: 20 });
const description = paragraphTextSchema({ what: 'a description', max: 50 });
const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues.map((issue) => issue.message);

describe('text primitives', () => {
  it('trims, normalises to NFC and keeps ordinary text, emoji and scripts', () => {
    expect(title.parse('  Summer sale  ')).toBe('Summer sale');
    expect(title.parse('Cafe\u0301')).toBe('Café');
    expect(title.parse('夏のセール 😀')).toBe('夏のセール 😀');
  });

  it('refuses NUL and other control characters with a message naming the field', () => {
    for (const value of [
      'Sum\u0000mer',
      'Sum\u0007mer',
      'Sum\u001bmer',
      'Sum\u0085mer',
      'Sum\u007fmer',
    ]) {
      expect(messageOf(title.safeParse(value))).toEqual([
        'A title cannot contain control characters',
      ]);
    }
  });

  it('lets paragraphs hold line breaks and tabs, but never NUL', () => {
    expect(description.parse('Line one\nLine two\r\n\tindented')).toBe(
      'Line one\nLine two\r\n\tindented',
    );
    expect(title.safeParse('Line one\nLine two').success).toBe(false);
    expect(description.safeParse('Line one\u0000').success).toBe(false);
  });

  it('refuses lone surrogates but keeps surrogate pairs', () => {
    expect(messageOf(title.safeParse('abc\ud800'))).toEqual([
      'A title contains a broken character; type it again',
    ]);
    expect(title.safeParse('abc\udc00def').success).toBe(false);
    expect(title.safeParse('abc 🎮').success).toBe(true);
  });

  it('bounds the length after trimming', () => {
    expect(title.safeParse('ab').success).toBe(false);
    expect(title.safeParse(`   ${'a'.repeat(20)}   `).success).toBe(true);
    expect(title.safeParse('a'.repeat(21)).success).toBe(false);
    expect(title.safeParse('x'.repeat(1_000_000)).success).toBe(false);
  });

  it('treats a blank search as no search', () => {
    const search = searchTextSchema(10);
    expect(search.parse('   ')).toBeUndefined();
    expect(search.parse(undefined)).toBeUndefined();
    expect(search.parse(' nova ')).toBe('nova');
    expect(search.safeParse('no\u0000va').success).toBe(false);
  });

  it('takes printable ASCII for opaque strings and nothing else', () => {
    const token = opaqueStringSchema({ what: 'token', min: 4, max: 10 });
    expect(token.parse('abc-_.~123')).toBe('abc-_.~123');
    expect(token.safeParse('abc def').success).toBe(false);
    expect(token.safeParse('abcé').success).toBe(false);
    expect(token.safeParse('abc\u0000').success).toBe(false);
  });

  it('takes https links on domain names only', () => {
    const link = httpsUrlSchema({ what: 'the link' });
    expect(link.parse(' https://example.com/page?q=1 ')).toBe('https://example.com/page?q=1');
    for (const bad of [
      'http://example.com',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'javascript:alert(1)',
      'https://exa\u0000mple.com',
      'https://example.com/\u0000',
    ]) {
      expect(link.safeParse(bad).success).toBe(false);
    }
    expect(
      httpsUrlSchema({ what: 'the website', allowHttp: true }).safeParse('http://example.com')
        .success,
    ).toBe(true);
  });
});

describe('passwords', () => {
  const password = passwordTextSchema({ what: 'your password', min: 10, max: 200 });

  it('keeps a password exactly as typed, spaces and all', () => {
    expect(password.parse('  Straße ünd 🎮 ')).toBe('  Straße ünd 🎮 ');
  });

  it('refuses control characters and broken characters with a 400-worthy message', () => {
    for (const typed of ['password\u0000123', 'password\t1234', 'password\uD8001234']) {
      expect(password.safeParse(typed).success, JSON.stringify(typed)).toBe(false);
    }
  });
});
