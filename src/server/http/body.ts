// Reading and validating request bodies and queries: size-limited (413) whether or not Content-Length is
// honest, JSON-parsed (400 on malformed JSON) and checked by the shared zod schema (400 naming the field).
import type { Context } from 'hono';
import type { z } from 'zod';
import { MAX_BODY_BYTES } from '../../domain';
import { safeParseFast } from '../../domain/accepts';
import { HttpError } from './http-error';

function tooLarge(): HttpError {
  return new HttpError(
    413,
    'too_large',
    `The request is larger than ${MAX_BODY_BYTES} bytes; send fewer changes per request`,
    `요청이 ${MAX_BODY_BYTES}바이트보다 큽니다. 한 번에 더 적게 보내세요`,
  );
}

async function readLimited(c: Context): Promise<string> {
  const length = c.req.header('content-length');
  const declared = Number(length ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  // A declared length is the most Node's HTTP parser lets the body be: read it whole, by the adapter's direct
  // path from the socket (bench: the web stream reader's chunk-by-chunk reads were ≈ 20 ms per 10,000 changes).
  if (length !== undefined && Number.isSafeInteger(declared) && declared >= 0) return c.req.raw.text();
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function describeIssue(error: z.ZodError): { where: string; message: string } {
  const issue = error.issues[0];
  return { where: issue?.path.join('.') || '(body)', message: issue?.message ?? 'invalid' };
}

function invalid(error: z.ZodError, what: string): HttpError {
  const { where, message } = describeIssue(error);
  return HttpError.badRequest(
    'invalid_request',
    `Invalid ${what}: field "${where}": ${message}`,
    `요청 ${what === 'query' ? '주소 값' : '내용'}이 올바르지 않습니다: "${where}" 항목: ${message}`,
  );
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await readLimited(c);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw HttpError.badRequest('bad_json', 'The request body is not valid JSON', '요청 내용이 올바른 JSON이 아닙니다');
  }
  // Checked by a predicate compiled from the schema (src/domain/accepts.ts); zod parses what it cannot pass as is.
  const parsed = safeParseFast(schema, value);
  if (!parsed.success) throw invalid(parsed.error, 'body');
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'query');
  return parsed.data;
}
