import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newAvatarKey, newUploadKey, randomObjectName, uploadOwner } from '../../shared/avatars/avatar-keys.js';

describe('avatar object keys', () => {
  it('names objects with 22 random letters and digits', () => {
    const names = Array.from({ length: 200 }, randomObjectName);

    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9]{22}$/);
    expect(new Set(names).size).toBe(200);
  });

  it('lays out uploads and avatars per user', () => {
    expect(newUploadKey(7)).toMatch(/^uploads\/7\/[a-zA-Z0-9]{22}$/);
    expect(newAvatarKey(7)).toMatch(/^avatars\/7\/[a-zA-Z0-9]{22}\.jpg$/);
  });

  it.each([
    ['uploads/7/Ab3xyz', 7],
    ['uploads/123456/my photo+1 100% ü€.png', 123456],
    ['uploads/7', undefined],
    ['uploads/7/', undefined],
    ['uploads/0/x', undefined],
    ['uploads/07/x', undefined],
    ['uploads/-7/x', undefined],
    ['uploads/abc/x', undefined],
    ['uploads/7/a/b', undefined],
    ['uploads/99999999999999999/x', undefined],
    ['avatars/7/x.jpg', undefined],
  ])('reads the owner of %s as %s', (key, owner) => {
    expect(uploadOwner(key)).toBe(owner);
  });

  it('reads back the owner of every upload key it makes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (userId) => {
        expect(uploadOwner(newUploadKey(userId))).toBe(userId);
      }),
    );
  });
});
