import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEventKey, encodeEventKey } from '../../shared/avatars/event-key.js';

describe('S3 event keys', () => {
  it('decodes keys as S3 encodes them: + is a space, %2B a plus', () => {
    expect(decodeEventKey('a/my+photo+%C3%BCn%C3%AF%2B%E2%82%AC.jpg')).toBe('a/my photo ünï+€.jpg');
    expect(decodeEventKey('uploads/7/100%25+sure')).toBe('uploads/7/100% sure');
  });

  it('encodes keys as S3 writes them into events, leaving / alone', () => {
    expect(encodeEventKey('a/my photo ünï+€.jpg')).toBe('a/my+photo+%C3%BCn%C3%AF%2B%E2%82%AC.jpg');
    expect(encodeEventKey("uploads/7/(it's)~100%!*")).toBe('uploads/7/%28it%27s%29%7E100%25%21*');
  });

  it('decodes every encoded key back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (key) => {
        expect(decodeEventKey(encodeEventKey(key))).toBe(key);
      }),
    );
  });
});
