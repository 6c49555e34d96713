from lib import t, lines

# Persona: live-ops backend engineer at a mobile game studio.
# Owns C# (.NET) game services (store, wallet/economy, events, anti-cheat), a Go matchmaker and
# Redis-backed leaderboards. Casual, time-pressed, thinks in players / events / patches, pastes
# Grafana numbers and crash reports straight out of Slack.

# ---------------------------------------------------------------------------------------------
t('simple', 'test-generation',
  'design keeps tweaking the level curve so i want xunit tests pinned on this before they touch it again. '
  'basics + the level 60 cap pls',
  files=[('src/Progression/PlayerLevel.cs', r'''
using System;

namespace Progression;

public static class PlayerLevel
{
    public const int MaxLevel = 60;

    // XP needed to go from `level` to `level + 1`. 100 * level^1.5, rounded. 0 at cap.
    public static int XpForNext(int level)
    {
        if (level < 1) throw new ArgumentOutOfRangeException(nameof(level));
        if (level >= MaxLevel) return 0;
        return (int)Math.Round(100 * Math.Pow(level, 1.5));
    }

    public static int LevelFromTotalXp(long totalXp)
    {
        if (totalXp <= 0) return 1;
        var level = 1;
        var remaining = totalXp;
        while (level < MaxLevel && remaining >= XpForNext(level))
        {
            remaining -= XpForNext(level);
            level++;
        }
        return level;
    }
}
''')], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
_store_log = lines(40, lambda i: (
    f'2024-06-14T19:{12 + i // 10:02d}:{(i * 7) % 60:02d}.{(i * 137) % 1000:03d}Z store-api pod=store-api-7c9f{i % 3} '
    + (f'INFO  purchase.start player=p_{88120 + i % 6} sku=gems_500 order=ord_{4410 + i // 2} attempt={1 + i % 2}'
       if i % 4 == 0 else
       f'WARN  wallet.credit timeout after 3000ms order=ord_{4410 + i // 2} retrying (attempt {1 + i % 3}/3)'
       if i % 4 == 1 else
       f'INFO  wallet.credit ok order=ord_{4410 + i // 2} delta=+500 balance={12000 + i * 500}'
       if i % 4 == 2 else
       f'INFO  purchase.complete order=ord_{4410 + i // 2} status=200 dur_ms={900 + (i * 311) % 3000}')))
_webhook_log = lines(30, lambda i: (
    f'2024-06-14T19:{12 + i // 8:02d}:{(i * 11) % 60:02d}Z payments-webhook '
    + (f'recv google.rtdn purchaseToken=tok_FAKE_{7000 + i // 3} orderId=GPA.3391-{5500 + i // 3} notif=PURCHASED'
       if i % 3 == 0 else
       f'forward -> store-api /internal/fulfil orderId=GPA.3391-{5500 + i // 3} http=504 (gateway timeout) will redeliver'
       if i % 3 == 1 else
       f'forward -> store-api /internal/fulfil orderId=GPA.3391-{5500 + i // 3} http=200')))
_ledger_csv = 'ledger_id,player_id,order_ref,delta,source,created_at\n' + lines(24, lambda i:
    f'{901000 + i},p_{88120 + i % 6},{"ord_" + str(4410 + i // 2) if i % 3 else "GPA.3391-" + str(5500 + i // 3)},'
    f'+500,{"client_purchase" if i % 3 else "rtdn_fulfil"},2024-06-14T19:{12 + (i * 13) // 60:02d}:{(i * 13) % 60:02d}Z')
t('complex', 'defect-analysis',
  'ok so since patch 3.8.0 went live friday a bunch of players got their gem packs twice (finance flagged ~340 '
  'orders, mostly android). nobody touched the wallet code. attaching store + webhook logs, a ledger export and '
  'the two code paths that credit gems. need to know why, not just "add a dedupe" - finance wants to know if it '
  'can happen again on ios',
  files=[
    ('logs/store-api.log', _store_log),
    ('logs/payments-webhook.log', _webhook_log),
    ('exports/ledger_2024-06-14.csv', _ledger_csv),
    ('src/Store/PurchaseController.cs', r'''
[ApiController]
[Route("v1/purchase")]
public class PurchaseController : ControllerBase
{
    private readonly IReceiptVerifier _verifier;
    private readonly IWalletClient _wallet;
    private readonly IOrderRepository _orders;

    public PurchaseController(IReceiptVerifier verifier, IWalletClient wallet, IOrderRepository orders)
    {
        _verifier = verifier; _wallet = wallet; _orders = orders;
    }

    [HttpPost]
    public async Task<IActionResult> Purchase([FromBody] PurchaseRequest req, CancellationToken ct)
    {
        var receipt = await _verifier.VerifyAsync(req.Store, req.Receipt, ct);
        if (!receipt.Valid) return BadRequest("invalid_receipt");

        var order = await _orders.GetOrCreateAsync(req.ClientOrderId, req.PlayerId, receipt.Sku, ct);
        if (order.Status == OrderStatus.Fulfilled) return Ok(order.ToDto());

        // 3.8.0: wallet client now retries internally (Polly, 3 attempts, 3s timeout each)
        await _wallet.CreditAsync(req.PlayerId, receipt.GemAmount, reference: order.Id, ct);
        await _orders.MarkFulfilledAsync(order.Id, ct);
        return Ok(order.ToDto());
    }
}
'''),
    ('src/Store/Internal/FulfilController.cs', r'''
[ApiController]
[Route("internal/fulfil")]
public class FulfilController : ControllerBase
{
    private readonly IWalletClient _wallet;
    private readonly IOrderRepository _orders;

    public FulfilController(IWalletClient wallet, IOrderRepository orders) { _wallet = wallet; _orders = orders; }

    [HttpPost]
    public async Task<IActionResult> Fulfil([FromBody] RtdnNotification n, CancellationToken ct)
    {
        // Play order id, not our client order id
        var order = await _orders.FindByStoreOrderIdAsync(n.OrderId, ct)
                    ?? await _orders.CreateFromStoreAsync(n.OrderId, n.PlayerId, n.Sku, ct);
        if (order.Status == OrderStatus.Fulfilled) return Ok();

        await _wallet.CreditAsync(n.PlayerId, n.GemAmount, reference: n.OrderId, ct);
        await _orders.MarkFulfilledAsync(order.Id, ct);
        return Ok();
    }
}
'''),
    ('src/Wallet/WalletClient.cs', r'''
public class WalletClient : IWalletClient
{
    private readonly HttpClient _http;
    private readonly IAsyncPolicy<HttpResponseMessage> _retry;

    public WalletClient(HttpClient http)
    {
        _http = http;
        _retry = Policy<HttpResponseMessage>
            .Handle<HttpRequestException>()
            .Or<TaskCanceledException>()
            .OrResult(r => (int)r.StatusCode >= 500)
            .WaitAndRetryAsync(3, n => TimeSpan.FromMilliseconds(200 * n));
    }

    public async Task CreditAsync(string playerId, int amount, string reference, CancellationToken ct)
    {
        var resp = await _retry.ExecuteAsync(async () =>
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(3));
            return await _http.PostAsJsonAsync("/credit", new { playerId, amount, reference }, cts.Token);
        });
        resp.EnsureSuccessStatusCode();
    }
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'quality-gate',
  'hotfix 3.4.1 (store crash on old androids) - can it go out tonight? gate config + the numbers from the '
  'staging soak are attached. give me a yes/no per criterion and an overall call',
  files=[
    ('ci/release-gate.yaml', '''
gate: hotfix
criteria:
  unit_tests_pass_rate: { min: 100 }
  integration_tests_pass_rate: { min: 98 }
  line_coverage_changed_files: { min: 70 }
  crash_free_sessions_pct: { min: 99.5, source: staging_soak }
  store_api_p95_ms: { max: 450 }
  store_api_error_rate_pct: { max: 0.5 }
  new_critical_vulns: { max: 0 }
waivers:
  - criterion: integration_tests_pass_rate
    reason: "leaderboard-int suite is quarantined, JIRA LO-2211"
    expires: 2024-07-01
'''),
    ('reports/hotfix-3.4.1-metrics.json', '''
{
  "build": "3.4.1-rc2",
  "unit_tests": { "total": 1843, "passed": 1843, "failed": 0 },
  "integration_tests": { "total": 212, "passed": 205, "failed": 7, "failed_suites": ["leaderboard-int"] },
  "coverage_changed_files": { "lines_total": 118, "lines_covered": 79 },
  "staging_soak": {
    "duration_h": 6,
    "sessions": 48211,
    "crashed_sessions": 199,
    "store_api_p95_ms": 431,
    "store_api_p99_ms": 1210,
    "store_api_errors": 312,
    "store_api_requests": 71840
  },
  "security": { "new_critical": 0, "new_high": 1 }
}
'''),
  ], reqs=['today is 2024-06-20', 'show the arithmetic for the derived percentages'], lang=None)

# ---------------------------------------------------------------------------------------------
_run_rows = lines(60, lambda i:
    f'{["Leaderboard.SubmitTests.Submit_BestScoreKept", "Wallet.CreditTests.Credit_NegativeRejected", "Events.WindowTests.IsActive_AtStart", "Store.CatalogTests.Price_RegionOverride", "Matchmaker.Smoke.QueueJoinLeave", "AntiCheat.SpeedRuleTests.FlagsTeleport"][i % 6]},'
    f'{1000 + i // 6},'
    f'{"fail" if (i % 6 == 2 and i % 4 == 0) or (i % 6 == 4 and i % 5 == 0) else "pass"},'
    f'{300 + (i * 37) % 900}')
t('simple', 'flaky-test-analysis',
  'export of the last 10 CI runs for the services repo. just tell me which tests have both passed and failed '
  'in there and how often they failed, not looking for root causes yet',
  files=[('ci/test-runs-last10.csv', 'test,run_id,outcome,duration_ms\n' + _run_rows)], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'security-scan',
  'we\'re moving google play receipt checks server side before the summer sale (clients were validating '
  'themselves, lol). here\'s the verifier. look it over properly, this is literally the thing standing between '
  'players and free gems',
  files=[('src/Store/Receipts/GooglePlayReceiptVerifier.cs', r'''
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Store.Receipts;

public sealed class GooglePlayReceiptVerifier : IReceiptVerifier
{
    private readonly RSA _publicKey;
    private readonly IOrderRepository _orders;
    private readonly ILogger<GooglePlayReceiptVerifier> _log;

    public GooglePlayReceiptVerifier(string base64PublicKey, IOrderRepository orders, ILogger<GooglePlayReceiptVerifier> log)
    {
        _publicKey = RSA.Create();
        _publicKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64PublicKey), out _);
        _orders = orders;
        _log = log;
    }

    public async Task<ReceiptResult> VerifyAsync(string store, string receipt, CancellationToken ct)
    {
        var env = JsonSerializer.Deserialize<ReceiptEnvelope>(receipt)!;
        var payload = JsonSerializer.Deserialize<PlayPurchase>(env.Json)!;

        if (payload.PackageName != "com.studio.skyraiders" && !payload.PackageName.EndsWith(".debug"))
            return ReceiptResult.Invalid("package");

        if (string.IsNullOrEmpty(env.Signature))
        {
            _log.LogWarning("unsigned receipt for {Order}, allowing (sandbox?)", payload.OrderId);
            return ReceiptResult.Ok(payload.ProductId, payload.OrderId, sandbox: true);
        }

        var data = Encoding.UTF8.GetBytes(env.Json);
        var sig = Convert.FromBase64String(env.Signature);
        var ok = _publicKey.VerifyData(data, sig, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        if (!ok)
        {
            _log.LogWarning("bad signature {Order} {Receipt}", payload.OrderId, receipt);
            return ReceiptResult.Invalid("signature");
        }

        if (payload.PurchaseState != 0) return ReceiptResult.Invalid("state");

        var existing = await _orders.FindByStoreOrderIdAsync(payload.OrderId, ct);
        if (existing is not null && existing.PlayerId != payload.ObfuscatedAccountId)
            return ReceiptResult.Invalid("replayed");

        return ReceiptResult.Ok(payload.ProductId, payload.OrderId, sandbox: false);
    }
}
''')], reqs=['rank findings by how many gems someone could get out of it'], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'test-generation',
  'i rewrote the team balancer for squads. want property tests (rapid) that actually pin down what "balanced" '
  'means instead of my 5 hand-picked examples. parties must stay together, nobody dropped or duplicated, and the '
  'mmr gap should be no worse than the old greedy one',
  files=[('matchmaker/balance/balance.go', r'''
package balance

import "sort"

type Party struct {
	ID      string
	Players []string
	MMR     []int // same order as Players
}

func (p Party) Total() int {
	s := 0
	for _, m := range p.MMR {
		s += m
	}
	return s
}

// Split assigns parties to two teams of exactly teamSize players each, minimising the
// difference in total MMR. Returns ok=false if the parties cannot fill both teams exactly.
func Split(parties []Party, teamSize int) (a, b []Party, ok bool) {
	n := 0
	for _, p := range parties {
		n += len(p.Players)
	}
	if n != 2*teamSize {
		return nil, nil, false
	}
	sorted := append([]Party(nil), parties...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if len(sorted[i].Players) != len(sorted[j].Players) {
			return len(sorted[i].Players) > len(sorted[j].Players)
		}
		return sorted[i].Total() > sorted[j].Total()
	})

	best := -1
	var bestMask uint32
	k := len(sorted)
	for mask := uint32(0); mask < 1<<k; mask++ {
		if mask&1 == 0 { // symmetry: party 0 always on team A
			continue
		}
		size, sum, total := 0, 0, 0
		for i := 0; i < k; i++ {
			total += sorted[i].Total()
			if mask&(1<<i) != 0 {
				size += len(sorted[i].Players)
				sum += sorted[i].Total()
			}
		}
		if size != teamSize {
			continue
		}
		diff := total - 2*sum
		if diff < 0 {
			diff = -diff
		}
		if best < 0 || diff < best {
			best, bestMask = diff, mask
		}
	}
	if best < 0 {
		return nil, nil, false
	}
	for i := 0; i < k; i++ {
		if bestMask&(1<<i) != 0 {
			a = append(a, sorted[i])
		} else {
			b = append(b, sorted[i])
		}
	}
	return a, b, true
}

// Greedy is the old balancer, kept for comparison.
func Greedy(parties []Party, teamSize int) (a, b []Party, ok bool) {
	sorted := append([]Party(nil), parties...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Total() > sorted[j].Total() })
	sa, sb, na, nb := 0, 0, 0, 0
	for _, p := range sorted {
		fitsA := na+len(p.Players) <= teamSize
		fitsB := nb+len(p.Players) <= teamSize
		if fitsA && (sa <= sb || !fitsB) {
			a, sa, na = append(a, p), sa+p.Total(), na+len(p.Players)
		} else if fitsB {
			b, sb, nb = append(b, p), sb+p.Total(), nb+len(p.Players)
		} else {
			return nil, nil, false
		}
	}
	return a, b, na == teamSize && nb == teamSize
}
''')], reqs=['generators must produce valid and impossible party mixes', 'teamSize 3..5, parties of 1..4'],
  fw='rapid', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'performance-testing',
  'need a k6 script for the leaderboard read path before the weekend event: top-100 and "around me" (+-10 '
  'ranks). ramp to 3k rps, hold 10 min. endpoints + auth below. thresholds should match our SLOs (p95 < 120ms '
  'top, < 200ms around-me, errors < 0.1%)',
  files=[('docs/leaderboard-api.md', '''
# Leaderboard API (read)

GET /v2/lb/{seasonId}/top?n=100
GET /v2/lb/{seasonId}/around/{playerId}?radius=10

Auth: `Authorization: Bearer <session token>` - session tokens come from
POST /v1/auth/guest {"deviceId": "..."} -> {"token": "...", "playerId": "..."}
Tokens live 15 min. Rate limit: 20 req/s per token (429 above that).

Active season for the event: `s24-summer`. Test players p_load_0000 .. p_load_9999 are seeded in staging.
''')], reqs=['don\'t let one token go over the per-token rate limit', 'tag requests per endpoint so thresholds are separate'],
  fw='k6', lang='javascript')

# ---------------------------------------------------------------------------------------------
_cov_rows = lines(84, lambda i:
    f'| Inventory.{["InventoryService", "ItemGrantHandler", "BundleExpander", "ConsumableTracker", "LoadoutValidator", "InventoryMapper", "StackMerger"][i % 7]} '
    f'| {["GetAsync", "GrantAsync", "RevokeAsync", "Expand", "Consume", "Validate", "ToDto", "Merge", "SplitStack", "CanEquip", "Clamp", "FromRow"][i % 12]}{"" if i < 12 else i // 12} '
    f'| {0 if i % 9 == 4 or i % 13 == 7 else (i * 17) % 60 + 40} '
    f'| {0 if i % 9 == 4 or i % 13 == 7 else (i * 11) % 50 + 50} |')
t('simple', 'coverage-analysis',
  'coverage dump for Services.Inventory from last night\'s build. pull out every method at 0% line coverage, '
  'grouped by class. that\'s it',
  files=[('reports/inventory-coverage.md', '| class | method | line % | branch % |\n|---|---|---|---|\n' + _cov_rows)],
  lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'test-execution',
  'can you run the store service integration tests against the compose stack (redis + postgres) and tell me '
  'what fails? half of them were red on my machine this morning and i honestly can\'t tell which are my env '
  'and which are real. group them that way',
  files=[
    ('docker-compose.test.yml', '''
services:
  postgres:
    image: postgres:15
    environment:
      POSTGRES_USER: store
      POSTGRES_PASSWORD: store_test_pw
      POSTGRES_DB: store_test
    ports: ["55432:5432"]
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "store"]
      interval: 2s
      retries: 15
  redis:
    image: redis:7.2
    ports: ["56379:6379"]
'''),
    ('tests/Store.IntegrationTests/appsettings.Test.json', '''
{
  "ConnectionStrings": {
    "Store": "Host=localhost;Port=55432;Database=store_test;Username=store;Password=store_test_pw",
    "Redis": "localhost:6379"
  },
  "Catalog": { "Region": "EU", "CacheSeconds": 0 },
  "Wallet": { "BaseUrl": "http://localhost:5099" }
}
'''),
    ('tests/Store.IntegrationTests/StoreFixture.cs', r'''
public sealed class StoreFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public WireMockServer Wallet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Wallet = WireMockServer.Start(5099);
        Wallet.Given(Request.Create().WithPath("/credit").UsingPost())
              .RespondWith(Response.Create().WithStatusCode(200));
        Factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseEnvironment("Test"));
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Wallet.Stop();
        return Task.CompletedTask;
    }
}
'''),
  ], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'test-generation',
  'tiny one: the admin dashboard shows currency amounts through this. vitest tests for it please, we had '
  '"1000.0k gems" show up in a screenshot last week so include that case',
  files=[('src/dashboard/formatAmount.ts', r'''
export type Currency = 'gems' | 'coins' | 'tickets';

const SUFFIXES: Array<[number, string]> = [
  [1_000_000_000, 'B'],
  [1_000_000, 'M'],
  [1_000, 'k'],
];

export function formatAmount(value: number, currency: Currency): string {
  if (!Number.isFinite(value)) return `? ${currency}`;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (const [limit, suffix] of SUFFIXES) {
    if (abs >= limit) {
      const scaled = abs / limit;
      const text = scaled >= 100 ? scaled.toFixed(0) : scaled.toFixed(1).replace(/\.0$/, '');
      return `${sign}${text}${suffix} ${currency}`;
    }
  }
  return `${sign}${abs} ${currency}`;
}
''')], fw='vitest', lang='typescript')

# ---------------------------------------------------------------------------------------------
# why: short Go file, but the failure is a data race between the matching tick and queue leaves -> concurrency is complex
t('complex', 'flaky-test-analysis',
  'TestQueue_LeaveDuringTick fails maybe 1 in 50 on CI, never locally. just retrying it for now but it\'s '
  'getting old. code + test below',
  files=[
    ('matchmaker/queue.go', r'''
package matchmaker

import (
	"sync"
	"time"
)

type Ticket struct {
	PlayerID string
	MMR      int
	Enqueued time.Time
}

type Queue struct {
	mu      sync.Mutex
	tickets map[string]*Ticket
	matches chan []*Ticket
	size    int
}

func NewQueue(size int) *Queue {
	return &Queue{tickets: map[string]*Ticket{}, matches: make(chan []*Ticket, 16), size: size}
}

func (q *Queue) Join(t *Ticket) {
	q.mu.Lock()
	q.tickets[t.PlayerID] = t
	q.mu.Unlock()
}

func (q *Queue) Leave(playerID string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	_, ok := q.tickets[playerID]
	delete(q.tickets, playerID)
	return ok
}

func (q *Queue) snapshot() []*Ticket {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]*Ticket, 0, len(q.tickets))
	for _, t := range q.tickets {
		out = append(out, t)
	}
	return out
}

func (q *Queue) tick() {
	all := snapshotSorted(q.snapshot())
	for len(all) >= q.size {
		group := all[:q.size]
		all = all[q.size:]
		q.mu.Lock()
		for _, t := range group {
			delete(q.tickets, t.PlayerID)
		}
		q.mu.Unlock()
		q.matches <- group
	}
}

func (q *Queue) Run(stop <-chan struct{}, every time.Duration) {
	tk := time.NewTicker(every)
	defer tk.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tk.C:
			q.tick()
		}
	}
}
'''),
    ('matchmaker/queue_test.go', r'''
package matchmaker

import (
	"fmt"
	"testing"
	"time"
)

func TestQueue_LeaveDuringTick(t *testing.T) {
	q := NewQueue(4)
	stop := make(chan struct{})
	defer close(stop)
	go q.Run(stop, 5*time.Millisecond)

	for i := 0; i < 8; i++ {
		q.Join(&Ticket{PlayerID: fmt.Sprintf("p%d", i), MMR: 1500 + i, Enqueued: time.Now()})
	}
	left := q.Leave("p3")

	timeout := time.After(200 * time.Millisecond)
	seen := map[string]bool{}
	for len(seen) < 4 {
		select {
		case m := <-q.matches:
			for _, tk := range m {
				if tk.PlayerID == "p3" && left {
					t.Fatalf("p3 left the queue but was matched")
				}
				seen[tk.PlayerID] = true
			}
		case <-timeout:
			t.Fatalf("only matched %d players", len(seen))
		}
	}
}
'''),
  ], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'quality-gate',
  'Economy project line coverage came out at 78.2% on the hotfix branch, gate is 80. pass or fail? and how many '
  'lines short are we if it\'s 4,112 coverable lines',
  lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'defect-analysis',
  'crash report from prod, season pass claim endpoint. ~2% of claims since 3.9.0 go 500. stack + handler '
  'attached. what\'s null and why only some players?',
  files=[
    ('crash/sentry-SEASONPASS-4KQ.txt', '''
System.NullReferenceException: Object reference not set to an instance of an object.
   at SeasonPass.ClaimHandler.Handle(ClaimRequest req, CancellationToken ct) in /src/SeasonPass/ClaimHandler.cs:line 41
   at SeasonPass.ClaimEndpoint.<>c__DisplayClass0_0.<<Map>b__0>d.MoveNext() in /src/SeasonPass/ClaimEndpoint.cs:line 18
--- End of stack trace from previous location ---
   at Microsoft.AspNetCore.Http.RequestDelegateFactory.<ExecuteTaskResult>g__ExecuteAwaited|..

Tags: release=3.9.0 platform=android region=BR
Breadcrumbs:
  19:02:11 http GET /v1/seasonpass/s24-summer/progress 200
  19:02:14 http POST /v1/seasonpass/s24-summer/claim tier=12 track=premium -> 500
Affected users: 1,904 (first seen 2024-06-12, release 3.9.0)
Player sample: all have "legacy_pass_migrated": true
'''),
    ('src/SeasonPass/ClaimHandler.cs', r'''
public sealed class ClaimHandler
{
    private readonly IPassRepository _passes;
    private readonly ITierCatalog _catalog;
    private readonly IRewardGranter _granter;

    public ClaimHandler(IPassRepository passes, ITierCatalog catalog, IRewardGranter granter)
    {
        _passes = passes; _catalog = catalog; _granter = granter;
    }

    public async Task<IResult> Handle(ClaimRequest req, CancellationToken ct)
    {
        var pass = await _passes.GetAsync(req.PlayerId, req.SeasonId, ct);
        if (pass is null) return Results.NotFound();

        if (req.Tier > pass.CurrentTier) return Results.Conflict("tier_locked");

        var tier = _catalog.GetTier(req.SeasonId, req.Tier);
        if (tier is null) return Results.BadRequest("unknown_tier");

        if (req.Track == Track.Premium && !pass.HasPremium)
            return Results.Forbid();

        if (pass.Claimed.Contains((req.Tier, req.Track)))
            return Results.Ok(new { alreadyClaimed = true });

        var reward = req.Track == Track.Premium ? tier.PremiumReward : tier.FreeReward;

        await _granter.GrantAsync(req.PlayerId, reward, $"pass:{req.SeasonId}:{req.Tier}:{req.Track}", ct);

        pass.Claimed.Add((req.Tier, req.Track));
        await _passes.SaveAsync(pass, ct);

        // line 41
        return Results.Ok(new { granted = reward.Items.Select(i => i.Sku).ToArray() });
    }
}
'''),
    ('src/SeasonPass/PassRecord.cs', r'''
public sealed class PassRecord
{
    public string PlayerId { get; set; } = "";
    public string SeasonId { get; set; } = "";
    public int CurrentTier { get; set; }
    public bool HasPremium { get; set; }
    public HashSet<(int Tier, Track Track)> Claimed { get; set; } = new();

    // filled by LegacyPassMigrator for players who bought the 2023 pass bundle
    public bool LegacyPassMigrated { get; set; }
}

public sealed class TierDefinition
{
    public int Tier { get; init; }
    public Reward FreeReward { get; init; } = Reward.Empty;
    public Reward? PremiumReward { get; init; }   // null for "free only" tiers
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'test-execution',
  'run the gift e2e suite (store -> mail -> inventory) with the broker fault injection profile on. the point is '
  'to see whether a gift can arrive twice or vanish when kafka redelivers or mail-svc restarts mid-batch. tell '
  'me what you ran, what you saw, and whether the results actually prove anything',
  files=[
    ('e2e/gifting/docker-compose.faults.yml', '''
services:
  toxiproxy:
    image: ghcr.io/shopify/toxiproxy:2.9.0
    ports: ["8474:8474"]
  kafka:
    image: bitnami/kafka:3.7
  store-api:
    image: registry.studio.internal/store-api:3.9.2
    environment: { Kafka__Bootstrap: "toxiproxy:19092", Gifts__Topic: "gifts.v1" }
  mail-svc:
    image: registry.studio.internal/mail-svc:3.9.2
    environment:
      Kafka__Bootstrap: "toxiproxy:19092"
      Kafka__EnableAutoCommit: "true"
      Kafka__AutoCommitIntervalMs: "5000"
      Chaos__KillEverySeconds: "45"
  inventory-svc:
    image: registry.studio.internal/inventory-svc:3.9.2
'''),
    ('e2e/gifting/GiftFlowTests.cs', r'''
[Collection("faults")]
public class GiftFlowTests : IClassFixture<FaultStackFixture>
{
    private readonly FaultStackFixture _f;
    public GiftFlowTests(FaultStackFixture f) => _f = f;

    [Fact]
    public async Task Gift_ArrivesExactlyOnce_UnderRedelivery()
    {
        var sender = await _f.NewPlayerAsync(gems: 10_000);
        var receivers = await _f.NewPlayersAsync(200);
        await _f.Toxiproxy.AddLatencyAsync("kafka", ms: 800, jitter: 400);

        foreach (var r in receivers)
            await _f.Store.SendGiftAsync(sender, r, "skin_summer_01");

        await Task.Delay(TimeSpan.FromSeconds(30));

        foreach (var r in receivers)
        {
            var count = await _f.Inventory.CountAsync(r, "skin_summer_01");
            Assert.Equal(1, count);
        }
    }
}
'''),
    ('src/Mail/GiftConsumer.cs', r'''
public sealed class GiftConsumer : BackgroundService
{
    private readonly IConsumer<string, GiftEvent> _consumer;
    private readonly IInventoryClient _inventory;
    private readonly IMailbox _mailbox;

    public GiftConsumer(IConsumer<string, GiftEvent> consumer, IInventoryClient inventory, IMailbox mailbox)
    {
        _consumer = consumer; _inventory = inventory; _mailbox = mailbox;
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        _consumer.Subscribe("gifts.v1");
        while (!ct.IsCancellationRequested)
        {
            var msg = _consumer.Consume(ct);
            var g = msg.Message.Value;
            await _mailbox.PutAsync(g.ReceiverId, new MailItem(g.GiftId, g.Sku, g.SenderId), ct);
            await _inventory.GrantAsync(g.ReceiverId, g.Sku, reference: $"gift:{msg.TopicPartitionOffset}", ct);
        }
    }
}
'''),
  ], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'test-generation',
  'need a proper test suite for the event lifecycle state machine before we let live-ops schedule events from '
  'the new tool without an engineer watching. every legal transition, every illegal one rejected, and the '
  'pause/resume stuff during a hotfix',
  files=[('src/Events/EventLifecycle.cs', r'''
public enum EventState { Draft, Scheduled, Preview, Live, Paused, Grace, Ended, RewardsDistributed, Cancelled }

public enum EventTrigger { Schedule, Unschedule, OpenPreview, GoLive, Pause, Resume, EndPlay, CloseGrace, Distribute, Cancel }

public sealed class EventLifecycle
{
    private static readonly Dictionary<(EventState, EventTrigger), EventState> Transitions = new()
    {
        [(EventState.Draft, EventTrigger.Schedule)] = EventState.Scheduled,
        [(EventState.Scheduled, EventTrigger.Unschedule)] = EventState.Draft,
        [(EventState.Scheduled, EventTrigger.OpenPreview)] = EventState.Preview,
        [(EventState.Scheduled, EventTrigger.GoLive)] = EventState.Live,
        [(EventState.Preview, EventTrigger.GoLive)] = EventState.Live,
        [(EventState.Live, EventTrigger.Pause)] = EventState.Paused,
        [(EventState.Paused, EventTrigger.Resume)] = EventState.Live,
        [(EventState.Live, EventTrigger.EndPlay)] = EventState.Grace,
        [(EventState.Paused, EventTrigger.EndPlay)] = EventState.Grace,
        [(EventState.Grace, EventTrigger.CloseGrace)] = EventState.Ended,
        [(EventState.Ended, EventTrigger.Distribute)] = EventState.RewardsDistributed,
        [(EventState.Draft, EventTrigger.Cancel)] = EventState.Cancelled,
        [(EventState.Scheduled, EventTrigger.Cancel)] = EventState.Cancelled,
        [(EventState.Preview, EventTrigger.Cancel)] = EventState.Cancelled,
        [(EventState.Paused, EventTrigger.Cancel)] = EventState.Cancelled,
    };

    public string EventId { get; }
    public EventState State { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public TimeSpan PausedFor { get; private set; }
    private DateTimeOffset? _pausedAt;
    private readonly IClock _clock;
    private readonly List<(EventState From, EventTrigger Via, EventState To, DateTimeOffset At)> _history = new();

    public IReadOnlyList<(EventState From, EventTrigger Via, EventState To, DateTimeOffset At)> History => _history;

    public EventLifecycle(string eventId, DateTimeOffset endsAt, IClock clock, EventState initial = EventState.Draft)
    {
        EventId = eventId; EndsAt = endsAt; _clock = clock; State = initial;
    }

    public bool CanFire(EventTrigger trigger) => Transitions.ContainsKey((State, trigger)) && Guard(trigger);

    public void Fire(EventTrigger trigger)
    {
        if (!Transitions.TryGetValue((State, trigger), out var next))
            throw new InvalidOperationException($"{EventId}: {trigger} not allowed from {State}");
        if (!Guard(trigger))
            throw new InvalidOperationException($"{EventId}: guard rejected {trigger} in {State}");

        var now = _clock.UtcNow;
        if (trigger == EventTrigger.Pause) _pausedAt = now;
        if (trigger == EventTrigger.Resume && _pausedAt is { } p)
        {
            var gap = now - p;
            PausedFor += gap;
            EndsAt += gap;          // paused time is given back to players
            _pausedAt = null;
        }
        if (trigger == EventTrigger.EndPlay && State == EventState.Paused && _pausedAt is { } p2)
        {
            PausedFor += now - p2;  // not given back: event ended while paused
            _pausedAt = null;
        }

        _history.Add((State, trigger, next, now));
        State = next;
    }

    private bool Guard(EventTrigger trigger) => trigger switch
    {
        EventTrigger.GoLive => _clock.UtcNow < EndsAt,
        EventTrigger.EndPlay => State == EventState.Paused || _clock.UtcNow >= EndsAt,
        EventTrigger.Distribute => _history.All(h => h.Via != EventTrigger.Cancel),
        EventTrigger.Resume => _clock.UtcNow < EndsAt + PausedFor + (_pausedAt is { } p ? _clock.UtcNow - p : TimeSpan.Zero),
        _ => true,
    };
}
''')], reqs=['use a fake IClock, no real time', 'table-driven over the full state x trigger matrix',
             'check EndsAt after pause/resume and after ending while paused'], fw='nunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'performance-testing',
  'k6 summary from last night\'s leaderboard run, paste-dumped. what was p95 and the error rate for each of the '
  'two endpoints, and did either threshold fail?',
  files=[('reports/k6-lb-2024-06-18.txt', '''
     scenarios: (100.00%) 2 scenarios, 1200 max VUs, 14m30s max duration (incl. graceful stop):
              * top: Up to 2000.00 iterations/s for 14m0s over 3 stages (maxVUs: 600, exec: top)
              * around: Up to 1000.00 iterations/s for 14m0s over 3 stages (maxVUs: 600, exec: around)

     ✓ status is 200
     ✗ body has entries
      ↳  99% — ✓ 1247188 / ✗ 2841

     checks.........................: 99.88% ✓ 2494376   ✗ 2841
     data_received..................: 9.8 GB 11 MB/s
     data_sent......................: 301 MB 358 kB/s
     http_req_blocked...............: avg=14.2µs   min=1µs    med=4µs     max=301.8ms  p(90)=6µs     p(95)=8µs
     http_req_duration..............: avg=61.05ms  min=3.1ms  med=38.7ms  max=4.91s    p(90)=121.4ms p(95)=168.2ms
       { endpoint:around }..........: avg=92.33ms  min=5.4ms  med=71.2ms  max=4.91s    p(90)=188.9ms p(95)=241.7ms
       { endpoint:top }.............: avg=45.41ms  min=3.1ms  med=30.2ms  max=2.12s    p(90)=88.6ms  p(95)=109.9ms
   ✓ { endpoint:top }...............: p(95)<120
   ✗ { endpoint:around }............: p(95)<200
     http_req_failed................: 0.11%  ✓ 1384      ✗ 1247188
       { endpoint:around }..........: 0.29%  ✓ 1207      ✗ 414912
       { endpoint:top }.............: 0.02%  ✓ 177       ✗ 832276
     http_reqs......................: 1248572 1486.39/s
     iteration_duration.............: avg=61.3ms   min=3.2ms  med=38.9ms  max=4.91s    p(90)=121.8ms p(95)=168.6ms
     iterations.....................: 1248572 1486.39/s
     vus............................: 38     min=12      max=1200
'''),], fw='k6', lang='javascript')

# ---------------------------------------------------------------------------------------------
# why: one short function, but correctness hinges on per-region local reset times across DST changes -> judgement, medium
t('medium', 'test-generation',
  'events keep starting an hour early or late for some regions twice a year and support hates us. write tests '
  'for IsActive that would have caught it (and tell me if the function itself is wrong)',
  files=[('src/Events/EventWindow.cs', r'''
public sealed record EventSchedule(
    string EventId,
    DateOnly StartDay,
    DateOnly EndDay,
    TimeOnly ResetTime,     // local time in RegionTz, e.g. 04:00
    string RegionTz);       // IANA id, e.g. "Australia/Sydney"

public static class EventWindow
{
    public static bool IsActive(EventSchedule s, DateTimeOffset nowUtc)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(s.RegionTz);
        var offset = tz.GetUtcOffset(nowUtc);
        var start = new DateTimeOffset(s.StartDay.ToDateTime(s.ResetTime), offset);
        var end = new DateTimeOffset(s.EndDay.ToDateTime(s.ResetTime), offset);
        return nowUtc >= start && nowUtc < end;
    }
}
''')], reqs=['include an event that starts before and ends after a DST change',
             'Australia/Sydney and America/Los_Angeles at minimum',
             'check the exact second of start and end'], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'security-scan',
  'the promo code redeem endpoint is getting hammered by some discord group since the influencer drop this '
  'morning. single-use codes. can this be abused? code below',
  files=[('src/Promo/RedeemEndpoint.cs', r'''
public static class RedeemEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapPost("/v1/promo/redeem", async (RedeemRequest req, ClaimsPrincipal user, NpgsqlDataSource db,
                                               IRewardGranter granter, CancellationToken ct) =>
        {
            var playerId = user.FindFirstValue("sub")!;
            var code = req.Code.Trim().ToUpperInvariant();

            await using var conn = await db.OpenConnectionAsync(ct);
            await using var find = new NpgsqlCommand(
                $"SELECT id, reward_sku, max_uses, uses, expires_at FROM promo_codes WHERE code = '{code}'", conn);
            await using var r = await find.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return Results.NotFound();

            var id = r.GetInt64(0);
            var sku = r.GetString(1);
            var maxUses = r.GetInt32(2);
            var uses = r.GetInt32(3);
            var expires = r.GetDateTime(4);
            await r.CloseAsync();

            if (expires < DateTime.UtcNow) return Results.StatusCode(410);
            if (uses >= maxUses) return Results.Conflict("exhausted");

            await using var already = new NpgsqlCommand(
                "SELECT 1 FROM promo_redemptions WHERE code_id = @c AND player_id = @p", conn);
            already.Parameters.AddWithValue("c", id);
            already.Parameters.AddWithValue("p", playerId);
            if (await already.ExecuteScalarAsync(ct) is not null) return Results.Conflict("already_redeemed");

            await granter.GrantAsync(playerId, sku, $"promo:{id}", ct);

            await using var upd = new NpgsqlCommand(
                "UPDATE promo_codes SET uses = uses + 1 WHERE id = @c;" +
                "INSERT INTO promo_redemptions(code_id, player_id) VALUES (@c, @p)", conn);
            upd.Parameters.AddWithValue("c", id);
            upd.Parameters.AddWithValue("p", playerId);
            await upd.ExecuteNonQueryAsync(ct);

            return Results.Ok(new { sku });
        }).RequireAuthorization();
}
''')], lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'test-execution',
  'run the Economy.Tests project and tell me what\'s red. patch cut is at 4',
  fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'coverage-analysis',
  'wallet service coverage is "82%" which sounds fine but we just had a refund bug in prod that no test caught. '
  'look at the report + the service and tell me which uncovered branches actually matter and what tests to add '
  'first',
  files=[
    ('reports/economy-coverage-summary.txt', '''
Economy.WalletService                     line 82.4%  branch 61.1%
  CreditAsync                             line 100%   branch 100%
  DebitAsync                              line 91.3%  branch 75.0%   uncovered lines: 58-60
  RefundAsync                             line 54.5%  branch 37.5%   uncovered lines: 84-86, 91-95, 99
  GetBalanceAsync                         line 100%   branch 100%
  ApplyExchangeRate                       line 100%   branch 50.0%   uncovered lines: 112
Economy.LedgerWriter                      line 96.0%  branch 87.5%
'''),
    ('src/Economy/WalletService.cs', r'''
public sealed class WalletService
{
    private readonly IWalletRepository _repo;
    private readonly ILedgerWriter _ledger;
    private const long MaxBalance = 2_000_000_000;

    public WalletService(IWalletRepository repo, ILedgerWriter ledger) { _repo = repo; _ledger = ledger; }

    public async Task<long> CreditAsync(string playerId, Currency cur, long amount, string reference, CancellationToken ct)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount));
        var w = await _repo.GetForUpdateAsync(playerId, ct);
        var bal = w.Get(cur);
        w.Set(cur, Math.Min(MaxBalance, bal + amount));
        await _repo.SaveAsync(w, ct);
        await _ledger.AppendAsync(playerId, cur, amount, reference, ct);
        return w.Get(cur);
    }

    public async Task<long> DebitAsync(string playerId, Currency cur, long amount, string reference, CancellationToken ct)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount));
        var w = await _repo.GetForUpdateAsync(playerId, ct);
        var bal = w.Get(cur);
        if (bal < amount)
        {
            // line 58
            await _ledger.AppendAsync(playerId, cur, 0, reference + ":insufficient", ct);
            throw new InsufficientFundsException(cur, bal, amount);
        }
        w.Set(cur, bal - amount);
        await _repo.SaveAsync(w, ct);
        await _ledger.AppendAsync(playerId, cur, -amount, reference, ct);
        return w.Get(cur);
    }

    public async Task<long> RefundAsync(string playerId, string originalReference, CancellationToken ct)
    {
        var entry = await _ledger.FindAsync(playerId, originalReference, ct)
                    ?? throw new KeyNotFoundException(originalReference);
        var w = await _repo.GetForUpdateAsync(playerId, ct);

        if (await _ledger.FindAsync(playerId, originalReference + ":refund", ct) is not null)
        {
            // line 84
            return w.Get(entry.Currency);
        }

        var delta = -entry.Amount;
        if (delta < 0 && w.Get(entry.Currency) + delta < 0)
        {
            // line 91: player already spent the refunded gems -> clamp and flag
            var owed = -(w.Get(entry.Currency) + delta);
            w.Set(entry.Currency, 0);
            await _repo.FlagDebtAsync(playerId, entry.Currency, owed, ct);
        }
        else
        {
            w.Set(entry.Currency, w.Get(entry.Currency) + delta);   // line 99
        }
        await _repo.SaveAsync(w, ct);
        await _ledger.AppendAsync(playerId, entry.Currency, delta, originalReference + ":refund", ct);
        return w.Get(entry.Currency);
    }

    public static long ApplyExchangeRate(long gems, decimal rate) =>
        rate <= 0 ? 0 : (long)Math.Floor(gems * rate);     // line 112
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
_mm_pods = lines(36, lambda i:
    f'| {["00:00", "00:10", "00:20", "00:30", "00:40", "00:50"][i % 6]} | mm-{i // 6} | {1800 + (i * 97) % 900} | '
    f'{(i * 13) % 40 + 55}% | {4 + (i * 7) % 9}s | {11 + (i * 3) % 20}s |')
t('complex', 'performance-testing',
  'season 25 launches in 3 weeks and last season\'s launch was a mess (see attached). i need an actual load test '
  'plan for launch day: login -> matchmaking -> match results -> leaderboard + store, what traffic shape to '
  'simulate, what to watch, what pass/fail looks like, and which part you think falls over first',
  files=[
    ('docs/s24-launch-postmortem.md', '''
# S24 launch postmortem (short)
- 18:00 UTC season flip. Concurrent players 42k -> 131k in 14 minutes (push notification + twitch drop).
- Auth: guest login p99 went 180ms -> 6.2s at 18:06, token service CPU pegged, clients retried every 2s.
- Matchmaker: queue times fine until 18:09, then median 38s (target 15s). Redis ops/s on mm-redis hit 190k.
- Leaderboard writes: end-of-match submits backed up; ZADD latency p99 40ms, submit queue lag peaked 11 min.
- Store: season pass purchase spike 18:02-18:20, 1.9k purchases/min, wallet DB connection pool exhausted twice.
- Recovery: scaled auth x3, added client retry jitter in 3.7.1.
'''),
    ('docs/architecture.md', '''
gateway (C#, 12 pods, HPA 12-40) -> auth (C#, 6 pods) -> token-redis
gateway -> matchmaker (Go, 4 pods, sharded by region) -> mm-redis (single primary + replica)
match-server fleet (agones) -> results-api (C#) -> leaderboard-svc (C#) -> lb-redis cluster (6 shards)
                                                  -> progression-svc (C#) -> postgres (pass/xp)
gateway -> store-api (C#) -> wallet-svc (C#) -> wallet postgres (pool 100/pod)
                          -> payments-webhook (C#) <- google/apple notifications
all services: 2 AZs, kafka for analytics only (not on the hot path)
'''),
    ('grafana/s24-matchmaker-per-pod.md', '| time | pod | queued players | cpu | median wait | p95 wait |\n|---|---|---|---|---|---|\n' + _mm_pods),
    ('grafana/s24-auth.csv', 'minute,logins_per_s,p50_ms,p99_ms,error_pct\n' + lines(20, lambda i:
        f'18:{i:02d},{400 + i * i * 30},{40 + i * 9},{180 + i * i * 17},{0.1 + (i // 6) * 1.4:.1f}')),
    ('config/client-retry.json', '''
{ "auth": { "retries": 5, "backoffMs": 2000, "jitter": false },
  "matchmaking": { "pollMs": 1000, "timeoutS": 120 },
  "leaderboard": { "submitRetries": 3, "backoffMs": 500, "jitter": true } }
'''),
    ('docs/s25-forecast.md', '''
Marketing forecast for S25 launch: peak concurrent 160k-190k, 70% of them online within 20 min of flip.
New: cross-region squads (matchmaker pulls from 2 regions), store "launch bundle" limited to first 50k buyers.
'''),
  ], reqs=['k6 for HTTP, but say what you\'d do for the matchmaker websocket polling',
           'include a test for the limited launch bundle stock'], fw='k6', lang='javascript')

# ---------------------------------------------------------------------------------------------
t('complex', 'coverage-analysis',
  'anti-cheat + purchase verification coverage across the whole security slice. overall number looks ok but i '
  'want to know which uncovered paths would actually let someone cheat or get free stuff, ranked, and what '
  'tests close them',
  files=[
    ('reports/security-slice-coverage.txt', '''
AntiCheat.TelemetryVerifier       line 71.0%  branch 50.0%  uncovered: 22-27, 40
AntiCheat.Rules.SpeedRule         line 58.0%  branch 50.0%  uncovered: 31-32, 38-39
AntiCheat.VerdictService          line 88.9%  branch 75.0%  uncovered: 47-49
AntiCheat.BanAppealHandler        line 92.0%  branch 83.3%  uncovered: 61
Store.Receipts.AppleReceiptVerifier   line 64.3%  branch 41.7%  uncovered: 33-38, 52-55
Store.Receipts.GooglePlayReceiptVerifier line 80.0%  branch 62.5%  uncovered: 29-32
Store.Internal.FulfilController   line 85.7%  branch 66.7%  uncovered: 19-20
Shared.Auth.SessionTokenValidator line 76.5%  branch 60.0%  uncovered: 18-21, 35
TOTAL                             line 77.8%  branch 59.4%
'''),
    ('src/AntiCheat/TelemetryVerifier.cs', r'''
public sealed class TelemetryVerifier
{
    private readonly byte[] _hmacKey;
    private readonly IReplayCache _seen;
    public TelemetryVerifier(byte[] hmacKey, IReplayCache seen) { _hmacKey = hmacKey; _seen = seen; }

    public async Task<bool> VerifyAsync(TelemetryBatch b)
    {
        var expected = HMACSHA256.HashData(_hmacKey, b.PayloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(expected, b.Mac)) return false;
        if (b.ClientTimeMs < DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds())
        {
            // 22-27: stale batch, accept if from a known-laggy platform
            if (b.Platform is "android-go" or "webgl")
                return await _seen.TryAddAsync(b.BatchId);
            return false;
        }
        return await _seen.TryAddAsync(b.BatchId);
        // 40: (unreachable debug branch removed in 3.9)
    }
}
'''),
    ('src/AntiCheat/Rules/SpeedRule.cs', r'''
public sealed class SpeedRule : IRule
{
    public double Threshold { get; init; } = 1.35;
    public Verdict Evaluate(TelemetryWindow w)
    {
        var max = w.Samples.Zip(w.Samples.Skip(1), ComputeSpeed).DefaultIfEmpty(0).Max();
        return max > Threshold * w.MaxLegalSpeed ? Verdict.Flag("speed", max) : Verdict.Clean;
    }
    private static double ComputeSpeed(Sample a, Sample b) => a.DistanceTo(b) / Math.Max(1, b.T - a.T) * 1000;
    public bool IsVehicleSegment(Sample s) => s.VehicleId is not null && s.VehicleId != "";   // 31-32
    public Sample ApplyLagCompensation(Sample s, int rttMs) => s with { T = s.T - rttMs / 2 };  // 38-39
}
'''),
    ('src/AntiCheat/VerdictService.cs', r'''
public sealed class VerdictService
{
    private readonly IEnumerable<IRule> _rules; private readonly IBanQueue _bans; private readonly bool _shadow;
    public VerdictService(IEnumerable<IRule> rules, IBanQueue bans, bool shadowMode) { _rules = rules; _bans = bans; _shadow = shadowMode; }
    public async Task JudgeAsync(string playerId, TelemetryWindow w)
    {
        var flags = _rules.Select(r => r.Evaluate(w)).Where(v => v.Flagged).ToList();
        if (flags.Count == 0) return;
        if (_shadow || w.Samples.Count < 20)
        {
            // 47-49: log only
            return;
        }
        await _bans.EnqueueAsync(playerId, flags);
    }
}
'''),
    ('src/Store/Receipts/AppleReceiptVerifier.cs', r'''
public sealed class AppleReceiptVerifier : IReceiptVerifier
{
    private readonly IAppStoreServerApi _api; private readonly string _bundleId;
    public AppleReceiptVerifier(IAppStoreServerApi api, string bundleId) { _api = api; _bundleId = bundleId; }
    public async Task<ReceiptResult> VerifyAsync(string store, string transactionId, CancellationToken ct)
    {
        var tx = await _api.GetTransactionAsync(transactionId, ct);
        if (tx is null) return ReceiptResult.Invalid("unknown");
        if (tx.BundleId != _bundleId)
        {
            // 33-38
            return ReceiptResult.Invalid("bundle");
        }
        if (tx.Environment == "Sandbox" && !_api.IsSandboxAllowed) return ReceiptResult.Invalid("sandbox");
        if (tx.RevocationDate is not null)
        {
            // 52-55
            return ReceiptResult.Invalid("revoked");
        }
        return ReceiptResult.Ok(tx.ProductId, tx.OriginalTransactionId, sandbox: tx.Environment == "Sandbox");
    }
}
'''),
    ('src/Store/Internal/FulfilController.cs', r'''
[Route("internal/fulfil")]
public class FulfilController : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Fulfil([FromBody] RtdnNotification n, [FromServices] IFulfilment f, CancellationToken ct)
    {
        if (!Request.Headers.TryGetValue("X-Internal-Token", out var tok) || tok != f.InternalToken)
            return Unauthorized();                                      // 19-20
        await f.FulfilAsync(n, ct);
        return Ok();
    }
}
'''),
    ('src/Shared/Auth/SessionTokenValidator.cs', r'''
public sealed class SessionTokenValidator
{
    private readonly byte[] _key; private readonly TimeProvider _time;
    public SessionTokenValidator(byte[] key, TimeProvider time) { _key = key; _time = time; }
    public string? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            // 18-21
            return null;
        }
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (Base64Url.Encode(mac) != parts[2]) return null;
        var claims = JsonSerializer.Deserialize<SessionClaims>(Base64Url.Decode(parts[1]))!;
        if (claims.Exp < _time.GetUtcNow().ToUnixTimeSeconds()) return null;   // 35
        return claims.Sub;
    }
}
'''),
    ('src/AntiCheat/BanAppealHandler.cs', r'''
public sealed class BanAppealHandler
{
    private readonly IBanStore _bans;
    public BanAppealHandler(IBanStore bans) => _bans = bans;
    public async Task<AppealResult> HandleAsync(string playerId, string reason)
    {
        var ban = await _bans.GetAsync(playerId);
        if (ban is null) return AppealResult.NotBanned;
        if (ban.AppealCount >= 3) return AppealResult.Rejected;                 // 61
        await _bans.RecordAppealAsync(playerId, reason);
        return AppealResult.Queued;
    }
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'defect-analysis',
  'getting IndexOutOfRangeException from this in prod for players at the very top of the event ladder. quick '
  'look?',
  files=[('src/Events/RewardTiers.cs', r'''
public static class RewardTiers
{
    // points thresholds, ascending; tier i is reached at Thresholds[i]
    private static readonly int[] Thresholds = { 0, 500, 1500, 4000, 9000, 20000 };
    private static readonly string[] Rewards = { "none", "chest_s", "chest_m", "chest_l", "chest_xl", "chest_legend" };

    public static string RewardFor(int points)
    {
        var tier = 0;
        while (points >= Thresholds[tier + 1])
            tier++;
        return Rewards[tier];
    }
}
'''),
  ('crash/stack.txt', '''
System.IndexOutOfRangeException: Index was outside the bounds of the array.
   at Events.RewardTiers.RewardFor(Int32 points) in /src/Events/RewardTiers.cs:line 10
   at Events.EventEndJob.GrantAsync(EventStanding s, CancellationToken ct)
player points: 20450
''')], lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'flaky-test-analysis',
  'DailyReset_ClearsYesterdayScores goes red a couple times a week on the nightly, always the build that kicks '
  'off around 23:59 UTC. log + test attached, what\'s going on and how do i fix the test (or the code)?',
  files=[
    ('ci/nightly-2024-06-17.log', '''
[23:59:58.412] Starting test execution, please wait...
[23:59:58.990] A total of 1 test files matched the specified pattern.
[23:59:59.870]   Passed Leaderboard.Tests.DailyBoardTests.Submit_AddsScore [12 ms]
[23:59:59.903]   Passed Leaderboard.Tests.DailyBoardTests.Top_ReturnsDescending [9 ms]
[00:00:00.021]   Failed Leaderboard.Tests.DailyBoardTests.DailyReset_ClearsYesterdayScores [118 ms]
  Error Message:
   Assert.Equal() Failure
Expected: 0
Actual:   1
  Stack Trace:
     at Leaderboard.Tests.DailyBoardTests.DailyReset_ClearsYesterdayScores() in DailyBoardTests.cs:line 47
[00:00:00.390] Total tests: 14  Passed: 13  Failed: 1
'''),
    ('tests/Leaderboard.Tests/DailyBoardTests.cs', r'''
public class DailyBoardTests : IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;
    public DailyBoardTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task DailyReset_ClearsYesterdayScores()
    {
        var board = new DailyBoard(_redis.Db, TimeProvider.System);
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);

        await _redis.Db.SortedSetAddAsync($"lb:daily:{yesterday:yyyyMMdd}", "p_1", 900);
        await board.SubmitAsync("p_2", 1200);

        await board.RunDailyResetAsync();

        var remaining = await _redis.Db.SortedSetLengthAsync($"lb:daily:{yesterday:yyyyMMdd}");
        Assert.Equal(0, remaining);                                            // line 47
        Assert.Equal(1, await _redis.Db.SortedSetLengthAsync(board.TodayKey()));
    }
}
'''),
    ('src/Leaderboard/DailyBoard.cs', r'''
public sealed class DailyBoard
{
    private readonly IDatabase _db;
    private readonly TimeProvider _time;
    public DailyBoard(IDatabase db, TimeProvider time) { _db = db; _time = time; }

    public string TodayKey() => $"lb:daily:{_time.GetUtcNow():yyyyMMdd}";

    public Task SubmitAsync(string playerId, long score) =>
        _db.SortedSetAddAsync(TodayKey(), playerId, score, SortedSetWhen.Always);

    public async Task RunDailyResetAsync()
    {
        var yesterday = _time.GetUtcNow().AddDays(-1);
        var key = $"lb:daily:{yesterday:yyyyMMdd}";
        await _db.KeyRenameAsync(key, key + ":archived", When.Always);
        await _db.KeyExpireAsync(key + ":archived", TimeSpan.FromDays(7));
    }
}
'''),
  ], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'security-scan',
  'someone committed the prod appsettings for anti-cheat to the repo (yes i know). before i rotate stuff: list '
  'everything in it that looks like a secret or credential so i know what to rotate',
  files=[('src/AntiCheat/appsettings.Production.json', '''
{
  "Logging": { "LogLevel": { "Default": "Warning" } },
  "ConnectionStrings": {
    "Verdicts": "Host=ac-db.prod.internal;Database=anticheat;Username=ac_svc;Password=FAKE-pw-9f8e7d6c",
    "Redis": "ac-redis.prod.internal:6379,password=FAKE_redis_0000,ssl=true"
  },
  "Kafka": {
    "BootstrapServers": "kafka-1.prod.internal:9093",
    "SaslUsername": "anticheat-consumer",
    "SaslPassword": "FAKE-sasl-abc123"
  },
  "Rules": { "SpeedHackThreshold": 1.35, "TeleportMaxMeters": 40, "ShadowMode": false },
  "Webhooks": {
    "DiscordBanFeed": "https://discord.com/api/webhooks/000000000000/FAKE_WEBHOOK_TOKEN",
    "SlackAlerts": "https://hooks.slack.com/services/T000/B000/FAKEFAKEFAKE"
  },
  "SignatureKeys": { "ClientTelemetryHmac": "ZmFrZS1obWFjLWtleS1ub3QtcmVhbA==" },
  "FeatureFlags": { "AutoBan": true, "ReplayUpload": true }
}
''')], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'defect-analysis',
  'had 3 tickets this week from players saying they loaded into two matches at once, one of them got reported '
  'for afk because of it. we run 4 matchmaker pods. here\'s the allocation code, no idea how it\'s possible',
  files=[('matchmaker/allocate.go', r'''
package matchmaker

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Every pod runs this every 500ms for its region shard. Tickets live in a shared sorted set per region.
func (m *Matchmaker) allocateOnce(ctx context.Context, region string) error {
	key := fmt.Sprintf("mm:queue:%s", region)
	ids, err := m.rdb.ZRangeByScore(ctx, key, &redis.ZRangeBy{Min: "-inf", Max: "+inf", Count: 200}).Result()
	if err != nil {
		return err
	}
	tickets, err := m.loadTickets(ctx, ids)
	if err != nil {
		return err
	}
	for _, group := range m.formGroups(tickets) {
		matchID := newMatchID()
		server, err := m.fleet.Allocate(ctx, region, matchID)
		if err != nil {
			continue
		}
		for _, t := range group {
			m.rdb.ZRem(ctx, key, t.PlayerID)
			payload, _ := json.Marshal(Assignment{MatchID: matchID, Server: server.Addr})
			m.rdb.Set(ctx, "mm:assign:"+t.PlayerID, payload, 2*time.Minute)
		}
	}
	return nil
}

func (m *Matchmaker) loadTickets(ctx context.Context, ids []string) ([]Ticket, error) {
	out := make([]Ticket, 0, len(ids))
	for _, id := range ids {
		raw, err := m.rdb.Get(ctx, "mm:ticket:"+id).Bytes()
		if err == redis.Nil {
			continue
		}
		if err != nil {
			return nil, err
		}
		var t Ticket
		if err := json.Unmarshal(raw, &t); err != nil {
			continue
		}
		out = append(out, t)
	}
	return out, nil
}
''')], lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'coverage-analysis',
  'cobertura bit for the one class i changed in the anti-cheat PR. which methods have no coverage at all?',
  files=[('reports/coverage.cobertura.xml', '''
<class name="AntiCheat.Rules.SpeedRule" filename="src/AntiCheat/Rules/SpeedRule.cs" line-rate="0.58" branch-rate="0.5">
  <methods>
    <method name="Evaluate" signature="(AntiCheat.TelemetryWindow)" line-rate="1" branch-rate="0.75">
      <lines><line number="14" hits="212"/><line number="15" hits="212"/><line number="16" hits="40" branch="true" condition-coverage="75% (3/4)"/></lines>
    </method>
    <method name="ComputeSpeed" signature="(AntiCheat.Sample,AntiCheat.Sample)" line-rate="1" branch-rate="1">
      <lines><line number="24" hits="530"/><line number="25" hits="530"/></lines>
    </method>
    <method name="IsVehicleSegment" signature="(AntiCheat.Sample)" line-rate="0" branch-rate="0">
      <lines><line number="31" hits="0"/><line number="32" hits="0" branch="true" condition-coverage="0% (0/2)"/></lines>
    </method>
    <method name="ApplyLagCompensation" signature="(AntiCheat.Sample,System.Int32)" line-rate="0" branch-rate="1">
      <lines><line number="38" hits="0"/><line number="39" hits="0"/></lines>
    </method>
    <method name="Describe" signature="()" line-rate="1" branch-rate="1">
      <lines><line number="44" hits="3"/></lines>
    </method>
  </methods>
</class>
''')], lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'test-generation',
  'write tests for the store purchase endpoint. mock the wallet + catalog, i want every status code it can '
  'return covered, plus the "offer expired while you were looking at it" case that QA keeps filing',
  files=[('src/Store/OfferPurchaseHandler.cs', r'''
public sealed class OfferPurchaseHandler
{
    private readonly IOfferCatalog _catalog;
    private readonly IWalletClient _wallet;
    private readonly IInventoryClient _inventory;
    private readonly TimeProvider _time;
    private readonly ILogger<OfferPurchaseHandler> _log;

    public OfferPurchaseHandler(IOfferCatalog catalog, IWalletClient wallet, IInventoryClient inventory,
                                TimeProvider time, ILogger<OfferPurchaseHandler> log)
    {
        _catalog = catalog; _wallet = wallet; _inventory = inventory; _time = time; _log = log;
    }

    public async Task<IResult> HandleAsync(string playerId, BuyOfferRequest req, CancellationToken ct)
    {
        var offer = await _catalog.GetAsync(req.OfferId, ct);
        if (offer is null) return Results.NotFound(new { error = "offer_not_found" });

        var now = _time.GetUtcNow();
        if (now < offer.StartsAt) return Results.NotFound(new { error = "offer_not_found" });
        if (now >= offer.EndsAt) return Results.StatusCode(StatusCodes.Status410Gone);

        if (req.ExpectedPrice != offer.Price)
            return Results.Conflict(new { error = "price_changed", price = offer.Price });

        var bought = await _inventory.CountPurchasesAsync(playerId, offer.Id, ct);
        if (offer.PerPlayerLimit is int limit && bought >= limit)
            return Results.Conflict(new { error = "limit_reached" });

        try
        {
            await _wallet.DebitAsync(playerId, offer.Currency, offer.Price, $"offer:{offer.Id}:{req.RequestId}", ct);
        }
        catch (InsufficientFundsException)
        {
            return Results.UnprocessableEntity(new { error = "insufficient_funds" });
        }
        catch (HttpRequestException ex)
        {
            _log.LogError(ex, "wallet unavailable for {Player}", playerId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            await _inventory.GrantAsync(playerId, offer.Items, $"offer:{offer.Id}:{req.RequestId}", ct);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "grant failed, refunding {Player}", playerId);
            await _wallet.RefundAsync(playerId, $"offer:{offer.Id}:{req.RequestId}", ct);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok(new { offerId = offer.Id, items = offer.Items });
    }
}
''')], reqs=['use a fake TimeProvider', 'assert the refund call on grant failure'], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
_dotnet_out = lines(110, lambda i: (
    f'  Failed {["Store.Tests.CatalogTests.Price_RegionOverride_BR", "Store.Tests.OfferTests.Expired_Returns410", "Wallet.Tests.DebitTests.Debit_Concurrent_NoNegative"][i // 40]} [{120 + i} ms]'
    if i in (17, 58, 93) else
    f'  Passed {["Store.Tests", "Wallet.Tests", "Events.Tests", "Progression.Tests"][i % 4]}.'
    f'{["CatalogTests", "OfferTests", "DebitTests", "WindowTests", "LevelTests"][i % 5]}.'
    f'{["Returns_", "Rejects_", "Handles_", "Maps_"][i % 4]}{["Empty", "Null", "Boundary", "Default", "Max", "Min", "Unicode"][i % 7]}{i} [{(i * 7) % 40 + 1} ms]'))
t('simple', 'test-execution',
  'full dotnet test output from the release branch below (sorry, it\'s long). just give me the failed tests, '
  'total counts, and which project each failure is in',
  files=[('ci/dotnet-test-release-3.9.txt', 'Test run for /src/tests/bin/Release/net8.0/*.Tests.dll (.NETCoreApp,Version=v8.0)\n'
          'Starting test execution, please wait...\n' + _dotnet_out +
          '\n\nFailed!  - Failed:     3, Passed:   107, Skipped:     0, Total:   110, Duration: 41 s')],
  fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'quality-gate',
  'go/no-go for season 25 launch build (3.10.0). everything the teams sent me is attached, some of it '
  'disagrees with itself. i need one call with the reasoning, and the conditions if it\'s a conditional go',
  files=[
    ('release/criteria-s25.md', '''
Launch criteria (season builds)
1. No open P0/P1 defects tagged s25.
2. Crash-free users >= 99.6% on the 3-day beta cohort (>= 20k users).
3. All services: load test at 1.5x forecast peak passed with SLOs met.
4. Economy: ledger reconciliation diff == 0 over beta.
5. Anti-cheat: false positive rate of new rules <= 0.05% in shadow mode, before auto-ban is enabled.
6. Security: no open High/Critical findings on store, wallet, auth.
Waivers need sign-off from the live-ops lead AND the owning team lead.
'''),
    ('release/jira-s25-open.csv', 'key,priority,status,component,summary,labels\n' + lines(12, lambda i:
        f'LO-{2300 + i},{["P1", "P2", "P3", "P2"][i % 4]},{["In Progress", "Open", "Ready for QA", "Deferred"][i % 4]},'
        f'{["store", "matchmaker", "events", "ui", "leaderboard", "wallet"][i % 6]},'
        f'{["Season pass tier 50 reward missing on iOS", "Squad expansion ignores ping cap", "Event banner overlaps notch", "Leaderboard around-me off by one at rank 1", "Launch bundle counter can exceed 50k", "Refund of bundle leaves negative item count"][i % 6]} ({i}),'
        f'{"s25" if i % 3 != 2 else "s25;waiver-requested"}')),
    ('release/beta-crashlytics.txt', '''
Beta cohort 3.10.0-beta4, 2024-07-01..2024-07-03
users: 23,418   crash-free users: 99.63%   crash-free sessions: 99.81%
top crash: libunity.so SIGSEGV in ShaderVariantCollection (mali-g52) 0.21% of users
note from mobile team: beta4 cohort is 71% iOS because the android invite link broke on day 1
'''),
    ('release/load-test-summary.md', '''
| service | tested at (x forecast) | p95 SLO met | error SLO met | notes |
|---|---|---|---|---|
| auth | 1.5x | yes | yes | jitter client retry on |
| matchmaker | 1.5x | yes | no (0.4% vs 0.1%) | errors are 409 on cross-region squad re-queue |
| leaderboard | 1.5x | yes | yes | sharded board |
| store/wallet | 1.2x | yes | yes | staging DB smaller than prod, could not reach 1.5x |
| results-api | 1.5x | yes | yes | |
'''),
    ('release/ledger-recon.json', '''
{ "window": "beta4", "players_checked": 23418, "ledger_sum_vs_balance_diffs": 3,
  "diffs": [ { "player": "p_beta_0192", "currency": "gems", "diff": -500, "ref": "offer:launch_bundle:*" },
             { "player": "p_beta_4410", "currency": "gems", "diff": -500, "ref": "offer:launch_bundle:*" },
             { "player": "p_beta_9981", "currency": "coins", "diff": 120, "ref": "pass:s25:12:free" } ] }
'''),
    ('release/anticheat-shadow.csv', 'rule,evaluated_players,flagged,confirmed_cheaters,false_positives\n'
        'speed_v3,23418,41,33,8\nteleport_v2,23418,12,12,0\naim_snap_v1,23418,96,61,35\ndamage_cap_v1,23418,5,5,0\n'),
    ('release/security-findings.md', '''
- HIGH  store: promo redeem endpoint SQL built with string interpolation (fixed in 3.10.0-rc2, verification pending)
- HIGH  admin: grant endpoint trusts TargetPlayerId from body (fix merged, not deployed to beta)
- MED   leaderboard: debug port 9090 exposed via LoadBalancer (infra ticket open)
'''),
  ], reqs=['be explicit about which criteria are actually measured vs assumed', 'auto-ban is planned to go on at launch'],
  lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'quality-gate',
  'leaderboard read path load test finished. check the results against our SLO file and tell me if we\'re '
  'good to turn on the weekend event. the SLO has an error budget bit too, factor that in',
  files=[
    ('slo/leaderboard-read.yaml', '''
service: leaderboard-svc
window: 28d
objectives:
  - name: top100-latency
    sli: p95(http_req_duration{endpoint="top"})
    target_ms: 120
  - name: around-me-latency
    sli: p95(http_req_duration{endpoint="around"})
    target_ms: 200
  - name: availability
    sli: 1 - error_rate
    target: 0.999
error_budget:
  consumed_pct_so_far: 71      # of the 28d budget, as of 2024-06-19
  freeze_above_pct: 80
event_readiness:
  require_load_test_at_peak_x: 1.5     # test must be at >= 1.5x forecast peak rps
  forecast_peak_rps: 2100
'''),
    ('reports/k6-lb-2024-06-19.json', '''
{
  "metrics": {
    "http_reqs": { "count": 2774012, "rate": 3302.4 },
    "http_req_failed": { "rate": 0.00082 },
    "http_req_duration{endpoint:top}": { "p(95)": 104.3, "p(99)": 310.8 },
    "http_req_duration{endpoint:around}": { "p(95)": 196.9, "p(99)": 702.4 },
    "http_req_failed{endpoint:around}": { "rate": 0.0019 },
    "http_req_failed{endpoint:top}": { "rate": 0.0002 }
  },
  "root_group": { "checks": { "passes": 2771490, "fails": 2522 } },
  "options": { "scenarios": { "top": { "target": 2200 }, "around": { "target": 1100 } }, "duration": "14m" }
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
# why: short artefact, but the ask is to decide whether a race-detector hit is product code or harness and confirm it under repetition -> concurrency, complex
t('complex', 'test-execution',
  'run the matchmaker package with -race -count=200 and tell me if this race is ours or just the test harness. '
  'got it once on CI, security review wants an answer before the cross-region squads patch',
  files=[
    ('ci/race-2024-06-18.txt', '''
==================
WARNING: DATA RACE
Write at 0x00c0001a4168 by goroutine 41:
  runtime.mapassign_faststr()
  github.com/studio/matchmaker/squads.(*Registry).Expand()
      /src/matchmaker/squads/registry.go:58 +0x1c4
  github.com/studio/matchmaker/squads.(*Registry).tickExpansion()
      /src/matchmaker/squads/registry.go:77 +0x9a

Previous read at 0x00c0001a4168 by goroutine 39:
  runtime.mapaccess2_faststr()
  github.com/studio/matchmaker/squads.(*Registry).RegionsFor()
      /src/matchmaker/squads/registry.go:41 +0x84
  github.com/studio/matchmaker/squads.TestCrossRegion_Expands.func2()
      /src/matchmaker/squads/registry_test.go:66 +0x11b
==================
--- FAIL: TestCrossRegion_Expands (0.31s)
    testing.go:1398: race detected during execution of test
'''),
    ('matchmaker/squads/registry.go', r'''
package squads

import (
	"sync"
	"time"
)

type Registry struct {
	mu        sync.RWMutex
	squads    map[string]*Squad
	expansion map[string][]string // squadID -> regions currently searched
	neighbors map[string][]string
	now       func() time.Time
}

func (r *Registry) Add(s *Squad) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.squads[s.ID] = s
	r.expansion[s.ID] = []string{s.HomeRegion}
}

func (r *Registry) RegionsFor(squadID string) []string {
	r.mu.RLock()
	regions := r.expansion[squadID]
	r.mu.RUnlock()
	return regions
}

func (r *Registry) Expand(squadID string) {
	s := r.squads[squadID]
	if s == nil {
		return
	}
	cur := r.expansion[squadID]
	if len(cur) > 1 || r.now().Sub(s.QueuedAt) < 20*time.Second {
		return
	}
	for _, n := range r.neighbors[s.HomeRegion] {
		cur = append(cur, n)
	}
	r.expansion[squadID] = cur // line 58
}

func (r *Registry) tickExpansion() {
	r.mu.RLock()
	ids := make([]string, 0, len(r.squads))
	for id := range r.squads {
		ids = append(ids, id)
	}
	r.mu.RUnlock()
	for _, id := range ids {
		r.Expand(id) // line 77
	}
}
'''),
  ], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'performance-testing',
  'benchstat before/after my change to the MMR bucketing. did i make anything slower or allocate more? '
  'one line per benchmark is fine',
  files=[('bench/benchstat.txt', '''
goos: linux
goarch: amd64
pkg: github.com/studio/matchmaker/bucket
cpu: AMD EPYC 7R13 Processor
                      │  old.txt   │              new.txt               │
                      │   sec/op   │   sec/op     vs base               │
BucketFor-8             41.20n ± 1%   18.73n ± 2%  -54.54% (p=0.000 n=10)
FormGroups/100-8        88.41µ ± 2%   91.02µ ± 3%        ~ (p=0.143 n=10)
FormGroups/1000-8       1.012m ± 1%   1.384m ± 2%  +36.76% (p=0.000 n=10)
Rebucket-8              6.881µ ± 4%   6.702µ ± 3%        ~ (p=0.280 n=10)
geomean                 18.97µ        17.02µ       -10.28%

                      │  old.txt   │              new.txt               │
                      │    B/op    │    B/op      vs base               │
BucketFor-8             0.000 ± 0%    0.000 ± 0%        ~ (p=1.000 n=10) ¹
FormGroups/100-8        24.13Ki ± 0%  24.13Ki ± 0%        ~ (p=1.000 n=10) ¹
FormGroups/1000-8       241.9Ki ± 0%  388.4Ki ± 0%  +60.56% (p=0.000 n=10)
Rebucket-8              2.016Ki ± 0%  2.016Ki ± 0%        ~ (p=1.000 n=10) ¹
¹ all samples are equal
''')], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'security-scan',
  'privacy team says player emails and device ids are showing up in our log pipeline. this is the request '
  'logging middleware every C# service uses. find where it leaks PII and what it should redact',
  files=[('src/Shared/Logging/RequestLoggingMiddleware.cs', r'''
public sealed class RequestLoggingMiddleware
{
    private static readonly HashSet<string> RedactedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization" };
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestLoggingMiddleware> _log;

    public RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> log)
    {
        _next = next; _log = log;
    }

    public async Task InvokeAsync(HttpContext ctx)
    {
        var sw = Stopwatch.StartNew();
        ctx.Request.EnableBuffering();
        string body = "";
        if (ctx.Request.ContentLength is > 0 and < 64_000)
        {
            using var reader = new StreamReader(ctx.Request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync();
            ctx.Request.Body.Position = 0;
        }

        try
        {
            await _next(ctx);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Unhandled {Method} {Path}{Query} body={Body}",
                ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString, body);
            throw;
        }
        finally
        {
            var headers = ctx.Request.Headers
                .Where(h => !RedactedHeaders.Contains(h.Key))
                .ToDictionary(h => h.Key, h => h.Value.ToString());
            _log.LogInformation(
                "{Method} {Path}{Query} -> {Status} in {Ms}ms player={Player} ip={Ip} headers={@Headers}",
                ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString, ctx.Response.StatusCode,
                sw.ElapsedMilliseconds, ctx.User.FindFirst("sub")?.Value, ctx.Connection.RemoteIpAddress, headers);
        }
    }
}
''')], reqs=['we send X-Device-Id and X-Ad-Id headers from the client', 'guest login body has {"email": ..., "deviceId": ...}'],
  lang=None)

# ---------------------------------------------------------------------------------------------
# why: lots of backstory but the actual ask is comparing one number to one threshold -> simple
t('simple', 'quality-gate',
  'context: we pushed 3.9.2 to 10% of android yesterday after the gacha animation crash. the crash was only on '
  'mali GPUs, we swapped the shader variant, QA signed off on 14 devices, product is breathing down my neck '
  'because the summer event banner is tied to this build and marketing already scheduled the push notification '
  'for 17:00. the staged rollout rule is simple: crash-free users has to be >= 99.6% over 24h on the staged '
  'cohort before we go to 50%. crashlytics says 99.58% crash-free users for the cohort. do we go to 50% or not',
  lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'test-generation',
  'players are convinced their personal best got overwritten by a worse run during last weekend\'s event. write '
  'tests that actually hammer this with parallel submits and reads of the cached top list, i want to know if a '
  'best score can ever lose and if top-100 can go stale after a new record',
  files=[
    ('src/Leaderboard/LeaderboardService.cs', r'''
public sealed class LeaderboardService
{
    private const string SubmitScript = @"
local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if cur and tonumber(cur) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1";

    private readonly IDatabase _db;
    private readonly ITopCache _cache;

    public LeaderboardService(IDatabase db, ITopCache cache) { _db = db; _cache = cache; }

    public async Task<bool> SubmitAsync(string seasonId, string playerId, long score, string runId)
    {
        var res = (long)await _db.ScriptEvaluateAsync(SubmitScript,
            new RedisKey[] { $"lb:{seasonId}", $"lb:{seasonId}:runs" },
            new RedisValue[] { playerId, score, runId });
        if (res == 1)
            await _cache.InvalidateAsync(seasonId);
        return res == 1;
    }

    public async Task<IReadOnlyList<RankEntry>> TopAsync(string seasonId, int n = 100)
    {
        var cached = await _cache.GetAsync(seasonId);
        if (cached is not null) return cached.Take(n).ToList();

        var rows = await _db.SortedSetRangeByRankWithScoresAsync($"lb:{seasonId}", 0, 99, Order.Descending);
        var list = rows.Select((r, i) => new RankEntry(i + 1, r.Element!, (long)r.Score)).ToList();
        await _cache.SetAsync(seasonId, list, TimeSpan.FromSeconds(30));
        return list.Take(n).ToList();
    }
}
'''),
    ('src/Leaderboard/RedisTopCache.cs', r'''
public sealed class RedisTopCache : ITopCache
{
    private readonly IDatabase _db;
    public RedisTopCache(IDatabase db) => _db = db;

    public async Task<IReadOnlyList<RankEntry>?> GetAsync(string seasonId)
    {
        var raw = await _db.StringGetAsync($"lbcache:{seasonId}:top");
        return raw.IsNullOrEmpty ? null : JsonSerializer.Deserialize<List<RankEntry>>(raw!);
    }

    public Task SetAsync(string seasonId, IReadOnlyList<RankEntry> list, TimeSpan ttl) =>
        _db.StringSetAsync($"lbcache:{seasonId}:top", JsonSerializer.Serialize(list), ttl);

    public Task InvalidateAsync(string seasonId) => _db.KeyDeleteAsync($"lbcache:{seasonId}:top");
}
'''),
  ], reqs=['run against a real redis (testcontainers), not a mock', 'scores are "higher is better"'],
  fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
_err_log = lines(150, lambda i:
    f'2024-06-19T08:{i // 3:02d}:{(i * 23) % 60:02d}Z gateway '
    + (f'ERROR 502 POST /v1/match/result upstream=results-api err="upstream connect error or disconnect/reset before headers" rid=r{i:05d}'
       if i % 5 == 0 else
       f'ERROR 500 GET /v2/lb/s24-summer/around/p_{1000 + i} upstream=leaderboard-svc err="RedisTimeoutException" rid=r{i:05d}'
       if i % 7 == 0 else
       f'ERROR 429 POST /v1/auth/guest upstream=auth err="rate_limited" rid=r{i:05d}'
       if i % 11 == 0 else
       f'INFO  200 {["GET /v1/profile", "GET /v2/lb/s24-summer/top", "POST /v1/match/result", "GET /v1/store/offers"][i % 4]} dur_ms={(i * 37) % 250 + 8} rid=r{i:05d}'))
t('simple', 'defect-analysis',
  'gateway log from this morning, error rate alert fired at 08:20. which error shows up the most, on which '
  'endpoint, and roughly when did each start? don\'t need the why yet',
  files=[('logs/gateway-2024-06-19-0800.log', _err_log)], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'flaky-test-analysis',
  'EventStart_NotifiesConnectedPlayers in the gateway integration suite fails ~5% of runs: player never gets the '
  '"event started" push. it spins up events-svc and gateway against one redis. logs from a failing and a passing '
  'run + the relevant code',
  files=[
    ('ci/fail-run-7731.log', '''
12:00:00.004 [test]    starting events-svc, gateway (redis=redis:6379)
12:00:00.912 [events]  scheduler: event summer_bash armed for 12:00:01.000
12:00:00.930 [gateway] ws: player p_t1 connected, conn=c1
12:00:01.001 [events]  PUBLISH events:started {"id":"summer_bash","at":"12:00:01.000Z"} -> receivers=0
12:00:01.044 [gateway] redis: SUBSCRIBE events:started ok
12:00:06.005 [test]    FAIL: p_t1 did not receive event_started within 5s
'''),
    ('ci/pass-run-7732.log', '''
12:00:00.003 [test]    starting events-svc, gateway (redis=redis:6379)
12:00:00.820 [gateway] redis: SUBSCRIBE events:started ok
12:00:00.901 [events]  scheduler: event summer_bash armed for 12:00:01.000
12:00:00.925 [gateway] ws: player p_t1 connected, conn=c1
12:00:01.002 [events]  PUBLISH events:started {"id":"summer_bash","at":"12:00:01.000Z"} -> receivers=1
12:00:01.006 [gateway] push event_started -> c1
12:00:01.007 [test]    PASS
'''),
    ('src/Gateway/EventPushService.cs', r'''
public sealed class EventPushService : IHostedService
{
    private readonly IConnectionMultiplexer _redis; private readonly IConnectionHub _hub;
    public EventPushService(IConnectionMultiplexer redis, IConnectionHub hub) { _redis = redis; _hub = hub; }

    public Task StartAsync(CancellationToken ct)
    {
        _ = Task.Run(async () =>
        {
            await Task.Delay(100, ct);   // let the hub warm up
            await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("events:started"), (_, msg) =>
            {
                var e = JsonSerializer.Deserialize<EventStarted>(msg!)!;
                _hub.BroadcastAsync("event_started", e).GetAwaiter().GetResult();
            });
        }, ct);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
'''),
    ('src/Events/EventScheduler.cs', r'''
public sealed class EventScheduler
{
    private readonly IDatabase _db; private readonly ISubscriber _pub; private readonly TimeProvider _time;
    public EventScheduler(IDatabase db, ISubscriber pub, TimeProvider time) { _db = db; _pub = pub; _time = time; }

    public async Task ArmAsync(EventDef e, CancellationToken ct)
    {
        var wait = e.StartsAt - _time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct);
        await _db.StringSetAsync($"events:{e.Id}:state", "live");
        await _pub.PublishAsync(RedisChannel.Literal("events:started"),
            JsonSerializer.Serialize(new EventStarted(e.Id, e.StartsAt)));
    }
}
'''),
    ('tests/Gateway.IntegrationTests/EventStartTests.cs', r'''
[Fact]
public async Task EventStart_NotifiesConnectedPlayers()
{
    await using var stack = await TwoServiceStack.StartAsync();          // events-svc + gateway, shared redis
    var client = await stack.Gateway.ConnectAsync("p_t1");
    await stack.Events.ScheduleAsync(new EventDef("summer_bash", DateTimeOffset.UtcNow.AddSeconds(1)));
    var msg = await client.WaitForAsync("event_started", TimeSpan.FromSeconds(5));
    Assert.Equal("summer_bash", msg.Id);
}
'''),
  ], reqs=['i also want to know if this can happen in prod after a gateway deploy, not just in the test'],
  fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'coverage-analysis',
  'go cover output for the matchmaker after the cross-region squads change. where are the holes that matter? '
  'the expansion logic is what i\'m nervous about',
  files=[
    ('reports/cover-func.txt', '''
github.com/studio/matchmaker/bucket/bucket.go:12:        BucketFor               100.0%
github.com/studio/matchmaker/bucket/bucket.go:29:        Rebucket                91.7%
github.com/studio/matchmaker/squads/registry.go:18:      Add                     100.0%
github.com/studio/matchmaker/squads/registry.go:25:      Remove                  0.0%
github.com/studio/matchmaker/squads/registry.go:38:      RegionsFor              100.0%
github.com/studio/matchmaker/squads/expand.go:14:        ShouldExpand            62.5%
github.com/studio/matchmaker/squads/expand.go:33:        NextRegions             44.4%
github.com/studio/matchmaker/squads/expand.go:61:        pingPenalty             0.0%
github.com/studio/matchmaker/match/form.go:20:           FormGroups              87.0%
github.com/studio/matchmaker/match/form.go:71:           splitParty              0.0%
total:                                                   (statements)            78.3%
'''),
    ('matchmaker/squads/expand.go', r'''
package squads

import "time"

type ExpandPolicy struct {
	FirstAfter  time.Duration // expand to 1st neighbour ring after this wait
	SecondAfter time.Duration // expand to 2nd ring after this wait
	MaxPingMs   int
}

func (p ExpandPolicy) ShouldExpand(waited time.Duration, currentRings int, squadSize int) bool {
	if squadSize >= 4 && currentRings == 0 {
		return waited >= p.FirstAfter/2 // full squads expand sooner
	}
	switch currentRings {
	case 0:
		return waited >= p.FirstAfter
	case 1:
		return waited >= p.SecondAfter
	default:
		return false
	}
}

func (p ExpandPolicy) NextRegions(home string, rings int, graph map[string][]string, pings map[string]int) []string {
	seen := map[string]bool{home: true}
	frontier := []string{home}
	var out []string
	for r := 0; r < rings; r++ {
		var next []string
		for _, reg := range frontier {
			for _, n := range graph[reg] {
				if seen[n] {
					continue
				}
				seen[n] = true
				if pingPenalty(pings[n], p.MaxPingMs) < 0 {
					continue
				}
				out = append(out, n)
				next = append(next, n)
			}
		}
		frontier = next
	}
	return out
}

func pingPenalty(ping, max int) int {
	if ping == 0 {
		return 0 // unknown ping: allow
	}
	if ping > max {
		return -1
	}
	return (ping * 100) / max
}
'''),
  ], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
# why: ten-line test, the cause is plain probability (1% drop, 100 rolls, no seed) -> simple
t('simple', 'flaky-test-analysis',
  'this loot test fails like a third of the time and nobody knows why. it\'s tiny',
  files=[('tests/Loot.Tests/LootTableTests.cs', r'''
public class LootTableTests
{
    [Fact]
    public void Legendary_CanDrop()
    {
        var table = new LootTable(new Random(), new[] {
            new LootEntry("common", 0.79), new LootEntry("rare", 0.20), new LootEntry("legendary", 0.01) });

        var drops = Enumerable.Range(0, 100).Select(_ => table.Roll()).ToList();

        Assert.Contains("legendary", drops);
    }
}
''')], fw='xunit', lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'security-scan',
  'CS team is getting a new "make good" tool so agents can give gems to players after outages. this is the '
  'endpoint behind it. is it safe to expose to the support portal?',
  files=[
    ('src/Admin/GrantEndpoints.cs', r'''
public static class GrantEndpoints
{
    public static void Map(WebApplication app)
    {
        var g = app.MapGroup("/admin/v1").RequireAuthorization("staff");

        g.MapPost("/players/{playerId}/grant", async (string playerId, GrantRequest req, ClaimsPrincipal staff,
                                                     IWalletClient wallet, IAuditLog audit, CancellationToken ct) =>
        {
            var role = staff.FindFirstValue("role");
            var maxGrant = role switch { "cs_agent" => 500, "cs_lead" => 5_000, "liveops" => 100_000, _ => 0 };
            if (req.Amount > maxGrant) return Results.Forbid();

            var reference = req.Reference ?? $"makegood:{Guid.NewGuid()}";
            await wallet.CreditAsync(req.TargetPlayerId ?? playerId, req.Currency, req.Amount, reference, ct);
            await audit.WriteAsync(new AuditEntry(staff.Identity!.Name!, "grant", playerId, req.Amount, req.Note), ct);
            return Results.Ok();
        });

        g.MapPost("/grants/bulk", async (BulkGrantRequest req, ClaimsPrincipal staff, IWalletClient wallet,
                                         IAuditLog audit, CancellationToken ct) =>
        {
            if (staff.FindFirstValue("role") is not ("cs_lead" or "liveops")) return Results.Forbid();
            foreach (var p in req.PlayerIds)
                await wallet.CreditAsync(p, req.Currency, req.Amount, $"{req.Reference}:{p}", ct);
            await audit.WriteAsync(new AuditEntry(staff.Identity!.Name!, "bulk_grant", string.Join(',', req.PlayerIds.Take(5)),
                                                  req.Amount, req.Note), ct);
            return Results.Ok(new { count = req.PlayerIds.Count });
        });
    }
}

public sealed record GrantRequest(Currency Currency, int Amount, string? Reference, string? TargetPlayerId, string Note);
public sealed record BulkGrantRequest(Currency Currency, int Amount, string Reference, List<string> PlayerIds, string Note);
'''),
    ('src/Admin/AuthSetup.cs', r'''
public static class AuthSetup
{
    public static void AddStaffAuth(this IServiceCollection services, IConfiguration cfg)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = cfg["Staff:Issuer"];
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = false,
                    ValidateIssuer = true,
                    ValidateLifetime = true,
                    RoleClaimType = "role",
                };
            });
        services.AddAuthorization(o =>
            o.AddPolicy("staff", p => p.RequireAuthenticatedUser().RequireClaim("email")));
    }
}
'''),
  ], reqs=['players log in with tokens from the same identity provider (different client id)'], lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'flaky-test-analysis',
  'web store checkout e2e is flaky on CI only (headless chromium), passes locally every time. trace summary + '
  'spec attached',
  files=[
    ('e2e/checkout.spec.ts', r'''
import { test, expect } from '@playwright/test';

test('buy gem pack with saved card', async ({ page }) => {
  await page.goto('/store?region=EU');
  await page.getByTestId('login-guest').click();
  await page.waitForTimeout(500);

  await page.locator('.offer-card').filter({ hasText: '500 Gems' }).click();
  await page.locator('#buy-button').click();

  await page.waitForSelector('.payment-sheet');
  await page.locator('.saved-card').first().click();
  await page.locator('#confirm').click();

  await expect(page.locator('.toast')).toHaveText('Purchase complete!');
  const balance = await page.locator('[data-testid="gem-balance"]').innerText();
  expect(Number(balance.replace(/,/g, ''))).toBeGreaterThanOrEqual(500);
});
'''),
    ('e2e/trace-summary-run-8812.txt', '''
✘ checkout.spec.ts:3:5 › buy gem pack with saved card (retry #0) 11.2s
   Error: locator.click: Element is not stable - waiting for element to stop moving
     - waiting for locator('#buy-button')
     - element is visible, enabled and stable... retrying
     - <div class="offer-modal offer-modal--entering">...</div> intercepts pointer events
   Timeout 10000ms exceeded.
✓ checkout.spec.ts:3:5 › buy gem pack with saved card (retry #1) 6.4s

Other failures in the last 30 runs (same test):
  4x  Element is not stable ... #buy-button
  2x  expect(locator).toHaveText: received "Processing…"   (.toast)
  1x  expect(received).toBeGreaterThanOrEqual(500)  received: 0
'''),
    ('playwright.config.ts', r'''
import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: 'e2e',
  retries: process.env.CI ? 1 : 0,
  use: { baseURL: process.env.STORE_URL ?? 'http://localhost:5173', trace: 'on-first-retry' },
  workers: process.env.CI ? 4 : 1,
});
'''),
  ], fw='playwright', lang='typescript')

# ---------------------------------------------------------------------------------------------
t('simple', 'coverage-analysis',
  'leaderboard-svc coverage this sprint vs last sprint. which classes went down and by how much?',
  files=[
    ('reports/lb-coverage-sprint41.csv', '''class,line_pct,branch_pct
Leaderboard.LeaderboardService,88.1,74.0
Leaderboard.RedisTopCache,100.0,100.0
Leaderboard.DailyBoard,71.4,50.0
Leaderboard.SeasonRollover,63.0,41.7
Leaderboard.RankMapper,95.2,90.0
Leaderboard.AroundMeQuery,80.0,66.7
'''),
    ('reports/lb-coverage-sprint42.csv', '''class,line_pct,branch_pct
Leaderboard.LeaderboardService,84.6,70.8
Leaderboard.RedisTopCache,100.0,100.0
Leaderboard.DailyBoard,71.4,50.0
Leaderboard.SeasonRollover,52.2,33.3
Leaderboard.RankMapper,95.2,90.0
Leaderboard.AroundMeQuery,86.7,75.0
Leaderboard.FriendsBoard,40.0,25.0
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
# why: the hard part is a hot sorted set under 200k concurrent writers plus rank reads; designing that test needs contention reasoning -> complex
t('complex', 'performance-testing',
  'weekend boss event = one global leaderboard, everyone hitting it at the same time when the boss dies. '
  'last time ZADD p99 went to 40ms and reads timed out. before we ship the sharded version i want a test that '
  'proves it holds at 200k players finishing within ~60s. how would you build that?',
  files=[
    ('src/Leaderboard/ShardedBoard.cs', r'''
public sealed class ShardedBoard
{
    private readonly IDatabase _db;
    private readonly int _shards;
    public ShardedBoard(IDatabase db, int shards = 16) { _db = db; _shards = shards; }

    private string ShardKey(string eventId, string playerId) =>
        $"lb:{{{eventId}}}:{(uint)playerId.GetHashCode() % _shards}";

    public Task SubmitAsync(string eventId, string playerId, long damage) =>
        _db.SortedSetAddAsync(ShardKey(eventId, playerId), playerId, damage, SortedSetWhen.GreaterThan);

    public async Task<long?> RankAsync(string eventId, string playerId)
    {
        var score = await _db.SortedSetScoreAsync(ShardKey(eventId, playerId), playerId);
        if (score is null) return null;
        long above = 0;
        for (var s = 0; s < _shards; s++)
            above += await _db.SortedSetLengthAsync($"lb:{{{eventId}}}:{s}", score.Value, double.PositiveInfinity, Exclude.Start);
        return above + 1;
    }

    public async Task<IReadOnlyList<(string Player, long Damage)>> TopAsync(string eventId, int n)
    {
        var all = new List<(string, long)>();
        for (var s = 0; s < _shards; s++)
        {
            var rows = await _db.SortedSetRangeByRankWithScoresAsync($"lb:{{{eventId}}}:{s}", 0, n - 1, Order.Descending);
            all.AddRange(rows.Select(r => ((string)r.Element!, (long)r.Score)));
        }
        return all.OrderByDescending(x => x.Item2).Take(n).ToList();
    }
}
'''),
    ('grafana/boss-event-2024-05-25.txt', '''
lb-redis (cluster, 6 shards)   ops/s peak 212k   shard-3 cpu 97% (others 18-30%)
ZADD p99 40.2ms   ZREVRANK p99 95ms   client timeouts (StackExchange.Redis) 3,412 in 90s
leaderboard-svc pods 8 -> 24 (HPA), thread pool starvation warnings on 11 pods
boss death 20:00:03 UTC, 187k damage submits between 20:00:03 and 20:01:10
'''),
  ], fw='k6', lang='javascript')

# ---------------------------------------------------------------------------------------------
t('medium', 'defect-analysis',
  'event config upload from the live-ops tool fails for some regions but not others, same file otherwise. '
  'parser + the error we get. what\'s breaking?',
  files=[
    ('src/Events/EventConfigParser.cs', r'''
public static class EventConfigParser
{
    public static EventConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var cfg = new EventConfig
        {
            Id = root.GetProperty("id").GetString()!,
            Name = root.GetProperty("name").GetString()!,
        };

        foreach (var r in root.GetProperty("regions").EnumerateArray())
        {
            var tzId = r.GetProperty("tz").GetString()!;
            var start = DateTime.ParseExact(r.GetProperty("start").GetString()!, "yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);
            var end = DateTime.ParseExact(r.GetProperty("end").GetString()!, "yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);
            var multiplier = decimal.Parse(r.GetProperty("xpMultiplier").GetString()!);
            var tz = TimeZoneInfo.FindSystemTimeZoneById(tzId);

            cfg.Regions.Add(new RegionWindow(
                r.GetProperty("code").GetString()!,
                TimeZoneInfo.ConvertTimeToUtc(start, tz),
                TimeZoneInfo.ConvertTimeToUtc(end, tz),
                multiplier));
        }
        return cfg;
    }
}
'''),
    ('logs/liveops-upload-errors.txt', '''
2024-06-19T10:02:41Z events-admin pod=events-admin-2 culture=de-DE upload summer_bash_2024.json
  region=NA   ok
  region=EU   ok
  region=BR   System.FormatException: The input string '1.5' was not in a correct format.
  region=OCE  System.ArgumentException: The supplied DateTime represents an invalid time.
               For example, when the clock is adjusted forward, any time in the period that is skipped is invalid.
2024-06-19T10:05:12Z events-admin pod=events-admin-0 culture=en-US upload summer_bash_2024.json
  region=NA ok  region=EU ok  region=BR ok
  region=OCE  System.ArgumentException: The supplied DateTime represents an invalid time.
'''),
    ('config/summer_bash_2024.json', '''
{ "id": "summer_bash_2024", "name": "Summer Bash",
  "regions": [
    { "code": "NA",  "tz": "America/Los_Angeles", "start": "2024-06-28 04:00", "end": "2024-07-08 04:00", "xpMultiplier": "2" },
    { "code": "EU",  "tz": "Europe/Berlin",       "start": "2024-06-28 04:00", "end": "2024-07-08 04:00", "xpMultiplier": "2" },
    { "code": "BR",  "tz": "America/Sao_Paulo",   "start": "2024-06-28 04:00", "end": "2024-07-08 04:00", "xpMultiplier": "1.5" },
    { "code": "OCE", "tz": "Australia/Sydney",    "start": "2024-09-25 04:00", "end": "2024-10-06 02:30", "xpMultiplier": "2" }
  ] }
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
# why: plain wording, but answering it means modelling a tick-based matcher under rising concurrent load and finding the first bottleneck -> complex
t('complex', 'performance-testing',
  'simple question that\'s probably not simple: how many players can one matchmaker pod handle before queue '
  'times go bad, and what gives out first? we guessed 2k per pod for capacity planning and i don\'t trust it',
  files=[
    ('grafana/mm-pod-week.txt', '''
pod mm-2, last 7d peaks:   queued 2,640   cpu 88%   heap 1.9GiB   gc pause p99 41ms
  redis round trips per tick: 3 + 1 per ticket (GET mm:ticket:*)   tick interval 500ms   tick duration p99 470ms
  median wait 11s  p95 wait 58s at the 2,640 peak (target p95 < 30s)
pod mm-0, last 7d peaks:   queued 1,910   cpu 61%   tick duration p99 210ms   p95 wait 24s
'''),
    ('matchmaker/README.md', '''
Each pod owns a region shard. Every 500ms: load up to 200 tickets (oldest first) from mm:queue:<region>,
form groups, allocate a server from Agones (HTTP, ~40ms), write assignments. Tickets beyond the first 200
wait for the next tick. Cross-region squads read from 2 shards.
'''),
  ], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'test-generation',
  'go table tests for pickRegion pls. ties and the empty map are the bits i care about',
  files=[('matchmaker/region/pick.go', r'''
package region

// PickRegion returns the region with the lowest ping. If the preferred region is within
// toleranceMs of the best ping, the preferred region wins. Pings <= 0 are ignored (not measured).
// Returns "" if no usable ping exists.
func PickRegion(pings map[string]int, preferred string, toleranceMs int) string {
	best, bestPing := "", 0
	for r, p := range pings {
		if p <= 0 {
			continue
		}
		if best == "" || p < bestPing || (p == bestPing && r < best) {
			best, bestPing = r, p
		}
	}
	if best == "" {
		return ""
	}
	if pp, ok := pings[preferred]; ok && pp > 0 && pp-bestPing <= toleranceMs {
		return preferred
	}
	return best
}
''')], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'test-execution',
  'run the leaderboard go integration tests (they\'re behind the integration build tag and want a redis). '
  'report what passes/fails, and if something fails because of setup rather than code say so',
  files=[
    ('leaderboard-go/Makefile', '''
REDIS_ADDR ?= localhost:6379

test:
\tgo test ./...

test-integration:
\tREDIS_ADDR=$(REDIS_ADDR) go test -tags=integration -count=1 -p 1 ./internal/...

redis-up:
\tdocker run -d --rm --name lb-redis -p 6379:6379 redis:7.2 --save "" --appendonly no
'''),
    ('leaderboard-go/internal/board/board_integration_test.go', r'''
//go:build integration

package board

import (
	"context"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

func newTestBoard(t *testing.T) *Board {
	t.Helper()
	addr := os.Getenv("REDIS_ADDR")
	if addr == "" {
		t.Skip("REDIS_ADDR not set")
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr, DB: 3})
	t.Cleanup(func() { rdb.FlushDB(context.Background()); rdb.Close() })
	return New(rdb, "test-season")
}

func TestSubmit_KeepsBest(t *testing.T) {
	b := newTestBoard(t)
	ctx := context.Background()
	_ = b.Submit(ctx, "p1", 100)
	_ = b.Submit(ctx, "p1", 80)
	got, _ := b.Score(ctx, "p1")
	if got != 100 {
		t.Fatalf("want 100 got %d", got)
	}
}

func TestAround_ClampsAtTop(t *testing.T) {
	b := newTestBoard(t)
	ctx := context.Background()
	for i, p := range []string{"a", "b", "c", "d"} {
		_ = b.Submit(ctx, p, int64(100-i))
	}
	rows, err := b.Around(ctx, "a", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Player != "a" {
		t.Fatalf("unexpected rows %+v", rows)
	}
}
'''),
  ], fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'coverage-analysis',
  'lcov from the web store (the browser one players use for cheaper gem packs). cart + checkout is where the '
  'money is, where are we exposed?',
  files=[
    ('coverage/lcov-summary.txt', '''
File                      | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
--------------------------|---------|----------|---------|---------|-------------------
src/cart/cart.ts          |   91.3  |   72.2   |  100    |   91.1  | 41-44
src/cart/promo.ts         |   58.8  |   40.0   |   66.6  |   58.8  | 18-22,30-35
src/checkout/checkout.ts  |   70.4  |   55.5   |   80.0  |   70.0  | 27-31,48-55
src/ui/Toast.tsx          |  100    |  100     |  100    |  100    |
'''),
    ('src/cart/promo.ts', r'''
export interface Promo { code: string; percentOff?: number; flatOffCents?: number; minCartCents?: number; expiresAt: string }

export function applyPromo(totalCents: number, promo: Promo | null, now = new Date()): number {
  if (!promo) return totalCents;
  if (new Date(promo.expiresAt) <= now) return totalCents;
  if (promo.minCartCents && totalCents < promo.minCartCents) return totalCents;

  let discounted = totalCents;
  if (promo.percentOff) {
    discounted = Math.round(totalCents * (1 - promo.percentOff / 100));   // 18-22
  }
  if (promo.flatOffCents) {
    discounted -= promo.flatOffCents;
  }
  if (discounted < 0) {
    return 0;                                                             // 30-35
  }
  return discounted;
}
'''),
    ('src/checkout/checkout.ts', r'''
import { applyPromo, Promo } from '../cart/promo';
import type { Cart } from '../cart/cart';

export type CheckoutResult = { status: 'ok'; orderId: string } | { status: 'error'; reason: string };

export async function checkout(cart: Cart, promo: Promo | null, api: StoreApi): Promise<CheckoutResult> {
  if (cart.items.length === 0) return { status: 'error', reason: 'empty' };
  const total = applyPromo(cart.totalCents(), promo);

  const quote = await api.quote(cart.items.map(i => i.sku), promo?.code);
  if (quote.totalCents !== total) {
    return { status: 'error', reason: 'price_mismatch' };            // 27-31
  }

  let intent;
  try {
    intent = await api.createPaymentIntent(quote.quoteId);
  } catch (e) {
    return { status: 'error', reason: 'payment_unavailable' };
  }

  const result = await api.confirm(intent.id);
  if (result.state === 'requires_action') {
    const ok = await api.handle3ds(intent.id);                         // 48-55
    if (!ok) return { status: 'error', reason: '3ds_failed' };
  } else if (result.state !== 'succeeded') {
    return { status: 'error', reason: result.state };
  }
  return { status: 'ok', orderId: quote.quoteId };
}
'''),
  ], fw='vitest', lang='typescript')

# ---------------------------------------------------------------------------------------------
t('medium', 'quality-gate',
  'matchmaker PR #1182 (cross-region squads) - run it past the merge gate. metrics below, gate rules in the yaml',
  files=[
    ('ci/merge-gate-matchmaker.yaml', '''
rules:
  - metric: coverage_total_pct
    op: ">="
    value: 75
  - metric: coverage_delta_pct
    op: ">="
    value: -1.0
  - metric: mutation_score_changed_pkgs
    op: ">="
    value: 60
  - metric: flaky_rate_30d_pct        # tests that flipped without code change / total tests
    op: "<="
    value: 2
  - metric: race_detector_failures
    op: "=="
    value: 0
  - metric: p95_match_form_ms         # from the 10k-ticket benchmark
    op: "<="
    value: 35
allow_override_by: ["@matchmaking-leads"]
'''),
    ('ci/pr-1182-metrics.json', '''
{
  "coverage": { "base_total_pct": 79.6, "pr_total_pct": 78.3 },
  "mutation": { "packages": { "squads": { "killed": 47, "survived": 38, "timeout": 3 }, "bucket": { "killed": 61, "survived": 9, "timeout": 0 } } },
  "flaky": { "window_days": 30, "total_tests": 412, "flipped_tests": 7 },
  "race": { "runs": 3, "failures": 1, "note": "TestCrossRegion_Expands" },
  "bench": { "p95_match_form_ms": 33.9 },
  "overrides": []
}
'''),
  ], reqs=['count timeouts as killed for mutation score', 'say which rule blocks and what would unblock it'],
  fw='go test', lang=None)

# ---------------------------------------------------------------------------------------------
t('simple', 'security-scan',
  'output of dotnet list package --vulnerable for the store solution. which ones are High or Critical and '
  'what version fixes them? i\'ll do the bumps',
  files=[('ci/vulnerable-packages.txt', '''
The following sources were used:
   https://api.nuget.org/v3/index.json

Project `Store.Api` has the following vulnerable packages
   [net8.0]:
   Top-level Package                        Requested   Resolved   Severity   Advisory URL
   > System.Text.Json                       8.0.0       8.0.0      High       https://github.com/advisories/GHSA-hh2w-p6rv-4g7w
   > Npgsql                                 8.0.2       8.0.2      High       https://github.com/advisories/GHSA-x9vc-6hfv-hg8c
   > Microsoft.IdentityModel.JsonWebTokens  7.0.3       7.0.3      Moderate   https://github.com/advisories/GHSA-59j7-ghrg-fj52

   Transitive Package                       Resolved   Severity   Advisory URL
   > System.Formats.Asn1                    5.0.0      High       https://github.com/advisories/GHSA-447r-wph3-92pm
   > Azure.Identity                         1.10.0     Moderate   https://github.com/advisories/GHSA-wvxc-855f-jvrv

Project `Store.Webhooks` has the following vulnerable packages
   [net8.0]:
   Top-level Package                        Requested   Resolved   Severity   Advisory URL
   > Newtonsoft.Json                        12.0.1      12.0.1     High       https://github.com/advisories/GHSA-5crp-9r3c-p9vr
''')], reqs=['if the fixed version isn\'t in the output just say "check advisory"'], lang=None)

# ---------------------------------------------------------------------------------------------
t('complex', 'defect-analysis',
  'season rollover last night: ~600 players show the wrong rank on the new season board, some show last '
  'season\'s score. happened on both leaderboard pods. logs and the rollover job attached',
  files=[
    ('logs/lb-pod-a-rollover.log', '''
2024-07-01T00:00:00.013Z lb-pod-a rollover: acquired lock lb:rollover:lock (ttl 30s)
2024-07-01T00:00:00.015Z lb-pod-a rollover: RENAME lb:s24 -> lb:s24:final
2024-07-01T00:00:28.870Z lb-pod-a rollover: archiving 1,204,331 entries to postgres (batch 5000)...
2024-07-01T00:00:41.202Z lb-pod-a rollover: archive done
2024-07-01T00:00:41.210Z lb-pod-a rollover: SET lb:current s25
2024-07-01T00:00:41.215Z lb-pod-a rollover: released lock
'''),
    ('logs/lb-pod-b-rollover.log', '''
2024-07-01T00:00:00.021Z lb-pod-b rollover: lock held by other pod, skipping
2024-07-01T00:00:30.019Z lb-pod-b rollover(retry): acquired lock lb:rollover:lock (ttl 30s)
2024-07-01T00:00:30.022Z lb-pod-b rollover: RENAME lb:s24 -> lb:s24:final  ERR no such key (ignored)
2024-07-01T00:00:30.024Z lb-pod-b rollover: SET lb:current s25
2024-07-01T00:00:30.025Z lb-pod-b rollover: released lock
2024-07-01T00:00:31.300Z lb-pod-b submit: season=s25 player=p_771 score=880
2024-07-01T00:00:41.213Z lb-pod-a rollover: released lock   (seen via keyspace notification)
'''),
    ('src/Leaderboard/SeasonRollover.cs', r'''
public sealed class SeasonRollover
{
    private readonly IDatabase _db; private readonly IArchive _archive; private readonly ILogger _log;
    public SeasonRollover(IDatabase db, IArchive archive, ILogger<SeasonRollover> log) { _db = db; _archive = archive; _log = log; }

    public async Task RunAsync(string from, string to, CancellationToken ct)
    {
        if (!await _db.LockTakeAsync("lb:rollover:lock", Environment.MachineName, TimeSpan.FromSeconds(30)))
        {
            _log.LogInformation("lock held by other pod, skipping");
            return;
        }
        try
        {
            try { await _db.KeyRenameAsync($"lb:{from}", $"lb:{from}:final"); }
            catch (RedisServerException ex) when (ex.Message.Contains("no such key")) { }

            await _archive.CopyAsync($"lb:{from}:final", ct);

            // carry-over: top 1000 of last season get a head start of 10% of their score
            var top = await _db.SortedSetRangeByRankWithScoresAsync($"lb:{from}:final", 0, 999, Order.Descending);
            foreach (var e in top)
                await _db.SortedSetAddAsync($"lb:{to}", e.Element, Math.Floor(e.Score * 0.1), SortedSetWhen.NotExists);

            await _db.StringSetAsync("lb:current", to);
        }
        finally
        {
            await _db.KeyDeleteAsync("lb:rollover:lock");
        }
    }
}
'''),
    ('src/Leaderboard/SubmitHandler.cs', r'''
public sealed class SubmitHandler
{
    private readonly IDatabase _db;
    public SubmitHandler(IDatabase db) => _db = db;

    public async Task HandleAsync(string playerId, long score)
    {
        var season = (string?)await _db.StringGetAsync("lb:current") ?? "s24";
        await _db.SortedSetAddAsync($"lb:{season}", playerId, score, SortedSetWhen.GreaterThan);
    }
}
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
# why: config review across 2 files with no auth or crypto code to reason about -> medium
t('medium', 'security-scan',
  'infra wants a security pass on the leaderboard service deploy before it goes multi-region. Dockerfile + k8s '
  'manifest, anything sketchy?',
  files=[
    ('deploy/leaderboard/Dockerfile', '''
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Leaderboard/Leaderboard.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /app
COPY --from=build /out .
COPY .env /app/.env
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080 9090
ENTRYPOINT ["dotnet", "Leaderboard.dll"]
'''),
    ('deploy/leaderboard/k8s.yaml', '''
apiVersion: apps/v1
kind: Deployment
metadata: { name: leaderboard-svc, namespace: game }
spec:
  replicas: 8
  selector: { matchLabels: { app: leaderboard-svc } }
  template:
    metadata: { labels: { app: leaderboard-svc } }
    spec:
      containers:
        - name: app
          image: registry.studio.internal/leaderboard-svc:latest
          ports: [{ containerPort: 8080 }, { containerPort: 9090, name: debug }]
          env:
            - { name: Redis__Connection, value: "lb-redis.game.svc:6379" }
            - { name: Admin__ResetToken, value: "FAKE-reset-token-0000" }
          securityContext: { privileged: true }
          resources: { limits: { memory: 1Gi } }
---
apiVersion: v1
kind: Service
metadata: { name: leaderboard-svc, namespace: game }
spec:
  type: LoadBalancer
  selector: { app: leaderboard-svc }
  ports: [{ port: 80, targetPort: 8080 }, { port: 9090, targetPort: 9090 }]
'''),
  ], lang=None)

# ---------------------------------------------------------------------------------------------
t('medium', 'performance-testing',
  'wallet writes a ledger row as json for every transaction and the serializer shows up in profiles. write me a '
  'BenchmarkDotNet suite comparing the current one with a System.Text.Json source-gen version, small and big '
  'payloads (bundle grants have ~40 items)',
  files=[('src/Economy/LedgerSerializer.cs', r'''
public sealed record LedgerItem(string Sku, int Qty);
public sealed record LedgerRow(long Id, string PlayerId, Currency Currency, long Delta, string Reference,
                               DateTimeOffset At, IReadOnlyList<LedgerItem>? Items, Dictionary<string, string>? Meta);

public static class LedgerSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(LedgerRow row) => JsonSerializer.Serialize(row, Options);

    public static LedgerRow Deserialize(string json) =>
        JsonSerializer.Deserialize<LedgerRow>(json, Options) ?? throw new InvalidDataException("null ledger row");

    public static byte[] SerializeUtf8(LedgerRow row) => JsonSerializer.SerializeToUtf8Bytes(row, Options);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
                             DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                             UseStringEnumConverter = true)]
[JsonSerializable(typeof(LedgerRow))]
public partial class LedgerJsonContext : JsonSerializerContext { }
''')], reqs=['include allocations (MemoryDiagnoser)', 'check both variants produce identical json before benchmarking'],
  fw='BenchmarkDotNet', lang=None)
