/** A small value class: amounts in integer cents with a currency. */

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`cannot combine ${a} with ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export class Money {
  readonly cents: number;
  readonly currency: string;

  constructor(cents: number, currency = 'EUR') {
    if (!Number.isInteger(cents)) throw new TypeError(`cents must be an integer, got ${cents}`);
    if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be a 3-letter ISO code, got "${currency}"`);
    this.cents = cents;
    this.currency = currency;
  }

  add(cents: number): Money {
    return new Money(this.cents + cents, this.currency);
  }

  times(factor: number): Money {
    if (factor < 0) throw new RangeError('factor must be >= 0');
    return new Money(Math.round(this.cents * factor), this.currency);
  }

  format(): string {
    const sign = this.cents < 0 ? '-' : '';
    const abs = Math.abs(this.cents);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${this.currency}`;
  }

  static parse(text: string): Money {
    const m = /^(-?)(\d+)(?:\.(\d{1,2}))? ([A-Z]{3})$/.exec(text.trim());
    if (!m) throw new SyntaxError(`not a money amount: "${text}"`);
    const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
    return new Money(m[1] === '-' ? -cents : cents, m[4]);
  }
}

export function sumMoney(amounts: Money[]): Money | undefined {
  if (amounts.length === 0) return undefined;
  const currency = amounts[0]!.currency;
  let total = 0;
  for (const a of amounts) {
    if (a.currency !== currency) throw new CurrencyMismatchError(currency, a.currency);
    total += a.cents;
  }
  return new Money(total, currency);
}
