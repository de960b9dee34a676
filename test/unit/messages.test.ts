/**
 * The message catalog: every code in English and Russian with the same placeholders, and
 * translate() filling them in.
 */
import { describe, expect, it } from 'vitest';
import { isMessageCode, translate, type MessageCode } from '../../shared/http/messages.js';

/** Every code once: the type makes this list complete, so a new code must be added here. */
const everyCode = {
  required: true, null: true, blank: true, invalid_string: true, max_length: true, invalid_email: true, email_taken: true,
  password_too_short: true, password_entirely_numeric: true, password_too_similar: true, invalid_phone: true, not_a_list: true,
  max_items: true, incorrect_pk_type: true, invalid_pk: true, unknown_field: true, invalid_value: true, not_authenticated: true,
  token_not_valid: true, no_active_account: true, permission_denied: true, not_found: true, method_not_allowed: true,
  request_too_large: true, unsupported_media_type: true, json_parse_error: true, json_not_object: true, multipart_parse_error: true,
  throttled: true, invalid_cursor: true, conflict: true, server_error: true,
} satisfies Record<MessageCode, true>;
const codes = Object.keys(everyCode) as MessageCode[];

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translate', () => {
  it('fills the parameters in', () => {
    expect(translate({ code: 'max_length', params: { max: 150 } }, 'en')).toBe('Ensure this field has no more than 150 characters.');
    expect(translate({ code: 'invalid_pk', params: { pk: 99 } }, 'en')).toBe('Invalid pk "99" - object does not exist.');
    expect(translate({ code: 'method_not_allowed', params: { method: 'DELETE' } }, 'ru')).toBe('Метод "DELETE" не разрешен.');
  });

  it('gives the DRF and simplejwt wording in English', () => {
    expect(translate({ code: 'not_authenticated' }, 'en')).toBe('Authentication credentials were not provided.');
    expect(translate({ code: 'token_not_valid' }, 'en')).toBe('Given token not valid for any token type');
    expect(translate({ code: 'throttled', params: { wait: 42 } }, 'en')).toBe('Request was throttled. Expected available in 42 seconds.');
    expect(translate({ code: 'server_error' }, 'en')).toBe('A server error occurred.');
  });

  it('leaves a placeholder without a parameter as it is', () => {
    expect(translate({ code: 'max_length' }, 'en')).toBe('Ensure this field has no more than {max} characters.');
  });
});

describe('the catalog', () => {
  it.each(codes)('has %s in English and in Russian, with the same placeholders', (code) => {
    const english = translate({ code }, 'en');
    const russian = translate({ code }, 'ru');

    expect(isMessageCode(code)).toBe(true);
    expect(english).toMatch(/^[\x20-\x7e]+$/);
    expect(russian).toMatch(/[а-яё]/i);
    expect(placeholders(russian)).toEqual(placeholders(english));
  });

  it('knows no other codes', () => {
    expect(isMessageCode('no_such_code')).toBe(false);
    expect(isMessageCode('toString')).toBe(false);
  });
});
