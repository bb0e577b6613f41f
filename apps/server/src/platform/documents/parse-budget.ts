import { AppError } from '../errors.ts';

/**
 * Runs a parse with a time budget. A parser that stops making progress (a stream that never ends, issue 9)
 * cannot hold the request: the caller gets a refusal and its finally blocks run. `onTimeout` lets the
 * caller destroy the parser's input so the stalled work lets go of what it holds.
 */
export async function withParseBudget<T>(work: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(parseTimeout(ms));
    }, ms);
  });
  // A late rejection of the abandoned work must not become an unhandled rejection.
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const parseTimeout = (ms: number) =>
  new AppError(422, 'parse_timeout', `解析超时：文件未能在${Math.round(ms / 1000)}秒内读完，可能已损坏，请用 Excel 打开后另存为 .xlsx 再上传`);
