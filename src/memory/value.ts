import { AqeError, ErrorCodes } from '../errors.js';

/**
 * JSON text of a memory value, or an AqeError (AQE_ERR_MEMORY_INVALID) naming the key and partition.
 * undefined, functions and symbols have no JSON form; BigInt and circular structures make
 * JSON.stringify throw. Neither may be stored silently as something else.
 */
export function serialiseValue(value: unknown, partition: string, key: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new AqeError(
      ErrorCodes.MEMORY_INVALID,
      `value for key "${key}" in partition "${partition}" is not JSON-serialisable: ${(err as Error).message}`,
      { partition, key },
      { cause: err },
    );
  }
  if (text === undefined) {
    throw new AqeError(
      ErrorCodes.MEMORY_INVALID,
      `value for key "${key}" in partition "${partition}" is not JSON-serialisable: ${typeof value} has no JSON form`,
      { partition, key },
    );
  }
  return text;
}
