import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { connectionErrorSummary, isDatabaseUnavailable } from '../../db/connection-errors.ts';
import { AppError } from '../errors.ts';
import { labelForPath } from './field-labels.ts';

/** Maps every failure to `{ error, message, fields? }` with a Chinese message that names the field. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({ error: err.code, message: err.message, fields: err.fields });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const path = `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`;
        const label = labelForPath(path);
        const msg = v.message ?? '格式不正确';
        return { path, message: msg.includes(label) ? msg : `${label}：${msg}` };
      });
      return reply.status(400).send({ error: 'invalid', message: fields.map((f) => f.message).join('；'), fields });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: err.cause }, 'response did not match its schema');
      return reply.status(500).send({ error: 'internal', message: '服务器内部错误（响应格式）' });
    }
    if (isDatabaseUnavailable(err)) {
      // Only the cause's code and text: the wrapping query error carries parameters (possibly personal data).
      req.log.warn(`数据库不可用：${connectionErrorSummary(err)}`);
      return reply.status(503).header('retry-after', '5').send({ error: 'db_unavailable', message: '数据库暂时不可用，请稍后重试' });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 500) req.log.error(err);
    const message =
      status === 413 ? '上传文件过大' : status === 415 ? '不支持的内容类型' : status < 500 ? err.message : '服务器内部错误';
    return reply.status(status).send({ error: status < 500 ? 'bad_request' : 'internal', message });
  });
}
