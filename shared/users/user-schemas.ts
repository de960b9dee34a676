import { z } from 'zod';
import { pythonTypeName } from '../http/body-parsing.js';

/**
 * The user resource's fields, written once: validation of write bodies, the
 * TypeScript types and the OpenAPI document all come from here. Error messages are
 * message codes (shared/http/messages.ts), put into words per request language.
 */

/** A transaction holds at most 100 items; a membership change needs up to three per organization. */
export const MAX_ORGANIZATIONS_PER_USER = 30;

const email = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email({ error: 'invalid_email' }))
  .meta({ description: 'Unique regardless of case; shown as first entered.', example: 'Jane@Example.com' });

const password = z
  .string()
  .min(8, { error: 'password_too_short' })
  .max(128)
  .refine((value) => !/^\d+$/.test(value), { error: 'password_entirely_numeric' })
  .meta({ description: 'Write-only. 8 to 128 characters, not entirely numeric, not the email or its local part.', writeOnly: true });

/** DRF's CharField takes a number as its text. */
const numberAsText = (value: unknown) => (typeof value === 'number' ? String(value) : value);

const name = z.preprocess(numberAsText, z.string().trim().max(150).nullable()).optional();

const phone = z
  .preprocess(
    numberAsText,
    z.string()
      .transform((value) => value.replace(/[ ()-]/g, ''))
      .pipe(z.union([z.literal('').transform(() => null), z.string().regex(/^\+?\d{9,15}$/, { error: 'invalid_phone' })]))
      .nullable(),
  )
  .optional()
  .meta({ description: 'Digits with an optional leading +, 9 to 15 digits; spaces, dashes and parentheses are dropped.', example: '+79876543210' });

const organizationId = z.unknown().transform((value, ctx) => {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(id)) return id;
  ctx.addIssue({ code: 'custom', message: 'incorrect_pk_type', params: { type: pythonTypeName(value) } });
  return z.NEVER;
});

const organizationIds = z
  .array(organizationId)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b))
  .pipe(z.array(z.int()).max(MAX_ORGANIZATIONS_PER_USER))
  .optional()
  .meta({ description: 'The organizations the user belongs to: exactly this set.' });

const profile = {
  first_name: name,
  last_name: name,
  phone,
  organization_ids: organizationIds,
};

export const userCreateSchema = z.strictObject({ email, password, ...profile });
export const userUpdateSchema = z.strictObject({ email: email.optional(), password: password.optional(), ...profile });
export const userReplaceSchema = z.strictObject({ email, password: password.optional(), ...profile });

export type UserCreateInput = z.output<typeof userCreateSchema>;
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const organizationSummarySchema = z.object({ id: z.int(), name: z.string(), description: z.string().nullable() });

export const userSchema = z
  .object({
    id: z.int(),
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    phone: z.string().nullable(),
    avatar: z.url().nullable().meta({ description: 'Absolute URL of the resized avatar (JPEG, at most 200x200).' }),
    organizations: z.array(organizationSummarySchema).meta({ description: 'Ordered by id.' }),
    date_joined: z.iso.datetime(),
  })
  .meta({ id: 'User' });
