import { describe, expect, it } from 'vitest';
import { requestVerificationInputSchema } from './brand';
import { documentsRefusal } from './documents';
import { requestStreamerVerificationInput } from './streamer';

const usable = { usable: { name: 'a.pdf' } };
const refused = (reason: string, message = 'x') => ({ refused: { reason, message } });

describe('documentsRefusal', () => {
  it('is null when every document is usable', () => {
    expect(documentsRefusal([usable, usable])).toBeNull();
    expect(documentsRefusal([])).toBeNull();
  });

  it('names one refused document in the message and beside its field', () => {
    expect(documentsRefusal([usable, refused('asset_refused', 'The file was refused: not a PDF')])).toEqual({
      kind: 'precondition_failed',
      reason: 'document_refused',
      message: 'Document 2: The file was refused: not a PDF. Remove it and upload another file.',
      details: { documents: [{ index: 1, reason: 'asset_refused' }] },
      fieldErrors: {
        'documents.1.assetId': ['The file was refused: not a PDF. Remove it and upload another file.'],
      },
    });
  });

  it('takes its kind from the first refusal: someone else’s file is not found', () => {
    const refusal = documentsRefusal([refused('asset_not_found'), usable, refused('asset_not_ready')]);
    expect(refusal).toMatchObject({
      kind: 'not_found',
      reason: 'document_not_found',
      message: '2 of your documents cannot be sent; each one says why.',
    });
    expect(Object.keys(refusal?.fieldErrors ?? {})).toEqual(['documents.0.assetId', 'documents.2.assetId']);
  });
});

describe('request inputs', () => {
  const assetId = '5f0c7a52-7d1e-4c55-9b59-0b8a4c1f2e11';

  it('takes each file once', () => {
    const twice = { documents: [{ kind: 'other', assetId }, { kind: 'other', assetId }] };
    for (const schema of [requestVerificationInputSchema, requestStreamerVerificationInput]) {
      expect(schema.safeParse(twice).error?.issues).toMatchObject([
        { path: ['documents'], message: 'Each file only once' },
      ]);
    }
  });

  it('lets a streamer ask with no document at all', () => {
    expect(requestStreamerVerificationInput.parse(undefined)).toEqual({ documents: [] });
    expect(requestStreamerVerificationInput.parse({ note: 'Hi' })).toEqual({ note: 'Hi', documents: [] });
    expect(
      requestStreamerVerificationInput.parse({ documents: [{ kind: 'identity', assetId }] }).documents,
    ).toEqual([{ kind: 'identity', assetId }]);
  });
});
