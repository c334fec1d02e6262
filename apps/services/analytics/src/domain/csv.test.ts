import { describe, expect, it } from 'vitest';
import { csvLine } from './csv';

describe('csvLine', () => {
  it('leaves plain fields and numbers as they are', () => {
    expect(csvLine(['2026-11-20T01:00:00.000Z', 'Nina Plays', '1000', '-1'])).toBe(
      '2026-11-20T01:00:00.000Z,Nina Plays,1000,-1',
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"');
  });

  it('keeps a typed name from running as a spreadsheet formula', () => {
    expect(csvLine(['=HYPERLINK("x")', '@sum', '+1 fan'])).toBe(
      `"'=HYPERLINK(""x"")",'@sum,'+1 fan`,
    );
  });
});
