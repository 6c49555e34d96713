import type { AccessLevel, MemoryEntry } from './types.js';

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
