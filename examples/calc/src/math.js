/**
 * Arithmetic helpers (plain JavaScript, types in JSDoc).
 */

/**
 * @param {number} a
 * @param {number} b
 * @returns {number}
 */
export function add(a, b) {
  return a + b;
}

/**
 * Integer division that refuses to divide by zero.
 * @param {number} a
 * @param {number} b
 * @returns {number}
 */
export function divide(a, b) {
  if (b === 0) {
    throw new RangeError('division by zero');
  }
  return Math.trunc(a / b);
}

/**
 * Clamp a number into [min, max].
 * @param {number} value
 * @param {number} [min=0]
 * @param {number} [max=100]
 */
export function clamp(value, min = 0, max = 100) {
  if (Number.isNaN(value)) return min;
  if (value < min) return min;
  if (value > max) return max;
  return value;
}

/**
 * n! for small non-negative integers.
 * @param {number} n
 */
export function factorial(n) {
  if (!Number.isInteger(n) || n < 0) {
    throw new TypeError(`factorial needs a non-negative integer, got ${n}`);
  }
  if (n > 20) {
    throw new RangeError('factorial overflows above 20');
  }
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

/**
 * @param {number} n
 * @returns {boolean}
 */
export function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) return false;
  }
  return true;
}
