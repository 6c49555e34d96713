from lib import t, lines

# Fresh evaluation batch E, written to the rubric in docs/tasks.md (tier = the cheapest model tier that reliably
# does the task well). Persona: a data / ML platform engineer (pandas, Airflow, Spark, dbt, FastAPI, Celery; some
# Scala, SQL, Go and TypeScript dashboards). Traps both ways: short code hiding hard problems, long but mechanical
# artefacts, medium judgement over small inputs, complex work described in prose only.


# --- helpers for long, regular artefacts ------------------------------------------------------------------------
_DBT_MODELS = ['stg_sales__orders', 'stg_sales__order_lines', 'stg_sales__stores', 'int_sales__returns',
               'fct_daily_sales', 'dim_store', 'dim_product']
_DBT_COLS = {
    'stg_sales__orders': ['order_id', 'store_id', 'ordered_at'],
    'stg_sales__order_lines': ['line_id', 'order_id', 'sku'],
    'stg_sales__stores': ['store_id', 'region', 'opened_on'],
    'int_sales__returns': ['return_id', 'line_id', 'reason_code'],
    'fct_daily_sales': ['sale_key', 'store_id', 'sale_date'],
    'dim_store': ['store_key', 'region', 'format'],
    'dim_product': ['product_key', 'sku', 'category'],
}
_DBT_CHECKS = ['not_null', 'unique', 'relationships', 'accepted_values']


def _dbt_line(i):
    m = _DBT_MODELS[i % 7]
    c = _DBT_CHECKS[(i // 7) % 4]
    col = _DBT_COLS[m][(i // 28) % 3]
    name = f'{c}_{m}_{col}'
    secs = 14 * 60 + i * 2 + i // 3
    ts = f'02:{secs // 60:02d}:{secs % 60:02d}'
    head = f'{ts}  {i + 1} of 84 '
    start = (head + f'START test {name} ').ljust(104, '.') + ' [RUN]\n'
    if i in (9, 38, 61):
        n = 3 + (i % 5) * 11
        return start + (head + f'FAIL {n} {name} ').ljust(104, '.') + f' [FAIL {n} in 1.{i % 9}4s]'
    if i == 52:
        return start + (head + f'ERROR {name} ').ljust(104, '.') + ' [ERROR in 0.31s]'
    return start + (head + f'PASS {name} ').ljust(104, '.') + f' [PASS in 0.{(i * 3) % 9 + 1}2s]'


_COV_PKGS = ['extract', 'transform', 'load', 'quality', 'common']
_COV_MODS = ['orders', 'stores', 'returns', 'promotions', 'inventory', 'calendar', 'currency', 'sku_map',
             'dedupe', 'partitions', 'writers', 'schemas']


def _cov_line(i):
    path = f'retail_etl/{_COV_PKGS[i % 5]}/{_COV_MODS[i % 12]}.py'
    stmts = 40 + (i * 37) % 210
    miss = (i * 13) % 9 if i % 4 else (i * 29) % 71
    miss = min(miss, stmts)
    cover = round(100 * (stmts - miss) / stmts)
    return f'{path:<44}{stmts:>7}{miss:>7}{cover:>6}%'


_GE_COLS = ['reading_id', 'sensor_id', 'site_code', 'measured_at', 'temperature_c', 'humidity_pct',
            'pressure_hpa', 'battery_v', 'firmware', 'ingested_at']
_GE_KINDS = ['expect_column_values_to_not_be_null', 'expect_column_values_to_be_between',
             'expect_column_values_to_match_regex', 'expect_column_values_to_be_unique',
             'expect_column_values_to_be_of_type', 'expect_column_mean_to_be_between',
             'expect_column_proportion_of_unique_values_to_be_between']


def _ge_line(i):
    col = _GE_COLS[i % 10]
    kind = _GE_KINDS[(i // 10) % 7]
    failed = i in (4, 17, 23, 45, 58)
    unexpected = f'{(i * 211) % 4000 + 12}' if failed else '0'
    pct = f'{((i * 211) % 4000 + 12) / 1843220 * 100:.4f}%' if failed else '0.0000%'
    return f'| {i + 1:>3} | {kind:<58} | {col:<14} | {"FAILED" if failed else "passed":<6} | {unexpected:>6} | {pct:>8} |'


def _spark_stage(i):
    names = ['scan parquet pos_transactions', 'filter', 'exchange hashpartitioning(store_id)',
             'sortMergeJoin stores', 'hashAggregate', 'exchange rangepartitioning(sale_date)',
             'writeFiles delta fct_daily_sales']
    rows_in = [418_220_913, 418_220_913, 402_118_374, 402_118_374, 402_118_374, 6_231_880, 6_231_880][i % 7]
    return (f'24/05/14 03:{12 + i * 3:02d}:{(i * 17) % 60:02d} INFO DAGScheduler: ResultStage {i} '
            f'({names[i % 7]}) finished in {round(14.2 + (i * 23.7) % 310, 1)} s\n'
            f'24/05/14 03:{12 + i * 3:02d}:{(i * 17 + 1) % 60:02d} INFO StageMetrics: stage={i} tasks={200 if i % 7 > 1 else 1480} '
            f'recordsRead={rows_in} recordsWritten={rows_in if i % 7 == 6 else 0} '
            f'shuffleReadBytes={(i * 7919) % 90000}MB spillBytes={0 if i % 3 else (i * 311) % 4000}MB\n'
            f'24/05/14 03:{12 + i * 3:02d}:{(i * 17 + 2) % 60:02d} INFO BlockManagerInfo: Removed broadcast_{i} on 10.0.4.{20 + i}:40{100 + i} in memory')


def _rerun_line(i):
    mods = ['test_feature_joins', 'test_online_store', 'test_embeddings_export', 'test_ranking_api', 'test_backfill_cli']
    mod = mods[i % 5]
    name = f'tests/integration/{mod}.py::test_case_{i:03d}'
    if i in (12, 31, 47, 66):
        return f'{name} RERUN [ {i}%]\n{name} RERUN [ {i}%]\n{name} PASSED [ {i}%]'
    if i in (20, 58):
        return f'{name} RERUN [ {i}%]\n{name} PASSED [ {i}%]'
    if i == 73:
        return f'{name} RERUN [ {i}%]\n{name} RERUN [ {i}%]\n{name} FAILED [ {i}%]'
    return f'{name} PASSED [ {i}%]'


# ================================================================================================================
# simple
# ================================================================================================================

t('simple', 'test-execution', "Nightly dbt build for the retail sales project came back red. Before I dig in, list the tests that failed or errored from this log, with the model each belongs to. Nothing else needed.", [('logs/dbt-build-2024-05-14.log', '02:13:58  Running with dbt=1.7.11\n02:13:59  Found 7 models, 84 data tests, 3 sources, 0 exposures, 611 macros\n02:14:00  Concurrency: 8 threads (target=\'prod\')\n' + lines(84, _dbt_line) + '\n02:17:41  Finished running 84 data tests in 0 hours 3 minutes and 41.02 seconds (221.02s).\n02:17:41  Completed with 4 errors and 0 warnings:\n02:17:41  Done. PASS=80 WARN=0 ERROR=4 SKIP=0 TOTAL=84')], fw='dbt', lang=None)

t('simple', 'test-execution', "Can you run tests/unit/test_currency.py three times in a row with `-p no:randomly` and give me the pass/fail/skip counts for each run? Just the numbers, I'm checking whether the suite is stable after the fx-rate fixture change.", [], fw='pytest', lang=None)

t('simple', 'test-execution', "In the dashboards monorepo, run vitest only for packages/cost-dashboard (no watch mode) and paste back the final summary line plus the names of any failing tests.", [], fw='vitest', lang='typescript')

t('simple', 'test-generation', "Convert this unittest TestCase to plain pytest functions: bare asserts, pytest.raises, and a parametrize where the cases are obviously the same shape. Keep every case.", [('tests/test_sku.py', '''
import unittest

from retail_etl.common.sku_map import normalize_sku, InvalidSku


class TestNormalizeSku(unittest.TestCase):
    def test_strips_whitespace(self):
        self.assertEqual(normalize_sku("  AB-1234 "), "AB-1234")

    def test_uppercases(self):
        self.assertEqual(normalize_sku("ab-1234"), "AB-1234")

    def test_inserts_dash(self):
        self.assertEqual(normalize_sku("AB1234"), "AB-1234")

    def test_keeps_long_suffix(self):
        self.assertEqual(normalize_sku("ab-123456"), "AB-123456")

    def test_empty_raises(self):
        with self.assertRaises(InvalidSku):
            normalize_sku("")

    def test_digits_only_raises(self):
        with self.assertRaises(InvalidSku):
            normalize_sku("123456")

    def test_none_raises(self):
        with self.assertRaises(InvalidSku):
            normalize_sku(None)


if __name__ == "__main__":
    unittest.main()
''')], fw='pytest', lang=None)

t('simple', 'test-generation', "Please write pytest cases for this price band helper used in the retail sales mart. Boundaries matter to the analysts, so cover each edge.", [('retail_etl/transform/price_band.py', '''
from decimal import Decimal

BANDS = [
    (Decimal("0"), Decimal("5"), "budget"),
    (Decimal("5"), Decimal("20"), "core"),
    (Decimal("20"), Decimal("100"), "premium"),
]


def price_band(unit_price: Decimal) -> str:
    """Lower bound inclusive, upper bound exclusive; 100 and above is 'luxury'."""
    if unit_price < 0:
        raise ValueError("negative price")
    for low, high, label in BANDS:
        if low <= unit_price < high:
            return label
    return "luxury"
''')], fw='pytest', lang=None)

t('simple', 'coverage-analysis', "Here's the coverage.py report from the retail ETL repo. Give me the modules under 80% line coverage, lowest first, as a markdown list with their percentage.", [('reports/coverage.txt', f'{"Name":<44}{"Stmts":>7}{"Miss":>7}{"Cover":>7}\n' + '-' * 65 + '\n' + lines(60, _cov_line) + '\n' + '-' * 65 + f'\n{"TOTAL":<44}{"8143":>7}{"1212":>7}{"85%":>7}')], lang=None)

t('simple', 'coverage-analysis', "From this istanbul text summary for the A/B results dashboard, which files have 0% function coverage? A plain list is fine.", [('coverage/coverage-summary.txt', '''
-------------------------------|---------|----------|---------|---------|
File                           | % Stmts | % Branch | % Funcs | % Lines |
-------------------------------|---------|----------|---------|---------|
All files                      |   68.41 |    55.02 |   61.90 |   69.12 |
 src/api                       |   81.25 |    70.00 |   83.33 |   82.10 |
  client.ts                    |   88.00 |    75.00 |  100.00 |   88.46 |
  experiments.ts               |   74.50 |    65.00 |   66.66 |   75.75 |
 src/components                |   59.30 |    48.10 |   52.17 |   60.02 |
  ExperimentTable.tsx          |   91.66 |    80.00 |   90.00 |   92.00 |
  LiftChart.tsx                |    0.00 |     0.00 |    0.00 |    0.00 |
  SampleRatioBanner.tsx        |   45.45 |    33.33 |   50.00 |   45.45 |
  SegmentPicker.tsx            |   72.22 |    60.00 |   66.66 |   73.52 |
  ExportCsvButton.tsx          |    0.00 |     0.00 |    0.00 |    0.00 |
 src/stats                     |   77.77 |    62.50 |   71.42 |   78.26 |
  ci.ts                        |   95.00 |    87.50 |  100.00 |   95.00 |
  srm.ts                       |   60.00 |    37.50 |   50.00 |   61.11 |
  sequential.ts                |    0.00 |     0.00 |    0.00 |    0.00 |
-------------------------------|---------|----------|---------|---------|
''')], lang=None)

t('simple', 'quality-gate', "Great Expectations validation for the sensor readings batch is below. Summarise it for the on-call channel in a few lines: total expectations, how many failed, which columns, and the worst unexpected percentage.", [('reports/ge_sensor_readings_2024-05-14.md', '''
# Validation result: sensor_readings_suite  (batch: raw.sensor_readings / 2024-05-14)
Rows evaluated: 1,843,220

|   # | expectation                                                | column         | result | unexp. |   unexp% |
|-----|------------------------------------------------------------|----------------|--------|--------|----------|
''' + lines(70, _ge_line))], lang=None)

t('simple', 'quality-gate', "Our load gate for the daily orders table is: customer_id null rate under 0.5%, and today's row count within 10% of the trailing 7-day average. Today we have 0.21% nulls and 1,020,331 rows; the 7-day average is 1,004,900. Pass or fail?", [], lang=None)

t('simple', 'quality-gate', "We only block the pipeline on source freshness ERROR, not WARN. Going by this output, is anything blocking, and which sources are just warnings?", [('logs/dbt-source-freshness.log', '''
08:00:04  Running with dbt=1.7.11
08:00:05  Concurrency: 4 threads (target='prod')
08:00:06  1 of 8 START freshness of pos.transactions ......................... [RUN]
08:00:07  1 of 8 PASS freshness of pos.transactions .......................... [PASS in 0.91s]
08:00:07  2 of 8 START freshness of pos.refunds .............................. [RUN]
08:00:08  2 of 8 WARN freshness of pos.refunds ............................... [WARN in 0.77s]
08:00:08  3 of 8 PASS freshness of erp.stores ................................ [PASS in 0.52s]
08:00:09  4 of 8 PASS freshness of erp.products .............................. [PASS in 0.60s]
08:00:10  5 of 8 WARN freshness of loyalty.members ........................... [WARN in 1.02s]
08:00:10  6 of 8 PASS freshness of ecommerce.orders .......................... [PASS in 0.48s]
08:00:11  7 of 8 PASS freshness of ecommerce.carts ........................... [PASS in 0.55s]
08:00:12  8 of 8 PASS freshness of marketing.promotions ...................... [PASS in 0.44s]
08:00:12  Finished running 8 sources in 0 hours 0 minutes and 7.12 seconds (7.12s).
08:00:12  Done. PASS=6 WARN=2 ERROR=0 SKIP=0 TOTAL=8
''')], fw='dbt', lang=None)

t('simple', 'performance-testing', "Locust stats from this afternoon's run against the scoring service. What were the p99 latency and the requests/s for POST /v1/score? Just those two numbers.", [('results/locust_stats.csv', '''
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
POST,/v1/score,182304,41,38,46.2,9,1820,212,303.84,0.07,38,44,49,53,66,81,104,131,420,1500,1800
GET,/v1/models,6021,0,5,6.1,2,88,540,10.04,0.00,5,6,7,7,9,11,14,18,60,88,88
GET,/healthz,12030,0,2,2.4,1,40,18,20.05,0.00,2,2,3,3,3,4,5,6,22,40,40
,Aggregated,200355,41,35,42.6,1,1820,218,333.93,0.07,35,41,46,50,63,78,100,126,400,1500,1800
''')], fw='locust', lang=None)

t('simple', 'performance-testing', "I need the per-stage numbers from last night's retail sales Spark job for a capacity spreadsheet: stage id, duration, records read and spill, as a table. No interpretation.", [('logs/spark-driver-retail-sales-20240514.log', '''
24/05/14 03:10:02 INFO SparkContext: Running Spark version 3.5.1
24/05/14 03:10:02 INFO SparkContext: Submitted application: retail_sales_daily
24/05/14 03:10:05 INFO ResourceProfile: Default ResourceProfile created, executor resources: cores 4, memory 16384 MB
''' + lines(14, _spark_stage) + '''
24/05/14 03:58:40 INFO SparkContext: Successfully stopped SparkContext
''')], lang=None)

t('simple', 'flaky-test-analysis', "This one is red on most CI runs but goes green every so often, with no code change in between. Why, and what's the one-line fix?", [('tests/test_sampling.py', '''
import random

from recs.sampling import sample_negatives


def test_negatives_exclude_positives():
    catalog = [f"item_{i}" for i in range(50)]
    positives = {"item_1", "item_2", "item_3"}
    negs = sample_negatives(catalog, positives, k=5, rng=random.Random())
    assert len(negs) == 5
    assert not positives & set(negs)
    assert negs[0] == "item_17"
''')], fw='pytest', lang=None)

t('simple', 'flaky-test-analysis', "pytest-rerunfailures output from the feature-store integration job. List every test that needed at least one rerun, how many reruns, and whether it eventually passed.", [('logs/integration-reruns.log', '============================= test session starts ==============================\nplatform linux -- Python 3.11.8, pytest-8.1.1, pluggy-1.4.0\nplugins: rerunfailures-14.0, xdist-3.5.0\ncollected 80 items\n\n' + lines(80, _rerun_line) + '\n=========== 1 failed, 79 passed, 10 rerun in 412.55s (0:06:52) ===========')], fw='pytest', lang=None)

t('simple', 'security-scan', "Before I push this local Airflow setup to the shared repo, point out anything in it that's a secret sitting in plain text.", [('docker-compose.override.yml', '''
services:
  airflow-webserver:
    environment:
      AIRFLOW__CORE__FERNET_KEY: "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8="
      AIRFLOW__WEBSERVER__SECRET_KEY: "local-dev-secret-123"
      AIRFLOW_CONN_WAREHOUSE: "snowflake://etl_user:Spr1ng2024!@acme-xy12345/ANALYTICS?warehouse=ETL_WH"
      AIRFLOW__CORE__LOAD_EXAMPLES: "false"
    ports:
      - "8080:8080"
  airflow-scheduler:
    environment:
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE"
      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      AWS_DEFAULT_REGION: "eu-west-1"
''')], lang=None)

t('simple', 'security-scan', "pip-audit results for the model-serving image are below. Turn them into a table of package, installed version, advisory and the version that fixes it.", [('reports/pip-audit.txt', '''
Found 7 known vulnerabilities in 7 packages
Name         Version ID             Fix Versions
------------ ------- -------------- ------------
aiohttp      3.8.6   CVE-2024-23334 3.9.2
cryptography 41.0.4  CVE-2023-49083 41.0.6
jinja2       3.1.2   CVE-2024-22195 3.1.3
pyarrow      14.0.0  CVE-2023-47248 14.0.1
requests     2.31.0  CVE-2024-35195 2.32.0
urllib3      1.26.17 CVE-2023-45803 1.26.18
werkzeug     2.3.7   CVE-2023-46136 3.0.1
''')], lang=None)

t('simple', 'defect-analysis', "This notebook cell worked last week and now throws. What's wrong?", [('notebooks/weekly_store_sales.md', '''
In [14]:
weekly = (
    sales.assign(week=sales["sale_date"].dt.to_period("W"))
         .pivot_table(index="store", columns="week", values="net_amount", aggfunc="sum")
)

---------------------------------------------------------------------------
KeyError                                  Traceback (most recent call last)
Cell In[14], line 3
----> 3          .pivot_table(index="store", columns="week", values="net_amount", aggfunc="sum")
File ~/.venv/lib/python3.11/site-packages/pandas/core/reshape/pivot.py:170, in __internal_pivot_table
--> 170     raise KeyError(i)
KeyError: 'store'

In [15]: sales.columns.tolist()
Out[15]: ['sale_id', 'store_id', 'sku', 'sale_date', 'quantity', 'net_amount', 'channel']
''')], lang=None)

t('simple', 'defect-analysis', "dbt compile is failing on the daily sales fact after the staging refactor merged. Where's the mismatch?", [('models/marts/fct_daily_sales.sql', '''
select
    o.store_id,
    date_trunc('day', o.order_ts) as sale_date,
    sum(l.quantity * l.unit_price) as gross_amount,
    count(distinct o.order_id) as orders
from {{ ref('stg_sales__orders') }} o
join {{ ref('stg_sales__order_lines') }} l using (order_id)
group by 1, 2
'''), ('models/staging/stg_sales__orders.sql', '''
select
    id as order_id,
    store as store_id,
    created_at as ordered_at,
    status
from {{ source('pos', 'orders') }}
'''), ('logs/dbt.log', '''
09:41:12  Database Error in model fct_daily_sales (models/marts/fct_daily_sales.sql)
  000904 (42000): SQL compilation error: error line 3 at position 20
  invalid identifier 'O.ORDER_TS'
''')], fw='dbt', lang=None)


# ================================================================================================================
# medium
# ================================================================================================================

t('medium', 'quality-gate', "The orders team wants to publish retail.orders v3.1. Apply our contract policy to the schema diff and tell me which changes are breaking, which are allowed in a minor version, and whether this can ship as 3.1 or has to be 4.0.", [('contracts/POLICY.md', '''
# Data contract change policy (producers)
1. Minor version: add nullable columns; widen numeric types (INT->BIGINT, DECIMAL precision up, scale unchanged);
   add values to an enum only if the column is documented as open (`open_enum: true`).
2. Major version: remove or rename a column; narrow any type; make a NOT NULL column nullable;
   add a NOT NULL column without a default; change timestamp semantics (NTZ <-> TZ); add values to a closed enum.
3. A rename counts as remove + add even if a view aliases the old name.
4. Any major change needs 30 days' notice in #data-contracts and a dual-publish window.
'''), ('contracts/diff/orders_v3_to_v3.1.txt', '''
contract: retail.orders   current: 3.0.2   proposed: 3.1.0
  order_id      STRING NOT NULL                      (unchanged)
- coupon_code   STRING NULL                          removed (moved to retail.order_promotions)
~ quantity      INT NOT NULL            -> BIGINT NOT NULL
~ unit_price    DECIMAL(12,2) NOT NULL  -> DECIMAL(14,2) NOT NULL
~ discount      DECIMAL(12,4) NULL      -> DECIMAL(12,2) NULL
~ store_id      STRING NOT NULL         -> STRING NULL
+ channel       STRING NOT NULL DEFAULT 'store'
+ loyalty_tier  STRING NULL
~ ordered_at    TIMESTAMP_NTZ           -> TIMESTAMP_TZ
~ status        enum(placed, shipped, returned) open_enum: false -> enum(placed, shipped, returned, cancelled)
r customer_ref  -> customer_id          (compat view keeps customer_ref for 90 days)
''')], lang=None)

t('medium', 'quality-gate', "Challenger fraud model v14 vs champion v13 on the same holdout and the shadow week. Run it through our promotion rules and give me promote / hold with the reasons, including anything that's borderline.", [('reports/fraud_v14_vs_v13.md', '''
## Promotion rules (model-governance.md, section 4)
- ROC-AUC must not drop; PR-AUC must improve by >= 0.005 absolute
- Expected calibration error (10 bins) <= 0.02
- Recall at 0.5% FPR must not drop by more than 1 point on ANY merchant segment
- Shadow p99 latency <= 45 ms at 300 rps; error rate <= 0.1%
- No feature with PSI > 0.2 between training and shadow traffic

## Metrics
| metric                       | v13 (champion) | v14 (challenger) |
|------------------------------|----------------|------------------|
| ROC-AUC                      | 0.9412         | 0.9419           |
| PR-AUC                       | 0.6120         | 0.6171           |
| ECE (10 bins)                | 0.014          | 0.021            |
| recall@0.5%FPR  all          | 71.8%          | 73.4%            |
| recall@0.5%FPR  card-present | 64.2%          | 65.0%            |
| recall@0.5%FPR  e-commerce   | 76.9%          | 79.1%            |
| recall@0.5%FPR  marketplace  | 69.5%          | 68.3%            |
| shadow p99 latency @300rps   | 31 ms          | 44 ms            |
| shadow error rate            | 0.02%          | 0.04%            |
| max feature PSI              | 0.08 (txn_hour)| 0.19 (merchant_age_days) |
''')], lang=None)

t('medium', 'quality-gate', "Readout for the checkout-button experiment. Before anyone looks at lift, check the sample ratio (it was meant to be 50/50), then the primary metric and guardrails against the decision rules, and tell me if we can call it.", [('experiments/checkout_btn_v2/readout.txt', '''
experiment: checkout_btn_v2   allocation: 50/50   runtime: 14 days   alpha: 0.05 (two-sided)
decision rule: ship if SRM p >= 0.001, primary CI excludes 0 in the positive direction,
               and no guardrail degrades beyond its tolerance.

arm        users     converters  conv_rate
control    251,904   18,137      7.200%
treatment  248,011   18,353      7.400%

primary: conversion rate  diff = +0.200 pp   95% CI [+0.055, +0.345]

guardrails                    control   treatment  tolerance
avg order value (EUR)         58.40     57.95      -1.0%
refund rate                   2.10%     2.16%      +0.10 pp
p95 checkout latency (ms)     820       905        +10%
payment errors per 1k         3.1       3.3        +0.5
''')], lang=None)

# why: only ~10 lines, but the gap boundary, NaT rows, tz-aware timestamps and duplicate timestamps per user make it
# a parser-with-edge-cases job rather than an obvious-assertions one.
t('medium', 'test-generation', "Write pytest tests for our sessionizer before we reuse it for the clickstream features. I care about the edge cases: a gap exactly equal to the timeout, unsorted input, NaT timestamps, several users interleaved, tz-aware timestamps across a DST change, and identical timestamps.", [('recs/features/sessions.py', '''
import pandas as pd


def sessionize(df: pd.DataFrame, gap: pd.Timedelta = pd.Timedelta(minutes=30)) -> pd.DataFrame:
    """Assign a session_id per user. A new session starts when the time since the user's
    previous event is strictly greater than `gap`."""
    df = df.sort_values(["user_id", "event_ts"], kind="mergesort")
    prev = df.groupby("user_id")["event_ts"].shift()
    new_session = prev.isna() | ((df["event_ts"] - prev) > gap)
    df["session_seq"] = new_session.groupby(df["user_id"]).cumsum().astype("int64")
    df["session_id"] = df["user_id"].astype(str) + "-" + df["session_seq"].astype(str)
    return df.drop(columns="session_seq")
''')], fw='pytest', lang=None)

t('medium', 'test-generation', "Tests for the recommendations router please. Use FastAPI's TestClient with dependency_overrides; mock the registry, the async feature client and the cache. Cover cache hits, unknown model version, feature-store timeout vs 404 cold start vs 5xx, exclude_seen, and k validation.", [('serving/routers/recommendations.py', '''
import httpx
from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field

from serving.deps import get_cache, get_feature_client, get_registry
from serving.registry import ModelNotFound, ModelRegistry

router = APIRouter(prefix="/v1/recommendations", tags=["recs"])


class RecRequest(BaseModel):
    user_id: str
    k: int = Field(10, ge=1, le=100)
    exclude_seen: bool = True
    model_version: str | None = None


class RecItem(BaseModel):
    item_id: str
    score: float


class RecResponse(BaseModel):
    model_version: str
    items: list[RecItem]
    cached: bool = False


@router.post("", response_model=RecResponse)
async def recommend(
    req: RecRequest,
    registry: ModelRegistry = Depends(get_registry),
    features=Depends(get_feature_client),
    cache=Depends(get_cache),
):
    try:
        model = registry.get(req.model_version) if req.model_version else registry.current()
    except ModelNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"unknown model version {req.model_version}")

    key = f"recs:{model.version}:{req.user_id}:{req.k}:{int(req.exclude_seen)}"
    hit = await cache.get(key)
    if hit is not None:
        return RecResponse.model_validate_json(hit).model_copy(update={"cached": True})

    try:
        feats = await features.get_user_features(req.user_id)
    except httpx.TimeoutException:
        raise HTTPException(status.HTTP_504_GATEWAY_TIMEOUT, "feature store timeout")
    except httpx.HTTPStatusError as e:
        if e.response.status_code == 404:
            feats = None  # cold-start user
        else:
            raise HTTPException(status.HTTP_502_BAD_GATEWAY, "feature store error")

    scored = model.score(feats) if feats is not None else model.popular()
    if req.exclude_seen and feats is not None:
        seen = set(feats.get("seen_items", []))
        scored = [(i, s) for i, s in scored if i not in seen]

    items = [RecItem(item_id=i, score=round(s, 6)) for i, s in scored[: req.k]]
    resp = RecResponse(model_version=model.version, items=items)
    await cache.set(key, resp.model_dump_json(), ex=300)
    return resp


@router.get("/models")
def list_models(registry: ModelRegistry = Depends(get_registry)):
    return {"current": registry.current().version, "available": registry.versions()}
''')], fw='pytest', lang=None)

t('medium', 'flaky-test-analysis', "Our DAG integrity tests fail on CI a couple of times a week with 'database is locked' and always pass on rerun; locally they never fail. Test file, conftest and the CI log are below. What's going on and how should we fix it properly, not just add reruns?", [('tests/dags/conftest.py', '''
import os

import pytest

os.environ.setdefault("AIRFLOW_HOME", os.path.join(os.path.dirname(__file__), ".airflow"))
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "True"


@pytest.fixture(scope="session", autouse=True)
def airflow_db():
    from airflow.utils import db
    db.resetdb()
    yield
'''), ('tests/dags/test_dag_integrity.py', '''
import pytest
from airflow.models import DagBag


@pytest.fixture(scope="session")
def dagbag():
    return DagBag(dag_folder="dags/", include_examples=False)


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}


@pytest.mark.parametrize("dag_id", ["retail_sales_daily", "store_inventory_hourly", "returns_weekly", "gdpr_erasure"])
def test_owner_and_retries(dagbag, dag_id):
    dag = dagbag.get_dag(dag_id)
    assert dag is not None
    assert dag.default_args.get("owner") not in (None, "airflow")
    assert dag.default_args.get("retries", 0) >= 2
'''), ('ci/dag-tests.log', '''
$ pytest -n 4 tests/dags -q
[gw0] [ 20%] PASSED tests/dags/test_dag_integrity.py::test_no_import_errors
[gw1] [ 40%] PASSED tests/dags/test_dag_integrity.py::test_owner_and_retries[retail_sales_daily]
[gw3] [ 60%] PASSED tests/dags/test_dag_integrity.py::test_owner_and_retries[returns_weekly]
[gw2] [ 80%] ERROR tests/dags/test_dag_integrity.py::test_owner_and_retries[store_inventory_hourly]
[gw0] [100%] PASSED tests/dags/test_dag_integrity.py::test_owner_and_retries[gdpr_erasure]
==================================== ERRORS ====================================
_ ERROR at setup of test_owner_and_retries[store_inventory_hourly] _
[gw2] linux -- Python 3.11.8
tests/dags/conftest.py:13: in airflow_db
    db.resetdb()
.venv/lib/python3.11/site-packages/airflow/utils/db.py:1702: in resetdb
    drop_airflow_models(connection)
.venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py:1910: in _execute_context
    self.dialect.do_execute(
E   sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked
E   [SQL: DROP TABLE task_instance]
=========================== 4 passed, 1 error in 38.20s ===========================
''')], fw='pytest', lang=None)

t('medium', 'flaky-test-analysis', "This Playwright test on the warehouse cost dashboard fails maybe 1 in 8 on CI with the 7-day total instead of the 30-day one. Trace notes are pasted below the test. Explain the flake and rewrite the test so it waits on the right thing.", [('e2e/cost-tooltip.spec.ts', '''
import { test, expect } from '@playwright/test';

test('tooltip shows the total for the selected range', async ({ page }) => {
  await page.goto('/cost?warehouse=ETL_WH&range=7d');
  await expect(page.getByTestId('cost-chart')).toBeVisible();

  await page.getByRole('combobox', { name: 'Range' }).selectOption('30d');

  const firstBar = page.locator('[data-testid="cost-chart"] rect.bar').first();
  await firstBar.hover();
  const text = await page.getByRole('tooltip').textContent();
  expect(text).toContain('$12,480.55');
});
'''), ('e2e/trace-notes.txt', '''
failing run (retry #0, ci shard 3/4):
  0.00s  goto /cost?warehouse=ETL_WH&range=7d
  0.84s  GET /api/cost?warehouse=ETL_WH&range=7d   200  (112 ms)
  1.02s  selectOption 30d
  1.05s  hover rect.bar >> nth=0
  1.06s  tooltip text: "ETL_WH  $2,911.20"
  1.31s  GET /api/cost?warehouse=ETL_WH&range=30d  200  (240 ms)
  expect(received).toContain(expected)  Expected substring: "$12,480.55"  Received string: "ETL_WH  $2,911.20"
passing run: the 30d response lands before the hover (CI shard 1/4, 88 ms)
note: bars animate in over 300 ms after data changes (d3 transition)
''')], fw='playwright', lang='typescript')

t('medium', 'coverage-analysis', "Coverage for the recs_features package is below, with the encoders module since it has the most misses. Which gaps actually matter for correctness of the training features, and which are fine to leave? Rank them and suggest the first tests to add.", [('reports/coverage-recs_features.txt', '''
Name                                   Stmts   Miss Branch BrPart  Cover   Missing
----------------------------------------------------------------------------------
recs_features/__init__.py                  4      0      0      0   100%
recs_features/encoders.py                 58     14     22      6    71%   24-27, 33->36, 41-44, 52-57
recs_features/windows.py                  71      9     26      4    84%   48-52, 66->70, 88
recs_features/joins.py                    49      3     14      2    91%   61-63
recs_features/io.py                       37     17      8      1    49%   40-61
recs_features/cli.py                      29     29      6      0     0%   1-44
----------------------------------------------------------------------------------
TOTAL                                    248     72     76     13    69%
'''), ('recs_features/encoders.py', '''
import numpy as np
import pandas as pd

UNKNOWN = "__unk__"


class CategoryEncoder:
    def __init__(self, min_count: int = 5, max_categories: int = 5000):
        self.min_count = min_count
        self.max_categories = max_categories
        self.vocab_: dict[str, int] | None = None

    def fit(self, s: pd.Series) -> "CategoryEncoder":
        counts = s.dropna().astype(str).value_counts()
        counts = counts[counts >= self.min_count].head(self.max_categories)
        self.vocab_ = {UNKNOWN: 0}
        for i, cat in enumerate(counts.index, start=1):
            self.vocab_[cat] = i
        return self

    def transform(self, s: pd.Series) -> np.ndarray:
        if self.vocab_ is None:
            raise RuntimeError("fit first")
        if s.dtype.kind in "iuf":
            # numeric ids arrive as floats after a left join with NaN
            s = s.astype("Int64").astype(str)
            s = s.replace("<NA>", UNKNOWN)
        else:
            s = s.fillna(UNKNOWN).astype(str)
        return s.map(self.vocab_).fillna(0).astype("int32").to_numpy()

    def inverse(self, codes: np.ndarray) -> list[str]:
        inv = {v: k for k, v in self.vocab_.items()}
        return [inv.get(int(c), UNKNOWN) for c in codes]


def hash_bucket(s: pd.Series, buckets: int, salt: str = "") -> np.ndarray:
    if buckets <= 0:
        raise ValueError("buckets must be positive")
    if salt:
        s = salt + s.astype(str)
    h = pd.util.hash_pandas_object(s.fillna(UNKNOWN), index=False).to_numpy()
    return (h % np.uint64(buckets)).astype("int32")


def clip_and_log(x: pd.Series, upper_quantile: float = 0.999) -> pd.Series:
    if x.empty:
        return x.astype("float64")
    upper = x.quantile(upper_quantile)
    if pd.isna(upper):
        return pd.Series(np.zeros(len(x)), index=x.index)
    clipped = x.clip(lower=0, upper=upper)
    return np.log1p(clipped)
''')], lang=None)

t('medium', 'coverage-analysis', "The cost dashboard's data hook has 62% branch coverage. Looking at the hook and the uncovered lines, which untested branches could actually show users wrong numbers, and what test cases would you add first?", [('src/hooks/useWarehouseCost.ts', '''
import { useQuery } from '@tanstack/react-query';
import { fetchJson, HttpError } from '../api/client';

export type Range = '7d' | '30d' | '90d';
export interface CostPoint { day: string; credits: number; usd: number }
export interface CostResult { points: CostPoint[]; totalUsd: number; partial: boolean }

const CREDIT_PRICE_USD: Record<string, number> = { standard: 2.0, enterprise: 3.0 };

export function useWarehouseCost(warehouse: string | null, range: Range, edition = 'enterprise') {
  return useQuery<CostResult, HttpError>({
    queryKey: ['warehouse-cost', warehouse, range, edition],
    enabled: warehouse !== null,
    staleTime: 5 * 60_000,
    retry: (count, err) => err.status >= 500 && count < 2,
    queryFn: async ({ signal }) => {
      const raw = await fetchJson<{ day: string; credits: number | null }[]>(
        `/api/cost?warehouse=${encodeURIComponent(warehouse!)}&range=${range}`,
        { signal },
      );
      const price = CREDIT_PRICE_USD[edition];
      if (price === undefined) throw new HttpError(400, `unknown edition ${edition}`);
      let partial = false;
      const points = raw.map((r) => {
        if (r.credits === null) {
          partial = true;
          return { day: r.day, credits: 0, usd: 0 };
        }
        return { day: r.day, credits: r.credits, usd: Math.round(r.credits * price * 100) / 100 };
      });
      const today = new Date().toISOString().slice(0, 10);
      if (points.length && points[points.length - 1].day === today) partial = true;
      const totalUsd = points.reduce((acc, p) => acc + p.usd, 0);
      return { points, totalUsd: Math.round(totalUsd * 100) / 100, partial };
    },
  });
}
'''), ('coverage/useWarehouseCost.uncovered.txt', '''
src/hooks/useWarehouseCost.ts   Stmts 88.5%  Branch 62.5%  Funcs 100%  Lines 88.0%
uncovered lines: 22, 25-27, 32
uncovered branches: 15 (retry: status >= 500 false / count >= 2), 22 (price undefined), 25 (credits null), 32 (last day is today), 33 (points empty)
''')], fw='vitest', lang='typescript')

t('medium', 'coverage-analysis', "Here's the sensor CSV line parser and its coverage. Tell me which input cases the current tests obviously never hit, and list the concrete lines I should add to the fixture file to cover them.", [('sensors/parse.py', '''
from dataclasses import dataclass
from datetime import datetime, timezone

UNIT_FACTORS = {"C": (1.0, 0.0), "F": (5 / 9, -32.0), "K": (1.0, -273.15)}


class ParseError(ValueError):
    pass


@dataclass(frozen=True)
class Reading:
    sensor_id: str
    measured_at: datetime
    temperature_c: float | None
    humidity_pct: float | None


def _to_celsius(value: str, unit: str) -> float | None:
    if value in ("", "NaN", "null"):
        return None
    try:
        factor, offset = UNIT_FACTORS[unit.upper()]
    except KeyError:
        raise ParseError(f"unknown unit {unit!r}")
    v = float(value)
    return (v + offset) * factor if unit.upper() == "F" else v + offset


def parse_line(line: str) -> Reading:
    parts = [p.strip() for p in line.rstrip("\\n").split(",")]
    if len(parts) == 4:
        parts.append("")  # firmware < 2.3 omits humidity
    if len(parts) != 5:
        raise ParseError(f"expected 5 fields, got {len(parts)}")
    sensor_id, ts, temp, unit, hum = parts
    if not sensor_id:
        raise ParseError("missing sensor_id")
    if ts.isdigit():
        measured_at = datetime.fromtimestamp(int(ts), tz=timezone.utc)
    else:
        measured_at = datetime.fromisoformat(ts.replace("Z", "+00:00"))
        if measured_at.tzinfo is None:
            raise ParseError("naive timestamp")
    humidity = float(hum) if hum not in ("", "NaN") else None
    if humidity is not None and not 0 <= humidity <= 100:
        raise ParseError(f"humidity out of range: {humidity}")
    return Reading(sensor_id, measured_at, _to_celsius(temp, unit), humidity)
'''), ('reports/coverage-sensors.txt', '''
Name                 Stmts   Miss Branch BrPart  Cover   Missing
----------------------------------------------------------------
sensors/parse.py        38      8     16      6    75%   22, 25-26, 28->29, 35, 37, 39, 45-46, 51
----------------------------------------------------------------
''')], fw='pytest', lang=None)

t('medium', 'defect-analysis', "The clickstream aggregation job has started dying on one task every night since we onboarded the new web SDK. Job code and the relevant driver log are below. What's the cause and what would you change?", [('jobs/src/main/scala/recs/ClickAgg.scala', '''
package recs

import org.apache.spark.sql.{SaveMode, SparkSession}
import org.apache.spark.sql.functions._

object ClickAgg {
  def main(args: Array[String]): Unit = {
    val Array(dt, lake, out) = args
    val spark = SparkSession.builder.appName("click_agg").getOrCreate()

    val events = spark.read.parquet(s"$lake/clickstream/dt=$dt")
      .select("user_id", "item_id", "item_category", "event_ts")
    val profiles = spark.table("recs.user_profiles").select("user_id", "segment", "country")

    val agg = events.join(profiles, Seq("user_id"), "left")
      .groupBy("user_id", "item_category", "segment")
      .agg(count(lit(1)).as("views"), max("event_ts").as("last_seen"), approx_count_distinct("item_id").as("items"))

    agg.write.mode(SaveMode.Overwrite).partitionBy("item_category").parquet(s"$out/dt=$dt")
  }
}
'''), ('logs/click_agg-driver.log', '''
24/05/13 01:22:10 INFO SparkContext: spark.sql.adaptive.enabled=true spark.sql.adaptive.skewJoin.enabled=true spark.sql.shuffle.partitions=400
24/05/13 01:41:55 INFO TaskSetManager: Finished task 398.0 in stage 7.0 (TID 5121) in 41 s on 10.0.6.14 (executor 12) (398/400)
24/05/13 01:42:03 INFO TaskSetManager: Finished task 13.0 in stage 7.0 (TID 4736) in 49 s on 10.0.6.31 (executor 4) (399/400)
24/05/13 02:29:47 WARN TaskSetManager: Lost task 211.0 in stage 7.0 (TID 4934) (10.0.6.22 executor 9): ExecutorLostFailure (executor 9 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding physical memory limits. 22.3 GB of 22 GB physical memory used.
24/05/13 02:29:48 INFO StageMetrics: stage=7 task=211 shuffleReadRecords=1,912,448,201 shuffleReadBytes=38.4GB (median task: 4.9M records, 121MB)
24/05/13 03:18:02 ERROR TaskSetManager: Task 211 in stage 7.0 failed 4 times; aborting job
24/05/13 03:18:02 INFO DAGScheduler: ResultStage 7 (parquet at ClickAgg.scala:19) failed in 6712.4 s
note from SDK team: new web SDK sends user_id = "" for logged-out sessions (old SDK sent null)
''')], lang=None)

t('medium', 'defect-analysis', "fct_store_inventory started failing its unique test on (store_id, sku, snapshot_date) a few days after we switched it to incremental. Full refresh fixes it, then it comes back. Model and the failing test query output are below; what's the bug?", [('models/marts/fct_store_inventory.sql', '''
{{
  config(
    materialized='incremental',
    incremental_strategy='merge',
    on_schema_change='append_new_columns'
  )
}}

with src as (
    select
        store_id,
        sku,
        cast(snapshot_ts as date) as snapshot_date,
        on_hand_qty,
        on_order_qty,
        _loaded_at
    from {{ ref('stg_erp__inventory_snapshots') }}
    {% if is_incremental() %}
    where _loaded_at > (select max(_loaded_at) from {{ this }})
    {% endif %}
),

latest as (
    select *
    from src
    qualify row_number() over (partition by store_id, sku, snapshot_date order by _loaded_at desc) = 1
)

select * from latest
'''), ('logs/unique_test_failures.txt', '''
store_id | sku      | snapshot_date | n_records
---------+----------+---------------+----------
S0142    | AB-10023 | 2024-05-10    | 2
S0142    | AB-10077 | 2024-05-10    | 2
S0311    | KT-55012 | 2024-05-11    | 2
(1,284 rows)
ERP note: corrected snapshots for a day can be re-sent up to 48h later with a new _loaded_at.
''')], fw='dbt', lang=None)

t('medium', 'performance-testing', "Write a k6 script for POST /v1/score on the fraud scoring API: ramp to 200 req/s over 5 minutes, hold 10 minutes, using an arrival-rate executor. Payloads come from data/transactions.json (load once with SharedArray). Thresholds: p95 < 150 ms, p99 < 400 ms, failures < 0.5%. Tag requests by merchant segment so we can split the results. A sample payload is attached.", [('data/sample_transaction.json', '''
{
  "transaction_id": "tx_01HXZ5B8K3",
  "merchant_id": "m_88213",
  "merchant_segment": "e-commerce",
  "amount_minor": 12999,
  "currency": "EUR",
  "card_bin": "535522",
  "country": "DE",
  "device_fingerprint": "fp_9a1c0e",
  "created_at": "2024-05-14T10:22:31Z"
}
''')], reqs=['auth header: Bearer token from env SCORING_TOKEN', 'fail the run if thresholds are crossed'], fw='k6', lang='javascript')

t('medium', 'performance-testing', "We upgraded the retail sales job from Spark 3.3 to 3.5 and it went from 38 to 57 minutes. Per-stage comparison is below; which stages regressed, what's the most likely explanation for each, and what would you check or tune first?", [('reports/spark33_vs_spark35.md', '''
| stage | operator                            | 3.3 dur | 3.5 dur | 3.3 tasks | 3.5 tasks | 3.3 shuffle read | 3.5 shuffle read | 3.3 spill | 3.5 spill |
|-------|-------------------------------------|---------|---------|-----------|-----------|------------------|------------------|-----------|-----------|
| 0     | scan pos_transactions (parquet)     | 4.1 m   | 4.0 m   | 1480      | 1480      | -                | -                | 0         | 0         |
| 2     | exchange hashpartitioning(store_id) | 6.3 m   | 6.5 m   | 400       | 400       | 81 GB            | 81 GB            | 0         | 0         |
| 3     | sortMergeJoin stores + promotions   | 7.9 m   | 19.6 m  | 400       | 37        | 81 GB            | 81 GB            | 2.1 GB    | 96 GB     |
| 4     | hashAggregate (store, day, sku)     | 9.2 m   | 10.1 m  | 400       | 400       | 44 GB            | 44 GB            | 0         | 0.4 GB    |
| 5     | window rank by store_day            | 5.5 m   | 11.8 m  | 200       | 200       | 12 GB            | 12 GB            | 0         | 0         |
| 6     | write delta fct_daily_sales         | 4.8 m   | 4.9 m   | 200       | 200       | -                | -                | 0         | 0         |
config 3.5: spark.sql.adaptive.enabled=true, spark.sql.adaptive.coalescePartitions.enabled=true,
            spark.sql.adaptive.advisoryPartitionSizeInBytes=2GB (copied from the ML cluster profile)
stage 5 note: 3.5 plan shows WindowGroupLimit disabled by a UDF in the rank expression (python_udf normalise_store)
''')], lang=None)

t('medium', 'performance-testing', "Write a locustfile for the recommendations API with three weighted user classes: anonymous browsers (home feed, 70%), logged-in users (home feed + item-to-item, 25%, token fetched once per user via POST /auth/token), and an internal batch client (POST /v1/recommendations/batch with 50 user ids, 5%). Mark a response as failed if it is 200 but returns an empty item list.", [], reqs=['base host from LOCUST_HOST', 'realistic think times per class'], fw='locust', lang=None)

# why: configuration review (image, pod spec, values) with several separate findings, not authn/crypto code.
t('medium', 'security-scan', "Security review of the Airflow worker image and its Helm values before we move it to the shared cluster. List the issues by severity with the fix for each.", [('docker/airflow-worker/Dockerfile', '''
FROM apache/airflow:2.8.4-python3.11
USER root
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \\
    && curl -sSL https://get.example-tools.io/install.sh | bash
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY --chown=root:root dags/ /opt/airflow/dags/
ENV SNOWFLAKE_PASSWORD=changeme
'''), ('helm/airflow/values-prod.yaml', '''
workers:
  replicas: 6
  securityContext:
    runAsUser: 0
    privileged: true
  extraVolumes:
    - name: docker-sock
      hostPath:
        path: /var/run/docker.sock
  extraVolumeMounts:
    - name: docker-sock
      mountPath: /var/run/docker.sock
  serviceAccount:
    create: false
    name: default
webserver:
  defaultUser:
    enabled: true
    username: admin
    password: admin
  service:
    type: LoadBalancer
config:
  webserver:
    expose_config: "True"
  core:
    dags_are_paused_at_creation: "False"
''')], lang=None)

t('medium', 'test-execution', "Bring up the Redis and Postgres services from this compose file, run the Celery integration tests (marker `celery_int`) against them, and report the failures grouped by cause: environment/setup problems vs real assertion failures. The pytest config is attached too.", [('docker-compose.test.yml', '''
services:
  redis:
    image: redis:7.2-alpine
    ports: ["6380:6379"]
  postgres:
    image: postgres:16
    environment:
      POSTGRES_USER: etl
      POSTGRES_PASSWORD: etl
      POSTGRES_DB: etl_test
    ports: ["5433:5432"]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U etl"]
      interval: 2s
      retries: 15
'''), ('pytest.ini', '''
[pytest]
markers =
    celery_int: needs a live broker and database
addopts = -ra --strict-markers
env =
    CELERY_BROKER_URL=redis://localhost:6379/0
    CELERY_RESULT_BACKEND=redis://localhost:6379/1
    DATABASE_URL=postgresql+psycopg://etl:etl@localhost:5433/etl_test
''')], fw='pytest', lang=None)

t('medium', 'test-execution', "Run the dbt unit tests for the finance marts against the ci target and tell me what passed and failed. Heads-up: two of the unit tests read the fx_rates and fiscal_calendar seeds, so those need loading first, and the ci target uses a schema that may not exist yet.", [('profiles.yml', '''
retail:
  target: dev
  outputs:
    ci:
      type: snowflake
      account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
      user: "{{ env_var('SNOWFLAKE_CI_USER') }}"
      authenticator: snowflake_jwt
      private_key_path: "{{ env_var('SNOWFLAKE_CI_KEY_PATH') }}"
      role: TRANSFORMER_CI
      warehouse: CI_XS
      database: ANALYTICS_CI
      schema: "ci_{{ env_var('GITHUB_RUN_ID', 'local') }}"
      threads: 4
'''), ('models/marts/finance/_unit_tests.yml', '''
unit_tests:
  - name: test_revenue_eur_conversion
    model: fct_revenue_eur
    given:
      - input: ref('fct_daily_sales')
        rows:
          - {store_id: S1, sale_date: 2024-05-01, gross_amount: 100, currency: USD}
      - input: ref('fx_rates')
        format: sql
        rows: "select * from {{ ref('fx_rates') }} where rate_date = '2024-05-01'"
    expect:
      rows:
        - {store_id: S1, sale_date: 2024-05-01, revenue_eur: 92.61}
  - name: test_fiscal_week_assignment
    model: fct_revenue_weekly
    given:
      - input: ref('fct_revenue_eur')
        rows:
          - {store_id: S1, sale_date: 2024-02-04, revenue_eur: 10}
      - input: ref('fiscal_calendar')
        format: sql
        rows: "select * from {{ ref('fiscal_calendar') }}"
    expect:
      rows:
        - {store_id: S1, fiscal_week: 2024-W01, revenue_eur: 10}
  - name: test_refunds_are_negative
    model: fct_revenue_eur
    given:
      - input: ref('fct_daily_sales')
        rows:
          - {store_id: S2, sale_date: 2024-05-02, gross_amount: -40, currency: EUR}
      - input: ref('fx_rates')
        rows: []
    expect:
      rows:
        - {store_id: S2, sale_date: 2024-05-02, revenue_eur: -40}
''')], fw='dbt', lang=None)


# ================================================================================================================
# complex
# ================================================================================================================

# why: about 20 lines, but exactly-once across Kafka offsets and a Postgres transaction under rebalances is a
# distributed-commit problem, not a bug spotted line by line.
t('complex', 'defect-analysis', "The ledger sink below is supposed to be exactly-once. We still get duplicate rows in payments_ledger after consumer-group rebalances (deploys, autoscaling), roughly a few hundred per deploy, and occasionally a gap. Explain every path that produces duplicates or losses and what a correct design looks like.", [('sinks/ledger_sink.py', '''
from confluent_kafka import Consumer

consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": "ledger-sink",
    "enable.auto.commit": False,
    "isolation.level": "read_committed",
    "auto.offset.reset": "earliest",
})
consumer.subscribe(["payments.scored"])

while True:
    msgs = consumer.consume(num_messages=500, timeout=1.0)
    if not msgs:
        continue
    with pg.begin() as tx:
        for m in msgs:
            if m.error():
                continue
            tx.execute(INSERT_LEDGER, parse(m.value()))
    consumer.commit(asynchronous=True)
''')], lang=None)

t('complex', 'defect-analysis', "Since last Tuesday the fraud model's score distribution has shifted up (mean score 0.081 to 0.113, alert volume +38%) with no model deploy. Three things changed that week: the Spark job that builds the txn_velocity_* features moved from a 24h tumbling window to a 24h sliding window with a 1h slide; the Go online feature service switched its Redis client and now reads features with a 2s timeout falling back to defaults; and the FastAPI scoring service bumped numpy and pandas. Offline replay of last Tuesday's traffic through the old and new scoring images gives identical scores, and training/serving skew checks are green for most features but only sample 1% of requests. I need a plan to find the root cause across the three services: which hypotheses, which data to pull from each service, in what order, and how to confirm the culprit without rolling everything back.", [], lang=None)

t('complex', 'defect-analysis', "Snowflake spend roughly tripled over the last two weeks and finance wants an answer by Friday. I pulled the relevant bits: query history for the biggest consumers, the dbt project config change, the inventory model config, the Airflow DAG and the warehouse settings. Work out what is driving the cost, how the pieces interact, and what to change, in priority order.", [
    ('exports/query_history_top.csv', 'query_id,warehouse,user,dbt_model,start_time,elapsed_s,bytes_scanned_gb,partitions_scanned,partitions_total,credits\n' + lines(45, lambda i: f'01b3{i:04x}-0000-{i * 37 % 9999:04d},{"TRANSFORM_L" if i % 3 else "TRANSFORM_XL"},DBT_PROD,{["fct_store_inventory", "fct_daily_sales", "dim_product", "int_sales__returns", "fct_revenue_eur"][i % 5]},2024-05-{1 + i // 4:02d} {(i * 5) % 24:02d}:{(i * 11) % 60:02d}:00,{[1840, 95, 40, 310, 120][i % 5] + (i * 13) % 60},{[2210, 120, 8, 340, 96][i % 5] + i},{[48112, 820, 14, 5120, 610][i % 5]},{[48200, 48200, 14, 9800, 7200][i % 5]},{[6.9, 0.3, 0.01, 1.1, 0.4][i % 5] * (2 if i % 3 == 0 else 1):.2f}')),
    ('dbt_project.yml.diff', '''
 models:
   retail:
     marts:
-      +materialized: table
+      +materialized: incremental
+      +incremental_strategy: merge
+      +snowflake_warehouse: TRANSFORM_XL
       finance:
         +schema: finance
'''),
    ('models/marts/fct_store_inventory.sql', '''
{{ config(materialized='incremental', unique_key=['store_id', 'sku', 'snapshot_date'],
          cluster_by=['store_id']) }}
select store_id, sku, cast(snapshot_ts as date) as snapshot_date, on_hand_qty, on_order_qty, _loaded_at
from {{ ref('stg_erp__inventory_snapshots') }}
{% if is_incremental() %}
where _loaded_at > dateadd(hour, -72, (select max(_loaded_at) from {{ this }}))
{% endif %}
'''),
    ('dags/retail_marts.py', '''
from airflow import DAG
from airflow.operators.bash import BashOperator
import pendulum

with DAG(
    "retail_marts",
    schedule="*/30 * * * *",          # was "0 3 * * *" until 2024-05-01 (store ops asked for fresher inventory)
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=3,
    default_args={"retries": 3, "owner": "data-platform"},
) as dag:
    BashOperator(task_id="dbt_build_marts", bash_command="dbt build --select marts --target prod")
'''),
    ('warehouses.sql', '''
alter warehouse TRANSFORM_L  set warehouse_size = 'LARGE'  auto_suspend = 600 min_cluster_count = 1 max_cluster_count = 1;
alter warehouse TRANSFORM_XL set warehouse_size = 'XLARGE' auto_suspend = 900 min_cluster_count = 1 max_cluster_count = 3 scaling_policy = 'STANDARD';
'''),
    ('exports/daily_credits.txt', '''
date        TRANSFORM_L  TRANSFORM_XL  total
2024-04-28  38.1         0.0           38.1
2024-04-30  40.2         0.0           40.2
2024-05-02  22.4         96.8          119.2
2024-05-06  21.9         101.3         123.2
2024-05-10  23.0         108.7         131.7
2024-05-13  22.6         112.5         135.1
'''),
], fw='dbt', lang=None)

# why: 15 lines, but it is the last line of defence before PII leaves the secure zone; unsalted hashes, logging,
# nested fields and regex gaps are privacy-critical subtleties.
t('complex', 'security-scan', "This masking step runs before customer events are copied to the analytics account, and legal treats its output as non-personal data. Review it for any way personal data can still leak or be re-identified.", [('privacy/mask.py', r'''
import hashlib, logging, re

logger = logging.getLogger(__name__)
PII_FIELDS = ("email", "phone", "full_name", "iban")
EMAIL = re.compile(r"[\w.]+@[\w]+\.\w+")


def mask_record(rec: dict) -> dict:
    out = dict(rec)
    for k in PII_FIELDS:
        if out.get(k):
            out[k] = hashlib.sha256(str(out[k]).encode()).hexdigest()[:12]
    out["notes"] = EMAIL.sub("<email>", out.get("notes") or "")
    logger.debug("masked record %s", rec)
    return out
''')], lang=None)

t('complex', 'security-scan', "Security review of the GDPR erasure job before the DPO signs off. It runs hourly from Airflow and processes requests from the privacy portal queue. I'm worried about both security and whether erasure is actually complete and provable.", [('privacy/erasure_job.py', '''
import json
import logging

import boto3
from sqlalchemy import text

from privacy.db import portal_engine, warehouse_engine
from privacy.feature_store import online_store

log = logging.getLogger("erasure")
s3 = boto3.client("s3")

TABLES = ["analytics.customers", "analytics.orders", "analytics.events", "ml.training_examples"]


def fetch_requests(limit=100):
    with portal_engine.begin() as c:
        return c.execute(text(
            "select id, subject_id, email from erasure_requests where status = 'pending' limit :n"
        ), {"n": limit}).fetchall()


def erase_subject(req):
    log.info("erasing subject %s (%s)", req.subject_id, req.email)
    with warehouse_engine.begin() as c:
        for table in TABLES:
            c.execute(text(f"delete from {table} where customer_id = '{req.subject_id}'"))
    month = req.requested_at.strftime("%Y-%m") if hasattr(req, "requested_at") else None
    prefix = f"raw/events/month={month}/customer={req.subject_id}/"
    for obj in s3.list_objects_v2(Bucket="acme-lake", Prefix=prefix).get("Contents", []):
        s3.delete_object(Bucket="acme-lake", Key=obj["Key"])
    online_store.delete(entity="customer", key=req.subject_id)


def main():
    for req in fetch_requests():
        with portal_engine.begin() as c:
            c.execute(text("update erasure_requests set status = 'done' where id = :id"), {"id": req.id})
        try:
            erase_subject(req)
        except Exception:
            log.exception("erasure failed for %s", json.dumps(dict(req._mapping)))


if __name__ == "__main__":
    main()
''')], lang=None)

t('complex', 'security-scan', "Review the auth dependency that protects the model-serving admin routes (promote model, change traffic split). Tokens come from our IdP (RS256) but some internal jobs mint their own HS256 tokens with a shared secret.", [('serving/auth.py', '''
import jwt
from fastapi import Depends, Header, HTTPException

from serving.config import settings

JWKS = jwt.PyJWKClient(settings.idp_jwks_url)


def current_principal(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    header = jwt.get_unverified_header(token)
    if header["alg"] == "HS256":
        key = settings.internal_jwt_secret
    else:
        key = JWKS.get_signing_key_from_jwt(token).key
    try:
        claims = jwt.decode(token, key, algorithms=[header["alg"]], options={"verify_aud": False})
    except jwt.PyJWTError as e:
        raise HTTPException(401, str(e))
    return claims


def require_role(role: str):
    def dep(claims=Depends(current_principal)):
        roles = claims.get("roles") or claims.get("groups", "").split(",")
        if role not in roles and "admin" not in str(roles):
            raise HTTPException(403, "forbidden")
        return claims
    return dep
''')], lang=None)

t('complex', 'security-scan', "The warehouse cost dashboard API lets analysts filter and sort cost rows. Can you review this endpoint for injection and data exposure? Analysts from different business units must only see their own warehouses.", [('api/cost_routes.py', '''
from fastapi import APIRouter, Depends, Query
from sqlalchemy import text

from api.auth import current_user
from api.db import engine

router = APIRouter()


@router.get("/api/cost")
def cost_rows(
    warehouse: str | None = None,
    sort: str = Query("usage_date"),
    direction: str = Query("desc"),
    since: str = "2024-01-01",
    user=Depends(current_user),
):
    where = [f"usage_date >= '{since}'", "business_unit = :bu"]
    if warehouse:
        where.append(f"warehouse_name ilike '%{warehouse}%'")
    if user.is_finance:
        where.pop(1)
    sql = f"select * from finops.warehouse_costs where {' and '.join(where)} order by {sort} {direction} limit 5000"
    with engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(text(sql), {"bu": user.business_unit})]
''')], lang=None)

# why: short task body, but correctness hinges on lock expiry during a long run, acks_late redelivery and
# release-by-non-owner races between workers.
t('complex', 'test-generation', "Design and write tests for this Celery task. Two workers must never rebuild the same customer's features at the same time, and a rebuild must not be lost. I want the nasty cases covered: lock expiring while the task is still running, the worker dying mid-task with acks_late, retries running out, and a second worker releasing a lock it doesn't own.", [('recs/tasks/rebuild.py', '''
from celery import shared_task
from redis.exceptions import LockError

from recs.infra import redis_client, feature_store
from recs.features import compute_customer_features, load_events


@shared_task(bind=True, acks_late=True, max_retries=5, reject_on_worker_lost=True)
def rebuild_customer_features(self, customer_id: str, as_of: str):
    lock = redis_client.lock(f"feat-lock:{customer_id}", timeout=60, blocking_timeout=5)
    if not lock.acquire():
        raise self.retry(countdown=10)
    try:
        events = load_events(customer_id, as_of)
        feats = compute_customer_features(events)
        feature_store.upsert(customer_id, feats, as_of=as_of)
    finally:
        try:
            lock.release()
        except LockError:
            pass
''')], fw='pytest', lang=None)

t('complex', 'test-generation', "We're building a backfill for the sales_by_store_day table (Iceberg, partitioned by day) that Airflow will run over ~900 days in chunks of 30. Each chunk recomputes the partitions with overwrite-by-partition, then pushes per-store totals to the merchandising API, which is not idempotent (it appends). Tasks retry up to 3 times, the Spark job can die after writing some partitions but before committing others, and the API call can time out after the server has applied it. Design the test strategy and the key test cases that would prove the backfill is idempotent and leaves no double-counted or missing days under retries and partial failure, including what fakes or fault injection you'd need.", [], fw='pytest', lang=None)

t('complex', 'test-generation', "Write Hypothesis property-based tests for our HyperLogLog used to count distinct users per experiment arm. Think about the real invariants: merge must be commutative, associative and idempotent, merging equals sketching the union, adding a duplicate never changes state, and estimates stay within error bounds with high probability. Also look for precision edge cases.", [('abtest/hll.py', '''
import hashlib
import math


class HLL:
    def __init__(self, p: int = 14):
        if not 4 <= p <= 18:
            raise ValueError("p must be in [4, 18]")
        self.p = p
        self.m = 1 << p
        self.registers = bytearray(self.m)

    def _hash(self, value: str) -> int:
        return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big")

    def add(self, value: str) -> None:
        x = self._hash(value)
        idx = x >> (64 - self.p)
        w = x & ((1 << (64 - self.p)) - 1)
        rank = (64 - self.p) - w.bit_length() + 1
        if rank > self.registers[idx]:
            self.registers[idx] = rank

    def merge(self, other: "HLL") -> "HLL":
        if other.p != self.p:
            raise ValueError("precision mismatch")
        out = HLL(self.p)
        out.registers = bytearray(max(a, b) for a, b in zip(self.registers, other.registers))
        return out

    def estimate(self) -> float:
        alpha = 0.7213 / (1 + 1.079 / self.m)
        z = sum(2.0 ** -r for r in self.registers)
        e = alpha * self.m * self.m / z
        zeros = self.registers.count(0)
        if e <= 2.5 * self.m and zeros:
            return self.m * math.log(self.m / zeros)
        return e
''')], fw='pytest', lang=None)

t('complex', 'performance-testing', "Design the load test for the whole feature store ahead of Black Friday. Components: the streaming ingestion (Kafka -> Flink) writing to Redis for online features and to Delta for offline, the Go online feature service behind the scoring and recommendation APIs, and the nightly materialisation jobs that bulk-load Redis. Traffic is expected at 4x today's peak, with hot keys for top sellers. I need the scenarios, workload model, how to generate realistic key distributions, what to measure per component, how to test the interaction between bulk loads and online reads, freshness SLOs under load, failure injection, and the pass criteria.", [], fw='k6', lang=None)

t('complex', 'performance-testing', "We want to benchmark end-to-end event latency for sensor telemetry: devices -> MQTT bridge -> Kafka -> Flink windowed aggregation -> Druid, and compare two Flink configs (unaligned checkpoints vs aligned with a larger buffer timeout). Propose the methodology: how to measure true end-to-end latency across the hops without clock-skew artefacts, how to avoid coordinated omission in the load generator, how to drive backpressure and checkpoint pauses deliberately, how long to run and how many repetitions, and how to decide which config wins with confidence.", [], lang=None)

t('complex', 'flaky-test-analysis', "test_batcher_flushes_on_size hangs for the full 5s timeout about once every 40 runs, and test_batcher_flushes_on_timer occasionally errors with InvalidStateError. This is the dynamic batcher in front of the GPU model. Find every race and explain which interleaving causes each symptom.", [('serving/batcher.py', '''
import asyncio


class DynamicBatcher:
    def __init__(self, predict_fn, max_batch: int = 32, max_wait_ms: int = 5):
        self.predict_fn = predict_fn
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000
        self.pending: list[tuple[object, asyncio.Future]] = []
        self.timer: asyncio.TimerHandle | None = None

    async def submit(self, x):
        fut = asyncio.get_running_loop().create_future()
        self.pending.append((x, fut))
        if len(self.pending) >= self.max_batch:
            asyncio.create_task(self._flush())
        elif self.timer is None:
            self.timer = asyncio.get_running_loop().call_later(
                self.max_wait, lambda: asyncio.create_task(self._flush()))
        return await fut

    async def _flush(self):
        if self.timer:
            self.timer.cancel()
        self.timer = None
        batch = self.pending[: self.max_batch]
        if not batch:
            return
        xs = [x for x, _ in batch]
        try:
            ys = await self.predict_fn(xs)
        except Exception as e:
            for _, f in batch:
                f.set_exception(e)
            return
        finally:
            self.pending = self.pending[len(batch):]
        for (_, f), y in zip(batch, ys):
            f.set_result(y)
'''), ('tests/test_batcher.py', '''
import asyncio
import pytest

from serving.batcher import DynamicBatcher


async def slow_double(xs):
    await asyncio.sleep(0.002)
    return [x * 2 for x in xs]


@pytest.mark.asyncio
async def test_batcher_flushes_on_size():
    b = DynamicBatcher(slow_double, max_batch=4, max_wait_ms=50)
    res = await asyncio.wait_for(asyncio.gather(*(b.submit(i) for i in range(9))), timeout=5)
    assert res == [i * 2 for i in range(9)]


@pytest.mark.asyncio
async def test_batcher_flushes_on_timer():
    b = DynamicBatcher(slow_double, max_batch=100, max_wait_ms=1)
    res = await asyncio.gather(*(b.submit(i) for i in range(3)))
    await asyncio.sleep(0.01)
    res += await asyncio.gather(*(b.submit(i) for i in range(3)))
    assert res == [0, 2, 4, 0, 2, 4]
''')], fw='pytest', lang=None)

t('complex', 'flaky-test-analysis', "Our end-to-end test for the nightly recommendation refresh uses a Celery chord (one task per shard, then a callback that publishes the merged index). On CI it intermittently fails: either the callback never fires and the test times out, or it fires with 63 of 64 shard results. Workers run with prefetch_multiplier=1, acks_late=True, the result backend is Redis with result_expires=3600, and the test fixture flushes Redis DB 1 between tests while a previous test's worker may still be finishing. Shard tasks have autoretry_for=(ConnectionError,) with max_retries=3. It never reproduces locally with a single worker. Walk through the likely mechanisms and how to prove which one it is.", [], fw='pytest', lang=None)

t('complex', 'flaky-test-analysis', "TestPoolFlushesOnShutdown in the Go ingestion service fails about 1 in 30 runs with 'want 1000 rows, got 968' (the shortfall varies). It only happens with -race or on the busy CI runners. What's racing, and how should the shutdown be restructured?", [('internal/ingest/pool.go', '''
package ingest

import (
	"context"
	"sync"
)

type Pool struct {
	in      chan Reading
	batch   int
	sink    Sink
	wg      sync.WaitGroup
}

func NewPool(sink Sink, workers, batch int) *Pool {
	return &Pool{in: make(chan Reading, 256), batch: batch, sink: sink}
}

func (p *Pool) Start(ctx context.Context, workers int) {
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			buf := make([]Reading, 0, p.batch)
			for {
				select {
				case <-ctx.Done():
					return
				case r, ok := <-p.in:
					if !ok {
						if len(buf) > 0 {
							p.sink.Write(context.Background(), buf)
						}
						return
					}
					buf = append(buf, r)
					if len(buf) == p.batch {
						p.sink.Write(ctx, buf)
						buf = buf[:0]
					}
				}
			}
		}()
	}
}

func (p *Pool) Submit(r Reading) { p.in <- r }

func (p *Pool) Shutdown(cancel context.CancelFunc) {
	close(p.in)
	cancel()
	p.wg.Wait()
}
'''), ('internal/ingest/pool_test.go', '''
func TestPoolFlushesOnShutdown(t *testing.T) {
	sink := &memSink{}
	ctx, cancel := context.WithCancel(context.Background())
	p := NewPool(sink, 4, 50)
	p.Start(ctx, 4)
	for i := 0; i < 1000; i++ {
		p.Submit(Reading{SensorID: fmt.Sprintf("s%d", i%20), Seq: i})
	}
	p.Shutdown(cancel)
	if got := sink.Count(); got != 1000 {
		t.Fatalf("want 1000 rows, got %d", got)
	}
}
''')], lang=None)

# why: the numeric criteria all pass; the real call is recognising that the mismatch pattern is a dual-write
# ordering race that becomes permanent at cutover, which needs reasoning across six artefacts and two stores.
t('complex', 'quality-gate', "Go/no-go for cutting the online feature store over from Redis Cluster to the new Aerospike tier: after cutover we stop dual-writing and delete the Redis path. The cutover criteria and all the evidence from the two-week dual-write period are attached. Give a decision with reasoning, and if it's no-go, what exactly must be fixed and re-verified.", [
    ('cutover/CRITERIA.md', '''
1. Shadow-read mismatch rate < 0.05% over 7 consecutive days, no unexplained mismatch class.
2. p99 read latency on the new tier <= Redis p99 + 2 ms at peak.
3. Zero write errors to the new tier in the last 72 h.
4. Contract tests for all 14 feature views green.
5. Rollback drill completed in < 15 min.
6. Error budget for scoring API not below 50%.
'''),
    ('cutover/shadow_read_report.txt', '''
day         reads_compared  mismatches  rate      top mismatch class
2024-05-06  1,204,882,110   301,220     0.0250%   value_older_on_new (97%)
2024-05-07  1,188,420,551   297,105     0.0250%   value_older_on_new (96%)
2024-05-08  1,251,004,912   325,261     0.0260%   value_older_on_new (98%)
2024-05-09  1,240,110,203   322,428     0.0260%   value_older_on_new (97%)
2024-05-10  1,610,228,004   547,477     0.0340%   value_older_on_new (98%)   # promo day
2024-05-11  1,190,881,311   297,720     0.0250%   value_older_on_new (97%)
2024-05-12  1,177,552,090   294,388     0.0250%   value_older_on_new (97%)
drill-down 2024-05-10: 91% of mismatched keys had >= 2 writes within 40 ms; mismatch persisted until the next write to that key.
'''),
    ('cutover/dual_writer.go.excerpt', '''
// writes to both tiers; new tier is written asynchronously so it can't slow the hot path
func (w *DualWriter) Put(ctx context.Context, key string, v FeatureVector) error {
	if err := w.redis.Set(ctx, key, v.Encode(), w.ttl); err != nil {
		return err
	}
	go func() {
		_ = w.aero.Put(context.Background(), key, v.Encode(), w.ttl) // last write wins
	}()
	return nil
}
'''),
    ('cutover/latency.txt', '''
peak window 19:00-21:00 UTC   redis p99 4.8 ms   aerospike p99 6.1 ms   (reads, 420k rps)
'''),
    ('cutover/write_errors.txt', '''
aerospike put errors (last 72h): 0    # note: errors from the async goroutine are discarded (see dual_writer.go)
'''),
    ('cutover/contract_tests.txt', '''
feature views: 14/14 green (customer_velocity, merchant_risk, device_graph, ... , item_embeddings_v3)
'''),
    ('cutover/rollback_drill.md', '''
2024-05-09 drill: traffic switched back to Redis in 9m40s. Drill performed while dual-write was still on,
so Redis was current at rollback time.
'''),
], lang=None)

# why: one module, but it is a state machine with ~14 guarded transitions including retry and cancel races;
# judging which arcs are untested and which combinations matter takes the top tier.
t('complex', 'coverage-analysis', "Arc coverage for the ingestion job state machine is below. Tell me which transitions and guard combinations are never exercised, which of those can corrupt state in production (think cancel arriving during retry backoff, heartbeat timeouts racing completion, duplicate completion events), and the test scenarios to add, in priority order.", [('ingest/job_state.py', '''
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum


class S(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    RETRY_WAIT = "retry_wait"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLING = "cancelling"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"


TERMINAL = {S.SUCCEEDED, S.FAILED, S.CANCELLED, S.TIMED_OUT}


@dataclass
class Job:
    id: str
    state: S = S.QUEUED
    attempt: int = 0
    max_attempts: int = 3
    run_token: str | None = None
    last_heartbeat: datetime | None = None
    history: list[tuple[S, S, str]] = field(default_factory=list)

    def _go(self, new: S, why: str):
        self.history.append((self.state, new, why))
        self.state = new

    def start(self, token: str, now: datetime):
        if self.state not in (S.QUEUED, S.RETRY_WAIT):
            raise ValueError(f"cannot start from {self.state}")
        self.attempt += 1
        self.run_token = token
        self.last_heartbeat = now
        self._go(S.RUNNING, "start")

    def heartbeat(self, token: str, now: datetime):
        if self.state == S.RUNNING and token == self.run_token:
            self.last_heartbeat = now

    def complete(self, token: str):
        if self.state in TERMINAL:
            return
        if token != self.run_token:
            return
        if self.state == S.CANCELLING:
            self._go(S.CANCELLED, "completed while cancelling")
        else:
            self._go(S.SUCCEEDED, "complete")

    def fail(self, token: str, retriable: bool):
        if self.state != S.RUNNING or token != self.run_token:
            return
        if retriable and self.attempt < self.max_attempts:
            self._go(S.RETRY_WAIT, "retriable failure")
        else:
            self._go(S.FAILED, "failure")

    def cancel(self):
        if self.state in (S.QUEUED, S.RETRY_WAIT):
            self._go(S.CANCELLED, "cancel before run")
        elif self.state == S.RUNNING:
            self._go(S.CANCELLING, "cancel requested")

    def check_timeout(self, now: datetime, limit: timedelta):
        if self.state in (S.RUNNING, S.CANCELLING) and now - self.last_heartbeat > limit:
            self.run_token = None
            if self.attempt < self.max_attempts and self.state == S.RUNNING:
                self._go(S.RETRY_WAIT, "heartbeat timeout")
            else:
                self._go(S.TIMED_OUT, "heartbeat timeout")
'''), ('reports/arc-coverage.txt', '''
Name                 Stmts   Miss Branch BrPart  Cover   Missing
----------------------------------------------------------------
ingest/job_state.py     62      7     30     11    80%   47, 58->exit, 60->exit, 62, 69->exit, 71, 78->exit, 80, 85->exit, 87-88, 90
----------------------------------------------------------------
tests exercising: test_happy_path, test_retry_then_success, test_retry_exhausted, test_cancel_queued
''')], fw='pytest', lang=None)

# why: "run the suite" on its face, but it needs fault injection across three services and judging whether each
# compensation in the refund saga behaved correctly, not just collecting pass/fail.
t('complex', 'test-execution', "Run the refund saga chaos suite (tests/chaos/test_refund_saga.py) against the compose stack with Toxiproxy in front of the payments, ledger and notification services, for the three fault profiles in the suite (latency spike, connection reset mid-request, partition of ledger for 30s). For each run, report not just pass/fail but whether every saga ended in a consistent state: refunded and ledgered, or fully compensated, with no double refunds, and flag any saga the suite marked passed but whose ledger and payment records disagree.", [], fw='pytest', lang=None)
