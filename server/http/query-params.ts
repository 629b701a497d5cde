import { z } from 'zod';

/** A whole-number parameter within a range, with a default when absent; one message for every way it can be wrong. */
export const wholeNumber = (name: string, min: number, max: number, fallback: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: `${name} must be given once, as a whole number from ${min} to ${max}` })
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number({ error: message }).int(message).min(min, message).max(max, message))
    .optional()
    .transform((value) => value ?? fallback);
};

/** A parameter that may be given several times (`?source=a&source=b`), as a list; absent is empty. */
export const repeatable = (value: z.ZodType<string>, maxCount: number, name: string) =>
  z
    .union([value, z.array(value)])
    .optional()
    .transform((given) => (given === undefined ? [] : Array.isArray(given) ? given : [given]))
    .refine((list) => list.length <= maxCount, `${name} can be given at most ${maxCount} times`);

/** A single text parameter: a repeated one (`?q=a&q=b`) is refused rather than guessed at. */
export const singleText = (name: string, requiredMessage: string, maxLength: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? requiredMessage : `${name} must be given once, as text`) })
    .max(maxLength, `${name} must be at most ${maxLength} characters`)
    .refine((value) => value.trim() !== '', `${name} must not be empty`);
