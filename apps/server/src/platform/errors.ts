/** Errors a use case throws; the HTTP layer maps them to status codes with the Chinese message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
    /** Response headers that go with the error (Retry-After of a 429, a throttling delay). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Out of scope and absent look the same to the caller (scope is law). */
export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'forbidden', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const invalid = (message: string, fields?: { path: string; message: string }[]) =>
  new AppError(400, 'invalid', message, fields);
