import { describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/core/logger.ts';

function capture(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const logger = createLogger('tickets', { env, write: (line) => lines.push(line) });
  return { logger, records: () => lines.map((line) => { expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true); return JSON.parse(line); }) };
}

describe('the logger', () => {
  it('writes one JSON object per line with level, service, message, time and the attributes', () => {
    const { logger, records } = capture({});
    logger.info('request', { path: '/api/tickets', status: 201, note: 'line one\nline two' });
    const [record] = records();
    expect(record).toMatchObject({ level: 'INFO', service: 'tickets', message: 'request', path: '/api/tickets', status: 201, note: 'line one\nline two' });
    expect(Date.parse(record.timestamp)).not.toBeNaN();
  });

  it('keeps what the level lets through: Lambda\'s level first, then LOG_LEVEL, INFO by default', () => {
    const levels = (env: NodeJS.ProcessEnv) => {
      const { logger, records } = capture(env);
      logger.debug('d'); logger.info('i'); logger.warn('w'); logger.error('e');
      return records().map((record) => record.level);
    };
    expect(levels({})).toEqual(['INFO', 'WARN', 'ERROR']);
    expect(levels({ LOG_LEVEL: 'debug' })).toEqual(['DEBUG', 'INFO', 'WARN', 'ERROR']);
    expect(levels({ AWS_LAMBDA_LOG_LEVEL: 'WARN', LOG_LEVEL: 'DEBUG' })).toEqual(['WARN', 'ERROR']);
    expect(levels({ LOG_LEVEL: 'SILENT' })).toEqual([]);
    expect(levels({ LOG_LEVEL: 'LOUD' })).toEqual(['INFO', 'WARN', 'ERROR']);
  });

  it('records errors with name, message, stack and cause, and survives values JSON cannot hold', () => {
    const { logger, records } = capture({});
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const shared = { id: 7 };
    const looping = new Error('again');
    looping.cause = looping;
    logger.error('unhandled error', {
      error: new TypeError('boom', { cause: new Error('socket hang up') }), big: 10n, cyclic, pair: { a: shared, b: shared }, looping,
    });
    const [record] = records();
    expect(record.error).toMatchObject({ name: 'TypeError', message: 'boom', cause: { name: 'Error', message: 'socket hang up' } });
    expect(record.error.stack).toContain('TypeError: boom');
    expect(record.big).toBe('10');
    expect(record.cyclic).toEqual({ name: 'loop', self: '[Circular]' });
    expect(record.pair).toEqual({ a: { id: 7 }, b: { id: 7 } });
    expect(record.looping).toMatchObject({ message: 'again', cause: '[Circular]' });
  });

  it('does not let attributes overwrite the level, service or message', () => {
    const { logger, records } = capture({});
    logger.warn('real', { level: 'DEBUG', service: 'forged', message: 'forged' });
    expect(records()[0]).toMatchObject({ level: 'WARN', service: 'tickets', message: 'real' });
  });
});
