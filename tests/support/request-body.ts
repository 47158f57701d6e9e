// A request body as a server reads it, for test doubles of fetch: text, whatever form the engine sent it in
// (a push goes as UTF-8 bytes, other requests as strings).
export function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  throw new Error(`Unexpected request body: ${Object.prototype.toString.call(body)}`);
}
