import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportFile } from './export-reader';
import { DecimalText, parseExtendedJsonLine } from './extended-json';

describe('Extended JSON lines', () => {
  it('reads the canonical form', () => {
    const document = parseExtendedJsonLine(
      '{"_id":{"$oid":"64b7f0c2a1b2c3d4e5f60718"},"createdAt":{"$date":{"$numberLong":"1704542400000"}},"budget":{"$numberDecimal":"1500.50"},"count":{"$numberInt":"7"},"rate":{"$numberDouble":"2.5"},"big":{"$numberLong":"9007199254740993"}}',
    );
    expect(document).toEqual({
      _id: '64b7f0c2a1b2c3d4e5f60718',
      createdAt: new Date('2024-01-06T12:00:00.000Z'),
      budget: new DecimalText('1500.50'),
      count: 7,
      rate: 2.5,
      big: 9007199254740993n,
    });
  });

  it('reads the relaxed form and the legacy date of old exports', () => {
    expect(
      parseExtendedJsonLine(
        '{"_id":{"$oid":"64b7f0c2a1b2c3d4e5f60718"},"a":{"$date":"2024-01-06T12:00:00Z"},"b":{"$date":1704542400000},"n":3,"nested":[{"at":{"$date":"2024-01-06T12:00:00.000Z"}}]}',
      ),
    ).toEqual({
      _id: '64b7f0c2a1b2c3d4e5f60718',
      a: new Date('2024-01-06T12:00:00.000Z'),
      b: new Date('2024-01-06T12:00:00.000Z'),
      n: 3,
      nested: [{ at: new Date('2024-01-06T12:00:00.000Z') }],
    });
  });

  it('leaves documents that only look like wrappers alone', () => {
    expect(parseExtendedJsonLine('{"meta":{"$oid":"x","other":1}}')).toEqual({
      meta: { $oid: 'x', other: 1 },
    });
  });

  it('refuses a line that is not one document', () => {
    expect(() => parseExtendedJsonLine('[1,2]')).toThrow('not one document');
    expect(() => parseExtendedJsonLine('{"cut":')).toThrow();
  });

  it('streams a file line by line, naming the lines it cannot read and skipping blank ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ejson-'));
    const file = path.join(dir, 'users.json');
    writeFileSync(file, '{"a":1}\r\n\n{"broken"\n{"b":{"$numberLong":"2"}}\n');
    const lines = [];
    for await (const line of readExportFile(file)) lines.push(line);
    expect(lines).toEqual([
      { line: 1, document: { a: 1 } },
      { line: 3, error: expect.any(String) as string },
      { line: 4, document: { b: 2 } },
    ]);
  });
});
