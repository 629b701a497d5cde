import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/**
 * Parses request parameters with a schema; the first problem becomes a 400 naming the parameter.
 * Schemas are strict, so a misspelt parameter (`?sorce=`) is reported instead of silently ignored.
 */
export function validateQuery<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const accepted = 'shape' in schema ? Object.keys(schema.shape as object).join(', ') : '';
    throw new HttpError(400, 'invalid_parameter', `Unknown parameter "${issue.keys[0]}"${accepted ? `: this endpoint takes ${accepted}` : ''}`);
  }
  // Every schema words its own messages, naming the parameter ("page must be a whole number from 1 to
  // 1000"); one that does not (a library default) is prefixed with the parameter's name.
  const parameter = issue?.path.length ? String(issue.path[0]) : 'request';
  const message = issue?.message ?? 'is not valid';
  throw new HttpError(400, 'invalid_parameter', message.startsWith(`${parameter} `) ? message : `${parameter}: ${message}`);
}
