from lib import t, lines

# Fresh evaluation batch i, written to the rubric in docs/tasks.md (tier = the cheapest model tier that reliably
# does the task well). Persona: senior developer at an insurer / bank (Java/Spring, Kotlin, .NET, batch jobs,
# Oracle/DB2, some Angular). Formal tickets, acceptance criteria in requirements, change-management references.
# Order: by task type; within each type simple, medium, complex.

# ================================================================================================================
# test-generation
# ================================================================================================================

t('simple', 'test-generation', "POL-2291: the rating module is the last one still on JUnit 4. Please migrate NoClaimsDiscountTest to JUnit 5 (Jupiter). Same three cases, no new ones; this goes in under the standard change, so keep the diff minimal.", [('policy-rating/src/test/java/com/acme/policy/rating/NoClaimsDiscountTest.java', '''
package com.acme.policy.rating;

import org.junit.Before;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

public class NoClaimsDiscountTest {

    private NoClaimsDiscount ncd;

    @Before
    public void setUp() {
        ncd = new NoClaimsDiscount();
    }

    @Test
    public void zeroYearsGivesNoDiscount() {
        assertEquals(0, ncd.percentFor(0));
    }

    @Test
    public void fiveYearsGivesSixtyPercent() {
        assertEquals(60, ncd.percentFor(5));
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeYearsRejected() {
        ncd.percentFor(-1);
    }
}''')], reqs=['AC1: uses org.junit.jupiter.api only', 'AC2: expected exception via assertThrows', 'AC3: no change to test names'], fw='junit5', lang=None)

t('simple', 'test-generation', "BRK-118 (broker portal): the maskIban pipe shipped without a spec. Could you write the Jasmine spec for it? Null/empty, short input, and a normal German IBAN with spaces are the cases I'd expect.", [('src/app/shared/pipes/mask-iban.pipe.ts', r'''
import { Pipe, PipeTransform } from '@angular/core';

@Pipe({ name: 'maskIban', standalone: true })
export class MaskIbanPipe implements PipeTransform {
  transform(iban: string | null | undefined): string {
    if (!iban) {
      return '';
    }
    const compact = iban.replace(/\s+/g, '').toUpperCase();
    if (compact.length < 8) {
      return compact;
    }
    const country = compact.slice(0, 2);
    const lastFour = compact.slice(-4);
    return `${country}** **** **** ${lastFour}`;
  }
}''')], reqs=['AC1: spec file next to the pipe (mask-iban.pipe.spec.ts)', 'AC2: no TestBed needed, instantiate the pipe directly'], fw='jasmine', lang='typescript')

t('medium', 'test-generation', "CLM-4821 - unit tests for ClaimIntakeService before we refactor first-notice-of-loss. Mock the repository and the three downstream clients, fix the clock. I need every outcome of register() pinned down: rejections, late notification, SIU routing, below-deductible closure, and the degraded paths when the document store or fraud scoring is down.", [('claims-intake/src/main/java/com/acme/claims/intake/ClaimIntakeService.java', '''
package com.acme.claims.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.claims.domain.*;
import com.acme.claims.clients.*;

@Service
public class ClaimIntakeService {

    private static final Logger log = LoggerFactory.getLogger(ClaimIntakeService.class);
    private static final int SIU_THRESHOLD = 700;

    private final ClaimRepository claimRepository;
    private final PolicyClient policyClient;
    private final DocumentStoreClient documentStore;
    private final FraudScoringClient fraudScoring;
    private final Clock clock;

    public ClaimIntakeService(ClaimRepository claimRepository, PolicyClient policyClient,
                              DocumentStoreClient documentStore, FraudScoringClient fraudScoring, Clock clock) {
        this.claimRepository = claimRepository;
        this.policyClient = policyClient;
        this.documentStore = documentStore;
        this.fraudScoring = fraudScoring;
        this.clock = clock;
    }

    @Transactional
    public ClaimReceipt register(FirstNoticeOfLoss fnol) {
        LocalDate today = LocalDate.now(clock);
        if (fnol.lossDate().isAfter(today)) {
            throw new InvalidClaimException("LOSS_DATE_IN_FUTURE");
        }
        PolicySnapshot policy = policyClient.findActive(fnol.policyNumber(), fnol.lossDate())
                .orElseThrow(() -> new PolicyNotInForceException(fnol.policyNumber(), fnol.lossDate()));
        if (!policy.covers(fnol.perilCode())) {
            throw new InvalidClaimException("PERIL_NOT_COVERED");
        }

        long daysToReport = ChronoUnit.DAYS.between(fnol.lossDate(), today);
        ClaimStatus initial = daysToReport > policy.reportingWindowDays()
                ? ClaimStatus.LATE_NOTIFICATION_REVIEW
                : ClaimStatus.REGISTERED;
        Claim claim = Claim.open(policy, fnol, initial, today);

        for (DocumentRef doc : fnol.attachments()) {
            try {
                documentStore.link(claim.reference(), doc);
            } catch (DocumentStoreUnavailableException e) {
                log.warn("document store unavailable, claim {} flagged", claim.reference());
                claim.flagPendingDocuments();
                break;
            }
        }

        int score;
        try {
            score = fraudScoring.score(policy.customerId(), fnol);
        } catch (FraudServiceTimeoutException e) {
            score = -1;
            claim.markForManualFraudReview();
        }

        BigDecimal estimate = fnol.estimatedAmount();
        if (score >= SIU_THRESHOLD) {
            claim.routeTo(WorkQueue.SIU);
        } else if (initial == ClaimStatus.REGISTERED && estimate.compareTo(policy.deductible()) <= 0) {
            claim.closeBelowDeductible();
        } else {
            claim.routeTo(estimate.compareTo(policy.fastTrackLimit()) <= 0 ? WorkQueue.FAST_TRACK : WorkQueue.HANDLER);
        }

        Claim saved = claimRepository.save(claim);
        return new ClaimReceipt(saved.id(), saved.reference(), saved.status(), saved.queue());
    }
}''')], reqs=['AC1: JUnit 5 + Mockito, no Spring context', 'AC2: Clock.fixed for all date logic, including the reporting-window boundary day', 'AC3: verify no save() on every rejection path', 'AC4: the fraud score of exactly 700 is covered'], fw='junit5', lang=None)

t('medium', 'test-generation', "CLR-906: we take over the inbound settlement file parser from the vendor team next sprint and there are no tests. Please write Kotest (or JUnit 5, your call) tests for SettlementRecordParser. The signed overpunch amounts are where the vendor had production incidents, so cover those properly, plus the header/trailer skipping and every RecordFormatException path.", [('clearing-inbound/src/main/kotlin/com/acme/clearing/inbound/SettlementRecordParser.kt', '''
package com.acme.clearing.inbound

import java.math.BigDecimal
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException

data class SettlementRecord(
    val participantBic: String,
    val valueDate: LocalDate,
    val amount: BigDecimal,
    val currency: String,
    val reference: String,
)

class RecordFormatException(val line: Int, msg: String) : RuntimeException("line $line: $msg")

object SettlementRecordParser {
    private const val RECORD_LENGTH = 80
    private val DATE = DateTimeFormatter.ofPattern("yyyyMMdd")

    // zoned decimal: the last character carries the sign (overpunch)
    private val POSITIVE = mapOf('{' to 0, 'A' to 1, 'B' to 2, 'C' to 3, 'D' to 4, 'E' to 5, 'F' to 6, 'G' to 7, 'H' to 8, 'I' to 9)
    private val NEGATIVE = mapOf('}' to 0, 'J' to 1, 'K' to 2, 'L' to 3, 'M' to 4, 'N' to 5, 'O' to 6, 'P' to 7, 'Q' to 8, 'R' to 9)

    fun parse(raw: String, lineNo: Int): SettlementRecord? {
        val line = raw.trimEnd('\\r')
        if (line.isBlank()) return null
        if (line.length != RECORD_LENGTH) {
            throw RecordFormatException(lineNo, "expected $RECORD_LENGTH chars, got ${line.length}")
        }
        when (val type = line[0]) {
            'H', 'T' -> return null // envelope records are handled by FileEnvelopeReader
            'D' -> Unit
            else -> throw RecordFormatException(lineNo, "unknown record type '$type'")
        }
        val bic = line.substring(1, 12).trim()
        if (bic.length != 8 && bic.length != 11) throw RecordFormatException(lineNo, "bad BIC '$bic'")
        val valueDate = try {
            LocalDate.parse(line.substring(12, 20), DATE)
        } catch (e: DateTimeParseException) {
            throw RecordFormatException(lineNo, "bad value date '${line.substring(12, 20)}'")
        }
        val amount = parseZoned(line.substring(20, 35), scale = 2, lineNo = lineNo)
        val currency = line.substring(35, 38)
        if (!currency.all { it in 'A'..'Z' }) throw RecordFormatException(lineNo, "bad currency '$currency'")
        val reference = line.substring(38, 73).trim()
        if (reference.isEmpty()) throw RecordFormatException(lineNo, "missing end-to-end reference")
        return SettlementRecord(bic, valueDate, amount, currency, reference)
    }

    internal fun parseZoned(field: String, scale: Int, lineNo: Int): BigDecimal {
        val digits = field.dropLast(1)
        val last = field.last()
        if (!digits.all { it.isDigit() }) throw RecordFormatException(lineNo, "non-numeric amount '$field'")
        val (lastDigit, negative) = when {
            last.isDigit() -> last.digitToInt() to false
            last in POSITIVE -> POSITIVE.getValue(last) to false
            last in NEGATIVE -> NEGATIVE.getValue(last) to true
            else -> throw RecordFormatException(lineNo, "bad sign character '$last'")
        }
        val unscaled = BigDecimal(digits + lastDigit).movePointLeft(scale)
        return if (negative) unscaled.negate() else unscaled
    }
}''')], reqs=['AC1: build 80-character fixture lines with a small helper, not hand-counted literals', 'AC2: negative zero (\'}\' with all-zero digits) asserted explicitly', 'AC3: CRLF input accepted'], fw='kotest', lang=None)

t('medium', 'test-generation', "QTE-340 (Angular quote journey): please add unit tests for QuoteService using HttpClientTestingModule. The retry on 503 and the mapping of 422 decline codes were both changed in the last release without tests; our definition of done requires them before the next CAB.", [('src/app/quote/quote.service.ts', '''
import { Injectable, inject } from '@angular/core';
import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Observable, of, throwError, timer } from 'rxjs';
import { catchError, map, retry } from 'rxjs/operators';

export interface QuoteRequest { productCode: string; sumInsured: number; postcode: string; effectiveDate: string; }
export interface Quote { quoteId: string; annualPremium: number; currency: string; expiresAt: string; }

export class QuoteUnavailableError extends Error {}
export class QuoteDeclinedError extends Error {
  constructor(public readonly reasonCode: string) { super(`quote declined: ${reasonCode}`); }
}

@Injectable({ providedIn: 'root' })
export class QuoteService {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = '/api/pricing/v2';

  requestQuote(req: QuoteRequest): Observable<Quote> {
    return this.http.post<{ data: Quote }>(`${this.baseUrl}/quotes`, req).pipe(
      retry({
        count: 2,
        delay: (err: HttpErrorResponse, attempt: number) =>
          err.status === 503 ? timer(attempt * 500) : throwError(() => err),
      }),
      map(res => res.data),
      catchError((err: HttpErrorResponse) => {
        if (err.status === 422 && err.error?.reasonCode) {
          return throwError(() => new QuoteDeclinedError(err.error.reasonCode));
        }
        if (err.status === 503 || err.status === 0) {
          return throwError(() => new QuoteUnavailableError('pricing service unavailable'));
        }
        return throwError(() => err);
      }),
    );
  }

  getQuote(id: string, includeBreakdown = false): Observable<Quote | null> {
    const params = new HttpParams().set('breakdown', String(includeBreakdown));
    return this.http.get<{ data: Quote }>(`${this.baseUrl}/quotes/${encodeURIComponent(id)}`, { params }).pipe(
      map(res => res.data),
      catchError((err: HttpErrorResponse) => (err.status === 404 ? of(null) : throwError(() => err))),
    );
  }
}''')], reqs=['AC1: HttpTestingController.verify() after each test', 'AC2: retry timing driven with fakeAsync/tick, no real waits', 'AC3: 422 without reasonCode falls through to the raw error'], fw='jasmine', lang='typescript')

# why: 30 lines of plain Spring, but the whole point is idempotency under concurrent duplicates and a gateway call inside the transaction
t('complex', 'test-generation', "PAY-1377. Mobile banking retries payment submissions aggressively and we had two double debits in October. Please write the tests for PaymentSubmissionService that would have caught this - including two requests with the same Idempotency-Key arriving at the same time, and a gateway timeout after the bank actually accepted the payment.", [('payments-api/src/main/java/com/acme/payments/submission/PaymentSubmissionService.java', '''
package com.acme.payments.submission;

@Service
public class PaymentSubmissionService {

    private final IdempotencyRepository idempotency;
    private final PaymentGateway gateway;
    private final PaymentRepository payments;

    public PaymentSubmissionService(IdempotencyRepository idempotency, PaymentGateway gateway, PaymentRepository payments) {
        this.idempotency = idempotency;
        this.gateway = gateway;
        this.payments = payments;
    }

    @Transactional
    public PaymentResult submit(String idempotencyKey, PaymentInstruction instruction) {
        Optional<IdempotencyRecord> existing = idempotency.findByKey(idempotencyKey);
        if (existing.isPresent()) {
            IdempotencyRecord rec = existing.get();
            if (!rec.requestHash().equals(instruction.hash())) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            if (rec.status() == Status.IN_PROGRESS) {
                throw new RequestInProgressException(idempotencyKey);
            }
            return rec.result();
        }
        idempotency.insert(new IdempotencyRecord(idempotencyKey, instruction.hash(), Status.IN_PROGRESS, null));
        PaymentResult result = gateway.send(instruction);   // remote call to the clearing gateway
        payments.save(Payment.from(instruction, result));
        idempotency.complete(idempotencyKey, result);
        return result;
    }
}''')], reqs=['AC1: integration test against Oracle via Testcontainers, not only mocks', 'AC2: concurrent duplicate submissions must result in exactly one gateway.send', 'AC3: document any defect found as a separate finding rather than fixing it in the test PR'], fw='junit5', lang=None)

t('complex', 'test-generation', "CLR-1002: we are replacing the multilateral netting routine in the clearing engine (it computes, per settlement cycle, one net position per participant from thousands of bilateral obligations, with per-participant debit caps and a fallback that removes the largest offending obligations until every cap holds). I want property-based tests with jqwik rather than more example cases: generators for realistic obligation sets, and properties for conservation of value, the caps, determinism regardless of input order, and that the fallback removes as little as possible. No code attached yet; the interface is NettingEngine.net(List<Obligation>, Map<Bic, Money> caps) -> NettingResult.", [], reqs=['AC1: jqwik properties with shrinking that produces readable counterexamples', 'AC2: amounts in minor units, multi-currency obligations must never be netted across currencies', 'AC3: a reference (naive) implementation in the test sources for differential checking'], fw='jqwik', lang=None)

# ================================================================================================================
# test-execution
# ================================================================================================================

t('simple', 'test-execution', "Before I raise the change request for policy-core, please run `mvn -pl policy-core -am test` on the release branch and send me the Surefire summary line (tests run / failures / errors / skipped). Nothing else needed.", [], fw='junit5', lang=None)

t('simple', 'test-execution', "The nightly regression for the regulatory reporting module (REG-77) produced the Surefire text report below. Could you list the failed test methods and give me the total count for the morning stand-up?", [('reg-reporting/target/surefire-reports/summary.txt', '''
-------------------------------------------------------
 T E S T S
-------------------------------------------------------
''' + lines(64, lambda i: (f'[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: {0.3 + i * 0.02:.2f} s <<< FAILURE! - in com.acme.reg.corep.C{i:02d}TemplateTest.rowTotalsMatchLedger' if i in (9, 23, 41, 58) else f'[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {0.3 + i * 0.02:.2f} s - in com.acme.reg.corep.C{i:02d}TemplateTest')) + '''
[INFO]
[INFO] Results:
[INFO]
[ERROR] Tests run: 64, Failures: 4, Errors: 0, Skipped: 0
[INFO] BUILD FAILURE''')], lang=None)

t('simple', 'test-execution', "Broker portal, ticket BRK-131: please run the Karma unit tests headless (ChromeHeadless, single run) twice in a row and tell me the executed/failed counts for each run.", [], fw='karma', lang='typescript')

t('medium', 'test-execution', "KYC-512: please run the integration test suite of kyc-screening-service (profile `it`, WireMock stands in for the sanctions-list provider and the company registry) and give me a triage of the failures: which are environment/stub problems and which look like real regressions from the last merge. Yesterday's failing output and the stub config are attached for reference.", [('kyc-screening-service/src/test/resources/application-it.yml', '''
spring:
  datasource:
    url: jdbc:tc:oracle:21-slim-faststart:///KYCIT
  jpa:
    hibernate:
      ddl-auto: validate
kyc:
  sanctions:
    base-url: http://localhost:${wiremock.server.port}/sanctions/v3
    timeout: 2s
    fuzzy-threshold: 0.87
  registry:
    base-url: http://localhost:${wiremock.server.port}/registry
    timeout: 3s
wiremock:
  stubs: classpath:/stubs'''), ('kyc-screening-service/target/it-run-2024-11-14.log', '''
[INFO] Running com.acme.kyc.screening.ScreeningFlowIT
[ERROR] Tests run: 9, Failures: 2, Errors: 1, Skipped: 0, Time elapsed: 41.2 s <<< FAILURE!
[ERROR] screensPepWithTransliteratedName  Time elapsed: 3.1 s  <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <POTENTIAL_MATCH> but was: <CLEAR>
        at com.acme.kyc.screening.ScreeningFlowIT.screensPepWithTransliteratedName(ScreeningFlowIT.java:118)
[ERROR] registryLookupForLimitedCompany  Time elapsed: 3.0 s  <<< ERROR!
com.acme.kyc.registry.RegistryUnavailableException: GET /registry/companies/08123456 -> 404 (no stub matched)
        at com.acme.kyc.registry.RegistryClient.fetch(RegistryClient.java:64)
[ERROR] escalatesWhenSanctionsTimesOut  Time elapsed: 2.1 s  <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <MANUAL_REVIEW> but was: <ERROR>
        at com.acme.kyc.screening.ScreeningFlowIT.escalatesWhenSanctionsTimesOut(ScreeningFlowIT.java:171)
[INFO] Running com.acme.kyc.onboarding.OnboardingCaseIT
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 22.7 s
[WARN] WireMock: request unmatched - GET /registry/companies/08123456 closest stub: GET /registry/v2/companies/08123456''')], reqs=['AC1: rerun once before classifying, report both runs', 'AC2: each failure tagged ENV or REGRESSION with a one-line justification'], fw='junit5', lang=None)

t('medium', 'test-execution', "CUS-2210: the Playwright e2e pack for the customer self-service portal has to be run against UAT before the change window on Thursday. Run it with retries disabled and the trace on first failure, then group whatever fails by probable cause (test data, environment, product defect). Last run's failure excerpts are below so you know what was already known.", [('e2e/reports/last-run-excerpt.txt', '''
  1) [chromium] › policy/change-address.spec.ts:34:7 › change of address › updates correspondence address
     Error: expect(locator).toHaveText(expected)
     Expected string: "Address updated"
     Received string: "We could not verify this postcode"
     Call log:
       - waiting for getByTestId('address-banner')

  2) [chromium] › claims/upload-document.spec.ts:58:5 › claim documents › uploads a 9 MB PDF
     TimeoutError: page.waitForResponse: Timeout 30000ms exceeded while waiting for event "response"
       at /claims/{id}/documents POST

  3) [webkit] › login/mfa.spec.ts:21:3 › login › accepts TOTP after SMS fallback
     Error: locator.fill: Target closed

  22 passed, 3 failed, 0 flaky (5.8m)''')], reqs=['AC1: run on chromium and webkit projects only', 'AC2: attach the trace zip path for every failure', 'AC3: summary table suitable for the CAB ticket'], fw='playwright', lang='typescript')

t('complex', 'test-execution', "OPS-3318 (month-end readiness). Please execute the recovery scenarios for the premium billing batch chain in the DR-test environment: the chain is the JCL-scheduled extract from the policy mainframe, then three Spring Batch jobs (rating, invoicing, direct-debit file generation) and the DB2 posting job. For each step we need the run killed mid-chunk, then restarted per the runbook, and evidence that no policy is invoiced twice or skipped and that the direct-debit file sent to the bank is byte-identical to a clean run. Report per scenario, with the control totals.", [], reqs=['AC1: one kill point per job at a chunk boundary and one mid-chunk', 'AC2: control totals (record count, premium sum) compared against a clean baseline run', 'AC3: any deviation raised as a P2 defect with job execution ids'], lang=None)

t('complex', 'test-execution', "PAY-1460: our payments scheduler uses the new lease-based distributed lock (on Oracle, with fencing tokens) so that only one node releases a standing-order run. Please run the fault-injection test harness against the 3-node setup - network partition between node 2 and the DB, GC pause longer than the lease on the leader, clock skew of 5 s on node 3 - and interpret the recorded operation histories: did two nodes ever act as holder at the same time, and did any stale fencing token get accepted by the ledger?", [('scheduler-lock-tests/history-excerpt.edn', '''
{:process 1, :type :invoke, :f :acquire, :value nil, :time 1200331}
{:process 1, :type :ok, :f :acquire, :value {:token 41, :lease-ms 10000}, :time 1204410}
{:process 2, :type :invoke, :f :acquire, :value nil, :time 1209871}
{:process 1, :type :info, :f :gc-pause, :value 12400, :time 1210002}
{:process 2, :type :ok, :f :acquire, :value {:token 42, :lease-ms 10000}, :time 1215212}
{:process 2, :type :invoke, :f :write-ledger, :value {:run "SO-2024-11-30", :token 42}, :time 1215530}
{:process 1, :type :invoke, :f :write-ledger, :value {:run "SO-2024-11-30", :token 41}, :time 1222433}
{:process 2, :type :ok, :f :write-ledger, :value {:run "SO-2024-11-30", :token 42}, :time 1222901}
{:process 1, :type :ok, :f :write-ledger, :value {:run "SO-2024-11-30", :token 41}, :time 1223010}''')], reqs=['AC1: each nemesis scenario run at least 20 times', 'AC2: findings classified as safety vs liveness violations'], lang=None)

# ================================================================================================================
# coverage-analysis
# ================================================================================================================

def _jacoco_row(i):
    pkgs = ['com.acme.policy.admin', 'com.acme.policy.admin.endorsement', 'com.acme.policy.admin.renewal', 'com.acme.policy.admin.cancellation']
    missed = (i * 37) % 90 + 5
    covered = (i * 53) % 140 + 10
    return f'policy-admin,{pkgs[i % 4]},PolicyComponent{i:02d},{missed * 4},{covered * 4},{i % 7},{(i * 3) % 11},{missed},{covered},{i % 5},{(i * 2) % 9 + 1},{i % 4},{(i % 6) + 2}'

t('simple', 'coverage-analysis', "POL-2350: audit asked for the list of classes in policy-admin below 60% line coverage. Using the JaCoCo CSV below, please give me class name and line coverage percentage for each of them, lowest first.", [('policy-admin/target/site/jacoco/jacoco.csv', 'GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n' + lines(60, _jacoco_row))], lang=None)

t('simple', 'coverage-analysis', "From the Istanbul summary of the advisor workbench (Angular), which files have 0% function coverage? Just the paths, please.", [('coverage/advisor-workbench/coverage-summary.txt', '''
---------------------------------------|---------|----------|---------|---------|
File                                   | % Stmts | % Branch | % Funcs | % Lines |
---------------------------------------|---------|----------|---------|---------|
All files                              |   71.84 |    58.12 |   66.40 |   72.03 |
 app/core                              |   88.20 |    74.00 |   85.71 |   88.90 |
  auth.guard.ts                        |   92.31 |    83.33 |     100 |   92.00 |
  http-error.interceptor.ts            |   84.62 |    66.67 |   71.43 |   85.71 |
 app/portfolio                         |   63.10 |    49.02 |   55.00 |   63.47 |
  portfolio-list.component.ts          |   81.25 |    60.00 |   77.78 |   81.82 |
  rebalance-dialog.component.ts        |       0 |        0 |       0 |       0 |
  portfolio.store.ts                   |   74.07 |    55.56 |   66.67 |   74.51 |
 app/suitability                       |   58.33 |    41.67 |   50.00 |   58.90 |
  risk-profile.component.ts            |   70.00 |    50.00 |   62.50 |   70.59 |
  suitability-report.service.ts        |   12.50 |        0 |       0 |   12.50 |
  questionnaire.mapper.ts              |     100 |      100 |     100 |     100 |
 app/shared                            |   79.41 |    70.00 |   75.00 |   80.00 |
  currency-format.pipe.ts              |     100 |      100 |     100 |     100 |
  legacy-date.adapter.ts               |       0 |        0 |       0 |       0 |
---------------------------------------|---------|----------|---------|---------|''')], lang=None)

t('simple', 'coverage-analysis', "Quick one: our .NET coverage rule is 70% line coverage per assembly. Which assemblies in this Cobertura summary are under it?", [('artifacts/coverage/Summary.txt', '''
Summary
  Generated on: 18/11/2024 - 06:12:44
  Parser: Cobertura
  Assemblies: 5
  Line coverage: 73.9%

Acme.Payments.Clearing        81.4%
Acme.Payments.Mandates        66.2%
Acme.Payments.Sepa.Iso20022   88.0%
Acme.Payments.Reconciliation  69.9%
Acme.Payments.Common          92.3%''')], lang=None)

t('medium', 'coverage-analysis', "UW-744: underwriting wants to know which of their motor acceptance rules are not actually exercised by tests, not just the coverage percentage. Attached are the two rule classes from com.acme.underwriting.motor.rules and the JaCoCo line report for them (nr = line number, ci = covered instructions). Please map the uncovered lines back to the business rules and tell me which tests we should add first.", [('underwriting/src/main/kotlin/com/acme/underwriting/motor/rules/DriverRules.kt', '''
package com.acme.underwriting.motor.rules

class DriverRules(private val config: RulesConfig) {
    fun evaluate(d: Driver, asOf: LocalDate): List<Referral> {
        val out = mutableListOf<Referral>()
        val age = Period.between(d.dateOfBirth, asOf).years
        if (age < config.minAge) out += Referral.decline("DRV01", "under minimum age")
        else if (age < 25 && d.licenceYears(asOf) < 2) out += Referral.refer("DRV02", "young inexperienced driver")
        if (age >= 80) out += Referral.refer("DRV03", "medical declaration required")
        if (d.licenceCountry != "GB" && d.licenceYears(asOf) < 1) out += Referral.refer("DRV04", "foreign licence under 12 months")
        val recent = d.convictions.filter { it.date.isAfter(asOf.minusYears(5)) }
        if (recent.any { it.code.startsWith("DR") }) out += Referral.decline("DRV05", "drink-driving conviction")
        else if (recent.sumOf { it.points } >= 9) out += Referral.refer("DRV06", "9+ penalty points")
        if (d.claims.count { it.atFault && it.date.isAfter(asOf.minusYears(3)) } >= 2) out += Referral.refer("DRV07", "2+ at-fault claims")
        return out
    }
}'''), ('underwriting/src/main/kotlin/com/acme/underwriting/motor/rules/VehicleRules.kt', '''
package com.acme.underwriting.motor.rules

class VehicleRules(private val config: RulesConfig) {
    fun evaluate(v: Vehicle, cover: CoverType): List<Referral> {
        val out = mutableListOf<Referral>()
        if (v.insuranceGroup > config.maxGroup) out += Referral.decline("VEH01", "group above appetite")
        if (v.value > config.maxValue) out += Referral.refer("VEH02", "high value vehicle")
        if (v.modified && v.modifications.any { it.category == ModCategory.PERFORMANCE }) out += Referral.refer("VEH03", "performance modification")
        if (v.importType == ImportType.GREY && cover == CoverType.COMPREHENSIVE) out += Referral.refer("VEH04", "grey import, comprehensive")
        if (v.keeperSince == null) out += Referral.refer("VEH05", "not yet purchased")
        return out
    }
}'''), ('underwriting/target/jacoco-lines.txt', '''
DriverRules.kt
  nr=5  ci=4   mi=0
  nr=6  ci=11  mi=0
  nr=7  ci=14  mi=0  mb=0 cb=2
  nr=8  ci=12  mi=9  mb=2 cb=2
  nr=9  ci=5   mi=8  mb=1 cb=1
  nr=10 ci=10  mi=7  mb=2 cb=2
  nr=11 ci=19  mi=0
  nr=12 ci=9   mi=8  mb=2 cb=2
  nr=13 ci=8   mi=8  mb=1 cb=1
  nr=14 ci=15  mi=8  mb=3 cb=3
  nr=15 ci=2   mi=0
VehicleRules.kt
  nr=5  ci=4   mi=0
  nr=6  ci=14  mi=0  mb=0 cb=2
  nr=7  ci=6   mi=8  mb=1 cb=1
  nr=8  ci=9   mi=10 mb=2 cb=2
  nr=9  ci=7   mi=8  mb=2 cb=2
  nr=10 ci=4   mi=8  mb=1 cb=1
  nr=11 ci=2   mi=0
branches missed: DriverRules 11 of 26, VehicleRules 6 of 14''')], reqs=['AC1: output table rule code -> covered / partially / not covered', 'AC2: prioritise by business impact (declines before referrals)'], lang=None)

t('medium', 'coverage-analysis', "PR 4471 (MND-88, mandate amendments) fails our new-code coverage rule. Looking at the diff and the per-line coverage, please tell me which changed lines are not covered, whether any of them genuinely matter, and what the smallest set of tests would be to get new-code coverage above 80%.", [('pr-4471.diff', '''
--- a/src/Acme.Payments.Mandates/MandateAmendmentService.cs
+++ b/src/Acme.Payments.Mandates/MandateAmendmentService.cs
@@ -41,12 +41,31 @@ public async Task<AmendmentResult> AmendAsync(MandateId id, AmendmentRequest req, CancellationToken ct)
     var mandate = await _repo.GetAsync(id, ct) ?? throw new MandateNotFoundException(id);
+    if (mandate.Status == MandateStatus.Cancelled)
+        return AmendmentResult.Rejected("MANDATE_CANCELLED");
+    if (req.NewDebtorIban is not null && !_iban.IsValid(req.NewDebtorIban))
+        return AmendmentResult.Rejected("INVALID_IBAN");
+    if (req.NewDebtorIban is not null && !IbanCountry.SameSepaZone(mandate.DebtorIban, req.NewDebtorIban))
+    {
+        _audit.Record(id, "CROSS_BORDER_AMENDMENT_BLOCKED");
+        return AmendmentResult.Rejected("CROSS_BORDER");
+    }
+    var isAccountChange = req.NewDebtorIban is not null && req.NewDebtorIban != mandate.DebtorIban;
+    if (isAccountChange && mandate.NextCollectionDate <= _clock.Today.AddBusinessDays(2))
+    {
+        mandate.FlagSmndaForNextCollection();
+    }
     mandate.Apply(req);
+    if (isAccountChange)
+        await _events.PublishAsync(new DebtorAccountChanged(id, mandate.DebtorIban), ct);
     await _repo.SaveAsync(mandate, ct);
     return AmendmentResult.Accepted(mandate.Version);'''), ('coverage/MandateAmendmentService.lines.txt', '''
line 42 hits=12
line 43 hits=12   line 44 hits=0
line 45 hits=12   line 46 hits=2
line 47 hits=10   line 49 hits=0   line 50 hits=0
line 52 hits=10
line 53 hits=10   line 55 hits=0
line 57 hits=10
line 58 hits=10   line 59 hits=7
line 60 hits=10   line 61 hits=10
new code: 13 coverable lines, 9 covered (69.2%)''')], reqs=['AC1: new-code coverage >= 80% per the engineering standard ES-12', 'AC2: explicitly call out the SMNDA (mandate amendment) flag path'], fw='xunit', lang=None)

def _pit_row(i):
    mods = ['auth-core', 'auth-policy', 'payments-statemachine', 'payments-api', 'clearing-adapter', 'ledger-posting', 'fx-rates', 'notifications', 'reporting']
    mutators = ['CONDITIONALS_BOUNDARY', 'NEGATE_CONDITIONALS', 'RETURN_VALS', 'VOID_METHOD_CALLS', 'MATH', 'INCREMENTS']
    status = ['KILLED', 'KILLED', 'SURVIVED', 'KILLED', 'NO_COVERAGE', 'KILLED', 'SURVIVED'][i % 7]
    return f'{mods[i % 9]},com.acme.{mods[i % 9].replace("-", ".")}.Component{i % 13},method{i % 5},{20 + (i * 7) % 180},{mutators[i % 6]},{status}'

t('complex', 'coverage-analysis', "SEC-REQ-19 / internal audit finding IA-2024-031: the payments platform reports 84% line coverage across nine modules, but audit is not convinced the tests actually check anything in the authorisation and payment-state code. Please analyse the JaCoCo module summary together with the PIT mutation results and tell me where high line coverage is hiding weak or missing assertions, with emphasis on auth-core, auth-policy and payments-statemachine, and which surviving mutants represent a real control weakness (e.g. a boundary on an approval limit that no test would notice).", [('reports/jacoco-modules.txt', '''
module                  line%   branch%  mutation-score%
auth-core               91.2    83.0     54.1
auth-policy             88.7    79.4     49.8
payments-statemachine   93.5    71.2     58.3
payments-api            86.0    74.9     71.0
clearing-adapter        79.3    62.1     66.7
ledger-posting          88.1    80.6     77.4
fx-rates                95.0    90.2     81.9
notifications           64.2    51.0     40.3
reporting               70.8    55.5     63.2'''), ('reports/pit-mutations.csv', 'module,class,method,line,mutator,status\n' + lines(180, _pit_row)), ('auth-policy/src/main/java/com/acme/auth/policy/ApprovalLimitPolicy.java', '''
package com.acme.auth.policy;

public final class ApprovalLimitPolicy {
    public Decision decide(Principal user, PaymentDraft draft) {
        if (!user.hasRole("PAYMENT_APPROVER")) return Decision.deny("NO_ROLE");
        if (draft.createdBy().equals(user.id())) return Decision.deny("FOUR_EYES");
        Money limit = user.approvalLimit(draft.currency());
        if (draft.amount().compareTo(limit) > 0) return Decision.escalate("ABOVE_LIMIT");
        if (draft.beneficiaryAddedWithinHours(24) && draft.amount().compareTo(Money.of(10_000, draft.currency())) >= 0)
            return Decision.escalate("NEW_BENEFICIARY_HIGH_VALUE");
        return Decision.allow();
    }
}''')], reqs=['AC1: findings mapped to the control IDs in the audit finding where possible', 'AC2: list of surviving mutants that must be killed before the audit re-test, with the test idea for each'], lang=None)

# why: looks like a coverage read-out, but mapping line hits onto a 14-state machine with guarded transitions is state-machine reasoning
t('complex', 'coverage-analysis', "CLM-5102: claims settlement lifecycle. Line coverage of ClaimLifecycle is 89% and the team considers it done. I am not convinced: please work out from the transition table and the line hits which state/event transitions (including the guarded ones) have never been exercised by any test, and which illegal transitions are never tested for rejection.", [('claims-core/src/main/kotlin/com/acme/claims/lifecycle/ClaimLifecycle.kt', '''
package com.acme.claims.lifecycle

enum class S { NEW, TRIAGED, UNDER_INVESTIGATION, AWAITING_DOCS, ASSESSED, OFFER_MADE, OFFER_ACCEPTED, DISPUTED,
    PAYMENT_PENDING, PARTIALLY_PAID, PAID, RECOVERY, CLOSED, REOPENED }

enum class E { TRIAGE, REFER_SIU, REQUEST_DOCS, DOCS_RECEIVED, ASSESS, MAKE_OFFER, ACCEPT, DISPUTE, RESOLVE_DISPUTE,
    PAY, PAYMENT_SETTLED, PAYMENT_FAILED, START_RECOVERY, CLOSE, REOPEN, WITHDRAW }

class ClaimLifecycle(private val limits: AuthorityLimits) {
    fun next(c: Claim, e: E): S = when (c.state to e) {
        S.NEW to E.TRIAGE -> S.TRIAGED
        S.NEW to E.WITHDRAW, S.TRIAGED to E.WITHDRAW, S.AWAITING_DOCS to E.WITHDRAW -> S.CLOSED
        S.TRIAGED to E.REFER_SIU, S.ASSESSED to E.REFER_SIU -> S.UNDER_INVESTIGATION
        S.TRIAGED to E.REQUEST_DOCS, S.ASSESSED to E.REQUEST_DOCS -> S.AWAITING_DOCS
        S.AWAITING_DOCS to E.DOCS_RECEIVED -> if (c.siuFlag) S.UNDER_INVESTIGATION else S.TRIAGED
        S.TRIAGED to E.ASSESS, S.UNDER_INVESTIGATION to E.ASSESS -> guardAssess(c)
        S.ASSESSED to E.MAKE_OFFER -> if (c.offer!! <= limits.handlerLimit || c.offerApproved) S.OFFER_MADE else illegal(c, e)
        S.OFFER_MADE to E.ACCEPT -> S.OFFER_ACCEPTED
        S.OFFER_MADE to E.DISPUTE, S.PAID to E.DISPUTE -> S.DISPUTED
        S.DISPUTED to E.RESOLVE_DISPUTE -> if (c.revisedOffer != null) S.OFFER_MADE else S.CLOSED
        S.OFFER_ACCEPTED to E.PAY -> S.PAYMENT_PENDING
        S.PAYMENT_PENDING to E.PAYMENT_SETTLED -> if (c.outstanding() > 0) S.PARTIALLY_PAID else S.PAID
        S.PARTIALLY_PAID to E.PAY -> S.PAYMENT_PENDING
        S.PAYMENT_PENDING to E.PAYMENT_FAILED -> if (c.paymentAttempts >= 3) S.ASSESSED else S.OFFER_ACCEPTED
        S.PAID to E.START_RECOVERY -> if (c.thirdPartyLiable) S.RECOVERY else illegal(c, e)
        S.PAID to E.CLOSE, S.RECOVERY to E.CLOSE -> S.CLOSED
        S.CLOSED to E.REOPEN -> if (c.closedDays() <= 365) S.REOPENED else illegal(c, e)
        S.REOPENED to E.TRIAGE -> S.TRIAGED
        else -> illegal(c, e)
    }

    private fun guardAssess(c: Claim): S =
        if (c.siuFlag && !c.siuCleared) illegal(c, E.ASSESS) else S.ASSESSED

    private fun illegal(c: Claim, e: E): Nothing = throw IllegalTransitionException(c.id, c.state, e)
}'''), ('claims-core/target/jacoco-ClaimLifecycle-hits.txt', '''
line 11 hits=41   line 12 hits=3    line 13 hits=6    line 14 hits=9
line 15 hits=5 (branches 1/2)      line 16 hits=33
line 17 hits=30 (branches 2/4)     line 18 hits=22   line 19 hits=4
line 20 hits=2 (branches 1/2)      line 21 hits=20   line 22 hits=21 (branches 1/2)
line 23 hits=0    line 24 hits=1 (branches 1/2)      line 25 hits=2 (branches 1/2)
line 26 hits=3    line 27 hits=0 (branches 0/2)      line 28 hits=0    line 29 hits=2
line 33 hits=32 (branches 3/4)     line 35 hits=2''')], reqs=['AC1: transition matrix state x event marked tested / untested / illegal-untested', 'AC2: propose a parameterised test covering the gaps'], lang=None)

# ================================================================================================================
# quality-gate
# ================================================================================================================

t('simple', 'quality-gate', "CHG0048821: SonarQube shows 78.2% coverage on new code for the claims-export service; the CAB standard requires 80% on new code. Does this release pass that criterion - yes or no?", [], lang=None)

def _sonar_row(i):
    sev = ['MINOR', 'MAJOR', 'MINOR', 'INFO', 'MAJOR', 'CRITICAL', 'MINOR', 'MAJOR'][i % 8]
    rules = ['java:S1192', 'java:S3776', 'java:S1135', 'java:S125', 'java:S2139', 'java:S2077', 'java:S1172', 'java:S1481']
    return f'{rules[i % 8]};{sev};CODE_SMELL;kyc-onboarding;src/main/java/com/acme/kyc/onboarding/Step{i % 17}.java;{10 + (i * 13) % 300};OPEN'

t('simple', 'quality-gate', "For the KYC onboarding release checklist (RLS-2024-47) I need the open issue counts by severity from this Sonar export, and a yes/no on the 'no BLOCKER issues' criterion.", [('sonar/kyc-onboarding-issues.csv', 'rule;severity;type;project;file;line;status\n' + lines(96, _sonar_row))], lang=None)

t('medium', 'quality-gate', "RLS-2024-51, policy-admin 7.4.0. Please assess the release against the gate in our change-management standard (CM-STD-04, extract below) using the pipeline metrics, take the recorded waiver into account, and give me a PASS / FAIL / PASS WITH CONDITIONS decision with reasons I can paste into the CAB ticket.", [('release/policy-admin-7.4.0-metrics.json', '''
{
  "release": "7.4.0",
  "unitTests": { "total": 4182, "failed": 0, "skipped": 37 },
  "integrationTests": { "total": 611, "failed": 2, "quarantined": 2 },
  "coverage": { "overallLine": 81.6, "newCodeLine": 77.9, "newCodeBranch": 70.2 },
  "duplicationNewCode": 2.4,
  "sonar": { "blocker": 0, "critical": 1, "securityHotspotsReviewed": 92.0 },
  "dependencyCheck": { "critical": 0, "high": 1, "cvssMax": 7.5 },
  "performance": { "quoteP95ms": { "baseline": 420, "candidate": 468 }, "renewalBatchMinutes": { "baseline": 96, "candidate": 101 } }
}'''), ('release/CM-STD-04-gate-extract.md', '''
G1  No failing unit or integration tests. Quarantined tests count as failed unless a waiver exists.
G2  New-code line coverage >= 80%; new-code branch coverage >= 70%.
G3  Duplication on new code <= 3%.
G4  Zero BLOCKER issues; CRITICAL issues require a waiver.
G5  Security hotspots 100% reviewed.
G6  No dependency vulnerability with CVSS >= 7.0 without a waiver.
G7  Online p95 regression <= 10% vs baseline; batch duration regression <= 10%.
Conditional pass allowed if every failed criterion has a waiver or a remediation ticket due within 10 business days.'''), ('release/waivers.txt', '''
WVR-311  G6  CVE-2024-38816 (spring-webmvc, CVSS 7.5) - not exploitable, no functional endpoints used. Valid until 2024-12-31. Approved: ISO delegate.''')], reqs=['AC1: evaluate every criterion G1-G7 individually', 'AC2: state which conditions must be met for a conditional pass'], lang=None)

t('medium', 'quality-gate', "SEC-GATE for the clearing-adapter container image, change CHG0049107. Security says we can only promote to production if every HIGH or CRITICAL finding is either fixed or covered by a waiver that is still valid on the deployment date (2 December). Please go through the scan summary and the waiver register and tell me whether we can promote, and which findings block it.", [('security/clearing-adapter-scan.txt', '''
Target: registry.acme.internal/payments/clearing-adapter:3.12.0 (ubi9)
Total: 9 (HIGH: 5, CRITICAL: 2)
CVE-2024-6345   HIGH      setuptools 65.5.1       fixed in 70.0.0   (build-time only)
CVE-2024-22262  HIGH      spring-web 6.1.4        fixed in 6.1.6
CVE-2024-38809  MEDIUM    spring-web 6.1.4        fixed in 6.1.12
CVE-2023-44487  HIGH      netty-codec-http2 4.1.97 fixed in 4.1.100
CVE-2024-7254   HIGH      protobuf-java 3.21.7     fixed in 3.25.5
CVE-2024-1597   CRITICAL  postgresql 42.6.0        fixed in 42.6.1
CVE-2022-1471   CRITICAL  snakeyaml 1.33           fixed in 2.0
CVE-2024-29025  MEDIUM    netty-codec-http 4.1.97  fixed in 4.1.108
CVE-2023-6378   HIGH      logback-classic 1.4.11   fixed in 1.4.12'''), ('security/waiver-register.csv', '''
waiver,cve,component,scope,valid_from,valid_to,approver
W-2024-088,CVE-2022-1471,snakeyaml,clearing-adapter,2024-06-01,2024-11-30,CISO-delegate
W-2024-102,CVE-2024-1597,postgresql,all-payments,2024-07-15,2025-01-31,CISO-delegate
W-2024-131,CVE-2023-44487,netty-codec-http2,clearing-adapter,2024-09-01,2025-03-01,CISO-delegate
W-2024-140,CVE-2024-6345,setuptools,payments-build-images,2024-10-01,2025-04-01,ISO''')], reqs=['AC1: decision PROMOTE / BLOCK with the blocking list', 'AC2: note any waiver whose scope does not match this image'], lang=None)

t('medium', 'quality-gate', "Regulatory reporting (COREP/FINREP) release RR-25.1: our rule is that the candidate may not introduce any new failing test compared with the production baseline, quarantined tests are allowed only if they were already quarantined in the baseline, and total run time may grow by at most 15%. Here are both results summaries - please give me the gate decision.", [('gate/baseline-rr-24.4.txt', '''
suite: reg-reporting-regression   run: 2024-10-31   duration: 42m10s
total 1288  passed 1281  failed 3  quarantined 4
failed:      C_07_00_row_0070_exposure_class, F_18_00_npe_forborne_flag, C_34_02_sa_ccr_addon_rounding
quarantined: C_26_00_large_exposures_timeout, F_40_00_group_structure_order, C_09_04_geo_breakdown_fx, F_23_03_nace_mapping'''), ('gate/candidate-rr-25.1.txt', '''
suite: reg-reporting-regression   run: 2024-11-20   duration: 47m55s
total 1301  passed 1293  failed 3  quarantined 5
failed:      C_07_00_row_0070_exposure_class, C_34_02_sa_ccr_addon_rounding, F_09_01_ifrs9_stage_transfer
quarantined: C_26_00_large_exposures_timeout, F_40_00_group_structure_order, C_09_04_geo_breakdown_fx, F_23_03_nace_mapping, C_47_00_leverage_ratio_sft''')], reqs=['AC1: list new failures, fixed failures and new quarantines separately', 'AC2: compute the run-time delta as a percentage'], lang=None)

t('complex', 'quality-gate', "RLS-2024-Q4-PAY is the coordinated release of eight payments services (payments-api, clearing-adapter, ledger-posting, fx-rates, mandates, sanctions-screening, notifications, reporting-feed) with the ISO 20022 pacs.008 v08 -> v10 migration and two Oracle schema changes that are expand/contract. I need a go/no-go assessment and the rollback criteria: consumer-driven contract results between every producer/consumer pair for old and new message versions, whether the deployment order keeps every intermediate combination compatible, whether the schema migrations are safe to run with both versions live, and what canary metrics should trigger rollback. I will provide the Pact broker matrix and migration scripts on request; start with the plan of what must be true for GO.", [], reqs=['AC1: compatibility matrix for each deployment step, not only the final state', 'AC2: explicit rollback trigger thresholds per service', 'AC3: aligned with CM-STD-04 section 6 (coordinated releases)'], lang=None)

t('complex', 'quality-gate', "SEC-CHG-771. The fix for pen-test finding PT-2024-14 (JWT algorithm confusion on the customer API gateway) is up for CAB approval. Before I sign the security criterion, please check whether the change actually closes the finding and does not open something else: the validator code and the finding extract are attached.", [('gateway-auth/src/main/java/com/acme/gateway/auth/JwtValidator.java', '''
package com.acme.gateway.auth;

public class JwtValidator {

    private final JwkProvider jwks;
    private final String expectedIssuer;
    private final Set<String> allowedAudiences;
    private final Clock clock;

    public AuthenticatedCustomer validate(String token) {
        DecodedJWT jwt = JWT.decode(token);
        String alg = jwt.getAlgorithm();
        if ("none".equals(alg)) {
            throw new InvalidTokenException("alg none not allowed");
        }
        Algorithm algorithm;
        if (alg.startsWith("RS")) {
            RSAPublicKey key = (RSAPublicKey) jwks.get(jwt.getKeyId()).getPublicKey();
            algorithm = Algorithm.RSA256(key, null);
        } else if (alg.startsWith("HS")) {
            // legacy internal tokens issued by the branch system, signed with the client secret
            algorithm = Algorithm.HMAC256(jwks.get(jwt.getKeyId()).getPublicKey().getEncoded());
        } else {
            throw new InvalidTokenException("unsupported alg " + alg);
        }
        DecodedJWT verified = JWT.require(algorithm)
                .withIssuer(expectedIssuer)
                .acceptLeeway(300)
                .build()
                .verify(token);
        if (verified.getAudience() == null || Collections.disjoint(verified.getAudience(), allowedAudiences)) {
            throw new InvalidTokenException("audience");
        }
        return new AuthenticatedCustomer(verified.getSubject(), verified.getClaim("cif").asString());
    }
}'''), ('security/PT-2024-14-extract.txt', '''
PT-2024-14 (HIGH): The gateway accepts tokens whose header alg is chosen by the client. A token signed with HS256
using the RSA public key (retrievable from /.well-known/jwks.json) as HMAC secret is accepted as valid.
Recommendation: pin the algorithm per key/issuer; never derive the verification algorithm from the token header.''')], reqs=['AC1: verdict CLOSED / NOT CLOSED for PT-2024-14 with evidence', 'AC2: any additional issues rated using the bank CVSS guidance', 'AC3: list the negative tests required before CAB'], lang=None)

# ================================================================================================================
# flaky-test-analysis
# ================================================================================================================

def _flaky_row(i):
    tests = ['PolicyRenewalIT.renewsAnnualPolicy', 'PolicyRenewalIT.appliesIndexation', 'EndorsementIT.addsNamedDriver',
             'CancellationIT.refundsProRata', 'DocumentIT.generatesSchedulePdf', 'BrokerCommissionIT.calculatesClawback']
    fails = {1: (3, 17, 29), 3: (8,), 4: (2, 5, 11, 19, 23, 31), 5: ()}
    row = []
    for k, name in enumerate(tests):
        r = 'FAIL' if i in fails.get(k, ()) else 'PASS'
        row.append(f'{name}={r}')
    return f'build #{5120 + i}  ' + '  '.join(row)

t('simple', 'flaky-test-analysis', "POL-2412: we want to quarantine flaky tests in policy-admin per the test-hygiene standard. From the last 34 CI builds below (no code changes to these areas in that period), please count the failures per test and list the ones that failed at least once, most frequent first.", [('ci/policy-admin-it-history.txt', lines(34, _flaky_row))], lang=None)

t('simple', 'flaky-test-analysis', "TEST-HYG-19: the three specs below are quarantined by decision of the test-hygiene board. Please mark them as pending with xit and put the comment `// QUARANTINED TEST-HYG-19 until 2025-01-31` on the line above each one. Nothing else in the file may change.", [('src/app/payments/payment-list/payment-list.component.spec.ts', '''
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PaymentListComponent } from './payment-list.component';
import { PaymentStore } from '../payment.store';
import { of } from 'rxjs';

describe('PaymentListComponent', () => {
  let fixture: ComponentFixture<PaymentListComponent>;
  const store = jasmine.createSpyObj<PaymentStore>('PaymentStore', ['load'], { payments$: of([]) });

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [PaymentListComponent],
      providers: [{ provide: PaymentStore, useValue: store }],
    }).compileComponents();
    fixture = TestBed.createComponent(PaymentListComponent);
  });

  it('loads payments on init', () => {
    fixture.detectChanges();
    expect(store.load).toHaveBeenCalled();
  });

  it('shows the empty state', () => {
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('.empty-state')).toBeTruthy();
  });

  it('sorts by value date descending', () => {
    fixture.detectChanges();
    expect(fixture.componentInstance.sort.active).toBe('valueDate');
  });

  it('exports the visible rows to CSV', () => {
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('button.export')).toBeTruthy();
  });
});'''), ('quarantine-list.txt', '''
PaymentListComponent shows the empty state
PaymentListComponent sorts by value date descending
PaymentListComponent exports the visible rows to CSV''')], fw='jasmine', lang='typescript')

t('medium', 'flaky-test-analysis', "CLM-5033: ClaimExportRepositoryIT fails roughly one build in eight on the shared Oracle test schema, never locally on H2. Test and the failing log are below; please find the cause and propose a fix (test or code, whichever is wrong).", [('claims-export/src/test/java/com/acme/claims/export/ClaimExportRepositoryIT.java', '''
@SpringBootTest
@ActiveProfiles("oracle-it")
class ClaimExportRepositoryIT {

    @Autowired ClaimExportRepository repository;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM CLAIM_EXPORT_VIEW_SRC WHERE BATCH_ID = 'IT-01'");
        for (int i = 1; i <= 5; i++) {
            jdbc.update("INSERT INTO CLAIM_EXPORT_VIEW_SRC (CLAIM_REF, BATCH_ID, SETTLED_AMOUNT, SETTLED_ON) VALUES (?, 'IT-01', ?, DATE '2024-10-01')",
                    "CLM-IT-" + i, 100 * i);
        }
    }

    @Test
    void exportsClaimsForBatch() {
        List<ClaimExportRow> rows = repository.findByBatch("IT-01");
        assertThat(rows).extracting(ClaimExportRow::claimRef)
                .containsExactly("CLM-IT-1", "CLM-IT-2", "CLM-IT-3", "CLM-IT-4", "CLM-IT-5");
    }
}'''), ('claims-export/src/main/java/com/acme/claims/export/ClaimExportRepository.java', '''
@Repository
public class ClaimExportRepository {
    private final JdbcTemplate jdbc;
    public ClaimExportRepository(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    public List<ClaimExportRow> findByBatch(String batchId) {
        return jdbc.query("SELECT CLAIM_REF, SETTLED_AMOUNT, SETTLED_ON FROM CLAIM_EXPORT_VIEW_SRC WHERE BATCH_ID = ?",
                (rs, n) -> new ClaimExportRow(rs.getString(1), rs.getBigDecimal(2), rs.getDate(3).toLocalDate()), batchId);
    }
}'''), ('ci/build-8841.log', '''
[ERROR] ClaimExportRepositoryIT.exportsClaimsForBatch:24
Expecting actual:
  ["CLM-IT-3", "CLM-IT-1", "CLM-IT-2", "CLM-IT-4", "CLM-IT-5"]
to contain exactly (and in same order):
  ["CLM-IT-1", "CLM-IT-2", "CLM-IT-3", "CLM-IT-4", "CLM-IT-5"]
[INFO] Oracle: CLAIM_EXPORT_VIEW_SRC stats gathered 2024-11-18 02:00 by nightly job; table is partitioned by SETTLED_ON, parallel degree 4''')], reqs=['AC1: explain why H2 never shows it', 'AC2: state whether downstream consumers of the export file depend on order (the interface spec IF-CLM-22 says records are sorted by CLAIM_REF)'], fw='junit5', lang=None)

t('medium', 'flaky-test-analysis', "BRK-140: the address-lookup component spec in the broker portal fails intermittently on the CI agents (about 5% of runs), always the same assertion. Log and spec attached; can you tell me why and fix the spec?", [('src/app/shared/address-lookup/address-lookup.component.spec.ts', '''
import { ComponentFixture, TestBed, fakeAsync, tick } from '@angular/core/testing';
import { AddressLookupComponent } from './address-lookup.component';
import { PostcodeService } from '../postcode.service';
import { of } from 'rxjs';
import { delay } from 'rxjs/operators';

describe('AddressLookupComponent', () => {
  let fixture: ComponentFixture<AddressLookupComponent>;
  let postcode: jasmine.SpyObj<PostcodeService>;

  beforeEach(() => {
    postcode = jasmine.createSpyObj('PostcodeService', ['lookup']);
    postcode.lookup.and.returnValue(of([{ line1: '1 High Street', town: 'Leeds' }]).pipe(delay(100)));
    TestBed.configureTestingModule({
      imports: [AddressLookupComponent],
      providers: [{ provide: PostcodeService, useValue: postcode }],
    });
    fixture = TestBed.createComponent(AddressLookupComponent);
    fixture.detectChanges();
  });

  it('shows suggestions after typing a postcode', fakeAsync(() => {
    const input: HTMLInputElement = fixture.nativeElement.querySelector('input');
    input.value = 'LS1 4AP';
    input.dispatchEvent(new Event('input'));
    tick(300); // debounceTime(300) in the component
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelectorAll('li.suggestion').length).toBe(1);
  }));
});'''), ('ci/karma-run-2291.log', '''
Chrome Headless 119.0.6045.105 (Linux x86_64) AddressLookupComponent shows suggestions after typing a postcode FAILED
	Expected 0 to be 1.
	    at UserContext.apply (src/app/shared/address-lookup/address-lookup.component.spec.ts:29:72)
	Error: 1 periodic timer(s) still in the queue.
Chrome Headless 119.0.6045.105 (Linux x86_64): Executed 412 of 412 (1 FAILED) (48.113 secs / 44.902 secs)''')], reqs=['AC1: no increase of timeouts as the "fix"', 'AC2: explain why it passes most of the time'], fw='jasmine', lang='typescript')

t('medium', 'flaky-test-analysis', "REC-217: the xUnit test for the end-of-day reconciliation cut-off fails on some nightly runs but always passes when we rerun it in the morning. Here are the test, the code and three CI outputs. Please identify the cause and propose a deterministic version of the test.", [('tests/Acme.Recon.Tests/CutOffCalculatorTests.cs', '''
public class CutOffCalculatorTests
{
    [Fact]
    public void TransactionsAfterCutOffGoToNextBusinessDay()
    {
        var calc = new CutOffCalculator(new UkBankHolidayCalendar());
        var bookedAt = DateTime.Now.Date.AddHours(17).AddMinutes(45);

        var businessDay = calc.BusinessDayFor(bookedAt);

        Assert.Equal(calc.NextBusinessDay(DateTime.Today), businessDay);
    }
}'''), ('src/Acme.Recon/CutOffCalculator.cs', '''
public class CutOffCalculator
{
    private static readonly TimeSpan CutOff = new(17, 30, 0);
    private readonly IHolidayCalendar _calendar;
    public CutOffCalculator(IHolidayCalendar calendar) => _calendar = calendar;

    public DateTime BusinessDayFor(DateTime bookedAtLocal)
    {
        var london = TimeZoneInfo.ConvertTime(bookedAtLocal, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var day = london.TimeOfDay > CutOff ? london.Date.AddDays(1) : london.Date;
        while (!_calendar.IsBusinessDay(day)) day = day.AddDays(1);
        return day;
    }

    public DateTime NextBusinessDay(DateTime date)
    {
        var day = date.Date.AddDays(1);
        while (!_calendar.IsBusinessDay(day)) day = day.AddDays(1);
        return day;
    }
}'''), ('ci/outputs.txt', '''
2024-11-14 21:10 UTC agent build-win-07 (TZ=W. Europe Standard Time)
  [FAIL] CutOffCalculatorTests.TransactionsAfterCutOffGoToNextBusinessDay
  Assert.Equal() Failure  Expected: 2024-11-15T00:00:00  Actual: 2024-11-14T00:00:00
2024-11-15 08:02 UTC agent build-win-03 (TZ=UTC) rerun
  [PASS] CutOffCalculatorTests.TransactionsAfterCutOffGoToNextBusinessDay
2024-11-15 23:40 UTC agent build-win-07 (TZ=W. Europe Standard Time)
  [PASS] CutOffCalculatorTests.TransactionsAfterCutOffGoToNextBusinessDay''')], reqs=['AC1: inject time via TimeProvider (.NET 8) rather than DateTime.Now', 'AC2: say whether the production code also has a defect, separately from the test'], fw='xunit', lang=None)

# why: 35 lines, but the intermittent duplicate comes from a check-then-act race plus partition rebalancing
t('complex', 'flaky-test-analysis', "PAY-1502: PaymentEventConsumerIT fails about 1 in 15 runs with 'expected 1 ledger posting but was 2'. It started after we raised listener concurrency to 4 for the month-end volumes. Please find the real cause; I do not want it fixed by sleeping or by setting concurrency back to 1 in the test.", [('payments-ledger/src/main/java/com/acme/ledger/consumer/PaymentEventConsumer.java', '''
@Component
public class PaymentEventConsumer {

    private final Map<String, Boolean> processed = new ConcurrentHashMap<>();
    private final LedgerPostingService posting;

    public PaymentEventConsumer(LedgerPostingService posting) { this.posting = posting; }

    @KafkaListener(topics = "payments.settled", groupId = "ledger", concurrency = "4")
    public void onSettled(ConsumerRecord<String, PaymentSettled> record, Acknowledgment ack) {
        String eventId = record.value().eventId();
        if (processed.containsKey(eventId) || posting.alreadyPosted(eventId)) {
            ack.acknowledge();
            return;
        }
        posting.post(record.value());          // own transaction, commits to Oracle
        processed.put(eventId, Boolean.TRUE);
        ack.acknowledge();                      // AckMode.MANUAL_IMMEDIATE
    }
}'''), ('ci/it-run-7710.log', '''
12:01:14.201 [ledger-0-C-1] INFO  o.a.k.c.c.i.ConsumerCoordinator - Revoke previously assigned partitions payments.settled-2, payments.settled-3
12:01:14.388 [ledger-2-C-1] INFO  o.a.k.c.c.i.ConsumerCoordinator - Adding newly assigned partitions: payments.settled-2
12:01:14.390 [ledger-0-C-1] DEBUG c.a.l.c.PaymentEventConsumer - posting evt-4471 (partition 2, offset 118)
12:01:14.402 [ledger-2-C-1] DEBUG c.a.l.c.PaymentEventConsumer - posting evt-4471 (partition 2, offset 118)
12:01:14.655 [ledger-0-C-1] WARN  o.s.k.l.KafkaMessageListenerContainer - Commit failed for offsets {payments.settled-2=119}: RebalanceInProgressException
[ERROR] PaymentEventConsumerIT.postsEachSettlementExactlyOnce:88 expected: 1 but was: 2''')], reqs=['AC1: explain the interleaving step by step', 'AC2: propose a fix that holds across restarts and multiple pods, and a test that reproduces it deterministically'], fw='junit5', lang=None)

t('complex', 'flaky-test-analysis', "CLR-1044. The end-to-end clearing-cycle suite (payments-api -> sanctions-screening -> clearing-adapter -> ledger-posting, MQ between adapter and ledger, DB2 on the ledger side) has failed 6 of the last 40 nightly runs, each time with a different test timing out in the settlement-confirmation step. Nothing in the code changed. The only pattern the team has noticed is that the failures happen on nights when the run starts after 01:30. I need someone to work out what actually happens across the services in those windows and what we should change - in the environment, the tests or the services.", [], reqs=['AC1: hypotheses ranked with the evidence needed to confirm each (MQ channel logs, DB2 lock/reorg schedule, service timeouts, retry settings)', 'AC2: a proposal to make the suite deterministic without hiding a real production risk'], lang=None)

# ================================================================================================================
# security-scan
# ================================================================================================================

def _dep_row(i):
    deps = [('org.springframework', 'spring-core', '5.3.{}'), ('com.fasterxml.jackson.core', 'jackson-databind', '2.13.{}'),
            ('org.apache.logging.log4j', 'log4j-core', '2.{}.0'), ('org.yaml', 'snakeyaml', '1.{}'),
            ('commons-io', 'commons-io', '2.{}'), ('org.apache.commons', 'commons-text', '1.{}'),
            ('com.ibm.db2', 'jcc', '11.5.{}.0'), ('io.netty', 'netty-handler', '4.1.{}.Final')]
    g, a, v = deps[i % 8]
    n = [20 + i % 12, 2 + i % 4, 14 + i % 7, 26 + i % 8, 7 + i % 9, 8 + i % 3, 6 + i % 4, 80 + i % 25][i % 8]
    return f'[INFO]    {g}:{a}:jar:{v.format(n)}:compile -- module batch-app-{i:02d}'

# why: 96 lines of dependency output, but only matching listed artefacts against version ranges given in the request
t('simple', 'security-scan', "ISR-2024-212 (information security request): for each batch application in the dependency listing below, tell me whether it ships log4j-core below 2.17.1 or commons-text below 1.10.0. A list of affected modules with the offending version is enough; no further assessment needed.", [('deps/batch-apps-dependency-list.txt', lines(96, _dep_row))], lang=None)

t('simple', 'security-scan', "Pre-commit review for ONB-330: please list every key in this application.yml that contains a literal credential or secret rather than a reference to Vault or an environment variable.", [('onboarding-service/src/main/resources/application.yml', '''
spring:
  datasource:
    url: jdbc:oracle:thin:@//onbdb.acme.internal:1521/ONBPRD
    username: ONB_APP
    password: Winter2024!
  rabbitmq:
    host: mq.acme.internal
    username: ${RABBIT_USER}
    password: ${vault:secret/onboarding#rabbit-password}
kyc:
  idv-provider:
    api-key: 9f3c1e0b7a6d4c52b8e1f0a3d9c7e6b5
    base-url: https://api.idv-vendor.example/v2
  companies-house:
    token: ${CH_TOKEN}
management:
  endpoints:
    web:
      exposure:
        include: health,info
jwt:
  signing-secret: onboarding-dev-secret-change-me''')], lang=None)

t('medium', 'security-scan', "SEC-REV-88: the reconciliation batch moves from VMs to OpenShift next quarter. Please review the Dockerfile and the Helm values against our container hardening baseline (non-root, pinned images, no secrets in image or values, resource limits, read-only root filesystem, probes) and list the deviations with a fix for each.", [('recon-batch/Dockerfile', '''
FROM eclipse-temurin:17
WORKDIR /app
COPY target/recon-batch.jar recon-batch.jar
COPY config/ config/
ENV DB2_PASSWORD=changeit
RUN apt-get update && apt-get install -y curl unzip && chmod -R 777 .
EXPOSE 8080 5005
ENTRYPOINT ["java", "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005", "-jar", "recon-batch.jar"]'''), ('recon-batch/helm/values.yaml', '''
image:
  repository: registry.acme.internal/batch/recon-batch
  tag: latest
  pullPolicy: Always
replicaCount: 1
podSecurityContext: {}
securityContext:
  privileged: false
  allowPrivilegeEscalation: true
env:
  - name: SPRING_PROFILES_ACTIVE
    value: prod
  - name: SFTP_PASSWORD
    value: "Rec0nSftp#1"
resources: {}
livenessProbe:
  httpGet: { path: /actuator/health, port: 8080 }
persistence:
  enabled: true
  mountPath: /data/incoming''')], reqs=['AC1: each deviation mapped to the baseline control ID (CHB-01 .. CHB-12)', 'AC2: severity per deviation'], lang=None)

# why: configuration review of two files with well-known header/CORS checks; no auth logic to reason through
t('medium', 'security-scan', "WEB-512: before the self-service portal goes to the new reverse proxy, please check the nginx site config and the Angular production environment for security-header, CORS and exposure issues, and tell me what to change.", [('deploy/nginx/selfservice.conf', '''
server {
    listen 443 ssl http2;
    server_name selfservice.acme-insurance.example;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    ssl_ciphers HIGH:!aNULL:!MD5;

    root html;
    index index.html;
    autoindex on;

    add_header X-Frame-Options SAMEORIGIN;
    add_header Access-Control-Allow-Origin $http_origin;
    add_header Access-Control-Allow-Credentials true;

    location / {
        try_files $uri $uri/ /index.html;
    }

    location /api/ {
        proxy_pass http://selfservice-bff:8080/;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location ~ \\.map$ {
        allow all;
    }
}'''), ('src/environments/environment.prod.ts', '''
export const environment = {
  production: true,
  apiBaseUrl: '/api',
  enableDebugTools: true,
  sentryDsn: 'https://4f1c2ab8e9d94c0b@o11223.ingest.sentry.io/55012',
  featureFlags: { paperlessOptIn: true, newClaimsJourney: false },
  googleMapsKey: 'AIzaSyB-REDACTEDFORTICKET-7x1',
};''')], reqs=['AC1: list per issue: risk, change, and whether it blocks go-live'], lang=None)

# why: about 30 lines, but user-controlled ORDER BY and LIKE in dynamic SQL on a claims search = injection, security-critical
t('complex', 'security-scan', "CLM-SEC-12: the claims handler search screen was extended with sortable columns and free-text search. Please review the DAO for injection and data-exposure issues before it is deployed; the endpoint is reachable by every claims handler and by the broker extranet.", [('claims-search/src/main/java/com/acme/claims/search/ClaimSearchDao.java', '''
@Repository
public class ClaimSearchDao {

    private final NamedParameterJdbcTemplate jdbc;

    public ClaimSearchDao(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }

    public List<ClaimSummary> search(ClaimSearchCriteria c, String sortColumn, String sortDir, int page, int size) {
        StringBuilder sql = new StringBuilder(
            "SELECT c.claim_ref, c.status, c.policy_no, p.holder_name, c.reserve_amount FROM claims c " +
            "JOIN policies p ON p.policy_no = c.policy_no WHERE 1=1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (c.brokerId() != null) {
            sql.append(" AND p.broker_id = :broker");
            params.addValue("broker", c.brokerId());
        }
        if (c.text() != null && !c.text().isBlank()) {
            sql.append(" AND (c.claim_ref LIKE '%" + c.text().replace("'", "''") + "%'")
               .append(" OR UPPER(p.holder_name) LIKE UPPER(:text))");
            params.addValue("text", "%" + c.text() + "%");
        }
        if (sortColumn != null) {
            sql.append(" ORDER BY ").append(sortColumn).append(" ").append(sortDir == null ? "ASC" : sortDir);
        }
        sql.append(" OFFSET ").append(page * size).append(" ROWS FETCH NEXT ").append(size).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), params, ClaimSummary.ROW_MAPPER);
    }
}''')], reqs=['AC1: each finding with an exploit sketch against Oracle 19c', 'AC2: state whether broker scoping can be bypassed', 'AC3: fixed version of the method'], lang=None)

t('complex', 'security-scan', "PAY-SEC-31: we receive payment status callbacks from the acquiring partner and verify them with the HMAC scheme below (Kotlin, Spring WebFlux). Please review the verification for anything that would let a third party forge or replay a callback that marks a payment as settled.", [('acquirer-callbacks/src/main/kotlin/com/acme/payments/callbacks/CallbackVerifier.kt', '''
package com.acme.payments.callbacks

import java.time.Instant
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

class CallbackVerifier(private val secrets: PartnerSecretStore, private val clock: () -> Instant) {

    fun verify(headers: Map<String, String>, rawBody: String): Boolean {
        val partnerId = headers["X-Partner-Id"] ?: return false
        val timestamp = headers["X-Timestamp"]?.toLongOrNull() ?: return false
        val signature = headers["X-Signature"] ?: return false

        if (Math.abs(clock().epochSecond - timestamp) > 900) return false

        val secret = secrets.current(partnerId) ?: secrets.previous(partnerId) ?: return false
        val mac = Mac.getInstance("HmacSHA256")
        mac.init(SecretKeySpec(secret.toByteArray(), "HmacSHA256"))
        val payload = "$partnerId$timestamp${rawBody.trim()}"
        val expected = mac.doFinal(payload.toByteArray()).joinToString("") { "%02x".format(it) }

        return expected == signature.lowercase()
    }
}'''), ('acquirer-callbacks/docs/partner-spec-extract.md', '''
Signature = hex(HMAC-SHA256(secret, partnerId + "." + timestamp + "." + body))
Partners rotate secrets quarterly; both old and new secret are valid for 7 days.
Callbacks may be retried by the partner up to 5 times with the same timestamp and body.''')], reqs=['AC1: findings rated with exploit preconditions', 'AC2: corrected verifier including replay protection that tolerates the partner retries'], lang=None)

t('complex', 'security-scan', "ONB-SEC-07. An intermediary (broker) user reported that, by changing the case number in the URL of the onboarding portal, she could see the KYC documents of a customer belonging to another broker. The request passes through the API gateway, the onboarding BFF, the case-management service and the document service; each of them does 'some' authorisation. I need an assessment of where object-level authorisation must be enforced along this chain, which other endpoints are likely affected by the same pattern, and a test plan that proves the fix for brokers, branch staff and customers.", [], reqs=['AC1: treat as a potential GDPR personal data breach - include what evidence to preserve', 'AC2: authorisation matrix per role and resource type', 'AC3: automated negative tests for every resource identifier exposed in URLs'], lang=None)

# ================================================================================================================
# performance-testing
# ================================================================================================================

t('simple', 'performance-testing', "From yesterday's JMeter aggregate report for the claims portal (PERF-118), give me the 90% line, error % and throughput for the SubmitClaim sampler. Copy the figures, no interpretation.", [('perf/claims-portal-aggregate.csv', '''
Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput,Received KB/sec,Sent KB/sec
Login,6000,212,180,350,420,690,88,2410,0.02%,16.7/sec,41.2,9.8
SearchPolicy,24000,145,120,260,310,540,41,3105,0.10%,66.6/sec,188.0,22.4
OpenPolicy,18000,98,85,160,190,330,30,1201,0.00%,50.0/sec,240.5,14.1
SubmitClaim,6000,734,610,1240,1580,2900,205,8012,1.35%,16.6/sec,12.3,71.9
UploadDocument,4200,1320,1100,2210,2790,4950,400,15230,0.81%,11.6/sec,3.1,2100.4
Logout,6000,40,35,62,75,120,12,410,0.00%,16.7/sec,5.0,3.2
TOTAL,64200,286,150,640,1020,2350,12,15230,0.24%,178.3/sec,490.1,2221.8''')], lang=None)

t('simple', 'performance-testing', "PERF-124: we are moving the quote-API load tests from Gatling to k6. Please convert this simulation to an equivalent k6 script - same endpoints, same ramp and think time, nothing more.", [('perf/gatling/QuoteSimulation.scala', '''
class QuoteSimulation extends Simulation {
  val httpProtocol = http.baseUrl("https://quote-api.uat.acme.internal").acceptHeader("application/json")

  val scn = scenario("Motor quote")
    .exec(http("create quote").post("/v2/quotes").body(RawFileBody("motor-quote.json")).asJson
      .check(status.is(201), jsonPath("$.quoteId").saveAs("quoteId")))
    .pause(2)
    .exec(http("get quote").get("/v2/quotes/#{quoteId}").check(status.is(200)))

  setUp(scn.inject(rampUsers(50).during(60), constantUsersPerSec(5).during(300)))
    .protocols(httpProtocol)
}''')], fw='k6', lang='javascript')

t('medium', 'performance-testing', "PERF-131: please write a k6 test for the policy renewal-quote endpoint against the NFRs in the ticket. The API needs an OAuth2 client-credentials token (token endpoint below; refresh it before it expires during the run), the request body must use varied policy numbers from a CSV, and the script should fail the run when the NFR thresholds are breached.", [('perf/nfr-PERF-131.md', '''
Endpoint: POST /policy-admin/v3/policies/{policyNo}/renewal-quotes
Auth: OAuth2 client credentials, token endpoint https://sso.uat.acme.internal/oauth2/token, token lifetime 300 s
Load: ramp to 80 req/s over 5 min, hold 20 min, ramp down 2 min
NFR-1: p95 < 800 ms, p99 < 1500 ms at 80 req/s
NFR-2: error rate < 0.5 % (HTTP 409 RENEWAL_ALREADY_QUOTED is expected for ~2 % of policies and is not an error)
NFR-3: no more than 1 % of requests slower than 3 s
Test data: perf/data/renewal-policies.csv (policyNo,productCode,renewalDate), 20 000 rows''')], reqs=['AC1: arrival-rate executor, not VU-based pacing', 'AC2: 409 RENEWAL_ALREADY_QUOTED counted separately, not as failure', 'AC3: client secret taken from an environment variable'], fw='k6', lang='javascript')

t('complex', 'performance-testing', "PERF-140 (capacity plan 2025). Year-end is coming and we need a soak and peak test design for the whole payments clearing platform: online channels (mobile, internet banking, corporate H2H file upload), the clearing engine with its four settlement cycles, MQ to the scheme, DB2 ledger, and the overnight batch (statements, interest, reconciliation) that overlaps the last cycle. The test must show whether we can take 2.5x the 2024 peak on 31 December for 10 hours without breaching the scheme cut-offs, and what breaks first. Please design the workload model, test data strategy, environment assumptions, monitoring and pass/fail criteria.", [], reqs=['AC1: workload mix derived from production volumes, including the batch overlap', 'AC2: explicit criteria for scheme cut-off adherence and MQ queue depth', 'AC3: plan for running against a scaled-down environment and extrapolating'], lang=None)

# why: root cause of a latency regression needs correlating JVM, pool and database evidence across layers
t('complex', 'performance-testing', "PERF-146: after upgrading policy-admin from Spring Boot 2.7 to 3.2 (Hibernate 5 -> 6) and the Oracle JDBC driver, p99 of the policy search doubled in the performance environment while p50 is unchanged. Attached are the before/after summaries, the JFR hot-method extract, Hikari metrics and an AWR top-SQL extract. Please explain what is happening and what we should change.", [('perf/PERF-146/summary.txt', '''
metric                 2.7 baseline   3.2 candidate
search p50 ms          110            112
search p95 ms          380            610
search p99 ms          720            1490
throughput req/s       140            139
hikari active (max)    18/30          30/30
hikari pending (max)   0              41
gc pause p99 ms        45             48'''), ('perf/PERF-146/jfr-hot-methods.txt', '''
 18.2%  oracle.jdbc.driver.T4CPreparedStatement.executeForDescribe
 11.4%  org.hibernate.sql.results.spi.ListResultsConsumer.consume
  9.8%  oracle.jdbc.driver.OracleStatement.prepareDefineBuffers
  6.1%  com.zaxxer.hikari.pool.HikariPool.getConnection  (blocked)
  4.7%  org.hibernate.engine.jdbc.internal.StatementPreparerImpl.prepareStatement'''), ('perf/PERF-146/awr-top-sql.txt', '''
SQL_ID         Execs     Elapsed/Exec(ms)  Parses   Version count  SQL text (truncated)
7k2mq8v1x0a9c  412,880   4.1               412,870  87             select p1_0.policy_no,p1_0.holder_id,... from policies p1_0 where p1_0.holder_name like ? fetch first ? rows only
b91xr0cqz5t2a  98,220    2.2               98,214   1              select c1_0.id,c1_0.policy_no,... from coverages c1_0 where c1_0.policy_no=?
prior release: 7k2... equivalent statement used "rownum <= ?", parses 1,204, version count 2'''), ('perf/PERF-146/hikari.properties', '''
maximumPoolSize=30
connectionTimeout=30000
dataSource.implicitCachingEnabled=false
dataSource.oracle.jdbc.defaultRowPrefetch=10''')], reqs=['AC1: causal chain from the code change to the p99 symptom, with the evidence for each step', 'AC2: fixes ranked by risk for a change in the current release window'], lang=None)

# why: short class, but benchmarking a lock-free structure means designing for contention, false sharing and correctness under load
t('complex', 'performance-testing', "FX-77: the FX rates service caches the latest rate per currency pair in the lock-free structure below and it is read roughly 40k times per second while rates tick in. Before we replace it with Caffeine I want a JMH benchmark that compares them fairly under realistic read/write contention, and that also checks readers never see a torn or stale-beyond-one-tick rate.", [('fx-rates/src/main/java/com/acme/fx/cache/LatestRateCache.java', '''
public final class LatestRateCache {

    private static final class Entry {
        final long version;
        final BigDecimal bid;
        final BigDecimal ask;
        Entry(long version, BigDecimal bid, BigDecimal ask) { this.version = version; this.bid = bid; this.ask = ask; }
    }

    private final ConcurrentHashMap<String, AtomicReference<Entry>> rates = new ConcurrentHashMap<>();

    public void update(String pair, long version, BigDecimal bid, BigDecimal ask) {
        AtomicReference<Entry> ref = rates.computeIfAbsent(pair, p -> new AtomicReference<>());
        Entry next = new Entry(version, bid, ask);
        Entry cur;
        do {
            cur = ref.get();
            if (cur != null && cur.version >= version) return;   // out-of-order tick
        } while (!ref.compareAndSet(cur, next));
    }

    public Optional<Quote> read(String pair) {
        AtomicReference<Entry> ref = rates.get(pair);
        Entry e = ref == null ? null : ref.get();
        return e == null ? Optional.empty() : Optional.of(new Quote(pair, e.bid, e.ask, e.version));
    }
}''')], reqs=['AC1: JMH with @Group / @GroupThreads for asymmetric reader/writer mixes', 'AC2: jcstress or equivalent check for the visibility/ordering claim', 'AC3: results reported with error bars and pinned JVM flags'], fw='jmh', lang=None)

# ================================================================================================================
# defect-analysis
# ================================================================================================================

t('simple', 'defect-analysis', "INC0193342: the broker commission statement endpoint throws the NPE below for one broker. Which line is it and which value is null?", [('commission/src/main/java/com/acme/commission/StatementLineMapper.java', '''
public class StatementLineMapper {
    public StatementLine map(CommissionEntry e) {
        BigDecimal rate = e.getRate();
        BigDecimal gross = e.getPremium().multiply(rate);
        String product = e.getProduct().getCode();
        return new StatementLine(e.getPolicyNo(), product, gross.setScale(2, RoundingMode.HALF_UP));
    }
}'''), ('logs/inc0193342.txt', '''
java.lang.NullPointerException: Cannot invoke "com.acme.commission.Product.getCode()" because the return value of "com.acme.commission.CommissionEntry.getProduct()" is null
	at com.acme.commission.StatementLineMapper.map(StatementLineMapper.java:5)
	at com.acme.commission.StatementService.lambda$build$0(StatementService.java:41)''')], lang=None)

def _batch_row(i):
    if i % 11 == 3 or i % 17 == 5:
        return f'2024-11-19 02:{i // 60:02d}:{i % 60:02d} RECON0412E REJECT RC=08 ACCT={40112000 + i * 7} TXN=T{88100 + i} REASON=UNMATCHED_AMOUNT'
    if i % 13 == 0:
        return f'2024-11-19 02:{i // 60:02d}:{i % 60:02d} RECON0300W WARN   RC=04 ACCT={40112000 + i * 7} TXN=T{88100 + i} REASON=VALUE_DATE_SHIFT'
    return f'2024-11-19 02:{i // 60:02d}:{i % 60:02d} RECON0100I MATCH  RC=00 ACCT={40112000 + i * 7} TXN=T{88100 + i}'

t('simple', 'defect-analysis', "Batch RECDLY01 (nightly nostro reconciliation) ended with max RC=08. Operations need the list of transaction IDs rejected with RC=08 and how many there are, so they can raise the manual matching tickets.", [('batch/RECDLY01-20241119.log', '''
2024-11-19 02:00:00 RECON0001I JOB RECDLY01 STARTED  STEP=MATCH  INPUT=NOSTRO.EUR.D241118
''' + lines(150, _batch_row) + '''
2024-11-19 02:02:31 RECON0999I JOB RECDLY01 ENDED MAXRC=08''')], lang=None)

t('medium', 'defect-analysis', "DEF-7781 (raised by Finance): monthly instalment premiums for annual policies are sometimes one penny off against the legacy system, so the 12 instalments no longer add up to the annual premium. Code and one failing reconciliation case are attached. Please find the defect and propose the fix and the regression tests.", [('billing/src/main/java/com/acme/billing/InstalmentPlanner.java', '''
@Component
public class InstalmentPlanner {

    private final TaxService tax;

    public InstalmentPlanner(TaxService tax) { this.tax = tax; }

    public List<Instalment> plan(Policy policy, LocalDate firstDue, int count) {
        BigDecimal annual = policy.annualPremium();
        BigDecimal ipt = tax.insurancePremiumTax(policy.productCode(), annual);   // e.g. 12%
        BigDecimal gross = annual.add(ipt);
        BigDecimal regular = gross.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
        List<Instalment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal amount = regular;
            if (i == 0 && policy.hasSetupFee()) {
                amount = amount.add(policy.setupFee());
            }
            out.add(new Instalment(i + 1, firstDue.plusMonths(i), amount));
        }
        return out;
    }
}'''), ('billing/DEF-7781-case.txt', '''
policy P-00918273  annual premium 487.35  IPT 12% = 58.48  gross 545.83  setup fee 0.00
legacy:  11 x 45.48 + first instalment 45.55 = 545.83
new:     12 x 45.49 = 545.88
difference: +0.05''')], reqs=['AC1: instalments must sum exactly to gross premium plus setup fee', 'AC2: rounding difference allocated to the first instalment, as in legacy (BR-BIL-014)', 'AC3: parameterised tests over count in {1, 2, 4, 10, 12}'], fw='junit5', lang=None)

t('medium', 'defect-analysis', "DEF-7802: the IBAN field in the Angular direct-debit form rejects valid IBANs for some customers (reported for Malta and Saint Lucia) and accepts at least one invalid German IBAN that the bank's back end later bounces. Please find what is wrong with the validator and list the test cases that should be added.", [('src/app/direct-debit/iban.validator.ts', r'''
import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

const LENGTHS: Record<string, number> = { DE: 22, GB: 22, FR: 27, IE: 22, NL: 18, ES: 24, IT: 27, MT: 31, LC: 32 };

export function ibanValidator(): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const raw: string = (control.value ?? '').toString();
    if (!raw) {
      return null;
    }
    const iban = raw.replace(/ /g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
      return { iban: 'format' };
    }
    const expected = LENGTHS[iban.slice(0, 2)];
    if (expected && iban.length !== expected) {
      return { iban: 'length' };
    }
    const rearranged = iban.slice(4) + iban.slice(0, 4);
    const numeric = rearranged.replace(/[A-Z]/g, ch => String(ch.charCodeAt(0) - 55));
    let remainder = 0;
    for (let i = 0; i < numeric.length; i += 15) {
      remainder = Number(String(remainder) + numeric.slice(i, i + 15)) % 97;
    }
    return remainder === 1 ? null : { iban: 'checksum' };
  };
}''')], reqs=['AC1: root cause for both symptoms', 'AC2: fix must not introduce a dependency on a third-party IBAN library (architecture decision AD-31)'], fw='jasmine', lang='typescript')

t('complex', 'defect-analysis', "MAJOR INCIDENT MI-2024-019: during the Oracle failover on 12 November between 14:02 and 14:09, 37 motor claims were paid twice. The payout goes claims-service -> payments-orchestrator -> payment-gateway, with an outbox in claims-service and retries in the orchestrator. Excerpts from the three services for one of the affected claims are attached. I need the root cause across the services and the list of changes required, for the post-incident review board.", [('mi-2024-019/claims-service.log', '''
14:02:11.402 INFO  PayoutOutboxPublisher - publishing outbox id=99120 claim=CLM-7731902 payoutId=PO-55120 amount=2350.00
14:02:12.900 WARN  PayoutOutboxPublisher - publish ack timeout after 1500 ms, will retry outbox id=99120
14:02:13.011 ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms (ORA-03113 end-of-file on communication channel)
14:06:40.118 INFO  PayoutOutboxPublisher - outbox id=99120 still NEW after restart, republishing with new messageId=6f1e-..-a2 payoutId=PO-55120-R1
14:06:40.530 INFO  PayoutOutboxPublisher - outbox id=99120 marked SENT'''), ('mi-2024-019/payments-orchestrator.log', '''
14:02:12.950 INFO  PayoutCommandHandler - received payout PO-55120 messageId=3c9a-..-17 idempotencyKey=CLM-7731902:PO-55120
14:02:12.990 INFO  PayoutCommandHandler - dispatching to gateway, attempt 1
14:02:15.995 WARN  GatewayClient - read timeout 3000 ms, attempt 1 for PO-55120
14:02:18.120 INFO  GatewayClient - attempt 2 for PO-55120 -> 409 DUPLICATE (gateway reference GW-883104)
14:02:18.121 INFO  PayoutCommandHandler - PO-55120 treated as SUCCESS (duplicate means already processed)
14:06:40.610 INFO  PayoutCommandHandler - received payout PO-55120-R1 messageId=6f1e-..-a2 idempotencyKey=CLM-7731902:PO-55120-R1
14:06:40.655 INFO  PayoutCommandHandler - dispatching to gateway, attempt 1
14:06:41.201 INFO  GatewayClient - PO-55120-R1 accepted, gateway reference GW-884977'''), ('mi-2024-019/payment-gateway.log', '''
14:02:13.020 INFO  FasterPaymentsSubmitter - submit GW-883104 endToEndId=PO-55120 amount=2350.00 creditor=GB29NWBK60161331926819
14:02:16.480 INFO  FasterPaymentsSubmitter - GW-883104 ACCEPTED by scheme
14:02:18.100 INFO  DuplicateGuard - endToEndId PO-55120 seen, returning 409 with GW-883104
14:06:40.700 INFO  FasterPaymentsSubmitter - submit GW-884977 endToEndId=PO-55120-R1 amount=2350.00 creditor=GB29NWBK60161331926819
14:06:41.190 INFO  FasterPaymentsSubmitter - GW-884977 ACCEPTED by scheme''')], reqs=['AC1: timeline across the three services with the decision at each step', 'AC2: identify every design flaw that contributed, not only the trigger', 'AC3: tests (including failover/chaos) that must exist before the fix is released'], lang=None)

t('complex', 'defect-analysis', "DEF-7840: since the November release, the nightly nostro reconciliation (Spring Batch, DB2 for z/OS) and the online payment-enquiry channel deadlock against each other a few times a week between 02:00 and 02:30; the batch step is retried and usually finishes, but the online side times out for customers and the batch has twice posted a partial matching result. No code in the enquiry service changed; the batch got a new chunk size and a new index on the matching table. Please work out what is going on and how we prove the fix.", [], reqs=['AC1: explain the lock ordering / escalation scenario and why partial results were committed', 'AC2: reproduction strategy in the test environment', 'AC3: fix options with their impact on the batch window'], lang=None)
