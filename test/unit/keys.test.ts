/**
 * Item keys of the single table: zero-padded ids keep string order equal to id order, and
 * emails are keyed in one normalized form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys, normalizeEmail, sortableId } from '../../shared/data/keys.js';

describe('sortableId', () => {
  it('pads ids to 16 digits', () => {
    expect(sortableId(1)).toBe('0000000000000001');
    expect(sortableId(9_007_199_254_740_991)).toBe('9007199254740991');
  });

  it('orders as strings the way the ids order as numbers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, b) => {
      const byString = sortableId(a) < sortableId(b);
      expect(byString).toBe(a < b);
    }));
  });

  it('keeps 9 before 10 and 99 before 100', () => {
    const ids = [100, 9, 99, 10, 1];

    const sorted = ids.map(sortableId).sort();

    expect(sorted).toEqual([1, 9, 10, 99, 100].map(sortableId));
  });
});

describe('emails in keys', () => {
  it('are trimmed and lower-cased', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });

  it('give one reservation key and one login-failures key for every spelling of an address', () => {
    expect(keys.emailReservation('Jane@X.com')).toEqual(keys.emailReservation(' jane@x.COM'));
    expect(keys.emailReservation('Jane@X.com')).toEqual({ PK: 'EMAIL#jane@x.com', SK: 'EMAIL' });
    expect(keys.loginFailures('JANE@x.com ')).toEqual({ PK: 'LOGIN_FAILURES#jane@x.com', SK: 'LOGIN_FAILURES' });
  });

  it('differ for different addresses', () => {
    expect(keys.emailReservation('jane@x.com')).not.toEqual(keys.emailReservation('jane@y.com'));
  });
});

describe('membership keys', () => {
  it('sort a user’s organizations and an organization’s users by id', () => {
    const edges = [12, 3, 100].map((organizationId) => keys.membership(7, organizationId));
    const inverted = [12, 3, 100].map((userId) => keys.membershipInverted(userId, 5));

    expect(edges.map((edge) => edge.SK).sort()).toEqual([3, 12, 100].map((id) => `ORG#${sortableId(id)}`));
    expect(edges.every((edge) => edge.PK === 'USER#7')).toBe(true);
    expect(inverted.map((edge) => edge.GSI1SK).sort()).toEqual([3, 12, 100].map((id) => `USER#${sortableId(id)}`));
    expect(inverted.every((edge) => edge.GSI1PK === 'ORG#5')).toBe(true);
  });

  it('put users and organizations in their own list partitions', () => {
    expect(keys.userListEntry(42)).toEqual({ GSI1PK: 'USERS', GSI1SK: sortableId(42) });
    expect(keys.organizationListEntry(42)).toEqual({ GSI1PK: 'ORGS', GSI1SK: sortableId(42) });
  });
});
