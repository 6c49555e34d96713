'use strict';
// A CommonJS module: validators with JSDoc types.

/**
 * @param {string} email
 * @returns {boolean}
 */
function isEmail(email) {
  if (typeof email !== 'string') return false;
  if (email.length > 254) return false;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/**
 * @param {string} password
 * @returns {{ ok: boolean, problems: string[] }}
 */
function checkPassword(password) {
  const problems = [];
  if (password.length < 8) problems.push('shorter than 8 characters');
  if (!/[0-9]/.test(password)) problems.push('no digit');
  if (!/[A-Z]/.test(password)) problems.push('no capital letter');
  return { ok: problems.length === 0, problems };
}

module.exports = { isEmail, checkPassword };
