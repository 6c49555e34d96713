import type { AccessLevel, CostRecord, CostStatus, MemoryEntry } from './types.js';

/** A row of the entries table, as both stores (SQLite and PostgreSQL) read it. */
export interface EntryRow {
  partition: string;
  key: string;
  value: string;
  owner: string;
  access_level: string;
  team_id: string | null;
  swarm_id: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

export function entryFromRow(row: EntryRow): MemoryEntry {
  const entry: MemoryEntry = {
    key: row.key,
    partition: row.partition,
    value: JSON.parse(row.value) as unknown,
    owner: row.owner,
    accessLevel: row.access_level as AccessLevel,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.team_id !== null) entry.teamId = row.team_id;
  if (row.swarm_id !== null) entry.swarmId = row.swarm_id;
  if (row.expires_at !== null) entry.expiresAt = row.expires_at;
  return entry;
}

/**
 * A row of a store's routing/costs view: an entries row (value set) or a ledger row (value NULL, the record in the
 * c_ columns). SQLite gives `c_estimated` as 0/1, PostgreSQL as a boolean.
 */
export interface CostViewRow extends Omit<EntryRow, 'value'> {
  value: string | null;
  c_task: string | null;
  c_model: string;
  c_agent: string;
  c_in: number;
  c_out: number;
  c_cost: number;
  c_estimated: boolean | number;
  c_at: number;
  c_day: string;
  c_month: string;
  c_status: string;
}

/** An entries row, or a ledger row of the routing/costs view (its value is the cost record). */
export function entryFromViewRow(row: CostViewRow): MemoryEntry {
  if (row.value !== null) return entryFromRow(row as EntryRow);
  const value: CostRecord = {
    taskId: row.c_task!, modelName: row.c_model, agentType: row.c_agent, inputTokens: row.c_in, outputTokens: row.c_out,
    cost: row.c_cost, estimated: row.c_estimated === true || row.c_estimated === 1, at: row.c_at, day: row.c_day, month: row.c_month,
    status: row.c_status as CostStatus,
  };
  return { key: row.key, partition: row.partition, value, owner: row.owner, accessLevel: row.access_level as AccessLevel, createdAt: row.created_at, updatedAt: row.updated_at };
}
