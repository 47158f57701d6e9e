// The ONE error handler and 404 answer: every failure leaves as ErrorBody JSON with words in ko and en;
// an unexpected error is logged and answered 500 without internals.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../domain';
import { ForeignRecordError } from '../storage/storage';
import { HttpError } from './http-error';

export function errorJson(c: Context, status: number, body: ErrorBody['error'], headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json({ error: body } satisfies ErrorBody, status as ContentfulStatusCode);
}

export function onError(log: boolean) {
  return (error: Error, c: Context) => {
    let err = error;
    if (err instanceof ForeignRecordError) err = HttpError.forbidden();
    if (err instanceof HttpError) {
      return errorJson(c, err.status, { code: err.code, message: err.message, messageKo: err.messageKo }, err.headers);
    }
    if (log) console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return errorJson(c, 500, {
      code: 'internal',
      message: 'The server failed to handle this request; nothing was changed. Try again later.',
      messageKo: '서버가 요청을 처리하지 못했습니다. 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하세요.',
    });
  };
}

export function apiNotFound(c: Context) {
  return errorJson(c, 404, {
    code: 'not_found',
    message: `No API route ${c.req.method} ${c.req.path}`,
    messageKo: `${c.req.method} ${c.req.path} API가 없습니다`,
  });
}
