/**
 * Password hashing: bcrypt (cost 10) over a digest of the whole password, so nothing past
 * bcrypt's 72 bytes is ignored; the decoy check never matches.
 */
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../../shared/auth/passwords.js';
import { passwordSimilarity } from '../../shared/users/password-rules.js';

describe('hashPassword and verifyPassword', () => {
  it('stores a salted bcrypt hash of cost 10 that verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');

    expect(first).toMatch(/^bcrypt_sha256\$\$2b\$10\$[./A-Za-z0-9]{53}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
  });

  it('tells apart passwords that differ only after byte 72', async () => {
    const prefix = 'x'.repeat(80);
    const stored = await hashPassword(`${prefix}a`);

    expect(bcrypt.truncates(`${prefix}a`)).toBe(true);
    expect(await verifyPassword(`${prefix}b`, stored)).toBe(false);
    expect(await verifyPassword(prefix, stored)).toBe(false);
    expect(await verifyPassword(`${prefix}a`, stored)).toBe(true);
  });

  it('counts multi-byte characters: 24 euro signs are already 72 bytes', async () => {
    const stored = await hashPassword(`${'€'.repeat(24)}1`);

    expect(await verifyPassword(`${'€'.repeat(24)}2`, stored)).toBe(false);
  });

  it('refuses a hash of another scheme, even a bare bcrypt hash of the password', async () => {
    const bare = await bcrypt.hash('correct horse battery', 4);

    expect(await verifyPassword('correct horse battery', bare)).toBe(false);
    expect(await verifyPassword('correct horse battery', '')).toBe(false);
  });
});

describe('verifyAgainstDecoy', () => {
  it('returns false, whatever the password', async () => {
    expect(await verifyAgainstDecoy('correct horse battery')).toBe(false);
    expect(await verifyAgainstDecoy('decoy password that matches nothing')).toBe(false);
  });
});

describe('passwordSimilarity', () => {
  it.each([
    ['jane.doe@example.com', 'Jane.Doe@Example.com'],
    ['JANE.DOE', 'jane.doe@example.com'],
    ['jane.doe', ' Jane.Doe@example.com '],
  ])('refuses %s for %s', (password, email) => {
    expect(passwordSimilarity(password, email)).toEqual({ code: 'password_too_similar' });
  });

  it.each([['jane.doe1', 'jane.doe@example.com'], ['example.com', 'jane.doe@example.com']])('accepts %s for %s', (password, email) => {
    expect(passwordSimilarity(password, email)).toBeUndefined();
  });
});
