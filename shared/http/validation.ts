import { z } from 'zod';
import type { ParsedBody } from './body-parsing.js';
import { pythonTypeName } from './body-parsing.js';
import { errors, type FieldMessages } from './errors.js';
import { isMessageCode, type Message } from './messages.js';

/** Fields of a representation that clients may send back; they are ignored on writes. */
const readOnlyFields = new Set(['id', 'avatar', 'organizations', 'users', 'date_joined']);

/** What a form field becomes: a list (repeated key), or one value where '' means null. */
type FormFieldKind = 'list' | 'nullable' | 'single';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function formFieldKind(schema: z.ZodType): FormFieldKind {
  if (unwrap(schema) instanceof z.ZodArray) return 'list';
  return schema.safeParse(null).success ? 'nullable' : 'single';
}

/**
 * Form values as DRF reads them: a list field takes every value of its key, any other
 * field the last one, and an empty value of a nullable field is null.
 */
function fromForm(data: Record<string, string[]>, shape: z.ZodRawShape): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null);
  for (const [name, values] of Object.entries(data)) {
    const fieldSchema = Object.hasOwn(shape, name) ? shape[name] : undefined;
    const kind = fieldSchema ? formFieldKind(fieldSchema as z.ZodType) : 'single';
    const last = values[values.length - 1];
    if (kind === 'list') input[name] = values;
    else if (kind === 'nullable' && last === '') input[name] = null;
    else input[name] = last;
  }
  return input;
}

function messageFor(issue: z.core.$ZodIssue): Message {
  if (isMessageCode(issue.message)) {
    const params = { ...(issue as { params?: Record<string, string | number> }).params };
    if ('minimum' in issue) params.min = Number(issue.minimum);
    if ('maximum' in issue) params.max = Number(issue.maximum);
    return { code: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      if (issue.input === null) return { code: 'null' };
      if (issue.expected === 'array') return { code: 'not_a_list', params: { type: pythonTypeName(issue.input) } };
      return { code: 'invalid_string' };
    case 'too_big':
      return issue.origin === 'array'
        ? { code: 'max_items', params: { max: Number(issue.maximum) } }
        : { code: 'max_length', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return { code: 'blank' };
    case 'invalid_format':
      return issue.format === 'email' ? { code: 'invalid_email' } : { code: 'invalid_value' };
    default:
      return { code: 'invalid_value' };
  }
}

/** Unknown fields named in one reply; the reply stays small whatever the body holds. */
const MAX_UNKNOWN_FIELDS_REPORTED = 20;

/** zod issues as DRF field errors: one list of messages per field, unknown fields named. */
export function fieldMessages(issues: readonly z.core.$ZodIssue[]): FieldMessages {
  const fields: FieldMessages = Object.create(null);
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, MAX_UNKNOWN_FIELDS_REPORTED)) fields[key] = [{ code: 'unknown_field' }];
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'non_field_errors';
    const list = (fields[field] ??= []);
    const message = messageFor(issue);
    if (!list.some((m) => m.code === message.code)) list.push(message);
  }
  return fields;
}

/**
 * Validates a write body against a resource schema, or throws a DRF 400. File parts
 * other than `fileFields` are unknown fields.
 */
export function validateBody<Schema extends z.ZodObject>(body: ParsedBody, schema: Schema, fileFields: string[] = []): z.output<Schema> {
  const unexpectedFiles = body.kind === 'form' ? Object.keys(body.files).filter((name) => !fileFields.includes(name)) : [];
  if (unexpectedFiles.length > 0) {
    throw errors.validation(Object.fromEntries(unexpectedFiles.map((name) => [name, [{ code: 'unknown_field' as const }]])));
  }
  const raw = body.kind === 'json' ? body.data : body.kind === 'form' ? fromForm(body.data, schema.shape) : {};
  const input = Object.fromEntries(Object.entries(raw).filter(([name]) => !readOnlyFields.has(name)));
  Object.setPrototypeOf(input, null);
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw errors.validation(fieldMessages(result.error.issues));
  return result.data;
}
