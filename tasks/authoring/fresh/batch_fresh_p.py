from lib import t, lines

# Persona: staff engineer / architect at a large SaaS company. Terse, acronym-dense asks
# (SLO, p99, RPO, CQRS, CDC, mTLS), usually one line that assumes the reader knows the
# platform. Stack: Kotlin (Spring/Ktor, coroutines), Go (gRPC services), Scala (Pekko,
# Spark), Kafka everywhere, Postgres, Envoy/Istio mesh.

# 1
t('simple', 'test-execution',
  'Run :billing-core:test, unit only, skip the testcontainers tag. Pass/fail per class is enough.',
  lang='kotlin', fw='junit5')

# 2
t('complex', 'defect-analysis',
  'checkout p99 180ms -> 2.3s since the STRICT mTLS flip, only on cross-AZ calls. Same-AZ fine. Why?',
  files=[
    ('logs/envoy-checkout-sidecar.log', lines(60, lambda i:
        f'[2024-05-14T09:{12 + i // 10:02d}:{(i * 7) % 60:02d}.{(i * 131) % 1000:03d}Z] "POST /pricing.v1.Pricing/Quote HTTP/2" '
        f'{200 if i % 17 else 503} {"-" if i % 17 else "UF,URX"} {412 + i % 40} {980 + (i * 13) % 300} '
        f'{(2100 + (i * 37) % 400) if i % 3 == 0 else (160 + (i * 11) % 40)} - '
        f'"10.42.{1 if i % 3 == 0 else 3}.{20 + i % 9}:8443" outbound|8443||pricing.prod.svc.cluster.local '
        f'az={"use1-az2" if i % 3 == 0 else "use1-az1"} conn_new={"1" if i % 3 == 0 else "0"} tls_hs_ms={(1890 + (i * 17) % 200) if i % 3 == 0 else 0}')),
    ('logs/pricing-app.log', lines(30, lambda i:
        f'2024-05-14T09:{12 + i // 5:02d}:{(i * 11) % 60:02d}Z INFO  grpc-server quote handled in {8 + i % 6}ms peer=10.42.{1 if i % 2 else 3}.{30 + i % 5} '
        f'tenant=t-{1000 + i * 7}')),
    ('mesh/peerauthentication.yaml', '''
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: default
  namespace: prod
spec:
  mtls:
    mode: STRICT
'''),
    ('mesh/destinationrule-pricing.yaml', '''
apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: pricing
  namespace: prod
spec:
  host: pricing.prod.svc.cluster.local
  trafficPolicy:
    connectionPool:
      http:
        http2MaxRequests: 1000
        maxRequestsPerConnection: 1
        idleTimeout: 5s
    tls:
      mode: ISTIO_MUTUAL
    loadBalancer:
      localityLbSetting:
        enabled: true
        failover:
          - from: us-east-1/use1-az1
            to: us-east-1/use1-az2
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
'''),
    ('mesh/sidecar-resources.yaml', '''
proxy.istio.io/config: |
  concurrency: 1
resources:
  requests:
    cpu: 50m
    memory: 64Mi
  limits:
    cpu: 200m
    memory: 256Mi
'''),
    ('dash/latency_by_az.csv', 'minute,src_az,dst_az,rps,p50_ms,p99_ms,sidecar_cpu_pct\n' + lines(24, lambda i:
        f'09:{10 + i // 2:02d},use1-az1,{"use1-az2" if i % 2 else "use1-az1"},{410 + i * 3},'
        f'{(190 + i) if i % 2 else (41 + i % 4)},{(2150 + i * 9) if i % 2 else (178 + i % 7)},{(97 + i % 3) if i % 2 else (34 + i % 5)}')),
  ],
  lang='go', fw=None)

# 3
# why: 25-line pure function, but the reqs (inclusive legal cap, int64 overflow wrapping past the range check, unit ambiguity) need judgement: medium
t('medium', 'test-generation',
  'Table tests for ParseRetention. This feeds the GDPR purge job so edge cases matter.',
  files=[('internal/retention/parse.go', '''
package retention

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

const maxRetention = 400 * 24 * time.Hour

// ParseRetention accepts "36h", "7d", "2w". A bare integer means days.
func ParseRetention(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, fmt.Errorf("retention: empty")
	}
	unit := 24 * time.Hour
	switch {
	case strings.HasSuffix(s, "h"):
		unit, s = time.Hour, strings.TrimSuffix(s, "h")
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		unit, s = 7*24*time.Hour, strings.TrimSuffix(s, "w")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("retention %q: %w", s, err)
	}
	d := time.Duration(n) * unit
	if d <= 0 || d > maxRetention {
		return 0, fmt.Errorf("retention %s out of range", d)
	}
	return d, nil
}
''')],
  reqs=['400d cap is a legal limit, inclusive', 'overflow must not sneak past the range check',
        '"0" is NOT infinite, product confirmed', 'flag anything you think is a spec bug rather than silently encoding it'],
  lang='go', fw='go test')

# 4
# why: 120-row JaCoCo CSV but the ask is a filter on one column: mechanical, simple
t('simple', 'coverage-analysis',
  'Classes in :ledger under 60% line cov, sorted asc. That is all.',
  files=[('ledger/build/reports/jacoco/test/jacocoTestReport.csv',
          'GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n'
          + lines(120, lambda i:
              f'ledger,com.acme.ledger.{["posting", "journal", "fx", "recon", "api", "outbox"][i % 6]},'
              f'{["Posting", "Journal", "FxRate", "Recon", "Entry", "Batch", "Account", "Period"][i % 8]}{["Service", "Repository", "Mapper", "Validator", "Controller"][i % 5]}{i // 40 or ""},'
              f'{(i * 37) % 211},{120 + (i * 53) % 400},{(i * 7) % 19},{4 + (i * 11) % 30},'
              f'{(i * 13) % 47},{10 + (i * 29) % 90},{(i * 3) % 11},{5 + i % 20},{(i * 5) % 7},{3 + i % 15}'))],
  lang='kotlin', fw='junit5')

# 5
# why: ~35 lines, but 3 replicas with SKIP LOCKED can publish one aggregate's events out of order, and a crash between send and commit duplicates: concurrency + delivery semantics, complex
t('complex', 'test-generation',
  'Tests for the outbox relay. We run 3 replicas of it.',
  files=[('outbox/src/main/kotlin/com/acme/outbox/OutboxRelay.kt', '''
package com.acme.outbox

import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerRecord
import java.util.concurrent.TimeUnit
import javax.sql.DataSource

data class OutboxRow(val id: Long, val aggregateId: String, val topic: String, val payload: ByteArray)

class OutboxRelay(
    private val ds: DataSource,
    private val producer: KafkaProducer<String, ByteArray>,
    private val batchSize: Int = 200,
) {
    fun pollOnce(): Int = ds.connection.use { conn ->
        conn.autoCommit = false
        val rows = conn.prepareStatement(
            """SELECT id, aggregate_id, topic, payload FROM outbox
               WHERE published_at IS NULL ORDER BY id
               LIMIT ? FOR UPDATE SKIP LOCKED"""
        ).use { ps ->
            ps.setInt(1, batchSize)
            ps.executeQuery().use { rs ->
                generateSequence {
                    if (rs.next()) OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)) else null
                }.toList()
            }
        }
        rows.map { producer.send(ProducerRecord(it.topic, it.aggregateId, it.payload)) }
            .forEach { it.get(10, TimeUnit.SECONDS) }
        conn.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY(?)").use { ps ->
            ps.setArray(1, conn.createArrayOf("bigint", rows.map { it.id }.toTypedArray()))
            ps.executeUpdate()
        }
        conn.commit()
        rows.size
    }
}
''')],
  reqs=['per-aggregate ordering is the contract downstream relies on', 'Testcontainers PG + Kafka is fine'],
  lang='kotlin', fw='junit5')

# 6
t('medium', 'flaky-test-analysis',
  'QuoteConsumerIT red ~1 in 8 on CI since we bumped to Kafka 3.7 client. Log below, what is it.',
  files=[
    ('quote-svc/src/test/kotlin/com/acme/quote/QuoteConsumerIT.kt', '''
@Testcontainers
class QuoteConsumerIT {
    companion object {
        @Container val kafka = KafkaContainer(DockerImageName.parse("confluentinc/cp-kafka:7.6.0"))
    }

    @Test
    fun `consumes and upserts quote`() = runBlocking {
        val repo = InMemoryQuoteRepo()
        val consumer = QuoteConsumer(kafka.bootstrapServers, groupId = "quote-it", repo = repo)
        val job = launch(Dispatchers.IO) { consumer.run() }
        producer().send(ProducerRecord("quotes.v1", "q-1", quoteJson("q-1", 1999))).get()
        withTimeout(5_000) {
            while (repo.find("q-1") == null) delay(50)
        }
        assertEquals(1999, repo.find("q-1")!!.amountMinor)
        job.cancelAndJoin()
    }
}
'''),
    ('quote-svc/src/main/kotlin/com/acme/quote/QuoteConsumer.kt', '''
class QuoteConsumer(bootstrap: String, groupId: String, private val repo: QuoteRepo) {
    private val consumer = KafkaConsumer<String, String>(mapOf(
        "bootstrap.servers" to bootstrap,
        "group.id" to groupId,
        "auto.offset.reset" to "latest",
        "key.deserializer" to StringDeserializer::class.java.name,
        "value.deserializer" to StringDeserializer::class.java.name,
    ))

    suspend fun run() {
        consumer.subscribe(listOf("quotes.v1"))
        while (currentCoroutineContext().isActive) {
            val recs = consumer.poll(Duration.ofMillis(200))
            recs.forEach { repo.upsert(parseQuote(it.value())) }
        }
        consumer.close()
    }
}
'''),
    ('ci/QuoteConsumerIT-failed.log', '''
09:41:02.118 INFO  o.a.k.c.c.i.ConsumerCoordinator - [Consumer groupId=quote-it] Subscribed to topic(s): quotes.v1
09:41:02.301 INFO  c.a.q.QuoteConsumerIT - produced q-1 to quotes.v1-0@0
09:41:03.844 INFO  o.a.k.c.c.i.ConsumerCoordinator - [Consumer groupId=quote-it] (Re-)joining group
09:41:05.912 INFO  o.a.k.c.c.i.ConsumerCoordinator - [Consumer groupId=quote-it] Successfully joined group with generation Generation{generationId=1}
09:41:05.990 INFO  o.a.k.c.c.i.ConsumerCoordinator - [Consumer groupId=quote-it] Adding newly assigned partitions: quotes.v1-0
09:41:06.004 INFO  o.a.k.c.c.i.SubscriptionState - [Consumer groupId=quote-it] Resetting offset for partition quotes.v1-0 to position FetchPosition{offset=1}
09:41:07.302 ERROR c.a.q.QuoteConsumerIT - Timed out waiting for 5000 ms
kotlinx.coroutines.TimeoutCancellationException: Timed out waiting for 5000 ms
'''),
  ],
  lang='kotlin', fw='junit5')

# 7
t('simple', 'quality-gate',
  'payments-api gate: line cov threshold 80, we are at 79.6. Pass or fail per the rule below, no lawyering.',
  files=[('gate/payments-api.txt', '''
Quality gate: payments-api @ 4f1c2ab
rule: line_coverage >= 80.0 (no rounding)
rule: new_blocker_issues == 0
rule: duplicated_lines_pct <= 3.0

line_coverage          79.6
new_blocker_issues     0
duplicated_lines_pct   1.8
''')],
  lang='kotlin')

# 8
t('complex', 'security-scan',
  'Review authn middleware before it goes on the public edge.',
  files=[('internal/edge/authn.go', '''
package edge

import (
	"context"
	"crypto/rsa"
	"net/http"
	"strings"
	"sync"

	"github.com/golang-jwt/jwt/v5"
)

type tenantKey struct{}
type subjectKey struct{}

type KeySet struct {
	mu   sync.RWMutex
	keys map[string]*rsa.PublicKey
}

func (k *KeySet) Lookup(kid string) (*rsa.PublicKey, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	key, ok := k.keys[kid]
	return key, ok
}

func Authn(keys *KeySet, legacyHMAC []byte) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
				kid, _ := t.Header["kid"].(string)
				if k, ok := keys.Lookup(kid); ok {
					return k, nil
				}
				// tokens minted by the old monolith have no kid
				return legacyHMAC, nil
			}, jwt.WithLeeway(10*60*1e9))
			if err != nil || !tok.Valid {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			claims := tok.Claims.(jwt.MapClaims)
			tenant, _ := claims["tid"].(string)
			if h := r.Header.Get("X-Tenant-ID"); h != "" {
				tenant = h // support tooling impersonation
			}
			ctx := context.WithValue(r.Context(), tenantKey{}, tenant)
			ctx = context.WithValue(ctx, subjectKey{}, claims["sub"])
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
''')],
  lang='go')

# 9
t('medium', 'performance-testing',
  'k6 for POST /v2/quotes: ramp to 500 rps over 5m, hold 10m, thresholds p99<250ms and err<0.1%. Auth is a static bearer from env.',
  files=[('api/quotes.openapi.yaml', '''
paths:
  /v2/quotes:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [tenantId, sku, qty, currency]
              properties:
                tenantId: {type: string}
                sku: {type: string}
                qty: {type: integer, minimum: 1, maximum: 10000}
                currency: {type: string, enum: [USD, EUR, GBP, JPY]}
      responses:
        "201": {description: created}
        "409": {description: duplicate idempotency key}
        "429": {description: rate limited per tenant, 50 rps}
''')],
  reqs=['per-tenant limit is 50 rps, spread load so we measure latency, not 429s', 'unique Idempotency-Key per request'],
  lang='javascript', fw='k6')

# 10
t('complex', 'performance-testing',
  'Need a load model that proves the Kafka -> Flink -> Pinot path holds the 5-min freshness SLO at 3x BF peak. Include what we measure for backpressure and lag, and where we inject.',
  files=[('docs/pipeline-topology.md', '''
orders.v3 (Kafka, 96 partitions, RF3, 7d) -> flink job enrich-orders (p=48, RocksDB state, 30s checkpoints, exactly-once sink)
  -> orders.enriched.v1 (48 partitions) -> Pinot realtime table orders_rt (LLC, 48 consuming segments, 6 servers)
side input: fx-rates compacted topic (broadcast state), customer-dim via async I/O to customer-svc (gRPC, p99 40ms, 2k rps cap)
BF 2023 peak: 41k msg/s for 18 min, avg 2.1KB, skew: top 1% of tenants = 38% of volume
freshness SLO: 99% of orders queryable in Pinot within 5 min of produce timestamp, measured per 1-min window
'''),
  ],
  lang='java', fw=None)

# 11
t('simple', 'security-scan',
  'Quick pass on this Dockerfile before I approve, obvious stuff only.',
  files=[('Dockerfile', '''
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/ledger-api ./cmd/ledger-api

FROM debian:bookworm
ENV LEDGER_DB_PASSWORD=changeme-FAKE-not-real
COPY --from=build /out/ledger-api /usr/local/bin/ledger-api
EXPOSE 8080 6060
CMD ["ledger-api", "--pprof-addr=0.0.0.0:6060"]
''')],
  lang='dockerfile')

# 12
t('medium', 'defect-analysis',
  'invoice-projector stuck in a crash loop after the Avro schema v7 rollout. Producer side looks fine. Find it.',
  files=[
    ('invoice-projector/src/main/kotlin/com/acme/invoice/InvoiceEventMapper.kt', '''
object InvoiceEventMapper {
    fun toDomain(rec: GenericRecord): InvoiceEvent {
        val lines = (rec.get("lines") as List<GenericRecord>).map {
            InvoiceLine(
                sku = it.get("sku").toString(),
                qty = it.get("qty") as Int,
                unitPriceMinor = it.get("unit_price_minor") as Long,
                taxCode = it.get("tax_code").toString(),
            )
        }
        return InvoiceEvent(
            invoiceId = rec.get("invoice_id").toString(),
            tenantId = rec.get("tenant_id").toString(),
            issuedAt = Instant.ofEpochMilli(rec.get("issued_at") as Long),
            currency = rec.get("currency").toString(),
            lines = lines,
        )
    }
}
'''),
    ('schemas/invoice-v7.avsc', '''
{"type":"record","name":"Invoice","namespace":"com.acme.invoice","fields":[
 {"name":"invoice_id","type":"string"},
 {"name":"tenant_id","type":"string"},
 {"name":"issued_at","type":{"type":"long","logicalType":"timestamp-millis"}},
 {"name":"currency","type":"string"},
 {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
   {"name":"sku","type":"string"},
   {"name":"qty","type":"int"},
   {"name":"unit_price_minor","type":"long"},
   {"name":"tax_code","type":["null","string"],"default":null}]}}}
]}
'''),
    ('logs/invoice-projector.log', '''
2024-06-03T11:02:17.441Z INFO  KafkaConsumer - assigned invoices.v1-[0..11]
2024-06-03T11:02:17.902Z ERROR ProjectorLoop - failed at invoices.v1-4@881230
java.lang.NullPointerException: Cannot invoke "Object.toString()" because the return value of "org.apache.avro.generic.GenericRecord.get(String)" is null
	at com.acme.invoice.InvoiceEventMapper.toDomain(InvoiceEventMapper.kt:8)
	at com.acme.invoice.ProjectorLoop.handle(ProjectorLoop.kt:41)
2024-06-03T11:02:17.903Z WARN  ProjectorLoop - not committing, will retry batch
2024-06-03T11:02:18.011Z INFO  Main - exiting with code 1
'''),
  ],
  lang='kotlin')

# 13
# why: the flake is a race between the rebalance callback and the coroutine that snapshots ownership: concurrency, complex
t('complex', 'flaky-test-analysis',
  'ShardRebalanceIT ~3% on CI, never local. Been open 2 quarters. Fix it properly, not a retry.',
  files=[
    ('shard/src/main/kotlin/com/acme/shard/ShardCoordinator.kt', '''
class ShardCoordinator(
    private val nodeId: String,
    private val membership: Membership,
    private val scope: CoroutineScope,
) {
    private val owned = ConcurrentHashMap<Int, Lease>()
    @Volatile private var epoch = 0L

    fun start() {
        membership.onChange { members ->
            val newEpoch = epoch + 1
            epoch = newEpoch
            scope.launch { rebalance(members, newEpoch) }
        }
    }

    private suspend fun rebalance(members: List<String>, e: Long) {
        val target = Rendezvous.assign(members, SHARDS).filterValues { it == nodeId }.keys
        owned.keys.filterNot { it in target }.forEach { s -> owned.remove(s)?.release() }
        for (s in target) {
            if (e != epoch) return
            if (!owned.containsKey(s)) owned[s] = membership.acquire(s, ttl = 10.seconds)
        }
    }

    fun snapshot(): Set<Int> = owned.keys.toSet()
}
'''),
    ('shard/src/test/kotlin/com/acme/shard/ShardRebalanceIT.kt', '''
@Test
fun `every shard owned exactly once after churn`() = runBlocking {
    val cluster = TestCluster(nodes = 5, shards = 256)
    cluster.startAll()
    repeat(20) {
        cluster.kill(Random.nextInt(5)); delay(50); cluster.restartDead()
    }
    eventually(timeout = 15.seconds) {
        val all = cluster.nodes.flatMap { it.coordinator.snapshot() }
        assertEquals(256, all.size)
        assertEquals(256, all.toSet().size)
    }
}
'''),
    ('ci/ShardRebalanceIT-fail.txt', '''
org.opentest4j.AssertionFailedError: expected: <256> but was: <257>
	at ShardRebalanceIT.every shard owned exactly once after churn(ShardRebalanceIT.kt:9)
  last snapshot: node-2 owns 17,44,...,203 (52); node-4 owns 44,61,...,240 (51)
  membership events node-4: epoch 18 @ 10:14:03.112, epoch 19 @ 10:14:03.114, epoch 20 @ 10:14:03.161
'''),
  ],
  lang='kotlin', fw='junit5')

# 14
t('simple', 'test-generation',
  'Unit tests for latencyBucket, boundaries included.',
  files=[('metrics/src/main/kotlin/com/acme/metrics/Buckets.kt', '''
package com.acme.metrics

fun latencyBucket(ms: Long): String = when {
    ms < 0 -> throw IllegalArgumentException("negative latency: $ms")
    ms < 50 -> "lt50"
    ms < 100 -> "50_100"
    ms < 250 -> "100_250"
    ms < 1000 -> "250_1000"
    else -> "gte1000"
}
''')],
  lang='kotlin', fw='kotest')

# 15
t('medium', 'coverage-analysis',
  'pkg/ratelimit is at 71%. Which uncovered blocks actually matter? Not a list of every red line.',
  files=[
    ('pkg/ratelimit/bucket.go', '''
package ratelimit

import (
	"sync"
	"time"
)

type Bucket struct {
	mu       sync.Mutex
	capacity float64
	tokens   float64
	rate     float64 // tokens per second
	last     time.Time
	now      func() time.Time
}

func New(capacity, rate float64) *Bucket {
	return &Bucket{capacity: capacity, tokens: capacity, rate: rate, now: time.Now, last: time.Now()}
}

func (b *Bucket) refill() {
	t := b.now()
	elapsed := t.Sub(b.last).Seconds()
	if elapsed < 0 {
		// clock went backwards; do not mint tokens
		b.last = t
		return
	}
	b.tokens += elapsed * b.rate
	if b.tokens > b.capacity {
		b.tokens = b.capacity
	}
	b.last = t
}

func (b *Bucket) AllowN(n float64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.capacity {
		return false
	}
	b.refill()
	if b.tokens >= n {
		b.tokens -= n
		return true
	}
	return false
}

func (b *Bucket) Reserve(n float64) (wait time.Duration, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.capacity || b.rate == 0 {
		return 0, false
	}
	b.refill()
	b.tokens -= n
	if b.tokens >= 0 {
		return 0, true
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second)), true
}

func (b *Bucket) SetRate(rate float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill()
	b.rate = rate
}
'''),
    ('pkg/ratelimit/coverage.out', '''
mode: atomic
acme.io/platform/pkg/ratelimit/bucket.go:18.44,20.2 1 14
acme.io/platform/pkg/ratelimit/bucket.go:22.25,25.19 3 41
acme.io/platform/pkg/ratelimit/bucket.go:25.19,29.3 2 0
acme.io/platform/pkg/ratelimit/bucket.go:30.2,31.27 2 41
acme.io/platform/pkg/ratelimit/bucket.go:31.27,33.3 1 9
acme.io/platform/pkg/ratelimit/bucket.go:34.2,34.12 1 41
acme.io/platform/pkg/ratelimit/bucket.go:37.40,40.21 3 33
acme.io/platform/pkg/ratelimit/bucket.go:40.21,42.3 1 0
acme.io/platform/pkg/ratelimit/bucket.go:43.2,44.21 2 33
acme.io/platform/pkg/ratelimit/bucket.go:44.21,47.3 2 21
acme.io/platform/pkg/ratelimit/bucket.go:48.2,48.14 1 12
acme.io/platform/pkg/ratelimit/bucket.go:51.62,54.36 3 8
acme.io/platform/pkg/ratelimit/bucket.go:54.36,56.3 1 0
acme.io/platform/pkg/ratelimit/bucket.go:57.2,59.21 3 8
acme.io/platform/pkg/ratelimit/bucket.go:59.21,61.3 1 8
acme.io/platform/pkg/ratelimit/bucket.go:62.2,62.62 1 0
acme.io/platform/pkg/ratelimit/bucket.go:65.39,70.2 4 0
'''),
  ],
  lang='go', fw='go test')

# 16
t('complex', 'defect-analysis',
  'RPO breach in last night\'s DR drill: after failover the Debezium connector resumed from an older LSN and ledger-writer double-posted ~4k entries despite idempotency keys. Need the causal chain, not a timeline.',
  files=[
    ('drill/debezium-connect.log', lines(40, lambda i:
        f'2024-06-11T02:{14 + i // 8:02d}:{(i * 7) % 60:02d}Z INFO  [ledger-cdc|task-0] '
        + (['Snapshot skipped, resuming streaming', 'Replication slot "ledger_cdc" confirmed_flush_lsn=4F/8A2C1D0',
            f'Committed offset lsn=4F/8A{(0x2C1D0 + i * 0x400):05X} txId={991200 + i}',
            'Connection to primary lost, reconnecting to pg-ledger-b (promoted)',
            'Found previous offset lsn=4F/81E00028 from offset topic connect-offsets partition 7',
            f'Streaming from lsn=4F/81E00028; slot confirmed_flush_lsn=4F/81E00028 txId={990411 + i}',
            'WAL sender: slot "ledger_cdc" recreated on new primary by failover-operator',
            f'Emitted {120 + i * 3} change events to ledger.public.journal_entries'][i % 8]))),
    ('drill/failover-operator.log', '''
02:15:58Z promote pg-ledger-b (lag at promotion: replay_lsn=4F/8A1F0000, 1.3s)
02:16:01Z recreate logical slots from manifest: ledger_cdc (plugin pgoutput) at restart_lsn=4F/81E00028 [manifest age 11m]
02:16:03Z update DNS pg-ledger-rw -> pg-ledger-b
02:16:40Z drill checkpoint: RPO target 5s, measured 1.3s (physical)
'''),
    ('drill/kafka-connect-offsets.txt', '''
partition=7 key=["ledger-cdc",{"server":"ledger"}]
  offset@02:15:57Z {"lsn":373019402192,"txId":991239,"ts_usec":1718072157000000}
  offset@02:16:05Z {"lsn":372892057640,"txId":990411,"ts_usec":1718071497000000}
'''),
    ('ledger-writer/src/main/go/writer/apply.go', '''
func (w *Writer) Apply(ctx context.Context, ev JournalChange) error {
	key := fmt.Sprintf("%s:%d", ev.Source, ev.TxID)
	seen, err := w.dedupe.SeenRecently(ctx, key, 10*time.Minute)
	if err != nil {
		return err
	}
	if seen {
		return nil
	}
	if err := w.store.Post(ctx, ev.ToPosting()); err != nil {
		return err
	}
	return w.dedupe.Mark(ctx, key, 10*time.Minute)
}
'''),
    ('ledger-writer/src/main/go/writer/dedupe_redis.go', '''
func (d *RedisDedupe) SeenRecently(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	n, err := d.rdb.Exists(ctx, "dd:"+key).Result()
	return n == 1, err
}

func (d *RedisDedupe) Mark(ctx context.Context, key string, ttl time.Duration) error {
	return d.rdb.Set(ctx, "dd:"+key, 1, ttl).Err()
}
'''),
    ('drill/recon-report.csv', 'entry_id,tx_id,posted_count,first_posted_at,last_posted_at\n' + lines(20, lambda i:
        f'je-{775100 + i * 13},{990411 + i * 41},2,2024-06-11T02:0{4 + i % 5}:{(i * 9) % 60:02d}Z,2024-06-11T02:16:{(10 + i * 2) % 60:02d}Z')),
  ],
  lang='go')

# 17
t('medium', 'quality-gate',
  'Release gate for orders-api 5.12 against our criteria. Go/no-go with the reason per metric.',
  files=[
    ('release/criteria.yaml', '''
orders-api:
  line_coverage_min: 80
  mutation_score_min: 65
  p99_regression_max_pct: 10     # vs last GA, same load profile
  sast_high_max: 0
  open_sev2_max: 0
  contract_tests: all_pass
'''),
    ('release/orders-api-5.12-metrics.json', '''
{
  "line_coverage": 82.4,
  "mutation_score": 61.0,
  "mutation_score_note": "PIT run excluded com.acme.orders.legacy.* (14% of code)",
  "p99_ms": {"baseline_5.11": 212, "candidate": 229, "profile": "steady-2k-rps"},
  "sast": {"high": 1, "high_items": [{"id": "kotlin:S5332", "file": "HealthProbe.kt", "status": "accepted-risk JIRA SEC-881"}]},
  "open_sev2": 0,
  "contract_tests": {"passed": 148, "failed": 0, "pending": 3}
}
'''),
  ],
  lang='kotlin')

# 18
# why: long preamble about the monorepo, but the ask is run one filtered go test and paste the result: simple
t('simple', 'test-execution',
  'Context: pricing moved into the platform monorepo last sprint, Bazel is still WIP so we use plain go test for now, '
  'the module root is services/pricing, CI uses -race but do not bother locally, and the banker\'s rounding change '
  'from FINOPS-212 landed yesterday. All I need: run go test ./internal/rounding/... -run TestRound -v and tell me what fails.',
  lang='go', fw='go test')

# 19
t('complex', 'test-generation',
  'Property tests for the OR-Set merge. Convergence under arbitrary delivery order is the whole point.',
  files=[('crdt/src/main/scala/com/acme/crdt/ORSet.scala', '''
package com.acme.crdt

final case class Dot(replica: String, counter: Long)

final case class ORSet[A](
    entries: Map[A, Set[Dot]],
    tombstones: Set[Dot],
    clock: Map[String, Long]
) {
  def add(replica: String, a: A): ORSet[A] = {
    val c = clock.getOrElse(replica, 0L) + 1
    val d = Dot(replica, c)
    copy(entries = entries.updated(a, entries.getOrElse(a, Set.empty) + d), clock = clock.updated(replica, c))
  }

  def remove(a: A): ORSet[A] =
    copy(entries = entries - a, tombstones = tombstones ++ entries.getOrElse(a, Set.empty))

  def contains(a: A): Boolean = entries.get(a).exists(_.nonEmpty)

  def merge(that: ORSet[A]): ORSet[A] = {
    val ts = tombstones ++ that.tombstones
    val keys = entries.keySet ++ that.entries.keySet
    val merged = keys.iterator.map { k =>
      k -> ((entries.getOrElse(k, Set.empty) ++ that.entries.getOrElse(k, Set.empty)) -- ts)
    }.filter(_._2.nonEmpty).toMap
    val clk = (clock.keySet ++ that.clock.keySet).iterator
      .map(r => r -> math.max(clock.getOrElse(r, 0L), that.clock.getOrElse(r, 0L))).toMap
    ORSet(merged, ts, clk)
  }

  def value: Set[A] = entries.keySet
}

object ORSet {
  def empty[A]: ORSet[A] = ORSet(Map.empty, Set.empty, Map.empty)
}
''')],
  reqs=['commutative, associative, idempotent merge', 'add-wins on concurrent add/remove',
        'generators must model replicas exchanging states in any order, including duplicates'],
  lang='scala', fw='scalacheck')

# 20
t('medium', 'test-generation',
  'Tests for GetSubscription RPC. Status code mapping is what clients depend on.',
  files=[('internal/subs/server.go', '''
package subs

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	subsv1 "acme.io/gen/subs/v1"
)

type Repo interface {
	Get(ctx context.Context, tenantID, id string) (*Subscription, error)
}

var (
	ErrNotFound = errors.New("subscription not found")
	ErrArchived = errors.New("subscription archived")
)

type Server struct {
	subsv1.UnimplementedSubscriptionsServer
	repo Repo
}

func (s *Server) GetSubscription(ctx context.Context, req *subsv1.GetSubscriptionRequest) (*subsv1.Subscription, error) {
	if req.GetTenantId() == "" || req.GetId() == "" {
		return nil, status.Error(codes.InvalidArgument, "tenant_id and id are required")
	}
	sub, err := s.repo.Get(ctx, req.GetTenantId(), req.GetId())
	switch {
	case errors.Is(err, ErrNotFound):
		return nil, status.Error(codes.NotFound, "subscription not found")
	case errors.Is(err, ErrArchived):
		return nil, status.Error(codes.FailedPrecondition, "subscription archived")
	case errors.Is(err, context.DeadlineExceeded):
		return nil, status.Error(codes.DeadlineExceeded, "repo timeout")
	case errors.Is(err, context.Canceled):
		return nil, status.Error(codes.Canceled, "canceled")
	case err != nil:
		return nil, status.Error(codes.Internal, "internal")
	}
	return &subsv1.Subscription{
		Id:       sub.ID,
		TenantId: sub.TenantID,
		Plan:     sub.Plan,
		Seats:    int32(sub.Seats),
		Status:   subsv1.Status(sub.Status),
	}, nil
}
''')],
  reqs=['bufconn, not a real port', 'assert codes via status.Code, not string matching'],
  lang='go', fw='go test')

# 21
# why: 12-line test, the cause (LocalDate.now() in the system default zone vs a UTC fixture) is visible at a glance, no async: simple
t('simple', 'flaky-test-analysis',
  'Fails only in the nightly that runs at 00:30 UTC from the Sydney runner. Why?',
  files=[('billing/src/test/kotlin/com/acme/billing/InvoiceDueDateTest.kt', '''
class InvoiceDueDateTest {
    @Test
    fun `net30 due date`() {
        val issued = Instant.parse("2024-01-01T00:00:00Z").atZone(ZoneOffset.UTC).toLocalDate()
        val inv = Invoice(issuedOn = LocalDate.now(), terms = Terms.NET30)
        val expectedOffset = ChronoUnit.DAYS.between(issued, LocalDate.now(ZoneOffset.UTC))
        assertEquals(issued.plusDays(expectedOffset + 30), inv.dueDate())
    }
}
''')],
  lang='kotlin', fw='junit5')

# 22
# why: long scanner output, but the ask is group-and-filter by fields already in it: mechanical, simple
t('simple', 'security-scan',
  'Trivy on the gateway image. Group CRITICAL/HIGH by package, show which have a fixed version. No analysis needed.',
  files=[('scan/trivy-gateway.txt', 'Library | Vulnerability | Severity | Installed | Fixed | Title\n' + lines(70, lambda i:
      f'{["openssl", "libcurl4", "golang.org/x/net", "google.golang.org/grpc", "zlib1g", "libexpat1", "github.com/golang-jwt/jwt/v4"][i % 7]} | '
      f'CVE-202{3 + i % 2}-{10000 + i * 137} | {["CRITICAL", "HIGH", "MEDIUM", "HIGH", "LOW"][i % 5]} | '
      f'{["3.0.11-1", "7.88.1-10", "v0.17.0", "v1.58.2", "1:1.2.13", "2.5.0-1", "v4.5.0"][i % 7]} | '
      f'{["3.0.13-1", "", "v0.23.0", "v1.58.3", "", "2.5.0-1+deb12u1", "v4.5.2"][i % 7] if i % 4 else ""} | '
      f'{["buffer over-read", "heap overflow", "HTTP/2 rapid reset", "resource exhaustion", "integer overflow", "use after free", "parse bypass"][i % 7]}'))],
  lang=None)

# 23
# why: go/no-go across 7 artefacts (SLO burn, replication lag, chaos, DR RPO/RTO, incidents): large multi-source context with distributed-systems judgement, complex
t('complex', 'quality-gate',
  'us-west-2 cell cutover is Thursday. Go/no-go, and if no-go the smallest set of things that flips it.',
  files=[
    ('cutover/criteria.md', '''
- error budget remaining (30d) >= 40% for tier-0 services
- cross-region replication lag p99 < 2s for 7 consecutive days
- DR drill: RPO <= 5s, RTO <= 15m, no data divergence
- chaos: AZ-loss game day passed with no SLO breach
- zero open sev1/sev2 tagged cell-migration
- rollback rehearsed within 14 days
'''),
    ('cutover/slo-burn.csv', 'service,tier,budget_remaining_pct_30d,burn_rate_1h,burn_rate_6h\n' + lines(12, lambda i:
        f'{["checkout", "orders", "payments", "identity", "catalog", "search", "pricing", "ledger", "notifications", "quotes", "inventory", "subs"][i]},'
        f'{0 if i in (0, 2, 3, 7) else 1},{[52, 61, 38, 71, 80, 44, 66, 41, 90, 57, 63, 49][i]},{[0.8, 1.1, 2.4, 0.5, 0.3, 1.9, 0.9, 1.2, 0.1, 0.7, 1.0, 0.6][i]},'
        f'{[0.9, 1.0, 1.7, 0.6, 0.4, 1.4, 0.8, 1.1, 0.2, 0.8, 0.9, 0.7][i]}')),
    ('cutover/replication-lag-7d.csv', 'day,pg_ledger_p99_s,kafka_mm2_p99_s,redis_crdt_p99_s\n' + lines(7, lambda i:
        f'2024-06-{3 + i:02d},{[0.9, 1.1, 1.4, 3.8, 1.2, 1.0, 1.1][i]},{[1.2, 1.3, 1.5, 1.9, 1.6, 1.4, 1.3][i]},{[0.2, 0.2, 0.3, 0.2, 0.2, 0.3, 0.2][i]}')),
    ('cutover/dr-drill-2024-06-11.md', '''
RPO measured (physical): 1.3s. RTO: 11m40s.
Post-drill recon: 4,112 ledger entries double-posted via CDC replay after slot recreation (INC-7731, sev2, open).
'''),
    ('cutover/chaos-az-loss.md', '''
Game day 2024-06-05, az-loss use2-az1: checkout availability 99.92% (SLO 99.9) during 18 min window.
identity p99 peaked at 1.9s (SLO 800ms) for 6 min; root cause: token cache cold in surviving AZ. Action item ID-402 (done 06-09, not re-tested).
'''),
    ('cutover/incidents.json', '''
[{"id":"INC-7731","sev":2,"tags":["cell-migration","ledger","cdc"],"status":"open"},
 {"id":"INC-7702","sev":3,"tags":["search"],"status":"open"},
 {"id":"INC-7690","sev":2,"tags":["payments"],"status":"resolved"}]
'''),
    ('cutover/rollback-rehearsal.md', '''
Last rehearsal 2024-05-22 (staging cell), 22 minutes, manual DNS step. Prod rehearsal not scheduled.
'''),
  ],
  lang=None)

# 24
# why: six packages of `go tool cover -func` output, but the ask is to list 0% funcs: mechanical, simple
t('simple', 'coverage-analysis',
  'Every func at 0.0% across these, grouped by package. Nothing else.',
  files=[(f'cover/{pkg}.func.txt', lines(22, lambda i, pkg=pkg:
      f'acme.io/platform/{pkg}/{["handler", "store", "codec", "config"][i % 4]}.go:{12 + i * 9}:\t'
      f'{["New", "Get", "Put", "Delete", "List", "Encode", "Decode", "Validate", "Load", "Close", "retry"][i % 11]}{["", "Batch", "Ctx", "V2"][i % 4]}\t'
      f'{(0.0 if (i * len(pkg)) % 7 == 0 else 40.0 + (i * 13) % 60):.1f}%'))
      for pkg in ['authz', 'billing', 'events', 'flags', 'quota', 'tenancy']],
  lang='go')

# 25
t('medium', 'test-execution',
  'Run ledger-service ITs against PG 15 and PG 16 (testcontainers), diff the results, tell me which failures are version-specific.',
  files=[('ledger-service/src/test/resources/testcontainers.properties', '''
testcontainers.reuse.enable=false
ryuk.container.privileged=true
'''),
    ('ledger-service/build.gradle.kts', '''
tasks.register<Test>("integrationTest") {
    useJUnitPlatform { includeTags("it") }
    systemProperty("pg.image", providers.gradleProperty("pgImage").getOrElse("postgres:15.6"))
    shouldRunAfter(tasks.test)
    maxParallelForks = 2
}
''')],
  lang='kotlin', fw='junit5')

# 26
t('complex', 'test-execution',
  'Run the partition nemesis suite against the 5-node metadata raft (staging), 30 min, and read the Knossos output: is it linearizable, and if not which op history breaks it.',
  files=[('jepsen/metadata-raft/config.edn', '''
{:nodes ["md-1" "md-2" "md-3" "md-4" "md-5"]
 :workload :cas-register
 :nemesis [:partition-majorities-ring :kill :clock-skew]
 :time-limit 1800
 :concurrency 20
 :rate 200
 :ops {:read 0.5 :write 0.25 :cas 0.25}
 :client {:lease-reads true :read-index false}}
''')],
  lang='clojure', fw='jepsen')

# 27
t('simple', 'defect-analysis',
  'NumberFormatException from CSV import, trace + fn below.',
  files=[
    ('import/src/main/kotlin/com/acme/import/Amounts.kt', '''
fun parseAmountMinor(raw: String): Long {
    val cleaned = raw.trim().removePrefix("$")
    val parts = cleaned.split(".")
    val major = parts[0].toLong()
    val minor = if (parts.size > 1) parts[1].padEnd(2, '0').take(2).toLong() else 0L
    return major * 100 + minor
}
'''),
    ('logs/import.txt', '''
java.lang.NumberFormatException: For input string: "1,200"
	at java.base/java.lang.Long.parseLong(Long.java:711)
	at com.acme.import.AmountsKt.parseAmountMinor(Amounts.kt:4)
	at com.acme.import.CsvImporter.row(CsvImporter.kt:58)
row 1182: "INV-99812","$1,200.50","USD"
'''),
  ],
  lang='kotlin')

# 28
# why: before/after JMH table with error columns given; the ask is to compare each row beyond its error: mechanical report reading, simple
t('simple', 'performance-testing',
  'JMH before/after for the protobuf->flatbuffers swap. Which benchmarks regressed >10% outside the error bars?',
  files=[('bench/jmh-compare.txt', 'Benchmark                                   Mode  Cnt   base_score  base_err   new_score  new_err  Units\n' + lines(24, lambda i:
      f'SerdeBench.{["encodeOrder", "decodeOrder", "encodeQuote", "decodeQuote", "roundTripInvoice", "decodeLedgerBatch"][i % 6]}_{["small", "medium", "large", "xl"][i // 6]}'.ljust(44)
      + f'avgt  10   {1.2 + i * 0.9:9.3f}  {0.05 + (i % 5) * 0.04:8.3f}   {(1.2 + i * 0.9) * [0.71, 1.04, 0.88, 1.19, 0.95, 1.31][i % 6]:9.3f}  {0.06 + (i % 4) * 0.05:7.3f}  us/op'))],
  lang='java', fw='jmh')

# 29
t('simple', 'performance-testing',
  'Did this run hit p99 < 300ms and error < 0.5%? Yes/no per scenario.',
  files=[('perf/k6-summary.txt', '''
scenario: browse      http_req_duration p(95)=141ms p(99)=212ms   http_req_failed 0.08%
scenario: search      http_req_duration p(95)=233ms p(99)=347ms   http_req_failed 0.11%
scenario: checkout    http_req_duration p(95)=198ms p(99)=286ms   http_req_failed 0.62%
scenario: account     http_req_duration p(95)=90ms  p(99)=131ms   http_req_failed 0.00%
''')],
  lang='javascript', fw='k6')

# 30
t('complex', 'security-scan',
  'Custom peer verification for our SPIFFE mTLS between ledger and payments. Sanity check before we drop the mesh for this path.',
  files=[('internal/mtls/verify.go', '''
package mtls

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/url"
	"strings"
)

func ServerConfig(cert tls.Certificate, bundle *x509.CertPool, allowed []string) *tls.Config {
	return &tls.Config{
		Certificates:       []tls.Certificate{cert},
		ClientAuth:         tls.RequireAnyClientCert,
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS12,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("no client cert")
			}
			leaf, err := x509.ParseCertificate(raw[0])
			if err != nil {
				return err
			}
			inter := x509.NewCertPool()
			for _, r := range raw[1:] {
				if c, err := x509.ParseCertificate(r); err == nil {
					inter.AddCert(c)
				}
			}
			if _, err := leaf.Verify(x509.VerifyOptions{Roots: bundle, Intermediates: inter}); err != nil {
				return err
			}
			for _, u := range leaf.URIs {
				if matchID(u, allowed) {
					return nil
				}
			}
			return errors.New("spiffe id not allowed")
		},
	}
}

func matchID(u *url.URL, allowed []string) bool {
	id := u.String()
	for _, a := range allowed {
		if strings.HasPrefix(id, a) {
			return true
		}
	}
	return false
}
''')],
  reqs=['allowed looks like ["spiffe://prod.acme.io/ns/payments/sa/payments-api"]'],
  lang='go')

# 31
t('medium', 'flaky-test-analysis',
  'SettlementFlowSpec times out on the shared CI runners maybe 1 in 15. Log attached.',
  files=[
    ('settlement/src/test/scala/com/acme/settlement/SettlementFlowSpec.scala', '''
class SettlementFlowSpec extends AnyFlatSpec with Matchers with BeforeAndAfterAll {
  implicit val system: ActorSystem = ActorSystem("settlement-spec")
  implicit val ec: ExecutionContext = system.dispatcher

  "SettlementFlow" should "settle a day of batches" in {
    val batches = (1 to 500).map(i => Batch(s"b-$i", amountMinor = i * 100L))
    val result = Source(batches)
      .via(SettlementFlow(fx = StubFx, ledger = new InMemoryLedger, parallelism = 8))
      .runWith(Sink.seq)
    Await.result(result, 3.seconds).map(_.status).distinct shouldBe Seq(Settled)
  }

  override def afterAll(): Unit = TestKit.shutdownActorSystem(system)
}
'''),
    ('ci/settlement-flaky.log', '''
[info] SettlementFlowSpec:
[info] SettlementFlow
[info] - should settle a day of batches *** FAILED *** (3 seconds, 41 milliseconds)
[info]   java.util.concurrent.TimeoutException: Future timed out after [3 seconds]
[info]   ...
[debug] runner: ci-shared-07 cpus=2 (cgroup quota 2.0) load1=11.4
[debug] JIT: C2 compile queue 182 at test start
[info] Passed: Total 211, Failed 1
'''),
  ],
  lang='scala', fw='scalatest')

# 32
# why: no textbook keywords, but it is a lost-update/ordering bug across three services: cross-service root cause, complex
t('complex', 'defect-analysis',
  'Since Tuesday a handful of customers see their plan change flip back a few minutes later. Maybe 1 in 2000 changes. Three services involved, relevant bits attached.',
  files=[
    ('subs-api/src/main/kotlin/com/acme/subs/PlanController.kt', '''
@PostMapping("/tenants/{tid}/plan")
suspend fun changePlan(@PathVariable tid: String, @RequestBody req: ChangePlan): ResponseEntity<Any> {
    val sub = repo.get(tid)
    val updated = sub.copy(plan = req.plan, updatedAt = Instant.now())
    repo.save(updated)
    events.publish("subs.plan-changed.v1", key = tid, PlanChanged(tid, req.plan, updated.updatedAt))
    return ResponseEntity.accepted().build()
}
'''),
    ('billing-sync/src/main/go/sync/handler.go', '''
func (h *Handler) OnPlanChanged(ctx context.Context, ev PlanChanged) error {
	cur, err := h.billing.GetCustomer(ctx, ev.TenantID)
	if err != nil {
		return err
	}
	cur.Plan = ev.Plan
	if err := h.billing.PutCustomer(ctx, cur); err != nil {
		return err
	}
	return h.kafka.Publish(ctx, "billing.customer-updated.v1", ev.TenantID, CustomerUpdated{TenantID: ev.TenantID, Plan: cur.Plan, At: time.Now()})
}
'''),
    ('subs-api/src/main/kotlin/com/acme/subs/BillingEchoListener.kt', '''
@KafkaListener(topics = ["billing.customer-updated.v1"], groupId = "subs-api-echo")
fun onCustomerUpdated(ev: CustomerUpdated) = runBlocking {
    val sub = repo.get(ev.tenantId)
    if (sub.plan != ev.plan) {
        // billing is the source of truth for plan since FIN-77
        repo.save(sub.copy(plan = ev.plan, updatedAt = ev.at))
    }
}
'''),
    ('notes/tuesday-deploy.md', '''
Tuesday: billing-sync scaled 2 -> 6 replicas; consumer switched from partition-ordered to a worker pool (16 goroutines per replica) to burn down lag.
'''),
  ],
  lang='kotlin')

# 33
t('medium', 'coverage-analysis',
  'scoverage for fx-rates module. Statement 84 but branch 52. Where are the branch gaps that could bite, given this code?',
  files=[
    ('fx-rates/src/main/scala/com/acme/fx/RateResolver.scala', '''
package com.acme.fx

import java.time.{Duration, Instant}

final case class Rate(base: String, quote: String, mid: BigDecimal, at: Instant)

class RateResolver(primary: RateSource, fallback: RateSource, maxStaleness: Duration, clock: () => Instant) {

  def resolve(base: String, quote: String): Either[FxError, Rate] =
    if (base == quote) Right(Rate(base, quote, BigDecimal(1), clock()))
    else primary.latest(base, quote) match {
      case Some(r) if fresh(r) => Right(r)
      case Some(r) =>
        fallback.latest(base, quote) match {
          case Some(f) if fresh(f) => Right(f)
          case _ => Left(FxError.Stale(base, quote, r.at))
        }
      case None =>
        inverse(base, quote).orElse(triangulate(base, quote, "USD")) match {
          case Some(r) => Right(r)
          case None => Left(FxError.Unavailable(base, quote))
        }
    }

  private def fresh(r: Rate): Boolean =
    Duration.between(r.at, clock()).compareTo(maxStaleness) <= 0

  private def inverse(base: String, quote: String): Option[Rate] =
    primary.latest(quote, base).filter(fresh).filter(_.mid != 0).map(r => Rate(base, quote, BigDecimal(1) / r.mid, r.at))

  private def triangulate(base: String, quote: String, via: String): Option[Rate] =
    if (base == via || quote == via) None
    else for {
      a <- primary.latest(base, via).filter(fresh)
      b <- primary.latest(via, quote).filter(fresh)
    } yield Rate(base, quote, a.mid * b.mid, if (a.at.isBefore(b.at)) a.at else b.at)
}
'''),
    ('fx-rates/target/scoverage-report/branch-summary.txt', '''
RateResolver.scala  statements 84.0%  branches 52.4%
  L9   if (base == quote)             T:12 F:40
  L11  case Some(r) if fresh(r)       T:31 F:4
  L13  fallback Some(f) if fresh(f)   T:4  F:0
  L14  case _ (stale)                  0
  L16  case None                       5
  L17  inverse.orElse(triangulate)    inverse:5 triangulate:0
  L19  Unavailable                     0
  L26  inverse filter mid != 0        T:5 F:0
  L29  base==via || quote==via        T:0 F:0
  L33  a.at isBefore b.at             not reached
'''),
  ],
  lang='scala', fw='scalatest')

# 34
# why: 7 module coverage summaries plus an incident writeup, asking what the suite structurally misses: large multi-module context, complex
t('complex', 'coverage-analysis',
  'We are at 87% across the order platform and still shipped INC-7731. Cross-ref coverage with the postmortem and tell me what the suite structurally cannot catch.',
  files=[(f'coverage/{m}.txt', lines(14, lambda i, m=m:
      f'{m}/{["api", "domain", "persistence", "messaging", "retry", "dedupe", "config"][i % 7]}/{["Handler", "Service", "Repo", "Consumer", "Producer"][i % 5]}{i}.kt  '
      f'line {60 + (i * 7 + len(m)) % 40}%  branch {40 + (i * 11 + len(m)) % 55}%  tests: {["unit", "unit", "it-testcontainers", "unit+mock-kafka", "unit"][i % 5]}'))
      for m in ['orders', 'payments', 'ledger-writer', 'ledger-cdc', 'billing-sync', 'subs-api']]
    + [('postmortem/INC-7731.md', '''
Summary: after DR failover the CDC connector resumed from a stale offset; ledger-writer dedupe is a 10-min Redis TTL keyed on txId,
so replays older than 10 minutes re-posted. Redis in the DR region was cold (separate cluster, not replicated).
Contributing: no test exercises offset regression; dedupe tests mock Redis with a map that never expires;
ITs run single-region with one Redis; failover is only tested in the quarterly drill.
''')],
  lang='kotlin')

# 35
t('simple', 'quality-gate',
  'Sonar gate failed on PR 4412. Which conditions, actual vs threshold?',
  files=[('ci/sonar-gate.json', '''
{"projectStatus":{"status":"ERROR","conditions":[
 {"status":"OK","metricKey":"new_reliability_rating","comparator":"GT","errorThreshold":"1","actualValue":"1"},
 {"status":"ERROR","metricKey":"new_security_hotspots_reviewed","comparator":"LT","errorThreshold":"100","actualValue":"50.0"},
 {"status":"OK","metricKey":"new_maintainability_rating","comparator":"GT","errorThreshold":"1","actualValue":"1"},
 {"status":"ERROR","metricKey":"new_coverage","comparator":"LT","errorThreshold":"80","actualValue":"71.3"},
 {"status":"OK","metricKey":"new_duplicated_lines_density","comparator":"GT","errorThreshold":"3","actualValue":"0.8"}
]}}
''')],
  lang='kotlin')

# 36
# why: a local retry wrapper in one client with ctx cancellation and error wrapping: error-handling paths in one module, medium (not cross-service retries)
t('medium', 'defect-analysis',
  'After ctx cancel callers get "max retries exceeded" instead of context.Canceled, so our handlers return 503 not 499. Find it and say what the fix should be.',
  files=[
    ('pkg/httpx/retry.go', '''
package httpx

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"net/http"
	"time"
)

var ErrMaxRetries = errors.New("max retries exceeded")

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func DoWithRetry(ctx context.Context, c Doer, req *http.Request, attempts int, base time.Duration) (*http.Response, error) {
	var lastErr error
	for i := 0; i < attempts; i++ {
		resp, err := c.Do(req.Clone(ctx))
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
			lastErr = fmt.Errorf("status %d", resp.StatusCode)
		} else {
			lastErr = err
		}
		sleep := base<<i + time.Duration(rand.Int63n(int64(base)))
		select {
		case <-ctx.Done():
		case <-time.After(sleep):
		}
	}
	return nil, fmt.Errorf("%w: %v", ErrMaxRetries, lastErr)
}
'''),
    ('pkg/httpx/retry_test.log', '''
=== RUN   TestDoWithRetry_CancelPropagates
    retry_test.go:88: want errors.Is(err, context.Canceled), got: max retries exceeded: Get "http://127.0.0.1:39011/x": context canceled
    retry_test.go:89: elapsed 2.4ms, attempts observed by server: 1
--- FAIL: TestDoWithRetry_CancelPropagates (0.00s)
'''),
  ],
  lang='go', fw='go test')

# 37
# why: ~90 lines, but converting JUnit4 + Mockito tests to Kotest + MockK is mechanical: simple
t('simple', 'test-generation',
  'Port this to Kotest FunSpec + MockK. Same cases, no new ones.',
  files=[('notifications/src/test/kotlin/com/acme/notify/TemplateRendererTest.kt', '''
package com.acme.notify

import org.junit.Assert.assertEquals
import org.junit.Assert.assertThrows
import org.junit.Before
import org.junit.Test
import org.mockito.Mockito.mock
import org.mockito.Mockito.`when`
import org.mockito.Mockito.verify

class TemplateRendererTest {
    private lateinit var store: TemplateStore
    private lateinit var renderer: TemplateRenderer

    @Before
    fun setUp() {
        store = mock(TemplateStore::class.java)
        renderer = TemplateRenderer(store)
    }

    @Test
    fun rendersSimpleVariable() {
        `when`(store.get("welcome", "en")).thenReturn("Hi {{name}}")
        assertEquals("Hi Ana", renderer.render("welcome", "en", mapOf("name" to "Ana")))
    }

    @Test
    fun fallsBackToEnglish() {
        `when`(store.get("welcome", "pt")).thenReturn(null)
        `when`(store.get("welcome", "en")).thenReturn("Hi {{name}}")
        assertEquals("Hi Ana", renderer.render("welcome", "pt", mapOf("name" to "Ana")))
        verify(store).get("welcome", "en")
    }

    @Test
    fun leavesUnknownPlaceholder() {
        `when`(store.get("welcome", "en")).thenReturn("Hi {{name}} {{surname}}")
        assertEquals("Hi Ana {{surname}}", renderer.render("welcome", "en", mapOf("name" to "Ana")))
    }

    @Test
    fun escapesHtml() {
        `when`(store.get("welcome", "en")).thenReturn("<b>{{name}}</b>")
        assertEquals("<b>&lt;i&gt;Ana</b>", renderer.render("welcome", "en", mapOf("name" to "<i>Ana")))
    }

    @Test
    fun missingTemplateThrows() {
        `when`(store.get("nope", "en")).thenReturn(null)
        assertThrows(TemplateNotFound::class.java) {
            renderer.render("nope", "en", emptyMap())
        }
    }

    @Test
    fun rendersRepeatedPlaceholder() {
        `when`(store.get("dup", "en")).thenReturn("{{x}}-{{x}}")
        assertEquals("1-1", renderer.render("dup", "en", mapOf("x" to "1")))
    }

    @Test
    fun emptyVarsKeepsTemplate() {
        `when`(store.get("welcome", "en")).thenReturn("Hi {{name}}")
        assertEquals("Hi {{name}}", renderer.render("welcome", "en", emptyMap()))
    }
}
''')],
  lang='kotlin', fw='kotest')

# 38
t('medium', 'quality-gate',
  'Canary verdict for search-api 2.40 vs baseline, 45 min @10%. Criteria in the yaml. Promote or roll back?',
  files=[
    ('canary/criteria.yaml', '''
metrics:
  error_rate:      {direction: increase, max_delta_pct: 20, critical: true}
  p99_latency_ms:  {direction: increase, max_delta_pct: 15}
  cpu_per_req_ms:  {direction: increase, max_delta_pct: 25}
  zero_result_pct: {direction: increase, max_delta_pct: 10}
pass: all critical pass AND >= 75% of non-critical pass
min_samples_per_window: 2000
'''),
    ('canary/windows.csv', 'window,cohort,samples,error_rate,p99_latency_ms,cpu_per_req_ms,zero_result_pct\n' + lines(18, lambda i:
        f'{i // 2 + 1},{"canary" if i % 2 else "baseline"},{(1650 + i * 40) if (i % 2 and i < 4) else (21000 + i * 300) if not i % 2 else (2300 + i * 35)},'
        f'{(0.21 + (i % 3) * 0.02) if i % 2 else (0.19 + (i % 3) * 0.01):.2f},{(236 + i * 2) if i % 2 else (214 + i):d},'
        f'{(4.9 + (i % 4) * 0.1) if i % 2 else (4.1 + (i % 4) * 0.1):.1f},{(3.4 + (i % 5) * 0.1) if i % 2 else (3.3 + (i % 5) * 0.1):.1f}')),
  ],
  lang=None)

# 39
t('complex', 'flaky-test-analysis',
  'ExactlyOnceLedgerIT sees duplicate postings ~1/50 runs, always right after a rebalance. EOS is supposedly on.',
  files=[
    ('ledger-consumer/src/main/kotlin/com/acme/ledger/PostingConsumer.kt', '''
class PostingConsumer(
    private val consumer: KafkaConsumer<String, ByteArray>,
    private val producer: KafkaProducer<String, ByteArray>,
    private val scope: CoroutineScope,
) {
    fun run() {
        consumer.subscribe(listOf("postings.cmd.v1"), object : ConsumerRebalanceListener {
            override fun onPartitionsRevoked(p: Collection<TopicPartition>) { /* nothing in flight to flush */ }
            override fun onPartitionsAssigned(p: Collection<TopicPartition>) {}
        })
        producer.initTransactions()
        while (true) {
            val recs = consumer.poll(Duration.ofMillis(100))
            if (recs.isEmpty) continue
            producer.beginTransaction()
            val jobs = recs.map { r -> scope.async { producer.send(ProducerRecord("postings.v1", r.key(), post(r.value()))) } }
            val offsets = recs.partitions().associateWith { tp -> OffsetAndMetadata(recs.records(tp).last().offset() + 1) }
            scope.launch {
                jobs.awaitAll()
                producer.sendOffsetsToTransaction(offsets, ConsumerGroupMetadata("ledger-posting"))
                producer.commitTransaction()
            }
        }
    }
}
'''),
    ('ledger-consumer/src/main/resources/kafka.properties', '''
isolation.level=read_committed
enable.auto.commit=false
transactional.id=ledger-posting-${HOSTNAME}
max.poll.interval.ms=30000
'''),
    ('ci/eos-it-fail.log', '''
10:02:11.004 INFO  [Consumer clientId=c-2] Revoke previously assigned partitions postings.cmd.v1-3
10:02:11.009 INFO  [Consumer clientId=c-1] Adding newly assigned partitions: postings.cmd.v1-3
10:02:11.010 INFO  [Consumer clientId=c-1] Setting offset for partition postings.cmd.v1-3 to the committed offset FetchPosition{offset=7712}
10:02:11.051 INFO  [Producer transactionalId=ledger-posting-it-c2] commitTransaction ok (offsets postings.cmd.v1-3 -> 7790)
ExactlyOnceLedgerIT > noDuplicatePostings FAILED
    expected 10000 postings, found 10078 (78 duplicate cmd ids, all from partition 3, offsets 7712..7789)
'''),
  ],
  lang='kotlin', fw='junit5')

# 40
t('simple', 'security-scan',
  'Cross this gradle lockfile against the advisory table, list the deps below the patched version. Mechanical, I just need the list.',
  files=[
    ('gradle.lockfile', lines(40, lambda i:
        f'{["com.fasterxml.jackson.core:jackson-databind", "io.netty:netty-codec-http2", "org.yaml:snakeyaml", "ch.qos.logback:logback-core", "io.grpc:grpc-netty-shaded", "org.apache.kafka:kafka-clients", "com.google.protobuf:protobuf-java", "org.postgresql:postgresql"][i % 8]}'
        f':{["2.15.2", "4.1.97.Final", "1.33", "1.4.11", "1.58.0", "3.5.1", "3.24.3", "42.6.0"][i % 8] if i < 8 else ["2.16.1", "4.1.108.Final", "2.2", "1.4.14", "1.62.2", "3.7.0", "3.25.3", "42.7.2"][i % 8]}'
        f'=compileClasspath,runtimeClasspath # module {["orders", "payments", "ledger", "subs", "search"][i // 8]}')),
    ('sec/advisories.txt', '''
jackson-databind   < 2.15.3 ... none current; informational
netty-codec-http2  < 4.1.100.Final   CVE-2023-44487
snakeyaml          < 2.0             CVE-2022-1471
logback-core       < 1.4.12          CVE-2023-6378
grpc-netty-shaded  < 1.59.1          GHSA-xpw8-rcwv-8f8p
kafka-clients      < 3.7.1           CVE-2024-31141
protobuf-java      < 3.25.5          CVE-2024-7254
postgresql         < 42.7.2          CVE-2024-1597
'''),
  ],
  lang='kotlin')

# 41
t('medium', 'test-generation',
  'Tests for the refund command handler. Suspend funs, MockK is fine.',
  files=[('refunds/src/main/kotlin/com/acme/refunds/RefundHandler.kt', '''
package com.acme.refunds

class RefundHandler(
    private val payments: PaymentsClient,
    private val repo: RefundRepository,
    private val events: EventPublisher,
    private val clock: Clock,
) {
    suspend fun handle(cmd: RequestRefund): RefundResult {
        require(cmd.amountMinor > 0) { "amount must be positive" }
        repo.findByIdempotencyKey(cmd.idempotencyKey)?.let { return RefundResult.Duplicate(it.id) }

        val payment = payments.get(cmd.paymentId) ?: return RefundResult.Rejected("payment not found")
        if (payment.tenantId != cmd.tenantId) return RefundResult.Rejected("payment not found")
        if (payment.status != PaymentStatus.CAPTURED) return RefundResult.Rejected("payment not captured")

        val alreadyRefunded = repo.sumRefunded(cmd.paymentId)
        if (alreadyRefunded + cmd.amountMinor > payment.capturedMinor) {
            return RefundResult.Rejected("exceeds captured amount")
        }

        val refund = Refund.new(cmd, clock.instant())
        repo.insert(refund)
        return try {
            val psp = payments.refund(payment.pspRef, cmd.amountMinor, cmd.idempotencyKey)
            repo.markSubmitted(refund.id, psp.refundRef)
            events.publish(RefundSubmitted(refund.id, cmd.paymentId, cmd.amountMinor))
            RefundResult.Accepted(refund.id)
        } catch (e: PspTimeoutException) {
            repo.markUnknown(refund.id)
            RefundResult.Pending(refund.id)
        } catch (e: PspDeclinedException) {
            repo.markFailed(refund.id, e.code)
            RefundResult.Rejected("declined: ${e.code}")
        }
    }
}
''')],
  reqs=['cover Duplicate, each Rejected reason, Accepted, Pending, declined', 'no real clock'],
  lang='kotlin', fw='junit5')

# 42
t('complex', 'test-generation',
  'Tests for the onboarding saga orchestrator. Compensation paths are where we got burned last time.',
  files=[('onboarding/src/main/kotlin/com/acme/onboarding/OnboardingSaga.kt', '''
package com.acme.onboarding

enum class Step { CREATE_TENANT, PROVISION_DB, ISSUE_CERTS, SETUP_BILLING, SEND_WELCOME, DONE, COMPENSATING, FAILED }

data class SagaState(
    val sagaId: String,
    val step: Step,
    val completed: List<Step> = emptyList(),
    val attempts: Map<Step, Int> = emptyMap(),
    val error: String? = null,
)

class OnboardingSaga(
    private val store: SagaStore,
    private val tenants: TenantService,
    private val db: DbProvisioner,
    private val pki: CertIssuer,
    private val billing: BillingService,
    private val mail: Mailer,
    private val maxAttempts: Int = 3,
) {
    suspend fun advance(sagaId: String): SagaState {
        val s = store.load(sagaId)
        return when (s.step) {
            Step.DONE, Step.FAILED -> s
            Step.COMPENSATING -> compensate(s)
            else -> runStep(s)
        }
    }

    private suspend fun runStep(s: SagaState): SagaState {
        val n = (s.attempts[s.step] ?: 0) + 1
        val next = try {
            when (s.step) {
                Step.CREATE_TENANT -> tenants.create(s.sagaId)
                Step.PROVISION_DB -> db.provision(s.sagaId)
                Step.ISSUE_CERTS -> pki.issue(s.sagaId)
                Step.SETUP_BILLING -> billing.setup(s.sagaId)
                Step.SEND_WELCOME -> mail.welcome(s.sagaId)
                else -> error("unreachable")
            }
            s.copy(step = nextOf(s.step), completed = s.completed + s.step, attempts = s.attempts + (s.step to n))
        } catch (e: TransientException) {
            if (n >= maxAttempts) s.copy(step = Step.COMPENSATING, error = e.message, attempts = s.attempts + (s.step to n))
            else s.copy(attempts = s.attempts + (s.step to n))
        } catch (e: PermanentException) {
            s.copy(step = Step.COMPENSATING, error = e.message)
        }
        store.save(next, expectedVersion = s.version())
        return next
    }

    private suspend fun compensate(s: SagaState): SagaState {
        val last = s.completed.lastOrNull() ?: return s.copy(step = Step.FAILED).also { store.save(it, s.version()) }
        when (last) {
            Step.CREATE_TENANT -> tenants.delete(s.sagaId)
            Step.PROVISION_DB -> db.drop(s.sagaId)
            Step.ISSUE_CERTS -> pki.revoke(s.sagaId)
            Step.SETUP_BILLING -> billing.cancel(s.sagaId)
            Step.SEND_WELCOME -> Unit
            else -> error("unreachable")
        }
        val next = s.copy(completed = s.completed.dropLast(1))
        store.save(next, expectedVersion = s.version())
        return next
    }

    private fun nextOf(step: Step) = Step.values()[step.ordinal + 1]
}
''')],
  reqs=['workers can call advance() for the same saga concurrently; store.save is optimistic',
        'each external call may have succeeded even if it threw TransientException'],
  lang='kotlin', fw='kotest')

# 43
t('medium', 'test-execution',
  'Run provider verification for orders-api against the broker\'s latest consumer pacts (main + deployed prod tags). Which interactions break and for which consumer?',
  files=[('orders-api/src/test/kotlin/com/acme/orders/pact/OrdersProviderPactTest.kt', '''
@Provider("orders-api")
@PactBroker(url = "\\${PACT_BROKER_URL}", consumerVersionSelectors = [
    VersionSelector(tag = "main", latest = "true"),
    VersionSelector(tag = "prod", latest = "true"),
])
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdersProviderPactTest {
    @LocalServerPort var port = 0
    @MockkBean lateinit var orders: OrderRepository

    @BeforeEach
    fun setUp(ctx: PactVerificationContext) { ctx.target = HttpTestTarget("localhost", port) }

    @TestTemplate
    @ExtendWith(PactVerificationSpringProvider::class)
    fun verify(ctx: PactVerificationContext) = ctx.verifyInteraction()

    @State("order o-1 exists")
    fun orderExists() { every { orders.find("o-1") } returns sampleOrder("o-1") }

    @State("no orders for tenant t-9")
    fun noOrders() { every { orders.listByTenant("t-9", any()) } returns emptyList() }
}
''')],
  lang='kotlin', fw='pact-jvm')

# 44
t('simple', 'test-execution',
  'Rerun only the failures from last night\'s surefire report, nothing else.',
  files=[('target/surefire-reports/summary.txt', lines(40, lambda i:
      f'{"FAIL" if i in (4, 17, 29) else "PASS"}  com.acme.catalog.{["Sku", "Price", "Variant", "Bundle", "Search"][i % 5]}{["ServiceTest", "MapperTest", "ValidatorTest", "RepoTest"][i % 4]}#'
      f'{["creates", "updates", "rejectsInvalid", "mapsNulls", "roundsHalfEven", "pagesResults", "sortsStable", "dedupes"][i % 8]}  {(i * 37) % 900 + 5}ms'))],
  lang='java', fw='maven-surefire')

# 45
t('medium', 'performance-testing',
  'Gatling sim for search-api: 3 scenarios (typeahead, full search, facet drill) weighted 70/25/5 from the query CSV, closed model at 800 concurrent, assertions on p99 per scenario.',
  files=[('perf/data/queries.csv', 'scenario,q,facets,tenant\n' + lines(30, lambda i:
      f'{["typeahead", "typeahead", "full", "typeahead", "facet", "full", "typeahead"][i % 7]},'
      f'{["ki", "kitchen ta", "usb-c hub 100w", "runn", "sofa", "noise cancel headphones", "gar"][i % 7]},'
      f'{"brand:acme|price:0-100" if i % 7 == 4 else ""},t-{100 + i % 12}'))],
  reqs=['Scala DSL, Gatling 3.10', 'think time drawn from the tenant\'s real session gaps: 200ms-2s uniform is fine'],
  lang='scala', fw='gatling')

# 46
# why: no load-testing jargon, but it is capacity design for the whole order platform and finding the first bottleneck across services: complex
t('complex', 'performance-testing',
  'How many orders a second can we take before warehouse sync falls behind, and what gives first? Need a plan I can run in the perf env next week, not a number off a napkin.',
  files=[('docs/order-flow.md', '''
web/mobile -> edge (Envoy) -> orders-api (Kotlin, 24 pods) -> PG orders (primary + 2 replicas)
orders-api -> outbox -> Kafka orders.v3 -> [payments-svc, inventory-svc, warehouse-sync (Go, 8 pods), notifications]
warehouse-sync -> 3PL REST API (rate limit 300 req/s per account, we have 2 accounts) -> ack back via webhook -> orders.fulfilment.v1
inventory-svc reserves stock in Redis (Lua scripts) and writes through to PG inventory
today: 350 orders/s peak; business wants 1500 for the Q4 campaign
'''),
  ],
  lang=None)

# 47
# why: 200-line log, but the ask is find the first ERROR and name its exception class: mechanical, simple
t('simple', 'defect-analysis',
  'First ERROR in this boot log and the exception class. That\'s it.',
  files=[('logs/catalog-boot.log', lines(200, lambda i:
      (f'2024-06-20T07:00:{i // 4:02d}.{(i * 53) % 1000:03d}Z ERROR o.s.b.SpringApplication - Application run failed\n'
       'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'searchIndexer\': '
       'Injection of autowired dependencies failed; nested exception is java.lang.IllegalArgumentException: '
       'Could not resolve placeholder \'search.opensearch.endpoint\'') if i == 143 else
      f'2024-06-20T07:00:{i // 4:02d}.{(i * 53) % 1000:03d}Z {"DEBUG" if i % 5 else "INFO "} '
      f'{["o.s.b.w.e.tomcat.TomcatWebServer", "o.h.e.t.j.p.i.JtaPlatformInitiator", "c.z.h.HikariDataSource", "o.a.k.c.c.ConsumerConfig", "o.s.c.s.DefaultLifecycleProcessor"][i % 5]} - '
      f'{["Tomcat initialized with port 8080", "HHH000490: Using JtaPlatform implementation", "HikariPool-1 - Start completed.", "ConsumerConfig values: max.poll.records = 500", "Starting beans in phase 2147483646"][i % 5]}'))],
  lang='kotlin')

# 48
# why: config review across three services for transport security settings: several files, no auth logic to reason about, medium
t('medium', 'security-scan',
  'Audit Kafka client configs in these three services: anything plaintext, weak SASL, hostname verification off, creds inline.',
  files=[
    ('orders-api/src/main/resources/application-prod.yaml', '''
spring:
  kafka:
    bootstrap-servers: kafka-prod-0.kafka:9093,kafka-prod-1.kafka:9093
    security:
      protocol: SASL_SSL
    properties:
      sasl.mechanism: SCRAM-SHA-512
      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_USER}" password="${KAFKA_PASS}";
      ssl.endpoint.identification.algorithm: ""
'''),
    ('billing-sync/config/prod.toml', '''
[kafka]
brokers = ["kafka-prod-0.kafka:9092", "kafka-prod-1.kafka:9092"]
tls = false
sasl_mechanism = "PLAIN"
sasl_user = "billing-sync"
sasl_password = "FAKE-dev-only-7f3a9c"
client_id = "billing-sync"
'''),
    ('search-indexer/conf/application.conf', '''
kafka {
  bootstrap.servers = "kafka-prod-0.kafka:9093"
  security.protocol = "SSL"
  ssl.truststore.location = "/etc/kafka/truststore.jks"
  ssl.truststore.password = ${?TRUSTSTORE_PASS}
  ssl.keystore.location = "/etc/kafka/keystore.jks"
  ssl.protocol = "TLSv1.2"
  ssl.enabled.protocols = "TLSv1.2,TLSv1.1"
}
'''),
  ],
  lang=None)

# 49
# why: deciding to flip reads to the CQRS projection needs reasoning about ordering/divergence in the shadow-read diffs across 6 artefacts: complex
t('complex', 'quality-gate',
  'OK to flip order reads to the CQRS projection? Shadow-read results and the rest attached.',
  files=[
    ('cqrs/flip-criteria.md', '''
- shadow-read mismatch rate < 0.01% over 7d, and every mismatch class explained
- projection lag p99 < 1s
- full replay from offset 0 reproduces the projection byte-for-byte
- read-your-writes honoured for the owning session
'''),
    ('cqrs/shadow-mismatch-summary.csv', 'day,reads,mismatches,pct\n' + lines(7, lambda i:
        f'2024-06-{10 + i},{4_100_000 + i * 37_000},{[212, 198, 1460, 231, 205, 1388, 219][i]},{[212, 198, 1460, 231, 205, 1388, 219][i] / (4_100_000 + i * 37_000) * 100:.4f}')),
    ('cqrs/mismatch-samples.jsonl', lines(12, lambda i:
        f'{{"order":"o-{88100 + i * 7}","field":"{["status", "lines[].qty", "status", "total_minor"][i % 4]}",'
        f'"legacy":"{["SHIPPED", "3", "CANCELLED", "12950"][i % 4]}","projection":"{["PACKED", "2", "PAID", "12900"][i % 4]}",'
        f'"write_to_read_ms":{[140, 90, 3200, 60][i % 4]},"event_seq_gap":{["false", "false", "true", "false"][i % 4]}}}')),
    ('cqrs/projection-lag.txt', '''
p50 110ms  p99 740ms  max 41s (2024-06-12 02:00-02:20 and 2024-06-15 02:00-02:20, nightly partition reassignment)
'''),
    ('cqrs/replay-report.txt', '''
replay from offset 0: 18.2M events, 41m. diff vs live projection: 0 orders differ on status, 37 orders differ on total_minor (rounding: projection uses HALF_UP, legacy HALF_EVEN)
'''),
    ('cqrs/projector-handler.kt', '''
fun on(ev: OrderEvent) {
    val cur = store.get(ev.orderId) ?: OrderView.empty(ev.orderId)
    if (ev.seq <= cur.lastSeq) return
    store.put(cur.apply(ev).copy(lastSeq = ev.seq))
}
'''),
  ],
  lang='kotlin')

# 50
t('medium', 'flaky-test-analysis',
  'TestOTLPExporter_Flush flaky, "address already in use" maybe 1 in 30 under -count=20. Log + test.',
  files=[
    ('internal/telemetry/exporter_test.go', '''
func TestOTLPExporter_Flush(t *testing.T) {
	t.Parallel()
	port := 4317 + rand.Intn(50)
	lis, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := grpc.NewServer()
	col := &fakeCollector{}
	collogspb.RegisterLogsServiceServer(srv, col)
	go srv.Serve(lis)
	defer srv.Stop()

	exp, err := NewExporter(context.Background(), fmt.Sprintf("127.0.0.1:%d", port), WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	exp.Emit(testRecord("hello"))
	if err := exp.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := col.count(); got != 1 {
		t.Fatalf("want 1 record, got %d", got)
	}
}
'''),
    ('ci/exporter-flaky.log', '''
=== RUN   TestOTLPExporter_Flush
=== PAUSE TestOTLPExporter_Flush
=== CONT  TestOTLPExporter_Flush
    exporter_test.go:6: listen: listen tcp 127.0.0.1:4339: bind: address already in use
--- FAIL: TestOTLPExporter_Flush (0.00s)
FAIL	acme.io/platform/internal/telemetry	3.412s
'''),
  ],
  lang='go', fw='go test')

# 51
t('simple', 'coverage-analysis',
  'Diff coverage for PR 5120: which added lines have 0 hits?',
  files=[
    ('pr/5120.diff', '''
--- a/internal/quota/enforce.go
+++ b/internal/quota/enforce.go
@@ -41,6 +41,14 @@ func (e *Enforcer) Check(ctx context.Context, tenant string, n int64) error {
 	used, err := e.store.Used(ctx, tenant)
 	if err != nil {
 		return err
 	}
+	if e.overrides != nil {
+		if lim, ok := e.overrides[tenant]; ok {
+			if used+n > lim {
+				return ErrQuotaExceeded
+			}
+			return nil
+		}
+	}
 	if used+n > e.limit {
 		return ErrQuotaExceeded
 	}
'''),
    ('pr/5120.coverage.txt', '''
internal/quota/enforce.go:45 hits=18
internal/quota/enforce.go:46 hits=3
internal/quota/enforce.go:47 hits=3
internal/quota/enforce.go:48 hits=0
internal/quota/enforce.go:50 hits=3
internal/quota/enforce.go:53 hits=15
'''),
  ],
  lang='go')

# 52
# why: tenant isolation in a repository layer is authorisation; missing tenant predicates and a cache keyed without tenant are security-critical: complex
t('complex', 'security-scan',
  'Check tenant isolation in the invoice repo + cache. Multi-tenant shared schema, row-level by tenant_id.',
  files=[
    ('invoices/src/main/kotlin/com/acme/invoices/InvoiceRepository.kt', '''
class InvoiceRepository(private val jdbc: NamedParameterJdbcTemplate, private val cache: InvoiceCache) {

    fun get(tenantId: String, id: String): Invoice? =
        cache.get(id) ?: jdbc.query(
            "SELECT * FROM invoices WHERE id = :id AND tenant_id = :tid",
            mapOf("id" to id, "tid" to tenantId), InvoiceRowMapper
        ).firstOrNull()?.also { cache.put(id, it) }

    fun search(tenantId: String, q: InvoiceQuery): List<Invoice> {
        val sort = q.sort ?: "issued_at"
        val dir = if (q.desc) "DESC" else "ASC"
        return jdbc.query(
            "SELECT * FROM invoices WHERE tenant_id = :tid AND status = ANY(:st) ORDER BY $sort $dir LIMIT :lim OFFSET :off",
            mapOf("tid" to tenantId, "st" to q.statuses.toTypedArray(), "lim" to q.limit, "off" to q.offset),
            InvoiceRowMapper
        )
    }

    fun markPaid(id: String, paidAt: Instant): Int =
        jdbc.update("UPDATE invoices SET status = 'PAID', paid_at = :p WHERE id = :id", mapOf("p" to Timestamp.from(paidAt), "id" to id))

    fun exportCsv(tenantId: String, from: LocalDate, to: LocalDate, out: OutputStream) {
        jdbc.query(
            "SELECT i.*, c.email FROM invoices i JOIN customers c ON c.id = i.customer_id " +
            "WHERE i.tenant_id = :tid AND i.issued_at BETWEEN :f AND :t",
            mapOf("tid" to tenantId, "f" to from, "t" to to)
        ) { rs -> CsvWriter.row(out, rs) }
    }
}
'''),
    ('invoices/src/main/kotlin/com/acme/invoices/InvoiceCache.kt', '''
class InvoiceCache(private val redis: RedisCommands<String, String>, private val json: Json) {
    fun get(id: String): Invoice? = redis.get("inv:$id")?.let { json.decodeFromString(it) }
    fun put(id: String, inv: Invoice) { redis.setex("inv:$id", 300, json.encodeToString(inv)) }
}
'''),
    ('invoices/src/main/kotlin/com/acme/invoices/PaymentWebhook.kt', '''
@PostMapping("/webhooks/psp")
fun onPsp(@RequestBody body: PspEvent, @RequestHeader("X-Psp-Signature") sig: String): ResponseEntity<Unit> {
    if (!signer.verify(body.raw, sig)) return ResponseEntity.status(401).build()
    if (body.type == "payment.succeeded") repo.markPaid(body.metadata["invoice_id"]!!, body.createdAt)
    return ResponseEntity.ok().build()
}
'''),
  ],
  lang='kotlin')

# 53
t('medium', 'defect-analysis',
  'V42 Flyway migration fails on prod-replica restore but passed staging. Why, and what is the safe rewrite?',
  files=[
    ('db/migration/V42__orders_add_channel.sql', '''
ALTER TABLE orders ADD COLUMN channel text;
UPDATE orders SET channel = 'web' WHERE channel IS NULL;
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
CREATE UNIQUE INDEX CONCURRENTLY orders_ext_ref_channel_uq ON orders (external_ref, channel);
'''),
    ('logs/flyway-prod-restore.log', '''
Flyway Community Edition 10.10.0
Database: jdbc:postgresql://pg-restore-01:5432/orders (PostgreSQL 15.6)
Successfully validated 42 migrations
Current version of schema "public": 41
Migrating schema "public" to version "42 - orders add channel"
ERROR: Migration V42__orders_add_channel.sql failed
SQL State  : 25001
Error Code : 0
Message    : ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
Location   : db/migration/V42__orders_add_channel.sql
Line       : 4
'''),
    ('notes/staging.md', '''
staging flyway.conf has flyway.postgresql.transactional.lock=false and mixed=true (set during the 2023 reindex work); prod restore pipeline uses defaults.
staging orders: 41k rows. prod: 380M rows, external_ref has ~2k historical duplicates from the 2021 import.
'''),
  ],
  lang='sql', fw='flyway')

# 54
# why: coverage gaps in leader election where the missing paths are term/lease interleavings: distributed protocol, complex
t('complex', 'coverage-analysis',
  'Coverage on the election pkg says 91% and we still had a split-brain in prod. Which paths do the tests never actually exercise?',
  files=[
    ('internal/election/lease.go', '''
package election

import (
	"context"
	"time"
)

type Store interface {
	// CAS writes rec only if the current record's Version == expect.
	CAS(ctx context.Context, key string, expect int64, rec Record) (bool, error)
	Get(ctx context.Context, key string) (Record, error)
}

type Record struct {
	Holder  string
	Term    int64
	Expires time.Time
	Version int64
}

type Elector struct {
	store   Store
	key     string
	id      string
	ttl     time.Duration
	now     func() time.Time
	leading bool
	term    int64
}

func (e *Elector) Tick(ctx context.Context) error {
	cur, err := e.store.Get(ctx, e.key)
	if err != nil {
		e.leading = false
		return err
	}
	now := e.now()
	switch {
	case cur.Holder == e.id:
		ok, err := e.store.CAS(ctx, e.key, cur.Version, Record{Holder: e.id, Term: cur.Term, Expires: now.Add(e.ttl), Version: cur.Version + 1})
		if err != nil || !ok {
			e.leading = false
			return err
		}
		e.leading, e.term = true, cur.Term
	case now.After(cur.Expires):
		ok, err := e.store.CAS(ctx, e.key, cur.Version, Record{Holder: e.id, Term: cur.Term + 1, Expires: now.Add(e.ttl), Version: cur.Version + 1})
		if err != nil {
			return err
		}
		e.leading = ok
		if ok {
			e.term = cur.Term + 1
		}
	default:
		e.leading = false
	}
	return nil
}

func (e *Elector) IsLeader() bool { return e.leading }
func (e *Elector) Term() int64    { return e.term }
'''),
    ('internal/election/cover.func.txt', '''
acme.io/platform/internal/election/lease.go:31:	Tick		93.8%
acme.io/platform/internal/election/lease.go:64:	IsLeader	100.0%
acme.io/platform/internal/election/lease.go:65:	Term		100.0%
total:							91.3%
'''),
    ('internal/election/lease_test.go', '''
func TestTick_AcquiresWhenExpired(t *testing.T) { /* single elector, fake store, fixed clock */ }
func TestTick_RenewsOwnLease(t *testing.T)       { /* single elector, renew twice */ }
func TestTick_FollowerWhenHeld(t *testing.T)     { /* record held by "other", not expired */ }
func TestTick_StoreGetError(t *testing.T)        { /* Get returns error -> not leading */ }
func TestTick_CASLostOnRenew(t *testing.T)       { /* CAS returns false on renew */ }
'''),
    ('postmortem/INC-7650.md', '''
Two schedulers both ran the nightly billing close for ~40s. Node A had a 35s GC pause mid-Tick; lease TTL 15s; node B acquired term 8.
A resumed, its in-memory leading=true from the previous tick, and the worker loop checks IsLeader() between batches, not the store.
'''),
  ],
  lang='go', fw='go test')
