import type { CostTrackingConfig } from '../config/schema.js';
import type { BudgetWindow } from '../memory/types.js';

export type BudgetName = 'daily' | 'monthly';

/** UTC day key, e.g. "2026-11-25". */
export function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC month key, e.g. "2026-11". */
export function utcMonthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function startOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * The windows a reservation is checked against. With enforcement off the limits are infinite: the
 * reservation is still recorded (so spend and alerts stay right) but never refused.
 */
export function budgetWindows(ct: CostTrackingConfig, now: number): BudgetWindow[] {
  return [
    { name: 'daily', period: utcDayKey(now), limit: ct.enforce ? ct.budgetLimits.daily : Number.POSITIVE_INFINITY },
    { name: 'monthly', period: utcMonthKey(now), limit: ct.enforce ? ct.budgetLimits.monthly : Number.POSITIVE_INFINITY },
  ];
}

export function alertThresholdPercent(ct: CostTrackingConfig, name: BudgetName): number {
  return name === 'daily' ? ct.alertThresholds.dailyPercent : ct.alertThresholds.monthlyPercent;
}

export function limitOf(ct: CostTrackingConfig, name: BudgetName): number {
  return name === 'daily' ? ct.budgetLimits.daily : ct.budgetLimits.monthly;
}
