import { describe, expect, it } from 'vitest';
import { acceptedTypes, fileRefusal } from './upload-accepts';

const MB = 1024 * 1024;

describe('what the drop zone takes before sending anything', () => {
  it('offers a use’s types, narrowed to the kinds asked for', () => {
    expect(Object.keys(acceptedTypes('campaignCreative'))).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'video/mp4', 'video/webm']);
    expect(Object.keys(acceptedTypes('campaignCreative', ['video']))).toEqual(['video/mp4', 'video/webm']);
    expect(Object.keys(acceptedTypes('kycDocument'))).toContain('application/pdf');
  });

  it('lets a file within its kind’s limit go', () => {
    expect(fileRefusal('campaignCreative', { name: 'ad.png', type: 'image/png', size: 8 * MB })).toBeNull();
    expect(fileRefusal('campaignCreative', { name: 'ad.mp4', type: 'video/mp4', size: 64 * MB })).toBeNull();
  });

  it('refuses another type, an empty file and one over its kind’s limit, saying why', () => {
    expect(fileRefusal('campaignCreative', { name: 'ad.pdf', type: 'application/pdf', size: 10 })).toMatch(/ad\.pdf is not a type this accepts/);
    expect(fileRefusal('campaignCreative', { name: 'ad.mp4', type: 'video/mp4', size: 10 }, ['image'])).toMatch(/not a type/);
    expect(fileRefusal('campaignCreative', { name: 'ad.png', type: 'image/png', size: 0 })).toBe('ad.png is empty.');
    expect(fileRefusal('campaignCreative', { name: 'ad.png', type: 'image/png', size: 8 * MB + 1 })).toBe('ad.png is 8.0 MB; an image may be at most 8 MB.');
    expect(fileRefusal('campaignCreative', { name: 'ad.webm', type: 'video/webm', size: 65 * MB })).toBe('ad.webm is 65.0 MB; a video may be at most 64 MB.');
  });
});
