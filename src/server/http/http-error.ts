// One error type for every HTTP failure the server answers on purpose; the error handler (errors.ts) turns
// it into ErrorBody {error: {code, message, messageKo}}.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageKo: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** A push that names a change before it (`after`) which is not answered yet: nothing applied, send it again. */
  static outOfOrder(): HttpError {
    return new HttpError(
      409,
      'out_of_order',
      'The push sent before this one has not been applied yet: send this one again after it',
      '앞서 보낸 변경이 아직 반영되지 않았습니다. 앞의 요청이 끝난 뒤 다시 보내세요',
    );
  }

  static forbidden(): HttpError {
    return new HttpError(
      403,
      'forbidden',
      'This data belongs to another market: this tablet may not read or change it',
      '다른 시장의 자료입니다. 이 태블릿은 읽거나 바꿀 수 없습니다',
    );
  }

  static badRequest(code: string, message: string, messageKo: string): HttpError {
    return new HttpError(400, code, message, messageKo);
  }
}
