/**
 * The write schemas (users, organizations, tokens) as the functions apply them: through
 * validateBody, with JSON bodies and with form bodies as DRF's parsers read them.
 */
import { describe, expect, it } from 'vitest';
import { tokenObtainSchema, tokenRefreshSchema } from '../../shared/auth/token-schemas.js';
import type { ParsedBody, UploadedFile } from '../../shared/http/body-parsing.js';
import { ApiError } from '../../shared/http/errors.js';
import { translate } from '../../shared/http/messages.js';
import { validateBody } from '../../shared/http/validation.js';
import { organizationCreateSchema } from '../../shared/organizations/organization-schemas.js';
import { MAX_ORGANIZATIONS_PER_USER, userCreateSchema, userReplaceSchema, userUpdateSchema } from '../../shared/users/user-schemas.js';

const json = (data: Record<string, unknown>): ParsedBody => ({ kind: 'json', data });
const form = (data: Record<string, string | string[]>, files: Record<string, UploadedFile> = {}): ParsedBody => ({
  kind: 'form',
  data: Object.fromEntries(Object.entries(data).map(([name, value]) => [name, [value].flat()])),
  files,
});
const file = (filename: string): UploadedFile => ({ filename, mimetype: 'image/png', content: Buffer.from('png') });

/** The English field errors of a refused body. */
function refusal(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError && 'fields' in error.body) {
      expect(error.statusCode).toBe(400);
      return Object.fromEntries(Object.entries(error.body.fields).map(([name, messages]) => [name, messages.map((m) => translate(m, 'en'))]));
    }
    throw error;
  }
  throw new Error('The body was accepted');
}

const valid = { email: 'jane@example.com', password: 'long enough' };

describe('user create schema', () => {
  it('reads a JSON body: email trimmed, phone normalized, ids as numbers, deduplicated and ordered', () => {
    const body = json({ ...valid, email: '  Jane@Example.com ', first_name: ' Jane ', phone: '+7 (987) 654-32-10', organization_ids: ['3', 1, 3, ' 2 '] });

    const input = validateBody(body, userCreateSchema);

    expect(input).toEqual({
      email: 'Jane@Example.com', password: 'long enough', first_name: 'Jane', phone: '+79876543210', organization_ids: [1, 2, 3],
    });
  });

  it('reads a form body: repeated keys make the list, the last value wins elsewhere, empty nullable values are null', () => {
    const body = form({ email: ['first@example.com', 'jane@example.com'], password: 'long enough', first_name: '', phone: '', organization_ids: ['2', '1'] });

    const input = validateBody(body, userCreateSchema);

    expect(input).toEqual({ email: 'jane@example.com', password: 'long enough', first_name: null, phone: null, organization_ids: [1, 2] });
  });

  it('requires email and password', () => {
    expect(refusal(() => validateBody(json({}), userCreateSchema))).toEqual({
      email: ['This field is required.'], password: ['This field is required.'],
    });
  });

  it('reads a missing body as no fields', () => {
    expect(refusal(() => validateBody({ kind: 'none' }, userCreateSchema))).toEqual({
      email: ['This field is required.'], password: ['This field is required.'],
    });
  });

  it('refuses a blank email in a form', () => {
    expect(refusal(() => validateBody(form({ email: '', password: 'long enough' }), userCreateSchema))).toEqual({
      email: ['This field may not be blank.'],
    });
  });

  it.each([
    [{ email: 'x'.repeat(243) + '@example.com' }, { email: ['Ensure this field has no more than 254 characters.'] }],
    [{ email: 'no-at-sign' }, { email: ['Enter a valid email address.'] }],
    [{ email: 5 }, { email: ['Not a valid string.'] }],
    [{ password: 'short' }, { password: ['This password is too short. It must contain at least 8 characters.'] }],
    [{ password: 'p'.repeat(129) }, { password: ['Ensure this field has no more than 128 characters.'] }],
    [{ password: '0123456789' }, { password: ['This password is entirely numeric.'] }],
    [{ first_name: 'n'.repeat(151) }, { first_name: ['Ensure this field has no more than 150 characters.'] }],
    [{ phone: '12345678' }, { phone: ['Enter a valid phone number: 9 to 15 digits with an optional leading +.'] }],
    [{ organization_ids: 'x' }, { organization_ids: ['Expected a list of items but got type "str".'] }],
    [{ organization_ids: [true] }, { organization_ids: ['Incorrect type. Expected pk value, received bool.'] }],
    [{ organization_ids: [null] }, { organization_ids: ['Incorrect type. Expected pk value, received NoneType.'] }],
    [{ organization_ids: Array.from({ length: MAX_ORGANIZATIONS_PER_USER + 1 }, (_, i) => i + 1) },
      { organization_ids: [`Ensure this field has no more than ${MAX_ORGANIZATIONS_PER_USER} elements.`] }],
    [{ is_superuser: true }, { is_superuser: ['Unknown field.'] }],
    [{ constructor: 1 }, { constructor: ['Unknown field.'] }],
  ])('refuses %j', (fields, errors) => {
    expect(refusal(() => validateBody(json({ ...valid, ...fields }), userCreateSchema))).toEqual(errors);
  });

  it('accepts the boundaries: 8 and 128 character passwords, 150 character names, 9 and 15 digit phones', () => {
    const shortest = validateBody(json({ ...valid, password: 'p'.repeat(8), first_name: 'n'.repeat(150), phone: '123456789' }), userCreateSchema);
    const longest = validateBody(json({ ...valid, password: 'p'.repeat(128), last_name: 'n'.repeat(150), phone: '+123456789012345' }), userCreateSchema);

    expect(shortest).toMatchObject({ password: 'p'.repeat(8), phone: '123456789' });
    expect(longest).toMatchObject({ password: 'p'.repeat(128), phone: '+123456789012345' });
  });

  it('ignores the read-only fields', () => {
    const input = validateBody(
      json({ ...valid, id: 7, avatar: 'https://x/y.jpg', organizations: [], users: [], date_joined: '2026-01-01T00:00:00Z' }),
      userCreateSchema,
    );

    expect(input).toEqual(valid);
  });

  it('refuses a form field named like a built-in object property as unknown', () => {
    expect(refusal(() => validateBody(form({ ...valid, toString: 'x' }), userCreateSchema))).toEqual({ toString: ['Unknown field.'] });
  });

  it('accepts the avatar file part and refuses any other', () => {
    const withAvatar = validateBody(form(valid, { avatar: file('me.png') }), userCreateSchema, ['avatar']);

    expect(withAvatar).toEqual(valid);
    expect(refusal(() => validateBody(form(valid, { photo: file('me.png') }), userCreateSchema, ['avatar']))).toEqual({ photo: ['Unknown field.'] });
  });
});

describe('user update and replace schemas', () => {
  it('update accepts an empty body and keeps only the fields given', () => {
    expect(validateBody(json({}), userUpdateSchema)).toEqual({});
    expect(validateBody(json({ last_name: null }), userUpdateSchema)).toEqual({ last_name: null });
  });

  it('update still applies every field rule', () => {
    expect(refusal(() => validateBody(json({ email: 'bad', password: '1234567890' }), userUpdateSchema))).toEqual({
      email: ['Enter a valid email address.'], password: ['This password is entirely numeric.'],
    });
  });

  it('replace requires the email but not the password', () => {
    expect(validateBody(json({ email: 'jane@example.com' }), userReplaceSchema)).toEqual({ email: 'jane@example.com' });
    expect(refusal(() => validateBody(json({ first_name: 'Jane' }), userReplaceSchema))).toEqual({ email: ['This field is required.'] });
  });
});

describe('organization schema', () => {
  it('trims the name and accepts 100 characters and a 10000 character description', () => {
    const input = validateBody(json({ name: ` ${'n'.repeat(100)} `, description: 'd'.repeat(10_000) }), organizationCreateSchema);

    expect(input).toEqual({ name: 'n'.repeat(100), description: 'd'.repeat(10_000) });
  });

  it.each([
    [{ name: 'n'.repeat(101) }, { name: ['Ensure this field has no more than 100 characters.'] }],
    [{ name: '   ' }, { name: ['This field may not be blank.'] }],
    [{}, { name: ['This field is required.'] }],
    [{ name: null }, { name: ['This field may not be null.'] }],
    [{ name: 'Org', description: 'd'.repeat(10_001) }, { description: ['Ensure this field has no more than 10000 characters.'] }],
    [{ name: 'Org', owner: 1 }, { owner: ['Unknown field.'] }],
  ])('refuses %j', (data, errors) => {
    expect(refusal(() => validateBody(json(data), organizationCreateSchema))).toEqual(errors);
  });

  it('reads a form body, where an empty description is null', () => {
    expect(validateBody(form({ name: 'Org', description: '' }), organizationCreateSchema)).toEqual({ name: 'Org', description: null });
  });
});

describe('token schemas', () => {
  it('obtain requires email and password; the email is trimmed', () => {
    expect(validateBody(json({ email: ' jane@example.com ', password: 'x' }), tokenObtainSchema)).toEqual({ email: 'jane@example.com', password: 'x' });
    expect(refusal(() => validateBody(form({}), tokenObtainSchema))).toEqual({
      email: ['This field is required.'], password: ['This field is required.'],
    });
  });

  it('refresh requires the refresh token and nothing else', () => {
    expect(validateBody(form({ refresh: 'abc' }), tokenRefreshSchema)).toEqual({ refresh: 'abc' });
    expect(refusal(() => validateBody(json({ refresh: 'abc', access: 'def' }), tokenRefreshSchema))).toEqual({ access: ['Unknown field.'] });
  });
});
