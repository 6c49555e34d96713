from lib import t, lines

# Persona: .NET developer at a government agency (C#, ASP.NET Core, Entity Framework Core, xUnit,
# SpecFlow, Azure DevOps pipelines). Careful and procedural: cites Azure Boards work items (WI/PBI
# numbers), change-advisory board (CAB) dates, ATO/POA&M paperwork, pastes build logs, TRX output
# and SQL Server execution plans. Mostly C# (lang=None); the odd k6 script or Playwright spec.

# ---------------------------------------------------------------------------------------------
# 1
t('simple', 'test-generation',
  "Per WI 51902 I need xUnit coverage for the FiscalCalendar helper before it goes into the shared "
  "Agency.Common package. Please write Theory-based tests for all four members, including the "
  "October and September boundaries.",
  files=[('src/Agency.Common/Dates/FiscalCalendar.cs', r'''
namespace Agency.Common.Dates;

/// <summary>Federal fiscal year helpers. FY runs 1 October to 30 September.</summary>
public static class FiscalCalendar
{
    public static int FiscalYearFor(DateOnly date) =>
        date.Month >= 10 ? date.Year + 1 : date.Year;

    public static int FiscalQuarterFor(DateOnly date)
    {
        // Oct..Dec -> Q1, Jan..Mar -> Q2, Apr..Jun -> Q3, Jul..Sep -> Q4
        var shifted = (date.Month + 2) % 12;
        return shifted / 3 + 1;
    }

    public static DateOnly FiscalYearStart(int fiscalYear) => new(fiscalYear - 1, 10, 1);

    public static DateOnly FiscalYearEnd(int fiscalYear) => new(fiscalYear, 9, 30);
}
''')],
  fw='xunit', lang=None)

# 2
t('simple', 'defect-analysis',
  "Pipeline run 20931 (Permits-CI, branch feature/WI-52110-clock-abstraction) failed at the Build "
  "step. Full log attached. Can you tell me what is actually breaking so I can fix it before the "
  "pull request review this afternoon?",
  files=[('logs/permits-ci-20931-build.log',
    "2024-05-14T13:02:11.4401Z ##[section]Starting: Build\n"
    "2024-05-14T13:02:11.4523Z Task         : .NET Core\n"
    "2024-05-14T13:02:11.4524Z Version      : 2.231.1\n"
    "2024-05-14T13:02:12.0100Z \"C:\\hostedtoolcache\\windows\\dotnet\\dotnet.exe\" build Agency.Permits.sln --configuration Release --no-restore\n"
    "2024-05-14T13:02:12.9000Z MSBuild version 17.9.8+b34f75857 for .NET\n" +
    lines(5, lambda i: f"2024-05-14T13:02:{13 + i:02d}.{(i * 137) % 1000:03d}0Z   "
          f"Agency.Permits.{['Common', 'Contracts', 'Domain', 'Data', 'Reporting'][i]} -> D:\\a\\1\\s\\src\\"
          f"Agency.Permits.{['Common', 'Contracts', 'Domain', 'Data', 'Reporting'][i]}\\bin\\Release\\net8.0\\"
          f"Agency.Permits.{['Common', 'Contracts', 'Domain', 'Data', 'Reporting'][i]}.dll") + "\n" +
    lines(36, lambda i: f"2024-05-14T13:02:{19 + i // 6:02d}.{(i % 6) * 160:03d}0Z D:\\a\\1\\s\\src\\Agency.Permits.Api\\"
          f"{['Controllers/PermitsController.cs', 'Controllers/InspectionsController.cs', 'Controllers/FeesController.cs', 'Models/PermitDto.cs', 'Models/InspectionDto.cs', 'Filters/AuditActionFilter.cs'][i % 6]}"
          f"({12 + (i * 17) % 160},{5 + (i * 3) % 20}): warning CS1591: Missing XML comment for publicly visible type or member "
          f"'{['PermitsController', 'InspectionsController', 'FeesController', 'PermitDto', 'InspectionDto', 'AuditActionFilter'][i % 6]}."
          f"{['Get', 'Create', 'Update', 'Delete', 'Id', 'Status'][(i // 6) % 6]}' [D:\\a\\1\\s\\src\\Agency.Permits.Api\\Agency.Permits.Api.csproj]").replace('/', '\\') + "\n"
    "2024-05-14T13:02:25.1180Z D:\\a\\1\\s\\src\\Agency.Permits.Api\\Controllers\\InspectionsController.cs(14,26): "
    "error CS0246: The type or namespace name 'IClock' could not be found (are you missing a using directive or an assembly reference?) "
    "[D:\\a\\1\\s\\src\\Agency.Permits.Api\\Agency.Permits.Api.csproj]\n"
    "2024-05-14T13:02:25.1181Z D:\\a\\1\\s\\src\\Agency.Permits.Api\\Controllers\\InspectionsController.cs(19,40): "
    "error CS0246: The type or namespace name 'IClock' could not be found (are you missing a using directive or an assembly reference?) "
    "[D:\\a\\1\\s\\src\\Agency.Permits.Api\\Agency.Permits.Api.csproj]\n"
    "2024-05-14T13:02:25.3302Z D:\\a\\1\\s\\src\\Agency.Permits.Api\\Program.cs(41,36): "
    "error CS0246: The type or namespace name 'SystemClock' could not be found (are you missing a using directive or an assembly reference?) "
    "[D:\\a\\1\\s\\src\\Agency.Permits.Api\\Agency.Permits.Api.csproj]\n"
    "2024-05-14T13:02:25.4000Z warning CS8618: Non-nullable property 'InspectorBadge' must contain a non-null value when exiting constructor. "
    "[D:\\a\\1\\s\\src\\Agency.Permits.Domain\\Agency.Permits.Domain.csproj]\n"
    "2024-05-14T13:02:26.0000Z Build FAILED.\n"
    "2024-05-14T13:02:26.0001Z     37 Warning(s)\n"
    "2024-05-14T13:02:26.0002Z     3 Error(s)\n"
    "2024-05-14T13:02:26.0100Z ##[error]Dotnet command failed with non-zero exit code on the following projects : "
    "D:\\a\\1\\s\\src\\Agency.Permits.Api\\Agency.Permits.Api.csproj\n"),
    ('src/Agency.Permits.Api/Agency.Permits.Api.csproj', r'''
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\Agency.Permits.Domain\Agency.Permits.Domain.csproj" />
    <ProjectReference Include="..\Agency.Permits.Data\Agency.Permits.Data.csproj" />
  </ItemGroup>
  <!-- IClock / SystemClock were moved to Agency.Common.Time in WI-52110 -->
</Project>
''')],
  lang=None)

# 3
# why: short endpoint, but string-built SQL including an ORDER BY fragment that cannot be parameterised is injection: complex
t('complex', 'security-scan',
  "Can you look over this search endpoint before Thursday's CAB? WI 48213. It's only a few lines.",
  files=[('src/Agency.Licensing.Api/Controllers/ApplicantSearchController.cs', r'''
[ApiController]
[Route("api/applicants")]
[Authorize(Policy = "LicensingStaff")]
public class ApplicantSearchController : ControllerBase
{
    private readonly LicensingDbContext _db;

    public ApplicantSearchController(LicensingDbContext db) => _db = db;

    [HttpGet("search")]
    public async Task<IActionResult> Search([FromQuery] string lastName, [FromQuery] string sort = "LastName")
    {
        if (string.IsNullOrWhiteSpace(lastName) || lastName.Length > 60)
            return BadRequest();

        var results = await _db.Applicants
            .FromSqlRaw($"SELECT * FROM dbo.Applicants WHERE LastName LIKE '{lastName.Replace("'", "''")}%' ORDER BY {sort}")
            .AsNoTracking()
            .Take(200)
            .ToListAsync();

        return Ok(results.Select(a => new { a.Id, a.FirstName, a.LastName, a.LicenseNumber }));
    }
}
''')],
  lang=None)

# 4
t('medium', 'quality-gate',
  "Release 3.14 of the Grants portal is on the CAB agenda for the 21st. Below is the consolidated "
  "quality summary from the release pipeline. Please assess it against our release criteria and give "
  "me a pass/fail per criterion plus an overall recommendation I can paste into the RFC.",
  files=[('release/grants-3.14-quality-summary.md', r'''
# Grants Portal 3.14.0 - Quality Summary (pipeline run 8841)

## Tests
| Suite                      | Total | Passed | Failed | Skipped |
|----------------------------|-------|--------|--------|---------|
| Agency.Grants.Domain.Tests |   612 |    612 |      0 |       0 |
| Agency.Grants.Api.Tests    |   284 |    281 |      0 |       3 |
| Agency.Grants.Data.Tests   |   147 |    145 |      2 |       0 |
| Grants.Acceptance (SpecFlow)|   96 |     93 |      1 |       2 |

## Coverage (Cobertura, merged)
- Line: 78.4% (previous release 81.0%)
- Branch: 66.9% (previous release 67.2%)
- New code line coverage (SonarQube): 71.3%

## SonarQube (quality profile "Agency Way")
- Bugs: 0 blocker, 1 critical, 6 major
- Vulnerabilities: 0
- Security hotspots reviewed: 88%
- Code smells: 214 (debt 3d 2h)
- Duplications on new code: 2.1%

## Dependencies (dotnet list package --vulnerable --include-transitive)
- System.Text.Json 8.0.3: High (GHSA-hh2w-p6rv-4g7w) - transitive via Azure.Storage.Blobs
- Newtonsoft.Json 13.0.3: none

## Accessibility (axe, 41 pages)
- 2 serious, 9 moderate
''')],
  reqs=["Criteria: all tests pass except quarantined ones listed in the RFC (none this release)",
        "Line coverage >= 80% overall and >= 75% on new code; no drop greater than 2 points",
        "Zero blocker/critical bugs, zero unreviewed security hotspots",
        "No High or Critical vulnerable packages, including transitive",
        "No serious accessibility findings (Section 508)"],
  lang=None)

# 5
# why: one flaky test diagnosed from its log (agent-dependent culture), medium per rubric, not a race
t('medium', 'flaky-test-analysis',
  "FeeScheduleParserTests.Parses_amount_with_thousands_separator has failed 4 times out of the last 30 "
  "CI runs with no code change (PBI 50377). It never fails on my machine. I pasted one failing log, one "
  "passing log and the parser. What is going on and what's the proper fix (not just a retry)?",
  files=[('src/Agency.Fees/FeeScheduleParser.cs', r'''
using System.Globalization;

namespace Agency.Fees;

public sealed class FeeScheduleParser
{
    public IReadOnlyList<FeeLine> Parse(string csv)
    {
        var result = new List<FeeLine>();
        foreach (var raw in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith("#")) continue;
            var parts = raw.Split(';');
            if (parts.Length != 3)
                throw new FormatException($"Expected 3 fields, got {parts.Length}: '{raw}'");

            var amount = decimal.Parse(parts[1], NumberStyles.Number);
            var effective = DateTime.Parse(parts[2]);
            result.Add(new FeeLine(parts[0], amount, DateOnly.FromDateTime(effective)));
        }
        return result;
    }
}

public sealed record FeeLine(string Code, decimal Amount, DateOnly EffectiveFrom);
'''),
    ('tests/Agency.Fees.Tests/FeeScheduleParserTests.cs', r'''
public class FeeScheduleParserTests
{
    [Fact]
    public void Parses_amount_with_thousands_separator()
    {
        var lines = new FeeScheduleParser().Parse("LIC-COMM;1,250.00;10/01/2024");
        Assert.Equal(1250.00m, lines[0].Amount);
        Assert.Equal(new DateOnly(2024, 10, 1), lines[0].EffectiveFrom);
    }
}
'''),
    ('logs/run-19877-failed.txt', r'''
Agent name: 'GovBuild-Win-04'  Agent machine name: 'GBW04'
Current agent version: '3.236.1'
Agent running as: 'svc_azdo_build'
...
  Failed Agency.Fees.Tests.FeeScheduleParserTests.Parses_amount_with_thousands_separator [12 ms]
  Error Message:
   Assert.Equal() Failure: Values differ
Expected: 1250.00
Actual:   1.25000
  Stack Trace:
     at Agency.Fees.Tests.FeeScheduleParserTests.Parses_amount_with_thousands_separator() in D:\a\1\s\tests\Agency.Fees.Tests\FeeScheduleParserTests.cs:line 7
Failed!  - Failed:     1, Passed:   143, Skipped:     0, Total:   144, Duration: 2 s - Agency.Fees.Tests.dll (net8.0)
'''),
    ('logs/run-19880-passed.txt', r'''
Agent name: 'GovBuild-Win-01'  Agent machine name: 'GBW01'
Current agent version: '3.236.1'
Agent running as: 'svc_azdo_build'
...
Passed!  - Failed:     0, Passed:   144, Skipped:     0, Total:   144, Duration: 2 s - Agency.Fees.Tests.dll (net8.0)
''')],
  fw='xunit', lang=None)

# 6
t('complex', 'performance-testing',
  "Open enrollment for the state benefits portal starts 1 November and last year we fell over on day "
  "one. The CAB wants a load test plan signed off before the change freeze. Using the architecture "
  "notes and last year's traffic figures, design the load testing approach for the whole system: "
  "scenarios, workload model, ramp profiles, what to measure at each tier, pass criteria and how to "
  "run it safely against the pre-prod environment in Azure.",
  files=[('docs/benefits-portal-architecture.md', r'''
# Benefits Portal - runtime architecture (as of v5.2)

- Azure Front Door (WAF policy "gov-default") -> App Service "benefits-web" (ASP.NET Core 8 Razor Pages, 6 x P2v3)
- benefits-web calls "benefits-api" (ASP.NET Core minimal API, AKS, 4-12 pods HPA on CPU 70%)
- benefits-api -> Azure SQL (Business Critical, 8 vCore) via EF Core 8; read replica used for plan lookups
- Eligibility checks: benefits-api -> "eligibility-svc" (legacy WCF wrapped by an ASP.NET Core facade, on-prem via ExpressRoute)
- Identity: Login.gov OIDC for citizens, Entra ID for caseworkers
- Documents: uploads to Blob Storage, virus scan via Defender for Storage, event to Service Bus queue "doc-intake"
- "enrollment-worker" (BackgroundService, AKS, 2 pods) drains "doc-intake" and "enrollment-submitted" queues
- Redis (Azure Cache P1) for session and plan-catalogue cache, 10 min TTL
- Nightly batch to carrier SFTP at 02:00 reads enrollment tables
'''),
    ('docs/open-enrollment-2023-traffic.csv',
     "hour_from_open,unique_sessions,logins,plan_searches,eligibility_checks,doc_uploads,submissions,p95_ms_api,errors_5xx\n" +
     lines(24, lambda h: f"{h},{[2100, 8800, 14200, 16900, 15100, 12800, 11000, 9700, 9100, 8800, 8300, 7600, 7200, 7000, 6900, 7100, 7800, 8600, 9300, 8100, 6200, 4100, 2600, 1500][h]},"
           f"{[1900, 8100, 13300, 15800, 14300, 12100, 10300, 9100, 8600, 8200, 7800, 7100, 6800, 6600, 6400, 6700, 7300, 8100, 8800, 7600, 5800, 3900, 2400, 1400][h]},"
           f"{[5400, 26000, 47000, 52000, 45000, 38000, 33000, 29000, 27000, 26000, 24000, 22000, 21000, 20500, 20000, 20900, 23000, 25500, 27500, 23900, 18200, 12100, 7600, 4300][h]},"
           f"{[800, 3900, 7200, 8400, 7700, 6400, 5500, 4800, 4500, 4400, 4100, 3800, 3600, 3500, 3400, 3500, 3900, 4300, 4600, 4000, 3100, 2000, 1300, 700][h]},"
           f"{[300, 1500, 2900, 3400, 3100, 2600, 2200, 1900, 1800, 1700, 1600, 1500, 1400, 1400, 1300, 1400, 1500, 1700, 1800, 1600, 1200, 800, 500, 300][h]},"
           f"{[120, 700, 1600, 2100, 1900, 1500, 1300, 1100, 1000, 1000, 900, 850, 800, 780, 760, 800, 880, 990, 1050, 910, 690, 450, 280, 150][h]},"
           f"{[420, 1900, 6800, 11200, 9400, 5100, 3300, 2100, 1800, 1600, 1500, 1400, 1300, 1300, 1250, 1300, 1500, 1900, 2200, 1700, 1100, 800, 600, 500][h]},"
           f"{[0, 12, 410, 1820, 960, 140, 30, 8, 4, 2, 1, 1, 0, 0, 0, 1, 3, 9, 14, 4, 1, 0, 0, 0][h]}")),
    ('docs/incident-INC0049121-summary.md', r'''
Incident INC0049121 (1 Nov 2023, 09:40-13:15): portal returned 503s. Azure SQL DTU at 100%,
eligibility-svc facade thread pool starvation (sync-over-async WCF calls), Redis connection
timeouts after cache stampede when plan catalogue TTL expired at 10:00. Doc-intake queue backlog
peaked at 41k messages; worker did not scale.
''')],
  reqs=["Plan must be executable from Azure Load Testing or k6 running in our Azure Gov subscription",
        "No calls may reach the real Login.gov or the on-prem eligibility system; say how to stub them",
        "State the workload model numerically and justify it from the 2023 data"],
  lang=None)

# 7
t('simple', 'test-execution',
  "Please run dotnet test on Agency.Licensing.Tests on the release/2024.3 branch and just give me the names of any failing tests.",
  fw='xunit', lang=None)

# 8
t('medium', 'coverage-analysis',
  "WI 49930: coverage on Agency.Grants.Domain dropped after the budget-period refactor. Using the "
  "Cobertura summary and the two classes that changed, tell me which methods and branches are not "
  "exercised and which of those actually matter, in priority order.",
  files=[('coverage/Agency.Grants.Domain.summary.txt', r'''
Summary
  Generated on: 05/20/2024 - 09:14:02
  Parser: Cobertura
  Assemblies: 1
  Classes: 14
  Files: 14
  Line coverage: 74.1% (1186 of 1600)
  Branch coverage: 61.8% (301 of 487)

Agency.Grants.Domain                                   74.1%
  Agency.Grants.Domain.Awards.Award                    91.2%
  Agency.Grants.Domain.Awards.AwardAmendment           88.0%
  Agency.Grants.Domain.Budget.BudgetPeriod             52.3%
  Agency.Grants.Domain.Budget.BudgetPeriodCalculator   47.9%
  Agency.Grants.Domain.Budget.CostCategory            100.0%
  Agency.Grants.Domain.Budget.IndirectCostRate         83.3%
  Agency.Grants.Domain.Compliance.SingleAuditCheck     79.0%
  Agency.Grants.Domain.Payments.DrawdownRequest        85.4%
  Agency.Grants.Domain.Payments.DrawdownValidator      81.7%
'''),
    ('src/Agency.Grants.Domain/Budget/BudgetPeriod.cs', r'''
namespace Agency.Grants.Domain.Budget;

public sealed class BudgetPeriod
{
    public int Number { get; }
    public DateOnly Start { get; }
    public DateOnly End { get; }
    public decimal Authorized { get; private set; }
    public decimal Obligated { get; private set; }
    public bool IsClosed { get; private set; }

    public BudgetPeriod(int number, DateOnly start, DateOnly end, decimal authorized)
    {
        if (end < start) throw new ArgumentException("End before start");
        if (authorized < 0) throw new ArgumentOutOfRangeException(nameof(authorized));
        (Number, Start, End, Authorized) = (number, start, end, authorized);
    }

    public bool Contains(DateOnly d) => d >= Start && d <= End;

    public void Obligate(decimal amount)
    {
        if (IsClosed) throw new InvalidOperationException($"Budget period {Number} is closed");
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount));
        if (Obligated + amount > Authorized)
            throw new InvalidOperationException("Obligation exceeds authorized amount");
        Obligated += amount;
    }

    public void Deobligate(decimal amount)
    {
        if (amount <= 0 || amount > Obligated) throw new ArgumentOutOfRangeException(nameof(amount));
        Obligated -= amount;
    }

    public void Revise(decimal newAuthorized)
    {
        if (IsClosed) throw new InvalidOperationException("Closed");
        if (newAuthorized < Obligated)
            throw new InvalidOperationException("Cannot reduce authorization below obligations");
        Authorized = newAuthorized;
    }

    public decimal Close()
    {
        var unobligated = Authorized - Obligated;
        IsClosed = true;
        return unobligated;
    }
}
'''),
    ('src/Agency.Grants.Domain/Budget/BudgetPeriodCalculator.cs', r'''
namespace Agency.Grants.Domain.Budget;

public static class BudgetPeriodCalculator
{
    public static IReadOnlyList<BudgetPeriod> Split(DateOnly projectStart, DateOnly projectEnd,
        decimal totalAuthorized, int monthsPerPeriod = 12)
    {
        if (monthsPerPeriod is < 1 or > 60) throw new ArgumentOutOfRangeException(nameof(monthsPerPeriod));
        var periods = new List<BudgetPeriod>();
        var start = projectStart;
        var n = 1;
        while (start <= projectEnd)
        {
            var end = start.AddMonths(monthsPerPeriod).AddDays(-1);
            if (end > projectEnd) end = projectEnd;
            periods.Add(new BudgetPeriod(n++, start, end, 0m));
            start = end.AddDays(1);
        }

        var totalDays = projectEnd.DayNumber - projectStart.DayNumber + 1;
        decimal allocated = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            decimal share;
            if (i == periods.Count - 1)
                share = totalAuthorized - allocated; // remainder to last period
            else
                share = Math.Round(totalAuthorized * (p.End.DayNumber - p.Start.DayNumber + 1) / totalDays, 2);
            p.Revise(share);
            allocated += share;
        }
        return periods;
    }
}
''')],
  lang=None)

# 9
t('complex', 'test-generation',
  "This is the authorization handler that decides whether a caseworker can approve a grant "
  "disbursement (PBI 47718, reviewed by our ISSO). I need a thorough xUnit suite for it: every way "
  "approval should be granted and every way it must be refused. Our auditors will read the test names.",
  files=[('src/Agency.Grants.Api/Authorization/DisbursementApprovalHandler.cs', r'''
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Agency.Grants.Api.Authorization;

public sealed class DisbursementApprovalRequirement : IAuthorizationRequirement { }

public sealed class DisbursementApprovalHandler
    : AuthorizationHandler<DisbursementApprovalRequirement, Disbursement>
{
    private readonly IDelegationStore _delegations;
    private readonly IConflictOfInterestRegistry _coi;
    private readonly TimeProvider _time;

    public DisbursementApprovalHandler(IDelegationStore delegations, IConflictOfInterestRegistry coi, TimeProvider time)
        => (_delegations, _coi, _time) = (delegations, coi, time);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        DisbursementApprovalRequirement requirement, Disbursement resource)
    {
        var user = context.User;
        var userId = user.FindFirstValue("oid");
        if (userId is null || !user.HasClaim("amr", "mfa"))
            return;

        // Separation of duties: the preparer can never approve their own disbursement.
        if (string.Equals(resource.PreparedBy, userId, StringComparison.OrdinalIgnoreCase))
            return;

        if (await _coi.HasDeclaredConflictAsync(userId, resource.RecipientUei))
        {
            context.Fail(new AuthorizationFailureReason(this, "Conflict of interest declared"));
            return;
        }

        var limit = GetSignatureLimit(user);
        var now = _time.GetUtcNow();

        if (limit < resource.Amount)
        {
            // Temporary delegation from a supervisor with a higher limit.
            var delegation = await _delegations.FindActiveAsync(userId, resource.ProgramCode, now);
            if (delegation is null || delegation.Limit < resource.Amount)
                return;
            if (string.Equals(delegation.DelegatorId, resource.PreparedBy, StringComparison.OrdinalIgnoreCase))
                return; // delegator prepared it; delegate must not act on their behalf
            limit = delegation.Limit;
        }

        if (!user.HasClaim("program", resource.ProgramCode) && !user.IsInRole("GrantsOfficer.AllPrograms"))
            return;

        if (resource.Amount >= 250_000m && now.UtcDateTime.Hour is < 6 or >= 22)
            return; // large approvals only during staffed hours (Eastern handled upstream)

        context.Succeed(requirement);
    }

    private static decimal GetSignatureLimit(ClaimsPrincipal user)
    {
        var raw = user.FindFirstValue("sig_limit");
        return decimal.TryParse(raw, System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0m;
    }
}

public sealed record Disbursement(Guid Id, string PreparedBy, string RecipientUei, string ProgramCode, decimal Amount);
public sealed record Delegation(string DelegatorId, string DelegateId, string ProgramCode, decimal Limit, DateTimeOffset From, DateTimeOffset To);

public interface IDelegationStore { Task<Delegation?> FindActiveAsync(string delegateId, string programCode, DateTimeOffset at); }
public interface IConflictOfInterestRegistry { Task<bool> HasDeclaredConflictAsync(string userId, string recipientUei); }
''')],
  reqs=["Use FakeTimeProvider for time, NSubstitute for the two stores",
        "Cover boundary amounts at the signature limit and at 250,000",
        "Include cases where claims are missing, duplicated or differ only by case"],
  fw='xunit', lang=None)

# 10
t('medium', 'defect-analysis',
  "The Release stage for Licensing 2024.3.1 failed in the UAT environment at the EF Core migration "
  "step (deployment 1182, CHG0031577). It ran clean in DEV and TEST. Log and the migration are below. "
  "Why did it fail only in UAT and what should the corrected migration look like?",
  files=[('logs/uat-deploy-1182-migrate.log', r'''
2024-06-03T22:14:07Z ##[section]Starting: Apply EF migrations (bundle)
2024-06-03T22:14:07Z ./efbundle --connection "$(UatSqlConnection)" --verbose
2024-06-03T22:14:09Z Applying migration '20240528151203_AddLicenseCategoryCode'.
2024-06-03T22:14:09Z Executing DbCommand [Parameters=[], CommandType='Text', CommandTimeout='30']
      ALTER TABLE [dbo].[Licenses] ADD [CategoryCode] nvarchar(8) NOT NULL DEFAULT N'';
2024-06-03T22:14:11Z Executing DbCommand [Parameters=[], CommandType='Text', CommandTimeout='30']
      CREATE UNIQUE INDEX [IX_Licenses_CategoryCode_LicenseNumber] ON [dbo].[Licenses] ([CategoryCode], [LicenseNumber]);
2024-06-03T22:14:12Z Failed executing DbCommand (1,204ms)
Microsoft.Data.SqlClient.SqlException (0x80131904): The CREATE UNIQUE INDEX statement terminated because a duplicate key was found for the object name 'dbo.Licenses' and the index name 'IX_Licenses_CategoryCode_LicenseNumber'. The duplicate key value is (, PL-004471).
The statement has been terminated.
   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
   ...
ClientConnectionId:7c1a9f51-2d8e-4b0b-9a53-1f0f2a6d2e11
Error Number:1505,State:1,Class:16
2024-06-03T22:14:12Z ##[error]Bash exited with code '1'.
'''),
    ('src/Agency.Licensing.Data/Migrations/20240528151203_AddLicenseCategoryCode.cs', r'''
public partial class AddLicenseCategoryCode : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "CategoryCode",
            table: "Licenses",
            type: "nvarchar(8)",
            maxLength: 8,
            nullable: false,
            defaultValue: "");

        migrationBuilder.CreateIndex(
            name: "IX_Licenses_CategoryCode_LicenseNumber",
            table: "Licenses",
            columns: new[] { "CategoryCode", "LicenseNumber" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Licenses_CategoryCode_LicenseNumber", table: "Licenses");
        migrationBuilder.DropColumn(name: "CategoryCode", table: "Licenses");
    }
}
'''),
    ('docs/data-notes.md', r'''
UAT is refreshed quarterly from a masked copy of production. Production has historic records where the
same LicenseNumber was reissued under a different license type (pre-2019 numbering scheme). The
category code should be derived from LicenseTypeId via dbo.LicenseTypes.CategoryCode. DEV and TEST
are seeded from the synthetic dataset in tools/seed.
''')],
  lang=None)

# 11
t('simple', 'security-scan',
  "Output of dotnet list package --vulnerable --include-transitive for the Permits solution is "
  "attached (from the nightly security job). Please give me a table of package, installed version, "
  "severity, which projects pull it in, and whether it is direct or transitive. I need it for the "
  "POA&M update.",
  files=[('reports/permits-vulnerable-packages.txt',
    "The following sources were used:\n   https://api.nuget.org/v3/index.json\n   https://pkgs.dev.azure.com/agency-gov/_packaging/agency-feed/nuget/v3/index.json\n\n" +
    lines(9, lambda i: (
      f"Project `Agency.Permits.{['Api', 'Domain', 'Data', 'Contracts', 'Reporting', 'Worker', 'Api.Tests', 'Data.Tests', 'Acceptance'][i]}` has the following vulnerable packages\n" +
      (f"   [net8.0]: \n   Top-level Package      Requested   Resolved   Severity   Advisory URL\n"
       f"   > Azure.Identity       1.10.2      1.10.2     Moderate   https://github.com/advisories/GHSA-wvxc-855f-jvrv\n"
       if i in (0, 5) else "") +
      (f"   Transitive Package                 Resolved   Severity   Advisory URL\n"
       f"   > System.Text.Json                 8.0.3      High       https://github.com/advisories/GHSA-hh2w-p6rv-4g7w\n"
       if i in (0, 2, 4, 5, 7) else "") +
      (f"   > Microsoft.Data.SqlClient         5.1.1      High       https://github.com/advisories/GHSA-98g6-xh36-x2p7\n"
       if i in (2, 7) else "") +
      (f"   > System.Formats.Asn1              5.0.0      High       https://github.com/advisories/GHSA-447r-wph3-92pm\n"
       if i in (6, 7, 8) else "") +
      ("   has no vulnerable packages given the current sources.\n" if i in (1, 3) else "")
    ))),
  ],
  lang=None)

# 12
t('medium', 'test-generation',
  "We are moving licence renewals to SpecFlow acceptance tests (Feature WI 50211). The feature file "
  "is written and signed off by the business; please write the step definitions against the "
  "RenewalService below, with the repository and notification sender mocked. Scenario context "
  "should carry the licence between steps.",
  files=[('tests/Agency.Licensing.Acceptance/Features/LicenceRenewal.feature', r'''
Feature: Licence renewal
  In order to keep practising legally
  As a licensee
  I want to renew my licence within the renewal window

  Background:
    Given today is "2024-09-15"

  Scenario: Renewal inside the 90 day window
    Given an active licence "PL-100234" expiring on "2024-11-30"
    When the licensee submits a renewal with fee 150.00
    Then the licence expiry should be "2026-11-30"
    And a renewal confirmation should be sent to the licensee

  Scenario: Renewal too early
    Given an active licence "PL-100235" expiring on "2025-03-31"
    When the licensee submits a renewal with fee 150.00
    Then the renewal should be rejected with reason "OutsideRenewalWindow"

  Scenario: Late renewal within grace period incurs late fee
    Given an active licence "PL-100236" expiring on "2024-08-31"
    When the licensee submits a renewal with fee 150.00
    Then the renewal should be rejected with reason "LateFeeRequired"

  Scenario: Suspended licences cannot be renewed
    Given a suspended licence "PL-100237" expiring on "2024-10-31"
    When the licensee submits a renewal with fee 225.00
    Then the renewal should be rejected with reason "LicenceSuspended"
'''),
    ('src/Agency.Licensing/Renewals/RenewalService.cs', r'''
namespace Agency.Licensing.Renewals;

public enum RenewalRejection { None, OutsideRenewalWindow, LateFeeRequired, LicenceSuspended, GracePeriodExpired, NotFound }

public sealed class RenewalService
{
    private const decimal BaseFee = 150.00m;
    private const decimal LateFee = 75.00m;
    private readonly ILicenceRepository _repo;
    private readonly INotificationSender _notify;
    private readonly TimeProvider _time;

    public RenewalService(ILicenceRepository repo, INotificationSender notify, TimeProvider time)
        => (_repo, _notify, _time) = (repo, notify, time);

    public async Task<RenewalRejection> RenewAsync(string licenceNumber, decimal feePaid, CancellationToken ct = default)
    {
        var licence = await _repo.FindAsync(licenceNumber, ct);
        if (licence is null) return RenewalRejection.NotFound;
        if (licence.Status == LicenceStatus.Suspended) return RenewalRejection.LicenceSuspended;

        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        var daysToExpiry = licence.ExpiresOn.DayNumber - today.DayNumber;

        if (daysToExpiry > 90) return RenewalRejection.OutsideRenewalWindow;
        if (daysToExpiry < -60) return RenewalRejection.GracePeriodExpired;
        if (daysToExpiry < 0 && feePaid < BaseFee + LateFee) return RenewalRejection.LateFeeRequired;
        if (feePaid < BaseFee) throw new InvalidOperationException("Fee below base renewal fee");

        licence.ExpiresOn = licence.ExpiresOn.AddYears(2);
        licence.LastRenewedOn = today;
        await _repo.SaveAsync(licence, ct);
        await _notify.SendAsync(licence.HolderEmail, "RenewalConfirmed", new { licence.Number, licence.ExpiresOn }, ct);
        return RenewalRejection.None;
    }
}
''')],
  reqs=["SpecFlow 3.9 with xUnit runner, Moq for mocks",
        "Use FakeTimeProvider for 'today is'",
        "No [Binding] class may hold static state"],
  fw='specflow', lang=None)

# 13
# why: long pasted summary but the ask is a mechanical filter (classes at 0%), simple
t('simple', 'coverage-analysis',
  "Attached is the ReportGenerator text summary for the whole Case Management solution from last "
  "night's build. For the sprint review I only need the list of classes that have zero line coverage, "
  "grouped by assembly. Nothing else.",
  files=[('coverage/casemgmt-Summary.txt',
    "Summary\n  Generated on: 06/11/2024 - 02:31:44\n  Parser: MultiReport (6x Cobertura)\n"
    "  Assemblies: 6\n  Classes: 96\n  Line coverage: 68.9%\n  Branch coverage: 55.2%\n\n" +
    lines(96, lambda i: (
      (f"Agency.CaseMgmt.{['Domain', 'Data', 'Api', 'Worker', 'Integrations', 'Reporting'][i // 16]}"
       f"{'':<40}{[81.2, 74.5, 70.3, 52.8, 44.1, 61.7][i // 16]}%\n" if i % 16 == 0 else "") +
      (f"  Agency.CaseMgmt.{['Domain', 'Data', 'Api', 'Worker', 'Integrations', 'Reporting'][i // 16]}."
       f"{['Cases', 'Parties', 'Hearings', 'Documents', 'Notices', 'Fees', 'Appeals', 'Scheduling'][i % 8]}."
       f"{['Case', 'Party', 'Hearing', 'Document', 'Notice', 'Fee', 'Appeal', 'Schedule'][i % 8]}"
       f"{['Service', 'Validator', 'Mapper', 'Repository', 'Handler', 'Policy', 'Query', 'Exporter'][(i * 3 + i // 8) % 8]}"
       ).ljust(72) +
      f"{0.0 if (i * 7) % 11 == 3 else round(40 + (i * 37) % 60 + ((i * 13) % 10) / 10, 1)}%"))),
  ],
  lang=None)

# 14
t('complex', 'flaky-test-analysis',
  "Since we turned on parallel test collections in Agency.CaseMgmt.Data.Tests (PBI 51020, to get the "
  "pipeline under 15 minutes) a different handful of repository tests fails on almost every run, and "
  "they all pass when run one at a time. I've attached the fixture, two of the test classes, the xUnit "
  "config and a failing run. I need to understand exactly why and what the right structure is; "
  "turning parallelism off again is the fallback, not the answer.",
  files=[('tests/Agency.CaseMgmt.Data.Tests/SqlServerFixture.cs', r'''
public sealed class SqlServerFixture : IAsyncLifetime
{
    private static readonly MsSqlContainer Container = new MsSqlBuilder()
        .WithImage("mcr.microsoft.com/mssql/server:2022-CU12-ubuntu-22.04").Build();
    private static readonly object InitLock = new();
    private static bool _initialised;
    private static Respawner? _respawner;

    public string ConnectionString => Container.GetConnectionString();

    public async Task InitializeAsync()
    {
        lock (InitLock)
        {
            if (_initialised) return;
            _initialised = true;
        }
        await Container.StartAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        _respawner = await Respawner.CreateAsync(ConnectionString, new RespawnerOptions
        {
            TablesToIgnore = new Respawn.Graph.Table[] { "__EFMigrationsHistory" }
        });
    }

    public async Task ResetAsync() => await _respawner!.ResetAsync(ConnectionString);

    public CaseMgmtDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<CaseMgmtDbContext>().UseSqlServer(ConnectionString).Options);

    public Task DisposeAsync() => Task.CompletedTask;
}
'''),
    ('tests/Agency.CaseMgmt.Data.Tests/CaseRepositoryTests.cs', r'''
[Collection("CaseRepository")]
public class CaseRepositoryTests : IClassFixture<SqlServerFixture>, IAsyncLifetime
{
    private readonly SqlServerFixture _fx;
    public CaseRepositoryTests(SqlServerFixture fx) => _fx = fx;

    public Task InitializeAsync() => _fx.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Open_case_gets_next_docket_number()
    {
        await using var db = _fx.CreateContext();
        var repo = new CaseRepository(db);
        var first = await repo.OpenAsync(new NewCase("Smith v. Board", CaseType.Appeal));
        var second = await repo.OpenAsync(new NewCase("Jones v. Board", CaseType.Appeal));
        Assert.Equal(first.DocketSequence + 1, second.DocketSequence);
    }

    [Fact]
    public async Task Search_returns_only_open_cases()
    {
        await using var db = _fx.CreateContext();
        var repo = new CaseRepository(db);
        await repo.OpenAsync(new NewCase("A v. Board", CaseType.Appeal));
        var closed = await repo.OpenAsync(new NewCase("B v. Board", CaseType.Appeal));
        await repo.CloseAsync(closed.Id, "Withdrawn");
        var results = await repo.SearchAsync(new CaseQuery { OpenOnly = true });
        Assert.Single(results);
    }
}
'''),
    ('tests/Agency.CaseMgmt.Data.Tests/PartyRepositoryTests.cs', r'''
[Collection("PartyRepository")]
public class PartyRepositoryTests : IClassFixture<SqlServerFixture>, IAsyncLifetime
{
    private readonly SqlServerFixture _fx;
    public PartyRepositoryTests(SqlServerFixture fx) => _fx = fx;

    public Task InitializeAsync() => _fx.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Adding_party_to_case_links_both_ways()
    {
        await using var db = _fx.CreateContext();
        var cases = new CaseRepository(db);
        var c = await cases.OpenAsync(new NewCase("C v. Board", CaseType.Hearing));
        var parties = new PartyRepository(db);
        await parties.AddAsync(c.Id, new NewParty("Jane Roe", PartyRole.Appellant));
        var loaded = await cases.GetWithPartiesAsync(c.Id);
        Assert.Single(loaded!.Parties);
    }

    [Fact]
    public async Task Party_count_for_open_cases()
    {
        await using var db = _fx.CreateContext();
        var parties = new PartyRepository(db);
        Assert.Equal(0, await parties.CountForOpenCasesAsync());
    }
}
'''),
    ('tests/Agency.CaseMgmt.Data.Tests/xunit.runner.json', r'''
{
  "$schema": "https://xunit.net/schema/current/xunit.runner.schema.json",
  "parallelizeTestCollections": true,
  "maxParallelThreads": 4
}
'''),
    ('logs/run-20417-data-tests.txt', r'''
  Failed Agency.CaseMgmt.Data.Tests.CaseRepositoryTests.Search_returns_only_open_cases [388 ms]
  Error Message:
   Assert.Single() Failure: The collection contained 2 items
  Failed Agency.CaseMgmt.Data.Tests.PartyRepositoryTests.Party_count_for_open_cases [95 ms]
  Error Message:
   Assert.Equal() Failure: Values differ
Expected: 0
Actual:   1
  Failed Agency.CaseMgmt.Data.Tests.PartyRepositoryTests.Adding_party_to_case_links_both_ways [1 s]
  Error Message:
   Microsoft.EntityFrameworkCore.DbUpdateException : An error occurred while saving the entity changes.
---- Microsoft.Data.SqlClient.SqlException : The INSERT statement conflicted with the FOREIGN KEY constraint "FK_Parties_Cases_CaseId". The conflict occurred in database "master", table "dbo.Cases", column 'Id'.
  Failed Agency.CaseMgmt.Data.Tests.CaseRepositoryTests.Open_case_gets_next_docket_number [2 s]
  Error Message:
   System.InvalidOperationException : Connection string has not been initialised / container not started.
Failed!  - Failed:     4, Passed:    61, Skipped:     0, Total:    65, Duration: 48 s
''')],
  fw='xunit', lang=None)

# 15
t('simple', 'quality-gate',
  "Build 7712 came in at 79.6% line coverage and our gate is 80% line. Pass or fail, and by how much?",
  lang=None)

# 16
t('medium', 'performance-testing',
  "The caseworker dashboard query got slow after the March data load (WI 49005). It used to run in "
  "under 200 ms, now it's 6-9 seconds. Here are the EF Core LINQ, the generated SQL and the actual "
  "execution plan from SQL Server. What is the plan telling us and what would you change (index, "
  "query, or mapping)?",
  files=[('src/Agency.CaseMgmt.Data/Queries/DashboardQuery.cs', r'''
public async Task<IReadOnlyList<DashboardRow>> GetAsync(string caseworkerId, CancellationToken ct)
{
    return await _db.Cases
        .Where(c => c.AssignedTo == caseworkerId && c.Status != CaseStatus.Closed)
        .OrderBy(c => c.NextDeadline)
        .Select(c => new DashboardRow(c.Id, c.DocketNumber, c.Title, c.NextDeadline, c.Status))
        .Take(50)
        .ToListAsync(ct);
}
'''),
    ('src/Agency.CaseMgmt.Data/Configurations/CaseConfiguration.cs', r'''
public void Configure(EntityTypeBuilder<Case> b)
{
    b.ToTable("Cases");
    b.Property(c => c.AssignedTo).HasMaxLength(64).IsUnicode(false);   // varchar(64)
    b.Property(c => c.DocketNumber).HasMaxLength(20).IsUnicode(false);
    b.Property(c => c.Title).HasMaxLength(400);
    b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    b.HasIndex(c => c.AssignedTo);
}
'''),
    ('diagnostics/dashboard-query.sql', r'''
exec sp_executesql N'SELECT TOP(@__p_1) [c].[Id], [c].[DocketNumber], [c].[Title], [c].[NextDeadline], [c].[Status]
FROM [Cases] AS [c]
WHERE [c].[AssignedTo] = @__caseworkerId_0 AND [c].[Status] <> N''Closed''
ORDER BY [c].[NextDeadline]',N'@__p_1 int,@__caseworkerId_0 nvarchar(4000)',@__p_1=50,@__caseworkerId_0=N'jdoe@agency.gov'
'''),
    ('diagnostics/dashboard-plan.txt', r'''
  |--Top(TOP EXPRESSION:([@__p_1]))                                         Actual Rows: 50      Est: 50
       |--Sort(TOP 50, ORDER BY:([c].[NextDeadline] ASC))                   Actual Rows: 50      Est: 50
            |--Clustered Index Scan(OBJECT:([CaseMgmt].[dbo].[Cases].[PK_Cases] AS [c]),
                 WHERE:(CONVERT_IMPLICIT(nvarchar(64),[c].[AssignedTo],0)=[@__caseworkerId_0]
                        AND [c].[Status]<>N'Closed'))                       Actual Rows: 311     Est: 1,240,118
                 Logical reads: 418,902   Physical reads: 12   Read-ahead reads: 417,330
  Warnings: Type conversion in expression (CONVERT_IMPLICIT(nvarchar(64),[c].[AssignedTo],0)) may affect
            "SeekPlan" in query plan choice.
  Missing index: none reported
  CPU time = 5,812 ms, elapsed time = 7,944 ms.
  Table 'Cases'. Row count 4,212,554 (after March historical load of 3.9M closed cases)
''')],
  lang=None)

# 17
# why: told in plain words, but it is a duplicate-payment root cause across two services with retries and a queue: complex
t('complex', 'defect-analysis',
  "Finance reconciliation found seven grantees paid twice in May (INC0051880). Every one of them was "
  "on a day when Treasury's payment gateway was running slow. Nobody pressed a button twice; the audit "
  "trail shows one approval each. I've pulled together the code and logs from both services. Where are "
  "the second payments coming from, and what do we need to change so it cannot happen again?",
  files=[('src/Agency.Payments.Api/Disbursements/DisbursementController.cs', r'''
[HttpPost("{id:guid}/release")]
[Authorize(Policy = "DisbursementRelease")]
public async Task<IActionResult> Release(Guid id, CancellationToken ct)
{
    var d = await _db.Disbursements.SingleOrDefaultAsync(x => x.Id == id, ct);
    if (d is null) return NotFound();
    if (d.Status != DisbursementStatus.Approved) return Conflict("Not in Approved state");

    d.Status = DisbursementStatus.Releasing;
    await _db.SaveChangesAsync(ct);

    await _bus.PublishAsync(new ReleaseDisbursement(d.Id, d.RecipientAccountId, d.Amount), ct);
    return Accepted();
}
'''),
    ('src/Agency.Payments.Worker/ReleaseDisbursementConsumer.cs', r'''
public sealed class ReleaseDisbursementConsumer : IConsumer<ReleaseDisbursement>
{
    private readonly PaymentsDbContext _db;
    private readonly ITreasuryGatewayClient _treasury;
    private readonly ILogger<ReleaseDisbursementConsumer> _log;

    public async Task Consume(ConsumeContext<ReleaseDisbursement> ctx)
    {
        var msg = ctx.Message;
        var d = await _db.Disbursements.SingleAsync(x => x.Id == msg.DisbursementId);
        if (d.Status == DisbursementStatus.Paid)
        {
            _log.LogInformation("Disbursement {Id} already paid, skipping", d.Id);
            return;
        }

        var paymentRef = await _treasury.SubmitPaymentAsync(new TreasuryPayment
        {
            AccountId = msg.RecipientAccountId,
            Amount = msg.Amount,
            AgencyReference = $"GRT-{d.Id:N}-{DateTime.UtcNow:yyyyMMddHHmmss}"
        }, ctx.CancellationToken);

        d.Status = DisbursementStatus.Paid;
        d.TreasuryReference = paymentRef;
        await _db.SaveChangesAsync();
        await _ledger.PostAsync(new LedgerEntry(d.Id, d.Amount, paymentRef));
    }
}
'''),
    ('src/Agency.Payments.Worker/Program.cs', r'''
builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<ReleaseDisbursementConsumer>(c =>
    {
        c.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
    });
    x.UsingAzureServiceBus((ctx, cfg) =>
    {
        cfg.Host(builder.Configuration.GetConnectionString("ServiceBus"));
        cfg.ReceiveEndpoint("release-disbursement", e =>
        {
            e.LockDuration = TimeSpan.FromSeconds(60);
            e.MaxAutoRenewDuration = TimeSpan.FromMinutes(0);
            e.MaxDeliveryCount = 5;
            e.PrefetchCount = 20;
            e.ConfigureConsumer<ReleaseDisbursementConsumer>(ctx);
        });
    });
});
builder.Services.AddHttpClient<ITreasuryGatewayClient, TreasuryGatewayClient>()
    .AddStandardResilienceHandler(o =>
    {
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
        o.Retry.MaxRetryAttempts = 3;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null
            || (int)args.Outcome.Result!.StatusCode >= 500);
    });
'''),
    ('src/Agency.Payments.Worker/TreasuryGatewayClient.cs', r'''
public sealed class TreasuryGatewayClient : ITreasuryGatewayClient
{
    private readonly HttpClient _http;
    public TreasuryGatewayClient(HttpClient http) => _http = http;

    public async Task<string> SubmitPaymentAsync(TreasuryPayment p, CancellationToken ct)
    {
        using var resp = await _http.PostAsJsonAsync("v2/payments", p, ct);
        resp.EnsureSuccessStatusCode();
        var body = await resp.Content.ReadFromJsonAsync<TreasuryAck>(cancellationToken: ct);
        return body!.PaymentReference;
    }
}
// Treasury gateway deduplicates on AgencyReference for 72 hours (Interface Control Document v4.2, s.6.3)
'''),
    ('logs/payments-worker-2024-05-09.log', r'''
2024-05-09T14:02:11.120Z INF Consuming ReleaseDisbursement 8f1c...e21 MessageId=4a7e... DeliveryCount=1
2024-05-09T14:02:31.140Z WRN Treasury attempt 1 timed out after 20s (POST v2/payments)
2024-05-09T14:02:53.410Z WRN Treasury attempt 2 timed out after 20s (POST v2/payments)
2024-05-09T14:03:11.300Z WRN MessageLockLost: The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. MessageId=4a7e...
2024-05-09T14:03:11.310Z INF Consuming ReleaseDisbursement 8f1c...e21 MessageId=4a7e... DeliveryCount=2 (pod payments-worker-6d9f-2)
2024-05-09T14:03:14.870Z INF Treasury accepted payment ref TRS-0091827731 for 8f1c...e21 (pod payments-worker-6d9f-1)
2024-05-09T14:03:15.010Z INF Disbursement 8f1c...e21 marked Paid (pod payments-worker-6d9f-1)
2024-05-09T14:03:15.300Z INF Ledger posted 8f1c...e21 TRS-0091827731 (pod payments-worker-6d9f-1)
2024-05-09T14:03:19.660Z INF Treasury accepted payment ref TRS-0091827790 for 8f1c...e21 (pod payments-worker-6d9f-2)
2024-05-09T14:03:19.700Z INF Disbursement 8f1c...e21 marked Paid (pod payments-worker-6d9f-2)
2024-05-09T14:03:19.900Z INF Ledger posted 8f1c...e21 TRS-0091827790 (pod payments-worker-6d9f-2)
'''),
    ('logs/ledger-api-2024-05-09.log', r'''
2024-05-09T14:03:15.290Z INF POST /ledger/entries disbursement=8f1c...e21 amount=48200.00 ref=TRS-0091827731 -> 201
2024-05-09T14:03:19.890Z INF POST /ledger/entries disbursement=8f1c...e21 amount=48200.00 ref=TRS-0091827790 -> 201
'''),
    ('docs/recon-INC0051880.csv', r'''
disbursement_id,recipient_uei,amount,treasury_refs,date,gateway_p95_ms_that_hour
8f1c...e21,QK7HJ2LM4N55,48200.00,"TRS-0091827731;TRS-0091827790",2024-05-09,23850
1b20...7a0,ZX3MN8PQ2R11,12950.00,"TRS-0091829002;TRS-0091829050",2024-05-09,23850
c44d...913,LM5TY6UV7W22,201000.00,"TRS-0092011455;TRS-0092011520",2024-05-16,19400
''')],
  lang=None)

# 18
t('medium', 'test-execution',
  "I need the integration tests for Agency.Permits.Data (trait Category=Integration) running in the PR "
  "pipeline, against a throwaway SQL Server, not the shared DEV database (ISSO finding from the last "
  "audit). Here is the current pipeline and runsettings. Please run them that way, tell me what "
  "changes to the YAML are needed, and report the results split by test class.",
  files=[('azure-pipelines/permits-pr.yml', r'''
trigger: none
pr:
  branches:
    include: [ main, release/* ]

pool:
  vmImage: ubuntu-22.04

variables:
  buildConfiguration: Release
  DOTNET_CLI_TELEMETRY_OPTOUT: 1

steps:
  - task: UseDotNet@2
    inputs: { packageType: sdk, version: 8.0.x }
  - script: dotnet restore Agency.Permits.sln --locked-mode
    displayName: Restore
  - script: dotnet build Agency.Permits.sln -c $(buildConfiguration) --no-restore
    displayName: Build
  - task: DotNetCoreCLI@2
    displayName: Unit tests
    inputs:
      command: test
      projects: 'tests/**/*.Tests.csproj'
      arguments: '-c $(buildConfiguration) --no-build --filter "Category!=Integration" --settings tests/ci.runsettings'
'''),
    ('tests/ci.runsettings', r'''
<RunSettings>
  <RunConfiguration>
    <ResultsDirectory>./TestResults</ResultsDirectory>
    <TestSessionTimeout>900000</TestSessionTimeout>
  </RunConfiguration>
  <DataCollectionRunSettings>
    <DataCollectors>
      <DataCollector friendlyName="XPlat code coverage">
        <Configuration><Format>cobertura</Format></Configuration>
      </DataCollector>
    </DataCollectors>
  </DataCollectionRunSettings>
</RunSettings>
'''),
    ('tests/Agency.Permits.Data.Tests/DatabaseFixture.cs', r'''
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } =
        Environment.GetEnvironmentVariable("PERMITS_TEST_SQL")
        ?? "Server=sql-dev-01.agency.local;Database=Permits_Dev;Integrated Security=true;TrustServerCertificate=true";

    public async Task InitializeAsync()
    {
        await using var db = new PermitsDbContext(new DbContextOptionsBuilder<PermitsDbContext>()
            .UseSqlServer(ConnectionString).Options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
''')],
  fw='xunit', lang=None)

# 19
# why: one pipeline file checked for well-known secret-handling mistakes; no auth/crypto logic to reason about, medium
t('medium', 'security-scan',
  "Before I hand this release pipeline to the CAB (CHG0032004) can you review it for anything that "
  "would leak credentials or let an untrusted change reach production? It's our standard template with "
  "a couple of tweaks from the contractor team.",
  files=[('azure-pipelines/licensing-release.yml', r'''
trigger:
  branches: { include: [ main ] }
pr:
  branches: { include: [ '*' ] }

variables:
  - group: licensing-prod-secrets      # contains SqlAdminPassword, GraphClientSecret
  - name: system.debug
    value: true

stages:
  - stage: Build
    jobs:
      - job: build
        pool: { vmImage: windows-2022 }
        steps:
          - checkout: self
            persistCredentials: true
          - script: |
              echo Using connection "Server=sql-lic-prod;User Id=lic_admin;Password=$(SqlAdminPassword)"
              dotnet publish src/Agency.Licensing.Api -c Release -o $(Build.ArtifactStagingDirectory)/api
            displayName: Publish
          - powershell: |
              Invoke-WebRequest https://raw.githubusercontent.com/contractor-tools/scripts/main/stamp-version.ps1 -OutFile stamp.ps1
              ./stamp.ps1 -Path $(Build.ArtifactStagingDirectory)
            displayName: Stamp version
          - publish: $(Build.ArtifactStagingDirectory)
            artifact: drop

  - stage: Prod
    dependsOn: Build
    condition: succeeded()
    jobs:
      - deployment: prod
        environment: licensing-prod
        pool: { vmImage: windows-2022 }
        strategy:
          runOnce:
            deploy:
              steps:
                - task: AzureWebApp@1
                  inputs:
                    azureSubscription: 'sc-licensing-prod-owner'
                    appName: 'app-licensing-prod'
                    package: '$(Pipeline.Workspace)/drop/api'
                    appSettings: '-ConnectionStrings__Licensing "Server=sql-lic-prod;User Id=lic_admin;Password=$(SqlAdminPassword)" -Graph__ClientSecret $(GraphClientSecret)'
''')],
  lang=None)

# 20
# why: long file, but converting NUnit attributes/asserts to xUnit one-for-one is mechanical: simple
t('simple', 'test-generation',
  "We're standardising on xUnit across the agency (Architecture Decision Record 014). Please convert "
  "this NUnit fixture to xUnit one-for-one. Keep the test names, turn TestCase into InlineData, and "
  "don't change what is being asserted.",
  files=[('tests/Agency.Common.Tests/Validation/EinValidatorTests.cs',
    "using NUnit.Framework;\nusing Agency.Common.Validation;\n\nnamespace Agency.Common.Tests.Validation;\n\n"
    "[TestFixture]\npublic class EinValidatorTests\n{\n    private EinValidator _sut = null!;\n\n"
    "    [SetUp]\n    public void SetUp() => _sut = new EinValidator();\n\n" +
    lines(14, lambda i: (
      f"    [TestCase(\"{['12-3456789', '98-7654321', '04-1234567', '27-0000001', '45-1111111', '86-2345678', '39-9999999'][i % 7]}\", "
      f"{'true' if i < 7 else 'false'})]"
      if i < 7 else
      f"    [TestCase(\"{['123456789', '00-1234567', '07-1234567', '12-34567', 'AB-1234567', '12 3456789', ''][i - 7]}\", false)]")) +
    "\n    public void IsValid_returns_expected(string ein, bool expected)\n    {\n"
    "        Assert.That(_sut.IsValid(ein), Is.EqualTo(expected));\n    }\n\n" +
    lines(8, lambda i: (
      f"    [Test]\n    public void {['Normalise_strips_whitespace', 'Normalise_inserts_hyphen', 'Normalise_keeps_valid_format', 'Normalise_returns_null_for_null', 'Prefix_lookup_returns_campus', 'Prefix_lookup_unknown_returns_null', 'Mask_hides_all_but_last_four', 'Mask_of_invalid_throws'][i]}()\n    {{\n"
      + ["        Assert.That(_sut.Normalise(\" 12-3456789 \"), Is.EqualTo(\"12-3456789\"));\n",
         "        Assert.That(_sut.Normalise(\"123456789\"), Is.EqualTo(\"12-3456789\"));\n",
         "        Assert.That(_sut.Normalise(\"98-7654321\"), Is.EqualTo(\"98-7654321\"));\n",
         "        Assert.That(_sut.Normalise(null), Is.Null);\n",
         "        Assert.That(_sut.CampusFor(\"27-0000001\"), Is.EqualTo(\"Internet\"));\n",
         "        Assert.That(_sut.CampusFor(\"07-1234567\"), Is.Null);\n",
         "        Assert.That(_sut.Mask(\"12-3456789\"), Is.EqualTo(\"**-***6789\"));\n",
         "        Assert.Throws<ArgumentException>(() => _sut.Mask(\"nope\"));\n"][i]
      + "    }\n")) + "}\n")],
  fw='xunit', lang=None)

# 21
# why: flaky, but the cause is visible in 15 lines (unseeded random input crossing a rule in the same file): simple
t('simple', 'flaky-test-analysis',
  "EligibilityRulesTests.Adult_applicant_is_eligible goes red maybe one run in six on the nightly "
  "build. Test and the rule are below. Why, and how should the test be written?",
  files=[('src/Agency.Benefits/EligibilityRules.cs', r'''
public static class EligibilityRules
{
    public static bool IsEligible(int ageYears, decimal monthlyIncome, int householdSize)
    {
        if (ageYears < 18) return false;
        var limit = 1_580m + 557m * (householdSize - 1);
        return monthlyIncome <= limit;
    }
}
'''),
    ('tests/Agency.Benefits.Tests/EligibilityRulesTests.cs', r'''
public class EligibilityRulesTests
{
    [Fact]
    public void Adult_applicant_is_eligible()
    {
        var age = new Random().Next(16, 90);
        Assert.True(EligibilityRules.IsEligible(age, monthlyIncome: 1_200m, householdSize: 1));
    }
}
''')],
  fw='xunit', lang=None)

# 22
t('complex', 'coverage-analysis',
  "Our assessor for the Case Management ATO renewal wants evidence that the access-control code paths "
  "are tested, not just a headline percentage. Attached: merged Cobertura summary, the per-line "
  "report for the three authorization classes, the classes themselves, and the control matrix "
  "(AC-3, AC-5, AC-6). Tell me which control-relevant paths have no test evidence, which partially "
  "covered ones are the risky kind, and what tests would close each gap. This goes into the SAR response.",
  files=[('coverage/casemgmt-merged-summary.txt', r'''
Assemblies: 6   Line coverage: 71.4%   Branch coverage: 58.0%
Agency.CaseMgmt.Api                                     69.8%
  Agency.CaseMgmt.Api.Authorization.CaseAccessHandler    64.0%  (branch 41.7%)
  Agency.CaseMgmt.Api.Authorization.SealedCaseFilter     38.5%  (branch 25.0%)
  Agency.CaseMgmt.Api.Authorization.RoleClaimsTransformer 88.9% (branch 75.0%)
  Agency.CaseMgmt.Api.Controllers.CasesController        81.3%
  Agency.CaseMgmt.Api.Controllers.DocumentsController    72.0%
'''),
    ('coverage/authz-lines.txt', r'''
CaseAccessHandler.cs   hits per line (- = not executable)
 18: 42   19: 42   21: 42   22: 6    24: 36   25: 36   27: 0    28: 0    30: 36   31: 30
 33: 30   34: 0    35: 0    37: 30   38: 12   40: 18   41: 18   42: 0    44: 18   45: 18
SealedCaseFilter.cs
 14: 9    15: 9    17: 9    18: 0    19: 0    21: 9    22: 9    24: 0    25: 0    26: 0
 28: 9    29: 0
RoleClaimsTransformer.cs
 12: 55   13: 55   15: 55   16: 7    18: 48   19: 48   20: 0    22: 48
'''),
    ('src/Agency.CaseMgmt.Api/Authorization/CaseAccessHandler.cs', r'''
public sealed class CaseAccessHandler : AuthorizationHandler<CaseAccessRequirement, CaseSummary>
{
    private readonly ICaseAssignmentStore _assignments;
    private readonly ILogger<CaseAccessHandler> _log;

    public CaseAccessHandler(ICaseAssignmentStore assignments, ILogger<CaseAccessHandler> log)
        => (_assignments, _log) = (assignments, log);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext ctx,
        CaseAccessRequirement req, CaseSummary c)
    {
        var oid = ctx.User.FindFirstValue("oid");
        if (oid is null) return;                                            // 18-19
        if (ctx.User.IsInRole("CaseMgmt.Auditor") && req.Operation == CaseOperation.Read)
        { ctx.Succeed(req); return; }                                       // 21-22
        var assignment = await _assignments.GetAsync(c.Id, oid);            // 24
        if (assignment is null && !ctx.User.IsInRole("CaseMgmt.Supervisor"))
        {                                                                   // 25
            _log.LogWarning("Denied {Oid} on case {CaseId}: not assigned", oid, c.Id);   // 27
            return;                                                         // 28
        }
        if (c.IsSealed && !ctx.User.HasClaim("clearance", "sealed"))       // 30
        {
            ctx.Fail(); return;                                             // 34-35
        }
        if (req.Operation == CaseOperation.Delete && !ctx.User.IsInRole("CaseMgmt.Supervisor"))   // 37
        {   ctx.Fail(); return; }                                           // 38
        if (assignment?.Role == AssignmentRole.Observer && req.Operation != CaseOperation.Read)   // 40-41
        {   return; }                                                       // 42
        if (assignment?.CreatedBy == oid && req.Operation == CaseOperation.Approve) return;        // 44 (AC-5 SoD)
        ctx.Succeed(req);                                                   // 45
    }
}
'''),
    ('src/Agency.CaseMgmt.Api/Authorization/SealedCaseFilter.cs', r'''
public sealed class SealedCaseFilter : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext ctx, ResultExecutionDelegate next)
    {
        if (ctx.Result is ObjectResult { Value: IEnumerable<CaseSummary> cases } obj)      // 14-15
        {
            var user = ctx.HttpContext.User;                                                 // 17
            if (!user.HasClaim("clearance", "sealed"))
                obj.Value = cases.Where(c => !c.IsSealed).ToList();                          // 18-19
            if (user.IsInRole("CaseMgmt.Auditor"))                                           // 21
                ctx.HttpContext.Response.Headers["X-Redacted"] = "partial";                  // 22
        }
        else if (ctx.Result is ObjectResult { Value: CaseSummary single } && single.IsSealed
                 && !ctx.HttpContext.User.HasClaim("clearance", "sealed"))
        {
            ctx.Result = new NotFoundResult();                                               // 24-26
        }
        await next();                                                                        // 28
    }                                                                                        // 29
}
'''),
    ('src/Agency.CaseMgmt.Api/Authorization/RoleClaimsTransformer.cs', r'''
public sealed class RoleClaimsTransformer : IClaimsTransformation
{
    private readonly IGroupRoleMap _map;
    public RoleClaimsTransformer(IGroupRoleMap map) => _map = map;

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var id = (ClaimsIdentity)principal.Identity!;                     // 12
        var groups = principal.FindAll("groups").Select(g => g.Value);   // 13
        if (principal.HasClaim(c => c.Type == "_roles_mapped"))          // 15
            return Task.FromResult(principal);                             // 16
        foreach (var role in groups.SelectMany(_map.RolesFor).Distinct()) // 18
            id.AddClaim(new Claim(id.RoleClaimType, role));               // 19-20
        id.AddClaim(new Claim("_roles_mapped", "1"));                     // 22
        return Task.FromResult(principal);
    }
}
'''),
    ('docs/control-matrix.csv', r'''
control,requirement,implemented_in
AC-3,Access to a case limited to assigned staff and supervisors,CaseAccessHandler
AC-3(7),Sealed cases visible only with sealed clearance (list and single),SealedCaseFilter;CaseAccessHandler
AC-5,Creator of a case action may not approve it,CaseAccessHandler line 44
AC-6,Observers are read-only; only supervisors delete,CaseAccessHandler
AC-6(9),Denied access attempts are logged,CaseAccessHandler line 27
AC-2,Role assignment derived from Entra ID groups only,RoleClaimsTransformer
'''),
    ('tests/Agency.CaseMgmt.Api.Tests/Authorization/CaseAccessHandlerTests.cs', r'''
public class CaseAccessHandlerTests
{
    [Fact] public async Task Assigned_caseworker_can_read() { /* ... */ }
    [Fact] public async Task Auditor_can_read_any_case() { /* ... */ }
    [Fact] public async Task Supervisor_can_delete() { /* ... */ }
    [Fact] public async Task Caseworker_cannot_delete() { /* ... */ }
    [Fact] public async Task Observer_can_read() { /* ... */ }
    [Fact] public async Task Missing_oid_is_not_authorized() { /* ... */ }
}
''')],
  lang=None)

# 23
t('complex', 'quality-gate',
  "Go/no-go input needed for the CAB on Tuesday: Licensing 2024.4 replaces our home-grown login with "
  "Login.gov OIDC and adds step-up MFA for licence transfers. The pen-test report, SAST results, test "
  "summary and the open POA&M items are attached. Our policy is in the requirements. I need a "
  "defensible recommendation, which findings block, which can be accepted as risk with a POA&M entry, "
  "and what conditions to attach if it's a conditional go.",
  files=[('release/2024.4/pentest-summary.md', r'''
# Independent penetration test - Licensing 2024.4 (UAT), 3-7 June
| ID     | Title                                                         | CVSS 3.1 | Status        |
|--------|---------------------------------------------------------------|----------|---------------|
| PT-01  | OIDC state parameter not bound to browser session             | 7.4      | Open          |
| PT-02  | Step-up MFA can be bypassed by replaying transfer confirm POST | 8.1      | Fix in review |
| PT-03  | Session cookie lacks SameSite on legacy /account routes       | 4.3      | Open          |
| PT-04  | Verbose errors disclose EF Core exception text on /api/transfer | 5.3     | Fixed (retest pending) |
| PT-05  | Logout does not call end_session_endpoint                      | 3.1      | Open          |
| PT-06  | TLS 1.2 ciphers include CBC suites on App Gateway              | 3.7      | Accepted (enterprise) |
'''),
    ('release/2024.4/sast-summary.txt', r'''
SonarQube 10.4 - project agency-licensing - new code period: since 2024.3
Vulnerabilities: 0 blocker, 1 critical (S5332 clear-text protocol in LoginGovOptions.cs:22 - http:// metadata URL for local profile), 2 major
Security hotspots: 14 total, 11 reviewed (78.6%)
Unreviewed: S4790 weak hash (LegacyPasswordMigrator.cs), S5122 CORS (Program.cs), S2068 hard-coded credential (appsettings.Development.json)
'''),
    ('release/2024.4/test-summary.txt', r'''
Unit: 1,412 passed / 0 failed   Integration: 188 passed / 2 failed (TransferStepUpTests.Replay_is_rejected, TransferStepUpTests.Expired_step_up_is_rejected)
SpecFlow acceptance: 74 passed / 0 failed / 6 skipped (@wip step-up scenarios)
Line coverage new code: 83.0%   Auth module (Agency.Licensing.Identity): 61.2%
'''),
    ('release/2024.4/poam-open.csv', r'''
poam_id,weakness,severity,scheduled_completion,status
POAM-2024-017,CBC cipher suites on shared App Gateway,Low,2024-09-30,Ongoing
POAM-2024-021,Legacy password hashes (SHA-1) pending migration,Moderate,2024-07-31,Ongoing
POAM-2023-044,Audit log retention 60d vs 90d required,Moderate,2024-05-31,Delayed
'''),
    ('release/2024.4/change-request.md', r'''
CHG0032511 Licensing 2024.4 - Login.gov cut-over
Rollback: feature flag Identity:UseLoginGov=false restores legacy login (legacy tables retained 30 days)
Deployment window: Sat 22 June 06:00-10:00 ET. Expected users on Monday: ~3,800 licensees, ~140 staff.
''')],
  reqs=["Policy: no open High/Critical pen-test findings in authentication or authorisation flows at release",
        "Policy: Moderate findings need a POA&M entry with a date within 90 days",
        "Policy: 100% security hotspots reviewed; no failing tests tagged security",
        "Overdue POA&M items must be noted to the AO"],
  lang=None)

# 24
t('simple', 'performance-testing',
  "JMeter aggregate report from last night's soak run on the Permits API is attached (CSV). Please give "
  "me a short table of the endpoints whose 95th percentile is over 2,000 ms or whose error rate is "
  "above 1%, sorted worst first. This is for the weekly status report, no analysis needed.",
  files=[('perf/permits-soak-aggregate.csv',
    "Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput,Received KB/sec,Sent KB/sec\n" +
    lines(32, lambda i: (
      f"{['GET', 'GET', 'POST', 'PUT', 'GET', 'POST', 'GET', 'DELETE'][i % 8]} /api/"
      f"{['permits', 'permits/{id}', 'permits', 'permits/{id}', 'inspections', 'inspections', 'fees/quote', 'attachments/{id}', 'permits/{id}/history', 'reports/daily', 'lookups/zones', 'lookups/permit-types', 'applicants/search', 'payments', 'payments/{id}', 'notifications'][i % 16]}"
      f"{'' if i < 16 else '?page=2'},"
      f"{1800 + (i * 977) % 42000},{180 + (i * 53) % 900},{150 + (i * 47) % 700},"
      f"{400 + (i * 131) % 1600},{600 + (i * 173) % 2400},{1100 + (i * 311) % 5200},"
      f"{12 + i % 30},{3000 + (i * 1777) % 26000},{['0.00', '0.02', '0.00', '1.35', '0.00', '0.11', '0.00', '2.80', '0.00', '0.00', '0.47', '0.00'][i % 12]}%,"
      f"{round(2.5 + (i * 0.37) % 11, 2)}/sec,{round(8 + (i * 1.9) % 90, 2)},{round(0.4 + (i * 0.13) % 4, 2)}")) +
    "\nTOTAL,612442,402,311,1180,1890,3920,11,29114,0.31%,217.4/sec,1603.22,71.90\n")],
  fw='jmeter', lang=None)

# 25
t('simple', 'defect-analysis',
  "Production error from the Permits API this morning (INC0052207), a handful of occurrences. Stack "
  "trace and the method are below. What's the cause and the minimal safe fix?",
  files=[('logs/permits-api-nre.txt', r'''
2024-06-12 08:41:17.902 -04:00 [ERR] An unhandled exception has occurred while executing the request.
System.NullReferenceException: Object reference not set to an instance of an object.
   at Agency.Permits.Domain.Formatting.PermitAddressFormatter.ToMailingLabel(Permit permit) in PermitAddressFormatter.cs:line 14
   at Agency.Permits.Api.Controllers.PermitsController.GetMailingLabel(Guid id) in PermitsController.cs:line 88
   at lambda_method412(Closure, Object)
RequestPath: /api/permits/2b7e4f0c-9a61-4d55-8a4e-51c0f1e2d7a3/mailing-label  TraceId: 00-6f1d...-01
'''),
    ('src/Agency.Permits.Domain/Formatting/PermitAddressFormatter.cs', r'''
namespace Agency.Permits.Domain.Formatting;

public static class PermitAddressFormatter
{
    public static string ToMailingLabel(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var a = permit.SiteAddress;
        var lines = new List<string>
        {
            permit.Holder.DisplayName.ToUpperInvariant(),
            a.Line1.ToUpperInvariant(),
        };
        if (!string.IsNullOrWhiteSpace(a.Line2)) lines.Add(a.Line2.ToUpperInvariant());   // line 14
        lines.Add($"{a.City.ToUpperInvariant()} {a.State} {a.PostalCode}");
        return string.Join(Environment.NewLine, lines);
    }
}
// Address.Line2 is declared as string (not string?) but is nullable in the database (Permits.SiteLine2 NULL)
''')],
  lang=None)

# 26
# why: a test-execution ask, but judging the results means reasoning about concurrent allocation under ReadCommitted without a concurrency token: complex
t('complex', 'test-execution',
  "Please run the CaseNumberAllocator stress tests against a real SQL Server 2022 container (not "
  "LocalDB) with 4, 16 and 64 parallel workers, ten rounds each, and tell me whether any docket "
  "number is ever handed out twice or skipped. If you see a problem I need to know whether it is the "
  "code or the test. Clerks reported two cases with the same docket last month (PBI 51388).",
  files=[('src/Agency.CaseMgmt.Data/CaseNumberAllocator.cs', r'''
public sealed class CaseNumberAllocator : ICaseNumberAllocator
{
    private readonly IDbContextFactory<CaseMgmtDbContext> _factory;
    public CaseNumberAllocator(IDbContextFactory<CaseMgmtDbContext> factory) => _factory = factory;

    public async Task<string> NextAsync(string courtCode, int year, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

        var counter = await db.DocketCounters
            .SingleOrDefaultAsync(c => c.CourtCode == courtCode && c.Year == year, ct);
        if (counter is null)
        {
            counter = new DocketCounter { CourtCode = courtCode, Year = year, LastValue = 0 };
            db.DocketCounters.Add(counter);
        }
        counter.LastValue++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlException { Number: 2627 or 2601 })
        {
            // another request created the counter row first; retry once
            await tx.RollbackAsync(ct);
            return await NextAsync(courtCode, year, ct);
        }
        await tx.CommitAsync(ct);
        return $"{courtCode}-{year % 100:00}-{counter.LastValue:000000}";
    }
}
'''),
    ('src/Agency.CaseMgmt.Data/Configurations/DocketCounterConfiguration.cs', r'''
public void Configure(EntityTypeBuilder<DocketCounter> b)
{
    b.ToTable("DocketCounters");
    b.HasKey(c => new { c.CourtCode, c.Year });
    b.Property(c => c.LastValue);
    // RowVersion removed in WI-48870 because it "caused too many retries"
}
'''),
    ('tests/Agency.CaseMgmt.Stress/AllocatorStressTests.cs', r'''
[Trait("Category", "Stress")]
public class AllocatorStressTests : IClassFixture<SqlContainerFixture>
{
    private readonly SqlContainerFixture _fx;
    public AllocatorStressTests(SqlContainerFixture fx) => _fx = fx;

    [Theory]
    [InlineData(4)] [InlineData(16)] [InlineData(64)]
    public async Task Numbers_are_unique_and_gapless(int workers)
    {
        var allocator = new CaseNumberAllocator(_fx.ContextFactory);
        var year = 2000 + workers;   // fresh counter per theory case
        var results = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, workers * 25),
            new ParallelOptions { MaxDegreeOfParallelism = workers },
            async (_, ct) => results.Add(await allocator.NextAsync("APL", year, ct)));

        Assert.Equal(results.Count, results.Distinct().Count());
        var seq = results.Select(r => int.Parse(r[^6..])).OrderBy(x => x).ToList();
        Assert.Equal(Enumerable.Range(1, seq.Count), seq);
    }
}
''')],
  reqs=["Report per worker count: allocations attempted, distinct numbers, duplicates, gaps, exceptions",
        "Separate defects in the allocator from defects in the test harness"],
  fw='xunit', lang=None)

# 27
# why: short Program.cs excerpt, but multi-issuer token validation with a custom key resolver is authentication: complex
t('complex', 'security-scan',
  "During the Entra ID migration we have to accept tokens from both the new tenant and the old ADFS "
  "farm until October (CHG0031990). This is the bit of Program.cs that does it. Is it safe?",
  files=[('src/Agency.Grants.Api/Program.Auth.cs', r'''
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        var entraAuthority = builder.Configuration["Auth:Entra:Authority"];   // https://login.microsoftonline.us/{tenant}/v2.0
        var adfsMetadata   = builder.Configuration["Auth:Adfs:Metadata"];     // https://adfs.agency.local/adfs/.well-known/openid-configuration
        var adfsConfig = new ConfigurationManager<OpenIdConnectConfiguration>(
            adfsMetadata, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false });

        options.Authority = entraAuthority;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = new[]
            {
                builder.Configuration["Auth:Entra:Issuer"],
                "http://adfs.agency.local/adfs/services/trust"
            },
            ValidateAudience = true,
            ValidAudiences = new[] { "api://grants-api", "microsoft:identityserver:grants" },
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(30),
            IssuerSigningKeyResolver = (token, securityToken, kid, parameters) =>
            {
                var keys = new List<SecurityKey>();
                var adfs = adfsConfig.GetConfigurationAsync(CancellationToken.None).GetAwaiter().GetResult();
                keys.AddRange(adfs.SigningKeys);
                if (options.ConfigurationManager is not null)
                {
                    var entra = options.ConfigurationManager.GetConfigurationAsync(CancellationToken.None).GetAwaiter().GetResult();
                    keys.AddRange(entra.SigningKeys);
                }
                return keys;
            },
            RoleClaimType = "roles",
            NameClaimType = "upn"
        };
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = ctx =>
            {
                if (ctx.Exception is SecurityTokenExpiredException && ctx.Request.Headers.ContainsKey("X-Legacy-Client"))
                {
                    ctx.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                        new JwtSecurityTokenHandler().ReadJwtToken(ctx.Request.Headers.Authorization.ToString()[7..]).Claims, "legacy"));
                    ctx.Success();
                }
                return Task.CompletedTask;
            }
        };
    });
''')],
  lang=None)

# 28
# why: ~30 lines, but the statutory deadline rules (holiday observance, after-hours receipt, tolling) need judgement to test: medium
t('medium', 'test-generation',
  "Records office asked for tests on the FOIA response-due-date calculation before the annual "
  "compliance report (WI 50844). The function is short but the rules in the requirements come from "
  "our FOIA regulations, so please check the code against them, not just against itself.",
  files=[('src/Agency.Records/Foia/ResponseDeadline.cs', r'''
namespace Agency.Records.Foia;

public static class ResponseDeadline
{
    private static readonly TimeOnly CloseOfBusiness = new(17, 0);

    public static DateOnly Compute(DateTime receivedLocal, IReadOnlySet<DateOnly> federalHolidays,
        int businessDays = 20, int tolledBusinessDays = 0)
    {
        var day = DateOnly.FromDateTime(receivedLocal);
        if (TimeOnly.FromDateTime(receivedLocal) > CloseOfBusiness || !IsBusinessDay(day, federalHolidays))
            day = NextBusinessDay(day, federalHolidays);

        var remaining = businessDays + tolledBusinessDays;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day, federalHolidays)) remaining--;
        }
        return day;
    }

    private static bool IsBusinessDay(DateOnly d, IReadOnlySet<DateOnly> holidays) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d);

    private static DateOnly NextBusinessDay(DateOnly d, IReadOnlySet<DateOnly> holidays)
    {
        do { d = d.AddDays(1); } while (!IsBusinessDay(d, holidays));
        return d;
    }
}
''')],
  reqs=["A request is 'received' on the first business day it arrives in the FOIA office; after 5:00 pm local counts as the next business day",
        "The 20 business days start the day after receipt",
        "Federal holidays falling on a weekend are observed on the Friday before / Monday after; the caller passes actual dates, not observed ones",
        "Tolling (waiting on the requester) pauses the clock; it can happen at most once for clarification",
        "Tests must run the same on a build agent in any time zone"],
  fw='xunit', lang=None)

# 29
t('simple', 'coverage-analysis',
  "Two ReportGenerator summaries, sprint 41 and sprint 42, for the Licensing solution. Which "
  "assemblies went down in line coverage and by how many points? A simple list is fine.",
  files=[('coverage/licensing-sprint41.txt', r'''
Agency.Licensing.Domain        86.4%
Agency.Licensing.Data          72.1%
Agency.Licensing.Api           77.9%
Agency.Licensing.Identity      64.0%
Agency.Licensing.Notifications 58.3%
Agency.Licensing.Reporting     41.7%
Agency.Licensing.Worker        69.5%
'''),
    ('coverage/licensing-sprint42.txt', r'''
Agency.Licensing.Domain        87.0%
Agency.Licensing.Data          70.6%
Agency.Licensing.Api           78.2%
Agency.Licensing.Identity      61.2%
Agency.Licensing.Notifications 58.3%
Agency.Licensing.Reporting     44.0%
Agency.Licensing.Worker        66.8%
''')],
  lang=None)

# 30
# why: "sometimes the status is wrong" hides out-of-order delivery plus competing consumers across two services: complex
t('complex', 'flaky-test-analysis',
  "Three of our SpecFlow end-to-end scenarios for inspections fail now and then in the TEST environment, "
  "always with the permit showing the wrong status at the end. Rerunning usually makes them pass. They "
  "started after we scaled the inspections worker to 3 replicas (CHG0031402). Logs from a bad run, the "
  "scenario, the worker handler and the API endpoint are attached. I'd like the real reason and a fix "
  "for the system, and separately whatever the tests should be doing differently.",
  files=[('tests/Agency.Permits.E2E/Features/InspectionOutcome.feature', r'''
@e2e
Scenario: Failed inspection followed by passed reinspection leaves permit approved
  Given a permit "BP-24-01877" awaiting inspection
  When the inspector records a "Failed" inspection with notes "Missing handrail"
  And the inspector records a "Passed" reinspection
  Then within 30 seconds the permit status should be "Approved"
'''),
    ('src/Agency.Permits.Api/Endpoints/InspectionEndpoints.cs', r'''
app.MapPost("/api/permits/{id}/inspections", async (string id, InspectionResultDto dto,
    ISendEndpointProvider send, PermitsDbContext db, CancellationToken ct) =>
{
    var inspection = new Inspection(Guid.NewGuid(), id, dto.Outcome, dto.Notes, DateTimeOffset.UtcNow);
    db.Inspections.Add(inspection);
    await db.SaveChangesAsync(ct);
    var endpoint = await send.GetSendEndpoint(new Uri("queue:inspection-recorded"));
    await endpoint.Send(new InspectionRecorded(inspection.Id, id, dto.Outcome, inspection.RecordedAt), ct);
    return Results.Accepted($"/api/permits/{id}");
});
'''),
    ('src/Agency.Permits.Worker/InspectionRecordedConsumer.cs', r'''
public sealed class InspectionRecordedConsumer : IConsumer<InspectionRecorded>
{
    private readonly PermitsDbContext _db;
    public InspectionRecordedConsumer(PermitsDbContext db) => _db = db;

    public async Task Consume(ConsumeContext<InspectionRecorded> ctx)
    {
        var m = ctx.Message;
        var permit = await _db.Permits.SingleAsync(p => p.Number == m.PermitNumber);
        await Task.Delay(Random.Shared.Next(50, 400));          // simulate document generation latency (TEST only)
        permit.Status = m.Outcome switch
        {
            InspectionOutcome.Passed => PermitStatus.Approved,
            InspectionOutcome.Failed => PermitStatus.CorrectionsRequired,
            _ => permit.Status
        };
        permit.LastInspectionAt = m.RecordedAt;
        await _db.SaveChangesAsync();
    }
}
'''),
    ('logs/test-env-run-5531.log', r'''
10:14:02.118 [api]      POST /api/permits/BP-24-01877/inspections outcome=Failed -> 202 (msg 91a2)
10:14:02.540 [api]      POST /api/permits/BP-24-01877/inspections outcome=Passed -> 202 (msg 91b7)
10:14:02.561 [worker-1] Consuming InspectionRecorded 91a2 BP-24-01877 Failed
10:14:02.566 [worker-3] Consuming InspectionRecorded 91b7 BP-24-01877 Passed
10:14:02.801 [worker-3] Permit BP-24-01877 -> Approved (saved)
10:14:02.912 [worker-1] Permit BP-24-01877 -> CorrectionsRequired (saved)
10:14:32.600 [specflow] Then within 30 seconds the permit status should be "Approved" ... FAILED (was CorrectionsRequired)
'''),
    ('src/Agency.Permits.Data/Configurations/PermitConfiguration.cs', r'''
public void Configure(EntityTypeBuilder<Permit> b)
{
    b.HasKey(p => p.Id);
    b.HasIndex(p => p.Number).IsUnique();
    b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
    // no concurrency token
}
''')],
  fw='specflow', lang=None)

# 31
# why: long export, but the ask is a mechanical filter of BLOCKER/CRITICAL rows: simple
t('simple', 'quality-gate',
  "SonarQube issues export for agency-benefits-api from the release branch is attached. For the CAB "
  "checklist I only need the BLOCKER and CRITICAL issues listed with rule, file and line, and a count "
  "of each. Please don't triage the rest.",
  files=[('reports/sonar-issues-benefits-api.csv',
    "key,severity,type,rule,component,line,message,status\n" +
    lines(60, lambda i: (
      f"AY{(i * 7919) % 99991:05d}x{i:02d},"
      f"{['MAJOR', 'MINOR', 'INFO', 'MAJOR', 'MINOR', 'CRITICAL', 'MAJOR', 'MINOR', 'MINOR', 'INFO', 'MAJOR', 'MINOR', 'BLOCKER', 'MINOR', 'MAJOR'][i % 15] if i not in (7, 41) else 'CRITICAL'},"
      f"{['CODE_SMELL', 'CODE_SMELL', 'CODE_SMELL', 'BUG', 'CODE_SMELL', 'BUG', 'CODE_SMELL', 'CODE_SMELL', 'CODE_SMELL', 'CODE_SMELL', 'CODE_SMELL', 'CODE_SMELL', 'BUG', 'CODE_SMELL', 'CODE_SMELL'][i % 15] if i not in (7, 41) else 'VULNERABILITY'},"
      f"{['csharpsquid:S1172', 'csharpsquid:S1481', 'csharpsquid:S1135', 'csharpsquid:S2259', 'csharpsquid:S3267', 'csharpsquid:S2583', 'csharpsquid:S3776', 'csharpsquid:S1125', 'csharpsquid:S4487', 'csharpsquid:S1135', 'csharpsquid:S107', 'csharpsquid:S1450', 'csharpsquid:S2930', 'csharpsquid:S6608', 'csharpsquid:S1066'][i % 15] if i not in (7, 41) else 'csharpsquid:S3649'},"
      f"agency-benefits-api:src/Agency.Benefits.Api/{['Controllers/EnrollmentController.cs', 'Services/PlanCatalogService.cs', 'Services/EligibilityClient.cs', 'Data/EnrollmentRepository.cs', 'Workers/DocIntakeWorker.cs', 'Mapping/EnrollmentProfile.cs'][i % 6]},"
      f"{20 + (i * 37) % 400},"
      f"\"{['Remove this unused method parameter.', 'Remove the unused local variable.', 'Complete the task associated to this TODO comment.', 'Possible null reference.', 'Loops should be simplified using Where.', 'Change this condition so that it does not always evaluate to true.', 'Refactor this method to reduce its Cognitive Complexity from 31 to the 15 allowed.', 'Remove the unnecessary Boolean literal.', 'Remove this unread private field.', 'Complete the task associated to this TODO comment.', 'Method has 9 parameters, which is greater than the 7 authorized.', 'Make this field a local variable.', 'Dispose this HttpResponseMessage when it is no longer needed.', 'Indexing at Count-1 should be used instead of LINQ Last.', 'Merge this if statement with the enclosing one.'][i % 15] if i not in (7, 41) else 'Make sure using a dynamically formatted SQL query is safe here.'}\","
      f"{'OPEN' if i % 9 else 'CONFIRMED'}")))],
  lang=None)

# 32
# why: writing a benchmark for two small methods still needs judgement (representative inputs, allocations, regex caching, dead-code elimination): medium
t('medium', 'performance-testing',
  "The name-matching step in the nightly deduplication job normalises about 30 million applicant names. "
  "A colleague rewrote NameNormalizer with spans and claims it's 5x faster. Before I approve the PR "
  "(PR 3318) I want a proper BenchmarkDotNet comparison of the old and new versions that I can trust. "
  "Please write it and tell me what to look at in the results.",
  files=[('src/Agency.Dedup/NameNormalizer.cs', r'''
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Agency.Dedup;

public static class NameNormalizer
{
    public static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(ch);
        var s = Regex.Replace(sb.ToString(), @"[^A-Za-z\s'-]", "");
        s = Regex.Replace(s, @"\s+", " ").Trim().ToUpperInvariant();
        s = Regex.Replace(s, @"\b(JR|SR|II|III|IV)\.?$", "").Trim();
        return s;
    }
}
'''),
    ('src/Agency.Dedup/NameNormalizerV2.cs', r'''
using System.Globalization;
using System.Text;

namespace Agency.Dedup;

public static class NameNormalizerV2
{
    private static readonly string[] Suffixes = { " JR", " SR", " II", " III", " IV" };

    public static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        Span<char> buf = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var n = 0;
        var lastSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch)) { if (!lastSpace) { buf[n++] = ' '; lastSpace = true; } continue; }
            if (char.IsAsciiLetter(ch) || ch is '\'' or '-') { buf[n++] = char.ToUpperInvariant(ch); lastSpace = false; }
        }
        var s = buf[..n].TrimEnd(' ');
        foreach (var suf in Suffixes)
            if (s.EndsWith(suf, StringComparison.Ordinal)) { s = s[..^suf.Length].TrimEnd(' '); break; }
        return new string(s);
    }
}
''')],
  reqs=["Inputs must resemble real applicant names: accents, hyphenated surnames, suffixes with and without a period, long names over 256 chars",
        "Report allocations as well as time",
        "Include a correctness check that both versions return the same output for the benchmark inputs"],
  fw='benchmarkdotnet', lang=None)

# 33
t('medium', 'defect-analysis',
  "GET /api/grants/{id} started returning 500 after we merged PBI 50190 (added amendments to the "
  "award). Only for awards that have at least one amendment. Log, controller and entities below. "
  "What's wrong and what is the right fix for an API that other agencies consume?",
  files=[('logs/grants-api-500.txt', r'''
2024-06-18 10:22:41.337 [ERR] HTTP GET /api/grants/5d1b9a3e-... responded 500 in 412.3 ms
System.Text.Json.JsonException: A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 64. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles. Path: $.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Amendments.Award.Id.
   at System.Text.Json.ThrowHelper.ThrowJsonException_SerializerCycleDetected(Int32 maxDepth)
   at System.Text.Json.Serialization.JsonConverter`1.TryWrite(Utf8JsonWriter writer, T& value, JsonSerializerOptions options, WriteStack& state)
   ...
   at Microsoft.AspNetCore.Mvc.Infrastructure.SystemTextJsonResultExecutor.ExecuteAsync(ActionContext context, JsonResult result)
'''),
    ('src/Agency.Grants.Api/Controllers/GrantsController.cs', r'''
[HttpGet("{id:guid}")]
public async Task<ActionResult<Grant>> Get(Guid id, CancellationToken ct)
{
    var grant = await _db.Grants
        .Include(g => g.Award).ThenInclude(a => a.Amendments)
        .Include(g => g.Recipient)
        .AsNoTracking()
        .SingleOrDefaultAsync(g => g.Id == id, ct);
    return grant is null ? NotFound() : Ok(grant);
}
'''),
    ('src/Agency.Grants.Domain/Entities.cs', r'''
public class Grant
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public Guid RecipientId { get; set; }
    public Recipient Recipient { get; set; } = null!;
    public Award? Award { get; set; }
    public string InternalReviewerNotes { get; set; } = "";
}

public class Award
{
    public Guid Id { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public List<AwardAmendment> Amendments { get; set; } = new();
}

public class AwardAmendment
{
    public Guid Id { get; set; }
    public int Sequence { get; set; }
    public decimal DeltaAmount { get; set; }
    public Guid AwardId { get; set; }
    public Award Award { get; set; } = null!;
}
''')],
  lang=None)

# 34
# why: a long console dump, but only summarising pass/fail counts and listing failures: simple
t('simple', 'test-execution',
  "Here's the console output from last night's scheduled test run on the Benefits solution (pipeline "
  "Benefits-Nightly #612). Could you summarise it for the stand-up: totals per test project, the "
  "failed tests with their first error line, and total duration.",
  files=[('logs/benefits-nightly-612-test.txt',
    lines(7, lambda p: (
      f"Test run for D:\\a\\1\\s\\tests\\Agency.Benefits.{['Domain', 'Eligibility', 'Data', 'Api', 'Worker', 'Integrations', 'Acceptance'][p]}.Tests\\bin\\Release\\net8.0\\Agency.Benefits.{['Domain', 'Eligibility', 'Data', 'Api', 'Worker', 'Integrations', 'Acceptance'][p]}.Tests.dll (.NETCoreApp,Version=v8.0)\n"
      "Microsoft (R) Test Execution Command Line Tool Version 17.10.0 (x64)\n"
      "Starting test execution, please wait...\n"
      "A total of 1 test files matched the specified pattern.\n" +
      lines(12, lambda k: f"  Passed Agency.Benefits.{['Domain', 'Eligibility', 'Data', 'Api', 'Worker', 'Integrations', 'Acceptance'][p]}.Tests."
                          f"{['Household', 'Income', 'Plan', 'Enrollment', 'Document', 'Notice'][k % 6]}Tests."
                          f"{['Computes_total', 'Rejects_negative', 'Handles_empty', 'Rounds_to_cents', 'Maps_all_fields', 'Returns_not_found'][(k + p) % 6]}_{k} [{(k * 37 + p * 11) % 240 + 1} ms]") + "\n" +
      {2: "  Failed Agency.Benefits.Data.Tests.EnrollmentRepositoryTests.Saves_dependents_in_order [1 s]\n"
          "  Error Message:\n   Assert.Equal() Failure: Collections differ at index 0\n"
          "  Stack Trace:\n     at Agency.Benefits.Data.Tests.EnrollmentRepositoryTests.Saves_dependents_in_order() in EnrollmentRepositoryTests.cs:line 74\n",
       5: "  Failed Agency.Benefits.Integrations.Tests.CarrierSftpClientTests.Uploads_834_file [30 s]\n"
          "  Error Message:\n   System.TimeoutException : Connection to sftp-test.carrier.example timed out after 30000 ms\n"
          "  Failed Agency.Benefits.Integrations.Tests.CarrierSftpClientTests.Retries_on_auth_failure [30 s]\n"
          "  Error Message:\n   System.TimeoutException : Connection to sftp-test.carrier.example timed out after 30000 ms\n",
       6: "  Skipped Agency.Benefits.Acceptance.Tests.Features.OpenEnrollmentFeature.LateEnrollmentWithQualifyingEvent\n"}.get(p, "") +
      f"\n{'Failed!' if p in (2, 5) else 'Passed!'}  - Failed:     {[0, 0, 1, 0, 0, 2, 0][p]}, "
      f"Passed:   {[412, 233, 96, 171, 58, 41, 87][p]}, Skipped:     {[0, 0, 0, 2, 0, 0, 1][p]}, "
      f"Total:   {[412, 233, 97, 173, 58, 43, 88][p]}, Duration: {['6 s', '3 s', '41 s', '12 s', '2 s', '1 m 4 s', '3 m 18 s'][p]} - "
      f"Agency.Benefits.{['Domain', 'Eligibility', 'Data', 'Api', 'Worker', 'Integrations', 'Acceptance'][p]}.Tests.dll (net8.0)\n")) +
    "\n##[error]Process completed with exit code 1.\n")],
  fw='xunit', lang=None)

# 35
t('complex', 'test-generation',
  "The permit application workflow below is what the online portal and the back-office both drive. "
  "It has grown by accretion over four years and the CAB has asked for proof that no application can "
  "end up somewhere it shouldn't (RFC follow-up action 7). Please design and write the tests for the "
  "whole lifecycle, including sequences of actions, not only single transitions.",
  files=[('src/Agency.Permits.Domain/Workflow/PermitApplication.cs', r'''
namespace Agency.Permits.Domain.Workflow;

public enum AppState { Draft, Submitted, FeeDue, UnderReview, InfoRequested, OnHold, Approved, Issued, Denied, Withdrawn, Appealed, Expired }

public sealed class PermitApplication
{
    public AppState State { get; private set; } = AppState.Draft;
    public int InfoRequestCount { get; private set; }
    public DateOnly? InfoDueBy { get; private set; }
    public decimal FeeOutstanding { get; private set; }
    public bool HasBeenAppealed { get; private set; }
    private AppState? _stateBeforeHold;
    private readonly List<(AppState From, AppState To, string Actor)> _history = new();
    public IReadOnlyList<(AppState From, AppState To, string Actor)> History => _history;

    public void Submit(decimal fee, string actor)
    {
        Require(AppState.Draft);
        FeeOutstanding = fee;
        Move(fee > 0 ? AppState.FeeDue : AppState.Submitted, actor);
    }

    public void RecordPayment(decimal amount, string actor)
    {
        Require(AppState.FeeDue, AppState.InfoRequested);
        FeeOutstanding = Math.Max(0, FeeOutstanding - amount);
        if (FeeOutstanding == 0 && State == AppState.FeeDue) Move(AppState.Submitted, actor);
    }

    public void StartReview(string reviewer)
    {
        Require(AppState.Submitted);
        Move(AppState.UnderReview, reviewer);
    }

    public void RequestInfo(DateOnly dueBy, string reviewer)
    {
        Require(AppState.UnderReview);
        if (InfoRequestCount >= 2) throw new InvalidOperationException("At most two information requests");
        InfoRequestCount++;
        InfoDueBy = dueBy;
        Move(AppState.InfoRequested, reviewer);
    }

    public void ProvideInfo(DateOnly today, string actor)
    {
        Require(AppState.InfoRequested);
        if (today > InfoDueBy) { Move(AppState.Expired, "system"); return; }
        InfoDueBy = null;
        Move(FeeOutstanding > 0 ? AppState.FeeDue : AppState.UnderReview, actor);
    }

    public void PutOnHold(string supervisor)
    {
        Require(AppState.UnderReview, AppState.InfoRequested, AppState.FeeDue);
        _stateBeforeHold = State;
        Move(AppState.OnHold, supervisor);
    }

    public void ReleaseHold(string supervisor)
    {
        Require(AppState.OnHold);
        Move(_stateBeforeHold ?? AppState.UnderReview, supervisor);
        _stateBeforeHold = null;
    }

    public void Decide(bool approve, string reviewer)
    {
        Require(AppState.UnderReview, AppState.Appealed);
        if (_history.Any(h => h.To == AppState.UnderReview && h.Actor == reviewer) && State == AppState.Appealed)
            throw new InvalidOperationException("Appeal must be decided by a different reviewer");
        Move(approve ? AppState.Approved : AppState.Denied, reviewer);
    }

    public void Appeal(string actor)
    {
        Require(AppState.Denied);
        if (HasBeenAppealed) throw new InvalidOperationException("Already appealed");
        HasBeenAppealed = true;
        Move(AppState.Appealed, actor);
    }

    public void Issue(string clerk)
    {
        Require(AppState.Approved);
        if (FeeOutstanding > 0) throw new InvalidOperationException("Fee outstanding");
        Move(AppState.Issued, clerk);
    }

    public void Withdraw(string actor)
    {
        if (State is AppState.Issued or AppState.Denied or AppState.Withdrawn or AppState.Expired)
            throw new InvalidOperationException($"Cannot withdraw from {State}");
        Move(AppState.Withdrawn, actor);
    }

    public void ExpireIfOverdue(DateOnly today)
    {
        if (State == AppState.InfoRequested && InfoDueBy < today) Move(AppState.Expired, "system");
    }

    private void Require(params AppState[] allowed)
    {
        if (!allowed.Contains(State))
            throw new InvalidOperationException($"{State} does not allow this action");
    }

    private void Move(AppState to, string actor)
    {
        _history.Add((State, to, actor));
        State = to;
    }
}
''')],
  reqs=["xUnit; FsCheck.Xunit is approved for use if you want generated action sequences",
        "Terminal states (Issued, Denied without appeal, Withdrawn, Expired) must never be left",
        "An appeal is decided by a reviewer who did not review the original application",
        "Point out any transitions in the code that look wrong against these rules"],
  fw='xunit', lang=None)

# 36
# why: security-flavoured but it's reading one setting out of a 20-line config: simple
t('simple', 'security-scan',
  "Quick one for the STIG checklist: does this Kestrel config allow anything below TLS 1.2?",
  files=[('src/Agency.Records.Api/appsettings.Production.json', r'''
{
  "Logging": { "LogLevel": { "Default": "Warning" } },
  "AllowedHosts": "records.agency.gov",
  "Kestrel": {
    "EndpointDefaults": {
      "Protocols": "Http1AndHttp2",
      "SslProtocols": [ "Tls12", "Tls13" ]
    },
    "Endpoints": {
      "Https": {
        "Url": "https://*:8443",
        "SslProtocols": [ "Tls11", "Tls12" ],
        "Certificate": { "Subject": "records.agency.gov", "Store": "My", "Location": "LocalMachine" }
      }
    }
  }
}
''')],
  lang=None)

# 37
t('medium', 'coverage-analysis',
  "The mainframe extract parser for the vital records interface has 100% line coverage but only 58% "
  "branch coverage according to Coverlet. I have the parser and the branch report. Which branches are "
  "not taken, what input would take each of them, and which ones are real risks if the state's "
  "extract format drifts? (WI 50702)",
  files=[('src/Agency.Records.Interfaces/VitalRecordLineParser.cs', r'''
namespace Agency.Records.Interfaces;

public sealed class VitalRecordLineParser
{
    // Fixed-width record, 120 chars, from the state registrar's nightly extract (layout v3.2)
    public ParseResult Parse(string line, int lineNumber)
    {
        if (line is null) return ParseResult.Error(lineNumber, "null line");
        if (line.Length != 120 && !(line.Length == 118 && line.StartsWith("H")))
            return ParseResult.Error(lineNumber, $"bad length {line.Length}");

        var recordType = line[0];
        if (recordType == 'H' || recordType == 'T') return ParseResult.Control(lineNumber, recordType);
        if (recordType != 'D') return ParseResult.Error(lineNumber, $"unknown type {recordType}");

        var certNo = line.Substring(1, 12).Trim();
        var eventCode = line.Substring(13, 1);
        var lastName = line.Substring(14, 35).TrimEnd();
        var firstName = line.Substring(49, 25).TrimEnd();
        var dateRaw = line.Substring(74, 8);
        var countyFips = line.Substring(82, 3);
        var amendFlag = line[85];

        if (certNo.Length == 0 || !certNo.All(char.IsDigit))
            return ParseResult.Error(lineNumber, "certificate number");
        if (eventCode is not ("B" or "D" or "F"))
            return ParseResult.Error(lineNumber, $"event code {eventCode}");
        if (!DateOnly.TryParseExact(dateRaw, "yyyyMMdd", out var eventDate))
        {
            if (dateRaw == "00000000" && eventCode == "F") eventDate = DateOnly.MinValue;   // fetal death, date unknown
            else return ParseResult.Error(lineNumber, "event date");
        }
        if (!int.TryParse(countyFips, out var fips) || fips % 2 == 0 && fips != 0)
            return ParseResult.Error(lineNumber, "county FIPS");

        var amended = amendFlag switch { 'Y' => true, 'N' or ' ' => false, _ => (bool?)null };
        if (amended is null) return ParseResult.Error(lineNumber, "amend flag");

        return ParseResult.Detail(lineNumber, new VitalRecord(certNo, eventCode[0], lastName,
            string.IsNullOrEmpty(firstName) ? null : firstName, eventDate, fips, amended.Value));
    }
}
'''),
    ('coverage/VitalRecordLineParser.branches.txt', r'''
Coverlet 6.0.2 - branch detail for Agency.Records.Interfaces.VitalRecordLineParser::Parse
line  branch  hits   condition
  9     0       0    line is null -> true
  9     1     214    line is null -> false
 10     0      14    Length != 120 -> true
 10     1     200    Length != 120 -> false
 10     2       0    Length == 118 -> true
 10     3      14    Length == 118 -> false
 10     4       0    StartsWith("H") true
 10     5       0    StartsWith("H") false
 14     0       8    type H
 14     1     206    not H
 14     2       0    type T
 14     3     206    not T
 15     0       0    type != D -> true
 15     1     192    type != D -> false
 25     0       0    certNo empty
 25     1       4    non-digit certNo
 25     2     188    valid certNo
 27     0       3    event code invalid
 27     1     185    event code valid
 29     0       2    date invalid
 29     1     183    date valid
 31     0       0    dateRaw == 00000000
 31     1       2    dateRaw != 00000000
 31     2       0    eventCode == F
 31     3       0    eventCode != F
 34     0       0    FIPS not numeric
 34     1     183    FIPS numeric
 34     2       1    FIPS even and != 0
 34     3     182    FIPS odd or 0
 37     0      60    'Y'
 37     1     120    'N'
 37     2       0    ' '
 37     3       3    other
 41     0       0    firstName empty
 41     1     180    firstName present
Branch coverage: 58.3% (21 of 36)
''')],
  lang=None)

# 38
t('medium', 'flaky-test-analysis',
  "Our Playwright for .NET UI test for the licence search page fails maybe 1 run in 8 in the release "
  "pipeline with a timeout, always on the same line. We haven't changed the page in weeks. Trace "
  "summary and the test are attached. What's causing it and how should the test wait instead?",
  files=[('tests/Agency.Licensing.UiTests/LicenceSearchTests.cs', r'''
[Parallelizable(ParallelScope.Self)]
public class LicenceSearchTests : PageTest
{
    [Test]
    public async Task Search_by_licence_number_shows_single_result()
    {
        await Page.GotoAsync($"{Settings.BaseUrl}/licences/search");
        await Page.FillAsync("#LicenceNumber", "PL-100234");
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForTimeoutAsync(1500);
        var rows = await Page.QuerySelectorAllAsync("table#results tbody tr");
        Assert.That(rows.Count, Is.EqualTo(1));
        await Page.ClickAsync("table#results tbody tr:first-child a.details");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Licence PL-100234");
    }
}
'''),
    ('logs/ui-tests-release-4471.txt', r'''
  Failed Search_by_licence_number_shows_single_result [32 s]
  Error Message:
     Expected: 1
  But was:  0
  ...
Trace (playwright show-trace trace-4471.zip), condensed:
  0.00s  goto /licences/search                        200  612 ms
  0.64s  fill #LicenceNumber
  0.66s  click button[type=submit]
  0.70s  POST /licences/search (XHR, htmx)            pending
  2.16s  querySelectorAll table#results tbody tr      -> 0 elements
  2.52s  POST /licences/search                        200  1,820 ms
  2.53s  DOM swap #results (htmx:afterSwap)
  Environment: UAT app service plan S1 (shared with Records UAT), nightly re-index job running 02:00-02:40
  Test started 02:17:44
'''),
    ('logs/ui-tests-release-4470.txt', r'''
  Passed Search_by_licence_number_shows_single_result [4 s]
Trace condensed:
  0.66s  click button[type=submit]
  0.70s  POST /licences/search (XHR, htmx)            200  410 ms
  1.11s  DOM swap #results (htmx:afterSwap)
  2.16s  querySelectorAll table#results tbody tr      -> 1 element
  Test started 01:51:02
''')],
  fw='playwright', lang=None)

# 39
# why: several release criteria checked against one pipeline file: medium quality gate
t('medium', 'quality-gate',
  "Our release policy (attached) is supposed to be enforced by the Azure DevOps pipeline for the Records "
  "API, not by people remembering. Please check whether this pipeline actually enforces each criterion "
  "and tell me which ones can be bypassed or are missing. Audit asked for this under finding AUD-24-09.",
  files=[('docs/release-policy-records.md', r'''
1. Build and all unit tests must pass on the exact commit being deployed.
2. Line coverage >= 80% for the solution; the build fails if not.
3. SonarQube quality gate "Agency Way" must be green.
4. No High/Critical vulnerable NuGet packages (direct or transitive).
5. Production deployment requires approval by a member of "Records-CAB" who is not the person who queued the run.
6. Production may only be deployed from main or release/* branches.
'''),
    ('azure-pipelines/records-api.yml', r'''
trigger:
  branches: { include: [ main, release/*, feature/* ] }

stages:
- stage: Build
  jobs:
  - job: build
    pool: { vmImage: windows-2022 }
    steps:
    - script: dotnet build Agency.Records.sln -c Release
    - task: DotNetCoreCLI@2
      inputs:
        command: test
        projects: tests/**/*.Tests.csproj
        arguments: -c Release --collect:"XPlat Code Coverage"
      continueOnError: true
    - task: PublishCodeCoverageResults@2
      inputs: { summaryFileLocation: '$(Agent.TempDirectory)/**/coverage.cobertura.xml' }
    - task: SonarQubePublish@5
      inputs: { pollingTimeoutSec: '300' }
    - script: dotnet list package --vulnerable
      displayName: Vulnerability report
    - publish: src/Agency.Records.Api/bin/Release/net8.0/publish
      artifact: api

- stage: Prod
  dependsOn: Build
  condition: succeededOrFailed()
  jobs:
  - deployment: prod
    environment: records-prod   # approvals configured on the environment: group Records-CAB, "allow approvers to approve their own runs" = on
    strategy:
      runOnce:
        deploy:
          steps:
          - task: AzureWebApp@1
            inputs: { azureSubscription: sc-records-prod, appName: app-records-prod, package: $(Pipeline.Workspace)/api }
''')],
  lang=None)

# 40
t('complex', 'performance-testing',
  "Under last month's load rehearsal the caseworker API fell over at about 60% of target: response times "
  "went from 300 ms to 30 s within four minutes and then everything timed out with pool errors. CPU "
  "never went above 45% on the app or the database. I've attached the k6 summary, the App Insights "
  "export, the SQL wait stats and the code for the three hottest endpoints. I need the explanation and "
  "a prioritised set of changes, and how to prove each one in the next rehearsal before the CAB lets us go live.",
  files=[('perf/k6-summary-rehearsal-2.txt', r'''
     scenarios: (100.00%) 1 scenario, 600 max VUs, 25m30s max duration
     http_req_duration..............: avg=9.81s  min=88ms  med=4.2s  max=30s   p(90)=30s   p(95)=30s
     http_req_failed................: 38.41% 61802 out of 160904
     iterations.....................: 40226  26.8/s
     vus............................: 360 (target ramp to 600 at 15m)
     checks.........................: 59.12%
       x caseload 200  ... 71%   x case detail 200 ... 58%   x notes save 200 ... 49%
'''),
    ('perf/appinsights-exceptions.csv', r'''
timestamp,operation,exception,count
2024-05-28T14:06Z,GET /api/caseload,System.InvalidOperationException: Timeout expired. The timeout period elapsed prior to obtaining a connection from the pool. This may have occurred because all pooled connections were in use and max pool size was reached.,4120
2024-05-28T14:06Z,GET /api/cases/{id},same as above,3311
2024-05-28T14:07Z,POST /api/cases/{id}/notes,Microsoft.Data.SqlClient.SqlException: Execution Timeout Expired,1904
2024-05-28T14:07Z,GET /api/cases/{id},System.Threading.Tasks.TaskCanceledException,802
'''),
    ('perf/sql-waits-during-test.txt', r'''
wait_type              waiting_tasks  wait_time_ms   avg_ms
LCK_M_S                 18,402        9,881,220      537
LCK_M_U                  2,117        1,402,554      662
PAGEIOLATCH_SH             311           18,220       59
ASYNC_NETWORK_IO        44,870        3,120,998       70
SOS_SCHEDULER_YIELD      1,004            2,210        2
Sessions: 100 from app pool (Max Pool Size=100), 38 sleeping with open tran
Top blocker: session 71, last statement: UPDATE dbo.Cases SET LastViewedAt=@p0, LastViewedBy=@p1 WHERE Id=@p2
'''),
    ('src/Agency.CaseMgmt.Api/Endpoints/CaseloadEndpoint.cs', r'''
app.MapGet("/api/caseload", async (ClaimsPrincipal user, CaseMgmtDbContext db) =>
{
    var oid = user.FindFirstValue("oid")!;
    var cases = await db.Cases.Where(c => c.AssignedTo == oid && c.Status != CaseStatus.Closed).ToListAsync();
    var rows = new List<CaseloadRow>();
    foreach (var c in cases)
    {
        var parties = await db.Parties.Where(p => p.CaseId == c.Id).ToListAsync();
        var nextHearing = await db.Hearings.Where(h => h.CaseId == c.Id && h.At > DateTime.UtcNow)
            .OrderBy(h => h.At).FirstOrDefaultAsync();
        rows.Add(new CaseloadRow(c.Id, c.DocketNumber, parties.Count, nextHearing?.At));
    }
    return Results.Ok(rows);
});
'''),
    ('src/Agency.CaseMgmt.Api/Endpoints/CaseDetailEndpoint.cs', r'''
app.MapGet("/api/cases/{id:guid}", async (Guid id, ClaimsPrincipal user, CaseMgmtDbContext db, IAuditWriter audit) =>
{
    using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
    var c = await db.Cases.Include(x => x.Parties).Include(x => x.Documents).Include(x => x.Notes)
        .SingleOrDefaultAsync(x => x.Id == id);
    if (c is null) return Results.NotFound();
    c.LastViewedAt = DateTime.UtcNow;
    c.LastViewedBy = user.FindFirstValue("oid");
    await db.SaveChangesAsync();
    await audit.WriteAsync("case.view", id, user);      // HTTP call to audit service, p95 1.2s under load
    await tx.CommitAsync();
    return Results.Ok(CaseDetailDto.From(c));
});
'''),
    ('src/Agency.CaseMgmt.Api/Endpoints/CaseNotesEndpoint.cs', r'''
app.MapPost("/api/cases/{id:guid}/notes", async (Guid id, NoteDto dto, ClaimsPrincipal user, CaseMgmtDbContext db) =>
{
    var c = await db.Cases.SingleAsync(x => x.Id == id);
    c.Notes.Add(new CaseNote(dto.Text, user.FindFirstValue("oid")!, DateTime.UtcNow));
    c.UpdatedAt = DateTime.UtcNow;
    await db.SaveChangesAsync();
    return Results.Created($"/api/cases/{id}/notes", null);
});
'''),
    ('perf/load-profile.js', r'''
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  scenarios: {
    caseworkers: { executor: 'ramping-vus', startVUs: 0,
      stages: [ { duration: '15m', target: 600 }, { duration: '10m', target: 600 } ] },
  },
};

export default function () {
  const h = { headers: { Authorization: `Bearer ${__ENV.TOKEN}` } };
  const load = http.get(`${__ENV.BASE}/api/caseload`, h);
  check(load, { 'caseload 200': r => r.status === 200 });
  const ids = (load.json() || []).slice(0, 3).map(r => r.id);
  for (const id of ids) {
    check(http.get(`${__ENV.BASE}/api/cases/${id}`, h), { 'case detail 200': r => r.status === 200 });
  }
  if (ids.length) {
    check(http.post(`${__ENV.BASE}/api/cases/${ids[0]}/notes`, JSON.stringify({ text: 'load test note' }),
      { headers: { ...h.headers, 'Content-Type': 'application/json' } }), { 'notes save 200': r => r.status === 201 });
  }
  sleep(1);
}
''')],
  lang=None)

# 41
t('complex', 'defect-analysis',
  "Since the Grants 3.13 release we get a few 'chosen as the deadlock victim' errors a day, always "
  "between the drawdown API and the nightly obligation sync, sometimes between two drawdown requests. "
  "The DBA captured the deadlock graph from the system_health session. Code for both sides and the "
  "relevant indexes attached. Please find the cause and recommend the fix that the DBA and I can take "
  "to the CAB (INC0050731).",
  files=[('diagnostics/deadlock-2024-06-04.xml', r'''
<deadlock>
 <victim-list><victimProcess id="process1f2a" /></victim-list>
 <process-list>
  <process id="process1f2a" waitresource="KEY: 7:72057594045857792 (8194443284a0)" lockMode="U" isolationlevel="read committed (2)" clientapp="Agency.Grants.Api" spid="88">
   <inputbuf>(@p0 uniqueidentifier,@p1 decimal(18,2))UPDATE [BudgetPeriods] SET [Obligated] = [Obligated] + @p1 WHERE [AwardId] = @p0 AND [IsCurrent] = 1</inputbuf>
  </process>
  <process id="process2b7c" waitresource="KEY: 7:72057594045923328 (a1b2c3d4e5f6)" lockMode="X" isolationlevel="serializable (4)" clientapp="Agency.Grants.ObligationSync" spid="102">
   <inputbuf>UPDATE dbo.Drawdowns SET Status = 'Reconciled' WHERE AwardId = @AwardId AND Status = 'Posted'</inputbuf>
  </process>
 </process-list>
 <resource-list>
  <keylock hobtid="72057594045857792" objectname="Grants.dbo.BudgetPeriods" indexname="PK_BudgetPeriods" mode="X">
   <owner-list><owner id="process2b7c" mode="X" /></owner-list>
   <waiter-list><waiter id="process1f2a" mode="U" requestType="wait" /></waiter-list>
  </keylock>
  <keylock hobtid="72057594045923328" objectname="Grants.dbo.Drawdowns" indexname="IX_Drawdowns_AwardId_Status" mode="X">
   <owner-list><owner id="process1f2a" mode="X" /></owner-list>
   <waiter-list><waiter id="process2b7c" mode="X" requestType="wait" /></waiter-list>
  </keylock>
 </resource-list>
</deadlock>
'''),
    ('src/Agency.Grants.Api/Drawdowns/DrawdownService.cs', r'''
public async Task<DrawdownResult> RequestAsync(Guid awardId, decimal amount, string requestedBy, CancellationToken ct)
{
    await using var tx = await _db.Database.BeginTransactionAsync(ct);
    var drawdown = new Drawdown(Guid.NewGuid(), awardId, amount, requestedBy, DrawdownStatus.Posted, _clock.UtcNow);
    _db.Drawdowns.Add(drawdown);
    await _db.SaveChangesAsync(ct);                                   // INSERT Drawdowns

    var rows = await _db.Database.ExecuteSqlInterpolatedAsync(
        $"UPDATE [BudgetPeriods] SET [Obligated] = [Obligated] + {amount} WHERE [AwardId] = {awardId} AND [IsCurrent] = 1", ct);
    if (rows != 1) throw new InvalidOperationException("No current budget period");

    await tx.CommitAsync(ct);
    return DrawdownResult.Accepted(drawdown.Id);
}
'''),
    ('src/Agency.Grants.ObligationSync/SyncAwardProc.sql', r'''
CREATE OR ALTER PROCEDURE dbo.SyncAwardObligations @AwardId uniqueidentifier
AS
BEGIN
    SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
    BEGIN TRAN;
        UPDATE bp SET Obligated = x.Total
        FROM dbo.BudgetPeriods bp
        CROSS APPLY (SELECT SUM(Amount) AS Total FROM dbo.Drawdowns d
                     WHERE d.AwardId = bp.AwardId AND d.PostedAt BETWEEN bp.StartDate AND bp.EndDate) x
        WHERE bp.AwardId = @AwardId;

        UPDATE dbo.Drawdowns SET Status = 'Reconciled' WHERE AwardId = @AwardId AND Status = 'Posted';
    COMMIT;
END
'''),
    ('src/Agency.Grants.ObligationSync/Worker.cs', r'''
protected override async Task ExecuteAsync(CancellationToken stop)
{
    var awards = await _repo.GetActiveAwardIdsAsync(stop);
    await Parallel.ForEachAsync(awards, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stop },
        async (id, ct) =>
        {
            await using var conn = new SqlConnection(_cs);
            await conn.ExecuteAsync("dbo.SyncAwardObligations", new { AwardId = id },
                commandType: CommandType.StoredProcedure, commandTimeout: 120);
        });
}
'''),
    ('diagnostics/indexes.sql', r'''
CREATE UNIQUE CLUSTERED INDEX PK_BudgetPeriods ON dbo.BudgetPeriods (Id);
CREATE NONCLUSTERED INDEX IX_BudgetPeriods_AwardId ON dbo.BudgetPeriods (AwardId);            -- no IsCurrent
CREATE UNIQUE CLUSTERED INDEX PK_Drawdowns ON dbo.Drawdowns (Id);
CREATE NONCLUSTERED INDEX IX_Drawdowns_AwardId_Status ON dbo.Drawdowns (AwardId, Status);    -- no PostedAt, no Amount
-- RCSI is OFF on the Grants database (agency standard pending review)
''')],
  lang=None)

# 42
t('medium', 'test-execution',
  "Please run the SpecFlow acceptance suite against the TEST environment with the @smoke tag only, "
  "then @regression if smoke is green, and report failures grouped by feature. The runsettings and "
  "the hooks file are attached; note that scenarios tagged @needs-seeded-user need the seed step "
  "first and must not run against TEST on Fridays when the data refresh happens (CAB standing rule).",
  files=[('tests/Agency.Benefits.Acceptance/test.runsettings', r'''
<RunSettings>
  <RunConfiguration>
    <EnvironmentVariables>
      <BENEFITS_BASE_URL>https://benefits-test.agency.gov</BENEFITS_BASE_URL>
      <BENEFITS_SEED_API>https://benefits-test.agency.gov/internal/seed</BENEFITS_SEED_API>
    </EnvironmentVariables>
    <TestSessionTimeout>3600000</TestSessionTimeout>
  </RunConfiguration>
</RunSettings>
'''),
    ('tests/Agency.Benefits.Acceptance/Hooks/EnvironmentHooks.cs', r'''
[Binding]
public sealed class EnvironmentHooks
{
    private readonly ScenarioContext _ctx;
    private readonly ISeedClient _seed;
    public EnvironmentHooks(ScenarioContext ctx, ISeedClient seed) => (_ctx, _seed) = (ctx, seed);

    [BeforeScenario("needs-seeded-user", Order = 0)]
    public async Task SeedUser()
    {
        if (DateTime.Now.DayOfWeek == DayOfWeek.Friday)
            throw new PendingStepException("TEST data refresh day - seeded scenarios not allowed");
        var user = await _seed.CreateApplicantAsync(prefix: "acc-");
        _ctx.Set(user, "seededUser");
    }

    [AfterScenario("needs-seeded-user")]
    public Task Cleanup() => _ctx.TryGetValue("seededUser", out SeededUser u) ? _seed.DeleteAsync(u.Id) : Task.CompletedTask;
}
'''),
    ('tests/Agency.Benefits.Acceptance/Features/_tags.txt', r'''
OpenEnrollment.feature        @smoke @regression          12 scenarios (3 @needs-seeded-user)
PlanComparison.feature        @regression                  9 scenarios
DocumentUpload.feature        @smoke @regression           7 scenarios (7 @needs-seeded-user)
LifeEvents.feature            @regression                 14 scenarios (5 @needs-seeded-user)
Accessibility.feature         @regression @a11y            6 scenarios
''')],
  fw='specflow', lang=None)

# 43
t('simple', 'performance-testing',
  "Two BenchmarkDotNet runs of the fee calculator, before and after PR 3290. Which methods got faster or "
  "slower, by what percentage, and did allocations change? Just the numbers.",
  files=[('perf/feecalc-before.md', r'''
| Method              | Mean       | Error    | StdDev   | Gen0   | Allocated |
|-------------------- |-----------:|---------:|---------:|-------:|----------:|
| QuoteSimplePermit   |   412.3 ns |  3.11 ns |  2.91 ns | 0.0491 |     616 B |
| QuoteCommercial     | 1,884.0 ns | 14.20 ns | 13.28 ns | 0.2136 |    2688 B |
| QuoteWithSurcharges | 3,290.6 ns | 22.84 ns | 21.37 ns | 0.3662 |    4608 B |
| RenewalQuote        |   655.9 ns |  4.02 ns |  3.76 ns | 0.0763 |     960 B |
'''),
    ('perf/feecalc-after.md', r'''
| Method              | Mean       | Error    | StdDev   | Gen0   | Allocated |
|-------------------- |-----------:|---------:|---------:|-------:|----------:|
| QuoteSimplePermit   |   301.7 ns |  2.40 ns |  2.25 ns | 0.0191 |     240 B |
| QuoteCommercial     | 1,902.4 ns | 15.90 ns | 14.87 ns | 0.2136 |    2688 B |
| QuoteWithSurcharges | 2,104.2 ns | 18.11 ns | 16.94 ns | 0.1907 |    2400 B |
| RenewalQuote        |   711.0 ns |  5.33 ns |  4.99 ns | 0.0839 |    1056 B |
''')],
  fw='benchmarkdotnet', lang=None)

# 44
t('simple', 'test-execution',
  "Build 20988 had 3 test failures in Agency.Grants.Api.Tests. Can you re-run just those failed tests once and tell me if they pass now?",
  fw='xunit', lang=None)

# 45
# why: a repository over a database with paging, rowversion and soft delete: medium, not complex (no real concurrency under test)
t('medium', 'test-generation',
  "New repository for grant application drafts (PBI 51155). Please write xUnit integration tests for "
  "it using the SQLite in-memory provider, since the team can't run containers on the locked-down "
  "laptops. Cover the paging, the optimistic concurrency and the soft delete.",
  files=[('src/Agency.Grants.Data/Repositories/ApplicationDraftRepository.cs', r'''
namespace Agency.Grants.Data.Repositories;

public sealed class ApplicationDraftRepository : IApplicationDraftRepository
{
    private readonly GrantsDbContext _db;
    private readonly TimeProvider _time;

    public ApplicationDraftRepository(GrantsDbContext db, TimeProvider time) => (_db, _time) = (db, time);

    public async Task<ApplicationDraft?> GetAsync(Guid id, CancellationToken ct) =>
        await _db.ApplicationDrafts.SingleOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, ct);

    public async Task<PagedResult<DraftSummary>> ListForApplicantAsync(string applicantUei, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1) throw new ArgumentOutOfRangeException(nameof(page));
        if (pageSize is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(pageSize));

        var query = _db.ApplicationDrafts
            .Where(d => d.ApplicantUei == applicantUei && d.DeletedAt == null)
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id);

        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DraftSummary(d.Id, d.Title, d.OpportunityNumber, d.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<DraftSummary>(items, page, pageSize, total);
    }

    public async Task<ApplicationDraft> CreateAsync(string applicantUei, string opportunityNumber, string title, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var draft = new ApplicationDraft
        {
            Id = Guid.NewGuid(), ApplicantUei = applicantUei, OpportunityNumber = opportunityNumber,
            Title = title.Trim(), CreatedAt = now, UpdatedAt = now
        };
        _db.ApplicationDrafts.Add(draft);
        await _db.SaveChangesAsync(ct);
        return draft;
    }

    public async Task<SaveOutcome> UpdateAsync(Guid id, byte[] expectedVersion, Action<ApplicationDraft> apply, CancellationToken ct)
    {
        var draft = await GetAsync(id, ct);
        if (draft is null) return SaveOutcome.NotFound;
        _db.Entry(draft).Property(d => d.Version).OriginalValue = expectedVersion;
        apply(draft);
        draft.UpdatedAt = _time.GetUtcNow();
        try
        {
            await _db.SaveChangesAsync(ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }

    public async Task<bool> SoftDeleteAsync(Guid id, string deletedBy, CancellationToken ct)
    {
        var draft = await GetAsync(id, ct);
        if (draft is null) return false;
        draft.DeletedAt = _time.GetUtcNow();
        draft.DeletedBy = deletedBy;
        await _db.SaveChangesAsync(ct);
        return true;
    }
}
'''),
    ('src/Agency.Grants.Data/Configurations/ApplicationDraftConfiguration.cs', r'''
public void Configure(EntityTypeBuilder<ApplicationDraft> b)
{
    b.ToTable("ApplicationDrafts");
    b.HasKey(d => d.Id);
    b.Property(d => d.Title).HasMaxLength(250).IsRequired();
    b.Property(d => d.ApplicantUei).HasMaxLength(12).IsFixedLength();
    b.Property(d => d.Version).IsRowVersion();          // SQL Server rowversion
    b.HasIndex(d => new { d.ApplicantUei, d.UpdatedAt });
}
''')],
  reqs=["Note where SQLite behaves differently from SQL Server (rowversion, DateTimeOffset ordering) and how the tests deal with it",
        "Use FakeTimeProvider"],
  fw='xunit', lang=None)

# 46
# why: high coverage number, but the real question is which interleavings of a parallel job the tests never exercise: complex
t('complex', 'coverage-analysis',
  "The nightly payment reconciliation job shows 92% line coverage and the pipeline is happy, but we "
  "have had three production incidents with it this year (missed items, one double-flagged batch). "
  "Coverage report, the job and its tests are attached. Tell me what the coverage is not showing us "
  "and what tests we are actually missing.",
  files=[('coverage/reconciliation-coverage.txt', r'''
Agency.Payments.Reconciliation          92.1% line   84.0% branch
  ReconciliationJob                     95.3%        88.9%
  BatchClaimer                         100.0%       100.0%
  TreasuryStatementReader               86.7%        75.0%
'''),
    ('src/Agency.Payments.Reconciliation/ReconciliationJob.cs', r'''
public sealed class ReconciliationJob
{
    private readonly BatchClaimer _claimer;
    private readonly ITreasuryStatementReader _statements;
    private readonly IPaymentsStore _store;
    private readonly ConcurrentDictionary<string, int> _matchedCounts = new();
    private int _processed;

    public async Task<ReconSummary> RunAsync(DateOnly businessDate, CancellationToken ct)
    {
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await _claimer.TryClaimNextAsync(businessDate, ct) is { } batch)
            {
                var lines = await _statements.ReadAsync(batch.StatementFile, ct);
                foreach (var line in lines)
                {
                    var payment = await _store.FindByTreasuryRefAsync(line.Reference, ct);
                    if (payment is null) { await _store.FlagUnmatchedAsync(batch.Id, line, ct); continue; }
                    _matchedCounts.AddOrUpdate(batch.Id, 1, (_, n) => n + 1);
                    if (payment.Amount != line.Amount) await _store.FlagMismatchAsync(payment.Id, line, ct);
                    else await _store.MarkReconciledAsync(payment.Id, businessDate, ct);
                }
                _processed++;
                await _claimer.CompleteAsync(batch, ct);
            }
        }, ct)).ToArray();

        await Task.WhenAll(workers);
        return new ReconSummary(_processed, _matchedCounts.Values.Sum());
    }
}
'''),
    ('src/Agency.Payments.Reconciliation/BatchClaimer.cs', r'''
public sealed class BatchClaimer
{
    private readonly IDbConnectionFactory _cf;
    public BatchClaimer(IDbConnectionFactory cf) => _cf = cf;

    public async Task<ReconBatch?> TryClaimNextAsync(DateOnly date, CancellationToken ct)
    {
        await using var conn = await _cf.OpenAsync(ct);
        var batch = await conn.QueryFirstOrDefaultAsync<ReconBatch>(
            "SELECT TOP 1 * FROM ReconBatches WHERE BusinessDate = @date AND Status = 'Pending' ORDER BY Id",
            new { date });
        if (batch is null) return null;
        await conn.ExecuteAsync("UPDATE ReconBatches SET Status = 'Claimed', ClaimedAt = SYSUTCDATETIME() WHERE Id = @Id", new { batch.Id });
        return batch;
    }

    public async Task CompleteAsync(ReconBatch batch, CancellationToken ct)
    {
        await using var conn = await _cf.OpenAsync(ct);
        await conn.ExecuteAsync("UPDATE ReconBatches SET Status = 'Done' WHERE Id = @Id", new { batch.Id });
    }
}
'''),
    ('tests/Agency.Payments.Reconciliation.Tests/ReconciliationJobTests.cs', r'''
public class ReconciliationJobTests
{
    [Fact]
    public async Task Matches_and_reconciles_all_lines()
    {
        var fx = new ReconFixture().WithBatches(1).WithLines(matching: 10, mismatched: 0, unmatched: 0);
        var summary = await fx.Job.RunAsync(new DateOnly(2024, 6, 3), default);
        Assert.Equal(1, summary.BatchesProcessed);
        Assert.Equal(10, summary.Matched);
    }

    [Fact]
    public async Task Flags_mismatch_and_unmatched()
    {
        var fx = new ReconFixture().WithBatches(1).WithLines(matching: 3, mismatched: 2, unmatched: 1);
        await fx.Job.RunAsync(new DateOnly(2024, 6, 3), default);
        fx.Store.Verify(s => s.FlagMismatchAsync(It.IsAny<Guid>(), It.IsAny<StatementLine>(), default), Times.Exactly(2));
        fx.Store.Verify(s => s.FlagUnmatchedAsync(It.IsAny<string>(), It.IsAny<StatementLine>(), default), Times.Once);
    }
}
// ReconFixture uses an in-memory fake IDbConnectionFactory backed by a List<ReconBatch>
''')],
  lang=None)

# 47
# why: config and middleware review for well-known header/cookie/error settings across two short files; no auth logic: medium
t('medium', 'security-scan',
  "Ahead of the annual ATO scan, could you go through the Records portal's Program.cs and production "
  "settings for web-hardening problems (headers, cookies, error pages, CORS, hosts)? The scanner "
  "flagged 'missing security headers' last year and I'd like to get ahead of it.",
  files=[('src/Agency.Records.Web/Program.cs', r'''
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddCors(o => o.AddPolicy("partners", p => p
    .SetIsOriginAllowed(origin => origin.EndsWith("agency.gov"))
    .AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
builder.Services.AddSession(o =>
{
    o.Cookie.Name = "records.session";
    o.Cookie.HttpOnly = false;            // the legacy JS widget reads it
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.IdleTimeout = TimeSpan.FromHours(8);
});
builder.Services.AddAntiforgery(o => o.Cookie.SameSite = SameSiteMode.None);

var app = builder.Build();
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("ShowErrors"))
    app.UseDeveloperExceptionPage();
else
    app.UseExceptionHandler("/Error");

app.Use(async (ctx, next) =>
{
    ctx.Response.Headers["X-Frame-Options"] = "ALLOW-FROM https://intranet.agency.gov";
    ctx.Response.Headers["Server"] = "Records";
    await next();
});
app.UseStaticFiles();
app.UseRouting();
app.UseCors("partners");
app.UseSession();
app.MapRazorPages();
app.Run();
'''),
    ('src/Agency.Records.Web/appsettings.Production.json', r'''
{
  "AllowedHosts": "*",
  "ShowErrors": true,
  "ForwardedHeaders": { "KnownProxies": [] },
  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Debug" } }
}
''')],
  lang=None)

# 48
# why: looks like a small utility class, but it issues password-reset tokens (randomness, comparison, expiry): complex
t('complex', 'security-scan',
  "Small helper class the contractor added for the licensee self-service password reset (PR 3341). "
  "Anything I should push back on before I approve?",
  files=[('src/Agency.Licensing.Identity/PasswordResetTokens.cs', r'''
public sealed class PasswordResetTokens
{
    private static readonly Random Rng = new();
    private readonly IResetTokenStore _store;
    private readonly TimeProvider _time;

    public PasswordResetTokens(IResetTokenStore store, TimeProvider time) => (_store, _time) = (store, time);

    public async Task<string> IssueAsync(string userId)
    {
        var bytes = new byte[16];
        Rng.NextBytes(bytes);
        var token = Convert.ToBase64String(bytes);
        await _store.SaveAsync(userId, token, _time.GetUtcNow().AddHours(24));
        return token;
    }

    public async Task<bool> ValidateAsync(string userId, string token)
    {
        var saved = await _store.GetAsync(userId);
        if (saved is null) return false;
        if (saved.ExpiresAt < _time.GetUtcNow()) return false;
        return saved.Token == token;
    }
}
// Reset link: https://licensing.agency.gov/account/reset?user={userId}&token={token}
// IResetTokenStore persists Token in plain text in dbo.PasswordResets; rows are removed by a weekly job
''')],
  lang=None)

# 49
# why: plain-words symptom, but it spans the gateway, two APIs and a signing-key rollover: cross-service auth root cause, complex
t('complex', 'defect-analysis',
  "Since Saturday's maintenance window some caseworkers get kicked out with 401s on the Grants API while "
  "the Payments API keeps working for the same people, and it clears up by itself after a while. It "
  "doesn't happen to everyone. Attached: the change record from Saturday, logs from the API Management "
  "gateway and both APIs, and the auth setup of each. What's happening?",
  files=[('docs/CHG0032140.md', r'''
CHG0032140 - Saturday 15 June 02:00-04:00
- Rotated Entra ID app signing certificate for "agency-internal-apis" (new kid 7Hq..., old kid Xc2... retained 48h)
- Restarted Payments API pods (AKS) to pick up new Key Vault reference
- Grants API (App Service, 3 instances) NOT restarted - no config change required
- APIM policy updated: validate-jwt now uses openid-config url instead of static keys
'''),
    ('logs/apim-gateway.log', r'''
2024-06-17T09:02:11Z req=7f21 api=grants op=GET /awards/{id} validate-jwt: OK kid=7Hq... -> backend 401 (instance grants-web-2)
2024-06-17T09:02:13Z req=7f29 api=grants op=GET /awards/{id} validate-jwt: OK kid=7Hq... -> backend 200 (instance grants-web-0)
2024-06-17T09:02:15Z req=7f30 api=payments op=GET /disbursements validate-jwt: OK kid=7Hq... -> backend 200
2024-06-17T09:04:40Z req=80a1 api=grants op=POST /drawdowns validate-jwt: OK kid=7Hq... -> backend 401 (instance grants-web-1)
2024-06-17T10:31:05Z req=91cc api=grants op=GET /awards/{id} validate-jwt: OK kid=7Hq... -> backend 200 (instance grants-web-1)
'''),
    ('logs/grants-api.log', r'''
2024-06-17 09:02:11 [grants-web-2] [INF] Bearer was not authenticated. Failure message: IDX10503: Signature validation failed. Token does not have a kid that matches any of the keys. Keys tried: 'Xc2...'. kid: '7Hq...'. Number of keys in TokenValidationParameters: '0'. Number of keys in Configuration: '1'.
2024-06-17 09:04:40 [grants-web-1] [INF] Bearer was not authenticated. Failure message: IDX10503: Signature validation failed ... Keys tried: 'Xc2...'. kid: '7Hq...'
2024-06-17 10:31:05 [grants-web-1] [INF] IDX10806: refreshing OpenIdConnect configuration (automatic refresh interval elapsed)
'''),
    ('logs/payments-api.log', r'''
2024-06-17 09:02:15 [payments-7c9d-0] [INF] Successfully validated the token. kid=7Hq...
'''),
    ('src/Agency.Grants.Api/Program.Auth.cs', r'''
builder.Services.AddAuthentication().AddJwtBearer(o =>
{
    o.Authority = cfg["Auth:Authority"];
    o.Audience = "api://grants-api";
    o.RefreshOnIssuerKeyNotFound = false;                       // set in 2022 after a metadata endpoint outage (INC0031122)
    o.AutomaticRefreshInterval = TimeSpan.FromHours(24);
});
'''),
    ('src/Agency.Payments.Api/Program.Auth.cs', r'''
builder.Services.AddAuthentication().AddJwtBearer(o =>
{
    o.Authority = cfg["Auth:Authority"];
    o.Audience = "api://payments-api";
});
''')],
  lang=None)

# 50
# why: 20 pipeline runs pasted as a table, but the ask is only to list tests whose outcome flips: mechanical, simple
t('simple', 'flaky-test-analysis',
  "I exported the outcomes of the Permits-CI test stage for the last 20 runs on main (no code changes "
  "to these tests in that period). Please list the tests that both passed and failed at least once, with "
  "their failure count, so I can raise a PBI for each. No root cause needed yet.",
  files=[('reports/permits-ci-last20-outcomes.csv',
    "test," + ",".join(f"run{20811 + r}" for r in range(20)) + "\n" +
    lines(24, lambda i: f"Agency.Permits.{['Domain', 'Data', 'Api'][i % 3]}.Tests."
          f"{['PermitTests', 'InspectionTests', 'FeeTests', 'ZoneLookupTests', 'AttachmentTests', 'HistoryTests', 'NotificationTests', 'ApplicantTests'][i % 8]}."
          f"{['Creates_valid_permit', 'Rejects_duplicate', 'Computes_fee', 'Finds_zone', 'Stores_attachment', 'Orders_history', 'Sends_notice', 'Updates_contact'][(i * 5) % 8]}_{i}," +
          ",".join(('F' if (i in (3, 11, 17, 22) and (r * (i + 3)) % 7 == 1) or (i == 9 and r in (4, 5, 6)) else 'P')
                   for r in range(20))))],
  lang=None)

# 51
t('complex', 'quality-gate',
  "Benefits 6.0 is a coordinated release of seven services plus a shared contracts package, with a "
  "breaking message change on the enrollment-submitted topic and two database migrations. I have to "
  "present the gate decision to the CAB. Reports for each service, the contract test matrix and the "
  "proposed deployment order are attached. Is this releasable as planned, in that order, and if not "
  "what has to change?",
  files=[('release/6.0/services-quality.csv', r'''
service,version,unit_pass,integration_pass,line_cov,new_code_cov,sonar_gate,vuln_high_crit,notes
benefits-web,6.0.0,100%,100%,82.1%,84.0%,OK,0,
benefits-api,6.0.0,100%,99.2% (1 quarantined: PlanCacheTests.Stampede_protection),79.4%,81.7%,OK,0,
eligibility-facade,3.2.0,100%,100%,71.0%,66.2%,ERROR (new code coverage),0,
enrollment-worker,4.0.0,100%,97.8%,76.9%,80.3%,OK,1 (System.Formats.Asn1 transitive),
document-intake,2.5.1,100%,100%,88.2%,90.0%,OK,0,
notices-svc,1.9.0,100%,100%,80.6%,82.5%,OK,0,
carrier-export,2.1.0,100%,95.0%,69.3%,75.1%,OK,0,2 failures in 834 file layout tests
'''),
    ('release/6.0/contract-matrix.md', r'''
| consumer \ provider            | benefits-api 6.0 | contracts 2.0 (enrollment-submitted v2) | eligibility-facade 3.2 |
|--------------------------------|------------------|------------------------------------------|------------------------|
| benefits-web 6.0               | pass             | n/a                                      | n/a                    |
| enrollment-worker 4.0          | pass             | pass (v2 only; v1 handler removed)       | n/a                    |
| notices-svc 1.9                | n/a              | FAIL: expects v1 field `householdSize`   | n/a                    |
| carrier-export 2.1             | n/a              | pass (reads v1 and v2)                   | n/a                    |
| benefits-api 6.0 (publisher)   | -                | publishes v2 only                        | pass                   |
'''),
    ('release/6.0/deployment-order.md', r'''
Proposed order (single window, Sat 02:00-06:00):
1. DB migration M1 (benefits-api): rename Enrollments.HouseholdSize -> HouseholdMemberCount (sp_rename)
2. benefits-api 6.0 (publishes enrollment-submitted v2)
3. enrollment-worker 4.0
4. DB migration M2 (enrollment-worker): drop column Enrollments.LegacyPlanCode
5. benefits-web 6.0, eligibility-facade 3.2, document-intake 2.5.1
6. notices-svc 1.9, carrier-export 2.1
Rollback: redeploy previous images; migrations have Down() scripts.
Queue "enrollment-submitted" typically holds 200-2,000 messages; worker drains ~50/s.
'''),
    ('release/6.0/migration-M1.cs', r'''
protected override void Up(MigrationBuilder mb) =>
    mb.RenameColumn(name: "HouseholdSize", table: "Enrollments", newName: "HouseholdMemberCount");
protected override void Down(MigrationBuilder mb) =>
    mb.RenameColumn(name: "HouseholdMemberCount", table: "Enrollments", newName: "HouseholdSize");
'''),
    ('release/6.0/migration-M2.cs', r'''
protected override void Up(MigrationBuilder mb) => mb.DropColumn(name: "LegacyPlanCode", table: "Enrollments");
protected override void Down(MigrationBuilder mb) =>
    mb.AddColumn<string>(name: "LegacyPlanCode", table: "Enrollments", type: "varchar(10)", nullable: true);
'''),
    ('release/6.0/release-criteria.md', r'''
- Every service: unit 100%, integration 100% excluding quarantined tests approved by the QA lead
- Sonar gate green for every service; no High/Critical vulnerable packages
- All consumer-driven contract tests pass for the versions being deployed together
- Every step in the deployment order must be individually reversible without data loss
- Zero-downtime: no step may break a running previous version of another service
''')],
  lang=None)

# 52
# why: running the suite is routine; locating where a parallel saga loses count across services is distributed-protocol work: complex
t('complex', 'test-execution',
  "Please run the enrollment end-to-end suite against the docker-compose stack (API, worker, eligibility "
  "stub, notices, SQL Server, Service Bus emulator) and tell me at which step the enrollment saga breaks. "
  "It passes for single enrollments but the 'household of five submitted in parallel' scenario ends with "
  "some members enrolled and others not, and no compensation runs. Compose file, saga, tests and the "
  "last run output attached.",
  files=[('docker-compose.e2e.yml', r'''
services:
  sql:
    image: mcr.microsoft.com/mssql/server:2022-CU12-ubuntu-22.04
    environment: { ACCEPT_EULA: "Y", MSSQL_SA_PASSWORD: "Local_Only_Not_A_Secret_1" }
  servicebus:
    image: mcr.microsoft.com/azure-messaging/servicebus-emulator:latest
    volumes: [ ./e2e/servicebus-config.json:/ServiceBus_Emulator/ConfigFiles/Config.json ]
    depends_on: [ sql ]
  benefits-api:
    build: { context: ., dockerfile: src/Agency.Benefits.Api/Dockerfile }
    environment: [ "ConnectionStrings__Benefits=Server=sql;Database=Benefits;User Id=sa;Password=Local_Only_Not_A_Secret_1;TrustServerCertificate=true", "Eligibility__BaseUrl=http://eligibility-stub:8080" ]
  enrollment-worker:
    build: { context: ., dockerfile: src/Agency.Benefits.Worker/Dockerfile }
    deploy: { replicas: 2 }
  eligibility-stub:
    build: e2e/eligibility-stub
  notices-svc:
    build: { context: ., dockerfile: src/Agency.Notices/Dockerfile }
'''),
    ('e2e/servicebus-config.json', r'''
{ "UserConfig": { "Namespaces": [ { "Name": "sbemulatorns", "Queues": [
  { "Name": "enrollment-submitted", "Properties": { "LockDuration": "PT30S", "MaxDeliveryCount": 3, "RequiresSession": false } },
  { "Name": "member-enroll", "Properties": { "LockDuration": "PT30S", "MaxDeliveryCount": 3 } },
  { "Name": "enrollment-compensate", "Properties": { "LockDuration": "PT30S", "MaxDeliveryCount": 3 } } ] } ] } }
'''),
    ('src/Agency.Benefits.Worker/Sagas/HouseholdEnrollmentSaga.cs', r'''
public sealed class HouseholdEnrollmentSaga :
    IConsumer<EnrollmentSubmitted>, IConsumer<MemberEnrolled>, IConsumer<MemberEnrollmentFailed>
{
    private readonly BenefitsDbContext _db;
    public HouseholdEnrollmentSaga(BenefitsDbContext db) => _db = db;

    public async Task Consume(ConsumeContext<EnrollmentSubmitted> ctx)
    {
        var state = new HouseholdSagaState { HouseholdId = ctx.Message.HouseholdId, Expected = ctx.Message.Members.Count };
        _db.SagaStates.Add(state);
        await _db.SaveChangesAsync();
        foreach (var m in ctx.Message.Members)
            await ctx.Send(new Uri("queue:member-enroll"), new EnrollMember(ctx.Message.HouseholdId, m.MemberId, m.PlanId));
    }

    public async Task Consume(ConsumeContext<MemberEnrolled> ctx)
    {
        var s = await _db.SagaStates.SingleAsync(x => x.HouseholdId == ctx.Message.HouseholdId);
        s.Completed++;
        if (s.Completed == s.Expected) s.Status = "Complete";
        await _db.SaveChangesAsync();
    }

    public async Task Consume(ConsumeContext<MemberEnrollmentFailed> ctx)
    {
        var s = await _db.SagaStates.SingleAsync(x => x.HouseholdId == ctx.Message.HouseholdId);
        s.Failed++;
        if (s.Failed == 1 && s.Completed + s.Failed == s.Expected)
            await ctx.Send(new Uri("queue:enrollment-compensate"), new CompensateHousehold(s.HouseholdId));
        await _db.SaveChangesAsync();
    }
}
'''),
    ('tests/Agency.Benefits.E2E/HouseholdEnrollmentTests.cs', r'''
[Trait("Category", "E2E")]
public class HouseholdEnrollmentTests : IClassFixture<ComposeStackFixture>
{
    private readonly ComposeStackFixture _stack;
    public HouseholdEnrollmentTests(ComposeStackFixture stack) => _stack = stack;

    [Fact]
    public async Task Household_of_five_all_enrolled_or_all_rolled_back()
    {
        var household = TestData.HouseholdOfFive(failMemberIndex: 3);   // eligibility stub rejects member 3
        await _stack.Api.SubmitAsync(household);
        var final = await _stack.WaitForSagaAsync(household.Id, TimeSpan.FromSeconds(60));
        var enrolled = await _stack.Db.EnrolledMembersAsync(household.Id);
        Assert.True(final.Status is "Complete" or "Compensated", $"saga ended as {final.Status}");
        Assert.True(enrolled.Count is 0 or 5, $"{enrolled.Count} of 5 enrolled");
    }
}
'''),
    ('logs/e2e-run-0617.txt', r'''
[enrollment-worker-1] EnrollmentSubmitted hh=H-5521 members=5
[enrollment-worker-2] MemberEnrolled hh=H-5521 m=1  saga Completed=1 Failed=0
[enrollment-worker-1] MemberEnrolled hh=H-5521 m=2  saga Completed=1 Failed=0
[enrollment-worker-2] MemberEnrollmentFailed hh=H-5521 m=4  saga Completed=1 Failed=1
[enrollment-worker-1] MemberEnrolled hh=H-5521 m=5  saga Completed=2 Failed=1
[enrollment-worker-2] MemberEnrolled hh=H-5521 m=3  saga Completed=3 Failed=0
  Failed HouseholdEnrollmentTests.Household_of_five_all_enrolled_or_all_rolled_back [60 s]
  Error Message: saga ended as Running
'''),
    ('e2e/eligibility-stub/Program.cs', r'''
var app = WebApplication.Create(args);
var failIndex = int.Parse(Environment.GetEnvironmentVariable("FAIL_MEMBER_INDEX") ?? "-1");
app.MapPost("/eligibility/{memberId}", (string memberId, int index) =>
    index == failIndex ? Results.UnprocessableEntity(new { reason = "Not eligible" }) : Results.Ok(new { eligible = true }));
app.Run();
''')],
  reqs=["Bring the stack up and down cleanly; do not point anything at shared TEST resources",
        "Say whether the failure is in the saga, the test, or the stub"],
  fw='xunit', lang=None)

# 53
t('simple', 'coverage-analysis',
  "From this summary, what's the branch coverage for Agency.Permits.Domain and is it above the 70% we promised in the test plan?",
  files=[('coverage/permits-summary.txt', r'''
Agency.Permits.Api          Line 81.5%   Branch 69.0%
Agency.Permits.Domain       Line 88.2%   Branch 67.4%
Agency.Permits.Data         Line 74.9%   Branch 60.3%
''')],
  lang=None)

# 54
# why: one flaky test with its log; the time-zone/DST reasoning is contained in one small class: medium
t('medium', 'flaky-test-analysis',
  "NoticeSchedulerTests.Reminder_is_scheduled_for_tomorrow fails on the nightly build most evenings "
  "but never during the day, and only since the nightly moved from 6 pm to 9 pm Eastern (PBI 51630). "
  "Test, code and a failing log below. Explain it and give me a fix that will hold up, including around "
  "the daylight-saving changes.",
  files=[('src/Agency.Notices/NoticeScheduler.cs', r'''
public sealed class NoticeScheduler
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly TimeProvider _time;
    public NoticeScheduler(TimeProvider time) => _time = time;

    // Reminders go out at 09:00 Eastern on the next calendar day (agency local time).
    public DateTimeOffset NextReminderUtc()
    {
        var nowEastern = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Eastern);
        var tomorrow = nowEastern.Date.AddDays(1).AddHours(9);
        var offset = Eastern.GetUtcOffset(tomorrow);
        return new DateTimeOffset(tomorrow, offset).ToUniversalTime();
    }
}
'''),
    ('tests/Agency.Notices.Tests/NoticeSchedulerTests.cs', r'''
public class NoticeSchedulerTests
{
    [Fact]
    public void Reminder_is_scheduled_for_tomorrow()
    {
        var sut = new NoticeScheduler(TimeProvider.System);
        var next = sut.NextReminderUtc();
        Assert.Equal(DateTime.UtcNow.Date.AddDays(1), next.UtcDateTime.Date);
        Assert.Equal(13, next.UtcDateTime.Hour);   // 9 am EDT
    }
}
'''),
    ('logs/nightly-20240618.txt', r'''
Agent: GovBuild-Linux-02 (TZ=UTC)   Run started: 2024-06-19T01:04:12Z
  Failed Agency.Notices.Tests.NoticeSchedulerTests.Reminder_is_scheduled_for_tomorrow [3 ms]
  Error Message:
   Assert.Equal() Failure: Values differ
Expected: 2024-06-20T00:00:00.0000000
Actual:   2024-06-19T00:00:00.0000000
''')],
  fw='xunit', lang=None)
