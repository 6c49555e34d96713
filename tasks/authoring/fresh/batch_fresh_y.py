from lib import t, lines
# ---------------------------------------------------------------------------
# Batch fresh_y
# Persona: analytics engineer on a data-warehouse team. Lives in dbt (SQL on
# Snowflake and BigQuery), Airflow DAGs, Great Expectations suites and Looker.
# Thinks in models, tests, source freshness and row counts; pedantic about
# metric definitions ("active" means what, exactly?); writes some Python for
# Airflow operators and little helper packages, rarely any JS/TS.
# ---------------------------------------------------------------------------

# 1
t('simple', 'test-execution',
  'Run `dbt test --select stg_stripe__charges` against the dev target and tell me which tests failed and how many failing rows each one returned.',
  fw='dbt', lang=None)

# 2
FCT_ORDERS_SQL = '''
{{
  config(
    materialized='incremental',
    unique_key='order_id',
    incremental_strategy='merge',
    partition_by={'field': 'order_date', 'data_type': 'date'},
    tags=['daily', 'finance']
  )
}}

with orders as (
    select * from {{ ref('stg_shopify__orders') }}
    {% if is_incremental() %}
    where _loaded_at >= timestamp_sub(
        (select max(_loaded_at) from {{ this }}), interval 3 day)
    {% endif %}
),

refunds as (
    select order_id, sum(refund_amount) as refund_amount
    from {{ ref('stg_shopify__refunds') }}
    group by 1
)

select
    o.order_id,
    o.customer_id,
    o.order_date,
    o.currency,
    o.gross_amount,
    coalesce(r.refund_amount, 0) as refund_amount,
    o.gross_amount - coalesce(r.refund_amount, 0) as net_amount,
    o._loaded_at
from orders o
left join refunds r using (order_id)
'''

ORDERS_DAG_PY = '''
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.sensors.external_task import ExternalTaskSensor

DBT = "cd /opt/dbt/warehouse && dbt"

default_args = {
    "owner": "analytics-eng",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}

with DAG(
    dag_id="orders_daily",
    start_date=datetime(2023, 1, 1),
    schedule="0 5 * * *",
    catchup=True,
    max_active_runs=3,
    default_args=default_args,
    tags=["finance"],
) as dag:
    wait_for_fivetran = ExternalTaskSensor(
        task_id="wait_for_shopify_sync",
        external_dag_id="fivetran_shopify",
        external_task_id="sync_done",
        timeout=60 * 60,
        mode="reschedule",
    )

    run_orders = BashOperator(
        task_id="dbt_run_orders",
        bash_command=DBT + " run --select stg_shopify__orders+ --vars '{run_date: {{ ds }}}'",
    )

    test_orders = BashOperator(
        task_id="dbt_test_orders",
        bash_command=DBT + " test --select tag:daily --exclude test_type:relationships",
    )

    wait_for_fivetran >> run_orders >> test_orders
'''

ORDERS_LOG = '''
[2024-05-14T05:02:11.204+0000] {taskinstance.py:1157} INFO - Dependencies all met for <TaskInstance: orders_daily.dbt_run_orders scheduled__2024-05-13T05:00:00+00:00 [queued]>
[2024-05-14T05:02:11.877+0000] {taskinstance.py:1157} INFO - Dependencies all met for <TaskInstance: orders_daily.dbt_run_orders backfill__2024-04-29T05:00:00+00:00 [queued]>
[2024-05-14T05:02:14.019+0000] {subprocess.py:93} INFO - 05:02:14  Running with dbt=1.7.9
[2024-05-14T05:02:14.391+0000] {subprocess.py:93} INFO - 05:02:14  Running with dbt=1.7.9
[2024-05-14T05:02:31.552+0000] {subprocess.py:93} INFO - 05:02:31  1 of 4 START sql view model staging.stg_shopify__orders ............ [RUN]
[2024-05-14T05:02:31.960+0000] {subprocess.py:93} INFO - 05:02:31  1 of 4 START sql view model staging.stg_shopify__orders ............ [RUN]
[2024-05-14T05:02:33.118+0000] {subprocess.py:93} INFO - 05:02:33  3 of 4 START sql incremental model finance.fct_orders ............. [RUN]
[2024-05-14T05:02:33.402+0000] {subprocess.py:93} INFO - 05:02:33  3 of 4 START sql incremental model finance.fct_orders ............. [RUN]
[2024-05-14T05:03:48.700+0000] {subprocess.py:93} INFO - 05:03:48  3 of 4 OK created sql incremental model finance.fct_orders ........ [MERGE (18.2k rows, 1.1 GiB processed) in 75.58s]
[2024-05-14T05:03:51.233+0000] {subprocess.py:93} INFO - 05:03:51  3 of 4 OK created sql incremental model finance.fct_orders ........ [MERGE (18.4k rows, 1.1 GiB processed) in 77.83s]
[2024-05-14T05:04:40.015+0000] {subprocess.py:93} INFO - 05:04:40  Warning in test unique_fct_orders_order_id (models/marts/finance/_finance.yml)
[2024-05-14T05:04:40.016+0000] {subprocess.py:93} INFO - 05:04:40  Got 212 results, configured to warn if != 0
[2024-05-14T05:04:41.870+0000] {subprocess.py:93} INFO - 05:04:41  Done. PASS=11 WARN=1 ERROR=0 SKIP=0 TOTAL=12
'''

ORDERS_VIEW = '''
view: fct_orders {
  sql_table_name: `acme-dw.finance.fct_orders` ;;

  dimension: order_id {
    primary_key: yes
    type: string
    sql: ${TABLE}.order_id ;;
  }

  dimension_group: order {
    type: time
    timeframes: [date, week, month, quarter]
    datatype: date
    sql: ${TABLE}.order_date ;;
  }

  measure: net_revenue {
    type: sum
    value_format_name: usd
    sql: ${TABLE}.net_amount ;;
  }
}
'''

t('complex', 'defect-analysis',
  "Finance keeps telling me the daily revenue tile in Looker is a few hundred dollars too high, but only for days "
  "after we've kicked off a backfill of the orders DAG. Nothing fails, the run is green. I've pasted the model, the DAG, "
  "the log from the last time it happened and the Looker view. What is actually going on and how do we stop it?",
  files=[('models/marts/finance/fct_orders.sql', FCT_ORDERS_SQL),
         ('dags/orders_daily.py', ORDERS_DAG_PY),
         ('logs/orders_daily_2024-05-14.log', ORDERS_LOG),
         ('looker/views/fct_orders.view.lkml', ORDERS_VIEW)],
  reqs=['explain the mechanism, not just the symptom', 'say how to clean up the rows already affected'],
  fw='dbt', lang=None)

# 3
FRESHNESS_PY = '''
"""Source freshness checks we run from Airflow before the marts build."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

log = logging.getLogger(__name__)

FRESHNESS_SQL = """
select table_schema, table_name, last_altered, row_count
from {database}.information_schema.tables
where table_schema = %(schema)s
  and table_type = 'BASE TABLE'
"""


@dataclass
class FreshnessResult:
    table: str
    lag: timedelta | None
    row_count: int | None
    status: str  # "ok" | "warn" | "error" | "missing"


class FreshnessChecker:
    def __init__(self, conn, database: str, warn_after: timedelta, error_after: timedelta):
        if warn_after >= error_after:
            raise ValueError("warn_after must be smaller than error_after")
        self.conn = conn
        self.database = database
        self.warn_after = warn_after
        self.error_after = error_after

    def _fetch(self, schema: str) -> dict[str, tuple[datetime, int]]:
        cur = self.conn.cursor()
        try:
            cur.execute(FRESHNESS_SQL.format(database=self.database), {"schema": schema.upper()})
            return {row[1].lower(): (row[2], row[3]) for row in cur.fetchall()}
        finally:
            cur.close()

    def check(self, schema: str, tables: list[str], now: datetime | None = None) -> list[FreshnessResult]:
        now = now or datetime.now(timezone.utc)
        try:
            found = self._fetch(schema)
        except Exception:
            log.exception("could not read information_schema for %s", schema)
            return [FreshnessResult(t, None, None, "error") for t in tables]

        results = []
        for table in tables:
            meta = found.get(table.lower())
            if meta is None:
                results.append(FreshnessResult(table, None, None, "missing"))
                continue
            last_altered, row_count = meta
            if last_altered.tzinfo is None:
                last_altered = last_altered.replace(tzinfo=timezone.utc)
            lag = now - last_altered
            if row_count == 0 or lag > self.error_after:
                status = "error"
            elif lag > self.warn_after:
                status = "warn"
            else:
                status = "ok"
            results.append(FreshnessResult(table, lag, row_count, status))
        return results
'''
t('medium', 'test-generation',
  'Can you write pytest tests for our freshness checker? It talks to Snowflake through a DB-API connection, so mock the '
  'connection/cursor, no real warehouse.',
  files=[('airflow_plugins/checks/freshness.py', FRESHNESS_PY)],
  reqs=['cover the information_schema failure path and the missing-table path',
        'a naive last_altered timestamp must be treated as UTC',
        'zero rows is an error even when the table is fresh'],
  fw='pytest', lang=None)

# 4
MODELS = ['stg_shopify__orders', 'stg_shopify__refunds', 'stg_shopify__customers', 'stg_stripe__charges',
          'stg_stripe__invoices', 'stg_hubspot__deals', 'stg_hubspot__contacts', 'stg_ga4__events',
          'int_orders_usd', 'int_sessions', 'int_customer_ltv', 'int_invoice_lines',
          'fct_orders', 'fct_refunds', 'fct_sessions', 'fct_subscriptions', 'fct_invoices',
          'dim_customers', 'dim_products', 'dim_channels', 'dim_dates', 'fct_marketing_spend',
          'fct_mrr', 'dim_plans']
def _cov_row(i):
    m = MODELS[i % len(MODELS)]
    layer = 'staging' if m.startswith('stg') else ('intermediate' if m.startswith('int') else 'marts')
    suffix = '' if i < len(MODELS) else '_v%d' % (i // len(MODELS) + 1)
    cols = 6 + (i * 7) % 23
    tested = 0 if (i % 9 == 4 and layer == 'marts') else (i * 5) % (cols + 1)
    return '%-34s %-13s %4d %7d %8s %8s' % (m + suffix, layer, cols, tested,
                                           'yes' if tested and i % 3 else 'no',
                                           'yes' if tested else 'no')
COVERAGE_TXT = ('model                              layer         cols  tested   unique  not_null\n'
                + lines(72, _cov_row))
# why: 72-row table looks heavy but the ask is a mechanical filter (tested == 0 in marts) -> simple
t('simple', 'coverage-analysis',
  'Output of our dbt test-coverage script is below. Just give me the list of marts models that have zero tested columns, nothing else.',
  files=[('reports/dbt_test_coverage.txt', COVERAGE_TXT)],
  fw='dbt', lang=None)

# 5
RUN_SUMMARY = '''
dbt build --target ci --select state:modified+  (invocation 7f3c2e1a)
models:   PASS 14  ERROR 0  SKIP 0
tests:    PASS 61  WARN 3  ERROR 1  SKIP 2
snapshots PASS 1

WARN  accepted_values_fct_orders_currency__USD__EUR__GBP__CAD      4 rows
WARN  dbt_utils_recency_fct_sessions_session_start__day__1          1 row
WARN  not_null_dim_customers_region                               118 rows
ERROR relationships_fct_invoices_customer_id__customer_id__ref_dim_customers_  7 rows
SKIP  unique_fct_mrr_month_customer (upstream error)
SKIP  not_null_fct_mrr_mrr_amount (upstream error)
'''
ROWCOUNT_DIFF = '''
model,prod_rows,ci_rows,pct_change
fct_orders,4812330,4812911,0.01
fct_refunds,210442,210442,0.00
fct_sessions,88120004,87990112,-0.15
fct_invoices,1203388,1203301,-0.01
dim_customers,612004,640117,4.59
fct_mrr,380221,0,-100.00
dim_products,9122,9122,0.00
fct_subscriptions,498210,498377,0.03
'''
FRESHNESS_JSON = '''
{"results": [
  {"unique_id": "source.warehouse.shopify.orders", "status": "pass", "max_loaded_at_time_ago_in_s": 5400},
  {"unique_id": "source.warehouse.stripe.invoices", "status": "warn", "max_loaded_at_time_ago_in_s": 30120},
  {"unique_id": "source.warehouse.hubspot.contacts", "status": "pass", "max_loaded_at_time_ago_in_s": 7200},
  {"unique_id": "source.warehouse.ga4.events", "status": "pass", "max_loaded_at_time_ago_in_s": 14400}
]}
'''
t('medium', 'quality-gate',
  "Need a merge decision on PR #482 (it reworks dim_customers). Our merge criteria are in the requirements. Here's the CI "
  "build summary, the row-count diff against prod and the source freshness from the same run. Pass or block, and why, "
  "metric by metric please.",
  files=[('ci/run_summary.txt', RUN_SUMMARY), ('ci/rowcount_diff.csv', ROWCOUNT_DIFF),
         ('ci/sources.json', FRESHNESS_JSON)],
  reqs=['no ERROR tests on models in the PR or downstream of it',
        'WARNs allowed only if they also warn on prod today',
        'row count change within +/-2% on marts unless explained in the PR description',
        'a failure caused by stale sources is not the PR\'s fault, say so separately'],
  fw='dbt', lang=None)

# 6
EXPORT_OP_PY = '''
import json
import logging

from airflow.models import BaseOperator
from airflow.providers.snowflake.hooks.snowflake import SnowflakeHook

log = logging.getLogger(__name__)


class PartnerExportOperator(BaseOperator):
    """Unloads a filtered slice of a mart to the partner's S3 stage.

    Triggered manually from the UI by account managers with a JSON conf like
    {"partner": "acme", "table": "fct_orders", "where": "order_date >= '2024-01-01'",
     "role": "PARTNER_EXPORT"}
    """

    template_fields = ("partner",)

    def __init__(self, partner="{{ dag_run.conf['partner'] }}", **kwargs):
        super().__init__(**kwargs)
        self.partner = partner

    def execute(self, context):
        conf = context["dag_run"].conf or {}
        table = conf.get("table", "fct_orders")
        where = conf.get("where", "1=1")
        role = conf.get("role", "PARTNER_EXPORT")
        columns = conf.get("columns", ["*"])

        hook = SnowflakeHook(snowflake_conn_id="snowflake_exports")
        stage = f"@exports.partner_stages.{self.partner}_stage"
        sql = [
            f"use role {role}",
            f"""copy into {stage}/{table}/
                from (select {', '.join(columns)} from analytics.marts.{table} where {where})
                file_format = (type = parquet)
                header = true
                overwrite = true""",
        ]
        log.info("running export: %s", json.dumps(sql))
        hook.run(sql, autocommit=True)
        return f"{stage}/{table}/"
'''
EXPORT_DAG_PY = '''
from datetime import datetime
from airflow import DAG
from plugins.operators.partner_export import PartnerExportOperator

with DAG(
    dag_id="partner_export_adhoc",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    params={"partner": "", "table": "fct_orders", "where": "1=1"},
    access_control={"account_managers": {"can_read", "can_edit"}},
) as dag:
    PartnerExportOperator(task_id="export")
'''
t('complex', 'security-scan',
  'Account managers trigger this export DAG from the Airflow UI with a JSON conf. Before we give the role to more people, '
  'tell me what someone with trigger rights could do with it beyond exporting their own partner\'s slice.',
  files=[('plugins/operators/partner_export.py', EXPORT_OP_PY), ('dags/partner_export_adhoc.py', EXPORT_DAG_PY)],
  reqs=['rank findings by impact', 'propose a fix that still lets AMs pick a date range'],
  fw='airflow', lang=None)

# 7
TEST_NAMES = ['not_null_fct_orders_order_id', 'unique_fct_orders_order_id', 'recency_fct_sessions',
              'relationships_fct_invoices_customer_id', 'accepted_values_dim_customers_tier',
              'expect_table_row_count_between_stg_ga4_events', 'unique_dim_customers_customer_id',
              'not_null_fct_mrr_mrr_amount', 'expression_is_true_fct_orders_net_le_gross',
              'equal_rowcount_int_orders_usd_fct_orders']
def _run_row(i):
    run = 1200 + i // len(TEST_NAMES)
    name = TEST_NAMES[i % len(TEST_NAMES)]
    flip = (name.startswith('recency') and run % 4 == 1) or (name.startswith('relationships') and run in (1203, 1208)) \
        or (name.startswith('expect_table') and run % 6 == 0)
    return '%d,2024-06-%02d,%s,%s' % (run, 1 + i // len(TEST_NAMES), name, 'fail' if flip else 'pass')
HISTORY_CSV = 'ci_run,date,test,status\n' + lines(140, _run_row)
t('simple', 'flaky-test-analysis',
  'Here are the per-test results from the last 14 nightly CI runs (no code changes in between on these models). '
  'Which tests flipped between pass and fail at least once, and how many times did each fail?',
  files=[('ci/test_history_june.csv', HISTORY_CSV)], fw='dbt', lang=None)

# 8
BENCH_MD = '''
# fct_sessions rebuild benchmark (BigQuery, on-demand, 2024-06-11)

Each variant run 3x, cache disabled (use_query_cache=false). Source: int_sessions (2.1B rows, 1.4 TiB).

| variant | description                                        | run | slot_ms     | bytes_processed | bytes_billed | elapsed_s |
|---------|----------------------------------------------------|-----|-------------|-----------------|--------------|-----------|
| A       | current: table, full rebuild                        | 1   | 412,330,118 | 1.41 TiB        | 1.41 TiB     | 611       |
| A       |                                                    | 2   | 398,772,004 | 1.41 TiB        | 1.41 TiB     | 587       |
| A       |                                                    | 3   | 420,118,551 | 1.41 TiB        | 1.41 TiB     | 640       |
| B       | incremental merge, partition by session_date        | 1   | 61,220,310  | 1.41 TiB        | 1.41 TiB     | 142       |
| B       |                                                    | 2   | 58,004,998  | 1.41 TiB        | 1.41 TiB     | 131       |
| B       |                                                    | 3   | 60,771,420  | 1.41 TiB        | 1.41 TiB     | 139       |
| C       | insert_overwrite, partition by session_date,        | 1   | 9,881,200   | 22.7 GiB        | 22.7 GiB     | 38        |
|         | cluster by user_pseudo_id, 3-day lookback           |     |             |                 |              |           |
| C       |                                                    | 2   | 10,204,117  | 22.7 GiB        | 22.7 GiB     | 41        |
| C       |                                                    | 3   | 31,660,090  | 22.7 GiB        | 22.7 GiB     | 122       |

Notes: variant B's merge predicate is on session_id only. Variant C run 3 overlapped with the GA4 export job.
'''
t('medium', 'performance-testing',
  'I benchmarked three ways of building fct_sessions. Read the results and tell me which variant to ship and what the '
  'numbers do and do not prove. Sessions can arrive up to 72h late from GA4, so keep that in mind.',
  files=[('docs/benchmarks/fct_sessions_2024-06-11.md', BENCH_MD)],
  reqs=['call out anything in the method that makes a comparison unfair', 'estimate monthly cost difference at $6.25/TiB'],
  fw='dbt', lang=None)

# 9
PHONE_PY = '''
import re

_NON_DIGITS = re.compile(r"[^0-9+]")


def clean_phone(raw: str | None, default_country_code: str = "1") -> str | None:
    """Normalise a CRM phone number to E.164-ish '+<digits>' or None."""
    if raw is None:
        return None
    s = _NON_DIGITS.sub("", raw.strip())
    if not s:
        return None
    if s.startswith("+"):
        digits = s[1:].replace("+", "")
    elif s.startswith("00"):
        digits = s[2:]
    elif len(s) == 10:
        digits = default_country_code + s
    else:
        digits = s
    if len(digits) < 8 or len(digits) > 15:
        return None
    return "+" + digits
'''
t('simple', 'test-generation',
  'Quick one: pytest tests for this phone cleaner we use in the HubSpot staging step.',
  files=[('warehouse_utils/phone.py', PHONE_PY)], fw='pytest', lang=None)

# 10
RETAIL_WEEK_PY = '''
from datetime import date, timedelta


def fiscal_year_start(fy: int) -> date:
    """Retail fiscal year FY starts on the Sunday nearest to Feb 1 of calendar year FY."""
    feb1 = date(fy, 2, 1)
    offset = (feb1.weekday() + 1) % 7  # days since previous Sunday
    if offset <= 3:
        return feb1 - timedelta(days=offset)
    return feb1 + timedelta(days=7 - offset)


def retail_period(d: date) -> tuple[int, int, int]:
    """Return (fiscal_year, fiscal_month 1-12, fiscal_week 1-53) on a 4-5-4 calendar."""
    fy = d.year
    if d < fiscal_year_start(fy):
        fy -= 1
    week = (d - fiscal_year_start(fy)).days // 7 + 1
    pattern = [4, 5, 4] * 4
    cum = 0
    for month, weeks in enumerate(pattern, start=1):
        cum += weeks
        if week <= cum:
            return fy, month, week
    return fy, 12, week
'''
# why: 25 lines with no I/O, but the 53-week-year and year-boundary rules need calendar judgement -> medium
t('medium', 'test-generation',
  'Write tests for our retail calendar helper. The merch team and Looker both depend on it matching the NRF 4-5-4 calendar.',
  files=[('warehouse_utils/retail_calendar.py', RETAIL_WEEK_PY)],
  reqs=['include the 53-week years (e.g. FY2023) and where week 53 lands',
        'dates in late January must map to the previous fiscal year when the new year has not started',
        'flag any case where the code disagrees with NRF instead of asserting the current behaviour'],
  fw='pytest', lang=None)

# 11
SCD2_PY = '''
"""Pure-Python SCD type 2 merge used by the CRM snapshot job (mirrors what dbt snapshots do,
but we need it for sources that send full extracts with their own change timestamps)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

HIGH_DATE = datetime(9999, 12, 31)


@dataclass(frozen=True)
class Version:
    key: str
    attrs: tuple
    valid_from: datetime
    valid_to: datetime = HIGH_DATE
    is_deleted: bool = False

    @property
    def is_current(self) -> bool:
        return self.valid_to == HIGH_DATE


def apply_snapshot(history: list[Version], snapshot: dict[str, tuple], changed_at: dict[str, datetime],
                   extract_ts: datetime, hard_deletes: bool = True) -> list[Version]:
    """Merge one full extract into the history.

    snapshot: key -> attribute tuple as of extract_ts
    changed_at: key -> source-side updated_at (may be earlier than extract_ts, may be missing)
    Late extracts (extract_ts older than the current version's valid_from) must not reopen old rows.
    """
    by_key: dict[str, list[Version]] = {}
    for v in history:
        by_key.setdefault(v.key, []).append(v)
    out: list[Version] = []

    for key, versions in by_key.items():
        versions.sort(key=lambda v: v.valid_from)
        current = versions[-1] if versions[-1].is_current else None
        out.extend(versions[:-1] if current else versions)
        if current is None:
            if key in snapshot:
                ts = changed_at.get(key, extract_ts)
                out.append(Version(key, snapshot[key], ts))
            continue
        ts = changed_at.get(key, extract_ts)
        if ts <= current.valid_from:
            out.append(current)
            continue
        if key not in snapshot:
            if hard_deletes and not current.is_deleted:
                out.append(replace(current, valid_to=extract_ts))
                out.append(Version(key, current.attrs, extract_ts, is_deleted=True))
            else:
                out.append(current)
        elif snapshot[key] != current.attrs or current.is_deleted:
            out.append(replace(current, valid_to=ts))
            out.append(Version(key, snapshot[key], ts))
        else:
            out.append(current)

    for key, attrs in snapshot.items():
        if key not in by_key:
            out.append(Version(key, attrs, changed_at.get(key, extract_ts)))
    return out
'''
t('complex', 'test-generation',
  "I want Hypothesis tests for our SCD2 merge, not examples. Generate random sequences of extracts (in order and "
  "out of order, with deletes and re-inserts) and check the history stays sane after every step. I suspect it "
  "breaks when a key disappears and a late extract still contains it, but I can't prove it.",
  files=[('warehouse_utils/scd2.py', SCD2_PY)],
  reqs=['state the invariants you test in plain English first',
        'per key: no overlapping validity intervals, no gaps, at most one current row',
        'applying the same extract twice must change nothing',
        'shrink failures to a minimal sequence and show it'],
  fw='pytest', lang=None)

# 12
PROFILES_YML = '''
warehouse:
  target: dev
  outputs:
    dev:
      type: snowflake
      account: xy12345.eu-west-1
      user: MARTA_K
      password: "Winter2024!fake"
      role: TRANSFORMER_DEV
      database: ANALYTICS_DEV
      warehouse: TRANSFORMING_XS
      schema: dbt_marta
      threads: 8
    ci:
      type: snowflake
      account: xy12345.eu-west-1
      user: "{{ env_var('DBT_CI_USER') }}"
      private_key_path: "{{ env_var('DBT_CI_KEY_PATH') }}"
      role: TRANSFORMER_CI
      database: ANALYTICS_CI
      warehouse: TRANSFORMING_S
      schema: "pr_{{ env_var('PR_NUMBER', 'local') }}"
      threads: 16
'''
t('simple', 'security-scan',
  'A new hire opened a PR that adds this profiles.yml to the repo. Anything in here that should not be committed?',
  files=[('profiles.yml', PROFILES_YML)], fw='dbt', lang=None)

# 13
GE_SUITE_JSON = '''
{
  "expectation_suite_name": "events_daily",
  "expectations": [
    {"expectation_type": "expect_table_row_count_to_be_between",
     "kwargs": {"min_value": 2000000, "max_value": 9000000}},
    {"expectation_type": "expect_column_values_to_not_be_null",
     "kwargs": {"column": "event_id"}},
    {"expectation_type": "expect_column_values_to_be_between",
     "kwargs": {"column": "event_date",
                "min_value": {"$PARAMETER": "now() - timedelta(days=1)"},
                "max_value": {"$PARAMETER": "now()"},
                "parse_strings_as_datetimes": true}}
  ]
}
'''
GE_LOG = '''
2024-06-03 00:14:02,118 INFO  checkpoint=events_daily batch=analytics.stg_ga4__events partition=2024-06-02
2024-06-03 00:14:09,551 INFO  expect_table_row_count_to_be_between ... success (4,112,090)
2024-06-03 00:14:12,004 INFO  expect_column_values_to_not_be_null(event_id) ... success
2024-06-03 00:14:19,880 ERROR expect_column_values_to_be_between(event_date) ... FAILED unexpected_count=4112090 unexpected_percent=100.0
2024-06-03 00:14:19,881 ERROR   min_value=2024-06-02T00:14:12 max_value=2024-06-03T00:14:12 partial_unexpected_list=['2024-06-02', '2024-06-02', '2024-06-02']
2024-06-04 02:40:55,310 INFO  checkpoint=events_daily batch=analytics.stg_ga4__events partition=2024-06-03   (manual re-run)
2024-06-04 02:41:07,112 INFO  expect_column_values_to_be_between(event_date) ... success
2024-06-05 00:03:44,020 INFO  checkpoint=events_daily batch=analytics.stg_ga4__events partition=2024-06-04
2024-06-05 00:03:58,441 ERROR expect_column_values_to_be_between(event_date) ... FAILED unexpected_count=3990312 unexpected_percent=100.0
2024-06-06 01:12:30,900 INFO  checkpoint=events_daily batch=analytics.stg_ga4__events partition=2024-06-05   (GA4 export late, sensor waited 58m)
2024-06-06 01:12:41,077 INFO  expect_column_values_to_be_between(event_date) ... success
'''
t('medium', 'flaky-test-analysis',
  'Our GE checkpoint on GA4 events fails maybe two nights out of five and then passes when someone reruns it in the morning. '
  'Same data. Suite and log attached. Why, and what should the expectation look like instead?',
  files=[('great_expectations/expectations/events_daily.json', GE_SUITE_JSON),
         ('logs/ge_events_daily.log', GE_LOG)],
  fw='great_expectations', lang=None)

# 14
CRM_DAG_PY = '''
from datetime import datetime
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.task_group import TaskGroup

DBT = "cd /opt/dbt/warehouse && dbt"

with DAG("crm_hourly", start_date=datetime(2024, 1, 1), schedule="@hourly",
         catchup=False, max_active_runs=1) as dag:

    with TaskGroup("users") as users:
        snap = BashOperator(task_id="snapshot_users", bash_command=DBT + " snapshot --select users_snapshot")
        dim = BashOperator(task_id="build_dim_users", bash_command=DBT + " run --select dim_users")
        snap >> dim

    with TaskGroup("sessions") as sessions:
        BashOperator(task_id="build_fct_sessions",
                     bash_command=DBT + " run --select int_sessions fct_sessions")

    tests = BashOperator(task_id="test_marts",
                         bash_command=DBT + " test --select fct_sessions dim_users")

    [users, sessions] >> tests
'''
DIM_USERS_SQL = '''
{{ config(materialized='table', post_hook="grant select on {{ this }} to role reporter") }}

select
    user_id,
    email,
    signup_at,
    plan,
    dbt_valid_from as current_since
from {{ ref('users_snapshot') }}
where dbt_valid_to is null
'''
FCT_SESSIONS_SQL = '''
{{ config(materialized='incremental', unique_key='session_id') }}

select s.session_id, s.user_id, s.session_start, s.pageviews
from {{ ref('int_sessions') }} s
{% if is_incremental() %}
where s.session_start > (select max(session_start) from {{ this }})
{% endif %}
'''
SCHEMA_YML = '''
version: 2
models:
  - name: fct_sessions
    columns:
      - name: user_id
        tests:
          - relationships:
              to: ref('dim_users')
              field: user_id
'''
FAIL_LOG = '''
2024-06-18 09:07:41 Failure in test relationships_fct_sessions_user_id__user_id__ref_dim_users_ (models/marts/_marts.yml)
2024-06-18 09:07:41   Got 3 results, configured to fail if != 0
2024-06-18 10:07:12 PASS relationships_fct_sessions_user_id__user_id__ref_dim_users_
2024-06-18 14:06:55 Failure in test relationships_fct_sessions_user_id__user_id__ref_dim_users_ (models/marts/_marts.yml)
2024-06-18 14:06:55   Got 1 result, configured to fail if != 0
2024-06-18 15:07:30 PASS relationships_fct_sessions_user_id__user_id__ref_dim_users_
-- failing user_ids on 09:07 run: 88121904, 88121911, 88121913 (all signed up between 08:58 and 09:03)
-- fivetran users connector syncs every 15 min, events connector streams continuously
'''
t('complex', 'flaky-test-analysis',
  'The relationships test between fct_sessions and dim_users goes red a couple of times a day and green the next hour. '
  'The failing user_ids always exist when I look later. I want the real reason and a fix that does not just '
  'lower severity to warn.',
  files=[('dags/crm_hourly.py', CRM_DAG_PY), ('models/marts/dim_users.sql', DIM_USERS_SQL),
         ('models/marts/fct_sessions.sql', FCT_SESSIONS_SQL), ('models/marts/_marts.yml', SCHEMA_YML),
         ('logs/test_failures_2024-06-18.txt', FAIL_LOG)],
  reqs=['check whether the incremental filter on fct_sessions can also drop sessions permanently'],
  fw='dbt', lang=None)

# 15
# why: lots of framing, but the check itself is two thresholds against a short summary -> simple
t('simple', 'quality-gate',
  "Context: we're in the middle of the Q2 close, finance has frozen the revenue models, and our team lead is out, so I'm the "
  "one signing off tonight's prod deploy of the marketing models. Our written gate for this deploy is just: zero ERROR "
  "tests and zero WARNs on anything tagged 'pii'. Here's tonight's summary. Does it pass?",
  files=[('ci/prod_deploy_summary.txt', '''
dbt build --target prod --select tag:marketing
Completed with 2 warnings:

WARN  accepted_values_fct_marketing_spend_channel  (tags: marketing)            3 rows
WARN  not_null_dim_contacts_email                  (tags: marketing, pii)       12 rows

Done. PASS=88 WARN=2 ERROR=0 SKIP=0 TOTAL=90
''')],
  fw='dbt', lang=None)

# 16
COV_TERM = '''
---------- coverage: platform linux, python 3.11.8-final-0 -----------
Name                                         Stmts   Miss Branch BrPart  Cover   Missing
----------------------------------------------------------------------------------------
etl_helpers/__init__.py                          4      0      0      0   100%
etl_helpers/bq_loader.py                       118     41     38     11    58%   44-52, 77->81, 96-121, 140-149, 166->exit
etl_helpers/gcs_paths.py                        31      2     10      1    93%   58-59
etl_helpers/schema_diff.py                      74     19     30      7    70%   61-70, 88->92, 101-109
etl_helpers/slack_alerts.py                     22     22      4      0     0%   1-40
----------------------------------------------------------------------------------------
TOTAL                                          249     84     82     19    63%
'''
BQ_LOADER_EXCERPT = '''
# etl_helpers/bq_loader.py (lines 30-150)
from google.api_core.exceptions import BadRequest, Conflict, NotFound
from google.cloud import bigquery


class BigQueryLoader:
    def __init__(self, client: bigquery.Client, dataset: str, max_bad_records: int = 0):
        self.client = client
        self.dataset = dataset
        self.max_bad_records = max_bad_records

    def ensure_table(self, table: str, schema: list[bigquery.SchemaField]) -> bigquery.Table:
        ref = f"{self.client.project}.{self.dataset}.{table}"
        try:
            return self.client.get_table(ref)
        except NotFound:
            tbl = bigquery.Table(ref, schema=schema)
            tbl.time_partitioning = bigquery.TimePartitioning(field="_loaded_at")
            try:
                return self.client.create_table(tbl)
            except Conflict:
                return self.client.get_table(ref)

    def load_uri(self, uri: str, table: str, schema, write_disposition="WRITE_APPEND") -> int:
        self.ensure_table(table, schema)
        job_config = bigquery.LoadJobConfig(
            source_format=bigquery.SourceFormat.NEWLINE_DELIMITED_JSON,
            schema=schema,
            write_disposition=write_disposition,
            max_bad_records=self.max_bad_records,
            schema_update_options=[bigquery.SchemaUpdateOption.ALLOW_FIELD_ADDITION]
            if write_disposition == "WRITE_APPEND" else None,
        )
        job = self.client.load_table_from_uri(uri, f"{self.dataset}.{table}", job_config=job_config)
        try:
            job.result(timeout=600)
        except BadRequest as exc:
            errors = job.errors or []
            if any(e.get("reason") == "invalid" for e in errors) and self.max_bad_records == 0:
                raise ValueError(f"{uri}: rejected rows, first error: {errors[0]['message']}") from exc
            raise
        if job.output_rows == 0:
            raise RuntimeError(f"{uri}: load produced zero rows")
        return job.output_rows

    def swap_partition(self, staging_table: str, table: str, partition: str) -> None:
        dest = f"{self.dataset}.{table}${partition.replace('-', '')}"
        cfg = bigquery.CopyJobConfig(write_disposition="WRITE_TRUNCATE")
        self.client.copy_table(f"{self.dataset}.{staging_table}", dest, job_config=cfg).result()
        self.client.delete_table(f"{self.dataset}.{staging_table}", not_found_ok=True)
'''
t('medium', 'coverage-analysis',
  'Coverage for etl_helpers is at 63% and I have time for maybe a dozen tests this sprint. Which missing lines and '
  'branches actually matter for data correctness, and which can I ignore? Loader source for the worst file is attached.',
  files=[('reports/coverage_etl_helpers.txt', COV_TERM), ('etl_helpers/bq_loader.py', BQ_LOADER_EXCERPT)],
  reqs=['rank gaps by the damage a bug there would do to loaded data', 'say which test would close each gap'],
  fw='pytest', lang=None)

# 17
MRR_SQL = '''
with invoices as (
    select * from {{ ref('int_invoice_lines') }} where line_type = 'subscription'
),
monthly as (
    select
        customer_id,
        date_trunc('month', service_period_start) as month,
        sum(amount_usd / nullif(months_in_period, 0)) as mrr
    from invoices
    group by 1, 2
),
with_prev as (
    select *, lag(mrr) over (partition by customer_id order by month) as prev_mrr
    from monthly
)
select
    customer_id, month, mrr, prev_mrr,
    case
        when prev_mrr is null then 'new'
        when mrr = 0 and prev_mrr > 0 then 'churn'
        when mrr > prev_mrr then 'expansion'
        when mrr < prev_mrr then 'contraction'
        else 'flat'
    end as movement
from with_prev
'''
INVOICE_LINES_SQL = '''
select
    l.invoice_line_id,
    i.customer_id,
    l.line_type,
    l.period_start::date as service_period_start,
    l.period_end::date as service_period_end,
    greatest(datediff('month', l.period_start, l.period_end), 1) as months_in_period,
    l.amount / 100.0 * fx.rate_to_usd as amount_usd
from {{ ref('stg_stripe__invoice_lines') }} l
join {{ ref('stg_stripe__invoices') }} i using (invoice_id)
left join {{ ref('fx_daily') }} fx
  on fx.currency = l.currency and fx.rate_date = i.created_at::date
where i.status in ('paid', 'open')
'''
STG_INVOICES_SQL = '''
select
    id as invoice_id,
    customer as customer_id,
    status,
    created::timestamp_ntz as created_at,
    currency
from {{ source('stripe', 'invoices') }}
where not coalesce(livemode = false, false)
'''
FX_SQL = '''
select currency, rate_date, rate_to_usd
from {{ source('finance', 'fx_rates') }}
where rate_date >= '2020-01-01'
'''
MARTS_YML = '''
version: 2
models:
  - name: fct_mrr
    description: "Monthly recurring revenue per customer per month, with movement type."
    columns:
      - name: customer_id
        tests: [not_null]
      - name: month
        tests: [not_null]
      - name: movement
        tests:
          - accepted_values:
              values: ['new', 'churn', 'expansion', 'contraction', 'flat', 'reactivation']
  - name: int_invoice_lines
    columns:
      - name: invoice_line_id
        tests: [unique, not_null]
'''
STAGING_YML = '''
version: 2
models:
  - name: stg_stripe__invoices
    columns:
      - name: invoice_id
        tests: [unique, not_null]
      - name: status
        tests:
          - accepted_values:
              values: ['draft', 'open', 'paid', 'void', 'uncollectible']
  - name: stg_stripe__invoice_lines
    columns:
      - name: invoice_line_id
        tests: [not_null]
'''
SOURCES_YML = '''
version: 2
sources:
  - name: stripe
    loaded_at_field: _fivetran_synced
    freshness: {warn_after: {count: 12, period: hour}}
    tables: [{name: invoices}, {name: invoice_lines}]
  - name: finance
    tables:
      - name: fx_rates
'''
t('complex', 'coverage-analysis',
  'Board deck numbers come from fct_mrr. Every test in this chain is green, and yet I don\'t trust it. Go through the '
  'models and the yml and tell me which parts of the MRR logic no test would catch if they broke, including tests that '
  'exist but check the wrong thing.',
  files=[('models/marts/finance/fct_mrr.sql', MRR_SQL),
         ('models/intermediate/int_invoice_lines.sql', INVOICE_LINES_SQL),
         ('models/staging/stripe/stg_stripe__invoices.sql', STG_INVOICES_SQL),
         ('models/staging/finance/fx_daily.sql', FX_SQL),
         ('models/marts/finance/_finance.yml', MARTS_YML),
         ('models/staging/stripe/_stripe.yml', STAGING_YML),
         ('models/staging/_sources.yml', SOURCES_YML)],
  reqs=['think about grain: what should be unique per row of each model', 'propose the missing tests as yml'],
  fw='dbt', lang=None)

# 18
t('simple', 'defect-analysis',
  'dbt compile started failing on my branch with this. What did I break?',
  files=[('logs/dbt_compile.txt', '''
07:41:03  Running with dbt=1.7.11
07:41:05  Encountered an error:
Compilation Error
  Model 'model.warehouse.stg_shopify__orders' (models/staging/shopify/stg_shopify__orders.sql) depends on a source named 'shopify.order' which was not found
'''),
         ('models/staging/shopify/_shopify__sources.yml', '''
version: 2
sources:
  - name: shopify
    database: raw
    schema: shopify
    tables:
      - name: orders
      - name: refunds
      - name: customers
''')],
  fw='dbt', lang=None)

# 19
SK_MACRO = '''
{% macro customer_sk(source_system, source_id, region) -%}
    {{ dbt_utils.generate_surrogate_key([source_system, source_id, region]) }}
{%- endmacro %}
'''
DIM_CUST_SQL = '''
with hubspot as (
    select 'hubspot' as source_system, cast(contact_id as string) as source_id, region, email
    from {{ ref('stg_hubspot__contacts') }}
),
shopify as (
    select 'shopify' as source_system, cast(customer_id as string) as source_id, null as region, email
    from {{ ref('stg_shopify__customers') }}
),
unioned as (
    select * from hubspot
    union all
    select * from shopify
)
select
    {{ customer_sk('source_system', 'source_id', 'region') }} as customer_sk,
    source_system, source_id, region, email
from unioned
'''
TEST_OUT = '''
12:02:19  Failure in test unique_dim_customers_customer_sk (models/marts/core/_core.yml)
12:02:19    Got 1874 results, configured to fail if != 0
12:02:19
12:02:19    compiled Code at target/compiled/warehouse/models/marts/core/_core.yml/unique_dim_customers_customer_sk.sql

-- sample of duplicated keys
customer_sk                        n  source_systems
a1f0c3...e9                         2  shopify,shopify
7b2d41...04                         2  shopify,shopify
-- dbt_utils upgraded from 0.9.6 to 1.1.1 in this PR; surrogate_key() calls replaced with generate_surrogate_key()
-- stg_shopify__customers has 0 duplicate customer_id (unique test passes)
-- fivetran schema-change alert 2024-06-10: raw.shopify.customers.id NUMBER(38,0) -> FLOAT
-- sample source ids behind one dupe key: 7391024461893.0, 7391024461897.0
'''
t('medium', 'defect-analysis',
  'After the dbt_utils upgrade the unique test on dim_customers.customer_sk fails with ~1.9k dupes, all Shopify. '
  'Staging is unique. Find the cause and tell me what the fix does to existing keys downstream.',
  files=[('macros/customer_sk.sql', SK_MACRO), ('models/marts/core/dim_customers.sql', DIM_CUST_SQL),
         ('logs/dbt_test_output.txt', TEST_OUT)],
  fw='dbt', lang=None)

# 20
# why: no code, two sentences, but it is load-test design for the whole BI stack (Looker, PDTs, warehouse scaling) -> complex
t('complex', 'performance-testing',
  'Quarter-end is in three weeks and last time Looker fell over when ~300 people opened the exec and sales dashboards at '
  '9am Monday while the PDTs were still rebuilding. I need a plan to load test the whole thing beforehand: Looker, the PDT '
  'rebuilds and the Snowflake warehouses behind them, and to know where it breaks first.',
  reqs=['realistic user mix from our System Activity data, not uniform hits on one dashboard',
        'say what to measure on the Looker side and on the Snowflake side (queueing, spilling, multi-cluster scale-out)',
        'must not hammer prod during business hours and must not pollute the Looker cache for the real test'],
  lang=None)

# 21
t('simple', 'performance-testing',
  'Ran the same dim_customers rebuild 5 times on an X-Small and 5 times on a Medium warehouse. Give me the median for each, '
  'the speedup, and whether the Medium is cheaper per run (Medium costs 4x the credits per hour).',
  files=[('bench/dim_customers_wh_sizes.csv', '''
warehouse,run,elapsed_s,result_cache
TRANSFORMING_XS,1,412,off
TRANSFORMING_XS,2,398,off
TRANSFORMING_XS,3,431,off
TRANSFORMING_XS,4,405,off
TRANSFORMING_XS,5,420,off
TRANSFORMING_M,1,96,off
TRANSFORMING_M,2,88,off
TRANSFORMING_M,3,91,off
TRANSFORMING_M,4,134,off
TRANSFORMING_M,5,90,off
''')],
  lang=None)

# 22
CONFTEST_PY = '''
import os
import pytest

os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "True")
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:////tmp/airflow_unittest.db")


@pytest.fixture(scope="session", autouse=True)
def airflow_db():
    from airflow.utils import db
    db.resetdb()
    yield


@pytest.fixture
def snowflake_conn(monkeypatch):
    monkeypatch.setenv(
        "AIRFLOW_CONN_SNOWFLAKE_DEFAULT",
        "snowflake://ci_user:fake-pass-not-real@xy12345/ANALYTICS_CI?role=TRANSFORMER_CI&warehouse=TRANSFORMING_XS",
    )
'''
t('medium', 'test-execution',
  'Please run the pytest suite for our custom Airflow operators (tests/operators) on Airflow 2.8 with the conftest below. '
  'A bunch failed on my laptop and I think half of it is my environment. Tell me which failures are environment/setup '
  'and which look like real bugs in the operators.',
  files=[('tests/conftest.py', CONFTEST_PY),
         ('requirements-dev.txt', '''
apache-airflow==2.8.4
apache-airflow-providers-snowflake==5.3.0
apache-airflow-providers-google==10.16.0
pytest==8.1.1
pytest-mock==3.14.0
freezegun==1.4.0
''')],
  reqs=['use the constraints file for 2.8.4 / python 3.11 when installing',
        'do not connect to a real Snowflake account; tests that try to should be reported, not fixed'],
  fw='pytest', lang=None)

# 23
# why: chatty context, but the ask is run one checkpoint and report failures -> simple
t('simple', 'test-execution',
  "We migrated the GE project to the 0.18 fluent datasources last sprint and I honestly don't remember if the checkpoint "
  "names survived, but `orders_daily` should still exist. Can you run that checkpoint against staging and paste back which "
  "expectations failed, with the unexpected counts? No need to fix anything.",
  fw='great_expectations', lang=None)

# 24
TABLES = ['fct_orders', 'fct_refunds', 'fct_sessions', 'fct_invoices', 'fct_mrr', 'fct_subscriptions',
          'dim_customers', 'dim_products', 'dim_plans', 'dim_channels', 'fct_marketing_spend', 'fct_events',
          'int_orders_usd', 'int_invoice_lines', 'int_customer_ltv', 'dim_dates', 'fct_pageviews',
          'fct_support_tickets', 'dim_agents', 'fct_shipments', 'dim_warehouses', 'fct_inventory_daily',
          'fct_fx_exposure', 'dim_regions', 'fct_nps_responses', 'dim_campaigns', 'fct_email_sends',
          'fct_email_events', 'dim_segments', 'fct_cohorts', 'fct_ltv_forecast', 'fct_budget_vs_actual',
          'dim_accounts', 'fct_opportunities', 'fct_quota_attainment', 'dim_reps', 'fct_renewals',
          'fct_usage_daily', 'dim_features', 'fct_feature_adoption']
def _recon_row(i):
    tbl = TABLES[i]
    sf = 1000 + (i * 7919) % 900000
    bq = sf if i not in (4, 11, 17, 37) else sf + (i % 5) - 2
    sum_diff = '0' if i % 6 else ('0.000001' if i % 12 else '-0.01')
    ts_diff = 'microsecond truncation (%d rows)' % ((i * 13) % 400) if i % 7 == 3 else ''
    hash_match = 'no' if (ts_diff or sum_diff != '0' or bq != sf) else 'yes'
    return '%s,%d,%d,%d,%s,%s,%s' % (tbl, sf, bq, bq - sf, sum_diff, hash_match, ts_diff)
RECON_CSV = 'table,snowflake_rows,bigquery_rows,row_diff,amount_sum_diff,row_hash_match,notes\n' + lines(40, _recon_row)
TYPE_MAP = '''
# snowflake -> bigquery type mapping used by the migration tool
NUMBER(38,0): INT64
NUMBER(p,s) where s > 0: NUMERIC        # BIGNUMERIC if p > 29
FLOAT: FLOAT64
VARCHAR: STRING
TIMESTAMP_NTZ: DATETIME                 # precision 9 -> 6, truncated
TIMESTAMP_TZ: TIMESTAMP                 # converted to UTC
TIMESTAMP_LTZ: TIMESTAMP                # session timezone was America/New_York on the source account
VARIANT: JSON
'''
CUTOVER_CRITERIA = '''
# Cutover criteria (signed off by Finance + Data, v3)
1. Row counts identical on every table, except tables fed by streaming sources where |diff| <= 0.01%.
2. Monetary sums identical to the cent on finance-owned tables (fct_orders, fct_refunds, fct_invoices, fct_mrr,
   fct_budget_vs_actual, fct_fx_exposure).
3. Row-hash mismatches allowed only where explained by a documented, accepted type conversion.
4. Every exec Looker dashboard must show the same numbers on both connections for the last 3 closed months.
'''
DASH_DIFF = '''
dashboard,tile,snowflake_value,bigquery_value
exec_overview,Net revenue Mar,4812330.12,4812330.12
exec_overview,Net revenue Apr,5120004.55,5120004.55
exec_overview,Net revenue May,4990311.03,4990311.02
exec_overview,Active customers May,61204,61204
sales_pipeline,Open pipeline,18220110.00,18220110.00
sales_pipeline,Deals closed Apr,412,414
marketing,Email CTR May,0.0312,0.0312
'''
# why: it reads like a checklist, but deciding which mismatches are benign needs type/timezone reasoning across 40 tables -> complex
t('complex', 'quality-gate',
  'We are deciding Friday whether to cut Looker over from Snowflake to BigQuery. Here is the reconciliation for all 40 '
  'migrated tables, the type mapping, the signed-off criteria and the dashboard comparison. Go or no-go, and for every '
  'table that does not match exactly, tell me whether the criteria allow it and why.',
  files=[('migration/recon_2024-06-20.csv', RECON_CSV), ('migration/type_mapping.yml', TYPE_MAP),
         ('migration/CUTOVER_CRITERIA.md', CUTOVER_CRITERIA), ('migration/dashboard_diff.csv', DASH_DIFF)],
  reqs=['do not treat "close enough" as a pass where the criteria say identical',
        'for the Deals closed Apr tile, say which type conversion could shift records between months'],
  lang=None)

# 25
PIP_AUDIT = '''
Found 7 known vulnerabilities in 5 packages
Name               Version  ID                  Fix Versions
------------------ -------- ------------------- ------------
jinja2             3.1.2    GHSA-h5c8-rqwp-cp95 3.1.3
jinja2             3.1.2    GHSA-h75v-3vvj-5mfj 3.1.4
requests           2.31.0   GHSA-9wx4-h78v-vm56 2.32.0
cryptography       41.0.7   GHSA-3ww4-gg4f-jr7f 42.0.0
cryptography       41.0.7   GHSA-6vqw-3v5j-54x4 42.0.4
werkzeug           2.2.3    GHSA-2g68-c3qc-8985 3.0.3
sqlparse           0.4.4    GHSA-2m57-hf25-phgg 0.5.0
'''
DOCKERFILE = '''
FROM apache/airflow:2.8.4-python3.11
USER root
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
USER airflow
COPY requirements.txt /requirements.txt
RUN pip install --no-cache-dir -r /requirements.txt \\
    --constraint "https://raw.githubusercontent.com/apache/airflow/constraints-2.8.4/constraints-3.11.txt"
COPY dags/ /opt/airflow/dags/
COPY plugins/ /opt/airflow/plugins/
COPY dbt/ /opt/dbt/warehouse/
'''
REQS_TXT = '''
dbt-snowflake==1.7.3
dbt-bigquery==1.7.6
apache-airflow-providers-snowflake==5.3.0
apache-airflow-providers-google==10.16.0
great-expectations==0.18.12
sqlfluff==2.3.5
'''
t('medium', 'security-scan',
  'pip-audit flagged our Airflow worker image. We pin to the Airflow constraints file, so I can\'t just bump everything. '
  'Which of these actually matter for how we use the image (Airflow webserver is internal-only, workers run dbt and GE), '
  'and which can I upgrade without fighting the constraints?',
  files=[('audit/pip_audit_worker.txt', PIP_AUDIT), ('docker/Dockerfile', DOCKERFILE), ('docker/requirements.txt', REQS_TXT)],
  lang=None)

# 26
EMBED_TS = '''
import crypto from "node:crypto";
import type { Request, Response } from "express";

const LOOKER_HOST = "acme.cloud.looker.com";
const EMBED_SECRET = process.env.LOOKER_EMBED_SECRET ?? "dev-embed-secret-not-real";

interface EmbedRequest {
  dashboardId: string;
  userId: string;
  firstName?: string;
  permissions?: string[];
  models?: string[];
  userAttributes?: Record<string, string>;
  sessionLength?: number;
}

function nonce(): string {
  return Math.random().toString(36).slice(2, 18);
}

function sign(parts: string[]): string {
  return crypto.createHmac("sha1", EMBED_SECRET).update(parts.join("\\n")).digest("base64").trim();
}

export function buildEmbedUrl(req: EmbedRequest): string {
  const path = `/login/embed/${encodeURIComponent(`/embed/dashboards/${req.dashboardId}`)}`;
  const params: Record<string, string> = {
    nonce: JSON.stringify(nonce()),
    time: JSON.stringify(Math.floor(Date.now() / 1000)),
    session_length: JSON.stringify(req.sessionLength ?? 86400),
    external_user_id: JSON.stringify(req.userId),
    permissions: JSON.stringify(req.permissions ?? ["access_data", "see_user_dashboards"]),
    models: JSON.stringify(req.models ?? ["customer_facing"]),
    user_attributes: JSON.stringify(req.userAttributes ?? {}),
    access_filters: JSON.stringify({}),
    first_name: JSON.stringify(req.firstName ?? ""),
    force_logout_login: "true",
  };
  const signature = sign([
    LOOKER_HOST, path, params.nonce, params.time, params.session_length, params.external_user_id,
    params.permissions, params.models, params.user_attributes, params.access_filters,
  ]);
  const qs = new URLSearchParams({ ...params, signature }).toString();
  return `https://${LOOKER_HOST}${path}?${qs}`;
}

// POST /api/embed-url  (called by our customer portal front end after login)
export async function embedUrlHandler(req: Request, res: Response) {
  const session = (req as any).session;
  if (!session?.customerId) return res.status(401).end();
  const body = req.body as Partial<EmbedRequest>;
  const url = buildEmbedUrl({
    dashboardId: body.dashboardId ?? "customer_overview",
    userId: body.userId ?? `cust-${session.customerId}`,
    firstName: session.firstName,
    permissions: body.permissions,
    models: body.models,
    userAttributes: { customer_id: String(session.customerId), ...(body.userAttributes ?? {}) },
    sessionLength: body.sessionLength,
  });
  res.json({ url });
}
'''
t('complex', 'security-scan',
  'The app team wrote this to embed our customer-facing Looker dashboards in the portal. Row-level filtering in LookML is '
  'done on the customer_id user attribute. I need to know if one customer can see another customer\'s data through this, '
  'or get more than view access.',
  files=[('portal/src/looker/embed.ts', EMBED_TS),
         ('looker/models/customer_facing.model.lkml', '''
connection: "bq_prod"
include: "/views/customer_facing/*.view.lkml"

explore: orders {
  access_filter: {
    field: orders.customer_id
    user_attribute: customer_id
  }
}

explore: invoices {}
''')],
  reqs=['check the signature input order against what Looker expects', 'give concrete request bodies that demonstrate each issue'],
  fw='express', lang='typescript')

# 27
RLS_SQL = '''
-- reporting dataset exposed to the regional managers' Google group
create or replace row access policy region_filter
on `acme-dw.reporting.fct_sales`
grant to ("group:regional-managers@acme.example")
filter using (region = session_user_region());

create or replace function `acme-dw.reporting.session_user_region`() as (
  (select region from `acme-dw.admin.user_regions` where email = session_user())
);

-- authorized view used by the Looker "sales_by_rep" explore
create or replace view `acme-dw.reporting_views.sales_by_rep` as
select s.*, r.rep_name, r.manager_email
from `acme-dw.reporting.fct_sales` s
join `acme-dw.reporting.dim_reps` r using (rep_id);

-- authorize the view on the source dataset so Looker's service account does not need table access
-- (done in terraform: google_bigquery_dataset_access.reporting_views_on_reporting)
'''
LKML = '''
connection: "bq_prod_service_account"

explore: fct_sales {
  access_filter: { field: fct_sales.region  user_attribute: region }
}

explore: sales_by_rep {
  from: sales_by_rep
  join: dim_reps {
    sql_on: ${sales_by_rep.rep_id} = ${dim_reps.rep_id} ;;
    relationship: many_to_one
  }
}

explore: sales_sql_runner_scratch {
  sql_always_where: 1=1 ;;
}
'''
USER_REGIONS_CSV = '''
email,region
ana@acme.example,EMEA
li@acme.example,APAC
sam@acme.example,NA
sam@acme.example,LATAM
'''
t('complex', 'security-scan',
  'Regional managers should only ever see their own region\'s sales, in BigQuery directly and in Looker. We did it with a '
  'row access policy plus Looker access filters. Can you review whether that actually holds, through every path you can find?',
  files=[('bq/reporting_rls.sql', RLS_SQL), ('looker/models/sales.model.lkml', LKML),
         ('seeds/user_regions.csv', USER_REGIONS_CSV)],
  reqs=['consider what identity BigQuery sees when Looker queries', 'consider managers with more than one region'],
  lang=None)

# 28
t('simple', 'security-scan',
  'Flag any grant in this file that goes to PUBLIC or gives ALL privileges. Just the lines, I will fix them.',
  files=[('snowflake/grants/analytics.sql', '''
grant usage on database analytics to role reporter;
grant usage on schema analytics.marts to role reporter;
grant select on all tables in schema analytics.marts to role reporter;
grant select on future tables in schema analytics.marts to role reporter;
grant all on schema analytics.scratch to role public;
grant usage on warehouse reporting_xs to role reporter;
grant all privileges on table analytics.marts.dim_customers to role marketing_ops;
grant select on view analytics.marts.v_revenue_daily to role public;
grant ownership on schema analytics.staging to role transformer revoke current grants;
''')],
  lang=None)

# 29
METRICS_API_PY = '''
from datetime import date

from fastapi import Depends, FastAPI, HTTPException, Query
from google.cloud import bigquery

app = FastAPI()
_client = bigquery.Client()

ALLOWED_METRICS = {"net_revenue", "orders", "active_customers", "aov"}
ALLOWED_GRAINS = {"day", "week", "month"}


def get_client() -> bigquery.Client:
    return _client


@app.get("/v1/metrics/{metric}")
def get_metric(
    metric: str,
    start: date,
    end: date,
    grain: str = Query("day"),
    region: str | None = None,
    client: bigquery.Client = Depends(get_client),
):
    if metric not in ALLOWED_METRICS or grain not in ALLOWED_GRAINS:
        raise HTTPException(404)
    if (end - start).days > 400:
        raise HTTPException(400, "range too large")
    sql = f"""
        select date_trunc(metric_date, {grain}) as period, sum(value) as value
        from `acme-dw.semantic.metric_{metric}_daily`
        where metric_date between @start and @end
          and (@region is null or region = @region)
        group by 1 order by 1
    """
    job = client.query(sql, job_config=bigquery.QueryJobConfig(query_parameters=[
        bigquery.ScalarQueryParameter("start", "DATE", start),
        bigquery.ScalarQueryParameter("end", "DATE", end),
        bigquery.ScalarQueryParameter("region", "STRING", region),
    ]))
    return [{"period": r.period.isoformat(), "value": float(r.value)} for r in job.result()]
'''
t('medium', 'performance-testing',
  'The product team wants to call our little metrics API from their app. Write a Locust test for it so we know how many '
  'requests per second it takes before p95 goes over 2s. Keep it to this one service.',
  files=[('services/metrics_api/main.py', METRICS_API_PY)],
  reqs=['mix metrics, grains and date ranges realistically, mostly last-30-days by day',
        'BigQuery result cache would make numbers look great: make sure requests are not all identical',
        'report p50/p95/p99 and error rate per endpoint shape'],
  fw='locust', lang=None)

# 30
STAGES = ['stg', 'stg', 'stg', 'int', 'int', 'fct', 'dim', 'fct', 'agg']
def _timing_row(i):
    layer = STAGES[i % len(STAGES)]
    domains = ['shopify', 'stripe', 'hubspot', 'ga4', 'zendesk', 'netsuite', 'salesforce', 'segment', 'ads', 'product']
    nouns = ['orders', 'events', 'invoices', 'contacts', 'sessions', 'tickets', 'accounts', 'spend', 'usage', 'deals',
             'refunds', 'pageviews', 'opportunities', 'gl_entries', 'identifies', 'subscriptions', 'users', 'campaigns']
    name = '%s_%s__%s' % (layer, domains[i % 10], nouns[(i // 10) % 18])
    inc = 'incremental' if (i % 9 in (5, 7) and i < 120) else ('view' if layer == 'stg' else 'table')
    elapsed = 4 + (i * 37) % 90
    if inc == 'incremental':
        elapsed = 140 + (i * 53) % 700
    queued = (i * 11) % 240 if i > 60 else (i * 3) % 20
    start_min = (i * 17) % 160
    return '%s,%s,%s,%d,%d,%d' % (name, layer, inc, start_min, queued, elapsed)
RUN_TIMING = 'model,layer,materialization,started_at_min,queued_s,execution_s\n' + lines(180, _timing_row)
WH_CFG = '''
warehouse: TRANSFORMING_L
size: LARGE
min_cluster_count: 1
max_cluster_count: 1
scaling_policy: STANDARD
max_concurrency_level: 8
statement_queued_timeout_in_seconds: 0
auto_suspend: 60
'''
DBT_PROJECT = '''
name: warehouse
profile: warehouse
models:
  warehouse:
    staging: {+materialized: view}
    intermediate: {+materialized: table}
    marts:
      +materialized: table
      finance: {+materialized: incremental, +incremental_strategy: merge}
      product: {+materialized: incremental, +incremental_strategy: merge, +on_schema_change: sync_all_columns}
'''
PROFILES_THREADS = '''
warehouse:
  outputs:
    prod: {type: snowflake, threads: 24, warehouse: TRANSFORMING_L, role: TRANSFORMER, database: ANALYTICS}
'''
t('complex', 'performance-testing',
  'Our nightly dbt build went from ~50 minutes to over 3 hours after we switched about 20 marts to incremental merge last '
  'month. Per-model timings from last night, the warehouse config and project config are attached. Work out what is really '
  'on the critical path and whether threads, warehouse concurrency or the merges themselves are the problem, then tell me '
  'what to change first.',
  files=[('perf/run_timing_2024-06-19.csv', RUN_TIMING), ('perf/warehouse_transforming_l.yml', WH_CFG),
         ('dbt_project.yml', DBT_PROJECT), ('perf/profiles_prod_excerpt.yml', PROFILES_THREADS),
         ('perf/notes.md', '''
- run started 01:00 UTC, finished 04:12 UTC
- manifest has 412 nodes; the 180 rows above are the models, tests excluded
- fct_events (incremental, merge on event_id) scans 3.8 TB per run per query history
- BI extracts from Looker PDTs hit the same warehouse from 03:00
''')],
  reqs=['distinguish queue time from execution time', 'an estimate of the expected runtime after each proposed change'],
  fw='dbt', lang=None)

# 31
QUERY_PROFILE = '''
Query ID: 01b4f2e1-0602-7c1a-0000-3a1d00f29a6e   Warehouse: TRANSFORMING_M   Total: 18m 42s
Most expensive nodes:
  [3] Join (inner)       61.8%   join condition: E.SESSION_ID = S.SESSION_ID
        input rows: 4,118,004,221 (left)  11,930,114 (right)   output rows: 4,103,885,090
        bytes spilled to local storage: 612.4 GB    bytes spilled to remote storage: 188.9 GB
  [5] TableScan EVENTS   21.3%   partitions scanned 48,211 / 48,211   bytes scanned 2.9 TB
  [2] Aggregate          11.0%   group by: S.SESSION_ID, S.USER_ID, S.CHANNEL
  [7] TableScan SESSIONS  2.1%   partitions scanned 412 / 9,880
Filters pushed down to EVENTS: none
Clustering key on EVENTS: (EVENT_TYPE)
'''
SESSIONS_AGG_SQL = '''
{{ config(materialized='incremental', unique_key='session_id') }}

select
    s.session_id,
    s.user_id,
    s.channel,
    count(*) as events,
    count_if(e.event_type = 'purchase') as purchases,
    max(e.event_ts) as last_event_ts
from {{ ref('stg_events') }} e
join {{ ref('int_sessions') }} s on e.session_id = s.session_id
{% if is_incremental() %}
where s.session_start >= (select dateadd('day', -2, max(last_event_ts)) from {{ this }})
{% endif %}
group by 1, 2, 3
'''
# why: one model plus one profile, but reading spill/pruning and fixing it without changing results needs care -> medium
t('medium', 'performance-testing',
  'fct_session_agg takes 18 minutes every hour on a Medium. Here is the query profile and the model. Why is it slow and what '
  'do I change? It has to produce exactly the same rows afterwards.',
  files=[('perf/query_profile_fct_session_agg.txt', QUERY_PROFILE), ('models/marts/product/fct_session_agg.sql', SESSIONS_AGG_SQL)],
  fw='dbt', lang=None)

# 32
K6_JS = '''
import http from "k6/http";
import { check, sleep } from "k6";

export const options = {
  vus: 20,
  duration: "5m",
  thresholds: { http_req_duration: ["p(95)<3000"] },
};

const BASE = __ENV.LOOKER_BASE || "https://acme.cloud.looker.com:443/api/4.0";
const TOKEN = __ENV.LOOKER_TOKEN;

export default function () {
  const headers = { Authorization: `token ${TOKEN}` };
  const res = http.get(`${BASE}/dashboards/exec_overview`, { headers });
  check(res, { "status 200": (r) => r.status === 200 });
  const q = http.post(`${BASE}/queries/run/json`, JSON.stringify({
    model: "finance", view: "fct_orders", fields: ["fct_orders.order_date", "fct_orders.net_revenue"],
    filters: { "fct_orders.order_date": "30 days" }, limit: "500",
  }), { headers: { ...headers, "Content-Type": "application/json" } });
  check(q, { "query 200": (r) => r.status === 200 });
  sleep(1);
}
'''
t('simple', 'performance-testing',
  'Someone from the old platform team left this k6 script. We are a Python shop, so please convert it to an equivalent '
  'Locust file: same requests, same 20 users, same p95 threshold check.',
  files=[('perf/k6/looker_api_smoke.js', K6_JS)], fw='locust', lang=None)

# 33
t('simple', 'defect-analysis',
  'stg_hubspot__deals fails in prod since this morning with the error below. The model is tiny, what is wrong?',
  files=[('logs/prod_run.txt', '''
06:12:44  Database Error in model stg_hubspot__deals (models/staging/hubspot/stg_hubspot__deals.sql)
06:12:44    100038 (22018): Numeric value 'N/A' is not recognized
06:12:44    compiled Code at target/run/warehouse/models/staging/hubspot/stg_hubspot__deals.sql
'''),
         ('models/staging/hubspot/stg_hubspot__deals.sql', '''
select
    deal_id,
    property_dealname as deal_name,
    property_dealstage as deal_stage,
    property_amount::number(18, 2) as amount,
    property_closedate::date as close_date,
    property_hubspot_owner_id as owner_id
from {{ source('hubspot', 'deals') }}
where not is_deleted
''')],
  fw='dbt', lang=None)

# 34
SUBS_DIFF = '''
diff --git a/models/marts/fct_subscriptions.sql b/models/marts/fct_subscriptions.sql
@@ -8,18 +8,20 @@ with subs as (
 plans as (
     select plan_id, plan_name, billing_interval, is_internal
     from {{ ref('dim_plans') }}
 ),
+
+coupons as (
+    select subscription_id, coupon_code, percent_off
+    from {{ ref('stg_stripe__discounts') }}
+),
 
 final as (
     select
         s.subscription_id,
         s.customer_id,
         p.plan_name,
         p.billing_interval,
         s.status,
-        s.mrr_amount
+        s.mrr_amount,
+        c.coupon_code,
+        s.mrr_amount * (1 - coalesce(c.percent_off, 0) / 100) as mrr_after_discount
     from subs s
-    left join plans p using (plan_id)
-    where not coalesce(p.is_internal, false)
+    join plans p using (plan_id)
+    left join coupons c using (subscription_id)
+    where not p.is_internal
 )
'''
COUNTS = '''
date,fct_subscriptions_rows,active_subs,note
2024-06-10,498210,212004,
2024-06-11,498377,212101,
2024-06-12,439811,186622,PR #501 merged 2024-06-11 17:40
2024-06-13,440022,186713,
-- plans with null is_internal in dim_plans: 14 (legacy plans migrated from Chargebee)
-- subscriptions with more than one row in stg_stripe__discounts: 2,118
'''
t('medium', 'defect-analysis',
  'Row count on fct_subscriptions dropped about 12% the day after PR #501 was merged, and active subs dropped too, '
  'which did not happen in real life. Diff and daily counts attached. Which change did it, and is anything else in '
  'this diff wrong that the counts are not showing yet?',
  files=[('pr/501.diff', SUBS_DIFF), ('reports/fct_subscriptions_counts.csv', COUNTS)],
  fw='dbt', lang=None)

# 35
KAFKA_CONSUMER_PY = '''
# services/event-sink/consumer.py  (writes product events to S3 for Snowpipe)
import json, time, uuid
import boto3
from confluent_kafka import Consumer

s3 = boto3.client("s3")
c = Consumer({"bootstrap.servers": "kafka:9092", "group.id": "event-sink",
              "enable.auto.commit": True, "auto.commit.interval.ms": 5000})
c.subscribe(["product.events"])

buf = []
last_flush = time.time()
while True:
    msg = c.poll(1.0)
    if msg and not msg.error():
        buf.append(json.loads(msg.value()))
    if len(buf) >= 5000 or (buf and time.time() - last_flush > 60):
        key = f"events/dt={time.strftime('%Y-%m-%d')}/{uuid.uuid4()}.json"
        s3.put_object(Bucket="acme-raw-events", Key=key, Body="\\n".join(json.dumps(e) for e in buf))
        buf, last_flush = [], time.time()
'''
PIPE_SQL = '''
create or replace pipe raw.events.product_events_pipe auto_ingest = true as
copy into raw.events.product_events (payload, _file, _loaded_at)
from (select $1, metadata$filename, current_timestamp() from @raw.events.s3_events_stage)
file_format = (type = json);
'''
TRIAL_MODEL_SQL = '''
{{ config(materialized='incremental', unique_key='event_id') }}

select
    payload:event_id::string as event_id,
    payload:user_id::string as user_id,
    payload:event_type::string as event_type,
    payload:ts::timestamp_ntz as event_ts,
    _loaded_at
from {{ source('events', 'product_events') }}
where payload:event_type::string = 'trial_started'
{% if is_incremental() %}
  and _loaded_at > (select max(_loaded_at) from {{ this }})
{% endif %}
'''
AUDIENCE_SQL = '''
-- models/reverse_etl/trial_nurture_audience.sql, synced to Salesforce by Census every 15 min
select
    t.event_id as census_sync_key,
    u.email,
    u.first_name,
    t.event_ts as trial_started_at
from {{ ref('fct_trial_starts') }} t
join {{ ref('dim_users') }} u using (user_id)
where t.event_ts >= dateadd('day', -1, current_timestamp())
'''
CENSUS_LOG = '''
2024-06-17T10:15:04Z sync 8812 trial_nurture_audience -> Salesforce Campaign Member  mode=insert  key=census_sync_key
2024-06-17T10:15:31Z   records: 412 new, 0 changed, 0 deleted, 0 failed
2024-06-17T10:30:02Z sync 8813  records: 9 new
2024-06-17T10:45:03Z sync 8814  records: 377 new      <-- support ticket: 370 users got the day-1 nurture email twice
2024-06-17T11:00:02Z sync 8815  records: 12 new
'''
K8S_EVENTS = '''
2024-06-17T10:21:40Z  Pod event-sink-7d9c6b-x2kq  OOMKilled  (limit 512Mi)
2024-06-17T10:21:52Z  Pod event-sink-7d9c6b-m81p  Started
2024-06-17T10:22:03Z  kafka consumer group event-sink rebalanced, partitions 0-11 reassigned
'''
t('complex', 'defect-analysis',
  'About 370 trial users got our day-one nurture email twice on Monday. Marketing thinks it is a Salesforce problem; I '
  'think it is ours. Pipeline is Kafka to S3 to Snowpipe to dbt to Census to Salesforce. Everything I have is attached. '
  'Where exactly do the duplicates come from, and where should they be stopped?',
  files=[('services/event-sink/consumer.py', KAFKA_CONSUMER_PY), ('snowflake/pipes/product_events.sql', PIPE_SQL),
         ('models/marts/product/fct_trial_starts.sql', TRIAL_MODEL_SQL),
         ('models/reverse_etl/trial_nurture_audience.sql', AUDIENCE_SQL),
         ('logs/census_sync_2024-06-17.log', CENSUS_LOG), ('logs/k8s_events_2024-06-17.txt', K8S_EVENTS)],
  reqs=['trace one duplicated user through every hop', 'a fix per hop and which one alone would have prevented the emails'],
  lang=None)

# 36
STREAM_TASKS_SQL = '''
create or replace stream raw.shop.orders_stream on table raw.shop.orders append_only = true;

create or replace task analytics.tasks.enrich_orders
  warehouse = tasks_xs
  schedule = '5 minute'
  when system$stream_has_data('raw.shop.orders_stream')
as
  insert into analytics.core.orders_enriched
  select o.order_id, o.customer_id, o.amount, c.segment, o.created_at
  from raw.shop.orders_stream o
  join analytics.core.dim_customers c on c.customer_id = o.customer_id;

create or replace task analytics.tasks.orders_audit
  warehouse = tasks_xs
  schedule = '5 minute'
  when system$stream_has_data('raw.shop.orders_stream')
as
  insert into analytics.audit.orders_landed (order_id, landed_at)
  select order_id, current_timestamp() from raw.shop.orders_stream;
'''
MISSING_Q = '''
-- orders in raw but not in orders_enriched, last 7 days
day         raw_orders  enriched  missing  missing_in_audit
2024-06-10       41220     41011      209                 0
2024-06-11       39877     39702      175                 0
2024-06-12       42310     42101      209                 0
2024-06-13       40002     39990       12                 0
2024-06-14       44108     43880      228                 0
-- missing orders have customer_ids that DO exist in dim_customers today
-- dim_customers is rebuilt by dbt hourly with materialized='table' (create or replace)
'''
t('complex', 'defect-analysis',
  'Roughly half a percent of orders each day never show up in orders_enriched, and it is never the same ones twice. '
  'The raw table has them, the audit table has them. The task SQL and what I found are below. Where do they go?',
  files=[('snowflake/tasks/orders_tasks.sql', STREAM_TASKS_SQL), ('analysis/missing_orders.txt', MISSING_Q)],
  reqs=['explain every mechanism that can lose rows here, not just the first one you find', 'a fix that cannot lose rows'],
  lang=None)

# 37
def _rerun_line(i):
    mods = ['test_bq_loader', 'test_schema_diff', 'test_gcs_paths', 'test_freshness', 'test_slack_alerts', 'test_partner_export']
    mod = mods[i % len(mods)]
    name = 'tests/unit/%s.py::test_case_%02d' % (mod, i)
    if i in (7, 23, 41):
        return name + ' RERUN\n' + name + ' PASSED'
    if i == 52:
        return name + ' RERUN\n' + name + ' RERUN\n' + name + ' FAILED'
    return name + ' PASSED'
RERUN_LOG = ('============================= test session starts ==============================\n'
             'platform linux -- Python 3.11.8, pytest-8.1.1, pluggy-1.4.0\n'
             'plugins: rerunfailures-14.0, mock-3.14.0, cov-5.0.0\n'
             'collected 60 items\n\n'
             + lines(60, _rerun_line)
             + '\n\n========== 1 failed, 59 passed, 5 rerun in 41.22s ==========')
t('simple', 'flaky-test-analysis',
  'CI runs our Python tests with --reruns 2. From this log, list the tests that only passed on a rerun and the one that never passed.',
  files=[('ci/pytest_unit_run_3391.log', RERUN_LOG)], fw='pytest', lang=None)

# 38
FIRST_TOUCH_SQL = '''
{{ config(materialized='table') }}

with touches as (
    select
        user_id,
        channel,
        campaign,
        touch_ts
    from {{ ref('int_marketing_touches') }}
)
select
    user_id,
    channel as first_touch_channel,
    campaign as first_touch_campaign,
    touch_ts as first_touch_ts
from touches
qualify row_number() over (partition by user_id order by touch_ts) = 1
'''
TEST_SQL = '''
-- tests/assert_first_touch_matches_snapshot.sql
-- compares today's attribution with the frozen Q1 snapshot finance signed off
select f.user_id, f.first_touch_channel, s.first_touch_channel as expected
from {{ ref('fct_first_touch') }} f
join {{ ref('q1_first_touch_snapshot') }} s using (user_id)
where f.first_touch_channel != s.first_touch_channel
'''
FLAKY_LOG = '''
run 4411  FAIL assert_first_touch_matches_snapshot  Got 37 results
run 4412  PASS
run 4413  FAIL assert_first_touch_matches_snapshot  Got 41 results
run 4414  FAIL assert_first_touch_matches_snapshot  Got 35 results
run 4415  PASS
-- mismatching users differ between runs; all have 2+ touches with identical touch_ts (second precision, from the ad-platform import)
'''
t('medium', 'flaky-test-analysis',
  'This singular test comparing first-touch attribution against the Q1 snapshot fails on about half of the runs, with a '
  'different set of users each time. Nothing upstream changed. Why, and how do I fix it without finance\'s numbers moving?',
  files=[('models/marts/marketing/fct_first_touch.sql', FIRST_TOUCH_SQL),
         ('tests/assert_first_touch_matches_snapshot.sql', TEST_SQL), ('ci/flaky_runs.txt', FLAKY_LOG)],
  fw='dbt', lang=None)

# 39
INTEG_CONFTEST = '''
import os
import uuid

import pytest
import snowflake.connector

SCHEMA = os.environ.get("IT_SCHEMA", "IT_PIPELINES")


@pytest.fixture(scope="session")
def sf():
    conn = snowflake.connector.connect(
        account=os.environ["SF_ACCOUNT"], user=os.environ["SF_USER"],
        private_key_file=os.environ["SF_KEY_PATH"], role="TRANSFORMER_CI",
        warehouse="TRANSFORMING_XS", database="ANALYTICS_CI", schema=SCHEMA,
    )
    conn.cursor().execute(f"create schema if not exists {SCHEMA}")
    yield conn
    conn.cursor().execute(f"drop schema if exists {SCHEMA} cascade")
    conn.close()


@pytest.fixture
def orders_table(sf):
    cur = sf.cursor()
    cur.execute("create or replace table orders_fixture like ANALYTICS_CI.RAW.ORDERS_TEMPLATE")
    cur.execute("insert into orders_fixture select * from ANALYTICS_CI.RAW.ORDERS_SAMPLE")
    yield "orders_fixture"
    cur.execute("drop table if exists orders_fixture")


@pytest.fixture
def run_id():
    return uuid.uuid4().hex[:8]
'''
INTEG_TEST = '''
from pipelines.orders import dedupe_orders, load_increment


def test_dedupe_keeps_latest(sf, orders_table, run_id):
    dedupe_orders(sf, orders_table, target=f"orders_dedup_{run_id}")
    n = sf.cursor().execute(f"select count(*) from orders_dedup_{run_id}").fetchone()[0]
    assert n == 1840


def test_load_increment_appends(sf, orders_table, run_id):
    load_increment(sf, orders_table, target="orders_inc", since="2024-01-01")
    n = sf.cursor().execute("select count(*) from orders_inc").fetchone()[0]
    assert n == 912
'''
CI_YML = '''
  integration:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.10", "3.11"]
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .[test]
      - run: pytest tests/integration -n 4 --dist loadfile
        env:
          SF_ACCOUNT: ${{ secrets.SF_ACCOUNT }}
          SF_USER: ${{ secrets.SF_USER }}
          SF_KEY_PATH: /tmp/sf_key.p8
'''
CI_FAILS = '''
FAILED tests/integration/test_orders.py::test_dedupe_keeps_latest - snowflake.connector.errors.ProgrammingError: 002003 (02000): SQL compilation error: Object 'ORDERS_FIXTURE' does not exist or not authorized.
FAILED tests/integration/test_orders.py::test_load_increment_appends - AssertionError: assert 1824 == 912
FAILED tests/integration/test_customers.py::test_merge_scd - snowflake.connector.errors.ProgrammingError: 002003 (02000): Schema 'ANALYTICS_CI.IT_PIPELINES' does not exist or not authorized.
-- failures appear in maybe 1 of 4 CI runs, never when I run pytest locally without -n
'''
t('complex', 'flaky-test-analysis',
  'Our Snowflake integration tests fail in CI maybe one run in four, always with different errors, and never on my machine. '
  'Conftest, one test file, the CI job and the errors from three bad runs are attached. I need all the reasons, not just one.',
  files=[('tests/integration/conftest.py', INTEG_CONFTEST), ('tests/integration/test_orders.py', INTEG_TEST),
         ('.github/workflows/ci.yml', CI_YML), ('ci/integration_failures.txt', CI_FAILS)],
  reqs=['the fix must keep tests parallel', 'each worker and each matrix job must be isolated'],
  fw='pytest', lang=None)

# 40
LOCK_PY = '''
"""Stops two Airflow workers from running the same dbt selector at the same time.
Uses a Snowflake table because our Airflow metadata DB is not shared across the two clusters."""
import time
import uuid


class SnowflakeLock:
    def __init__(self, conn, name: str, ttl_s: int = 3600, poll_s: float = 2.0):
        self.conn = conn
        self.name = name
        self.ttl_s = ttl_s
        self.poll_s = poll_s
        self.token = uuid.uuid4().hex

    def _try_acquire(self) -> bool:
        cur = self.conn.cursor()
        cur.execute(
            "delete from ops.locks where name = %s and expires_at < current_timestamp()", (self.name,))
        cur.execute(
            """insert into ops.locks (name, token, expires_at)
               select %s, %s, dateadd('second', %s, current_timestamp())
               where not exists (select 1 from ops.locks where name = %s)""",
            (self.name, self.token, self.ttl_s, self.name))
        return cur.rowcount == 1

    def acquire(self, timeout_s: float = 600) -> None:
        deadline = time.monotonic() + timeout_s
        while not self._try_acquire():
            if time.monotonic() > deadline:
                raise TimeoutError(f"lock {self.name} busy")
            time.sleep(self.poll_s)

    def release(self) -> None:
        self.conn.cursor().execute("delete from ops.locks where name = %s", (self.name,))

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
'''
LOCK_TEST = '''
import threading

from airflow_plugins.locks import SnowflakeLock


def test_only_one_holder(sf_conn_factory):
    holders, active, errors = [], [], []

    def worker(i):
        conn = sf_conn_factory()
        try:
            with SnowflakeLock(conn, "dbt_finance", poll_s=0.2):
                active.append(i)
                holders.append(len(active))
                active.remove(i)
        except Exception as e:  # noqa
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    assert max(holders) == 1
'''
t('complex', 'flaky-test-analysis',
  'This test for our little lock helper fails about one run in fifteen, sometimes with max(holders) == 2 and sometimes '
  'hanging until the timeout. We use this lock in prod to stop two clusters running the finance models at once, so I '
  'need to know if the test is flaky or the lock is.',
  files=[('airflow_plugins/locks.py', LOCK_PY), ('tests/integration/test_locks.py', LOCK_TEST)],
  reqs=['say what Snowflake\'s transaction and autocommit behaviour means for each statement',
        'propose a lock that is correct, or say we should not build one on Snowflake'],
  fw='pytest', lang=None)

# 41
DATAFORM_JS = '''
// includes/helpers.js - shared helpers for our Dataform (BigQuery) project
function toSnakeCase(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\\s\\-.]+/g, "_")
    .toLowerCase();
}

function safeDivide(numerator, denominator) {
  return `SAFE_DIVIDE(${numerator}, ${denominator})`;
}

function dateSuffix(tableName, dateStr) {
  if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(dateStr)) {
    throw new Error(`bad date: ${dateStr}`);
  }
  return `${tableName}_${dateStr.replace(/-/g, "")}`;
}

module.exports = { toSnakeCase, safeDivide, dateSuffix };
'''
t('simple', 'test-generation',
  'Add Jest tests for the three helpers in our Dataform includes file.',
  files=[('includes/helpers.js', DATAFORM_JS)], fw='jest', lang='javascript')

# 42
MRR_MOVEMENT_SQL = '''
with months as (
    select customer_id, month, mrr from {{ ref('int_mrr_by_month') }}
),
spine as (
    -- one row per customer per month from first paid month to current month
    select c.customer_id, d.month
    from (select customer_id, min(month) as first_month from months group by 1) c
    join {{ ref('dim_months') }} d on d.month between c.first_month and date_trunc('month', current_date)
),
filled as (
    select s.customer_id, s.month, coalesce(m.mrr, 0) as mrr
    from spine s left join months m using (customer_id, month)
),
lagged as (
    select *,
        lag(mrr) over (partition by customer_id order by month) as prev_mrr,
        max(mrr) over (partition by customer_id order by month
                       rows between unbounded preceding and 1 preceding) as max_prior_mrr
    from filled
)
select
    customer_id, month, mrr, coalesce(prev_mrr, 0) as prev_mrr,
    case
        when prev_mrr is null and mrr > 0 then 'new'
        when coalesce(prev_mrr, 0) = 0 and mrr > 0 and max_prior_mrr > 0 then 'reactivation'
        when prev_mrr > 0 and mrr = 0 then 'churn'
        when mrr > prev_mrr then 'expansion'
        when mrr < prev_mrr then 'contraction'
        when mrr = 0 then 'inactive'
        else 'flat'
    end as movement,
    mrr - coalesce(prev_mrr, 0) as mrr_delta
from lagged
'''
t('medium', 'test-generation',
  'Write dbt unit tests (the 1.8 `unit_tests:` yml) for fct_mrr_movements. I care most that every movement type is '
  'classified the way finance defines it, including reactivation after a gap.',
  files=[('models/marts/finance/fct_mrr_movements.sql', MRR_MOVEMENT_SQL)],
  reqs=['mock int_mrr_by_month and dim_months with given rows; current_date must not make the test time-dependent',
        'one case per movement type plus churn-then-reactivate-in-two-months',
        'check that the deltas of one customer sum to their latest mrr'],
  fw='dbt', lang=None)

# 43
LOADER_PY = '''
"""Incremental loader for the billing API -> BigQuery. Runs as one Airflow task per hour.
Airflow may retry the task, and a retry can start while the previous attempt's BigQuery job is still running."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from google.cloud import bigquery

log = logging.getLogger(__name__)
STATE_TABLE = "ops.loader_state"


class BillingLoader:
    def __init__(self, api, bq: bigquery.Client, dataset: str, page_size: int = 500):
        self.api = api
        self.bq = bq
        self.dataset = dataset
        self.page_size = page_size

    def _get_watermark(self, stream: str) -> datetime:
        rows = list(self.bq.query(
            f"select watermark from {STATE_TABLE} where stream = @s",
            job_config=bigquery.QueryJobConfig(query_parameters=[
                bigquery.ScalarQueryParameter("s", "STRING", stream)])).result())
        return rows[0].watermark if rows else datetime(2020, 1, 1)

    def _set_watermark(self, stream: str, wm: datetime) -> None:
        self.bq.query(
            f"""merge {STATE_TABLE} t using (select @s as stream, @w as watermark) s
                on t.stream = s.stream
                when matched then update set watermark = s.watermark
                when not matched then insert (stream, watermark) values (s.stream, s.watermark)""",
            job_config=bigquery.QueryJobConfig(query_parameters=[
                bigquery.ScalarQueryParameter("s", "STRING", stream),
                bigquery.ScalarQueryParameter("w", "TIMESTAMP", wm)])).result()

    def run(self, stream: str, run_id: str, until: datetime) -> int:
        since = self._get_watermark(stream) - timedelta(minutes=5)  # overlap for late API writes
        staging = f"{self.dataset}._stg_{stream}_{run_id.replace('-', '_')}"
        total, cursor, max_seen = 0, None, since
        while True:
            page = self.api.list(stream, updated_since=since, updated_until=until,
                                 cursor=cursor, limit=self.page_size)
            if not page["data"]:
                break
            rows = [{"id": r["id"], "updated_at": r["updated_at"], "payload": json.dumps(r)} for r in page["data"]]
            errors = self.bq.insert_rows_json(staging, rows, row_ids=[r["id"] for r in rows])
            if errors:
                raise RuntimeError(f"insert errors: {errors[:3]}")
            total += len(rows)
            max_seen = max(max_seen, max(datetime.fromisoformat(r["updated_at"]) for r in page["data"]))
            cursor = page.get("next_cursor")
            if not cursor:
                break
        if total:
            self.bq.query(f"""
                merge {self.dataset}.{stream} t
                using (select * except(rn) from (
                         select *, row_number() over (partition by id order by updated_at desc) rn
                         from {staging}) where rn = 1) s
                on t.id = s.id
                when matched and s.updated_at > t.updated_at then update set updated_at = s.updated_at, payload = s.payload
                when not matched then insert (id, updated_at, payload) values (s.id, s.updated_at, s.payload)
            """).result()
        self._set_watermark(stream, max_seen)
        self.bq.delete_table(staging, not_found_ok=True)
        log.info("loaded %s rows for %s", total, stream)
        return total
'''
t('complex', 'test-generation',
  'I need tests that prove this billing loader is safe to retry: if Airflow retries it at any point, or two attempts overlap, '
  'we must end up with exactly the right rows and a watermark that never skips data. Fake the API and BigQuery in memory; '
  'I would rather find the bugs than have green tests.',
  files=[('pipelines/billing_loader.py', LOADER_PY)],
  reqs=['inject a crash after each side effect (page insert, merge, watermark update, staging drop) and re-run',
        'cover two overlapping attempts with the same run_id and with different run_ids',
        'cover records updated during pagination and records with equal updated_at across the watermark'],
  fw='pytest', lang=None)

# 44
t('simple', 'test-execution',
  'Run `pytest tests/unit -q` in the airflow-plugins repo and give me the summary line plus the names of any failures.',
  fw='pytest', lang=None)

# 45
t('medium', 'test-execution',
  'Please run slim CI for my branch: `dbt build --select state:modified+ --defer --state prod-artifacts/` against the ci '
  'target, using the prod manifest from last night. Report the failures, and for each one tell me whether it is caused by '
  'my change or by deferring to prod relations that are stale or differ from what my branch expects.',
  files=[('ci/slim_ci.sh', '''
#!/usr/bin/env bash
set -euo pipefail
mkdir -p prod-artifacts
gsutil cp gs://acme-dbt-artifacts/prod/latest/manifest.json prod-artifacts/manifest.json
export DBT_SCHEMA="pr_${PR_NUMBER}"
dbt deps
dbt build --target ci --select state:modified+ --defer --state prod-artifacts/ --fail-fast=false
'''),
         ('ci/changed_files.txt', '''
models/intermediate/int_orders_usd.sql
models/marts/finance/fct_orders.sql
models/marts/finance/_finance.yml
macros/convert_currency.sql
''')],
  fw='dbt', lang=None)

# 46
HARNESS_PY = '''
"""Concurrency harness: fire N overlapping `dbt run -s fct_orders` invocations against a scratch
dataset and check that the incremental merge never produces duplicate order_ids or lost updates."""
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from google.cloud import bigquery

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4
DATASET = "scratch_concurrency"


def run_dbt(i: int) -> int:
    cmd = ["dbt", "run", "-s", "fct_orders", "--target", "scratch",
           "--vars", f"{{run_tag: harness_{i}}}"]
    return subprocess.run(cmd, capture_output=True).returncode


def check() -> dict:
    bq = bigquery.Client()
    dupes = list(bq.query(
        f"select order_id, count(*) n from {DATASET}.fct_orders group by 1 having n > 1").result())
    stale = list(bq.query(f"""
        select count(*) n from {DATASET}.fct_orders f
        join {DATASET}.stg_shopify__orders s using (order_id)
        where f._loaded_at < s._loaded_at""").result())[0].n
    return {"duplicate_keys": len(dupes), "stale_rows": stale}


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=N) as pool:
        codes = list(pool.map(run_dbt, range(N)))
    print("exit codes:", codes)
    print(check())
'''
# why: "just run it" on the surface, but judging whether the run demonstrates anything about concurrent merges is the real work -> complex
t('complex', 'test-execution',
  'We wrote this harness to check that overlapping runs of fct_orders can\'t create duplicates. Please run it against the '
  'scratch target with N=2, 4 and 8, a few times each, and tell me whether the results actually prove the model is safe '
  'to run concurrently, or whether the harness could pass while the bug is still there.',
  files=[('tools/concurrency_harness.py', HARNESS_PY), ('models/marts/finance/fct_orders.sql', FCT_ORDERS_SQL)],
  reqs=['make sure each run has new source rows to insert, otherwise there is nothing to race on'],
  fw='dbt', lang=None)

# 47
t('simple', 'coverage-analysis',
  'Which functions in warehouse_utils have no test coverage at all? Coverage report below.',
  files=[('reports/coverage_warehouse_utils.txt', '''
Name                                   Stmts   Miss  Cover   Missing
--------------------------------------------------------------------
warehouse_utils/__init__.py                2      0   100%
warehouse_utils/phone.py                  17      0   100%
warehouse_utils/retail_calendar.py        24      9    63%   18-26
warehouse_utils/scd2.py                   48     48     0%   1-72
warehouse_utils/slugify.py                11      0   100%
warehouse_utils/currency.py               29     12    59%   33-47
--------------------------------------------------------------------
TOTAL                                    131     69    47%

# function line ranges (from `python -m tools.list_functions warehouse_utils`)
retail_calendar.py: fiscal_year_start 5-11, retail_period 14-26
scd2.py: Version.is_current 25-27, apply_snapshot 30-72
currency.py: to_minor_units 5-14, from_minor_units 17-22, convert 25-31, round_half_even 33-47
''')],
  fw='pytest', lang=None)

# 48
def _proj_cov(name, models, cols, documented, tested):
    return (name + '/target/dbt-coverage.json', '''
{"project": "%s", "generated_at": "2024-06-20T06:00:00Z",
 "summary": {"models": %d, "columns": %d, "columns_documented": %d, "columns_tested": %d}}
''' % (name, models, cols, documented, tested))
# why: six files, but each is a four-number summary and the ask is a mechanical table -> simple, not multi-module context
t('simple', 'coverage-analysis',
  'We run dbt-coverage in each of our six dbt projects. Turn these into one table: project, % of columns documented, '
  '% tested, sorted by % tested ascending.',
  files=[_proj_cov('core', 84, 1210, 1002, 688), _proj_cov('finance', 41, 602, 590, 511),
         _proj_cov('marketing', 57, 880, 402, 199), _proj_cov('product', 112, 1930, 850, 610),
         _proj_cov('sales', 38, 520, 498, 300), _proj_cov('support', 19, 240, 60, 31)],
  fw='dbt', lang=None)

# 49
COV_XML_SUMMARY = '''
<?xml version="1.0" ?>
<coverage line-rate="0.71" branch-rate="0.52" version="7.5.1">
  <packages>
    <package name="airflow_plugins.operators" line-rate="0.71" branch-rate="0.52">
      <classes>
        <class name="dbt_cloud_job.py" filename="airflow_plugins/operators/dbt_cloud_job.py" line-rate="0.64" branch-rate="0.41">
          <lines>
            <line number="38" hits="1"/><line number="39" hits="1"/><line number="44" hits="1" branch="true" condition-coverage="50% (1/2)"/>
            <line number="45" hits="0"/><line number="52" hits="1" branch="true" condition-coverage="50% (1/2)"/>
            <line number="53" hits="0"/><line number="54" hits="0"/><line number="61" hits="1"/>
            <line number="63" hits="1" branch="true" condition-coverage="33% (1/3)"/><line number="64" hits="0"/>
            <line number="66" hits="0"/><line number="70" hits="0"/><line number="71" hits="0"/>
          </lines>
        </class>
        <class name="partner_export.py" filename="airflow_plugins/operators/partner_export.py" line-rate="0.90" branch-rate="0.75"/>
        <class name="ge_checkpoint.py" filename="airflow_plugins/operators/ge_checkpoint.py" line-rate="0.77" branch-rate="0.60"/>
      </classes>
    </package>
  </packages>
</coverage>
'''
DBT_CLOUD_OP = '''
import time

import requests
from airflow.exceptions import AirflowException
from airflow.models import BaseOperator

TERMINAL = {10: "success", 20: "error", 30: "cancelled"}


class DbtCloudJobOperator(BaseOperator):
    template_fields = ("cause", "steps_override")

    def __init__(self, account_id, job_id, token_conn_id="dbt_cloud", cause="airflow",
                 steps_override=None, poll_s=30, timeout_s=3 * 3600, **kw):
        super().__init__(**kw)
        self.account_id, self.job_id = account_id, job_id
        self.token_conn_id, self.cause = token_conn_id, cause
        self.steps_override, self.poll_s, self.timeout_s = steps_override, poll_s, timeout_s

    def _session(self):
        from airflow.hooks.base import BaseHook
        s = requests.Session()
        s.headers["Authorization"] = f"Token {BaseHook.get_connection(self.token_conn_id).password}"
        return s

    def execute(self, context):
        s = self._session()
        base = f"https://cloud.getdbt.com/api/v2/accounts/{self.account_id}"
        body = {"cause": self.cause}
        if self.steps_override:
            body["steps_override"] = self.steps_override
        r = s.post(f"{base}/jobs/{self.job_id}/run/", json=body, timeout=30)
        if r.status_code == 429:
            raise AirflowException("dbt Cloud rate limit, will retry")
        r.raise_for_status()
        run_id = r.json()["data"]["id"]
        deadline = time.monotonic() + self.timeout_s
        while True:
            status = s.get(f"{base}/runs/{run_id}/", timeout=30).json()["data"]["status"]
            if status in TERMINAL:
                break
            if time.monotonic() > deadline:
                s.post(f"{base}/runs/{run_id}/cancel/", timeout=30)
                raise AirflowException(f"run {run_id} timed out")
            time.sleep(self.poll_s)
        if TERMINAL[status] != "success":
            raise AirflowException(f"dbt Cloud run {run_id} ended {TERMINAL[status]}")
        return run_id
'''
t('medium', 'coverage-analysis',
  'Branch coverage on our operators package is 52% and the dbt Cloud operator is the worst. Map the uncovered lines and '
  'branches in the XML to what they do in the code, and tell me which ones would hurt us in production if they were wrong.',
  files=[('reports/coverage.xml', COV_XML_SUMMARY), ('airflow_plugins/operators/dbt_cloud_job.py', DBT_CLOUD_OP)],
  reqs=['the XML was produced before we stripped the 30-line licence header, so its line numbers are offset; match by content',
        'suggest the smallest set of tests, with requests mocked, that covers the risky paths'],
  fw='pytest', lang=None)

# 50
SEM_METRICS_YML = '''
semantic_models:
  - name: orders
    model: ref('fct_orders')
    defaults: {agg_time_dimension: order_date}
    entities: [{name: order, type: primary, expr: order_id}, {name: customer, type: foreign, expr: customer_id}]
    dimensions: [{name: order_date, type: time, type_params: {time_granularity: day}}, {name: channel, type: categorical}]
    measures:
      - {name: net_revenue, agg: sum, expr: net_amount}
      - {name: order_count, agg: count_distinct, expr: order_id}
      - {name: refunded_orders, agg: sum, expr: "case when refund_amount > 0 then 1 else 0 end"}
metrics:
  - {name: net_revenue, type: simple, type_params: {measure: net_revenue}}
  - {name: aov, type: ratio, type_params: {numerator: net_revenue, denominator: order_count}}
  - {name: refund_rate, type: ratio, type_params: {numerator: refunded_orders, denominator: order_count}}
  - name: active_customers_28d
    type: simple
    type_params: {measure: {name: order_count}}
    filter: "{{ TimeDimension('order__order_date', 'day') }} >= current_date - 28"
'''
SEM_SESSIONS_YML = '''
semantic_models:
  - name: sessions
    model: ref('fct_sessions')
    entities: [{name: session, type: primary, expr: session_id}, {name: customer, type: foreign, expr: user_id}]
    dimensions: [{name: session_start, type: time, type_params: {time_granularity: day}}]
    measures:
      - {name: sessions, agg: count}
      - {name: converting_sessions, agg: sum, expr: "case when purchases > 0 then 1 else 0 end"}
metrics:
  - {name: conversion_rate, type: ratio, type_params: {numerator: converting_sessions, denominator: sessions}}
'''
GE_ORDERS = '''
{"expectation_suite_name": "fct_orders_prod", "expectations": [
  {"expectation_type": "expect_column_values_to_be_unique", "kwargs": {"column": "order_id"}},
  {"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "order_date"}},
  {"expectation_type": "expect_column_values_to_be_between", "kwargs": {"column": "gross_amount", "min_value": 0}},
  {"expectation_type": "expect_column_values_to_be_in_set", "kwargs": {"column": "channel", "value_set": ["web", "app", "pos"]}}
]}
'''
GE_SESSIONS = '''
{"expectation_suite_name": "fct_sessions_prod", "expectations": [
  {"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "session_id"}},
  {"expectation_type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 100000}}
]}
'''
DBT_TESTS_YML = '''
version: 2
models:
  - name: fct_orders
    columns:
      - name: net_amount
        tests: [not_null]
      - name: customer_id
        tests: [{relationships: {to: ref('dim_customers'), field: customer_id}}]
  - name: fct_sessions
    columns:
      - name: purchases
        tests: [not_null]
'''
LOOKML_EXEC = '''
view: exec_kpis {
  derived_table: {
    sql:
      select order_date, sum(gross_amount - refund_amount) as revenue,
             count(*) as orders, count(distinct customer_id) as buyers
      from finance.fct_orders group by 1 ;;
    datagroup_trigger: daily_finance
  }
  dimension_group: order { type: time timeframes: [date, week, month] sql: ${TABLE}.order_date ;; }
  measure: revenue { type: sum sql: ${TABLE}.revenue ;; }
  measure: aov { type: number sql: ${revenue} / nullif(sum(${TABLE}.orders), 0) ;; }
  measure: active_customers { type: sum sql: ${TABLE}.buyers ;; }
}
'''
t('complex', 'coverage-analysis',
  'Our KPIs are defined in the dbt semantic layer and, for the exec dashboard, again in LookML. Data quality is split '
  'between GE suites and dbt tests. For each KPI, tell me which inputs are guarded by some test and which are not, and '
  'where the two definitions of the same KPI disagree so that no test could ever catch the difference.',
  files=[('models/semantic/orders.yml', SEM_METRICS_YML), ('models/semantic/sessions.yml', SEM_SESSIONS_YML),
         ('great_expectations/expectations/fct_orders_prod.json', GE_ORDERS),
         ('great_expectations/expectations/fct_sessions_prod.json', GE_SESSIONS),
         ('models/marts/_marts_tests.yml', DBT_TESTS_YML), ('looker/views/exec_kpis.view.lkml', LOOKML_EXEC)],
  reqs=['a KPI-by-input matrix: guarded / unguarded / guarded by the wrong check',
        'note definition mismatches such as what "active customer" counts in each place'],
  lang=None)

# 51
SOURCES = ['shopify.orders', 'shopify.refunds', 'shopify.customers', 'stripe.charges', 'stripe.invoices',
           'stripe.invoice_lines', 'stripe.subscriptions', 'hubspot.contacts', 'hubspot.deals', 'hubspot.companies',
           'ga4.events', 'ga4.pseudonymous_users', 'zendesk.tickets', 'zendesk.users', 'netsuite.gl_entries',
           'netsuite.accounts', 'salesforce.opportunity', 'salesforce.account', 'segment.tracks', 'segment.identifies',
           'finance.fx_rates', 'finance.budget', 'ops.warehouses', 'ops.shipments', 'ads.google_ads_spend',
           'ads.meta_spend', 'ads.linkedin_spend', 'product.feature_flags', 'product.usage_events', 'hr.headcount']
def _fresh_line(i):
    src = SOURCES[i]
    tier = 'tier1' if i % 3 != 2 else 'tier2'
    age_h = (i * 7 + 3) % 19 / 2.0 + (0 if i not in (4, 17, 24) else 6.5)
    status = 'PASS' if age_h < 6 else ('WARN' if age_h < 12 else 'ERROR')
    secs = 6 + i * 5
    return '06:%02d:%02d  %2d of 30 %-5s freshness of %-28s [tags: %s] max_loaded_at %.1fh ago' % (
        secs // 60, secs % 60, i + 1, status, src, tier, age_h)
FRESH_OUT = ('06:00:02  Running with dbt=1.7.11\n06:00:05  Found 30 sources\n' + lines(30, _fresh_line)
             + '\n06:02:59  Done.')
t('simple', 'quality-gate',
  'Gate for starting the 6am marts build: every tier1 source loaded within the last 6 hours. Tier2 does not count. '
  'Here is this morning\'s `dbt source freshness` output. Go or hold, and list the tier1 sources that break it.',
  files=[('logs/source_freshness_2024-06-21.txt', FRESH_OUT)], fw='dbt', lang=None)

# 52
t('medium', 'quality-gate',
  'Release check for airflow-plugins v2.4.0. Our bar: all tests pass, line coverage >= 80% overall and >= 90% on changed '
  'lines, zero mypy errors in airflow_plugins/operators, no new ruff violations vs main. Reports attached. Ship it or not?',
  files=[('reports/pytest_summary.txt', '''
========== 212 passed, 3 skipped, 1 xfailed in 94.12s ==========
SKIPPED [1] tests/integration/test_locks.py:8: SF_ACCOUNT not set
SKIPPED [2] tests/integration/test_orders.py: SF_ACCOUNT not set
XFAIL tests/unit/test_retail_calendar.py::test_week_53_fy2023 - known NRF mismatch, ticket DATA-1182
'''),
         ('reports/coverage_summary.txt', '''
TOTAL  1841  352  81%
diff-cover (origin/main...HEAD):
  airflow_plugins/operators/dbt_cloud_job.py   78% (missing 45, 53-54, 64, 66, 70-71)
  airflow_plugins/locks.py                     100%
  airflow_plugins/checks/freshness.py          96% (missing 61)
  Total: 412 lines, 371 covered: 90.0%
'''),
         ('reports/mypy.txt', '''
airflow_plugins/checks/freshness.py:48: error: Item "None" of "datetime | None" has no attribute "tzinfo"  [union-attr]
airflow_plugins/operators/partner_export.py:31: note: By default the bodies of untyped functions are not checked
Found 1 error in 1 file (checked 23 source files)
'''),
         ('reports/ruff_diff.txt', '''
main:   14 violations
HEAD:   15 violations
+ airflow_plugins/locks.py:41:9: S608 Possible SQL injection vector through string-based query construction
''')],
  reqs=['skipped integration tests: say whether "all tests pass" is really met',
        'treat 90.0% exactly as the threshold says, and say so'],
  fw='pytest', lang=None)

# 53
CONTRACT_V1 = '''
models:
  - name: fct_orders
    config: {contract: {enforced: true}}
    columns:
      - {name: order_id, data_type: varchar, constraints: [{type: not_null}, {type: primary_key}]}
      - {name: customer_id, data_type: varchar}
      - {name: order_date, data_type: date, constraints: [{type: not_null}]}
      - {name: currency, data_type: varchar(3)}
      - {name: gross_amount, data_type: "number(18,2)"}
      - {name: net_amount, data_type: "number(18,2)"}
      - {name: channel, data_type: varchar}
'''
CONTRACT_V2 = '''
models:
  - name: fct_orders
    latest_version: 2
    config: {contract: {enforced: true}}
    columns:
      - {name: order_id, data_type: varchar, constraints: [{type: not_null}, {type: primary_key}]}
      - {name: customer_id, data_type: varchar, constraints: [{type: not_null}]}
      - {name: order_date, data_type: date, constraints: [{type: not_null}]}
      - {name: currency, data_type: varchar(3)}
      - {name: gross_amount, data_type: "number(12,2)"}
      - {name: net_amount_usd, data_type: "number(18,2)"}
      - {name: channel, data_type: varchar(16)}
      - {name: is_test_order, data_type: boolean, constraints: [{type: not_null}]}
    versions:
      - v: 2
      - v: 1
        deprecation_date: 2024-09-30
'''
# why: two short yml files, but deciding which changes are breaking needs judgement about types and consumers -> medium
t('medium', 'quality-gate',
  'fct_orders is a public model with an enforced contract, and three teams read it. Our rule is no breaking change without a '
  'new version. Compare v1 and v2 of the yml and tell me change by change whether it is breaking, and whether the '
  'versioning as written is enough to let this merge.',
  files=[('models/marts/finance/_fct_orders_v1.yml', CONTRACT_V1), ('models/marts/finance/_fct_orders_v2.yml', CONTRACT_V2)],
  reqs=['narrowing a type or adding not_null counts as breaking', 'a removed or renamed column is breaking'],
  fw='dbt', lang=None)

# 54
ACTIVE_DEF_OLD = '''
-- models/marts/product/fct_daily_active_users.sql  (main)
select event_date as activity_date, count(distinct user_id) as dau
from {{ ref('stg_events') }}
where event_type not in ('email_open', 'push_received')
group by 1
'''
ACTIVE_DEF_NEW = '''
-- models/marts/product/fct_daily_active_users.sql  (PR #530)
select
    date(convert_timezone('UTC', u.account_timezone, e.event_ts)) as activity_date,
    count(distinct e.user_id) as dau
from {{ ref('stg_events') }} e
join {{ ref('dim_users') }} u using (user_id)
where e.event_type in (select event_type from {{ ref('active_event_types') }})
  and not u.is_internal
group by 1
'''
SEED_CSV = '''
event_type,counts_as_active
page_view,true
feature_used,true
login,true
api_call,true
email_open,false
'''
SEM_YML = '''
metrics:
  - name: dau
    type: simple
    type_params: {measure: dau}
  - name: wau
    type: simple
    type_params: {measure: dau}
    cumulative_type_params: {window: 7 days}
  - name: stickiness
    type: ratio
    type_params: {numerator: dau, denominator: mau}
'''
EXPOSURES_YML = '''
exposures:
  - name: board_kpi_deck
    type: dashboard
    owner: {name: CFO office}
    depends_on: [ref('fct_daily_active_users')]
  - name: growth_experiments
    type: analysis
    depends_on: [ref('fct_daily_active_users'), ref('fct_experiment_assignments')]
  - name: customer_health_score
    type: ml
    depends_on: [ref('fct_daily_active_users'), ref('fct_mrr')]
'''
BACKFILL_REPORT = '''
dau comparison, old vs new definition (last 90 days)
mean old dau: 48,211   mean new dau: 44,930   mean diff: -6.8%
max daily diff: -14.2% on 2024-05-27 (US holiday)   min: -1.1%
days where new > old: 3 (all Sundays, APAC-heavy)
wau (sum of dau over 7 days per current metric def): old 337,480 new 314,510
'''
LOOKER_EXPLORE = '''
explore: product_kpis {
  from: fct_daily_active_users
  join: fct_monthly_active_users {
    sql_on: date_trunc('month', ${product_kpis.activity_date}) = ${fct_monthly_active_users.month} ;;
    relationship: many_to_one
  }
}
# fct_monthly_active_users still uses the old definition (UTC dates, excludes only email_open and push_received)
'''
t('complex', 'quality-gate',
  'PR #530 changes what "daily active user" means. Before I approve it I need a sign-off review: does the new definition '
  'stay consistent with everything built on top of DAU, which downstream numbers will silently move, and is the change '
  'safe to release as is? Everything relevant is attached.',
  files=[('pr530/fct_daily_active_users.main.sql', ACTIVE_DEF_OLD),
         ('pr530/fct_daily_active_users.pr.sql', ACTIVE_DEF_NEW),
         ('seeds/active_event_types.csv', SEED_CSV), ('models/semantic/product_metrics.yml', SEM_YML),
         ('models/exposures.yml', EXPOSURES_YML), ('pr530/backfill_comparison.txt', BACKFILL_REPORT),
         ('looker/explores/product_kpis.explore.lkml', LOOKER_EXPLORE)],
  reqs=['check the seed: does the new filter use counts_as_active at all',
        'say whether wau and stickiness are still well-defined after the change',
        'a release recommendation with the conditions that must be met first'],
  fw='dbt', lang=None)
