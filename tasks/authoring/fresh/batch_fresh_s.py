from lib import t, lines

# Persona: Salesforce / enterprise-integration consultant (Apex, SOQL, Lightning Web Components,
# MuleSoft flows, SAP IDocs). Writes in a formal status-report tone, uses business vocabulary
# (opportunity, quote, case, SLA, cut-over) and frames asks as deliverables for the client's
# steering committee. Apex, DataWeave, Mule XML and IDoc artefacts use lang=None; LWC, k6 and
# Node helpers use javascript / typescript.

_CLS = ['Quote', 'Opportunity', 'Case', 'Account', 'Contract', 'Order', 'Invoice', 'Entitlement',
        'Pricebook', 'Asset', 'Territory', 'Lead']
_SUF = ['Service', 'Selector', 'TriggerHandler', 'Controller', 'Batch']

def _cov_row(i):
    total = 40 + (i * 37) % 260
    pct = (i * 53 + 17) % 101
    covered = total * pct // 100
    name = _CLS[i % len(_CLS)] + _SUF[(i // len(_CLS)) % len(_SUF)]
    return f'{name:<32}| {covered:>5} | {total:>5} | {covered * 100 // total:>3}%'

t('simple', 'coverage-analysis',
  'Attached is the per-class Apex code coverage extract from last night\'s validation deploy to the '
  'pre-production org. For the appendix of the steering committee pack, please list every class that sits '
  'below the 75% threshold, sorted from lowest to highest, with the covered/total line counts.',
  files=[('reports/apex-coverage-preprod.txt',
          'Class                           | Cov   | Lines | Pct\n'
          + '--------------------------------+-------+-------+-----\n'
          + lines(60, _cov_row))],
  reqs=['output as a markdown table', 'state the total number of classes below threshold'],
  fw='apex', lang=None)

# why: twelve lines of logic, but the tests hinge on business-hours, holiday and timezone judgement and on the fact that BusinessHours cannot be inserted in a test context
t('medium', 'test-generation',
  'Please prepare an Apex test class for the case response SLA calculator below. The client\'s support '
  'contract is very specific about when the clock runs, and this method is what the milestone '
  'report in the service review is built on.',
  files=[('force-app/main/default/classes/CaseSlaCalculator.cls', r"""
public with sharing class CaseSlaCalculator {
    private static final Map<String, Integer> RESPONSE_HOURS = new Map<String, Integer>{
        'Platinum' => 2, 'Gold' => 4, 'Silver' => 8, 'Bronze' => 24
    };

    public static Datetime responseDueBy(Case c, Id businessHoursId) {
        Integer hours = RESPONSE_HOURS.get(c.Entitlement_Tier__c);
        if (hours == null) {
            hours = 24;
        }
        if (c.Priority == 'Critical') {
            hours = Math.max(1, hours / 2);
        }
        Long millis = hours * 60L * 60L * 1000L;
        Datetime start = c.CreatedDate != null ? c.CreatedDate : Datetime.now();
        return BusinessHours.add(businessHoursId, start, millis);
    }
}
""")],
  reqs=['support hours are Mon-Fri 08:00-18:00 Europe/Berlin excluding German public holidays',
        'a Critical Platinum case logged Friday 17:30 must be due Monday 08:30',
        'an unknown or blank entitlement tier falls back to 24 business hours',
        'use the org\'s existing "DE Support" BusinessHours record; do not assume it can be created in the test'],
  fw='apex', lang=None)

t('complex', 'security-scan',
  'Ahead of the penetration test window, please review this opportunity search controller that backs '
  'the sales-manager pipeline LWC and document any findings with severity for the security workstream.',
  files=[('force-app/main/default/classes/OpportunitySearchController.cls', r"""
public without sharing class OpportunitySearchController {

    @AuraEnabled(cacheable=true)
    public static List<Opportunity> search(String stage, String accountName, String sortField,
                                           String sortDir, Integer pageSize, Integer pageNumber) {
        String q = 'SELECT Id, Name, Amount, StageName, CloseDate, Owner.Name, Account.Name '
                 + 'FROM Opportunity WHERE IsClosed = false';
        if (String.isNotBlank(stage)) {
            q += ' AND StageName = \'' + stage + '\'';
        }
        if (String.isNotBlank(accountName)) {
            q += ' AND Account.Name LIKE \'%' + String.escapeSingleQuotes(accountName) + '%\'';
        }
        if (String.isNotBlank(sortField)) {
            q += ' ORDER BY ' + sortField + ' ' + (sortDir == 'DESC' ? 'DESC' : 'ASC');
        }
        Integer size = pageSize == null ? 50 : pageSize;
        Integer offset = pageNumber == null ? 0 : (pageNumber - 1) * size;
        q += ' LIMIT ' + size + ' OFFSET ' + offset;
        return Database.query(q);
    }

    @AuraEnabled
    public static void reassign(Id opportunityId, Id newOwnerId) {
        Opportunity o = [SELECT Id, OwnerId FROM Opportunity WHERE Id = :opportunityId];
        o.OwnerId = newOwnerId;
        update o;
    }
}
""")],
  reqs=['classify each finding (CRUD/FLS, sharing, injection, other) with CVSS-style severity',
        'propose the remediated code for each finding'],
  fw=None, lang=None)

t('simple', 'test-execution',
  'Kindly execute the Apex test classes QuoteLineItemServiceTest and QuoteSyncBatchTest in the UAT sandbox '
  'and confirm pass/fail per method for Thursday\'s status report.', fw='apex', lang=None)

t('complex', 'performance-testing',
  'The steering committee has asked for a performance test strategy covering quarter-end close. Sales '
  'reps create and approve quotes in Salesforce CPQ, closed-won opportunities publish an order event, '
  'MuleSoft transforms it into an ORDERS05 IDoc for SAP ECC, and SAP returns order confirmations and '
  'invoices back through Mule to Salesforce. Last quarter-end we saw approval latency of several minutes '
  'and a backlog of unposted IDocs. Please design the load test: workload model, scenarios, ramp profile, '
  'test data strategy, what to measure in each system and the exit criteria.',
  files=[('docs/quarter-end-volumes.csv', """
metric,normal_day,quarter_end_peak_hour,notes
quotes_created,1800,950,peak concentrated 14:00-18:00 CET
quote_approvals,1200,700,multi-step approval chains up to 4 levels
opportunities_closed_won,420,380,each produces one Order__e platform event
order_lines_per_order_avg,6,14,peak orders are larger (bundle renewals)
idocs_outbound_orders05,420,380,Mule sapOrderSync app 2 workers x 1 vCore
idocs_inbound_ordrsp,400,360,confirmations back to Salesforce
invoices_inbound,350,900,SAP billing run at 22:00 releases batch
salesforce_api_calls_daily_limit,1000000,,shared with marketing integration
mule_worker_count,2,,CloudHub 2.0
""")],
  reqs=['respect the full-copy sandbox API and platform event allocations',
        'cover back-pressure when SAP is slower than Salesforce',
        'define pass/fail criteria the committee can sign off'],
  fw='k6', lang=None)

t('simple', 'defect-analysis',
  'A case escalation failed in production this morning with the stack trace below. Please identify the '
  'cause and propose the fix so we can include it in today\'s incident note.',
  files=[('logs/escalation-error.txt', """
System.NullPointerException: Attempt to de-reference a null object
Class.CaseEscalationService.escalationQueueFor: line 14, column 1
Class.CaseEscalationService.escalate: line 22, column 1
Trigger.CaseTrigger: line 9, column 1
"""),
         ('force-app/main/default/classes/CaseEscalationService.cls', r"""
public with sharing class CaseEscalationService {
    private static Map<String, Id> queuesByRegion;

    private static Map<String, Id> loadQueues() {
        Map<String, Id> result = new Map<String, Id>();
        for (Group g : [SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName LIKE 'Escalation_%']) {
            result.put(g.DeveloperName.removeStart('Escalation_'), g.Id);
        }
        return result;
    }

    public static Id escalationQueueFor(Case c) {
        if (queuesByRegion == null) { queuesByRegion = loadQueues(); }
        String region = c.Account.Region__c.toUpperCase();
        return queuesByRegion.get(region);
    }

    public static void escalate(List<Case> cases) {
        for (Case c : cases) {
            if (c.Priority == 'Critical' && !c.IsEscalated) {
                c.OwnerId = escalationQueueFor(c);
                c.IsEscalated = true;
            }
        }
    }
}
""")],
  fw=None, lang=None)

def _lock_log(i):
    run = i // 6 + 1
    ts = f'2024-05-{14 + run:02d}T0{2 + i % 6}:{(i * 7) % 60:02d}:11Z'
    if i % 6 == 4 and run in (2, 4):
        return (f'{ts} RUN#{run} FAIL QuoteApprovalServiceTest.approveEscalatesAboveThreshold '
                f'System.DmlException: Update failed. First exception on row 0 with id 0Q0000000000{run}AA; '
                f'first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []')
    names = ['approveWithinDiscount', 'rejectClearsApprover', 'approveEscalatesAboveThreshold',
             'recallRestoresDraft', 'bulkApprove200', 'approvalHistoryWritten']
    return f'{ts} RUN#{run} PASS QuoteApprovalServiceTest.{names[i % 6]} ({120 + (i * 31) % 400} ms)'

# why: lock contention sounds like concurrency, but it is one flaky test with a log that points at a shared test-setup record under parallel Apex test execution: medium
t('medium', 'flaky-test-analysis',
  'QuoteApprovalServiceTest.approveEscalatesAboveThreshold fails intermittently in the nightly validation '
  'with UNABLE_TO_LOCK_ROW, roughly two nights in five, without any code change. Please establish the cause '
  'and recommend a fix that the offshore team can implement before the release freeze.',
  files=[('logs/nightly-apex-runs.log', lines(30, _lock_log)),
         ('force-app/main/default/classes/QuoteApprovalServiceTest.cls', r"""
@isTest
private class QuoteApprovalServiceTest {
    @testSetup
    static void setup() {
        Account acc = [SELECT Id FROM Account WHERE Name = 'Integration Reference Customer' LIMIT 1];
        Opportunity opp = new Opportunity(Name = 'Approval Test', AccountId = acc.Id,
            StageName = 'Proposal', CloseDate = Date.today().addDays(30));
        insert opp;
        SBQQ__Quote__c q = new SBQQ__Quote__c(SBQQ__Opportunity2__c = opp.Id, SBQQ__Account__c = acc.Id,
            SBQQ__Primary__c = true, Discount_Percent__c = 0);
        insert q;
    }

    @isTest(SeeAllData=false)
    static void approveEscalatesAboveThreshold() {
        SBQQ__Quote__c q = [SELECT Id, Discount_Percent__c, SBQQ__Account__c FROM SBQQ__Quote__c LIMIT 1];
        q.Discount_Percent__c = 32;
        update q;
        Account acc = new Account(Id = q.SBQQ__Account__c, Last_Discount_Review__c = Date.today());
        update acc;
        Test.startTest();
        QuoteApprovalService.submit(q.Id);
        Test.stopTest();
        SBQQ__Quote__c after = [SELECT Approval_Level__c FROM SBQQ__Quote__c WHERE Id = :q.Id];
        System.assertEquals('VP Sales', after.Approval_Level__c);
    }
}
""")],
  fw='apex', lang=None)

t('medium', 'quality-gate',
  'Please assess Release 24.3 (Service Cloud + CPQ) against the agreed release criteria and give a '
  'RAG status per criterion plus an overall go/no-go recommendation for Monday\'s steering committee.',
  files=[('release/criteria.yaml', """
release: "24.3"
criteria:
  apex_org_coverage_min: 80
  apex_class_coverage_min: 75        # every changed class
  apex_test_pass_rate_min: 100
  lwc_jest_pass_rate_min: 98
  pmd_priority1_max: 0
  pmd_priority2_max: 10
  open_defects:
    severity1_max: 0
    severity2_max: 3                 # only with an agreed workaround
  uat_scenarios_passed_min_pct: 95
"""),
         ('release/metrics-24.3.json', """
{
  "apex": {"orgCoverage": 81.4, "testsRun": 2214, "testsFailed": 0,
           "changedClassesBelow75": [{"class": "ContractRenewalBatch", "coverage": 71}]},
  "lwc": {"suites": 64, "tests": 512, "failed": 9, "skipped": 14},
  "pmd": {"priority1": 0, "priority2": 12, "priority3": 188},
  "defects": {"sev1": 0, "sev2": [
      {"id": "DEF-1182", "title": "Quote PDF shows wrong VAT for AT customers", "workaround": "manual PDF regeneration"},
      {"id": "DEF-1190", "title": "Case merge loses entitlement", "workaround": null},
      {"id": "DEF-1201", "title": "Renewal opp created twice for co-termed contracts", "workaround": "daily dedupe report"}]},
  "uat": {"scenarios": 146, "passed": 138, "blocked": 5, "failed": 3}
}
""")],
  reqs=['explain each amber/red item in one sentence of business language',
        'state which criteria could be met with a waiver and which cannot'],
  lang=None)

t('medium', 'test-generation',
  'Please write Jest tests for the quoteSummary Lightning Web Component. It is used on the quote record '
  'page by the deal desk, and the client wants evidence that the recalculation and error paths behave '
  'before we enable it for the EMEA sales team.',
  files=[('force-app/main/default/lwc/quoteSummary/quoteSummary.js', r"""
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import recalculate from '@salesforce/apex/QuoteSummaryController.recalculate';
import NET_TOTAL from '@salesforce/schema/SBQQ__Quote__c.SBQQ__NetAmount__c';
import DISCOUNT from '@salesforce/schema/SBQQ__Quote__c.Discount_Percent__c';
import STATUS from '@salesforce/schema/SBQQ__Quote__c.SBQQ__Status__c';
import CURRENCY from '@salesforce/schema/SBQQ__Quote__c.CurrencyIsoCode';

const FIELDS = [NET_TOTAL, DISCOUNT, STATUS, CURRENCY];
const LOCKED_STATUSES = ['Approved', 'Presented', 'Accepted'];

export default class QuoteSummary extends LightningElement {
    @api recordId;
    isRecalculating = false;
    errorMessage;
    quote;

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    wiredQuote({ data, error }) {
        if (data) {
            this.quote = data;
            this.errorMessage = undefined;
        } else if (error) {
            this.quote = undefined;
            this.errorMessage = this.reduceError(error);
        }
    }

    get netTotal() {
        return this.quote ? getFieldValue(this.quote, NET_TOTAL) : null;
    }

    get currencyCode() {
        return this.quote ? getFieldValue(this.quote, CURRENCY) : 'EUR';
    }

    get discountBadge() {
        const d = this.quote ? getFieldValue(this.quote, DISCOUNT) : 0;
        if (d >= 30) return 'slds-badge slds-theme_error';
        if (d >= 15) return 'slds-badge slds-theme_warning';
        return 'slds-badge';
    }

    get isLocked() {
        return this.quote ? LOCKED_STATUSES.includes(getFieldValue(this.quote, STATUS)) : true;
    }

    async handleRecalculate() {
        if (this.isLocked || this.isRecalculating) {
            return;
        }
        this.isRecalculating = true;
        try {
            const result = await recalculate({ quoteId: this.recordId });
            if (result && result.warnings && result.warnings.length) {
                this.toast('Recalculated with warnings', result.warnings.join('; '), 'warning');
            } else {
                this.toast('Quote recalculated', 'Totals are up to date.', 'success');
            }
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        } catch (e) {
            this.toast('Recalculation failed', this.reduceError(e), 'error');
        } finally {
            this.isRecalculating = false;
        }
    }

    reduceError(error) {
        if (Array.isArray(error.body)) {
            return error.body.map((e) => e.message).join(', ');
        }
        return (error.body && error.body.message) || error.message || 'Unknown error';
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
""")],
  reqs=['use @salesforce/sfdx-lwc-jest wire adapter mocks for getRecord',
        'cover locked statuses, double-click while recalculating, warnings, and Apex error bodies in both array and object form'],
  fw='jest', lang='javascript')

def _hc_row(i):
    settings = ['Minimum password length', 'Password complexity requirement', 'Maximum invalid login attempts',
                'Lockout effective period', 'Session timeout', 'Force logout on session timeout',
                'Require HttpOnly attribute', 'Enable clickjack protection for customer Visualforce pages',
                'Require secure connections (HTTPS)', 'Lock sessions to the IP address from which they originated',
                'Password expiration period', 'Enforce password history', 'Obscure secret answer',
                'Enable CSRF protection on GET requests', 'Enable XSS protection', 'Content Sniffing protection',
                'Referrer URL protection', 'Require identity verification for email address changes',
                'Let users verify their identity by text', 'Certificate expiry (fin-sap-mtls)',
                'Remote site settings using HTTP', 'Guest user access to Chatter', 'Admins can log in as any user',
                'Enable Content Security Policy protection for email templates']
    risks = ['High', 'Medium', 'Low', 'Informational']
    status = 'Meets Standard' if (i * 5) % 7 > 2 else 'Does Not Meet Standard'
    return f'{settings[i]},{risks[(i * 3) % 4]},{status},Baseline 2024.1'

t('simple', 'security-scan',
  'Attached is the Security Health Check export from the production org. For the security workstream '
  'status page, please list the High-risk settings that do not meet the baseline standard, in the order '
  'they appear.',
  files=[('reports/health-check-prod.csv', 'Setting,Risk,Status,Baseline\n' + lines(24, _hc_row))],
  lang=None)

t('complex', 'defect-analysis',
  'Since go-live of the order integration, roughly 1-2% of Closed Won opportunities never get a sales order '
  'in SAP. Sales operations only notice when the customer chases the order confirmation. No errors are '
  'visible to the business. Please perform a root-cause analysis across Salesforce, MuleSoft and SAP using '
  'the evidence attached and recommend corrective actions for the steering committee.',
  files=[('force-app/main/default/classes/OpportunityOrderPublisher.cls', r"""
public with sharing class OpportunityOrderPublisher {
    public static void publishClosedWon(List<Opportunity> newList, Map<Id, Opportunity> oldMap) {
        List<Order_Request__e> events = new List<Order_Request__e>();
        for (Opportunity o : newList) {
            Opportunity old = oldMap.get(o.Id);
            if (o.StageName == 'Closed Won' && old.StageName != 'Closed Won' && o.SyncedQuoteId != null) {
                events.add(new Order_Request__e(
                    Opportunity_Id__c = o.Id,
                    Quote_Id__c = o.SyncedQuoteId,
                    Sold_To__c = o.Account_SAP_Number__c,
                    Requested_At__c = System.now()));
            }
        }
        if (!events.isEmpty()) {
            List<Database.SaveResult> results = EventBus.publish(events);
            for (Database.SaveResult r : results) {
                if (!r.isSuccess()) {
                    System.debug(LoggingLevel.WARN, 'Order_Request__e publish failed: ' + r.getErrors());
                }
            }
        }
    }
}
"""),
         ('force-app/main/default/triggers/OpportunityTrigger.trigger', r"""
trigger OpportunityTrigger on Opportunity (before update, after update) {
    if (Trigger.isBefore) {
        OpportunityStageGuard.validate(Trigger.new, Trigger.oldMap);
    }
    if (Trigger.isAfter && !TriggerControl.isDisabled('OpportunityOrderPublisher')) {
        OpportunityOrderPublisher.publishClosedWon(Trigger.new, Trigger.oldMap);
    }
}
"""),
         ('mule/sap-order-sync/src/main/mule/order-subscriber.xml', r"""
<flow name="order-request-subscriber">
    <salesforce:subscribe-channel-listener config-ref="Salesforce_Config"
        streamingChannel="/event/Order_Request__e" replayOption="FROM_LAST_REPLAY_ID"/>
    <set-variable variableName="oppId" value="#[payload.data.payload.Opportunity_Id__c]"/>
    <os:store key="lastReplayId" objectStore="replayStore">
        <os:value>#[payload.data.event.replayId]</os:value>
    </os:store>
    <flow-ref name="build-orders05-idoc"/>
    <try>
        <sap:send config-ref="SAP_Config" key="ORDERS05"/>
        <error-handler>
            <on-error-continue type="SAP:CONNECTIVITY">
                <logger level="WARN" message="SAP unavailable for #[vars.oppId], will retry on next event"/>
            </on-error-continue>
        </error-handler>
    </try>
</flow>
"""),
         ('logs/mule-sap-order-sync-2024-05-21.log', """
2024-05-21 09:14:02.118 INFO  order-request-subscriber replayId=48812 opp=0065I00000aZ1kQ
2024-05-21 09:14:02.904 INFO  build-orders05-idoc lines=6 soldTo=0000104512
2024-05-21 09:14:03.611 INFO  SAP send OK IDoc=0000000004418231
2024-05-21 09:31:47.020 INFO  order-request-subscriber replayId=48813 opp=0065I00000aZ2mB
2024-05-21 09:31:47.731 INFO  build-orders05-idoc lines=11 soldTo=0000100877
2024-05-21 09:31:48.402 WARN  SAP unavailable for 0065I00000aZ2mB, will retry on next event
2024-05-21 09:31:48.403 WARN  org.mule.extension.sap JCo RFC_ERROR_COMMUNICATION partner 10.20.4.17:3300 not reached
2024-05-21 09:40:12.551 INFO  order-request-subscriber replayId=48814 opp=0065I00000aZ3xT
2024-05-21 09:40:13.090 INFO  build-orders05-idoc lines=3 soldTo=0000102230
2024-05-21 09:40:13.802 INFO  SAP send OK IDoc=0000000004418232
2024-05-21 11:02:55.700 INFO  worker restart (deployment 24.2.7), resuming subscription FROM_LAST_REPLAY_ID=48814
2024-05-21 11:05:40.114 INFO  order-request-subscriber replayId=48817 opp=0065I00000aZ6pL
"""),
         ('reports/salesforce-closed-won-2024-05-21.csv', """
OpportunityId,ClosedWonAt,SyncedQuoteId,Account_SAP_Number__c,SAP_Order_Number__c
0065I00000aZ1kQ,2024-05-21 09:14:01,a0q5I000001AbcQ,0000104512,0010045561
0065I00000aZ2mB,2024-05-21 09:31:46,a0q5I000001AbdR,0000100877,
0065I00000aZ3xT,2024-05-21 09:40:12,a0q5I000001AbeS,0000102230,0010045562
0065I00000aZ4aa,2024-05-21 10:58:30,a0q5I000001AbfT,0000101190,
0065I00000aZ5bb,2024-05-21 11:01:12,,0000101744,
0065I00000aZ6pL,2024-05-21 11:05:39,a0q5I000001AbgU,0000103001,0010045563
"""),
         ('reports/sap-we02-idoc-list-2024-05-21.txt', """
IDoc number       Basic type  Partner      Status  Created             Message
0000000004418231  ORDERS05    SFDC_MULE    53      21.05.2024 09:14:04 Sales order 10045561 saved
0000000004418232  ORDERS05    SFDC_MULE    53      21.05.2024 09:40:14 Sales order 10045562 saved
0000000004418233  ORDERS05    SFDC_MULE    53      21.05.2024 11:05:41 Sales order 10045563 saved
""")],
  reqs=['explain each missing order individually with the evidence that supports it',
        'separate root causes from contributing factors',
        'recommend detection and reconciliation controls, not only code fixes'],
  lang=None)

t('simple', 'coverage-analysis',
  'From the coverage detail for ContractRenewalService below, please list the methods that have no '
  'coverage at all so the developer can pick them up this sprint.',
  files=[('reports/ContractRenewalService-coverage.txt', """
Class: ContractRenewalService   Lines covered: 58 / 104 (55%)
Method                                  Lines   Covered
createRenewalOpportunity(Contract)      22      22
copyLineItems(Contract, Opportunity)    18      18
applyUplift(List<OpportunityLineItem>)  9       9
coTermContracts(List<Contract>)         17      0
resolvePricebook(Contract)              8       6
notifyAccountOwner(Contract)            6       0
scheduleRenewalTask(Opportunity)        7       3
closeExpiredRenewals(Date)              11      0
handleCurrencyMismatch(Contract)        6       0
""")],
  fw='apex', lang=None)

t('simple', 'performance-testing',
  'The k6 smoke run against the Mule order-status API finished. The SLA in the interface agreement is '
  'p95 below 2 seconds with an error rate under 1%. Please state whether each endpoint meets it.',
  files=[('reports/k6-order-status-smoke.txt', """
     scenarios: (100.00%) 1 scenario, 25 max VUs, 10m30s max duration
     checks.........................: 99.21% 11874 out of 11968
     http_req_duration..............: avg=612ms  min=88ms  med=402ms max=6.1s  p(90)=1.21s p(95)=1.74s
       { endpoint:get_order }.......: avg=388ms  min=88ms  med=301ms max=2.4s  p(90)=702ms p(95)=911ms
       { endpoint:list_orders }.....: avg=1.02s  min=240ms med=880ms max=6.1s  p(90)=2.01s p(95)=2.63s
       { endpoint:get_delivery }....: avg=455ms  min=102ms med=390ms max=3.3s  p(90)=990ms p(95)=1.37s
     http_req_failed................: 0.78%  94 out of 11968
       { endpoint:get_order }.......: 0.21%  9 out of 4290
       { endpoint:list_orders }.....: 1.65%  61 out of 3702
       { endpoint:get_delivery }....: 0.61%  24 out of 3976
     iterations.....................: 3989   6.33/s
""")],
  fw='k6', lang=None)

t('complex', 'test-generation',
  'Our partner portal lets reseller users view and comment on cases for the end customers they manage. '
  'Please write an Apex test class proving that a partner user can only ever see and update cases of '
  'accounts they are assigned to, including through the comment method. This is a contractual data '
  'segregation commitment to the client\'s distributors.',
  files=[('force-app/main/default/classes/PartnerCaseController.cls', r"""
public without sharing class PartnerCaseController {

    public class CaseView {
        @AuraEnabled public Id id;
        @AuraEnabled public String caseNumber;
        @AuraEnabled public String subject;
        @AuraEnabled public String status;
        @AuraEnabled public String accountName;
    }

    private static Set<Id> managedAccountIds() {
        Id contactId = [SELECT ContactId FROM User WHERE Id = :UserInfo.getUserId()].ContactId;
        Set<Id> ids = new Set<Id>();
        for (Reseller_Assignment__c ra : [SELECT End_Customer__c FROM Reseller_Assignment__c
                                           WHERE Partner_Contact__c = :contactId AND Active__c = true]) {
            ids.add(ra.End_Customer__c);
        }
        return ids;
    }

    @AuraEnabled(cacheable=true)
    public static List<CaseView> myCustomerCases(String statusFilter) {
        Set<Id> accountIds = managedAccountIds();
        List<CaseView> out = new List<CaseView>();
        for (Case c : [SELECT Id, CaseNumber, Subject, Status, Account.Name FROM Case
                       WHERE AccountId IN :accountIds
                       AND (Status = :statusFilter OR :statusFilter = null)
                       ORDER BY CreatedDate DESC LIMIT 200]) {
            CaseView v = new CaseView();
            v.id = c.Id; v.caseNumber = c.CaseNumber; v.subject = c.Subject;
            v.status = c.Status; v.accountName = c.Account.Name;
            out.add(v);
        }
        return out;
    }

    @AuraEnabled
    public static void addComment(Id caseId, String body) {
        if (String.isBlank(body) || body.length() > 4000) {
            throw new AuraHandledException('Comment must be between 1 and 4000 characters.');
        }
        Case c = [SELECT Id, AccountId, IsClosed FROM Case WHERE Id = :caseId];
        if (c.IsClosed) {
            throw new AuraHandledException('Closed cases cannot be commented on.');
        }
        insert new CaseComment(ParentId = c.Id, CommentBody = body, IsPublished = true);
    }

    @AuraEnabled
    public static void escalate(Id caseId, String reason) {
        Case c = [SELECT Id, AccountId, Priority FROM Case WHERE Id = :caseId];
        if (!managedAccountIds().contains(c.AccountId)) {
            throw new AuraHandledException('Not authorised for this case.');
        }
        c.Priority = 'High';
        c.Escalation_Reason__c = reason;
        update c;
    }
}
""")],
  reqs=['run the assertions as real partner community users created in the test (System.runAs)',
        'include inactive and expired reseller assignments, and a partner whose contact moves to another reseller account',
        'any test that exposes a genuine segregation gap must fail and be explained, not be adjusted to pass'],
  fw='apex', lang=None)

# why: a single small test whose failure comes from obvious date arithmetic (December and month-end); no async or shared state
t('simple', 'flaky-test-analysis',
  'The renewal test below passes most of the month but failed in the 31 January and 31 December nightly '
  'runs. Please explain why and correct the test.',
  files=[('force-app/main/default/classes/RenewalServiceTest.cls', r"""
@isTest
private class RenewalServiceTest {
    @isTest
    static void renewalClosesInTheMonthAfterContractEnd() {
        Contract c = TestDataFactory.createActivatedContract(Date.today().addMonths(1));
        Test.startTest();
        Opportunity renewal = RenewalService.createRenewal(c);
        Test.stopTest();
        Date expected = Date.today().addMonths(1);
        System.assertEquals(Date.today().month() + 1, renewal.CloseDate.month(),
            'Renewal should close in the month after today');
        System.assertEquals(expected.day(), renewal.CloseDate.day());
    }
}
"""),
         ('force-app/main/default/classes/RenewalService.cls', r"""
public with sharing class RenewalService {
    public static Opportunity createRenewal(Contract c) {
        Opportunity o = new Opportunity(
            Name = 'Renewal - ' + c.ContractNumber,
            AccountId = c.AccountId,
            StageName = 'Prospecting',
            CloseDate = c.EndDate);
        insert o;
        return o;
    }
}
""")],
  fw='apex', lang=None)

t('simple', 'test-execution',
  'Context for the team: the programme is in week 9 of 14, the Customer Service workstream has completed '
  'its sprint 6 scope (case deflection widget, knowledge article suggestions, entitlement badge) and the '
  'client\'s head of service has asked for an updated quality slide for Friday\'s steering committee, '
  'alongside the UAT progress numbers that the test manager is preparing separately. Integration and '
  'performance evidence are out of scope for this slide. What I need from you: run the LWC unit tests in '
  'the service-console package with "npm run test:unit -- --ci" and give me total, passed, failed and '
  'skipped, plus the names of any failing tests.',
  fw='jest', lang='javascript')

t('medium', 'coverage-analysis',
  'For the CPQ extension package, please analyse the coverage report below together with the pricing '
  'class, identify which uncovered areas carry genuine business risk (pricing, approvals, currency) versus '
  'cosmetic gaps, and propose the test cases that would close the important ones.',
  files=[('reports/cpq-extension-coverage.txt', """
Class                          Covered  Total  Pct   Uncovered lines
QuotePricingPlugin             41       78     52%   18-22, 31-44, 52-58, 66-71
QuoteLineGroupService          63       70     90%   55-61
ApprovalRuleEvaluator          88       104    84%   72-79, 96-103
QuoteDocumentController        22       41     53%   12-30
CurrencyConversionHelper       14       29     48%   9-13, 17-26
QuoteTriggerHandler            57       60     95%   44-46
"""),
         ('force-app/main/default/classes/QuotePricingPlugin.cls', r"""
public with sharing class QuotePricingPlugin {
    public static final Decimal MAX_PARTNER_DISCOUNT = 35;

    public static void applyPricing(SBQQ__Quote__c quote, List<SBQQ__QuoteLine__c> lines) {
        Boolean isPartnerDeal = quote.Channel__c == 'Partner';
        Decimal totalList = 0;
        for (SBQQ__QuoteLine__c l : lines) {
            totalList += (l.SBQQ__ListPrice__c == null ? 0 : l.SBQQ__ListPrice__c) * l.SBQQ__Quantity__c;
        }
        for (SBQQ__QuoteLine__c l : lines) {
            Decimal discount = l.SBQQ__Discount__c == null ? 0 : l.SBQQ__Discount__c;
            if (isPartnerDeal) {
                discount = discount + partnerTierDiscount(quote.Partner_Tier__c);
                if (discount > MAX_PARTNER_DISCOUNT) {
                    discount = MAX_PARTNER_DISCOUNT;
                    l.Discount_Capped__c = true;
                }
            }
            if (totalList > 500000 && l.SBQQ__ProductFamily__c != 'Services') {
                discount += 2;
            }
            l.SBQQ__Discount__c = discount;
            l.Net_Price_Local__c = CurrencyConversionHelper.toQuoteCurrency(
                l.SBQQ__ListPrice__c * (1 - discount / 100), quote.CurrencyIsoCode);
        }
        if (quote.CurrencyIsoCode != 'EUR' && quote.Fx_Locked_Rate__c == null) {
            quote.Fx_Warning__c = 'Exchange rate not locked; totals may change at order.';
        }
    }

    private static Decimal partnerTierDiscount(String tier) {
        switch on tier {
            when 'Platinum' { return 20; }
            when 'Gold' { return 15; }
            when 'Silver' { return 10; }
            when else { return 5; }
        }
    }
}
""")],
  reqs=['rank the gaps by business impact', 'express proposed tests as Given/When/Then'],
  fw='apex', lang=None)

t('complex', 'security-scan',
  'SAP PI posts delivery notifications to our Mule API and we verify a signature header before updating '
  'Salesforce. Please review the validator and the flow for weaknesses; the client\'s CISO will review '
  'the findings directly.',
  files=[('mule/delivery-notify-api/src/main/java/com/client/integration/HmacSignatureValidator.java', r"""
package com.client.integration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class HmacSignatureValidator {

    private final String sharedSecret;
    private final long toleranceSeconds;

    public HmacSignatureValidator(String sharedSecret, long toleranceSeconds) {
        this.sharedSecret = sharedSecret;
        this.toleranceSeconds = toleranceSeconds;
    }

    public boolean isValid(String signatureHeader, String timestampHeader, String body) {
        if (signatureHeader == null || body == null) {
            return false;
        }
        if (timestampHeader != null) {
            long ts = Long.parseLong(timestampHeader);
            long now = System.currentTimeMillis() / 1000;
            if (now - ts > toleranceSeconds) {
                return false;
            }
        }
        String expected = sign(timestampHeader + "." + body);
        return expected.equals(signatureHeader.replace("sha1=", ""));
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return "";
        }
    }
}
"""),
         ('mule/delivery-notify-api/src/main/mule/delivery-notify.xml', r"""
<flow name="post:\deliveries:application\json:delivery-notify-config">
    <set-variable variableName="rawBody" value="#[write(payload, 'application/json')]"/>
    <java:invoke class="com.client.integration.HmacSignatureValidator" method="isValid(String,String,String)"
        instance="#[vars.validator]">
        <java:args>#[{ arg0: attributes.headers['x-sap-signature'], arg1: attributes.headers['x-sap-timestamp'], arg2: vars.rawBody }]</java:args>
    </java:invoke>
    <choice>
        <when expression="#[payload == false]">
            <raise-error type="APP:UNAUTHORIZED" description="#['Signature mismatch, expected for body: ' ++ vars.rawBody]"/>
        </when>
    </choice>
    <flow-ref name="upsert-delivery-to-salesforce"/>
</flow>
"""),
         ('mule/delivery-notify-api/src/main/resources/config-prod.yaml', """
http:
  port: "8081"
sap:
  signature:
    secret: "CHANGE-ME-fake-0000-not-a-real-secret"
    toleranceSeconds: "86400"
""")],
  reqs=['rate each finding and explain the realistic attack path',
        'provide corrected Java and flow configuration'],
  lang=None)

t('medium', 'performance-testing',
  'Please write a k6 script for the MuleSoft order-status experience API so that we can run the baseline '
  'load test next week. The interface specification excerpt is attached.',
  files=[('api/order-status-api.raml', """
#%RAML 1.0
title: Order Status Experience API
version: v2
baseUri: https://order-status-uat.example-client.cloudhub.io/api/v2
securitySchemes:
  clientCredentials:
    type: x-custom
    describedBy:
      headers:
        client_id: { type: string }
        client_secret: { type: string }
/orders:
  get:
    securedBy: [clientCredentials]
    queryParameters:
      soldTo: { type: string, pattern: "^[0-9]{10}$" }
      status: { enum: [OPEN, PARTIALLY_DELIVERED, DELIVERED, CANCELLED], required: false }
      page: { type: integer, default: 1 }
      pageSize: { type: integer, default: 50, maximum: 200 }
    responses:
      200: { body: { application/json: { type: OrderPage } } }
      429: { description: rate limit (SLA tier Silver = 20 req/s per client) }
  /{orderNumber}:
    get:
      securedBy: [clientCredentials]
      responses:
        200: { body: { application/json: { type: Order } } }
        404: { description: unknown order }
    /deliveries:
      get:
        securedBy: [clientCredentials]
"""),
         ('testdata/sold-to-accounts.csv', lines(12, lambda i: 'soldTo,sampleOrder' if i == 0 else
                                                  f'{100000 + i * 731:010d},{10045000 + i * 17:010d}'))],
  reqs=['ramp to 30 virtual users over 5 minutes, hold 20 minutes',
        'thresholds: p95 < 2s overall, < 1.5s for single-order lookups, error rate < 1%',
        'read client id/secret from environment variables and data from the CSV via SharedArray',
        'treat 429 responses as a separate metric, not as failures'],
  fw='k6', lang='javascript')

t('medium', 'defect-analysis',
  'Several inbound ORDRSP IDocs from SAP are failing in the Mule order-confirmation flow since the '
  'distributor onboarding last week. Please determine why and what change is required, for the defect '
  'review board.',
  files=[('mule/order-confirmation/src/main/resources/dw/ordrsp-to-sfdc.dwl', r"""
%dw 2.0
output application/json
var hdr = payload.ORDERS05.IDOC.E1EDK01
var partners = payload.ORDERS05.IDOC.*E1EDKA1
fun partnerOf(role) = (partners filter ($.PARVW == role))[0]
---
{
  SAP_Order_Number__c: hdr.BELNR,
  CurrencyIsoCode: hdr.CURCY,
  Sold_To__c: partnerOf("AG").PARTN,
  Ship_To__c: partnerOf("WE").PARTN,
  Ship_To_Country__c: upper(partnerOf("WE").LAND1),
  Confirmed_Delivery__c: (payload.ORDERS05.IDOC.*E1EDK03 filter ($.IDDAT == "002"))[0].DATUM
        as Date {format: "yyyyMMdd"} as String {format: "yyyy-MM-dd"},
  Lines__r: payload.ORDERS05.IDOC.*E1EDP01 map {
    Line_Number__c: $.POSEX as Number,
    Material__c: $.E1EDP19[0].IDTNR,
    Confirmed_Qty__c: $.MENGE as Number,
    Net_Value__c: $.NETWR as Number
  }
}
"""),
         ('logs/order-confirmation-errors.log', """
2024-05-27 06:12:40.221 ERROR order-confirmation IDoc 0000000004420117 transform failed
org.mule.runtime.core.api.expression.ExpressionRuntimeException: "You called the function 'upper' with these arguments:
  1: Null (null)

But it expects one of these combinations:
  (String)

11|  Ship_To_Country__c: upper(partnerOf("WE").LAND1),
                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
Trace:
  at upper (line: 11, column: 22)
  at main (line: 11, column: 22)" evaluating expression: "dw/ordrsp-to-sfdc.dwl".
2024-05-27 06:12:40.229 ERROR order-confirmation IDoc 0000000004420118 transform failed (same expression)
2024-05-27 07:40:03.912 ERROR order-confirmation IDoc 0000000004420131 transform failed
Cannot coerce Null (null) to Date
11|  Confirmed_Delivery__c: (payload.ORDERS05.IDOC.*E1EDK03 filter ($.IDDAT == "002"))[0].DATUM
"""),
         ('samples/idoc-0000000004420117.xml', """
<ORDERS05><IDOC BEGIN="1">
  <E1EDK01 SEGMENT="1"><CURCY>EUR</CURCY><BELNR>0010046020</BELNR></E1EDK01>
  <E1EDKA1 SEGMENT="1"><PARVW>AG</PARVW><PARTN>0000108811</PARTN><LAND1>DE</LAND1></E1EDKA1>
  <E1EDKA1 SEGMENT="1"><PARVW>WE</PARVW><PARTN>0000108811</PARTN></E1EDKA1>
  <E1EDK03 SEGMENT="1"><IDDAT>002</IDDAT><DATUM>20240612</DATUM></E1EDK03>
  <E1EDP01 SEGMENT="1"><POSEX>000010</POSEX><MENGE>4.000</MENGE><NETWR>1840.00</NETWR>
    <E1EDP19 SEGMENT="1"><QUALF>002</QUALF><IDTNR>MAT-44021</IDTNR></E1EDP19></E1EDP01>
</IDOC></ORDERS05>
""")],
  reqs=['distinguish data-quality issues in SAP from defects in the mapping',
        'propose the corrected DataWeave and say which fields should default versus route to the error queue'],
  fw='munit', lang=None)

# why: a single metric compared with a single threshold; the surrounding programme context changes nothing about the ask
t('simple', 'quality-gate',
  'As you know, the client\'s change advisory board requires every production deployment to pass the '
  'standard Salesforce deployment criteria and our own programme gate, which for this minor release is '
  'only the org-wide Apex coverage threshold of 75% plus all tests passing. The deployment validation '
  'summary is attached. Please confirm pass or fail against that gate in one line for the CAB form.',
  files=[('release/validation-summary.txt', """
Deploy ID: 0Af5I00000Xk2pLSAR   Status: Succeeded (validation only)
Components: 37 deployed, 0 errors
Apex tests: 1,904 run, 0 failures, 0 errors
Org-wide code coverage: 78%
Test level: RunLocalTests
""")],
  fw='apex', lang=None)

t('medium', 'test-execution',
  'Please run the MUnit suite of the sap-order-sync application with the SAP connector mocked, and report '
  'results per test with failure reasons, so we can attach the evidence to the integration test sign-off. '
  'The suite has to run with the "test" Maven profile and the munit-local properties.',
  files=[('mule/sap-order-sync/src/test/munit/order-subscriber-test-suite.xml', r"""
<munit:config name="order-subscriber-test-suite.xml"/>

<munit:test name="closed-won-event-sends-orders05" description="happy path to SAP">
    <munit:behavior>
        <munit-tools:mock-when processor="sap:send">
            <munit-tools:then-return>
                <munit-tools:payload value="#[{ idocNumber: '0000000004418231' }]"/>
            </munit-tools:then-return>
        </munit-tools:mock-when>
    </munit:behavior>
    <munit:execution>
        <munit:set-event>
            <munit:payload value="#[readUrl('classpath://events/order-request-6-lines.json')]"/>
        </munit:set-event>
        <flow-ref name="order-request-subscriber"/>
    </munit:execution>
    <munit:validation>
        <munit-tools:verify-call processor="sap:send" times="1"/>
        <munit-tools:assert-that expression="#[vars.oppId]" is="#[MunitTools::equalTo('0065I00000aZ1kQ')]"/>
    </munit:validation>
</munit:test>

<munit:test name="sap-connectivity-error-is-retried" description="SAP down routes to retry queue">
    <munit:behavior>
        <munit-tools:mock-when processor="sap:send">
            <munit-tools:then-return>
                <munit-tools:error typeId="SAP:CONNECTIVITY"/>
            </munit-tools:then-return>
        </munit-tools:mock-when>
    </munit:behavior>
    <munit:execution>
        <munit:set-event>
            <munit:payload value="#[readUrl('classpath://events/order-request-6-lines.json')]"/>
        </munit:set-event>
        <flow-ref name="order-request-subscriber"/>
    </munit:execution>
    <munit:validation>
        <munit-tools:verify-call processor="anypoint-mq:publish" times="1">
            <munit-tools:with-attributes>
                <munit-tools:with-attribute attributeName="destination" whereValue="sap-order-retry"/>
            </munit-tools:with-attributes>
        </munit-tools:verify-call>
    </munit:validation>
</munit:test>

<munit:test name="missing-sold-to-rejected" description="events without Sold_To go to DLQ">
    <munit:execution>
        <munit:set-event>
            <munit:payload value="#[readUrl('classpath://events/order-request-no-soldto.json')]"/>
        </munit:set-event>
        <flow-ref name="order-request-subscriber"/>
    </munit:execution>
    <munit:validation>
        <munit-tools:verify-call processor="sap:send" times="0"/>
    </munit:validation>
</munit:test>
"""),
         ('mule/sap-order-sync/src/test/resources/munit-local.properties', """
salesforce.username=integration.user@client.example.uat
salesforce.password=fake-password-for-munit
sap.ashost=localhost
sap.sysnr=00
sap.client=100
anypoint.mq.url=http://localhost:9999/mq
""")],
  reqs=['report coverage of the flows as well as pass/fail', 'do not call the real UAT SAP system'],
  fw='munit', lang=None)

t('complex', 'coverage-analysis',
  'The integration layer passes the 75% deployment threshold, but the client\'s architecture board has '
  'asked whether the coverage is meaningful where it matters: token refresh, retries and partial failures '
  'on the SAP and ERP callouts. Please review the coverage report against the code of the integration '
  'layer and give us a risk-based view of what is really untested.',
  files=[('reports/integration-coverage.txt', """
Class                         Covered  Total  Pct   Uncovered lines
SapCalloutService             72       96     75%   41-52, 77-88
ErpTokenProvider              30       38     79%   25-32
CalloutRetryPolicy            20       24     83%   17-20
OrderSyncQueueable            51       66     77%   38-45, 58-64
IntegrationLogWriter          40       42     95%   30-31
SapResponseParser             63       80     79%   55-71
Org-wide                                      81%
"""),
         ('force-app/main/default/classes/ErpTokenProvider.cls', r"""
public with sharing class ErpTokenProvider {
    private static String cachedToken;
    private static Datetime expiresAt;

    public static String getToken() {
        if (cachedToken != null && expiresAt > Datetime.now().addSeconds(30)) {
            return cachedToken;
        }
        Cache.OrgPartition part = Cache.Org.getPartition('local.Integration');
        String token = (String) part.get('erpToken');
        Datetime exp = (Datetime) part.get('erpTokenExpiry');
        if (token != null && exp != null && exp > Datetime.now().addSeconds(30)) {
            cachedToken = token; expiresAt = exp;
            return token;
        }
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:ERP_OAuth/oauth/token');
        req.setMethod('POST');
        req.setBody('grant_type=client_credentials');
        HttpResponse res = new Http().send(req);
        if (res.getStatusCode() != 200) {
            throw new IntegrationException('Token request failed: ' + res.getStatus());
        }
        Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(res.getBody());
        if (!body.containsKey('access_token')) {
            IntegrationLogWriter.error('ErpTokenProvider', 'No access_token in response', res.getBody());
            throw new IntegrationException('Malformed token response');
        }
        cachedToken = (String) body.get('access_token');
        Integer ttl = (Integer) body.get('expires_in');
        expiresAt = Datetime.now().addSeconds(ttl == null ? 300 : ttl);
        part.put('erpToken', cachedToken, ttl == null ? 300 : ttl);
        part.put('erpTokenExpiry', expiresAt);
        return cachedToken;
    }

    public static void invalidate() {
        cachedToken = null;
        expiresAt = null;
        Cache.Org.getPartition('local.Integration').remove('erpToken');
    }
}
"""),
         ('force-app/main/default/classes/CalloutRetryPolicy.cls', r"""
public with sharing class CalloutRetryPolicy {
    public static final Integer MAX_ATTEMPTS = 3;
    public static Boolean isRetryable(HttpResponse res) {
        Integer s = res.getStatusCode();
        return s == 429 || s == 502 || s == 503 || s == 504;
    }
    public static Boolean shouldRetry(Integer attempt, HttpResponse res) {
        if (attempt >= MAX_ATTEMPTS) { return false; }
        if (res == null) { return true; }
        if (res.getStatusCode() == 401) {
            ErpTokenProvider.invalidate();
            return true;
        }
        return isRetryable(res);
    }
}
"""),
         ('force-app/main/default/classes/SapCalloutService.cls', r"""
public with sharing class SapCalloutService {
    public class SapResult { public Boolean ok; public String sapOrderNumber; public List<String> messages; }

    public static SapResult createSalesOrder(Order ord, List<OrderItem> items) {
        Integer attempt = 0;
        HttpResponse res;
        while (true) {
            attempt++;
            HttpRequest req = new HttpRequest();
            req.setEndpoint('callout:SAP_Gateway/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder');
            req.setMethod('POST');
            req.setHeader('Authorization', 'Bearer ' + ErpTokenProvider.getToken());
            req.setHeader('Content-Type', 'application/json');
            req.setTimeout(20000);
            req.setBody(SapPayloadBuilder.salesOrder(ord, items));
            try {
                res = new Http().send(req);
            } catch (CalloutException e) {
                res = null;
                IntegrationLogWriter.warn('SapCalloutService', 'Callout exception attempt ' + attempt, e.getMessage());
            }
            if (res != null && res.getStatusCode() == 201) {
                return SapResponseParser.parseCreated(res.getBody());
            }
            if (!CalloutRetryPolicy.shouldRetry(attempt, res)) {
                break;
            }
        }
        SapResult failed = new SapResult();
        failed.ok = false;
        failed.messages = res == null ? new List<String>{ 'No response from SAP' }
                                      : SapResponseParser.parseErrors(res.getBody());
        return failed;
    }
}
"""),
         ('force-app/main/default/classes/OrderSyncQueueable.cls', r"""
public with sharing class OrderSyncQueueable implements Queueable, Database.AllowsCallouts {
    private final List<Id> orderIds;
    public OrderSyncQueueable(List<Id> orderIds) { this.orderIds = orderIds; }

    public void execute(QueueableContext ctx) {
        List<Id> remaining = new List<Id>();
        Integer processed = 0;
        for (Id orderId : orderIds) {
            if (Limits.getCallouts() >= Limits.getLimitCallouts() - 3) {
                remaining.add(orderId);
                continue;
            }
            Order o = [SELECT Id, OrderNumber, AccountId, SAP_Order_Number__c, Sync_Status__c FROM Order WHERE Id = :orderId];
            if (o.SAP_Order_Number__c != null) { continue; }
            List<OrderItem> items = [SELECT Id, Quantity, UnitPrice, Product2.ProductCode FROM OrderItem WHERE OrderId = :orderId];
            SapCalloutService.SapResult r = SapCalloutService.createSalesOrder(o, items);
            o.Sync_Status__c = r.ok ? 'Synced' : 'Failed';
            o.SAP_Order_Number__c = r.ok ? r.sapOrderNumber : null;
            o.Sync_Message__c = r.messages == null ? null : String.join(r.messages, '\n').left(255);
            update o;
            processed++;
        }
        if (!remaining.isEmpty() && !Test.isRunningTest()) {
            System.enqueueJob(new OrderSyncQueueable(remaining));
        }
    }
}
"""),
         ('force-app/main/default/classes/SapResponseParser.cls', r"""
public with sharing class SapResponseParser {
    public static SapCalloutService.SapResult parseCreated(String body) {
        Map<String, Object> root = (Map<String, Object>) JSON.deserializeUntyped(body);
        Map<String, Object> d = (Map<String, Object>) root.get('d');
        SapCalloutService.SapResult r = new SapCalloutService.SapResult();
        r.ok = d != null && d.get('SalesOrder') != null;
        r.sapOrderNumber = r.ok ? String.valueOf(d.get('SalesOrder')) : null;
        r.messages = new List<String>();
        return r;
    }
    public static List<String> parseErrors(String body) {
        List<String> out = new List<String>();
        if (String.isBlank(body)) { out.add('Empty error body'); return out; }
        try {
            Map<String, Object> root = (Map<String, Object>) JSON.deserializeUntyped(body);
            Map<String, Object> err = (Map<String, Object>) root.get('error');
            Map<String, Object> msg = (Map<String, Object>) err.get('message');
            out.add(String.valueOf(msg.get('value')));
            Map<String, Object> inner = (Map<String, Object>) err.get('innererror');
            if (inner != null && inner.containsKey('errordetails')) {
                for (Object o : (List<Object>) inner.get('errordetails')) {
                    Map<String, Object> det = (Map<String, Object>) o;
                    out.add(det.get('code') + ': ' + det.get('message'));
                }
            }
        } catch (Exception e) {
            out.add('Unparseable SAP error: ' + body.left(200));
        }
        return out;
    }
}
""")],
  reqs=['map each uncovered line range to the behaviour it implements',
        'flag behaviours that are covered by line but not meaningfully asserted',
        'prioritise recommendations for the architecture board'],
  fw='apex', lang=None)

t('complex', 'flaky-test-analysis',
  'Our end-to-end integration test "closed-won creates exactly one SAP order" fails about one run in ten '
  'in the SIT environment with two sales orders for the same opportunity. It has never failed in the '
  'developers\' sandboxes. Please work out why and what should change, in the product or in the test.',
  files=[('tests/e2e/closedWonCreatesOneOrder.spec.ts', r"""
import { test, expect } from '@playwright/test';
import { sfLogin, closeWinOpportunity, createOpportunityWithSyncedQuote } from './support/salesforce';
import { querySapOrdersByReference } from './support/sap';

test('closed-won creates exactly one SAP order', async ({ page }) => {
  await sfLogin(page, process.env.SIT_SALES_USER!);
  const opp = await createOpportunityWithSyncedQuote(page, { lines: 4, currency: 'EUR' });
  await closeWinOpportunity(page, opp.id);

  await expect.poll(async () => (await querySapOrdersByReference(opp.id)).length, {
    timeout: 120_000, intervals: [5_000],
  }).toBeGreaterThan(0);

  await page.waitForTimeout(30_000);
  const orders = await querySapOrdersByReference(opp.id);
  expect(orders).toHaveLength(1);
});
"""),
         ('mule/sap-order-sync/src/main/mule/order-subscriber.xml', r"""
<flow name="order-request-subscriber" maxConcurrency="4">
    <salesforce:replay-channel-listener config-ref="Salesforce_Config"
        streamingChannel="/event/Order_Request__e" replayOption="FROM_REPLAY_ID"
        replayId="#[p('replay.start') default -1]" autoReplay="true"/>
    <set-variable variableName="oppId" value="#[payload.data.payload.Opportunity_Id__c]"/>
    <os:contains key="#[vars.oppId]" objectStore="processedOpps" target="alreadyProcessed"/>
    <choice>
        <when expression="#[vars.alreadyProcessed]">
            <logger level="INFO" message="duplicate event for #[vars.oppId] ignored"/>
        </when>
        <otherwise>
            <flow-ref name="build-orders05-idoc"/>
            <until-successful maxRetries="3" millisBetweenRetries="10000">
                <sap:send config-ref="SAP_Config" key="ORDERS05"/>
            </until-successful>
            <os:store key="#[vars.oppId]" objectStore="processedOpps">
                <os:value>#[now()]</os:value>
            </os:store>
        </otherwise>
    </choice>
</flow>

<os:object-store name="processedOpps" persistent="false" entryTtl="24" entryTtlUnit="HOURS"/>
"""),
         ('force-app/main/default/classes/OpportunityOrderPublisher.cls', r"""
public with sharing class OpportunityOrderPublisher {
    public static void publishClosedWon(List<Opportunity> newList, Map<Id, Opportunity> oldMap) {
        List<Order_Request__e> events = new List<Order_Request__e>();
        for (Opportunity o : newList) {
            if (o.StageName == 'Closed Won' && o.SyncedQuoteId != null) {
                events.add(new Order_Request__e(Opportunity_Id__c = o.Id, Quote_Id__c = o.SyncedQuoteId));
            }
        }
        if (!events.isEmpty()) { EventBus.publish(events); }
    }
}
"""),
         ('env/sit-topology.md', """
SIT: CloudHub 2.0, sap-order-sync replicas = 2 (dev sandboxes run 1 replica locally in Studio)
SAP QA gateway latency p95 = 14 s at 09:00-11:00 (shared with the finance regression)
Flow 'Opportunity - Set Region' (record-triggered, after save) updates Opportunity.Region__c on stage change
"""),
         ('logs/sit-run-0412.log', """
10:02:11.402 [replica-a] order-request-subscriber replayId=90211 opp=006Aa000004xYzQ
10:02:11.405 [replica-b] order-request-subscriber replayId=90211 opp=006Aa000004xYzQ
10:02:11.410 [replica-a] os:contains processedOpps 006Aa000004xYzQ = false
10:02:11.412 [replica-b] os:contains processedOpps 006Aa000004xYzQ = false
10:02:11.913 [replica-a] order-request-subscriber replayId=90212 opp=006Aa000004xYzQ
10:02:11.915 [replica-a] os:contains processedOpps 006Aa000004xYzQ = false
10:02:25.880 [replica-a] SAP send OK IDoc=0000000004431002
10:02:26.104 [replica-b] SAP send timeout after 20000 ms, until-successful retry 1
10:02:27.530 [replica-a] SAP send OK IDoc=0000000004431003
10:02:38.140 [replica-b] SAP send OK IDoc=0000000004431004
""")],
  reqs=['explain every duplicate in the log, not only the first',
        'state whether the test is wrong, the product is wrong, or both'],
  fw='playwright', lang='typescript')

t('complex', 'test-generation',
  'Please produce the Apex test suite for the case lifecycle engine. Every status change drives the '
  'entitlement milestones that are reported to the client monthly under the support SLA, so the board '
  'needs assurance that no path can leave a milestone running or stopped incorrectly.',
  files=[('force-app/main/default/classes/CaseLifecycle.cls', r"""
public with sharing class CaseLifecycle {
    public enum Status { NEW_CASE, TRIAGED, WORKING, PENDING_CUSTOMER, PENDING_VENDOR, ESCALATED,
                         RESOLVED, CLOSED, REOPENED, CANCELLED }

    private static final Map<Status, Set<Status>> ALLOWED = new Map<Status, Set<Status>>{
        Status.NEW_CASE         => new Set<Status>{ Status.TRIAGED, Status.CANCELLED },
        Status.TRIAGED          => new Set<Status>{ Status.WORKING, Status.ESCALATED, Status.CANCELLED },
        Status.WORKING          => new Set<Status>{ Status.PENDING_CUSTOMER, Status.PENDING_VENDOR,
                                                    Status.ESCALATED, Status.RESOLVED },
        Status.PENDING_CUSTOMER => new Set<Status>{ Status.WORKING, Status.RESOLVED, Status.CLOSED },
        Status.PENDING_VENDOR   => new Set<Status>{ Status.WORKING, Status.ESCALATED },
        Status.ESCALATED        => new Set<Status>{ Status.WORKING, Status.RESOLVED },
        Status.RESOLVED         => new Set<Status>{ Status.CLOSED, Status.REOPENED },
        Status.CLOSED           => new Set<Status>{ Status.REOPENED },
        Status.REOPENED         => new Set<Status>{ Status.WORKING, Status.ESCALATED },
        Status.CANCELLED        => new Set<Status>()
    };

    private static final Set<Status> CLOCK_PAUSED = new Set<Status>{ Status.PENDING_CUSTOMER, Status.PENDING_VENDOR };

    public class TransitionException extends Exception {}

    public static void transition(Case c, Status target, String reason) {
        Status current = c.Lifecycle_Status__c == null ? Status.NEW_CASE : Status.valueOf(c.Lifecycle_Status__c);
        if (!ALLOWED.get(current).contains(target)) {
            throw new TransitionException('Illegal transition ' + current + ' -> ' + target);
        }
        if (target == Status.CLOSED && current == Status.PENDING_CUSTOMER
                && (c.Pending_Since__c == null || c.Pending_Since__c.addDays(14) > Datetime.now())) {
            throw new TransitionException('Auto-close requires 14 days without customer response');
        }
        if (target == Status.REOPENED && c.ClosedDate != null && c.ClosedDate.addDays(30) < Datetime.now()) {
            throw new TransitionException('Cases closed more than 30 days ago must be cloned, not reopened');
        }
        if (target == Status.ESCALATED && String.isBlank(reason)) {
            throw new TransitionException('Escalation reason is mandatory');
        }

        Boolean wasPaused = CLOCK_PAUSED.contains(current);
        Boolean nowPaused = CLOCK_PAUSED.contains(target);
        if (!wasPaused && nowPaused) {
            c.IsStopped = true;
            c.Pending_Since__c = Datetime.now();
        } else if (wasPaused && !nowPaused) {
            c.IsStopped = false;
            c.Pending_Since__c = null;
        }

        if (target == Status.RESOLVED || target == Status.CANCELLED) {
            MilestoneService.completeOpen(c.Id, target == Status.RESOLVED);
        }
        if (target == Status.REOPENED) {
            c.Reopen_Count__c = (c.Reopen_Count__c == null ? 0 : c.Reopen_Count__c) + 1;
            MilestoneService.restartResolution(c.Id);
            if (c.Reopen_Count__c >= 2) {
                c.Priority = 'High';
            }
        }
        if (target == Status.ESCALATED) {
            c.Escalation_Reason__c = reason;
            c.IsEscalated = true;
        }
        c.Lifecycle_Status__c = target.name();
        c.Status = mapToStandardStatus(target);
    }

    private static String mapToStandardStatus(Status s) {
        switch on s {
            when NEW_CASE, TRIAGED { return 'New'; }
            when WORKING, ESCALATED, REOPENED { return 'Working'; }
            when PENDING_CUSTOMER, PENDING_VENDOR { return 'On Hold'; }
            when RESOLVED { return 'Resolved'; }
            when else { return 'Closed'; }
        }
    }
}
""")],
  reqs=['cover every allowed transition and assert that every disallowed one throws',
        'assert the milestone clock state (IsStopped, Pending_Since__c) after each transition sequence',
        'include multi-step journeys such as working -> pending customer -> pending vendor is rejected -> working -> resolved -> reopened twice'],
  fw='apex', lang=None)

def _jmeter_row(i):
    labels = ['01_Login', '02_Home', '03_OpenAccount', '04_NewOpportunity', '05_SaveOpportunity',
              '06_AddProducts', '07_SaveQuote', '08_Calculate', '09_SubmitApproval', '10_GeneratePDF']
    label = labels[i % 10] + ('' if i < 10 else f'_{["EMEA", "NA", "APAC"][i // 10 - 1]}')
    avg = 300 + (i * 211) % 2400
    p90 = avg + 200 + (i * 97) % 1500
    p95 = p90 + 150 + (i * 41) % 600
    err = ((i * 7) % 13) / 10
    return f'{label},{120 + i * 3},{avg},{avg - 40},{p90},{p95},{p95 + 900},{err:.1f}%,{2.1 + (i % 5) / 10:.1f}'

t('simple', 'performance-testing',
  'Please review the JMeter aggregate report from the CPQ user-journey load test and list every transaction '
  'whose 90% line exceeds 3,000 ms, with its value, for the performance section of the weekly status report.',
  files=[('reports/jmeter-aggregate-cpq.csv',
          'Label,# Samples,Average,Median,90% Line,95% Line,Max,Error %,Throughput\n' + lines(40, _jmeter_row))],
  fw='jmeter', lang=None)

t('medium', 'defect-analysis',
  'Deal desk users report that after they change the discount on a quote line in the related list and '
  'save, the quote summary card still shows the old net total until they refresh the browser. The Apex '
  'recalculation does run (the record is correct in the database). Please diagnose this and propose the '
  'correction for the defect log.',
  files=[('force-app/main/default/lwc/quoteTotalsCard/quoteTotalsCard.js', r"""
import { LightningElement, api, wire } from 'lwc';
import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import getTotals from '@salesforce/apex/QuoteTotalsController.getTotals';

export default class QuoteTotalsCard extends LightningElement {
    @api recordId;
    totals;
    error;
    subscription;

    @wire(getTotals, { quoteId: '$recordId' })
    wiredTotals(result) {
        if (result.data) {
            this.totals = result.data;
            this.error = undefined;
        } else if (result.error) {
            this.error = result.error;
        }
    }

    connectedCallback() {
        subscribe('/event/Quote_Recalculated__e', -1, (message) => {
            if (message.data.payload.Quote_Id__c === this.recordId) {
                this.totals = { ...this.totals, pending: true };
                getTotals({ quoteId: this.recordId });
            }
        }).then((sub) => {
            this.subscription = sub;
        });
        onError((err) => console.error('empApi error', JSON.stringify(err)));
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
    }

    get netTotal() {
        return this.totals ? this.totals.netAmount : null;
    }
}
"""),
         ('force-app/main/default/classes/QuoteTotalsController.cls', r"""
public with sharing class QuoteTotalsController {
    @AuraEnabled(cacheable=true)
    public static Map<String, Object> getTotals(Id quoteId) {
        SBQQ__Quote__c q = [SELECT SBQQ__NetAmount__c, SBQQ__ListAmount__c, Discount_Percent__c
                            FROM SBQQ__Quote__c WHERE Id = :quoteId];
        return new Map<String, Object>{
            'netAmount' => q.SBQQ__NetAmount__c,
            'listAmount' => q.SBQQ__ListAmount__c,
            'discount' => q.Discount_Percent__c
        };
    }
}
""")],
  fw='jest', lang='javascript')

# why: a configuration review of one application's property and listener files against a checklist; no authentication or crypto logic to reason through
t('medium', 'security-scan',
  'Before the customer-portal API is promoted to production, please review its Mule configuration and '
  'properties for security misconfigurations (secrets handling, TLS, exposure of internal endpoints) and '
  'provide a findings table for the change advisory board.',
  files=[('mule/customer-portal-api/src/main/mule/global.xml', r"""
<http:listener-config name="portal-https-listener">
    <http:listener-connection host="0.0.0.0" port="${https.port}" protocol="HTTPS">
        <tls:context enabledProtocols="TLSv1.1,TLSv1.2">
            <tls:key-store type="jks" path="keystore/portal.jks" keyPassword="${tls.keyPassword}" password="${tls.storePassword}"/>
        </tls:context>
    </http:listener-connection>
</http:listener-config>

<http:listener-config name="portal-admin-listener">
    <http:listener-connection host="0.0.0.0" port="8082"/>
</http:listener-config>

<http:request-config name="sap-odata-request">
    <http:request-connection host="${sap.host}" port="443" protocol="HTTPS">
        <tls:context>
            <tls:trust-store insecure="true"/>
        </tls:context>
        <http:authentication>
            <http:basic-authentication username="${sap.user}" password="${sap.password}"/>
        </http:authentication>
    </http:request-connection>
</http:request-config>

<salesforce:sfdc-config name="Salesforce_Config">
    <salesforce:basic-connection username="${sfdc.user}" password="${sfdc.password}"
        securityToken="${sfdc.token}" url="${sfdc.url}"/>
</salesforce:sfdc-config>

<configuration-properties file="config-${env}.yaml"/>
<secure-properties:config name="secure-props" file="secure-${env}.yaml" key="${secure.key}">
    <secure-properties:encrypt algorithm="Blowfish" mode="ECB"/>
</secure-properties:config>
"""),
         ('mule/customer-portal-api/src/main/resources/config-prod.yaml', """
https:
  port: "8443"
tls:
  keyPassword: "changeit"
  storePassword: "changeit"
sap:
  host: "sapgw-prd.client.internal"
  user: "RFC_PORTAL"
  password: "fake-Portal2024!"
sfdc:
  user: "integration.portal@client.example"
  password: "![fakeEncryptedValue0000==]"
  token: "FAKE0token0not0real"
  url: "https://login.salesforce.com/services/Soap/u/59.0"
logging:
  level: DEBUG
  logPayloads: true
"""),
         ('mule/customer-portal-api/src/main/mule/admin.xml', r"""
<flow name="admin-reload-cache">
    <http:listener config-ref="portal-admin-listener" path="/admin/cache/reload" allowedMethods="POST,GET"/>
    <flow-ref name="reload-product-cache"/>
    <set-payload value='#[{ status: "reloaded", sapHost: p("sap.host"), env: p("env") }]'/>
</flow>
""")],
  reqs=['severity per finding and the concrete configuration change',
        'note which findings need a secrets rotation'],
  lang=None)

t('complex', 'quality-gate',
  'Cut-over for the order-to-cash integration is scheduled for the weekend of 15 June. Please consolidate '
  'the attached evidence from all three platforms into a go/no-go assessment for the steering committee. '
  'Note that the workstreams report their own status as green; I need an independent view, including '
  'where the artefacts contradict each other.',
  files=[('cutover/go-live-criteria.md', """
| # | Criterion | Threshold |
|---|-----------|-----------|
| 1 | Salesforce deployment validation | succeeded, RunLocalTests, org coverage >= 80% |
| 2 | MuleSoft MUnit | 100% pass, flow coverage >= 85% per app |
| 3 | SAP transports | imported to PRD-shadow with RC <= 4 |
| 4 | End-to-end SIT | all P1 scenarios passed; P2 >= 95% |
| 5 | Performance | quarter-end peak hour: p95 order latency SF->SAP <= 60 s; zero lost orders |
| 6 | Security | no open High/Critical findings |
| 7 | Data migration rehearsal | reconciliation difference 0 for open orders; <= 0.1% for history |
"""),
         ('cutover/sf-validation.txt', """
Deploy 0Af5I00000Xq9aBSAR validation Succeeded 2024-06-10 21:44
Test level: RunSpecifiedTests (147 classes)   Tests: 1,311 run, 0 failures
Code coverage of deployed classes: 86%
"""),
         ('cutover/munit-summary.json', """
{"apps": [
  {"name": "sap-order-sync", "tests": 58, "failed": 0, "flowCoverage": 91.2},
  {"name": "order-confirmation", "tests": 41, "failed": 0, "flowCoverage": 88.0},
  {"name": "invoice-inbound", "tests": 27, "failed": 0, "ignored": 6, "flowCoverage": 79.5},
  {"name": "customer-portal-api", "tests": 63, "failed": 1, "flowCoverage": 86.4,
   "failures": [{"test": "admin-reload-requires-auth", "message": "expected 401 but was 200"}]}
]}
"""),
         ('cutover/sap-transport-log.txt', """
Transport  Description                                   Target        RC  Imported
DEVK912044 ORDERS05 partner profile SFDC_MULE            PRD-SHADOW    0   2024-06-07
DEVK912051 User exit ZXVEDU03 - Salesforce opp reference PRD-SHADOW    4   2024-06-07
DEVK912063 Output type ZBA0 invoice IDoc to Mule         PRD-SHADOW    8   2024-06-08
DEVK912063 Output type ZBA0 invoice IDoc to Mule (re-import) PRD-SHADOW 4  2024-06-09
"""),
         ('cutover/sit-results.csv', """
scenario,priority,status,notes
O2C-01 standard order single line,P1,Passed,
O2C-02 bundle order 14 lines,P1,Passed,
O2C-03 order amendment after confirmation,P1,Passed with observation,confirmation arrived twice; second ignored manually
O2C-04 credit block in SAP,P1,Passed,
O2C-05 invoice back to Salesforce,P1,Passed,tested with invoice-inbound build 1.4.0 (cut-over build is 1.4.2)
O2C-06 cancellation,P2,Passed,
O2C-07 partial delivery,P2,Failed,DEF-1304 open
O2C-08 multi-currency CHF,P2,Passed,
O2C-09 price change after quote,P2,Passed,
O2C-10 reseller drop-ship,P2,Blocked,partner data missing in SIT
"""),
         ('cutover/perf-summary.md', """
Quarter-end peak rehearsal (2024-06-05, 1 hour, 380 closed-won opportunities)
- p95 Salesforce -> SAP order latency: 48 s
- Orders created in SAP: 377 of 380 (3 under investigation; believed to be test-data issue)
- Mule sap-order-sync CPU peak 92% on 2 workers; no restarts
"""),
         ('cutover/security-and-migration.md', """
Security: pen-test report v1.2 - 0 Critical, 1 High (PT-07: signature validation on delivery-notify-api accepts
replayed requests within 24 h) - status "Accepted risk, fix in hypercare" signed by programme manager.
Data migration rehearsal 3: open orders 12,418 source / 12,418 target, value difference EUR 1,204.50;
history 1,882,004 / 1,880,771 records.
""")],
  reqs=['one row per criterion with evidence, RAG status and the contradiction or gap if any',
        'an overall recommendation with explicit conditions',
        'identify which risk acceptances are outside the programme manager\'s authority'],
  lang=None)

def _failed_test(i):
    classes = ['AccountMergeServiceTest', 'CaseAssignmentTest', 'QuoteLineItemServiceTest', 'ContractRenewalBatchTest',
               'TerritoryRealignmentTest', 'InvoiceSyncTest', 'LeadConversionHandlerTest', 'EntitlementProcessTest']
    methods = ['bulkInsert200', 'assignsToQueue', 'rejectsInvalidInput', 'handlesNullOwner', 'respectsSharing',
               'updatesRollup', 'sendsNotification']
    return f'{classes[i % 8]}.{methods[(i * 3) % 7]}{"" if i < 8 else i // 8 + 1}'

# why: a long list, but the ask is only to rerun named methods and tabulate the outcome
t('simple', 'test-execution',
  'Yesterday\'s full run in the staging sandbox was hit by a maintenance window, which produced the 40 '
  'failures listed below. Please rerun only these test methods and report for each one whether it now '
  'passes, so we can confirm to the client that the failures were environmental.',
  files=[('reports/failed-methods-2024-06-03.txt', lines(40, _failed_test))],
  reqs=['report as a table: test method, previous result, rerun result'],
  fw='apex', lang=None)

t('medium', 'flaky-test-analysis',
  'One Jest test for the case deflection search component fails on the CI runner about once in every six '
  'pipeline runs ("expected 3 suggestions, received 0"). It never fails locally. Please determine the cause '
  'and provide a corrected test.',
  files=[('force-app/main/default/lwc/caseDeflectionSearch/caseDeflectionSearch.js', r"""
import { LightningElement, api } from 'lwc';
import searchArticles from '@salesforce/apex/KnowledgeSuggestController.searchArticles';

const DEBOUNCE_MS = 300;

export default class CaseDeflectionSearch extends LightningElement {
    @api productLine;
    suggestions = [];
    timer;

    handleSubjectChange(event) {
        const term = event.target.value;
        clearTimeout(this.timer);
        if (!term || term.length < 3) {
            this.suggestions = [];
            return;
        }
        this.timer = setTimeout(async () => {
            try {
                const rows = await searchArticles({ term, productLine: this.productLine });
                this.suggestions = rows.slice(0, 5);
            } catch (e) {
                this.suggestions = [];
            }
        }, DEBOUNCE_MS);
    }

    get hasSuggestions() {
        return this.suggestions.length > 0;
    }
}
"""),
         ('force-app/main/default/lwc/caseDeflectionSearch/__tests__/caseDeflectionSearch.test.js', r"""
import { createElement } from 'lwc';
import CaseDeflectionSearch from 'c/caseDeflectionSearch';
import searchArticles from '@salesforce/apex/KnowledgeSuggestController.searchArticles';

jest.mock('@salesforce/apex/KnowledgeSuggestController.searchArticles',
    () => ({ default: jest.fn() }), { virtual: true });

const ARTICLES = [
    { Id: 'ka01', Title: 'Reset your portal password' },
    { Id: 'ka02', Title: 'Invoice copy request' },
    { Id: 'ka03', Title: 'Change delivery address' }
];

describe('c-case-deflection-search', () => {
    afterEach(() => {
        while (document.body.firstChild) { document.body.removeChild(document.body.firstChild); }
    });

    it('shows suggestions after typing a subject', async () => {
        searchArticles.mockResolvedValue(ARTICLES);
        const el = createElement('c-case-deflection-search', { is: CaseDeflectionSearch });
        el.productLine = 'Portal';
        document.body.appendChild(el);

        const input = el.shadowRoot.querySelector('lightning-input');
        input.value = 'invoice';
        input.dispatchEvent(new CustomEvent('change'));

        await new Promise((resolve) => setTimeout(resolve, 350));
        const items = el.shadowRoot.querySelectorAll('li.suggestion');
        expect(items.length).toBe(3);
    });

    it('clears suggestions for short terms', async () => {
        const el = createElement('c-case-deflection-search', { is: CaseDeflectionSearch });
        document.body.appendChild(el);
        const input = el.shadowRoot.querySelector('lightning-input');
        input.value = 'in';
        input.dispatchEvent(new CustomEvent('change'));
        await Promise.resolve();
        expect(el.shadowRoot.querySelectorAll('li.suggestion').length).toBe(0);
    });
});
""")],
  fw='jest', lang='javascript')

# why: told in plain words with no keywords, but it is a duplicate-delivery / retry-idempotency problem spanning Mule and SAP
t('complex', 'defect-analysis',
  'Finance says a handful of customers get invoiced twice in SAP, about once a week, and always on a day '
  'when the SAP side was slow in the morning. Nothing shows up in our error queues and the Mule dashboards '
  'are green. Could you find out how this happens?',
  files=[('mule/invoice-outbound/src/main/mule/billing-request.xml', r"""
<flow name="billing-request-from-salesforce">
    <anypoint-mq:subscriber config-ref="MQ_Config" destination="billing-requests"
        acknowledgementMode="AUTO" acknowledgementTimeout="60" acknowledgementTimeoutUnit="SECONDS"/>
    <set-variable variableName="orderNumber" value="#[payload.sapOrderNumber]"/>
    <until-successful maxRetries="5" millisBetweenRetries="15000">
        <http:request config-ref="SAP_OData" method="POST"
            path="/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/CreateFromSDDocument" responseTimeout="30000">
            <http:query-params>#[{ SDDocument: "'" ++ vars.orderNumber ++ "'" }]</http:query-params>
        </http:request>
    </until-successful>
    <salesforce:update config-ref="Salesforce_Config" type="Order">
        <salesforce:records>#[[{ Id: payload.orderId, Billing_Status__c: "Invoiced" }]]</salesforce:records>
    </salesforce:update>
</flow>
""")],
  lang=None)

t('simple', 'coverage-analysis',
  'Quick one for the deployment checklist: which of these triggers currently have 0% coverage?',
  files=[('reports/trigger-coverage.txt', """
AccountTrigger            94%
AssetTrigger               0%
CaseTrigger               88%
ContactTrigger            71%
ContractTrigger            0%
EntitlementTrigger        66%
InvoiceLineTrigger         0%
LeadTrigger              100%
OpportunityTrigger        91%
OrderItemTrigger          83%
QuoteTrigger              97%
TerritoryAssignmentTrigger 0%
""")],
  fw='apex', lang=None)

def _debug_line(i):
    base = f'21:04:{(i // 4) % 60:02d}.{(i * 37) % 1000:03d} ({1200000 + i * 913})'
    k = i % 8
    if k == 0:
        return f'{base}|SOQL_EXECUTE_BEGIN|[41]|Aggregations:0|SELECT Id, UnitPrice, Product2Id FROM PricebookEntry WHERE Pricebook2Id = :tmpVar1 AND Product2Id = :tmpVar2'
    if k == 1:
        return f'{base}|SOQL_EXECUTE_END|[41]|Rows:1'
    if k in (2, 3, 4):
        return f'{base}|METHOD_ENTRY|[58]|ContractUpliftBatch.upliftFor(Contract, OrderItem)'
    if k == 5:
        return f'{base}|STATEMENT_EXECUTE|[63]'
    if k == 6:
        return f'{base}|HEAP_ALLOCATE|[72]|Bytes:{2048 + (i * 11) % 900}'
    return f'{base}|LIMIT_USAGE_FOR_NS|(default)|Number of SOQL queries: {min(100, 10 + i // 8)} out of 200|Maximum CPU time: {min(60000, 1800 + i * 140)} out of 60000'

t('medium', 'performance-testing',
  'The annual price uplift batch for service contracts hits the CPU time limit on larger accounts '
  '("Apex CPU time limit exceeded" in chunk 14 of 61). Please analyse the batch class and the debug log '
  'excerpt, identify the hotspots, and quantify what we should expect after the fix.',
  files=[('force-app/main/default/classes/ContractUpliftBatch.cls', r"""
public with sharing class ContractUpliftBatch implements Database.Batchable<SObject>, Database.Stateful {
    private final Decimal upliftPct;
    private final Id pricebookId;
    public Integer failed = 0;

    public ContractUpliftBatch(Decimal upliftPct, Id pricebookId) {
        this.upliftPct = upliftPct;
        this.pricebookId = pricebookId;
    }

    public Database.QueryLocator start(Database.BatchableContext bc) {
        return Database.getQueryLocator([SELECT Id, AccountId, EndDate, Uplift_Cap__c FROM Contract
                                         WHERE Status = 'Activated' AND Uplift_Eligible__c = true]);
    }

    public void execute(Database.BatchableContext bc, List<Contract> scope) {
        List<OrderItem> toUpdate = new List<OrderItem>();
        for (Contract c : scope) {
            List<OrderItem> items = [SELECT Id, UnitPrice, Product2Id, Quantity FROM OrderItem
                                     WHERE Order.ContractId = :c.Id AND Order.Status = 'Activated'];
            for (OrderItem oi : items) {
                OrderItem updated = upliftFor(c, oi);
                if (updated != null) {
                    toUpdate.add(updated);
                }
            }
        }
        List<Database.SaveResult> res = Database.update(toUpdate, false);
        for (Database.SaveResult r : res) {
            if (!r.isSuccess()) { failed++; }
        }
    }

    private OrderItem upliftFor(Contract c, OrderItem oi) {
        PricebookEntry pbe = [SELECT Id, UnitPrice, Product2Id FROM PricebookEntry
                              WHERE Pricebook2Id = :pricebookId AND Product2Id = :oi.Product2Id];
        Decimal newPrice = oi.UnitPrice * (1 + upliftPct / 100);
        Decimal cap = c.Uplift_Cap__c == null ? null : pbe.UnitPrice * (1 + c.Uplift_Cap__c / 100);
        if (cap != null && newPrice > cap) {
            newPrice = cap;
        }
        String audit = JSON.serialize(new Map<String, Object>{
            'contract' => c.Id, 'item' => oi.Id, 'old' => oi.UnitPrice, 'new' => newPrice });
        System.debug(LoggingLevel.FINE, audit);
        if (newPrice.setScale(2) == oi.UnitPrice.setScale(2)) {
            return null;
        }
        return new OrderItem(Id = oi.Id, UnitPrice = newPrice.setScale(2, RoundingMode.HALF_UP));
    }

    public void finish(Database.BatchableContext bc) {
        IntegrationLogWriter.info('ContractUpliftBatch', 'Finished with ' + failed + ' failed items', null);
    }
}
"""),
         ('logs/uplift-batch-chunk14.log', lines(120, _debug_line))],
  reqs=['state the current per-chunk SOQL and CPU profile and the expected profile after the change',
        'recommend a batch scope size with justification'],
  fw='apex', lang=None)

# why: plain-language question, but it is an authorisation review of a guest-accessible Apex REST endpoint running without sharing
t('complex', 'security-scan',
  'The client\'s public help site has a "check my case" page where customers type their case number and '
  'email. Could someone who is not logged in use it to read other customers\' cases? Please check.',
  files=[('force-app/main/default/classes/CaseStatusRestResource.cls', r"""
@RestResource(urlMapping='/public/case-status/*')
global without sharing class CaseStatusRestResource {

    global class CaseStatusDto {
        public String caseNumber;
        public String status;
        public String subject;
        public String lastPublicComment;
        public String contactName;
        public String accountName;
    }

    @HttpGet
    global static CaseStatusDto getStatus() {
        RestRequest req = RestContext.request;
        String caseNumber = req.requestURI.substringAfterLast('/');
        String email = req.params.get('email');

        List<Case> cases = [SELECT CaseNumber, Status, Subject, SuppliedEmail, Contact.Email, Contact.Name,
                                   Account.Name,
                                   (SELECT CommentBody FROM CaseComments WHERE IsPublished = true
                                    ORDER BY CreatedDate DESC LIMIT 1)
                            FROM Case WHERE CaseNumber = :caseNumber LIMIT 1];
        if (cases.isEmpty()) {
            RestContext.response.statusCode = 404;
            return null;
        }
        Case c = cases[0];
        if (email != null && email.toLowerCase() != c.Contact.Email.toLowerCase()
                && email.toLowerCase() != c.SuppliedEmail) {
            RestContext.response.statusCode = 403;
            return null;
        }
        CaseStatusDto dto = new CaseStatusDto();
        dto.caseNumber = c.CaseNumber;
        dto.status = c.Status;
        dto.subject = c.Subject;
        dto.lastPublicComment = c.CaseComments.isEmpty() ? null : c.CaseComments[0].CommentBody;
        dto.contactName = c.Contact.Name;
        dto.accountName = c.Account.Name;
        return dto;
    }
}
"""),
         ('force-app/main/default/profiles/Help Site Profile.profile-meta.xml', """
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>CaseStatusRestResource</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <userLicense>Guest User License</userLicense>
</Profile>
""")],
  lang=None)

t('complex', 'test-generation',
  'Our shared pricing library (used by the quote configurator LWC and the Node pricing service) prorates '
  'subscription lines for co-termed renewals. Finance has found cent differences between the quote and the '
  'SAP invoice. Please design property-based tests with fast-check that pin down the invariants, so we can '
  'prove the fix to the client\'s controller.',
  files=[('packages/pricing/src/proration.ts', r"""
export interface SubscriptionLine {
  id: string;
  annualPrice: number;      // in quote currency, 2 decimals
  quantity: number;
  startDate: string;        // ISO date
  endDate: string;          // ISO date, inclusive
}

export interface ProratedLine extends SubscriptionLine {
  proratedAmount: number;
  days: number;
}

const MS_PER_DAY = 86_400_000;

export function daysInclusive(start: string, end: string): number {
  const s = Date.parse(start + 'T00:00:00Z');
  const e = Date.parse(end + 'T00:00:00Z');
  if (e < s) throw new RangeError(`end ${end} before start ${start}`);
  return Math.round((e - s) / MS_PER_DAY) + 1;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function prorate(lines: SubscriptionLine[], coTermEnd: string, quoteTotalCap?: number): ProratedLine[] {
  const result = lines.map((l) => {
    const end = l.endDate > coTermEnd ? coTermEnd : l.endDate;
    const days = daysInclusive(l.startDate, end);
    const yearDays = isLeapYearSpan(l.startDate) ? 366 : 365;
    const amount = round2((l.annualPrice * l.quantity * days) / yearDays);
    return { ...l, endDate: end, days, proratedAmount: amount };
  });
  if (quoteTotalCap !== undefined) {
    const total = result.reduce((s, l) => s + l.proratedAmount, 0);
    if (total > quoteTotalCap) {
      const factor = quoteTotalCap / total;
      let allocated = 0;
      result.forEach((l, i) => {
        if (i === result.length - 1) {
          l.proratedAmount = round2(quoteTotalCap - allocated);
        } else {
          l.proratedAmount = round2(l.proratedAmount * factor);
          allocated += l.proratedAmount;
        }
      });
    }
  }
  return result;
}

function isLeapYearSpan(start: string): boolean {
  const y = Number(start.slice(0, 4));
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
""")],
  reqs=['state each invariant in business terms before encoding it',
        'cover the cap allocation (sum equals cap exactly, no negative lines, order independence)',
        'include leap-year and year-boundary spans and lines starting after the co-term date',
        'shrink failures to minimal counterexamples and report any invariant the current code violates'],
  fw='vitest', lang='typescript')

# why: the numbers fail a threshold, but the gate decision needs judgement on whether the drop is genuine regression or denominator change across several files
t('medium', 'quality-gate',
  'The Service Cloud workstream requests a waiver for Release 24.4: org-wide Apex coverage fell from 84% to '
  '79% against the rule "no drop of more than 2 points between releases". Their argument is that the drop '
  'comes from the newly installed field-service extension, not from their own code. Please assess whether '
  'the waiver is justified and what conditions should be attached, for the quality board.',
  files=[('release/coverage-24.3-vs-24.4.csv', """
class,release,covered,total,pct,owner
CaseAssignmentService,24.3,210,236,89,service
CaseAssignmentService,24.4,214,251,85,service
EntitlementProcessService,24.3,118,130,91,service
EntitlementProcessService,24.4,118,130,91,service
KnowledgeSuggestController,24.3,0,0,,service
KnowledgeSuggestController,24.4,22,61,36,service
FieldServiceDispatchAdapter,24.4,40,180,22,service
WorkOrderSyncService,24.4,95,310,31,service
FSL_ExtensionHooks,24.4,12,40,30,vendor-template
ORG_TOTAL,24.3,18820,22404,84,
ORG_TOTAL,24.4,19309,24442,79,
"""),
         ('release/waiver-request-24.4.md', """
Requested by: Service Cloud workstream lead
Reason: drop caused by Field Service extension installed from vendor template; our code unchanged.
Mitigation offered: coverage backlog item for 24.5.
""")],
  reqs=['attribute the drop per class to new code, changed code and vendor template',
        'recommend approve / approve with conditions / reject'],
  fw='apex', lang=None)

def _sca_row(i):
    rules = [('ApexCRUDViolation', 3), ('ApexSharingViolations', 3), ('ApexSOQLInjection', 2),
             ('ApexOpenRedirect', 3), ('ApexXSSFromURLParam', 2), ('ApexSuggestUsingNamedCred', 3),
             ('ApexInsecureEndpoint', 3), ('AvoidHardcodedCredentialsInVarDecls', 2)]
    files = ['OpportunitySearchController', 'PartnerCaseController', 'CaseStatusRestResource', 'QuotePdfController',
             'ErpTokenProvider', 'SapCalloutService', 'LeadWebToLeadController', 'InvoicePortalController']
    rule, sev = rules[(i * 5) % 8]
    return f'{sev},{rule},force-app/main/default/classes/{files[i % 8]}.cls,{12 + (i * 17) % 140},pmd'

t('simple', 'security-scan',
  'Attached is the Salesforce Code Analyzer output (security category only) for this sprint. For the '
  'security workstream report, please summarise it: number of violations per rule and per class, '
  'highlighting severity 2 items.',
  files=[('reports/code-analyzer-security.csv', 'Severity,Rule,File,Line,Engine\n' + lines(32, _sca_row))],
  reqs=['two small tables (by rule, by class)', 'no remediation advice needed'],
  lang=None)

t('complex', 'test-execution',
  'Please execute the quote-to-cash regression pack end to end across Salesforce SIT, the Mule SIT '
  'applications and SAP QA, following the runbook, and produce an evidence report that ties each '
  'Salesforce opportunity to its SAP sales order, delivery and invoice. Runs by other teams share the SAP '
  'QA client, so the results must be attributable to our data only.',
  files=[('regression/q2c-runbook.yaml', """
pack: q2c-regression-v7
environments:
  salesforce: sit (sandbox), run as integration test users qa.sales.01 - qa.sales.06
  mule: sap-order-sync, order-confirmation, invoice-inbound (SIT, 2 replicas each)
  sap: QA client 300 (shared with finance regression, Tue/Thu 09:00-12:00)
preconditions:
  - seed 30 accounts with SAP sold-to numbers from testdata/q2c-accounts.csv (idempotent upsert on SAP_Number__c)
  - confirm ORDERS05 partner profile SFDC_MULE active in QA
  - pause scheduled job SapInvoicePoller in Salesforce (it competes with invoice-inbound)
steps:
  - id: S1
    do: create 30 opportunities with synced quotes (mix: 20 standard, 6 bundle, 4 multi-currency)
  - id: S2
    do: close-win all 30 within 2 minutes (parallel across the 6 users)
  - id: S3
    do: wait for SAP order numbers on all 30 (timeout 20 min); record IDoc numbers from WE02
  - id: S4
    do: trigger delivery (VL01N batch) and billing run (VF04) in SAP for our orders only
  - id: S5
    do: wait for Billing_Status__c = Invoiced and invoice PDFs attached in Salesforce (timeout 30 min)
  - id: S6
    do: amend 5 orders (quantity change) and verify ORDCHG round trip
teardown:
  - cancel open SAP orders created by the run; mark Salesforce test opportunities with Test_Run_Id__c
  - resume SapInvoicePoller
evidence:
  - per opportunity: Opportunity Id, Quote Id, IDoc number, SAP order, delivery, invoice, timings per hop
  - anomalies: duplicates, missing hops, orders not created by this run
"""),
         ('testdata/q2c-accounts.csv', lines(31, lambda i: 'Name,SAP_Number__c,CurrencyIsoCode,Country' if i == 0
                                             else f'Q2C Test Customer {i:02d},{108000 + i * 13:010d},'
                                                  f'{["EUR", "EUR", "CHF", "GBP", "EUR"][i % 5]},'
                                                  f'{["DE", "AT", "CH", "GB", "NL"][i % 5]}'))],
  reqs=['tag every record with a unique run id and use it to filter SAP and Mule evidence',
        'report hop-by-hop latency and any step that had to be retried',
        'stop and report if teardown cannot cancel an SAP order'],
  lang=None)

def _idoc_status(i):
    msgs = [('53', 'Application document posted'), ('51', 'Customer 0000108{:03d} not found in sales area'),
            ('53', 'Application document posted'), ('51', 'Material MAT-4{:04d} is not defined for sales org 1000'),
            ('64', 'IDoc ready to be transferred to application'), ('51', 'Customer 0000108{:03d} not found in sales area'),
            ('53', 'Application document posted'), ('56', 'EDI: Partner profile not available')]
    st, m = msgs[(i * 3) % 8]
    return f'{4420000 + i:016d}  ORDERS05  SFDC_MULE  {st}  0{1 + i % 9}.06.2024  {m.format((i * 7) % 1000)}'

# why: a long IDoc list, but the work is grouping and counting status codes and messages
t('simple', 'defect-analysis',
  'SAP basis sent the attached WE02 extract of inbound order IDocs for the first week of June. For the '
  'hypercare status report, please group the failed IDocs (anything other than status 53) by status and '
  'error message, with counts, and name the most frequent cause.',
  files=[('reports/we02-orders05-week23.txt',
          'IDoc number       Type      Partner    St  Created     Message\n' + lines(64, _idoc_status))],
  lang=None)

# why: one sentence, but reproducing it needs a whole-system load model of bursty IDoc arrival, Mule worker concurrency and SAP/Salesforce back-pressure
t('complex', 'performance-testing',
  'Every night around 02:00 the SAP billing run pushes a burst of invoice IDocs and the Mule invoice-inbound '
  'workers run out of memory and restart. We need a plan to reproduce this in pre-production and prove the '
  'fix before the committee lets us close the problem ticket.',
  lang=None)

t('complex', 'flaky-test-analysis',
  'The MUnit test "incremental account sync picks up all changed accounts" in the sfdc-to-sap-customer app '
  'fails sporadically in CI: sometimes one or two changed accounts are never sent to SAP. The same '
  'behaviour has been seen in production as customers occasionally missing in SAP. Please establish why '
  'and recommend changes to both the flow and the test.',
  files=[('mule/sfdc-to-sap-customer/src/main/mule/account-sync.xml', r"""
<flow name="account-incremental-sync">
    <scheduler>
        <scheduling-strategy><fixed-frequency frequency="60" timeUnit="SECONDS"/></scheduling-strategy>
    </scheduler>
    <os:retrieve key="lastModifiedWatermark" objectStore="watermarkStore" target="watermark">
        <os:default-value>#["2024-01-01T00:00:00.000Z"]</os:default-value>
    </os:retrieve>
    <salesforce:query config-ref="Salesforce_Config">
        <salesforce:salesforce-query>
            SELECT Id, Name, SAP_Number__c, BillingCountry, LastModifiedDate FROM Account
            WHERE LastModifiedDate > :watermark ORDER BY LastModifiedDate ASC
        </salesforce:salesforce-query>
        <salesforce:parameters>#[{ watermark: vars.watermark }]</salesforce:parameters>
    </salesforce:query>
    <set-variable variableName="newWatermark" value="#[now() as String {format: &quot;yyyy-MM-dd'T'HH:mm:ss.SSS'Z'&quot;}]"/>
    <batch:job jobName="account-sync-batch" maxFailedRecords="-1" blockSize="50" maxConcurrency="8">
        <batch:process-records>
            <batch:step name="to-debmas">
                <flow-ref name="account-to-debmas-idoc"/>
                <sap:send config-ref="SAP_Config" key="DEBMAS07"/>
            </batch:step>
        </batch:process-records>
        <batch:on-complete>
            <logger level="INFO" message="#['account sync done: ' ++ payload.successfulRecords ++ ' ok, ' ++ payload.failedRecords ++ ' failed']"/>
        </batch:on-complete>
    </batch:job>
    <os:store key="lastModifiedWatermark" objectStore="watermarkStore">
        <os:value>#[vars.newWatermark]</os:value>
    </os:store>
</flow>
"""),
         ('mule/sfdc-to-sap-customer/src/test/munit/account-sync-test.xml', r"""
<munit:test name="incremental account sync picks up all changed accounts">
    <munit:behavior>
        <munit-tools:mock-when processor="salesforce:query">
            <munit-tools:then-return>
                <munit-tools:payload value="#[readUrl('classpath://accounts/changed-5.json')]"/>
            </munit-tools:then-return>
        </munit-tools:mock-when>
        <munit-tools:spy processor="sap:send">
            <munit-tools:after-call>
                <munit-tools:store key="#['sent-' ++ payload.KUNNR]" value="#[true]"/>
            </munit-tools:after-call>
        </munit-tools:spy>
    </munit:behavior>
    <munit:execution>
        <flow-ref name="account-incremental-sync"/>
        <munit-tools:sleep time="2000"/>
    </munit:execution>
    <munit:validation>
        <munit-tools:verify-call processor="sap:send" times="5"/>
        <munit-tools:assert-that expression="#[MunitTools::retrieve('sent-0000108013')]" is="#[MunitTools::equalTo(true)]"/>
    </munit:validation>
</munit:test>
"""),
         ('logs/ci-munit-run-1877.log', """
[2024-06-04 03:11:02.004] account-incremental-sync watermark=2024-06-04T03:09:58.120Z
[2024-06-04 03:11:02.390] batch account-sync-batch instance 8f1c created, 5 records loaded
[2024-06-04 03:11:03.901] step to-debmas processed 3 records
[2024-06-04 03:11:04.006] munit verify-call sap:send expected 5 times but was 3
[2024-06-04 03:11:04.010] FAILED incremental account sync picks up all changed accounts
[2024-06-04 03:11:04.622] step to-debmas processed 2 records
[2024-06-04 03:11:04.640] account sync done: 5 ok, 0 failed
""")],
  reqs=['address both the test timing and the production data-loss risk',
        'explain the failure modes of the watermark under concurrent edits and long batches'],
  fw='munit', lang=None)

t('simple', 'quality-gate',
  'Please confirm whether the UAT sign-off criterion "all P1 scenarios passed, no more than 2 P2 failures" '
  'is met by the summary below.',
  files=[('uat/summary-wave2.txt', """
UAT Wave 2 - Quote & Approval
P1 scenarios: 24 total, 24 passed
P2 scenarios: 38 total, 35 passed, 3 failed (UAT-212, UAT-219, UAT-230)
P3 scenarios: 15 total, 12 passed, 3 deferred
""")],
  lang=None)

t('simple', 'test-generation',
  'Please write an Apex test class for the discount band helper below; it drives which approval matrix row '
  'applies on a quote.',
  files=[('force-app/main/default/classes/DiscountBandHelper.cls', r"""
public with sharing class DiscountBandHelper {
    public static String bandFor(Decimal discountPercent) {
        if (discountPercent == null || discountPercent <= 0) {
            return 'NONE';
        }
        if (discountPercent <= 10) {
            return 'STANDARD';
        }
        if (discountPercent <= 20) {
            return 'MANAGER';
        }
        if (discountPercent <= 35) {
            return 'DIRECTOR';
        }
        return 'VP';
    }
}
""")],
  reqs=['include the exact boundary values 10, 20 and 35'],
  fw='apex', lang=None)

t('medium', 'coverage-analysis',
  'Attached are the Jest coverage summary for the quote configurator LWCs and the source of the component '
  'with the weakest branch coverage. Please identify which untested branches matter for the deal desk '
  '(pricing display, validation, error handling) and propose the specific tests to add.',
  files=[('coverage/coverage-summary.txt', """
File                          | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
------------------------------|---------|----------|---------|---------|-------------------
 quoteConfigurator.js         |   88.4  |   71.2   |   90.0  |   88.1  | 142-150,188
 productPicker.js             |   93.1  |   85.0   |  100.0  |   93.0  | 77-79
 bundleOptionsPanel.js        |   64.7  |   41.6   |   70.0  |   65.2  | 31-38,52-60,74-81,96-99
 priceBreakdown.js            |   97.6  |   92.3   |  100.0  |   97.5  | 40
"""),
         ('force-app/main/default/lwc/bundleOptionsPanel/bundleOptionsPanel.js', r"""
import { LightningElement, api } from 'lwc';
import getBundleOptions from '@salesforce/apex/BundleController.getBundleOptions';

export default class BundleOptionsPanel extends LightningElement {
    @api bundleProductId;
    @api currencyCode = 'EUR';
    @api maxOptionalItems = 5;
    options = [];
    selectedIds = new Set();
    error;
    loading = false;

    async connectedCallback() {
        this.loading = true;
        try {
            const data = await getBundleOptions({ productId: this.bundleProductId });
            this.options = data.map((o) => ({ ...o, selected: o.required }));
            this.options.filter((o) => o.required).forEach((o) => this.selectedIds.add(o.id));
        } catch (e) {
            this.error = (e.body && e.body.message) || 'Unable to load bundle options';
        } finally {
            this.loading = false;
        }
    }

    handleToggle(event) {
        const id = event.target.dataset.id;
        const option = this.options.find((o) => o.id === id);
        if (!option) {
            return;
        }
        if (option.required) {
            event.target.checked = true;
            this.error = `${option.name} is mandatory for this bundle`;
            return;
        }
        if (event.target.checked) {
            const optionalCount = this.options.filter((o) => o.selected && !o.required).length;
            if (optionalCount >= this.maxOptionalItems) {
                event.target.checked = false;
                this.error = `You can add at most ${this.maxOptionalItems} optional items`;
                return;
            }
            if (option.excludes && option.excludes.some((x) => this.selectedIds.has(x))) {
                event.target.checked = false;
                this.error = `${option.name} cannot be combined with a selected option`;
                return;
            }
            this.selectedIds.add(id);
        } else {
            this.selectedIds.delete(id);
        }
        option.selected = event.target.checked;
        this.options = [...this.options];
        this.error = undefined;
        this.dispatchEvent(new CustomEvent('selectionchange', {
            detail: { selectedIds: [...this.selectedIds], total: this.total }
        }));
    }

    get total() {
        return this.options.filter((o) => o.selected)
            .reduce((sum, o) => sum + (o.unitPrice || 0) * (o.quantity || 1), 0);
    }

    get formattedTotal() {
        return new Intl.NumberFormat('de-DE', { style: 'currency', currency: this.currencyCode }).format(this.total);
    }
}
""")],
  reqs=['map each uncovered line range to a behaviour', 'rank proposals by business risk'],
  fw='jest', lang='javascript')

t('medium', 'performance-testing',
  'Service agents complain that the open-cases datatable on the account console takes 8-10 seconds to '
  'become usable for key accounts with about 2,000 open cases. Please propose how we measure this '
  'reproducibly (what to instrument, which data volumes, acceptance thresholds) and identify the likely '
  'bottlenecks in the component for the performance workstream report.',
  files=[('force-app/main/default/lwc/accountOpenCases/accountOpenCases.js', r"""
import { LightningElement, api, wire } from 'lwc';
import getOpenCases from '@salesforce/apex/AccountCasesController.getOpenCases';

const COLUMNS = [
    { label: 'Case', fieldName: 'caseUrl', type: 'url', typeAttributes: { label: { fieldName: 'CaseNumber' } }, sortable: true },
    { label: 'Subject', fieldName: 'Subject', sortable: true },
    { label: 'Priority', fieldName: 'Priority', sortable: true },
    { label: 'SLA Due', fieldName: 'slaDue', type: 'date', sortable: true },
    { label: 'Owner', fieldName: 'ownerName', sortable: true }
];

export default class AccountOpenCases extends LightningElement {
    @api recordId;
    columns = COLUMNS;
    rows = [];
    sortedBy;
    sortDirection = 'asc';
    filterText = '';

    @wire(getOpenCases, { accountId: '$recordId' })
    wired({ data }) {
        if (data) {
            this.rows = data.map((c) => ({
                ...c,
                caseUrl: '/lightning/r/Case/' + c.Id + '/view',
                ownerName: c.Owner ? c.Owner.Name : '',
                slaDue: c.MilestoneStatus ? this.computeSlaDue(c) : null
            }));
        }
    }

    computeSlaDue(c) {
        const milestones = JSON.parse(JSON.stringify(c.CaseMilestones || []));
        const open = milestones.filter((m) => !m.IsCompleted).sort((a, b) => new Date(a.TargetDate) - new Date(b.TargetDate));
        return open.length ? open[0].TargetDate : null;
    }

    get filteredRows() {
        const f = this.filterText.toLowerCase();
        const list = this.rows.filter((r) => !f || JSON.stringify(r).toLowerCase().includes(f));
        if (!this.sortedBy) {
            return list;
        }
        const dir = this.sortDirection === 'asc' ? 1 : -1;
        return [...list].sort((a, b) => (a[this.sortedBy] > b[this.sortedBy] ? dir : -dir));
    }

    handleFilter(event) {
        this.filterText = event.target.value;
    }

    handleSort(event) {
        this.sortedBy = event.detail.fieldName;
        this.sortDirection = event.detail.sortDirection;
    }
}
"""),
         ('force-app/main/default/classes/AccountCasesController.cls', r"""
public with sharing class AccountCasesController {
    @AuraEnabled(cacheable=true)
    public static List<Case> getOpenCases(Id accountId) {
        return [SELECT Id, CaseNumber, Subject, Priority, Owner.Name, MilestoneStatus,
                       (SELECT TargetDate, IsCompleted FROM CaseMilestones)
                FROM Case WHERE AccountId = :accountId AND IsClosed = false
                ORDER BY CreatedDate DESC];
    }
}
""")],
  reqs=['separate server time, payload size and client rendering time',
        'propose thresholds suitable for the SLA with the client\'s service director'],
  fw='jest', lang='javascript')

def _pmd_row(i):
    rules = [('ApexDoc', 3, 'Documentation'), ('AvoidDebugStatements', 4, 'Performance'),
             ('ApexUnitTestClassShouldHaveAsserts', 3, 'Best Practices'), ('OperationWithLimitsInLoop', 1, 'Performance'),
             ('ExcessiveParameterList', 3, 'Design'), ('CognitiveComplexity', 3, 'Design'),
             ('AvoidGlobalModifier', 3, 'Best Practices'), ('ApexCRUDViolation', 3, 'Security'),
             ('EmptyCatchBlock', 2, 'Error Prone'), ('FieldNamingConventions', 4, 'Code Style')]
    classes = ['ContractUpliftBatch', 'QuotePricingPlugin', 'CaseLifecycle', 'OrderSyncQueueable',
               'AccountMergeService', 'TerritoryRealignmentBatch', 'LeadConversionHandler']
    rule, prio, cat = rules[(i * 7) % 10]
    if rule == 'OperationWithLimitsInLoop' and i % 3:
        rule, prio, cat = 'AvoidDeeplyNestedIfStmts', 3, 'Design'
    return f'"{i + 1}","","force-app/main/default/classes/{classes[i % 7]}.cls","{prio}","{10 + (i * 13) % 220}","{cat}","{rule}"'

t('simple', 'quality-gate',
  'The PMD report for the release branch is attached. Our gate allows zero priority-1 violations and at '
  'most 5 priority-2 violations. Please state pass or fail and list the priority-1 and priority-2 '
  'entries.',
  files=[('reports/pmd-release-24.4.csv', '"Problem","Package","File","Priority","Line","Rule set","Rule"\n' + lines(90, _pmd_row))],
  fw='apex', lang=None)

t('medium', 'defect-analysis',
  'The weekly Data Loader import of partner-registered opportunities (about 1,200 rows, batch size 200) '
  'started failing after Sprint 12 with "System.LimitException: Too many SOQL queries: 101". Single '
  'records saved through the UI work fine. Please identify the cause in the trigger handler and propose '
  'a corrected version.',
  files=[('force-app/main/default/classes/OpportunityTriggerHandler.cls', r"""
public with sharing class OpportunityTriggerHandler {
    private static Boolean running = false;

    public static void afterInsert(List<Opportunity> newList) {
        for (Opportunity o : newList) {
            assignPartnerManager(o);
        }
        createRegistrationTasks(newList);
    }

    public static void afterUpdate(List<Opportunity> newList, Map<Id, Opportunity> oldMap) {
        if (running) { return; }
        running = true;
        List<Opportunity> stageChanged = new List<Opportunity>();
        for (Opportunity o : newList) {
            if (o.StageName != oldMap.get(o.Id).StageName) {
                stageChanged.add(o);
            }
        }
        updateAccountPipeline(stageChanged);
    }

    private static void assignPartnerManager(Opportunity o) {
        if (o.PartnerAccountId == null) { return; }
        Account partner = [SELECT Id, Partner_Manager__c, Partner_Tier__c FROM Account WHERE Id = :o.PartnerAccountId];
        if (partner.Partner_Manager__c != null) {
            Opportunity upd = new Opportunity(Id = o.Id, Partner_Manager__c = partner.Partner_Manager__c,
                                              Partner_Tier__c = partner.Partner_Tier__c);
            update upd;
        }
    }

    private static void createRegistrationTasks(List<Opportunity> opps) {
        List<Task> tasks = new List<Task>();
        for (Opportunity o : opps) {
            if (o.LeadSource == 'Partner Registration') {
                tasks.add(new Task(WhatId = o.Id, Subject = 'Validate deal registration',
                                   ActivityDate = Date.today().addDays(2), OwnerId = o.OwnerId));
            }
        }
        insert tasks;
    }

    private static void updateAccountPipeline(List<Opportunity> opps) {
        Set<Id> accountIds = new Set<Id>();
        for (Opportunity o : opps) { accountIds.add(o.AccountId); }
        List<Account> accs = new List<Account>();
        for (AggregateResult ar : [SELECT AccountId, SUM(Amount) total FROM Opportunity
                                   WHERE AccountId IN :accountIds AND IsClosed = false GROUP BY AccountId]) {
            accs.add(new Account(Id = (Id) ar.get('AccountId'), Open_Pipeline__c = (Decimal) ar.get('total')));
        }
        update accs;
    }
}
"""),
         ('logs/dataloader-error.csv', """
"ID","ERROR","Name","PartnerAccountId","LeadSource"
"","System.LimitException: Too many SOQL queries: 101 (OpportunityTriggerHandler.assignPartnerManager line 27)","ACME Reseller - Tender 4471","0015I00000Pq1aAQAR","Partner Registration"
"","System.LimitException: Too many SOQL queries: 101 (OpportunityTriggerHandler.assignPartnerManager line 27)","Nordic IT - Renewal Q3","0015I00000Pq1bBQAR","Partner Registration"
""")],
  reqs=['explain why the UI path does not reproduce it',
        'keep the recursion guard behaviour correct for the afterUpdate fired by the partner manager update'],
  fw='apex', lang=None)

t('medium', 'test-generation',
  'Please write MUnit tests for the DataWeave mapping that turns a Salesforce order event into an ORDERS05 '
  'IDoc for SAP. The client\'s SAP team has rejected IDocs in SIT twice for formatting reasons, so we want '
  'the mapping pinned down before the next SIT cycle.',
  files=[('mule/sap-order-sync/src/main/resources/dw/order-to-orders05.dwl', r"""
%dw 2.0
output application/xml
var evt = payload.data.payload
var lines = evt.Lines__c default []
fun sapDate(d) = if (d == null) null else (d as Date) as String {format: "yyyyMMdd"}
fun padMaterial(m) = if (m matches /^[0-9]+$/) leftPad(m, 18, "0") else upper(m)
fun leftPad(s, n, c) = if (sizeOf(s) >= n) s else leftPad(c ++ s, n, c)
---
ORDERS05: {
  IDOC @(BEGIN: "1"): {
    EDI_DC40 @(SEGMENT: "1"): {
      IDOCTYP: "ORDERS05", MESTYP: "ORDERS", SNDPRN: "SFDC_MULE", RCVPRN: p('sap.logicalSystem')
    },
    E1EDK01 @(SEGMENT: "1"): {
      CURCY: evt.CurrencyIsoCode default "EUR",
      BSART: if (evt.Order_Type__c == "Return") "RE" else "ZOR",
      BELNR: evt.Opportunity_Number__c
    },
    E1EDKA1 @(SEGMENT: "1"): { PARVW: "AG", PARTN: leftPad(evt.Sold_To__c, 10, "0") },
    (E1EDKA1 @(SEGMENT: "1"): { PARVW: "WE", PARTN: leftPad(evt.Ship_To__c, 10, "0") }) if (evt.Ship_To__c != null),
    E1EDK03 @(SEGMENT: "1"): { IDDAT: "002", DATUM: sapDate(evt.Requested_Delivery__c) },
    (lines map (l, i) -> E1EDP01 @(SEGMENT: "1"): {
      POSEX: leftPad(((i + 1) * 10) as String, 6, "0"),
      MENGE: l.Quantity as String {format: "0.000"},
      MENGEE: l.Unit__c default "EA",
      (E1EDP19 @(SEGMENT: "1"): { QUALF: "002", IDTNR: padMaterial(l.ProductCode) }),
      (E1EDP05 @(SEGMENT: "1"): { KSCHL: "ZDIS", KRATE: (l.Discount__c * -1) as String {format: "0.00"} })
          if ((l.Discount__c default 0) > 0)
    })
  }
}
""")],
  reqs=['cover return orders, missing ship-to, numeric versus alphanumeric material codes, discount lines and empty line lists',
        'assert on the XML structure with XPath, not on string equality of the whole document'],
  fw='munit', lang=None)

t('complex', 'coverage-analysis',
  'For the integration design authority, please assess the MUnit coverage of the invoice-inbound Mule '
  'application as a whole. The report says 79.5% overall, which is below our 85% target, but I need to know '
  'which untested processors actually put invoices at risk (lost, duplicated or posted to the wrong '
  'account) and what tests we should add first.',
  files=[('mule/invoice-inbound/target/munit-coverage.txt', """
Application coverage: 79.5%
Resource                       Processors  Covered  Coverage
invoice-listener.xml           14          14       100.0%
invoice-transform.xml          22          19       86.4%
invoice-dedupe.xml             11          5        45.5%
invoice-upsert-salesforce.xml  18          15       83.3%
invoice-pdf-attach.xml         16          12       75.0%
error-handling.xml             20          11       55.0%
global.xml                     0           0        -
"""),
         ('mule/invoice-inbound/src/main/mule/invoice-listener.xml', r"""
<flow name="invoice-idoc-listener">
    <sap:document-listener config-ref="SAP_Listener" gatewayHost="${sap.gw.host}" programID="MULE_INVOIC"/>
    <set-variable variableName="idocNumber" value="#[payload.INVOIC02.IDOC.EDI_DC40.DOCNUM]"/>
    <anypoint-mq:publish config-ref="MQ_Config" destination="invoices-inbound"/>
</flow>
"""),
         ('mule/invoice-inbound/src/main/mule/invoice-transform.xml', r"""
<flow name="invoice-process">
    <anypoint-mq:subscriber config-ref="MQ_Config" destination="invoices-inbound" acknowledgementMode="MANUAL"/>
    <set-variable variableName="ackToken" value="#[attributes.ackToken]"/>
    <ee:transform>
        <ee:message><ee:set-payload resource="dw/invoic02-to-invoice.dwl"/></ee:message>
    </ee:transform>
    <choice>
        <when expression="#[payload.accountSapNumber == null]">
            <raise-error type="APP:UNMAPPED_ACCOUNT"/>
        </when>
    </choice>
    <flow-ref name="invoice-dedupe"/>
    <flow-ref name="invoice-upsert-salesforce"/>
    <flow-ref name="invoice-pdf-attach"/>
    <anypoint-mq:ack ackToken="#[vars.ackToken]"/>
    <error-handler ref="invoice-error-handler"/>
</flow>
"""),
         ('mule/invoice-inbound/src/main/mule/invoice-dedupe.xml', r"""
<sub-flow name="invoice-dedupe">
    <os:contains key="#[payload.invoiceNumber]" objectStore="seenInvoices" target="seen"/>
    <choice>
        <when expression="#[vars.seen]">
            <os:retrieve key="#[payload.invoiceNumber]" objectStore="seenInvoices" target="seenHash"/>
            <choice>
                <when expression="#[vars.seenHash == (write(payload, 'application/json') as Binary) dw::Crypto::SHA1]">
                    <raise-error type="APP:DUPLICATE_INVOICE"/>
                </when>
                <otherwise>
                    <logger level="WARN" message="#['Invoice ' ++ payload.invoiceNumber ++ ' changed since last delivery, reprocessing']"/>
                </otherwise>
            </choice>
        </when>
    </choice>
    <os:store key="#[payload.invoiceNumber]" objectStore="seenInvoices">
        <os:value>#[(write(payload, 'application/json') as Binary) dw::Crypto::SHA1]</os:value>
    </os:store>
</sub-flow>
"""),
         ('mule/invoice-inbound/src/main/mule/invoice-upsert-salesforce.xml', r"""
<sub-flow name="invoice-upsert-salesforce">
    <salesforce:query config-ref="Salesforce_Config" target="account">
        <salesforce:salesforce-query>SELECT Id FROM Account WHERE SAP_Number__c = ':sap' LIMIT 1</salesforce:salesforce-query>
        <salesforce:parameters>#[{ sap: payload.accountSapNumber }]</salesforce:parameters>
    </salesforce:query>
    <choice>
        <when expression="#[isEmpty(vars.account)]">
            <raise-error type="APP:UNMAPPED_ACCOUNT"/>
        </when>
    </choice>
    <salesforce:upsert config-ref="Salesforce_Config" objectType="Invoice__c" externalIdFieldName="SAP_Invoice_Number__c">
        <salesforce:records>#[[payload - "accountSapNumber" ++ { Account__c: vars.account[0].Id }]]</salesforce:records>
    </salesforce:upsert>
    <choice>
        <when expression="#[payload.items[0].success == false]">
            <raise-error type="APP:SALESFORCE_REJECTED" description="#[payload.items[0].message]"/>
        </when>
    </choice>
</sub-flow>
"""),
         ('mule/invoice-inbound/src/main/mule/invoice-pdf-attach.xml', r"""
<sub-flow name="invoice-pdf-attach">
    <http:request config-ref="SAP_OData" method="GET"
        path="#['/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/A_BillingDocument(\'' ++ vars.invoiceNumber ++ '\')/to_Pdf']"
        target="pdf"/>
    <salesforce:create config-ref="Salesforce_Config" type="ContentVersion">
        <salesforce:records>#[[{ Title: 'Invoice ' ++ vars.invoiceNumber, PathOnClient: vars.invoiceNumber ++ '.pdf',
            VersionData: vars.pdf, FirstPublishLocationId: vars.invoiceRecordId }]]</salesforce:records>
    </salesforce:create>
</sub-flow>
"""),
         ('mule/invoice-inbound/src/main/mule/error-handling.xml', r"""
<error-handler name="invoice-error-handler">
    <on-error-continue type="APP:DUPLICATE_INVOICE">
        <anypoint-mq:ack ackToken="#[vars.ackToken]"/>
    </on-error-continue>
    <on-error-propagate type="APP:UNMAPPED_ACCOUNT">
        <anypoint-mq:publish config-ref="MQ_Config" destination="invoices-dlq"/>
        <anypoint-mq:ack ackToken="#[vars.ackToken]"/>
    </on-error-propagate>
    <on-error-propagate type="SALESFORCE:CONNECTIVITY, HTTP:TIMEOUT">
        <anypoint-mq:nack ackToken="#[vars.ackToken]"/>
    </on-error-propagate>
    <on-error-continue type="ANY">
        <logger level="ERROR" message="#[error.description]"/>
        <anypoint-mq:ack ackToken="#[vars.ackToken]"/>
    </on-error-continue>
</error-handler>
""")],
  reqs=['map uncovered processors to concrete invoice-loss, duplication or misposting scenarios',
        'point out defects you find in passing, but keep the focus on test priorities'],
  fw='munit', lang=None)

t('medium', 'flaky-test-analysis',
  'Our Playwright UI test for editing the opportunity amount on the Lightning record page fails about 15% of '
  'the time in the nightly pipeline, mostly with a timeout on the Save button or with the old amount read '
  'back. Please diagnose from the test and the trace excerpt, and provide a stable version.',
  files=[('tests/ui/opportunityAmountEdit.spec.ts', r"""
import { test, expect } from '@playwright/test';

test('sales rep can edit opportunity amount inline', async ({ page }) => {
  await page.goto(`${process.env.SF_BASE_URL}/lightning/r/Opportunity/${process.env.TEST_OPP_ID}/view`);
  await page.waitForTimeout(4000);

  await page.click('button[title="Edit Amount"]');
  const amount = page.locator('input[name="Amount"]');
  await amount.fill('125000');
  await page.click('button[name="SaveEdit"]');

  await page.waitForTimeout(2000);
  const shown = await page.locator('records-record-layout-item[field-label="Amount"] lightning-formatted-text').first().textContent();
  expect(shown).toContain('125,000');
});
"""),
         ('reports/trace-summary-failed-run.txt', """
[00:00.000] goto /lightning/r/Opportunity/006Aa000004xYzQ/view
[00:04.010] waitForTimeout 4000 done
[00:04.015] click button[title="Edit Amount"] -> resolved to 2 elements, using first (hidden tab: Details of cached record page)
[00:04.740] fill input[name="Amount"] '125000'
[00:04.790] click button[name="SaveEdit"]
[00:30.790] TimeoutError: waiting for locator('button[name="SaveEdit"]') to be enabled - element is disabled (spinner: force-record-layout-spinner visible)
--- other failed run ---
[00:06.210] click button[name="SaveEdit"]
[00:08.215] textContent -> 'EUR 98,500.00'
[00:08.216] expect(received).toContain('125,000')
""")],
  reqs=['use web-first assertions and role/label based locators', 'make the test independent of the previous run\'s data'],
  fw='playwright', lang='typescript')

t('simple', 'security-scan',
  'From the permission export below, please list which profiles and permission sets grant "Modify All Data" '
  'or "View All Data", for the quarterly access review.',
  files=[('reports/system-permissions-export.csv', """
Name,Type,ModifyAllData,ViewAllData,ApiEnabled,ManageUsers
System Administrator,Profile,true,true,true,true
Sales User,Profile,false,false,true,false
Service Agent,Profile,false,false,true,false
Integration - MuleSoft,Profile,true,true,true,false
Partner Community User,Profile,false,false,false,false
Deal Desk,Permission Set,false,true,true,false
Data Migration Temp,Permission Set,true,true,true,false
Support Team Lead,Permission Set,false,false,false,false
Finance Reporting,Permission Set,false,true,true,false
CPQ Admin,Permission Set,false,false,true,false
""")],
  lang=None)

t('complex', 'test-execution',
  'Please run the exactly-once verification suite for the order event pipeline in the performance sandbox: '
  'it publishes 500 Order_Request__e events concurrently from 10 parallel Apex jobs while we kill and '
  'restart one Mule replica mid-run, then checks that every opportunity has exactly one SAP order. Report '
  'the results and, for any opportunity with zero or two orders, explain from the evidence what happened.',
  files=[('tests/exactly-once/run-config.json', """
{
  "events": 500,
  "publishers": 10,
  "publishMode": "Queueable chained, EventBus.publish in batches of 50",
  "muleApp": "sap-order-sync",
  "muleReplicas": 2,
  "chaos": [{"atSecond": 45, "action": "kill", "target": "replica-b"}, {"atSecond": 90, "action": "start", "target": "replica-b"}],
  "sapSystem": "QA client 300 (perf slot 18:00-20:00)",
  "verification": {
    "waitForQuietSeconds": 300,
    "sapQuery": "VBAK where BSTNK starts with run prefix",
    "expectExactlyOnePerOpportunity": true
  }
}
"""),
         ('tests/exactly-once/verify.ts', r"""
import { querySalesforce } from './lib/sf';
import { querySapOrders } from './lib/sap';

export async function verify(runId: string) {
  const opps = await querySalesforce<{ Id: string }>(
    `SELECT Id FROM Opportunity WHERE Test_Run_Id__c = '${runId}'`);
  const orders = await querySapOrders({ bstnkPrefix: runId });
  const byOpp = new Map<string, string[]>();
  for (const o of orders) {
    const oppId = o.BSTNK.slice(runId.length + 1);
    byOpp.set(oppId, [...(byOpp.get(oppId) ?? []), o.VBELN]);
  }
  const missing = opps.filter((o) => !byOpp.has(o.Id)).map((o) => o.Id);
  const duplicates = [...byOpp.entries()].filter(([, v]) => v.length > 1);
  return { total: opps.length, missing, duplicates };
}
""")],
  reqs=['collect replay ids, Mule object-store state and SAP IDoc numbers per opportunity as evidence',
        'distinguish duplicates caused by event redelivery from duplicates caused by SAP-side retries',
        'do not run outside the agreed SAP QA slot'],
  fw=None, lang='typescript')

# why: every metric is green; the hard part is judging whether the test evidence actually demonstrates idempotency under concurrent retries across services
t('complex', 'quality-gate',
  'The sap-order-sync hotfix 2.3.1 changes how retries are deduplicated. All gate metrics are green and the '
  'team asks for sign-off today. Please assess whether the evidence below is sufficient to release, given '
  'that the defect being fixed was duplicate sales orders under load.',
  files=[('release/hotfix-2.3.1-gate.md', """
Gate criteria: MUnit 100% pass; flow coverage >= 85%; no High findings; regression P1 100%.
Results: MUnit 64/64 passed; flow coverage 92.4%; security scan clean; regression P1 12/12 passed.
Change summary: dedupe key moved from in-memory object store to persistent object store (key = Opportunity Id),
store written after SAP send succeeds; until-successful retries reduced from 5 to 3.
"""),
         ('mule/sap-order-sync/src/test/munit/dedupe-test.xml', r"""
<munit:test name="second-event-for-same-opportunity-is-ignored">
    <munit:behavior>
        <munit-tools:mock-when processor="sap:send">
            <munit-tools:then-return><munit-tools:payload value="#[{ idocNumber: '1' }]"/></munit-tools:then-return>
        </munit-tools:mock-when>
    </munit:behavior>
    <munit:execution>
        <flow-ref name="order-request-subscriber"/>
        <flow-ref name="order-request-subscriber"/>
    </munit:execution>
    <munit:validation>
        <munit-tools:verify-call processor="sap:send" times="1"/>
    </munit:validation>
</munit:test>
""")],
  reqs=['state which failure scenarios the evidence does not exercise',
        'give a release recommendation with the minimum additional evidence required'],
  fw='munit', lang=None)
