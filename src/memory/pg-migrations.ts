import type { PoolClient } from 'pg';
import { AqeError, ErrorCodes } from '../errors.js';
import type { Migration } from './migrations.js';

/**
 * Forward-only schema migrations for the PostgreSQL store, recorded in aqe_schema_version. Append new steps
 * with the next version number; never edit a step that has shipped.
 *
 * Text columns that are ordered or prefix-matched use COLLATE "C" so ordering is bytewise, as in SQLite.
 * Money is double precision (SQLite REAL) so both stores round the same way.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'entries, cost records, budget totals, process owners, reservations carrying their owner',
    sql: `
      CREATE TABLE aqe_entries (
        partition    TEXT COLLATE "C" NOT NULL,
        key          TEXT COLLATE "C" NOT NULL,
        value        TEXT   NOT NULL,
        owner        TEXT   NOT NULL,
        access_level TEXT   NOT NULL,
        team_id      TEXT,
        swarm_id     TEXT,
        created_at   BIGINT NOT NULL,
        updated_at   BIGINT NOT NULL,
        expires_at   BIGINT,
        PRIMARY KEY (partition, key)
      );
      CREATE INDEX aqe_entries_expires_at ON aqe_entries (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX aqe_entries_partition_updated ON aqe_entries (partition, updated_at);

      CREATE TABLE aqe_cost_records (
        id             BIGSERIAL PRIMARY KEY,
        reservation_id TEXT UNIQUE,
        task_id        TEXT    NOT NULL,
        model_name     TEXT    NOT NULL,
        agent_type     TEXT    NOT NULL,
        input_tokens   BIGINT  NOT NULL,
        output_tokens  BIGINT  NOT NULL,
        cost           DOUBLE PRECISION NOT NULL,
        estimated      BOOLEAN NOT NULL,
        at             BIGINT  NOT NULL,
        day            TEXT    NOT NULL,
        month          TEXT    NOT NULL,
        status         TEXT    NOT NULL DEFAULT 'settled' CHECK (status IN ('settled', 'unsettled', 'simulated'))
      );
      CREATE INDEX aqe_cost_records_at ON aqe_cost_records (at);

      -- One row per budget window and period: every reservation of that window locks it (FOR UPDATE), which
      -- serialises them across all replicas; settlements add to it in the same transaction.
      CREATE TABLE aqe_budget_totals (
        kind      TEXT NOT NULL CHECK (kind IN ('daily', 'monthly')),
        period    TEXT NOT NULL,
        spent     DOUBLE PRECISION NOT NULL DEFAULT 0,
        simulated DOUBLE PRECISION NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, period)
      );

      CREATE TABLE aqe_process_owners (
        id           TEXT    PRIMARY KEY,
        role         TEXT    NOT NULL,
        pid          INTEGER NOT NULL,
        host         TEXT    NOT NULL,
        started_at   BIGINT  NOT NULL,
        heartbeat_at BIGINT  NOT NULL,
        state        TEXT    NOT NULL CHECK (state IN ('alive', 'stopped', 'dead')),
        ended_at     BIGINT,
        claimed_by   TEXT
      );
      CREATE INDEX aqe_process_owners_state_heartbeat ON aqe_process_owners (state, heartbeat_at);

      CREATE TABLE aqe_budget_reservations (
        id         TEXT PRIMARY KEY,
        task_id    TEXT NOT NULL,
        amount     DOUBLE PRECISION NOT NULL,
        day        TEXT NOT NULL,
        month      TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        owner_id   TEXT,
        model_name TEXT,
        agent_type TEXT
      );
      CREATE INDEX aqe_budget_reservations_day ON aqe_budget_reservations (day);
      CREATE INDEX aqe_budget_reservations_month ON aqe_budget_reservations (month);
      CREATE INDEX aqe_budget_reservations_owner ON aqe_budget_reservations (owner_id);
    `,
  },
  {
    version: 2,
    description: 'reserve, settle and book orphans as server-side functions (one round trip while budget rows are locked)',
    sql: `
      -- Locks (creating if needed) one budget row; returns it.
      CREATE FUNCTION aqe_lock_budget(p_kind TEXT, p_period TEXT, OUT spent DOUBLE PRECISION, OUT simulated DOUBLE PRECISION)
      LANGUAGE plpgsql AS $$
      BEGIN
        SELECT t.spent, t.simulated INTO spent, simulated FROM aqe_budget_totals t
          WHERE t.kind = p_kind AND t.period = p_period FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO aqe_budget_totals (kind, period) VALUES (p_kind, p_period) ON CONFLICT DO NOTHING;
          SELECT t.spent, t.simulated INTO spent, simulated FROM aqe_budget_totals t
            WHERE t.kind = p_kind AND t.period = p_period FOR UPDATE;
        END IF;
      END $$;

      -- Adds a cost to one day's and one month's totals: daily row first, then monthly (the global lock order).
      CREATE FUNCTION aqe_add_totals(p_day TEXT, p_month TEXT, p_status TEXT, p_cost DOUBLE PRECISION) RETURNS VOID
      LANGUAGE plpgsql AS $$
      DECLARE
        v_spent DOUBLE PRECISION := CASE WHEN p_status = 'simulated' THEN 0 ELSE p_cost END;
        v_sim DOUBLE PRECISION := CASE WHEN p_status = 'simulated' THEN p_cost ELSE 0 END;
      BEGIN
        INSERT INTO aqe_budget_totals AS t (kind, period, spent, simulated) VALUES ('daily', p_day, v_spent, v_sim)
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent, simulated = t.simulated + excluded.simulated;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent, simulated) VALUES ('monthly', p_month, v_spent, v_sim)
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent, simulated = t.simulated + excluded.simulated;
      END $$;

      -- Windows arrive daily first, then monthly. Holds p_amount, or what is left when that is >= p_min.
      CREATE FUNCTION aqe_reserve(
        p_id TEXT, p_task TEXT, p_owner TEXT, p_model TEXT, p_agent TEXT, p_amount DOUBLE PRECISION,
        p_min DOUBLE PRECISION, p_count_simulated BOOLEAN, p_day TEXT, p_month TEXT, p_now BIGINT,
        p_names TEXT[], p_periods TEXT[], p_limits DOUBLE PRECISION[], p_epsilon DOUBLE PRECISION,
        OUT ok BOOLEAN, OUT amount DOUBLE PRECISION, OUT budget TEXT, OUT used DOUBLE PRECISION, OUT lim DOUBLE PRECISION)
      LANGUAGE plpgsql AS $$
      DECLARE
        i INT;
        v_row RECORD;
        v_held DOUBLE PRECISION;
        v_left DOUBLE PRECISION;
        v_hold DOUBLE PRECISION := p_amount;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
          SELECT * INTO v_row FROM aqe_lock_budget(p_names[i], p_periods[i]);
          IF p_names[i] = 'daily' THEN
            SELECT coalesce(sum(r.amount), 0) INTO v_held FROM aqe_budget_reservations r WHERE r.day = p_periods[i];
          ELSE
            SELECT coalesce(sum(r.amount), 0) INTO v_held FROM aqe_budget_reservations r WHERE r.month = p_periods[i];
          END IF;
          used := v_row.spent + v_held + CASE WHEN p_count_simulated THEN v_row.simulated ELSE 0 END;
          v_left := p_limits[i] - used;
          CONTINUE WHEN v_left + p_epsilon >= v_hold;
          IF v_left + p_epsilon >= p_min AND v_left > 0 THEN
            v_hold := v_left;
          ELSE
            ok := false; budget := p_names[i]; lim := p_limits[i];
            RETURN;
          END IF;
        END LOOP;
        INSERT INTO aqe_budget_reservations (id, task_id, amount, day, month, created_at, owner_id, model_name, agent_type)
          VALUES (p_id, p_task, v_hold, p_day, p_month, p_now, p_owner, p_model, p_agent);
        ok := true; amount := v_hold; used := NULL;
      END $$;

      -- Records a cost once per reservation (the seed's routing/costs entry too). A reservation already booked
      -- as unsettled (its owner was declared dead) is corrected to the real cost.
      CREATE FUNCTION aqe_settle(
        p_reservation TEXT, p_task TEXT, p_model TEXT, p_agent TEXT, p_in BIGINT, p_out BIGINT,
        p_cost DOUBLE PRECISION, p_estimated BOOLEAN, p_at BIGINT, p_day TEXT, p_month TEXT, p_status TEXT,
        p_entry_partition TEXT, p_entry_key TEXT, p_entry_value TEXT, p_now BIGINT) RETURNS TEXT
      LANGUAGE plpgsql AS $$
      DECLARE
        v_id BIGINT;
        v_old RECORD;
      BEGIN
        DELETE FROM aqe_budget_reservations WHERE id = p_reservation;
        INSERT INTO aqe_cost_records
          (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
          VALUES (p_reservation, p_task, p_model, p_agent, p_in, p_out, p_cost, p_estimated, p_at, p_day, p_month, p_status)
          ON CONFLICT (reservation_id) DO NOTHING RETURNING id INTO v_id;
        IF v_id IS NOT NULL THEN
          PERFORM aqe_add_totals(p_day, p_month, p_status, p_cost);
          INSERT INTO aqe_entries AS e (partition, key, value, owner, access_level, created_at, updated_at)
            VALUES (p_entry_partition, p_entry_key, p_entry_value, 'system', 'system', p_at, p_at)
            ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, expires_at = NULL;
          RETURN 'recorded';
        END IF;
        SELECT id, cost, status, day, month INTO v_old FROM aqe_cost_records WHERE reservation_id = p_reservation FOR UPDATE;
        IF v_old.status IS DISTINCT FROM 'unsettled' THEN
          RETURN 'duplicate';
        END IF;
        UPDATE aqe_cost_records SET input_tokens = p_in, output_tokens = p_out, cost = p_cost, estimated = p_estimated,
          status = p_status, model_name = p_model WHERE id = v_old.id;
        PERFORM aqe_add_totals(v_old.day, v_old.month, 'unsettled', -v_old.cost);
        PERFORM aqe_add_totals(v_old.day, v_old.month, p_status, p_cost);
        INSERT INTO aqe_entries AS e (partition, key, value, owner, access_level, created_at, updated_at)
          VALUES (p_entry_partition, p_entry_key,
                  (p_entry_value::jsonb || jsonb_build_object('day', v_old.day, 'month', v_old.month))::text,
                  'system', 'system', p_at, p_now)
          ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, expires_at = NULL;
        RETURN 'corrected';
      END $$;

      -- Books every reservation whose owner is not alive as an unsettled cost at the reserved amount. Callers
      -- are serialised (advisory lock), and budget rows are locked dailies first, then monthlies.
      CREATE FUNCTION aqe_book_orphans() RETURNS SETOF aqe_cost_records
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7264002);
        CREATE TEMP TABLE IF NOT EXISTS aqe_booked (LIKE aqe_cost_records) ON COMMIT DELETE ROWS;
        DELETE FROM aqe_booked;
        WITH gone AS (
          DELETE FROM aqe_budget_reservations r
          WHERE r.owner_id IS NULL
             OR NOT EXISTS (SELECT 1 FROM aqe_process_owners o WHERE o.id = r.owner_id AND o.state = 'alive')
          RETURNING r.*
        ), booked AS (
          INSERT INTO aqe_cost_records
            (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
          SELECT id, task_id, coalesce(model_name, 'unknown'), coalesce(agent_type, 'unknown'), 0, 0, amount, true,
                 created_at, day, month, 'unsettled' FROM gone
          ON CONFLICT (reservation_id) DO NOTHING
          RETURNING *
        )
        INSERT INTO aqe_booked SELECT * FROM booked;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent)
          SELECT 'daily', day, sum(cost) FROM aqe_booked GROUP BY day ORDER BY day
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent)
          SELECT 'monthly', month, sum(cost) FROM aqe_booked GROUP BY month ORDER BY month
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent;
        RETURN QUERY SELECT * FROM aqe_booked ORDER BY at, id;
      END $$;
    `,
  },
  {
    version: 3,
    description: 'budget slices: per-process reservation rows with spend accumulators, a journal of calls in flight, one-round-trip group commits',
    sql: `
      -- A slice row accumulates the money settled through it (spent, simulated) until it is returned or booked,
      -- so a group commit that only settles touches no shared row (commits of different replicas do not queue
      -- on the totals rows through each other's WAL flush). Window use = totals + accumulators + held.
      ALTER TABLE aqe_budget_reservations ADD COLUMN spent DOUBLE PRECISION NOT NULL DEFAULT 0;
      ALTER TABLE aqe_budget_reservations ADD COLUMN simulated DOUBLE PRECISION NOT NULL DEFAULT 0;

      CREATE TABLE aqe_budget_slice_calls (
        id         TEXT PRIMARY KEY,
        slice_id   TEXT NOT NULL,
        task_id    TEXT NOT NULL,
        model_name TEXT NOT NULL,
        agent_type TEXT NOT NULL,
        amount     DOUBLE PRECISION NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX aqe_budget_slice_calls_slice ON aqe_budget_slice_calls (slice_id);

      -- Spent (settled + unsettled), held and simulated in one window, in one snapshot. (plpgsql: its plans are
      -- cached per connection; a SQL function would be planned again on every call.)
      CREATE FUNCTION aqe_window_usage(p_kind TEXT, p_period TEXT,
        OUT spent DOUBLE PRECISION, OUT reserved DOUBLE PRECISION, OUT simulated DOUBLE PRECISION)
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF p_kind = 'daily' THEN
          SELECT coalesce(t.spent, 0) + r.spent, r.held, coalesce(t.simulated, 0) + r.simulated INTO spent, reserved, simulated
          FROM (SELECT coalesce(sum(x.spent), 0) AS spent, coalesce(sum(x.amount), 0) AS held, coalesce(sum(x.simulated), 0) AS simulated
                FROM aqe_budget_reservations x WHERE x.day = p_period) r
          LEFT JOIN aqe_budget_totals t ON t.kind = 'daily' AND t.period = p_period;
        ELSE
          SELECT coalesce(t.spent, 0) + r.spent, r.held, coalesce(t.simulated, 0) + r.simulated INTO spent, reserved, simulated
          FROM (SELECT coalesce(sum(x.spent), 0) AS spent, coalesce(sum(x.amount), 0) AS held, coalesce(sum(x.simulated), 0) AS simulated
                FROM aqe_budget_reservations x WHERE x.month = p_period) r
          LEFT JOIN aqe_budget_totals t ON t.kind = 'monthly' AND t.period = p_period;
        END IF;
      END $$;

      CREATE OR REPLACE FUNCTION aqe_reserve(
        p_id TEXT, p_task TEXT, p_owner TEXT, p_model TEXT, p_agent TEXT, p_amount DOUBLE PRECISION,
        p_min DOUBLE PRECISION, p_count_simulated BOOLEAN, p_day TEXT, p_month TEXT, p_now BIGINT,
        p_names TEXT[], p_periods TEXT[], p_limits DOUBLE PRECISION[], p_epsilon DOUBLE PRECISION,
        OUT ok BOOLEAN, OUT amount DOUBLE PRECISION, OUT budget TEXT, OUT used DOUBLE PRECISION, OUT lim DOUBLE PRECISION)
      LANGUAGE plpgsql AS $$
      DECLARE
        i INT;
        v_u RECORD;
        v_left DOUBLE PRECISION;
        v_hold DOUBLE PRECISION := p_amount;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
          PERFORM aqe_lock_budget(p_names[i], p_periods[i]);
          SELECT * INTO v_u FROM aqe_window_usage(p_names[i], p_periods[i]);
          used := v_u.spent + v_u.reserved + CASE WHEN p_count_simulated THEN v_u.simulated ELSE 0 END;
          v_left := p_limits[i] - used;
          CONTINUE WHEN v_left + p_epsilon >= v_hold;
          IF v_left + p_epsilon >= p_min AND v_left > 0 THEN
            v_hold := v_left;
          ELSE
            ok := false; budget := p_names[i]; lim := p_limits[i];
            RETURN;
          END IF;
        END LOOP;
        INSERT INTO aqe_budget_reservations (id, task_id, amount, day, month, created_at, owner_id, model_name, agent_type)
          VALUES (p_id, p_task, v_hold, p_day, p_month, p_now, p_owner, p_model, p_agent);
        ok := true; amount := v_hold; used := NULL;
      END $$;

      -- One group commit of a process's slice (see SliceCommit in src/memory/types.ts), in one round trip.
      CREATE FUNCTION aqe_commit_slice(
        p_slice TEXT, p_owner TEXT, p_known BOOLEAN, p_day TEXT, p_month TEXT, p_now BIGINT, p_count_simulated BOOLEAN,
        p_names TEXT[], p_periods TEXT[], p_limits DOUBLE PRECISION[],
        s_ids TEXT[], s_tasks TEXT[], s_models TEXT[], s_agents TEXT[], s_in BIGINT[], s_out BIGINT[],
        s_costs DOUBLE PRECISION[], s_est BOOLEAN[], s_at BIGINT[], s_days TEXT[], s_months TEXT[], s_status TEXT[],
        s_held BOOLEAN[], s_entries TEXT[],
        c_ids TEXT[], c_tasks TEXT[], c_models TEXT[], c_agents TEXT[], c_amounts DOUBLE PRECISION[],
        p_ended TEXT[], p_floor DOUBLE PRECISION, p_need DOUBLE PRECISION, p_extra DOUBLE PRECISION,
        p_fraction DOUBLE PRECISION, p_exact_below DOUBLE PRECISION, p_epsilon DOUBLE PRECISION, p_partition TEXT,
        OUT amount DOUBLE PRECISION, OUT lost BOOLEAN,
        OUT u_spent DOUBLE PRECISION[], OUT u_reserved DOUBLE PRECISION[], OUT u_simulated DOUBLE PRECISION[])
      LANGUAGE plpgsql AS $$
      DECLARE
        v_row RECORD;
        v_ins TEXT[];
        v_moved DOUBLE PRECISION := 0;
        v_acc_spent DOUBLE PRECISION := 0;
        v_acc_sim DOUBLE PRECISION := 0;
        v_current DOUBLE PRECISION;
        v_avail DOUBLE PRECISION;
        v_left DOUBLE PRECISION;
        v_u RECORD;
        v_old RECORD;
        v_by DOUBLE PRECISION;
        i INT;
        r RECORD;
      BEGIN
        SELECT x.amount, x.spent, x.simulated INTO v_row FROM aqe_budget_reservations x WHERE x.id = p_slice FOR UPDATE;
        lost := p_known AND NOT FOUND;
        -- Settled calls: one multi-row insert (each reservation id recorded once) and their routing/costs entries.
        IF coalesce(array_length(s_ids, 1), 0) > 0 THEN
          WITH s AS (
            SELECT * FROM unnest(s_ids, s_tasks, s_models, s_agents, s_in, s_out, s_costs, s_est, s_at, s_days, s_months, s_status, s_held, s_entries)
              AS t(id, task, model, agent, tin, tout, cost, est, at, day, month, status, held, entry)
          ), ins AS (
            INSERT INTO aqe_cost_records
              (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
            SELECT id, task, model, agent, tin, tout, cost, est, at, day, month, status FROM s
            ON CONFLICT (reservation_id) DO NOTHING
            RETURNING reservation_id
          ), ent AS (
            INSERT INTO aqe_entries AS e (partition, key, value, owner, access_level, created_at, updated_at)
            SELECT p_partition, s.task || ':' || s.id, s.entry, 'system', 'system', s.at, s.at FROM s JOIN ins ON ins.reservation_id = s.id
            ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, expires_at = NULL
            RETURNING 1
          )
          SELECT array_agg(s.id),
                 coalesce(sum(s.cost) FILTER (WHERE s.held AND (s.status <> 'simulated' OR p_count_simulated)), 0),
                 coalesce(sum(s.cost) FILTER (WHERE s.status <> 'simulated' AND s.day = p_day AND s.month = p_month), 0),
                 coalesce(sum(s.cost) FILTER (WHERE s.status = 'simulated' AND s.day = p_day AND s.month = p_month), 0)
            INTO v_ins, v_moved, v_acc_spent, v_acc_sim
            FROM s JOIN ins ON ins.reservation_id = s.id;
          v_ins := coalesce(v_ins, '{}');
          -- Records of another day (rare) go straight to the totals.
          FOR r IN SELECT day, month, status, cost FROM unnest(s_ids, s_days, s_months, s_status, s_costs) AS t(id, day, month, status, cost)
                   WHERE id = ANY(v_ins) AND (day <> p_day OR month <> p_month) LOOP
            PERFORM aqe_add_totals(r.day, r.month, r.status, r.cost);
          END LOOP;
          -- Already recorded: a call booked as unsettled by a survivor is corrected to its real cost.
          FOR i IN 1 .. array_length(s_ids, 1) LOOP
            CONTINUE WHEN s_ids[i] = ANY(v_ins);
            PERFORM aqe_settle(s_ids[i], s_tasks[i], s_models[i], s_agents[i], s_in[i], s_out[i], s_costs[i], s_est[i], s_at[i],
              s_days[i], s_months[i], s_status[i], p_partition, s_tasks[i] || ':' || s_ids[i], s_entries[i], p_now);
          END LOOP;
        END IF;
        IF coalesce(array_length(p_ended, 1), 0) > 0 THEN
          DELETE FROM aqe_budget_slice_calls WHERE id = ANY(p_ended);
        END IF;
        IF lost THEN
          -- A survivor booked the slice: what it settled since is in the slice's unsettled record; take it out.
          IF v_acc_spent > 0 THEN PERFORM aqe_add_totals(p_day, p_month, 'settled', v_acc_spent); END IF;
          IF v_acc_sim > 0 THEN PERFORM aqe_add_totals(p_day, p_month, 'simulated', v_acc_sim); END IF;
          SELECT id, cost, day, month INTO v_old FROM aqe_cost_records WHERE reservation_id = p_slice AND status = 'unsettled' FOR UPDATE;
          IF FOUND AND v_moved > 0 THEN
            v_by := least(v_old.cost, v_moved);
            UPDATE aqe_cost_records SET cost = cost - v_by WHERE id = v_old.id;
            PERFORM aqe_add_totals(v_old.day, v_old.month, 'unsettled', -v_by);
          END IF;
          amount := 0;
        ELSE
          v_current := coalesce(v_row.amount, 0) - v_moved;
          -- Keep (or shrink) without looking at the windows; grow only under their locks.
          IF v_current > p_need + p_extra + p_epsilon THEN
            amount := greatest(p_floor, p_need + p_extra);
          ELSIF v_current + p_epsilon >= p_need + p_extra / 4 THEN
            amount := v_current;
          ELSE
            v_avail := 'Infinity';
            FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
              CONTINUE WHEN p_limits[i] = 'Infinity';
              PERFORM aqe_lock_budget(p_names[i], p_periods[i]);
              SELECT * INTO v_u FROM aqe_window_usage(p_names[i], p_periods[i]);
              -- The row still holds its old amount (this commit's settled costs included): the slice may be what
              -- the limit leaves after everyone else's use and the costs this commit moves to spent.
              v_avail := least(v_avail, p_limits[i] - (v_u.spent + v_u.reserved + CASE WHEN p_count_simulated THEN v_u.simulated ELSE 0 END)
                                + coalesce(v_row.amount, 0) - v_moved);
            END LOOP;
            IF v_avail + p_epsilon >= p_need THEN
              v_left := greatest(0, v_avail - p_need);
              amount := p_need + CASE WHEN v_left < p_exact_below THEN 0 ELSE least(p_extra, v_left * p_fraction) END;
            ELSE
              amount := greatest(p_floor, least(p_need, v_avail));
            END IF;
          END IF;
          IF amount <= p_epsilon AND p_floor <= 0 THEN
            amount := 0;
            -- Returned: fold what it accumulated into the totals, drop the row.
            IF v_row.amount IS NOT NULL THEN
              DELETE FROM aqe_budget_reservations WHERE id = p_slice;
            END IF;
            IF coalesce(v_row.spent, 0) + v_acc_spent > 0 THEN
              PERFORM aqe_add_totals(p_day, p_month, 'settled', coalesce(v_row.spent, 0) + v_acc_spent);
            END IF;
            IF coalesce(v_row.simulated, 0) + v_acc_sim > 0 THEN
              PERFORM aqe_add_totals(p_day, p_month, 'simulated', coalesce(v_row.simulated, 0) + v_acc_sim);
            END IF;
          ELSE
            INSERT INTO aqe_budget_reservations AS x (id, task_id, amount, day, month, created_at, owner_id, spent, simulated)
              VALUES (p_slice, 'slice:' || p_owner, amount, p_day, p_month, p_now, p_owner, v_acc_spent, v_acc_sim)
              ON CONFLICT (id) DO UPDATE SET amount = excluded.amount, spent = x.spent + excluded.spent, simulated = x.simulated + excluded.simulated;
            IF coalesce(array_length(c_ids, 1), 0) > 0 THEN
              INSERT INTO aqe_budget_slice_calls (id, slice_id, task_id, model_name, agent_type, amount, created_at)
              SELECT id, p_slice, task, model, agent, amt, p_now FROM unnest(c_ids, c_tasks, c_models, c_agents, c_amounts) AS t(id, task, model, agent, amt)
              ON CONFLICT (id) DO NOTHING;
            END IF;
          END IF;
        END IF;
        u_spent := '{}'; u_reserved := '{}'; u_simulated := '{}';
        FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
          SELECT * INTO v_u FROM aqe_window_usage(p_names[i], p_periods[i]);
          u_spent := u_spent || v_u.spent; u_reserved := u_reserved || v_u.reserved; u_simulated := u_simulated || v_u.simulated;
        END LOOP;
      END $$;

      CREATE OR REPLACE FUNCTION aqe_book_orphans() RETURNS SETOF aqe_cost_records
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7264002);
        CREATE TEMP TABLE IF NOT EXISTS aqe_booked (LIKE aqe_cost_records) ON COMMIT DELETE ROWS;
        DELETE FROM aqe_booked;
        CREATE TEMP TABLE IF NOT EXISTS aqe_gone (LIKE aqe_budget_reservations) ON COMMIT DELETE ROWS;
        DELETE FROM aqe_gone;
        WITH gone AS (
          DELETE FROM aqe_budget_reservations r
          WHERE r.owner_id IS NULL
             OR NOT EXISTS (SELECT 1 FROM aqe_process_owners o WHERE o.id = r.owner_id AND o.state = 'alive')
          RETURNING r.*
        )
        INSERT INTO aqe_gone SELECT * FROM gone;
        -- A slice's accumulated spend was already money spent: into the totals as it is.
        INSERT INTO aqe_budget_totals AS t (kind, period, spent, simulated)
          SELECT 'daily', day, sum(spent), sum(simulated) FROM aqe_gone GROUP BY day ORDER BY day
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent, simulated = t.simulated + excluded.simulated;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent, simulated)
          SELECT 'monthly', month, sum(spent), sum(simulated) FROM aqe_gone GROUP BY month ORDER BY month
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent, simulated = t.simulated + excluded.simulated;
        -- Journaled calls in flight by name, at their bound (never more than the slice held); the rest of each
        -- reservation as one record.
        WITH calls AS (
          DELETE FROM aqe_budget_slice_calls c USING aqe_gone g WHERE c.slice_id = g.id
          RETURNING c.*, g.day, g.month, g.created_at AS g_at, g.amount AS g_amount
        ), ranked AS (
          SELECT c.*, least(c.amount, greatest(0, c.g_amount - coalesce(sum(c.amount) OVER (PARTITION BY c.slice_id ORDER BY c.created_at, c.id
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS booked FROM calls c
        ), rest AS (
          SELECT g.*, g.amount - coalesce((SELECT sum(k.booked) FROM ranked k WHERE k.slice_id = g.id), 0) AS left_over,
                 EXISTS (SELECT 1 FROM ranked k WHERE k.slice_id = g.id) AS has_calls
          FROM aqe_gone g
        ), booked AS (
          INSERT INTO aqe_cost_records
            (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
          SELECT id, task_id, model_name, agent_type, 0, 0, booked, true, g_at, day, month, 'unsettled' FROM ranked
          UNION ALL
          SELECT id, task_id, coalesce(model_name, 'unknown'), coalesce(agent_type, 'unknown'), 0, 0, left_over, true,
                 created_at, day, month, 'unsettled' FROM rest WHERE NOT has_calls OR left_over > 1e-9
          ON CONFLICT (reservation_id) DO NOTHING
          RETURNING *
        )
        INSERT INTO aqe_booked SELECT * FROM booked;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent)
          SELECT 'daily', day, sum(cost) FROM aqe_booked GROUP BY day ORDER BY day
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent;
        INSERT INTO aqe_budget_totals AS t (kind, period, spent)
          SELECT 'monthly', month, sum(cost) FROM aqe_booked GROUP BY month ORDER BY month
          ON CONFLICT (kind, period) DO UPDATE SET spent = t.spent + excluded.spent;
        RETURN QUERY SELECT * FROM aqe_booked ORDER BY at, id;
      END $$;
    `,
  },
  {
    version: 4,
    description: 'work queue for aqe worker / aqe run --workers (claimed with SKIP LOCKED, leased to a process owner)',
    sql: `
      CREATE TABLE aqe_jobs (
        queue        TEXT    NOT NULL,
        id           TEXT    NOT NULL,
        seq          INTEGER NOT NULL,
        task         TEXT    NOT NULL,
        state        TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
        owner_id     TEXT,
        attempts     INTEGER NOT NULL DEFAULT 0,
        outcome      TEXT,
        result       TEXT,
        enqueued_at  BIGINT  NOT NULL,
        started_at   BIGINT,
        ended_at     BIGINT,
        PRIMARY KEY (queue, id)
      );
      CREATE INDEX aqe_jobs_open ON aqe_jobs (queue, seq) WHERE state <> 'done';
    `,
  },
  {
    version: 5,
    description: 'routing/costs read from the ledger: settling no longer copies each cost record into aqe_entries',
    sql: `
      -- Records a cost once per reservation; a reservation already booked as unsettled (its owner was declared
      -- dead) is corrected to the real cost. The routing/costs entry is the ledger row itself (pg-store reads the
      -- partition from aqe_cost_records); the p_entry_* parameters stay for the signature and are unused.
      CREATE OR REPLACE FUNCTION aqe_settle(
        p_reservation TEXT, p_task TEXT, p_model TEXT, p_agent TEXT, p_in BIGINT, p_out BIGINT,
        p_cost DOUBLE PRECISION, p_estimated BOOLEAN, p_at BIGINT, p_day TEXT, p_month TEXT, p_status TEXT,
        p_entry_partition TEXT, p_entry_key TEXT, p_entry_value TEXT, p_now BIGINT) RETURNS TEXT
      LANGUAGE plpgsql AS $$
      DECLARE
        v_id BIGINT;
        v_old RECORD;
      BEGIN
        DELETE FROM aqe_budget_reservations WHERE id = p_reservation;
        INSERT INTO aqe_cost_records
          (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
          VALUES (p_reservation, p_task, p_model, p_agent, p_in, p_out, p_cost, p_estimated, p_at, p_day, p_month, p_status)
          ON CONFLICT (reservation_id) DO NOTHING RETURNING id INTO v_id;
        IF v_id IS NOT NULL THEN
          PERFORM aqe_add_totals(p_day, p_month, p_status, p_cost);
          RETURN 'recorded';
        END IF;
        SELECT id, cost, status, day, month INTO v_old FROM aqe_cost_records WHERE reservation_id = p_reservation FOR UPDATE;
        IF v_old.status IS DISTINCT FROM 'unsettled' THEN
          RETURN 'duplicate';
        END IF;
        UPDATE aqe_cost_records SET input_tokens = p_in, output_tokens = p_out, cost = p_cost, estimated = p_estimated,
          status = p_status, model_name = p_model WHERE id = v_old.id;
        PERFORM aqe_add_totals(v_old.day, v_old.month, 'unsettled', -v_old.cost);
        PERFORM aqe_add_totals(v_old.day, v_old.month, p_status, p_cost);
        RETURN 'corrected';
      END $$;

      -- One group commit of a process's slice (see SliceCommit in src/memory/types.ts), in one round trip, as in
      -- version 3 without the routing/costs copies (s_entries and p_partition are unused).
      CREATE OR REPLACE FUNCTION aqe_commit_slice(
        p_slice TEXT, p_owner TEXT, p_known BOOLEAN, p_day TEXT, p_month TEXT, p_now BIGINT, p_count_simulated BOOLEAN,
        p_names TEXT[], p_periods TEXT[], p_limits DOUBLE PRECISION[],
        s_ids TEXT[], s_tasks TEXT[], s_models TEXT[], s_agents TEXT[], s_in BIGINT[], s_out BIGINT[],
        s_costs DOUBLE PRECISION[], s_est BOOLEAN[], s_at BIGINT[], s_days TEXT[], s_months TEXT[], s_status TEXT[],
        s_held BOOLEAN[], s_entries TEXT[],
        c_ids TEXT[], c_tasks TEXT[], c_models TEXT[], c_agents TEXT[], c_amounts DOUBLE PRECISION[],
        p_ended TEXT[], p_floor DOUBLE PRECISION, p_need DOUBLE PRECISION, p_extra DOUBLE PRECISION,
        p_fraction DOUBLE PRECISION, p_exact_below DOUBLE PRECISION, p_epsilon DOUBLE PRECISION, p_partition TEXT,
        OUT amount DOUBLE PRECISION, OUT lost BOOLEAN,
        OUT u_spent DOUBLE PRECISION[], OUT u_reserved DOUBLE PRECISION[], OUT u_simulated DOUBLE PRECISION[])
      LANGUAGE plpgsql AS $$
      DECLARE
        v_row RECORD;
        v_ins TEXT[];
        v_moved DOUBLE PRECISION := 0;
        v_acc_spent DOUBLE PRECISION := 0;
        v_acc_sim DOUBLE PRECISION := 0;
        v_current DOUBLE PRECISION;
        v_avail DOUBLE PRECISION;
        v_left DOUBLE PRECISION;
        v_u RECORD;
        v_old RECORD;
        v_by DOUBLE PRECISION;
        i INT;
        r RECORD;
      BEGIN
        SELECT x.amount, x.spent, x.simulated INTO v_row FROM aqe_budget_reservations x WHERE x.id = p_slice FOR UPDATE;
        lost := p_known AND NOT FOUND;
        -- Settled calls: one multi-row insert (each reservation id recorded once).
        IF coalesce(array_length(s_ids, 1), 0) > 0 THEN
          WITH s AS (
            SELECT * FROM unnest(s_ids, s_tasks, s_models, s_agents, s_in, s_out, s_costs, s_est, s_at, s_days, s_months, s_status, s_held, s_entries)
              AS t(id, task, model, agent, tin, tout, cost, est, at, day, month, status, held, entry)
          ), ins AS (
            INSERT INTO aqe_cost_records
              (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
            SELECT id, task, model, agent, tin, tout, cost, est, at, day, month, status FROM s
            ON CONFLICT (reservation_id) DO NOTHING
            RETURNING reservation_id
          )
          SELECT array_agg(s.id),
                 coalesce(sum(s.cost) FILTER (WHERE s.held AND (s.status <> 'simulated' OR p_count_simulated)), 0),
                 coalesce(sum(s.cost) FILTER (WHERE s.status <> 'simulated' AND s.day = p_day AND s.month = p_month), 0),
                 coalesce(sum(s.cost) FILTER (WHERE s.status = 'simulated' AND s.day = p_day AND s.month = p_month), 0)
            INTO v_ins, v_moved, v_acc_spent, v_acc_sim
            FROM s JOIN ins ON ins.reservation_id = s.id;
          v_ins := coalesce(v_ins, '{}');
          -- Records of another day (rare) go straight to the totals.
          FOR r IN SELECT day, month, status, cost FROM unnest(s_ids, s_days, s_months, s_status, s_costs) AS t(id, day, month, status, cost)
                   WHERE id = ANY(v_ins) AND (day <> p_day OR month <> p_month) LOOP
            PERFORM aqe_add_totals(r.day, r.month, r.status, r.cost);
          END LOOP;
          -- Already recorded: a call booked as unsettled by a survivor is corrected to its real cost.
          FOR i IN 1 .. array_length(s_ids, 1) LOOP
            CONTINUE WHEN s_ids[i] = ANY(v_ins);
            PERFORM aqe_settle(s_ids[i], s_tasks[i], s_models[i], s_agents[i], s_in[i], s_out[i], s_costs[i], s_est[i], s_at[i],
              s_days[i], s_months[i], s_status[i], p_partition, s_tasks[i] || ':' || s_ids[i], s_entries[i], p_now);
          END LOOP;
        END IF;
        IF coalesce(array_length(p_ended, 1), 0) > 0 THEN
          DELETE FROM aqe_budget_slice_calls WHERE id = ANY(p_ended);
        END IF;
        IF lost THEN
          -- A survivor booked the slice: what it settled since is in the slice's unsettled record; take it out.
          IF v_acc_spent > 0 THEN PERFORM aqe_add_totals(p_day, p_month, 'settled', v_acc_spent); END IF;
          IF v_acc_sim > 0 THEN PERFORM aqe_add_totals(p_day, p_month, 'simulated', v_acc_sim); END IF;
          SELECT id, cost, day, month INTO v_old FROM aqe_cost_records WHERE reservation_id = p_slice AND status = 'unsettled' FOR UPDATE;
          IF FOUND AND v_moved > 0 THEN
            v_by := least(v_old.cost, v_moved);
            UPDATE aqe_cost_records SET cost = cost - v_by WHERE id = v_old.id;
            PERFORM aqe_add_totals(v_old.day, v_old.month, 'unsettled', -v_by);
          END IF;
          amount := 0;
        ELSE
          v_current := coalesce(v_row.amount, 0) - v_moved;
          -- Keep (or shrink) without looking at the windows; grow only under their locks.
          IF v_current > p_need + p_extra + p_epsilon THEN
            amount := greatest(p_floor, p_need + p_extra);
          ELSIF v_current + p_epsilon >= p_need + p_extra / 4 THEN
            amount := v_current;
          ELSE
            v_avail := 'Infinity';
            FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
              CONTINUE WHEN p_limits[i] = 'Infinity';
              PERFORM aqe_lock_budget(p_names[i], p_periods[i]);
              SELECT * INTO v_u FROM aqe_window_usage(p_names[i], p_periods[i]);
              -- The row still holds its old amount (this commit's settled costs included): the slice may be what
              -- the limit leaves after everyone else's use and the costs this commit moves to spent.
              v_avail := least(v_avail, p_limits[i] - (v_u.spent + v_u.reserved + CASE WHEN p_count_simulated THEN v_u.simulated ELSE 0 END)
                                + coalesce(v_row.amount, 0) - v_moved);
            END LOOP;
            IF v_avail + p_epsilon >= p_need THEN
              v_left := greatest(0, v_avail - p_need);
              amount := p_need + CASE WHEN v_left < p_exact_below THEN 0 ELSE least(p_extra, v_left * p_fraction) END;
            ELSE
              amount := greatest(p_floor, least(p_need, v_avail));
            END IF;
          END IF;
          IF amount <= p_epsilon AND p_floor <= 0 THEN
            amount := 0;
            -- Returned: fold what it accumulated into the totals, drop the row.
            IF v_row.amount IS NOT NULL THEN
              DELETE FROM aqe_budget_reservations WHERE id = p_slice;
            END IF;
            IF coalesce(v_row.spent, 0) + v_acc_spent > 0 THEN
              PERFORM aqe_add_totals(p_day, p_month, 'settled', coalesce(v_row.spent, 0) + v_acc_spent);
            END IF;
            IF coalesce(v_row.simulated, 0) + v_acc_sim > 0 THEN
              PERFORM aqe_add_totals(p_day, p_month, 'simulated', coalesce(v_row.simulated, 0) + v_acc_sim);
            END IF;
          ELSE
            INSERT INTO aqe_budget_reservations AS x (id, task_id, amount, day, month, created_at, owner_id, spent, simulated)
              VALUES (p_slice, 'slice:' || p_owner, amount, p_day, p_month, p_now, p_owner, v_acc_spent, v_acc_sim)
              ON CONFLICT (id) DO UPDATE SET amount = excluded.amount, spent = x.spent + excluded.spent, simulated = x.simulated + excluded.simulated;
            IF coalesce(array_length(c_ids, 1), 0) > 0 THEN
              INSERT INTO aqe_budget_slice_calls (id, slice_id, task_id, model_name, agent_type, amount, created_at)
              SELECT id, p_slice, task, model, agent, amt, p_now FROM unnest(c_ids, c_tasks, c_models, c_agents, c_amounts) AS t(id, task, model, agent, amt)
              ON CONFLICT (id) DO NOTHING;
            END IF;
          END IF;
        END IF;
        u_spent := '{}'; u_reserved := '{}'; u_simulated := '{}';
        FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
          SELECT * INTO v_u FROM aqe_window_usage(p_names[i], p_periods[i]);
          u_spent := u_spent || v_u.spent; u_reserved := u_reserved || v_u.reserved; u_simulated := u_simulated || v_u.simulated;
        END LOOP;
      END $$;
    `,
  },
];

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;

/** Any fixed key: held (transaction-scoped) while migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK = 7_264_001;

async function ensureVersionTable(client: PoolClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS aqe_schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  BIGINT  NOT NULL
  )`);
}

export async function pgSchemaVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>(
    "SELECT CASE WHEN to_regclass('aqe_schema_version') IS NULL THEN 0 ELSE (SELECT max(version) FROM aqe_schema_version) END AS v",
  );
  return rows[0]?.v ?? 0;
}

/**
 * Bring the database up to the last migration in one transaction under an advisory lock. Returns the
 * versions applied. A database newer than this release is refused, naming both versions.
 */
export async function pgMigrate(client: PoolClient, label: string, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number[]> {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await ensureVersionTable(client);
    const current = await pgSchemaVersion(client);
    if (current > latest) {
      throw new AqeError(
        ErrorCodes.MIGRATION,
        `database ${label} has schema version ${current}, newer than this aqe release supports (${latest}); upgrade aqe or use another database.url`,
        { database: label, current, supported: latest },
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new AqeError(
          ErrorCodes.MIGRATION,
          `database ${label}: schema migration ${m.version} (${m.description}) failed: ${(err as Error).message}`,
          { database: label, version: m.version },
          { cause: err },
        );
      }
      await client.query('INSERT INTO aqe_schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.description,
        Date.now(),
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
