from lib import t, lines

# Fresh evaluation batch g, written to the rubric in docs/tasks.md (tiers = the cheapest model tier that
# reliably does the task well). Persona: an application-security engineer who reviews other teams' work
# (threat models, SAST/DAST output, dependency audits, secrets scanning) and also asks for tests, runs and
# gates. Domains: payments, healthcare portals, IoT firmware update servers, HR, e-commerce, internal admin.
# Languages: Java, Go, Python, TypeScript, PHP, C#, Terraform, Kubernetes YAML, nginx config.

# =============================================================================================================
# simple
# =============================================================================================================

t('simple', 'test-generation', "For the dependency-audit tool: please write pytest cases for cvss_to_severity, one per qualitative band plus the exact boundaries (0.0, 0.1, 3.9, 4.0, 6.9, 7.0, 8.9, 9.0, 10.0) and the two out-of-range inputs.", [('secaudit/severity.py', '''
def cvss_to_severity(score: float) -> str:
    """Map a CVSS v3.1 base score to its qualitative rating."""
    if score < 0.0 or score > 10.0:
        raise ValueError(f"CVSS score out of range: {score}")
    if score == 0.0:
        return "None"
    if score < 4.0:
        return "Low"
    if score < 7.0:
        return "Medium"
    if score < 9.0:
        return "High"
    return "Critical"
''')], fw='pytest', lang=None)

# why: a 100+ line file, but converting JUnit 4 annotations and assertions to JUnit 5 is mechanical.
t('simple', 'test-generation', "The HR payroll team is finally dropping JUnit 4. Convert PayslipFormatterTest to JUnit 5 (Jupiter annotations, assertThrows instead of expected=, Assertions imports); the test cases themselves must stay exactly as they are.", [('src/test/java/com/acme/hr/payroll/PayslipFormatterTest.java', '''
package com.acme.hr.payroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.Before;
import org.junit.Test;

public class PayslipFormatterTest {

    private PayslipFormatter formatter;

    @Before
    public void setUp() {
        formatter = new PayslipFormatter(Locale.UK);
    }

''' + lines(28, lambda i: f'''    @Test
    public void formatsAmount{i:02d}() {{
        assertEquals("\u00a3{(i + 1) * 137.5:,.2f}", formatter.money(new BigDecimal("{(i + 1) * 137.5:.2f}")));
    }}
''') + '''
    @Test(expected = IllegalArgumentException.class)
    public void rejectsNegativeAmounts() {
        formatter.money(new BigDecimal("-0.01"));
    }

    @Test
    public void redactsNationalInsuranceNumber() {
        assertTrue(formatter.redactNi("QQ123456C").endsWith("56C"));
    }
}
''')], fw='junit5', lang=None)

t('simple', 'test-execution', "Please re-run `go test ./internal/sbom/... -count=1` on current main of the dependency-audit service and report pass or fail per package. No investigation needed at this stage.", [], fw='go test', lang=None)

t('simple', 'test-execution', "Attached is last night's pytest log from the claims API of the healthcare portal. List the failing test ids, each with its one-line error from the short summary.", [('reports/pytest-nightly.log', '''
============================= test session starts ==============================
platform linux -- Python 3.11.6, pytest-7.4.3, pluggy-1.3.0
rootdir: claims-api
plugins: cov-4.1.0, xdist-3.5.0
collected 140 items

''' + lines(140, lambda i: f"tests/{['test_claims', 'test_eligibility', 'test_pharmacy', 'test_referrals'][i % 4]}.py::test_case_{i:03d} {'FAILED' if i in (17, 58, 91, 133) else 'PASSED'} [{(i + 1) * 100 // 140:3d}%]") + '''

=========================== short test summary info ============================
FAILED tests/test_eligibility.py::test_case_017 - AssertionError: assert 'PENDING' == 'APPROVED'
FAILED tests/test_referrals.py::test_case_058 - KeyError: 'referring_npi'
FAILED tests/test_referrals.py::test_case_091 - sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly
FAILED tests/test_eligibility.py::test_case_133 - AssertionError: assert 404 == 200
================== 4 failed, 136 passed in 41.27s ==================
''')], fw='pytest', lang=None)

t('simple', 'test-execution', "Run tests/e2e/login.spec.ts of the HR self-service portal on the chromium project only and send me the summary line (passed / failed / skipped).", [], fw='playwright')

t('simple', 'coverage-analysis', "From the JaCoCo CSV of the admin console, list every class that has zero covered lines, package-qualified, one per line.", [('target/site/jacoco/jacoco.csv', 'GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n' + lines(72, lambda i: (lambda pkg, cls, zero: f"admin-console,com.acme.admin.{pkg},{cls},{40 + i * 3 if zero else 5 + i % 9},{0 if zero else 60 + i * 4},{2 + i % 4 if zero else i % 3},{0 if zero else 4 + i % 6},{12 + i % 7 if zero else 1 + i % 4},{0 if zero else 15 + i % 11},{3 + i % 3 if zero else i % 2},{0 if zero else 5 + i % 5},{2 + i % 3 if zero else i % 2},{0 if zero else 3 + i % 4}")(['users', 'audit', 'billing', 'reports', 'settings', 'tenants'][i % 6], ['users', 'audit', 'billing', 'reports', 'settings', 'tenants'][i % 6].capitalize() + ['Controller', 'Service', 'Repository', 'Mapper', 'Validator', 'Exporter'][(i // 6) % 6] + ('V2' if i >= 36 else ''), i % 11 == 3)))], lang=None)

t('simple', 'coverage-analysis', "Below is `go tool cover -func` for the webhook relay. Give me a small table of the functions under 50%, lowest first.", [('coverage/func.txt', '''
github.com/acme/webhook-relay/internal/relay/config.go:24:      Load                    92.3%
github.com/acme/webhook-relay/internal/relay/config.go:61:      validate                100.0%
github.com/acme/webhook-relay/internal/relay/dispatch.go:18:    NewDispatcher           100.0%
github.com/acme/webhook-relay/internal/relay/dispatch.go:40:    Dispatch                71.4%
github.com/acme/webhook-relay/internal/relay/dispatch.go:97:    backoff                 40.0%
github.com/acme/webhook-relay/internal/relay/dispatch.go:121:   deadLetter              0.0%
github.com/acme/webhook-relay/internal/relay/metrics.go:12:     init                    100.0%
github.com/acme/webhook-relay/internal/relay/metrics.go:30:     observe                 66.7%
github.com/acme/webhook-relay/internal/relay/store.go:22:       Enqueue                 83.3%
github.com/acme/webhook-relay/internal/relay/store.go:58:       Claim                   45.5%
github.com/acme/webhook-relay/internal/relay/store.go:101:      Ack                     100.0%
github.com/acme/webhook-relay/internal/relay/store.go:119:      purgeExpired            12.5%
total:                                                          (statements)            68.9%
''')], fw='go test', lang=None)

t('simple', 'coverage-analysis', "Storefront coverage summary attached. Per directory, how many files have 100% line coverage? A count per directory is all I need.", [('coverage/coverage-summary.txt', '''
File                              | % Stmts | % Branch | % Funcs | % Lines
----------------------------------|---------|----------|---------|--------
src/cart/addItem.ts               |     100 |      100 |     100 |     100
src/cart/removeItem.ts            |     100 |     87.5 |     100 |     100
src/cart/totals.ts                |   94.11 |    83.33 |     100 |   93.75
src/checkout/address.ts           |   88.23 |       75 |     100 |   88.23
src/checkout/payment.ts           |   71.42 |       50 |      80 |   70.58
src/checkout/review.ts            |     100 |      100 |     100 |     100
src/catalog/search.ts             |   64.28 |    41.66 |   66.66 |   63.63
src/catalog/filters.ts            |     100 |      100 |     100 |     100
src/catalog/sort.ts               |     100 |      100 |     100 |     100
src/account/orders.ts             |   82.35 |    66.66 |     100 |   81.25
src/account/profile.ts            |     100 |      100 |     100 |     100
src/account/wishlist.ts           |   57.14 |       25 |      50 |   57.14
''')], fw='vitest')

t('simple', 'quality-gate', "Secrets gate for the payments SDK release: the rule is zero new findings outside the baseline. gitleaks on the release branch reports 0 new findings, 3 baselined and 1 allowlisted test fixture. Does it pass?", [], lang=None)

t('simple', 'quality-gate', "The IoT update-server project has two hard conditions on new code: duplicated lines density below 3.0% and security hotspots reviewed at 100%. The measures export from the analyser is attached; state pass or fail for each condition and overall.", [('reports/measures.json', '''
{
  "component": "acme:ota-update-server",
  "branch": "release/4.2",
  "measures": [
    {"metric": "new_coverage", "period": {"value": "84.7"}},
    {"metric": "new_lines_to_cover", "period": {"value": "612"}},
    {"metric": "new_uncovered_lines", "period": {"value": "94"}},
    {"metric": "new_duplicated_lines_density", "period": {"value": "2.4"}},
    {"metric": "new_duplicated_blocks", "period": {"value": "3"}},
    {"metric": "new_bugs", "period": {"value": "1"}},
    {"metric": "new_vulnerabilities", "period": {"value": "0"}},
    {"metric": "new_security_hotspots", "period": {"value": "5"}},
    {"metric": "new_security_hotspots_reviewed", "period": {"value": "80.0"}},
    {"metric": "new_code_smells", "period": {"value": "27"}},
    {"metric": "new_technical_debt", "period": {"value": "185"}},
    {"metric": "new_maintainability_rating", "period": {"value": "1.0"}},
    {"metric": "new_reliability_rating", "period": {"value": "3.0"}},
    {"metric": "new_security_rating", "period": {"value": "1.0"}}
  ]
}
''')], lang=None)

# why: 120 CSV rows, but counting pass/fail flips per test is bookkeeping, not diagnosis.
t('simple', 'flaky-test-analysis', "Here is the CI history export for the e-commerce API suite. Count, per test, how many times its status flipped between consecutive runs, and give me the five tests with the most flips.", [('ci/test-history.csv', 'run_id,test,status\n' + lines(120, lambda i: f"{5100 + i // 6},{['cart_merge_guest_session', 'checkout_applies_vat', 'inventory_reserve_release', 'search_facets_counts', 'order_email_enqueued', 'refund_partial_amount'][i % 6]},{'fail' if ((i // 6) * (i % 6 + 1)) % (i % 6 + 3) == 0 and i % 6 in (0, 2, 4, 5) else 'pass'}"))], lang=None)

t('simple', 'flaky-test-analysis', "The admin tool's Jest run uses retryTimes(3). From this log, tell me how many attempts each test needed before it finally passed; skip the ones that passed first time.", [('logs/jest-retries.log', '''
 PASS  src/users/__tests__/invite.test.ts
  ✓ sends an invite email (41 ms)
  ✓ rejects duplicate invites (12 ms)
 PASS  src/audit/__tests__/export.test.ts
  ✓ exports the last 30 days as CSV (203 ms)
    ↻ retry 1: exports the last 30 days as CSV
  ✓ paginates large exports (88 ms)
 PASS  src/tenants/__tests__/suspend.test.ts
  ✓ suspends a tenant and revokes sessions (156 ms)
    ↻ retry 1: suspends a tenant and revokes sessions
    ↻ retry 2: suspends a tenant and revokes sessions
  ✓ reactivates a tenant (31 ms)
 PASS  src/billing/__tests__/invoice.test.ts
  ✓ renders the invoice PDF (512 ms)
    ↻ retry 1: renders the invoice PDF
  ✓ applies credit notes (19 ms)

Test Suites: 4 passed, 4 total
Tests:       8 passed, 8 total
''')], fw='jest')

t('simple', 'security-scan', "Dependency audit for the customer portal frontend: from this npm audit JSON, count the advisories by severity and list the direct dependencies for which a fix is available.", [('reports/npm-audit.json', '''
{
  "auditReportVersion": 2,
  "vulnerabilities": {
    "axios": {"name": "axios", "severity": "high", "isDirect": true, "via": ["GHSA-wf5p-g6vw-rhxx"], "range": "<1.6.0", "fixAvailable": true},
    "follow-redirects": {"name": "follow-redirects", "severity": "moderate", "isDirect": false, "via": ["GHSA-cxjh-pqwp-8mfp"], "range": "<=1.15.5", "fixAvailable": true},
    "semver": {"name": "semver", "severity": "moderate", "isDirect": false, "via": ["GHSA-c2qf-rxjj-qqgw"], "range": "<5.7.2", "fixAvailable": true},
    "jsonwebtoken": {"name": "jsonwebtoken", "severity": "high", "isDirect": true, "via": ["GHSA-8cf7-32gw-wr33"], "range": "<=8.5.1", "fixAvailable": {"name": "jsonwebtoken", "version": "9.0.2", "isSemVerMajor": true}},
    "lodash.template": {"name": "lodash.template", "severity": "high", "isDirect": true, "via": ["GHSA-35jh-r3h4-6jhm"], "range": "*", "fixAvailable": false},
    "ws": {"name": "ws", "severity": "high", "isDirect": false, "via": ["GHSA-3h5v-q93c-6h6q"], "range": "8.0.0 - 8.17.0", "fixAvailable": true},
    "tough-cookie": {"name": "tough-cookie", "severity": "moderate", "isDirect": false, "via": ["GHSA-72xf-g2v4-qvf3"], "range": "<4.1.3", "fixAvailable": true},
    "xml2js": {"name": "xml2js", "severity": "moderate", "isDirect": true, "via": ["GHSA-776f-qx25-q3cc"], "range": "<0.5.0", "fixAvailable": true},
    "minimist": {"name": "minimist", "severity": "critical", "isDirect": false, "via": ["GHSA-xvch-5gv4-984h"], "range": "<1.2.6", "fixAvailable": true}
  },
  "metadata": {"vulnerabilities": {"info": 0, "low": 0, "moderate": 4, "high": 4, "critical": 1, "total": 9}}
}
''')], lang=None)

# why: a long scanner table, but filtering by severity into a markdown table is mechanical.
t('simple', 'security-scan', "Trivy output for the firmware-signing sidecar image is attached. Turn the HIGH and CRITICAL rows into a markdown table (CVE, package, installed, fixed version); drop everything else.", [('reports/trivy-sidecar.txt', '''
ota-signer:2.8.1 (debian 12.5)
==============================
Total: 80 (UNKNOWN: 2, LOW: 30, MEDIUM: 32, HIGH: 12, CRITICAL: 4)

| Library | Vulnerability | Severity | Installed Version | Fixed Version |
|---------|---------------|----------|-------------------|---------------|
''' + lines(80, lambda i: f"| {['libssl3', 'openssl', 'libc6', 'zlib1g', 'libexpat1', 'libcurl4', 'perl-base', 'libsqlite3-0', 'libxml2', 'tar'][i % 10]} | CVE-{2022 + i % 3}-{21000 + i * 37} | {['LOW', 'MEDIUM', 'LOW', 'HIGH', 'MEDIUM', 'LOW', 'CRITICAL' if i % 20 == 6 else 'HIGH', 'MEDIUM', 'UNKNOWN' if i in (8, 48) else 'LOW', 'MEDIUM'][i % 10]} | {1 + i % 3}.{i % 7}.{i % 5}-{i % 4 + 1} | {'' if i % 9 == 4 else f'{1 + i % 3}.{i % 7}.{i % 5 + 1}-1'} |"))], lang=None)

t('simple', 'performance-testing', "From this JMeter aggregate report for the claims portal, what were the average and the 99th percentile for POST /api/claims/submit? Just the two numbers.", [('results/aggregate.csv', '''
Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput,Received KB/sec,Sent KB/sec
GET /api/members/me,12000,84,71,130,162,248,22,1310,0.00%,40.1,88.2,9.4
GET /api/claims?status=open,12000,211,188,320,401,690,45,3120,0.05%,40.1,402.7,10.1
GET /api/claims/{id},9000,97,85,150,181,302,19,1480,0.00%,30.0,61.3,7.2
POST /api/claims/submit,3000,486,430,790,915,1420,120,4810,0.40%,10.0,5.9,31.8
POST /api/claims/{id}/attachments,1500,1210,1090,1880,2140,3350,310,9020,1.13%,5.0,2.1,812.4
GET /api/providers/search,6000,305,270,480,560,880,60,2540,0.02%,20.0,155.3,5.3
TOTAL,43500,248,160,520,701,1290,19,9020,0.11%,145.2,715.5,876.2
''')], lang=None)

t('simple', 'performance-testing', "We are retiring Locust on the e-commerce team. Translate this locustfile into an equivalent k6 script: same two requests, same weights, same think time; nothing more.", [('load/locustfile.py', '''
from locust import HttpUser, task, between


class Shopper(HttpUser):
    wait_time = between(1, 3)

    @task(3)
    def browse(self):
        self.client.get("/api/products?category=shoes&page=1", name="/api/products")

    @task(1)
    def view_product(self):
        self.client.get("/api/products/SKU-10442", name="/api/products/:sku")
''')], fw='k6', lang='javascript')

t('simple', 'defect-analysis', "The invoice CSV export in the internal admin tool throws for some rows. Stack trace and the class are below; what is the cause and the one-line fix?", [('logs/export-error.txt', '''
java.lang.NullPointerException: Cannot invoke "java.time.OffsetDateTime.toString()" because the return value of "com.acme.admin.billing.Invoice.getPaidAt()" is null
    at com.acme.admin.billing.InvoiceCsvRow.toCsv(InvoiceCsvRow.java:21)
    at com.acme.admin.billing.InvoiceExporter.lambda$export$0(InvoiceExporter.java:44)
    at java.base/java.util.stream.ReferencePipeline$3$1.accept(ReferencePipeline.java:197)
'''), ('src/main/java/com/acme/admin/billing/InvoiceCsvRow.java', '''
package com.acme.admin.billing;

import java.util.StringJoiner;

public final class InvoiceCsvRow {
    private final Invoice invoice;

    public InvoiceCsvRow(Invoice invoice) {
        this.invoice = invoice;
    }

    public String toCsv() {
        StringJoiner row = new StringJoiner(",");
        row.add(invoice.getNumber());
        row.add(invoice.getCustomerName().replace(",", " "));
        row.add(invoice.getTotal().toPlainString());
        row.add(invoice.getCurrency());
        row.add(invoice.getIssuedAt().toString());
        row.add(invoice.getStatus().name());
        row.add(invoice.getPaidAt().toString());
        return row.toString();
    }
}
''')], lang=None)

t('simple', 'defect-analysis', "One failing test in the HR directory's pagination helper, output attached. Which line is wrong and why?", [('src/paging.ts', '''
export function pageCount(total: number, pageSize: number): number {
  if (pageSize <= 0) throw new RangeError('pageSize must be positive');
  return Math.floor(total / pageSize) + 1;
}

export function pageSlice<T>(items: T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return items.slice(start, start + pageSize);
}
'''), ('reports/vitest.txt', '''
 FAIL  test/paging.test.ts > pageCount > exact multiple of page size
AssertionError: expected 3 to be 2 // Object.is equality
 ❯ test/paging.test.ts:9:33
      7|   it('exact multiple of page size', () => {
      8|     expect(pageCount(40, 20)).toBe(2);
      9|   });

 Test Files  1 failed (1)
      Tests  1 failed | 5 passed (6)
''')], fw='vitest')

# =============================================================================================================
# medium
# =============================================================================================================

t('medium', 'test-generation', "Please write table-driven tests with a fake Store for the manifest endpoint of the OTA update server: every status-code path, the ETag / If-None-Match behaviour, and the fallback to the stable channel for unknown devices. Image signature verification happens on the device and is out of scope here.", [('internal/firmware/handler.go', '''
package firmware

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"
)

var ErrNotFound = errors.New("not found")

type Manifest struct {
	Version   string    `json:"version"`
	URL       string    `json:"url"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	Published time.Time `json:"published"`
}

type Store interface {
	DeviceChannel(ctx context.Context, deviceID string) (string, error)
	LatestManifest(ctx context.Context, model, channel string) (*Manifest, error)
}

type Handler struct {
	Store Store
}

// ServeHTTP handles GET /v1/devices/{id}/firmware?model=...
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	if len(parts) != 4 || parts[0] != "v1" || parts[1] != "devices" || parts[3] != "firmware" {
		http.NotFound(w, r)
		return
	}
	deviceID := parts[2]
	model := r.URL.Query().Get("model")
	if model == "" {
		http.Error(w, "model is required", http.StatusBadRequest)
		return
	}
	channel, err := h.Store.DeviceChannel(r.Context(), deviceID)
	if errors.Is(err, ErrNotFound) {
		channel = "stable"
	} else if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	m, err := h.Store.LatestManifest(r.Context(), model, channel)
	if errors.Is(err, ErrNotFound) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	etag := `"` + m.SHA256[:16] + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(m)
}
''')], fw='go test', lang=None)

t('medium', 'test-generation', "Integration tests for the leave-request repository of the HR system, please: xUnit against SQLite in-memory via EF Core, covering the overlap check, the allowed status transitions and the manager listing with paging.", [('src/Hr.Leave/Data/LeaveRequestRepository.cs', '''
using Microsoft.EntityFrameworkCore;

namespace Hr.Leave.Data;

public sealed class LeaveRequestRepository
{
    private readonly LeaveDbContext _db;

    public LeaveRequestRepository(LeaveDbContext db) => _db = db;

    public async Task<LeaveRequest> CreateAsync(Guid employeeId, DateOnly from, DateOnly to, LeaveType type, CancellationToken ct = default)
    {
        if (to < from)
            throw new ArgumentException("End date precedes start date.");

        var overlaps = await _db.LeaveRequests.AnyAsync(r =>
            r.EmployeeId == employeeId &&
            r.Status != LeaveStatus.Rejected &&
            r.Status != LeaveStatus.Cancelled &&
            r.From <= to && from <= r.To, ct);
        if (overlaps)
            throw new LeaveConflictException(employeeId, from, to);

        var request = new LeaveRequest
        {
            Id = Guid.NewGuid(),
            EmployeeId = employeeId,
            From = from,
            To = to,
            Type = type,
            Status = LeaveStatus.Pending,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        _db.LeaveRequests.Add(request);
        await _db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<LeaveRequest> ChangeStatusAsync(Guid id, LeaveStatus next, Guid actorId, CancellationToken ct = default)
    {
        var request = await _db.LeaveRequests.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new KeyNotFoundException($"Leave request {id} not found.");

        var allowed = (request.Status, next) switch
        {
            (LeaveStatus.Pending, LeaveStatus.Approved) => true,
            (LeaveStatus.Pending, LeaveStatus.Rejected) => true,
            (LeaveStatus.Pending, LeaveStatus.Cancelled) => true,
            (LeaveStatus.Approved, LeaveStatus.Cancelled) => request.From > DateOnly.FromDateTime(DateTime.UtcNow),
            _ => false,
        };
        if (!allowed)
            throw new InvalidOperationException($"Cannot move from {request.Status} to {next}.");

        request.Status = next;
        request.DecidedBy = actorId;
        request.DecidedAt = DateTimeOffset.UtcNow;
        await _db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<IReadOnlyList<LeaveRequest>> ListForManagerAsync(Guid managerId, int page, int pageSize, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(pageSize));

        return await _db.LeaveRequests
            .Where(r => _db.Employees.Any(e => e.Id == r.EmployeeId && e.ManagerId == managerId))
            .OrderBy(r => r.Status)
            .ThenByDescending(r => r.CreatedAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
    }
}
''')], fw='xunit', lang=None)

# why: only ~15 lines and no I/O, but deciding the correct behaviour for ambiguous Retry-After values
# against RFC 9110 is judgement, not obvious assertions; still nothing security-critical or concurrent.
t('medium', 'test-generation', "The payments client honours Retry-After from the acquirer. Write vitest tests for parseRetryAfter, and where the intended behaviour is not obvious ('1.5', '-3', '  120 ', dates in the past, date formats that Date.parse accepts but RFC 9110 does not) decide what it should do, say why, and flag where the implementation disagrees.", [('src/http/retryAfter.ts', r'''
const MAX_DELAY_MS = 10 * 60 * 1000;

/** Delay in ms requested by a Retry-After header, or null when absent or invalid. */
export function parseRetryAfter(header: string | null | undefined, now: Date = new Date()): number | null {
  if (header == null) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+$/.test(value)) {
    return Math.min(Number(value) * 1000, MAX_DELAY_MS);
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  const delta = at - now.getTime();
  return Math.min(Math.max(delta, 0), MAX_DELAY_MS);
}
''')], fw='vitest')

t('medium', 'test-execution', "Please run the integration suite of the patient-portal API against the docker-compose stack (Postgres 15 and Redis; migrations and the synthetic seed data must be applied first). For each failure, tell me whether it looks like an environment problem or a genuine regression, with the evidence.", [], ['use the synthetic seed only, never a production snapshot', 'attach the compose logs for any container that restarted'], fw='pytest', lang=None)

t('medium', 'test-execution', "I suspect order dependence in the HR onboarding tests. Run the suite with pytest-randomly under seeds 1 to 5 and report the tests that fail under some orders but not others, with the seed that reproduces each and the test that ran just before.", [], fw='pytest', lang=None)

t('medium', 'coverage-analysis', "Coverage for the hr_payroll package is below. I am less interested in the percentage than in which uncovered lines carry real risk (tax code handling, the allowance taper, the error paths). Rank the gaps and propose the concrete test cases that close the important ones.", [('reports/coverage.txt', '''
Name                          Stmts   Miss  Cover   Missing
-----------------------------------------------------------
hr_payroll/__init__.py            4      0   100%
hr_payroll/errors.py              6      0   100%
hr_payroll/models.py             48      6    88%   71-76
hr_payroll/tax.py                41     11    73%   18-19, 25, 27, 29, 31, 54-55
hr_payroll/pension.py            37      9    76%   40-48
hr_payroll/payslip.py            62     14    77%   88-95, 110-115
-----------------------------------------------------------
TOTAL                           198     40    80%
'''), ('hr_payroll/tax.py', '''
from decimal import Decimal, ROUND_HALF_UP

from .errors import PayrollError
from .models import Employee, PayPeriod

BANDS = [
    (Decimal("12570"), Decimal("0.00")),
    (Decimal("50270"), Decimal("0.20")),
    (Decimal("125140"), Decimal("0.40")),
    (None, Decimal("0.45")),
]
PERSONAL_ALLOWANCE = Decimal("12570")
TAPER_THRESHOLD = Decimal("100000")


def personal_allowance(annual_income: Decimal) -> Decimal:
    if annual_income <= TAPER_THRESHOLD:
        return PERSONAL_ALLOWANCE
    reduction = (annual_income - TAPER_THRESHOLD) / 2
    return max(PERSONAL_ALLOWANCE - reduction, Decimal("0"))


def annual_tax(annual_income: Decimal, tax_code: str) -> Decimal:
    if annual_income < 0:
        raise PayrollError("negative income")
    if tax_code == "NT":
        return Decimal("0")
    if tax_code == "BR":
        return (annual_income * Decimal("0.20")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if tax_code == "D0":
        return (annual_income * Decimal("0.40")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if not tax_code.endswith("L"):
        raise PayrollError(f"unsupported tax code {tax_code}")
    allowance = personal_allowance(annual_income)
    taxable = max(annual_income - allowance, Decimal("0"))
    tax = Decimal("0")
    lower = Decimal("0")
    for upper, rate in BANDS[1:]:
        band_top = (upper - PERSONAL_ALLOWANCE) if upper is not None else None
        if band_top is None or taxable <= band_top:
            tax += (taxable - lower) * rate
            break
        tax += (band_top - lower) * rate
        lower = band_top
    return tax.quantize(Decimal("0.01"), ROUND_HALF_UP)


def period_tax(employee: Employee, period: PayPeriod) -> Decimal:
    periods = 12 if period.frequency == "monthly" else 52
    if period.frequency not in ("monthly", "weekly"):
        raise PayrollError(f"unknown frequency {period.frequency}")
    annual = employee.gross_for(period) * periods
    return (annual_tax(annual, employee.tax_code) / periods).quantize(Decimal("0.01"), ROUND_HALF_UP)
''')], fw='pytest', lang=None)

t('medium', 'coverage-analysis', "Coverage gaps in the catalog package of the storefront. The summary is attached with the source of priceRules.ts, which is where the money is. Which uncovered branches matter, and which of them hide a likely defect rather than just missing tests?", [('coverage/catalog-summary.txt', '''
File               | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
-------------------|---------|----------|---------|---------|-------------------
All files          |   78.94 |    61.53 |   86.66 |   79.31 |
 catalog           |         |          |         |         |
  index.ts         |     100 |      100 |     100 |     100 |
  priceRules.ts    |   66.66 |    47.36 |     100 |   67.74 | 24,30-31,33-36,39-42
  productCard.ts   |   91.30 |    83.33 |     100 |   91.30 | 44,58
  search.ts        |   74.07 |    57.14 |      75 |   74.07 | 61-68,90
  stock.ts         |   88.88 |       75 |     100 |   88.88 | 27
'''), ('src/catalog/priceRules.ts', '''
export type Rule =
  | { kind: 'percent'; pct: number; minSubtotal?: number }
  | { kind: 'fixed'; amount: number; currency: string }
  | { kind: 'bogo'; sku: string }
  | { kind: 'tiered'; sku: string; tiers: { qty: number; pct: number }[] };

export interface Line { sku: string; qty: number; unitPrice: number }
export interface Cart { currency: string; lines: Line[] }

const round2 = (n: number) => Math.round(n * 100) / 100;

export function subtotal(cart: Cart): number {
  return round2(cart.lines.reduce((s, l) => s + l.qty * l.unitPrice, 0));
}

export function discountFor(rule: Rule, cart: Cart): number {
  switch (rule.kind) {
    case 'percent': {
      const st = subtotal(cart);
      if (rule.minSubtotal !== undefined && st < rule.minSubtotal) return 0;
      return round2((st * rule.pct) / 100);
    }
    case 'fixed':
      if (rule.currency !== cart.currency) return 0;
      return Math.min(rule.amount, subtotal(cart));
    case 'bogo': {
      const line = cart.lines.find((l) => l.sku === rule.sku);
      if (!line) return 0;
      return round2(Math.floor(line.qty / 2) * line.unitPrice);
    }
    case 'tiered': {
      const line = cart.lines.find((l) => l.sku === rule.sku);
      if (!line) return 0;
      const tier = [...rule.tiers].sort((a, b) => b.qty - a.qty).find((t) => line.qty >= t.qty);
      return tier ? round2((line.qty * line.unitPrice * tier.pct) / 100) : 0;
    }
  }
}

export function bestDiscount(rules: Rule[], cart: Cart): { rule: Rule | null; amount: number } {
  let best: { rule: Rule | null; amount: number } = { rule: null, amount: 0 };
  for (const r of rules) {
    const amount = discountFor(r, cart);
    if (amount > best.amount) best = { rule: r, amount };
  }
  return best;
}
''')], fw='vitest')

t('medium', 'quality-gate', "Release gate for payments-api 3.14. Apply the policy to the metrics and give a pass/fail per criterion, the overall verdict, and whether the open risk exception still applies on the build date.", [('release/policy.yaml', '''
gate: payments-api
blocking:
  line_coverage_min: 80
  branch_coverage_min: 70
  mutation_score_min: 60
  sast:
    critical: 0
    high: 0            # unless covered by an unexpired exception
  dependencies:
    critical_with_fix: 0
  performance:
    p95_regression_max_pct: 10
warning:
  dependencies_high_without_fix: report
exceptions:
  - id: RISK-2291
    finding: "CWE-117 improper output neutralisation for logs in AuditLogger"
    expires: 2025-07-31
'''), ('release/metrics.json', '''
{
  "build": "payments-api 3.14.0-rc2",
  "build_date": "2025-08-04",
  "coverage": {"line": 81.2, "branch": 70.4},
  "mutation_score": 63.0,
  "sast": {
    "critical": 0,
    "high": [
      {"rule": "java.lang.security.audit.log-injection", "cwe": "CWE-117", "location": "AuditLogger.java:58"},
      {"rule": "java.lang.security.xxe.documentbuilderfactory", "cwe": "CWE-611", "location": "SettlementFileParser.java:33"}
    ]
  },
  "dependencies": {"critical_with_fix": 0, "critical_without_fix": 1, "high_without_fix": 2},
  "performance": {"p95_ms_baseline": 212, "p95_ms_current": 229}
}
''')], lang=None)

t('medium', 'quality-gate', "PR gate for the HR admin service. Our rule: block the merge on any Semgrep finding mapped to CWE-89, CWE-78 or CWE-79 with HIGH confidence in a file the PR touches; everything else is a warning; tests/ is excluded. Apply it to the findings and changed-file list and tell me block or allow, with the findings that decide it.", [('pr/changed-files.txt', '''
src/hr_admin/api/employees.py
src/hr_admin/api/reports.py
src/hr_admin/templates/report_detail.html
src/hr_admin/db/queries.py -> src/hr_admin/db/employee_queries.py
tests/api/test_reports.py
docs/CHANGELOG.md
'''), ('pr/semgrep-summary.txt', '''
#  rule                                              cwe      confidence  location
1  python.django.security.injection.sql.raw-query    CWE-89   HIGH        src/hr_admin/db/employee_queries.py:77
2  python.lang.security.audit.subprocess-shell-true  CWE-78   MEDIUM      src/hr_admin/jobs/backup.py:21
3  python.django.security.audit.xss.mark-safe        CWE-79   HIGH        src/hr_admin/templatetags/fmt.py:14
4  python.django.security.audit.xss.template-autoescape-off CWE-79 HIGH src/hr_admin/templates/report_detail.html:3
5  python.lang.security.audit.formatted-sql-query    CWE-89   HIGH        tests/api/test_reports.py:52
6  python.requests.security.disabled-cert-validation CWE-295  HIGH        src/hr_admin/api/reports.py:118
7  python.lang.security.audit.eval-detected          CWE-95   MEDIUM      src/hr_admin/api/employees.py:203
8  python.django.security.injection.sql.extra        CWE-89   LOW         src/hr_admin/api/employees.py:88
9  python.lang.security.deserialization.pickle       CWE-502  HIGH        src/hr_admin/cache.py:40
10 python.flask.security.open-redirect               CWE-601  MEDIUM      src/hr_admin/api/auth.py:61
11 python.lang.security.audit.logging-format         CWE-117  LOW         src/hr_admin/api/reports.py:19
12 python.django.security.injection.command.os-system CWE-78  HIGH        scripts/rotate_logs.py:9
''')], lang=None)

t('medium', 'quality-gate', "DAST gate for the HR self-service portal. The ZAP baseline technically passed with two WARNs, but our policy also says anything that weakens session cookies or framing protection blocks regardless of the ZAP rules file. Give me your call on each alert and the final verdict.", [('dast/zap-baseline.txt', '''
PASS: Vulnerable JS Library [10003]
PASS: Cookie No HttpOnly Flag [10010]
WARN-NEW: Cookie Without Secure Flag [10011] x 2
    https://hr-staging.example.internal/login (Set-Cookie: hr_sess)
    https://hr-staging.example.internal/static/app.js (Set-Cookie: ab_variant)
PASS: Cross-Domain JavaScript Source File Inclusion [10017]
WARN-NEW: Missing Anti-clickjacking Header [10020] x 1
    https://hr-staging.example.internal/payroll/export
PASS: X-Content-Type-Options Header Missing [10021]
IGNORE: Information Disclosure - Suspicious Comments [10027] x 14
PASS: Cookie without SameSite Attribute [10054]
IGNORE: Timestamp Disclosure - Unix [10096] x 3
FAIL-NEW: 0	FAIL-INPROG: 0	WARN-NEW: 2	WARN-INPROG: 0	INFO: 0	IGNORE: 2	PASS: 52
'''), ('dast/zap-rules.tsv', '''
10011	WARN	(Cookie Without Secure Flag)
10020	WARN	(Missing Anti-clickjacking Header)
10027	IGNORE	(Information Disclosure - Suspicious Comments)
10096	IGNORE	(Timestamp Disclosure - Unix)
''')], lang=None)

# why: the code touches session tokens, but the task is one flaky test whose cause is clock truncation in its log.
t('medium', 'flaky-test-analysis', "tokenIsExpiredAfterTtl in the admin SSO module fails perhaps one run in five on CI and never on laptops. Test, class and a failing log are attached; why does it flake and how should the test (or the code) change?", [('src/main/java/com/acme/admin/sso/SessionTokenIssuer.java', '''
package com.acme.admin.sso;

import java.time.Duration;
import java.time.Instant;

public final class SessionTokenIssuer {
    private final Duration ttl;

    public SessionTokenIssuer(Duration ttl) {
        this.ttl = ttl;
    }

    public SessionToken issue(String userId) {
        long expiresAt = Instant.now().plus(ttl).getEpochSecond();
        return new SessionToken(userId, TokenIds.random(), expiresAt);
    }

    public boolean isExpired(SessionToken token) {
        return Instant.now().getEpochSecond() > token.expiresAtEpochSecond();
    }
}
'''), ('src/test/java/com/acme/admin/sso/SessionTokenIssuerTest.java', '''
package com.acme.admin.sso;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionTokenIssuerTest {
    @Test
    void tokenIsExpiredAfterTtl() throws Exception {
        var issuer = new SessionTokenIssuer(Duration.ofSeconds(2));
        var token = issuer.issue("u-1001");
        Thread.sleep(2_000);
        assertTrue(issuer.isExpired(token));
    }
}
'''), ('ci/failure.log', '''
2025-05-19T09:14:07.912Z [INFO] Running com.acme.admin.sso.SessionTokenIssuerTest
2025-05-19T09:14:07.913Z [DEBUG] issued token for u-1001 expiresAt=1747645249
2025-05-19T09:14:09.918Z [DEBUG] isExpired now=1747645249 expiresAt=1747645249 -> false
2025-05-19T09:14:09.921Z [ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 2.011 s <<< FAILURE!
2025-05-19T09:14:09.921Z [ERROR] tokenIsExpiredAfterTtl  Time elapsed: 2.006 s  <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <true> but was: <false>
''')], fw='junit5', lang=None)

t('medium', 'flaky-test-analysis', "One Playwright test in the internal admin tool (suspending a tenant from the tenants table) flakes with 'element is not attached to the DOM'. Spec and the failing trace excerpt are attached. Diagnose it and propose a fix that does not rely on a longer timeout.", [('e2e/tenants.spec.ts', '''
import { test, expect } from '@playwright/test';

test.describe('tenants admin', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/admin/tenants');
    await expect(page.getByRole('table', { name: 'Tenants' })).toBeVisible();
  });

  test('suspends a tenant', async ({ page }) => {
    const rows = await page.locator('table[aria-label="Tenants"] tbody tr').elementHandles();
    let target;
    for (const row of rows) {
      if ((await row.innerText()).includes('northwind-trading')) {
        target = row;
        break;
      }
    }
    const menu = await target!.$('button[aria-label="Row actions"]');
    await menu!.click();
    await page.getByRole('menuitem', { name: 'Suspend' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('northwind-trading suspended')).toBeVisible();
  });
});
'''), ('e2e/trace-excerpt.txt', '''
[chromium] › tenants.spec.ts:9:3 › tenants admin › suspends a tenant (retry #1)
  10.411s  GET /api/admin/tenants?page=1 200 (poll)
  10.873s  elementHandle.innerText() tr:nth-child(7)
  10.902s  elementHandle.$(button[aria-label="Row actions"])
  11.004s  GET /api/admin/tenants?page=1 200 (poll)  -> React re-render of <tbody> (key=etag-change)
  11.020s  elementHandle.click()
    - waiting for element to be visible, enabled and stable
    - element is not attached to the DOM
  Error: elementHandle.click: Element is not attached to the DOM
  note: TenantsTable polls every 5000 ms and re-keys rows when the list ETag changes
''')], fw='playwright')

# why: a config-file checklist review (headers, TLS, alias handling) rather than reasoning about auth logic or crypto code.
t('medium', 'security-scan', "Please review the nginx front for the healthcare portal before the pen test. I'm after misconfigurations (path handling, headers, TLS, information disclosure, proxy settings); cite CWE ids where they help and rank by severity.", [('deploy/nginx/portal.conf', '''
server_tokens on;

upstream portal_api {
    server api-1.internal:8080;
    server api-2.internal:8080;
}

server {
    listen 80;
    server_name portal.example-health.org;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl http2;
    server_name portal.example-health.org;

    ssl_certificate     /etc/nginx/tls/portal.crt;
    ssl_certificate_key /etc/nginx/tls/portal.key;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    ssl_ciphers HIGH:!aNULL:!MD5;

    add_header X-Frame-Options SAMEORIGIN;
    add_header X-Content-Type-Options nosniff;

    client_max_body_size 50m;

    location /static {
        alias /srv/portal/static/;
        autoindex on;
    }

    location /uploads/ {
        root /srv/portal;
        add_header Content-Disposition inline;
    }

    location /api/ {
        proxy_pass http://portal_api;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 300s;
    }

    location /actuator/ {
        proxy_pass http://portal_api;
    }

    location = /health {
        add_header Strict-Transport-Security "max-age=31536000";
        return 200 "ok";
    }

    error_page 500 502 503 504 /50x.html;
}
''')], lang=None)

# why: three manifests checked against the pod security baseline; checklist-style, not an authorisation design.
t('medium', 'security-scan', "Baseline review of the OTA update server's Kubernetes manifests against the restricted Pod Security Standard and our usual hygiene (resource limits, network policy, service account tokens, image pinning). A finding list with the fix for each, please.", [('k8s/deployment.yaml', '''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ota-server
  namespace: firmware
spec:
  replicas: 3
  selector:
    matchLabels: {app: ota-server}
  template:
    metadata:
      labels: {app: ota-server}
    spec:
      containers:
        - name: server
          image: registry.example.com/ota-server:latest
          ports:
            - containerPort: 8443
          env:
            - name: SIGNING_KEY_PATH
              value: /keys/firmware-signing.pem
          securityContext:
            allowPrivilegeEscalation: true
            capabilities:
              add: ["NET_ADMIN"]
          volumeMounts:
            - name: keys
              mountPath: /keys
            - name: host-tmp
              mountPath: /scratch
      volumes:
        - name: keys
          secret:
            secretName: firmware-signing
        - name: host-tmp
          hostPath:
            path: /tmp
'''), ('k8s/service.yaml', '''
apiVersion: v1
kind: Service
metadata:
  name: ota-server
  namespace: firmware
spec:
  type: LoadBalancer
  selector: {app: ota-server}
  ports:
    - port: 443
      targetPort: 8443
    - name: debug
      port: 6060
      targetPort: 6060
'''), ('k8s/networkpolicy.yaml', '''
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ota-server
  namespace: firmware
spec:
  podSelector: {matchLabels: {app: ota-server}}
  policyTypes: [Ingress]
  ingress:
    - {}
''')], lang=None)

t('medium', 'performance-testing', "A k6 script for the checkout API of the e-commerce platform, please: ramp to 150 VUs over 5 minutes, hold 15, ramp down; thresholds p95 < 600 ms and errors < 1% per endpoint; a setup() that obtains a bearer token from the test IdP; product SKUs read from a CSV via SharedArray. Tag each request so the dashboard can split cart, shipping-quote and place-order.", [('load/openapi-checkout.yaml', '''
paths:
  /api/cart:
    post:
      summary: add a line to the cart
      requestBody: {content: {application/json: {schema: {properties: {sku: {type: string}, qty: {type: integer}}}}}}
      responses: {'201': {description: cart line created}}
  /api/cart/{cartId}/shipping-quote:
    get:
      parameters: [{name: postcode, in: query, required: true}]
      responses: {'200': {description: quote}}
  /api/orders:
    post:
      summary: place the order for a cart
      requestBody: {content: {application/json: {schema: {properties: {cartId: {type: string}, paymentToken: {type: string}}}}}}
      responses: {'201': {description: created}, '409': {description: cart already ordered}}
''')], ['use the PSP sandbox test card token tok_visa_ok only', 'no more than 20 place-order calls per second'], fw='k6', lang='javascript')

t('medium', 'performance-testing', "Two go test -bench runs of the SBOM parser (before and after the switch to a streaming decoder), six counts each. Which differences are real given the spread, and which are noise? A benchstat-style comparison with your reading.", [('bench/before.txt', '''
goos: linux
goarch: amd64
pkg: github.com/acme/depaudit/internal/sbom
cpu: AMD EPYC 7B13
BenchmarkParseCycloneDX/small-8     4012   298114 ns/op   181220 B/op   2210 allocs/op
BenchmarkParseCycloneDX/small-8     3987   301870 ns/op   181224 B/op   2210 allocs/op
BenchmarkParseCycloneDX/small-8     4105   290442 ns/op   181219 B/op   2210 allocs/op
BenchmarkParseCycloneDX/small-8     3899   305210 ns/op   181226 B/op   2210 allocs/op
BenchmarkParseCycloneDX/small-8     4050   296001 ns/op   181221 B/op   2210 allocs/op
BenchmarkParseCycloneDX/small-8     4011   299340 ns/op   181220 B/op   2210 allocs/op
BenchmarkParseCycloneDX/large-8       21 55012733 ns/op 48210044 B/op 510233 allocs/op
BenchmarkParseCycloneDX/large-8       20 58840125 ns/op 48210101 B/op 510233 allocs/op
BenchmarkParseCycloneDX/large-8       21 54390211 ns/op 48210077 B/op 510233 allocs/op
BenchmarkParseCycloneDX/large-8       19 61122870 ns/op 48210090 B/op 510233 allocs/op
BenchmarkParseCycloneDX/large-8       21 55730448 ns/op 48210052 B/op 510233 allocs/op
BenchmarkParseCycloneDX/large-8       20 57004319 ns/op 48210061 B/op 510233 allocs/op
BenchmarkParseSPDX-8                 850  1402210 ns/op   902311 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 861  1389004 ns/op   902308 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 842  1421876 ns/op   902315 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 855  1398731 ns/op   902310 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 849  1410552 ns/op   902312 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 858  1395120 ns/op   902309 B/op   9120 allocs/op
'''), ('bench/after.txt', '''
goos: linux
goarch: amd64
pkg: github.com/acme/depaudit/internal/sbom
cpu: AMD EPYC 7B13
BenchmarkParseCycloneDX/small-8     3702   318240 ns/op   149870 B/op   2402 allocs/op
BenchmarkParseCycloneDX/small-8     3811   309115 ns/op   149866 B/op   2402 allocs/op
BenchmarkParseCycloneDX/small-8     3655   322871 ns/op   149872 B/op   2402 allocs/op
BenchmarkParseCycloneDX/small-8     3790   311004 ns/op   149869 B/op   2402 allocs/op
BenchmarkParseCycloneDX/small-8     3741   315662 ns/op   149871 B/op   2402 allocs/op
BenchmarkParseCycloneDX/small-8     3760   313908 ns/op   149868 B/op   2402 allocs/op
BenchmarkParseCycloneDX/large-8       24 49820114 ns/op  6120443 B/op 498110 allocs/op
BenchmarkParseCycloneDX/large-8       22 56911032 ns/op  6120460 B/op 498110 allocs/op
BenchmarkParseCycloneDX/large-8       24 48977520 ns/op  6120451 B/op 498110 allocs/op
BenchmarkParseCycloneDX/large-8       23 52204881 ns/op  6120449 B/op 498110 allocs/op
BenchmarkParseCycloneDX/large-8       24 49310227 ns/op  6120455 B/op 498110 allocs/op
BenchmarkParseCycloneDX/large-8       21 58102336 ns/op  6120447 B/op 498110 allocs/op
BenchmarkParseSPDX-8                 853  1399875 ns/op   902310 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 847  1415002 ns/op   902312 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 860  1391230 ns/op   902309 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 851  1404418 ns/op   902311 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 845  1419960 ns/op   902314 B/op   9120 allocs/op
BenchmarkParseSPDX-8                 857  1396527 ns/op   902310 B/op   9120 allocs/op
''')], fw='go test', lang=None)

t('medium', 'defect-analysis', "Finance reports negative order totals on the storefront, and so far only for JPY orders with a fixed-amount coupon. The applier, the currency repository and the relevant log lines are attached; find the cause and propose a fix with the tests that would have caught it.", [('src/Checkout/CouponApplier.php', r'''
<?php

declare(strict_types=1);

namespace App\Checkout;

use Psr\Log\LoggerInterface;

final class CouponApplier
{
    public function __construct(
        private CurrencyRepository $currencies,
        private LoggerInterface $log,
    ) {
    }

    /** Returns the order total in minor units. */
    public function apply(Order $order, ?Coupon $coupon): int
    {
        $subtotal = $order->subtotalMinor();
        if ($coupon === null) {
            return $subtotal + $order->shippingMinor();
        }
        if ($coupon->expiresAt() < new \DateTimeImmutable()) {
            throw new CouponExpired($coupon->code());
        }

        $decimals = $this->currencies->decimals($order->currency());

        switch ($coupon->type()) {
            case 'percent':
                $discount = (int) round($subtotal * $coupon->value() / 100);
                break;
            case 'fixed':
                // value is stored in major units, e.g. 5.00
                $discount = (int) round($coupon->value() * 100);
                break;
            case 'free_shipping':
                $discount = $order->shippingMinor();
                break;
            default:
                throw new \DomainException('unknown coupon type ' . $coupon->type());
        }

        $total = $subtotal - $discount + $order->shippingMinor();

        $this->log->info('coupon applied', [
            'order' => $order->id(),
            'currency' => $order->currency(),
            'decimals' => $decimals,
            'subtotal' => $subtotal,
            'discount' => $discount,
            'total' => $total,
        ]);

        return $total;
    }
}
'''), ('src/Checkout/CurrencyRepository.php', r'''
<?php

declare(strict_types=1);

namespace App\Checkout;

final class CurrencyRepository
{
    private const DECIMALS = ['EUR' => 2, 'GBP' => 2, 'USD' => 2, 'JPY' => 0, 'KRW' => 0, 'BHD' => 3];

    public function decimals(string $currency): int
    {
        if (!isset(self::DECIMALS[$currency])) {
            throw new \InvalidArgumentException("unsupported currency $currency");
        }
        return self::DECIMALS[$currency];
    }
}
'''), ('logs/checkout.log', '''
[2025-06-02 10:41:12] app.INFO: coupon applied {"order":"o-88121","currency":"EUR","decimals":2,"subtotal":4599,"discount":500,"total":4598}
[2025-06-02 10:44:57] app.INFO: coupon applied {"order":"o-88140","currency":"JPY","decimals":0,"subtotal":3200,"discount":50000,"total":-46300}
[2025-06-02 10:52:03] app.INFO: coupon applied {"order":"o-88177","currency":"JPY","decimals":0,"subtotal":12800,"discount":1280,"total":12020}
[2025-06-02 11:03:40] app.INFO: coupon applied {"order":"o-88203","currency":"GBP","decimals":2,"subtotal":2250,"discount":1000,"total":1749}
''')], lang=None)

t('medium', 'defect-analysis', "The HR headcount export fails with UnicodeEncodeError for some employees, but only when it runs as the nightly scheduled job; exports triggered from the web UI for the same data succeed. Task code, the worker Dockerfile and both logs are attached. What is going on?", [('hr/exports/tasks.py', '''
import csv
import logging
import tempfile
from datetime import date

from celery import shared_task

from hr.directory import active_employees
from hr.storage import upload_report

log = logging.getLogger(__name__)

FIELDS = ["employee_id", "full_name", "department", "location", "manager", "start_date"]


@shared_task(bind=True, max_retries=3, default_retry_delay=300)
def export_headcount(self, requested_by: str | None = None) -> str:
    rows = list(active_employees())
    log.info("headcount export: %d rows, requested_by=%s", len(rows), requested_by or "scheduler")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    "employee_id": row.id,
                    "full_name": row.full_name,
                    "department": row.department.name,
                    "location": row.location.city,
                    "manager": row.manager.full_name if row.manager else "",
                    "start_date": row.start_date.isoformat(),
                }
            )
        path = fh.name
    key = f"exports/headcount-{date.today().isoformat()}.csv"
    upload_report(path, key)
    return key
'''), ('docker/worker.Dockerfile', '''
FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 LANG=C LC_ALL=C
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER 10001
CMD ["celery", "-A", "hr.celery_app", "worker", "-B", "--loglevel=INFO"]
'''), ('logs/worker.log', '''
[2025-06-10 02:00:00,114: INFO/MainProcess] Task hr.exports.tasks.export_headcount[5c1e] received
[2025-06-10 02:00:03,880: INFO/ForkPoolWorker-2] headcount export: 4118 rows, requested_by=scheduler
[2025-06-10 02:00:04,021: ERROR/ForkPoolWorker-2] Task hr.exports.tasks.export_headcount[5c1e] raised unexpected: UnicodeEncodeError('ascii', 'Zo\\xeb M\\xfcller-\\u0141uczak', 2, 3, 'ordinal not in range(128)')
'''), ('logs/web.log', '''
2025-06-10T09:12:44Z INFO hr.exports.views export requested by u-3391 (sync mode)
2025-06-10T09:12:49Z INFO hr.exports.tasks headcount export: 4118 rows, requested_by=u-3391
2025-06-10T09:12:50Z INFO hr.storage uploaded exports/headcount-2025-06-10.csv (612 KB)
''')], lang=None)

# =============================================================================================================
# complex
# =============================================================================================================

# why: about 40 lines, but it is an idempotency layer for payments with concurrent duplicates, cancellation and panics.
t('complex', 'test-generation', "The payments team says this is 'just a map with a mutex'. I'd like tests that prove or disprove that it is safe: concurrent duplicates with the same Idempotency-Key, a duplicate whose client disconnects, a handler that panics, keys reused by a different caller or with a different body. Run them under -race.", [('internal/idem/middleware.go', '''
package idem

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type entry struct {
	done   chan struct{}
	status int
	body   []byte
}

type Middleware struct {
	mu      sync.Mutex
	entries map[string]*entry
	next    http.Handler
}

func New(next http.Handler) *Middleware {
	return &Middleware{entries: map[string]*entry{}, next: next}
}

func (m *Middleware) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	if key == "" || r.Method != http.MethodPost {
		m.next.ServeHTTP(w, r)
		return
	}
	m.mu.Lock()
	e, seen := m.entries[key]
	if !seen {
		e = &entry{done: make(chan struct{})}
		m.entries[key] = e
	}
	m.mu.Unlock()

	if seen {
		select {
		case <-e.done:
		case <-r.Context().Done():
			http.Error(w, "request cancelled", http.StatusRequestTimeout)
			return
		}
	} else {
		rec := httptest.NewRecorder()
		m.next.ServeHTTP(rec, r)
		e.status, e.body = rec.Code, rec.Body.Bytes()
		close(e.done)
	}
	w.WriteHeader(e.status)
	_, _ = w.Write(e.body)
}
''')], fw='go test', lang=None)

# why: ~20 lines, but it is HMAC webhook authentication; the tests must probe parsing ambiguities, replay windows and key rotation.
t('complex', 'test-generation', "Vitest tests for our PSP webhook verifier, please. I want the adversarial cases as much as the happy path: replay outside the tolerance window, header parsing tricks, signature rotation with several v1 entries, malformed hex, and whether the signed timestamp is exactly the one the sender used.", [('src/webhooks/verify.ts', '''
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOLERANCE_S = 300;

export function verifyWebhook(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowS: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const ts = Number(parts.t);
  const sig = parts.v1;
  if (!ts || !sig) return false;
  if (Math.abs(nowS - ts) > TOLERANCE_S) return false;
  const expected = createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex');
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(sig, 'hex');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
''')], fw='vitest')

t('complex', 'test-execution', "Before the rollout of firmware 5.0 I want the resilience suite of the OTA platform executed for real: kill the primary Postgres in the middle of a staged rollout, restart the orchestrator while devices are mid-download, and drop the CDN for ninety seconds. Report whether devices resumed from their last acknowledged chunk, whether any device received a manifest for a cohort it is not in, and whether rollout percentages stayed monotonic after failover.", [], ['staging fleet simulator only, 20k virtual devices', 'keep the rollout state-machine event log for each run'], lang=None)

t('complex', 'test-execution', "Please run the end-to-end saga suite for payments across the kind cluster (gateway, orders, payments, ledger, payouts, notifications), once clean and once with a network partition injected between ledger and payouts during settlement. For the partitioned run I need to know which compensations fired, which didn't, and whether any transfer ended up recorded in the ledger without a matching payout or the reverse.", [], ['use the chaos-mesh manifests in the test repo', 'report per saga instance, not just totals'], lang=None)

t('complex', 'coverage-analysis', "Coverage for the authorisation server of the patient portal is attached (nine classes) with the request validator. Line coverage looks respectable; I need to know which uncovered or weakly covered branches are security-relevant (redirect URI matching, PKCE enforcement, scope checks, refresh-token rotation) and what an attacker could do through each. Map them to CWE ids and tell me which tests to write first.", [('reports/jacoco-summary.txt', '''
class                                              lines   missed  branches  missed   uncovered lines
auth.server.AuthorizationRequestValidator            41       6        26       9     23-24, 31, 45-47
auth.server.TokenEndpoint                           118      14        40      11     88-93, 140-147
auth.server.RefreshTokenService                      76      19        22      10     52-70
auth.server.PkceVerifier                             22       2         8       3     17-18
auth.server.ClientAuthenticator                      64       5        18       4     71-75
auth.server.ConsentService                           55       3        12       2     40-42
auth.server.ScopeParser                              19       0         8       1     -
auth.server.JwksController                           28       0         4       0     -
auth.server.SessionCookieFilter                      47       9        16       6     29-37
TOTAL                                               470      58       154      46
'''), ('src/main/java/auth/server/AuthorizationRequestValidator.java', '''
package auth.server;

import java.util.Set;

public final class AuthorizationRequestValidator {
    private final ClientRegistry clients;

    public AuthorizationRequestValidator(ClientRegistry clients) {
        this.clients = clients;
    }

    public ValidatedRequest validate(AuthorizationRequest req) {
        Client client = clients.find(req.clientId())
                .orElseThrow(() -> new OAuthException("invalid_client"));

        String redirect = req.redirectUri();
        if (redirect == null) {
            if (client.redirectUris().size() != 1) {
                throw new OAuthException("invalid_request", "redirect_uri required");
            }
            redirect = client.redirectUris().get(0);
        } else if (!matchesRegistered(client, redirect)) {
            throw new OAuthException("invalid_redirect_uri");
        }

        if (client.isPublic()) {
            if (req.codeChallenge() == null) {
                throw new OAuthException("invalid_request", "PKCE required");
            }
            String method = req.codeChallengeMethod() == null ? "plain" : req.codeChallengeMethod();
            if (!"S256".equals(method) && !"plain".equals(method)) {
                throw new OAuthException("invalid_request", "unsupported code_challenge_method");
            }
        }

        Set<String> scopes = ScopeParser.parse(req.scope());
        if (!client.allowedScopes().containsAll(scopes)) {
            throw new OAuthException("invalid_scope");
        }
        return new ValidatedRequest(client, redirect, scopes, req.state(), req.codeChallenge(), req.codeChallengeMethod());
    }

    private boolean matchesRegistered(Client client, String redirect) {
        for (String registered : client.redirectUris()) {
            if (redirect.equals(registered)) {
                return true;
            }
            if (client.allowsWildcardSubdomain() && registered.startsWith("https://*.")) {
                String suffix = registered.substring("https://*".length());
                if (redirect.startsWith("https://") && redirect.contains(suffix)) {
                    return true;
                }
            }
            if (registered.startsWith("http://localhost") && redirect.startsWith("http://localhost")) {
                return true;
            }
        }
        return false;
    }
}
''')], fw='junit5', lang=None)

# why: short code and a high coverage number, but the question is which interleavings and clock behaviours
# of a distributed leader election the tests never exercise.
t('complex', 'coverage-analysis', "Branch coverage on the leader-election package of the update orchestrator is 97%, and I don't trust the number. Which interleavings, failure timings and clock conditions do the existing tests never exercise, and which of those could let two orchestrators both believe they are leader?", [('internal/election/elector.go', '''
package election

import (
	"context"
	"sync"
	"time"
)

type Lease struct {
	Holder string
	Expiry time.Time
}

type KV interface {
	Get(ctx context.Context, key string) (*Lease, int64, error)
	CompareAndSwap(ctx context.Context, key string, rev int64, l Lease) (bool, int64, error)
}

type Elector struct {
	kv     KV
	id     string
	ttl    time.Duration
	mu     sync.Mutex
	leader bool
}

func (e *Elector) Tick(ctx context.Context) error {
	cur, rev, err := e.kv.Get(ctx, "orchestrator/leader")
	if err != nil {
		e.set(false)
		return err
	}
	now := time.Now()
	if cur == nil || cur.Holder == e.id || now.After(cur.Expiry) {
		ok, _, err := e.kv.CompareAndSwap(ctx, "orchestrator/leader", rev, Lease{Holder: e.id, Expiry: now.Add(e.ttl)})
		if err != nil {
			e.set(false)
			return err
		}
		e.set(ok)
		return nil
	}
	e.set(false)
	return nil
}

func (e *Elector) IsLeader() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.leader
}

func (e *Elector) set(v bool) {
	e.mu.Lock()
	e.leader = v
	e.mu.Unlock()
}
''')], fw='go test', lang=None)

# why: looks like a gate decision, but it hinges on whether a disputed broken-object-level-authorisation finding
# (CWE-639) is exploitable from the code and the gateway config.
t('complex', 'quality-gate', "Go/no-go for the payments portal. All metrics are green except one pen-test finding: invoice access by ID (CWE-639). The owning team disputes it: invoice ids are UUIDv4 and the gateway rate-limits. Our policy blocks on any exploitable authorisation flaw. Decide from the code and config whether it is exploitable, and give the verdict with your reasoning.", [('pentest/finding-PT-0412.md', '''
## PT-0412 Broken object level authorisation on invoice retrieval (High)
An authenticated customer of account A retrieved an invoice of account B by calling
GET /api/accounts/{A}/invoices/{invoiceIdOfB}. Invoice ids were obtained from the
"shared with accountant" e-mail link format and from the Referer header of the PDF viewer.
'''), ('src/routes/invoices.ts', '''
import { Router } from 'express';
import { requireAuth } from '../auth/requireAuth';
import { db } from '../db';

export const invoices = Router();

invoices.get('/api/accounts/:accountId/invoices', requireAuth, async (req, res) => {
  const { accountId } = req.params;
  if (!req.user.accounts.includes(accountId)) return res.status(403).json({ error: 'forbidden' });
  res.json(await db.invoices.listByAccount(accountId, { limit: 50 }));
});

invoices.get('/api/accounts/:accountId/invoices/:invoiceId', requireAuth, async (req, res) => {
  const { accountId, invoiceId } = req.params;
  if (!req.user.accounts.includes(accountId) && !req.user.roles.includes('support')) {
    return res.status(403).json({ error: 'forbidden' });
  }
  const invoice = await db.invoices.findById(invoiceId);
  if (!invoice) return res.status(404).end();
  res.json(invoice);
});

invoices.get('/api/accounts/:accountId/invoices/:invoiceId/pdf', requireAuth, async (req, res) => {
  const { accountId, invoiceId } = req.params;
  const invoice = await db.invoices.findById(invoiceId);
  if (!invoice || invoice.accountId !== accountId || !req.user.accounts.includes(accountId)) {
    return res.status(404).end();
  }
  res.type('application/pdf').send(await db.invoices.renderPdf(invoice));
});
'''), ('gateway/ratelimit.yaml', '''
routes:
  - match: {prefix: /api/accounts/}
    rate_limit: {requests_per_minute: 120, key: client_ip}
  - match: {prefix: /api/admin/}
    rate_limit: {requests_per_minute: 30, key: user_id}
'''), ('release/metrics-summary.txt', '''
line coverage 86.1% (min 80)  | mutation 71% (min 60) | SAST high/critical: 0 | deps critical with fix: 0
p95 checkout 388 ms (budget 450) | DAST: 0 FAIL, 3 WARN (accepted) | open pen-test findings: PT-0412 (High, disputed)
''')])

# why: reads like a table lookup, but choosing a safe deployment order across seven services from
# contract-verification results is cross-service compatibility reasoning.
t('complex', 'quality-gate', "We want to ship the new versions of seven services in one change window. Here is the contract verification matrix and what is in production now. Can it go, and in what order, so that at no point a deployed consumer talks to a deployed provider it has not been verified against? If no safe order exists, say which pair blocks it.", [('contracts/matrix.txt', '''
consumer            c.version   provider        p.version   verified
web-bff             8.2.0       checkout        5.4.1       yes
web-bff             8.2.0       checkout        5.5.0       yes
web-bff             8.3.0       checkout        5.4.1       no
web-bff             8.3.0       checkout        5.5.0       yes
web-bff             8.3.0       inventory       3.1.0       yes
web-bff             8.3.0       inventory       3.2.0       yes
checkout            5.4.1       payments        7.0.3       yes
checkout            5.4.1       payments        7.1.0       no
checkout            5.5.0       payments        7.0.3       yes
checkout            5.5.0       payments        7.1.0       yes
checkout            5.5.0       inventory       3.1.0       no
checkout            5.5.0       inventory       3.2.0       yes
checkout            5.4.1       inventory       3.2.0       yes
payments            7.1.0       ledger          2.9.0       yes
payments            7.1.0       ledger          3.0.0       yes
payments            7.0.3       ledger          3.0.0       no
ledger              3.0.0       notifications   4.4.0       yes
ledger              2.9.0       notifications   4.4.0       yes
shipping            1.8.0       inventory       3.2.0       yes
shipping            1.7.2       inventory       3.2.0       no
checkout            5.5.0       shipping        1.8.0       yes
checkout            5.4.1       shipping        1.8.0       yes
'''), ('contracts/production.txt', '''
web-bff 8.2.0 | checkout 5.4.1 | payments 7.0.3 | ledger 2.9.0 | inventory 3.1.0 | shipping 1.7.2 | notifications 4.4.0
candidates: web-bff 8.3.0 | checkout 5.5.0 | payments 7.1.0 | ledger 3.0.0 | inventory 3.2.0 | shipping 1.8.0
''')], lang=None)

t('complex', 'flaky-test-analysis', "The concurrency test for our Redis-backed lock in the HR batch scheduler fails about once in two hundred runs with two holders at the same time. Code and test attached. I'd like the actual root causes (there may be more than one), why the test only catches them rarely, and a redesigned lock plus a test that exposes the problem deterministically.", [('src/main/java/com/acme/hr/sched/RedisLock.java', '''
package com.acme.hr.sched;

import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

public final class RedisLock implements AutoCloseable {
    private final Jedis jedis;
    private final String key;
    private final String token = UUID.randomUUID().toString();

    public RedisLock(Jedis jedis, String key) {
        this.jedis = jedis;
        this.key = key;
    }

    public boolean tryAcquire(Duration ttl) {
        String reply = jedis.set(key, token, SetParams.setParams().nx().px(ttl.toMillis()));
        return "OK".equals(reply);
    }

    @Override
    public void close() {
        if (token.equals(jedis.get(key))) {
            jedis.del(key);
        }
    }
}
'''), ('src/test/java/com/acme/hr/sched/RedisLockConcurrencyTest.java', '''
package com.acme.hr.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisLockConcurrencyTest {
    private final Jedis jedis = new Jedis("localhost", 6379);

    @Test
    void atMostOneHolder() throws Exception {
        var inside = new AtomicInteger();
        var maxInside = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        var rnd = ThreadLocalRandom.current();
        for (int i = 0; i < 400; i++) {
            pool.submit(() -> {
                try (var lock = new RedisLock(jedis, "payroll-close")) {
                    if (!lock.tryAcquire(Duration.ofMillis(200))) return null;
                    int now = inside.incrementAndGet();
                    maxInside.accumulateAndGet(now, Math::max);
                    Thread.sleep(50 + rnd.nextInt(160));
                    inside.decrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        assertEquals(1, maxInside.get());
    }
}
''')], fw='junit5', lang=None)

t('complex', 'flaky-test-analysis', "No code yet, just the symptom: the claims-pipeline end-to-end test fails about once a day because a claim is adjudicated twice. It seems to happen only when a consumer-group rebalance lands during an offset commit. How would you establish whether the test is at fault or we have an at-least-once processing bug, what would you instrument, and how would you make the failure reproducible on demand?", [], lang=None)

t('complex', 'security-scan', "Security review of the password-reset flow in the legacy e-commerce account service before it is exposed to the new mobile app. Full findings, please, each with CWE, exploit scenario and fix.", [('src/account/reset.php', r'''
<?php

function request_reset(PDO $db, string $email): void
{
    $stmt = $db->query("SELECT id, email FROM users WHERE email = '" . $email . "'");
    $user = $stmt->fetch(PDO::FETCH_ASSOC);
    if (!$user) {
        http_response_code(404);
        echo json_encode(['error' => 'No account with that email address']);
        return;
    }
    $token = md5($user['email'] . mt_rand());
    $db->exec("UPDATE users SET reset_token = '$token', reset_expires = NOW() + INTERVAL 1 DAY WHERE id = {$user['id']}");
    $link = 'https://' . $_SERVER['HTTP_HOST'] . '/account/reset?token=' . $token;
    send_mail($user['email'], 'Reset your password', "Follow this link to reset your password: $link");
    echo json_encode(['ok' => true]);
}

function perform_reset(PDO $db, string $token, string $password): bool
{
    $stmt = $db->prepare('SELECT id FROM users WHERE reset_token = ? AND reset_expires > NOW()');
    $stmt->execute([$token]);
    $id = $stmt->fetchColumn();
    if ($id === false) {
        return false;
    }
    if (strlen($password) < 6) {
        return false;
    }
    $db->prepare('UPDATE users SET password = ? WHERE id = ?')->execute([sha1($password), $id]);
    $_SESSION['user_id'] = $id;
    return true;
}
''')], lang=None)

# why: a 30-line Terraform file and a casual ask, but it is an authorisation review with a privilege-escalation path
# (PassRole on * with RegisterTaskDefinition) and a federated trust condition that is too broad.
t('complex', 'security-scan', "Quick sanity check on this before I approve the PR? It's the CI deploy role for the patient-records service.", [('infra/iam_ci.tf', '''
resource "aws_iam_role" "ci_deployer" {
  name = "ci-deployer-patient-records"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme-health/*" }
      }
    }]
  })
}

resource "aws_iam_role_policy" "ci_deployer" {
  role = aws_iam_role.ci_deployer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ecs:UpdateService", "ecs:RegisterTaskDefinition", "ecs:Describe*"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
      { Effect = "Allow", Action = ["s3:PutObject", "s3:GetObject"], Resource = "arn:aws:s3:::acme-health-artifacts/*" }
    ]
  })
}
''')], lang=None)

t('complex', 'security-scan', "Multi-tenant HR SaaS, ASP.NET Core. Please review the token validation setup and the tenant authorisation handler for ways one tenant's users (or anyone with an Entra ID account) could reach another tenant's data. Rank by exploitability.", [('src/Hr.Api/Program.Auth.cs', '''
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

public static class AuthSetup
{
    public static void AddHrAuth(this WebApplicationBuilder builder)
    {
        var cfg = builder.Configuration;
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = "https://login.microsoftonline.com/common/v2.0";
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = false,
                    ValidateAudience = true,
                    ValidAudiences = new[] { cfg["Auth:ClientId"], "api://hr-platform" },
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromHours(1),
                };
            });

        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy("TenantMember", p => p.AddRequirements(new TenantRequirement()));
        });
        builder.Services.AddSingleton<IAuthorizationHandler, TenantAuthorizationHandler>();
    }
}
'''), ('src/Hr.Api/Auth/TenantAuthorizationHandler.cs', '''
using Microsoft.AspNetCore.Authorization;

public sealed class TenantRequirement : IAuthorizationRequirement { }

public sealed class TenantAuthorizationHandler : AuthorizationHandler<TenantRequirement>
{
    private readonly IHttpContextAccessor _http;
    private readonly ITenantDirectory _tenants;

    public TenantAuthorizationHandler(IHttpContextAccessor http, ITenantDirectory tenants)
    {
        _http = http;
        _tenants = tenants;
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRequirement requirement)
    {
        var routeTenant = _http.HttpContext?.GetRouteValue("tenantId")?.ToString();
        var headerTenant = _http.HttpContext?.Request.Headers["X-Tenant-Id"].FirstOrDefault();
        var tenantId = headerTenant ?? routeTenant;
        if (tenantId is null)
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.IsInRole("platform-admin"))
        {
            context.Succeed(requirement);
            return;
        }

        var tid = context.User.FindFirst("tid")?.Value;
        var tenant = await _tenants.FindAsync(tenantId);
        if (tenant is not null && (tenant.EntraTenantId == tid || tenant.Domains.Any(d => context.User.Identity!.Name!.EndsWith(d))))
        {
            context.Succeed(requirement);
        }
    }
}
''')], lang=None)

t('complex', 'performance-testing', "Design the Black Friday soak and peak test for the e-commerce platform as a whole: storefront, search, cart, checkout, payments (sandbox PSP), inventory, order events on Kafka, Redis and the CDN. I need the workload model and how you derive it from last year's traffic, data seeding and isolation, the ramp and soak profile, what to watch for leaks and queue build-up, pass/fail criteria per service, and how to keep fraud and rate-limit controls from skewing results without switching them off.", [], lang=None)

t('complex', 'performance-testing', "Load-test design for the OTA update server: two million devices that poll every six hours with jittered exponential backoff, staged rollouts at 1/5/25/100%, resumable range downloads through the CDN, and the reconnect storm after a regional outage. How would you model the fleet, what breaks first, and what should the pass criteria be, including making sure devices never get an image outside their rollout cohort under load?", [], ['device simulator must speak mTLS with per-device certificates', 'no traffic to the production CDN'], lang=None)

# why: a 40-line ring buffer, but meaningful benchmarks need its lock-free correctness (publication order,
# false sharing, contention) understood first.
t('complex', 'performance-testing', "The telemetry ingest path of the firmware server now uses this lock-free ring. Write benchmarks that measure throughput under 1, 4 and 16 producers against a mutex-guarded slice, and tell me whether the numbers will mean anything, i.e. whether the structure is even correct under contention.", [('internal/ring/ring.go', '''
package ring

import (
	"sync/atomic"
	"unsafe"
)

type Ring struct {
	buf  []unsafe.Pointer
	mask uint64
	head uint64 // next slot to write
	tail uint64 // next slot to read
}

func New(sizePow2 int) *Ring {
	return &Ring{buf: make([]unsafe.Pointer, sizePow2), mask: uint64(sizePow2 - 1)}
}

func (r *Ring) Push(v unsafe.Pointer) bool {
	for {
		h := atomic.LoadUint64(&r.head)
		t := atomic.LoadUint64(&r.tail)
		if h-t == uint64(len(r.buf)) {
			return false
		}
		if atomic.CompareAndSwapUint64(&r.head, h, h+1) {
			atomic.StorePointer(&r.buf[h&r.mask], v)
			return true
		}
	}
}

func (r *Ring) Pop() (unsafe.Pointer, bool) {
	for {
		t := atomic.LoadUint64(&r.tail)
		h := atomic.LoadUint64(&r.head)
		if t == h {
			return nil, false
		}
		v := atomic.LoadPointer(&r.buf[t&r.mask])
		if atomic.CompareAndSwapUint64(&r.tail, t, t+1) {
			return v, true
		}
	}
}
''')], fw='go test', lang=None)

t('complex', 'defect-analysis', "A customer was charged twice for one order last Tuesday. Logs from the gateway, orders, payments, the outbox relay and the PSP webhook receiver are attached, cut to the relevant window. I need the causal chain across services, the exact point where idempotency was lost, and what else could produce the same outcome.", [('logs/gateway.log', '''
2025-06-03T14:02:11.004Z req=gw-7f21 POST /api/orders/o-55120/pay upstream=orders status=504 duration=30001ms
2025-06-03T14:02:11.310Z req=gw-7f2a POST /api/orders/o-55120/pay upstream=orders status=200 duration=2114ms client_retry=1
'''), ('logs/orders.log', '''
2025-06-03T14:01:41.020Z req=gw-7f21 order=o-55120 pay requested idem_key=ik-o55120-1
2025-06-03T14:01:41.031Z req=gw-7f21 order=o-55120 calling payments POST /charges idem_key=ik-o55120-1 timeout=30s
2025-06-03T14:02:11.005Z req=gw-7f21 order=o-55120 context cancelled by client; leaving status=PAYMENT_PENDING
2025-06-03T14:02:11.318Z req=gw-7f2a order=o-55120 pay requested idem_key=ik-o55120-2 (previous attempt not completed)
2025-06-03T14:02:11.322Z req=gw-7f2a order=o-55120 calling payments POST /charges idem_key=ik-o55120-2 timeout=30s
2025-06-03T14:02:13.420Z req=gw-7f2a order=o-55120 charge ch_9Qe succeeded -> status=PAID
'''), ('logs/payments.log', '''
2025-06-03T14:01:41.040Z charge create idem_key=ik-o55120-1 amount=129.90 EUR -> psp call (psp_idem=ik-o55120-1)
2025-06-03T14:02:11.330Z charge create idem_key=ik-o55120-2 amount=129.90 EUR -> psp call (psp_idem=ik-o55120-2)
2025-06-03T14:02:13.401Z charge ch_9Qe psp_status=succeeded idem_key=ik-o55120-2
2025-06-03T14:02:39.877Z charge ch_8Lx psp_status=succeeded idem_key=ik-o55120-1 (late response, 58.8s)
2025-06-03T14:02:39.880Z outbox insert event=ChargeSucceeded charge=ch_8Lx order=o-55120
'''), ('logs/outbox-relay.log', '''
2025-06-03T14:02:13.455Z publish ChargeSucceeded charge=ch_9Qe order=o-55120 topic=payments.events
2025-06-03T14:02:40.102Z publish ChargeSucceeded charge=ch_8Lx order=o-55120 topic=payments.events
2025-06-03T14:02:40.140Z orders consumer: order o-55120 already PAID, ignoring ChargeSucceeded ch_8Lx
'''), ('logs/psp-webhooks.log', '''
2025-06-03T14:02:14.002Z webhook charge.succeeded ch_9Qe verified
2025-06-03T14:02:40.511Z webhook charge.succeeded ch_8Lx verified
2025-06-03T14:02:40.515Z reconciliation: no refund policy for duplicate captures; flagged for manual review (queue depth 212)
''')], lang=None)

t('complex', 'defect-analysis', "Incident on the patient portal: a clinician saw another patient's summary header for a few seconds, and the audit trail has entries attributed to the wrong patient. It cannot be reproduced locally. Code and log excerpts attached; establish the root cause, its blast radius (CWE-488 is my working hypothesis) and a fix that holds under the async audit path.", [('src/main/java/health/portal/context/PatientContextHolder.java', '''
package health.portal.context;

public final class PatientContextHolder {
    private static final InheritableThreadLocal<PatientContext> CURRENT = new InheritableThreadLocal<>();

    private PatientContextHolder() {}

    public static void set(PatientContext ctx) { CURRENT.set(ctx); }

    public static PatientContext get() { return CURRENT.get(); }

    public static void clear() { CURRENT.remove(); }
}
'''), ('src/main/java/health/portal/summary/PatientSummaryController.java', '''
package health.portal.summary;

import health.portal.audit.AuditService;
import health.portal.context.PatientContext;
import health.portal.context.PatientContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

@RestController
public class PatientSummaryController {
    private final PatientService patients;
    private final AuditService audit;

    public PatientSummaryController(PatientService patients, AuditService audit) {
        this.patients = patients;
        this.audit = audit;
    }

    @GetMapping("/api/patients/{id}/summary")
    public SummaryDto summary(@PathVariable String id, Authentication auth) {
        PatientContext ctx = patients.loadContext(id, auth);
        PatientContextHolder.set(ctx);
        audit.recordViewAsync(auth.getName(), "SUMMARY_VIEW");
        return patients.summarise(ctx);
    }
}
'''), ('src/main/java/health/portal/audit/AuditService.java', '''
package health.portal.audit;

import health.portal.context.PatientContextHolder;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

@Service
public class AuditService {
    private final AuditRepository repo;

    public AuditService(AuditRepository repo) { this.repo = repo; }

    @Async("auditExecutor")
    public void recordViewAsync(String user, String action) {
        var ctx = PatientContextHolder.get();
        repo.save(new AuditEntry(user, action, ctx == null ? null : ctx.patientId()));
    }
}
'''), ('src/main/java/health/portal/web/SummaryHeaderFilter.java', '''
package health.portal.web;

import health.portal.context.PatientContextHolder;
import jakarta.servlet.*;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public class SummaryHeaderFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        var ctx = PatientContextHolder.get();
        if (ctx != null) {
            ((HttpServletResponse) res).setHeader("X-Patient-Display", ctx.displayName());
        }
        chain.doFilter(req, res);
    }
}
'''), ('logs/audit-mismatch.txt', '''
2025-06-11T08:14:02.118Z http-nio-8443-exec-7  GET /api/patients/P-20931/summary user=dr.okafor
2025-06-11T08:14:02.140Z audit-3               AuditEntry user=dr.okafor action=SUMMARY_VIEW patient=P-11872
2025-06-11T08:14:05.502Z http-nio-8443-exec-7  GET /api/patients/P-30412/summary user=dr.lindqvist  header X-Patient-Display="R. Haddad (P-20931)"
2025-06-11T08:14:05.530Z audit-3               AuditEntry user=dr.lindqvist action=SUMMARY_VIEW patient=P-11872
auditExecutor: ThreadPoolTaskExecutor core=4 max=4 queue=500 (threads created at startup warm-up)
''')], lang=None)
