import Busboy from '@fastify/busboy';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errors } from './errors.js';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  content: Buffer;
}

/**
 * A request body as DRF's parsers see it: JSON keeps its types; form bodies
 * (urlencoded and multipart) give every field as the list of its string values.
 */
export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; data: Record<string, unknown> }
  | { kind: 'form'; data: Record<string, string[]>; files: Record<string, UploadedFile> };

/** Largest file part accepted in a multipart body (the avatar part). */
export interface BodyLimits {
  maxFileBytes: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const mediaTypeOf = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** The Python type name DRF would report for a JSON value. */
export const pythonTypeName = (value: unknown): string => {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
};

export async function parseBody(event: APIGatewayProxyEventV2, limits: BodyLimits): Promise<ParsedBody> {
  if (event.body === undefined || event.body === '') return { kind: 'none' };
  const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const contentType = event.headers['content-type'] ?? '';
  switch (mediaTypeOf(contentType)) {
    case 'application/json':
      return { kind: 'json', data: parseJson(raw) };
    case 'application/x-www-form-urlencoded':
      return { kind: 'form', data: groupValues(new URLSearchParams(raw.toString('utf8'))), files: {} };
    case 'multipart/form-data':
      return parseMultipart(raw, contentType, limits);
    default:
      throw errors.unsupportedMediaType(contentType);
  }
}

function parseJson(raw: Buffer): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(strictUtf8.decode(raw));
  } catch (error) {
    throw errors.badRequest('json_parse_error', { reason: (error as Error).message });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw errors.badRequest('json_not_object', { type: pythonTypeName(data) });
  }
  return data as Record<string, unknown>;
}

/** Field names are client input: a null-prototype object keeps names such as `constructor` plain keys. */
function groupValues(entries: Iterable<[string, string]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = Object.create(null);
  for (const [name, value] of entries) (grouped[name] ??= []).push(value);
  return grouped;
}

function parseMultipart(raw: Buffer, contentType: string, limits: BodyLimits): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const fields: [string, string][] = [];
    const files: Record<string, UploadedFile> = Object.create(null);
    let tooLarge = false;
    let parser: Busboy;
    try {
      parser = new Busboy({ headers: { 'content-type': contentType }, limits: { fileSize: limits.maxFileBytes } });
    } catch (error) {
      reject(errors.badRequest('multipart_parse_error', { reason: (error as Error).message }));
      return;
    }
    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('file', (name, stream, filename, _encoding, mimetype) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => { tooLarge = true; });
      stream.on('end', () => {
        files[name] = { filename: filename ?? '', mimetype, content: Buffer.concat(chunks) };
      });
    });
    parser.on('error', (error: Error) =>
      reject(errors.badRequest('multipart_parse_error', { reason: error.message })));
    parser.on('finish', () => {
      if (tooLarge) reject(errors.requestTooLarge());
      else resolve({ kind: 'form', data: groupValues(fields), files });
    });
    parser.end(raw);
  });
}
