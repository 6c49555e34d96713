from lib import t, lines

# Fresh evaluation batch l, written to the rubric in docs/tasks.md (tiers: the cheapest model tier that reliably
# does the task well). Voice: a QA engineer in health-tech / ed-tech (TS/React, NestJS, Django, Cypress,
# Playwright, Postman/Newman, some Java) who writes user stories, lists acceptance criteria in the requirements
# and often reports bugs only by what customers see. 18 simple, 18 medium, 18 complex.

# ================================================= simple ========================================================

t('simple', 'test-generation', "As a teacher I want the Pass/Fail badge in the gradebook to be right at the edges, because parents screenshot it. Can you write vitest tests for gradeBadge?", [('src/gradebook/badge.ts', '''
export type Badge = 'pass' | 'fail' | 'invalid';

export function gradeBadge(score: number, passMark = 60): Badge {
  if (!Number.isFinite(score) || score < 0 || score > 100) return 'invalid';
  return score >= passMark ? 'pass' : 'fail';
}''')], reqs=["59.5 is fail and 60 is pass with the default pass mark", "negative, above 100 and NaN give invalid", "a custom pass mark of 50 is respected"], fw='vitest')

t('simple', 'test-generation', "We're retiring Cypress on the patient portal. Please port this login spec to Playwright Test, same four cases, same selectors, nothing new added.", [('cypress/e2e/login.cy.ts', '''
describe('Patient portal login', () => {
  beforeEach(() => {
    cy.visit('/login');
  });

  it('shows an error for a wrong password', () => {
    cy.get('[data-testid=email]').type('maria@example.com');
    cy.get('[data-testid=password]').type('wrong-password');
    cy.get('button[type=submit]').click();
    cy.get('[role=alert]').should('contain.text', 'Email or password is incorrect');
  });

  it('disables the submit button while signing in', () => {
    cy.intercept('POST', '/api/session', { delay: 1000, statusCode: 201, body: {} });
    cy.get('[data-testid=email]').type('maria@example.com');
    cy.get('[data-testid=password]').type('correct-horse');
    cy.get('button[type=submit]').click().should('be.disabled');
  });

  it('links to password reset', () => {
    cy.contains('a', 'Forgot password?').click();
    cy.url().should('include', '/reset-password');
  });

  it('has a visible label for each field', () => {
    cy.get('label[for=email]').should('be.visible');
    cy.get('label[for=password]').should('be.visible');
  });
});''')], fw='playwright')

t('simple', 'test-execution', "Kick off the gradebook-api Postman collection with Newman against staging (the staging environment file is in the repo) and give me the totals: requests, assertions passed, assertions failed. No digging needed today.", [], fw='newman', lang='javascript')

t('simple', 'test-execution', "Here's the verbose pytest output from the enrolment app. Could you list every skipped test together with its skip reason? That's all I need for the test plan appendix.", [('reports/pytest-enrolment.txt', '============================= test session starts ==============================\nplatform linux -- Python 3.11.6, pytest-7.4.3, pluggy-1.3.0\ndjango: settings: config.settings.test (from ini)\ncollected 132 items\n\n' + lines(132, lambda i: f"tests/enrolment/test_{['api', 'models', 'forms', 'tasks'][i % 4]}.py::test_case_{i:03d} " + ('SKIPPED (needs SIS sandbox credentials)' if i % 19 == 7 else 'SKIPPED (flag ENROL_WAITLIST off)' if i % 23 == 11 else 'PASSED') + f" [{int((i + 1) / 132 * 100):3d}%]") + '\n\n================= 119 passed, 13 skipped in 48.21s =================')], fw='pytest', lang=None)

t('simple', 'test-execution', "Please rerun cypress/e2e/enrolment.cy.ts twice in Chrome and once in Firefox and tell me pass or fail for each of the three runs.", [], fw='cypress')

t('simple', 'coverage-analysis', "Auditor asked which classes in the Java scheduling service have no line coverage at all. From this JaCoCo CSV, just list them (package + class).", [('reports/jacoco.csv', 'GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n' + lines(72, lambda i: f"scheduling,com.medtrack.scheduling.{['api', 'domain', 'infra', 'jobs'][i % 4]},{['Slot', 'Clinic', 'Roster', 'Shift', 'Holiday', 'Reminder', 'Waitlist', 'Room', 'Booking'][i % 9]}{['Controller', 'Service', 'Mapper', 'Repository', 'Dto', 'Validator', 'Job', 'Factory'][i % 8]}," + (f"{40 + i},0,{i % 6},0,{8 + i % 5},0,{3 + i % 4},0,{2 + i % 3},0" if i % 11 == 5 else f"{i % 13},{120 + i * 3},{i % 4},{6 + i % 7},{i % 5},{30 + i},{i % 3},{9 + i % 6},{i % 2},{4 + i % 5}")))], lang=None)

t('simple', 'coverage-analysis', "Which files in the tutor-matching package are under 80% statements? Sort them lowest first, please.", [('coverage/coverage-summary.json', '''
{
  "total": {"statements": {"total": 1204, "covered": 978, "pct": 81.23}, "branches": {"total": 402, "covered": 288, "pct": 71.64}},
  "src/matching/score.ts": {"statements": {"total": 88, "covered": 85, "pct": 96.59}, "branches": {"total": 30, "covered": 27, "pct": 90}},
  "src/matching/availability.ts": {"statements": {"total": 142, "covered": 101, "pct": 71.13}, "branches": {"total": 58, "covered": 33, "pct": 56.9}},
  "src/matching/subjects.ts": {"statements": {"total": 64, "covered": 64, "pct": 100}, "branches": {"total": 12, "covered": 12, "pct": 100}},
  "src/matching/timezone.ts": {"statements": {"total": 77, "covered": 52, "pct": 67.53}, "branches": {"total": 26, "covered": 14, "pct": 53.85}},
  "src/matching/ranking.ts": {"statements": {"total": 210, "covered": 174, "pct": 82.86}, "branches": {"total": 70, "covered": 51, "pct": 72.86}},
  "src/matching/notify.ts": {"statements": {"total": 95, "covered": 71, "pct": 74.74}, "branches": {"total": 22, "covered": 13, "pct": 59.09}},
  "src/matching/index.ts": {"statements": {"total": 12, "covered": 12, "pct": 100}, "branches": {"total": 0, "covered": 0, "pct": 100}}
}''')], lang=None)

t('simple', 'coverage-analysis', "From this coverage.py report for the LMS backend: how many modules are at 100%, and what are the five lowest ones with their percentages?", [('reports/coverage.txt', 'Name                                        Stmts   Miss  Cover\n---------------------------------------------------------------\n' + lines(88, lambda i: f"{'lms/' + ['courses', 'quizzes', 'grades', 'accounts', 'messaging', 'reports'][i % 6] + '/' + ['views', 'models', 'serializers', 'tasks', 'utils', 'admin', 'signals', 'forms'][i % 8] + f'_{i // 48}.py':<44}{40 + (i * 7) % 160:>5}{(0 if i % 5 == 0 else (i * 3) % 29):>7}{(100 if i % 5 == 0 else round(100 * (1 - ((i * 3) % 29) / (40 + (i * 7) % 160)))):>6}%") + '\n---------------------------------------------------------------\nTOTAL                                       9824   1023    90%')], fw='pytest', lang=None)

t('simple', 'quality-gate', "Gate for the parent app release is: zero failing tests and no serious or critical axe violations. Tonight's run had 0 failures and axe reported one moderate issue (colour contrast on a disabled button). Are we good to ship?", [], lang=None)

t('simple', 'quality-gate', "Our accessibility bar is a Lighthouse a11y score of 90 or more on every page. Which pages in this LHCI export miss it?", [('reports/lhci-a11y.tsv', 'url\tperformance\taccessibility\tbest-practices\tseo\n' + lines(64, lambda i: f"https://staging.learnloop.app/{['course', 'lesson', 'quiz', 'profile', 'settings', 'calendar', 'inbox', 'library'][i % 8]}/{i}\t{55 + (i * 13) % 45}\t{(84 + i % 5) if i % 9 == 4 else 91 + (i * 7) % 9}\t{80 + (i * 3) % 20}\t{88 + i % 12}"))], lang=None)

t('simple', 'flaky-test-analysis', "Before we dig into why, I just need the numbers: from these 40 nightly runs, give me the failure count and failure rate for each test in the checkout suite.", [('ci/checkout-history.csv', 'run,date,test,result\n' + lines(160, lambda i: f"{1000 + i // 4},2024-03-{1 + (i // 4) % 28:02d},{['pays with saved card', 'applies family discount', 'shows receipt', 'sends invoice email'][i % 4]},{'fail' if (i % 4 == 1 and i % 7 == 0) or (i % 4 == 3 and i % 13 == 0) else 'pass'}"))], lang=None)

t('simple', 'security-scan', "Compliance wants a list from this npm audit run: every package with high or critical severity and the version that fixes it. Just the list.", [('reports/npm-audit.txt', '# npm audit report\n\n' + lines(22, lambda i: f"{['semver', 'tough-cookie', 'axios', 'json5', 'word-wrap', 'follow-redirects', 'postcss', 'ws', 'ip', 'undici', 'braces'][i % 11]}  <{1 + i % 7}.{i % 10}.{i % 5}\nSeverity: {['moderate', 'high', 'low', 'critical', 'moderate'][i % 5]}\n{['Regular Expression Denial of Service', 'Prototype Pollution', 'Server-Side Request Forgery', 'Improper Input Validation'][i % 4]} - https://github.com/advisories/GHSA-{1000 + i * 37:x}-demo-{i:02d}\nfix available via `npm audit fix` (fixed in {1 + i % 7}.{i % 10}.{i % 5 + 1})\nnode_modules/{['semver', 'tough-cookie', 'axios', 'json5', 'word-wrap', 'follow-redirects', 'postcss', 'ws', 'ip', 'undici', 'braces'][i % 11]}\n") + '\n22 vulnerabilities (4 low, 9 moderate, 5 high, 4 critical)')], lang=None)

t('simple', 'security-scan', "Quick one for the hardening checklist: does the final stage of this Dockerfile run as root? Yes or no and the line that decides it.", [('services/reports/Dockerfile', '''
FROM node:20-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
EXPOSE 3000
CMD ["node", "dist/main.js"]''')], lang=None)

t('simple', 'performance-testing', "From this Gatling run on the lessons API, what were the p99 and the mean requests per second for GET /api/lessons/:id?", [('results/gatling-stats.txt', '''
---- Global Information --------------------------------------------------------
> request count                                      182400 (OK=181950 KO=450   )
> mean requests/sec                                    608 (OK=606.5  KO=1.5    )
---- Requests ------------------------------------------------------------------
> GET /api/lessons/:id         count=96000  mean=84ms  p50=61ms  p95=210ms p99=488ms  mean req/s=320
> GET /api/lessons/:id/media   count=48000  mean=140ms p50=98ms  p95=402ms p99=905ms  mean req/s=160
> POST /api/progress           count=38400  mean=112ms p50=90ms  p95=260ms p99=610ms  mean req/s=128
---- Errors --------------------------------------------------------------------
> status.find.is(200), but actually found 503                   450 (100.0%)''')], lang=None)

t('simple', 'performance-testing', "We're moving this load profile from JMeter to k6. Give me the equivalent k6 `options` (stages) for the thread group below, no test logic needed.", [('perf/portal.jmx.snippet', '''
<ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="Portal users">
  <stringProp name="ThreadGroup.num_threads">200</stringProp>
  <stringProp name="ThreadGroup.ramp_time">60</stringProp>
  <boolProp name="ThreadGroup.scheduler">true</boolProp>
  <stringProp name="ThreadGroup.duration">660</stringProp>
  <stringProp name="ThreadGroup.delay">0</stringProp>
</ThreadGroup>''')], fw='k6', lang='javascript')

t('simple', 'defect-analysis', "Parents say their kid's profile shows them a year older than they are for part of the year, then it's fine again. This is the helper the profile card uses. What's wrong?", [('src/profile/age.ts', '''
export function ageInYears(dob: Date, today: Date = new Date()): number {
  return today.getFullYear() - dob.getFullYear();
}''')])

t('simple', 'defect-analysis', "Support exported yesterday's API error log. Count the errors per error code and tell me which code shows up most.", [('logs/api-errors-2024-03-14.log', lines(170, lambda i: f"2024-03-14T{(i * 7) // 60 % 24:02d}:{(i * 7) % 60:02d}:{(i * 13) % 60:02d}Z level=error code={['E_TOKEN_EXPIRED', 'E_SIS_TIMEOUT', 'E_VALIDATION', 'E_SIS_TIMEOUT', 'E_RATE_LIMIT', 'E_SIS_TIMEOUT', 'E_VALIDATION'][i % 7]} route={['/api/courses', '/api/roster/sync', '/api/submissions'][i % 3]} req={i * 7919 % 100000:05x}"))], lang=None)

t('simple', 'defect-analysis', "Which of our own frames (com.medtrack.*) is at the top of this stack trace, class, method and line? I need it for the ticket.", [('logs/prescriptions-500.txt', 'java.lang.NullPointerException: Cannot invoke "com.medtrack.rx.domain.Dose.getUnit()" because "dose" is null\n' + lines(6, lambda i: f"\tat org.hibernate.internal.SessionImpl.fire{['Load', 'Flush', 'Persist', 'Merge', 'Lock', 'Evict'][i]}(SessionImpl.java:{1200 + i * 37})") + '\n\tat com.medtrack.rx.service.DoseFormatter.format(DoseFormatter.java:42)\n\tat com.medtrack.rx.service.PrescriptionService.summary(PrescriptionService.java:118)\n' + lines(40, lambda i: f"\tat org.springframework.{['web.servlet.FrameworkServlet', 'aop.framework.ReflectiveMethodInvocation', 'transaction.interceptor.TransactionInterceptor', 'web.method.support.InvocableHandlerMethod'][i % 4]}.{['invoke', 'proceed', 'doInvoke', 'service'][i % 4]}({['FrameworkServlet', 'ReflectiveMethodInvocation', 'TransactionInterceptor', 'InvocableHandlerMethod'][i % 4]}.java:{100 + i * 11})"))], lang=None)

# ================================================= medium ========================================================

t('medium', 'test-generation', "Story: as a patient I can book an appointment slot and get a confirmation, and I can't book a slot someone else just took. Write Jest unit tests for AppointmentsService with the repository, notifier and clock mocked.", [('src/appointments/appointments.service.ts', '''
import { Injectable, ConflictException, NotFoundException, BadRequestException } from '@nestjs/common';
import { AppointmentsRepository } from './appointments.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock } from '../common/clock';

export interface BookingRequest { patientId: string; slotId: string; reason?: string }

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly repo: AppointmentsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async book(req: BookingRequest) {
    const slot = await this.repo.findSlot(req.slotId);
    if (!slot) throw new NotFoundException('slot not found');
    if (slot.startsAt.getTime() - this.clock.now().getTime() < 2 * 60 * 60 * 1000) {
      throw new BadRequestException('slots must be booked at least 2 hours ahead');
    }
    if (slot.bookedBy && slot.bookedBy !== req.patientId) throw new ConflictException('slot taken');
    if (slot.bookedBy === req.patientId) return { appointmentId: slot.appointmentId, alreadyBooked: true };

    const reason = req.reason?.trim().slice(0, 500) || null;
    const appt = await this.repo.reserve(slot.id, req.patientId, reason);
    if (!appt) throw new ConflictException('slot taken');

    try {
      await this.notifications.sendBookingConfirmation(req.patientId, appt.id);
    } catch (err) {
      // booking stands even if the email provider is down; a retry job picks it up
      await this.repo.flagConfirmationPending(appt.id);
    }
    return { appointmentId: appt.id, alreadyBooked: false };
  }

  async cancel(patientId: string, appointmentId: string) {
    const appt = await this.repo.findAppointment(appointmentId);
    if (!appt || appt.patientId !== patientId) throw new NotFoundException('appointment not found');
    if (appt.status === 'cancelled') return appt;
    const hoursLeft = (appt.startsAt.getTime() - this.clock.now().getTime()) / 3_600_000;
    const lateCancel = hoursLeft < 24;
    const updated = await this.repo.cancel(appointmentId, { lateCancel });
    await this.notifications.sendCancellation(patientId, appointmentId, { lateCancel });
    return updated;
  }
}''')], reqs=["AC1: booking less than 2 hours ahead is rejected", "AC2: booking a slot I already hold is idempotent, no second email", "AC3: if reserve() returns null (lost the race in the DB) I get a conflict", "AC4: email failure doesn't fail the booking and flags the confirmation pending", "AC5: cancelling someone else's appointment looks like not found (no info leak)", "AC6: late cancel is under 24h, including exactly 24h boundary"], fw='jest')

t('medium', 'test-generation', "As a school admin I enrol a student into a class section from the admin panel. Please write pytest-django tests for this view covering the edge cases we keep getting tickets about.", [('lms/enrolment/views.py', '''
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response

from lms.accounts.permissions import IsSchoolAdmin
from .models import Enrolment, Section, Student
from .serializers import EnrolmentSerializer


@api_view(["POST"])
@permission_classes([IsSchoolAdmin])
def enrol(request, section_id):
    section = get_object_or_404(Section, pk=section_id, school=request.user.school)
    student_id = request.data.get("student_id")
    if not student_id:
        return Response({"detail": "student_id is required"}, status=status.HTTP_400_BAD_REQUEST)
    student = get_object_or_404(Student, pk=student_id, school=request.user.school)

    if section.term.is_closed:
        return Response({"detail": "term is closed"}, status=status.HTTP_409_CONFLICT)
    if student.grade_level not in section.allowed_grade_levels:
        return Response({"detail": "grade level not allowed"}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)

    with transaction.atomic():
        section = Section.objects.select_for_update().get(pk=section.pk)
        if section.enrolments.filter(status="active").count() >= section.capacity:
            if not request.data.get("waitlist"):
                return Response({"detail": "section is full"}, status=status.HTTP_409_CONFLICT)
            enrolment_status = "waitlisted"
        else:
            enrolment_status = "active"
        try:
            enrolment = Enrolment.objects.create(section=section, student=student, status=enrolment_status)
        except IntegrityError:
            return Response({"detail": "already enrolled"}, status=status.HTTP_409_CONFLICT)

    return Response(EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)''')], reqs=["admins from another school get 404 for both section and student", "closed term, wrong grade level, full section with and without waitlist", "duplicate enrolment returns 409, not 500", "use model factories, no fixtures JSON"], fw='pytest', lang=None)

t('medium', 'test-generation', "As a screen reader user I need the reminder settings form to tell me what went wrong when I save. Write React Testing Library tests (with jest-axe) for this component, focusing on accessibility and validation.", [('src/settings/ReminderForm.tsx', '''
import { useId, useState } from 'react';

type Props = { initial: { email: string; hoursBefore: number; sms: boolean }; onSave: (v: Props['initial']) => Promise<void> };

export function ReminderForm({ initial, onSave }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const emailId = useId();
  const hoursId = useId();

  function validate() {
    const e: Record<string, string> = {};
    if (!/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(values.email)) e.email = 'Enter a valid email address';
    if (!Number.isInteger(values.hoursBefore) || values.hoursBefore < 1 || values.hoursBefore > 72) {
      e.hoursBefore = 'Choose between 1 and 72 hours';
    }
    return e;
  }

  async function submit(ev: React.FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    setStatus('saving');
    try {
      await onSave(values);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby="reminder-status">
      <label htmlFor={emailId}>Reminder email</label>
      <input id={emailId} type="email" value={values.email} aria-invalid={!!errors.email}
        aria-describedby={errors.email ? `${emailId}-err` : undefined}
        onChange={(e) => setValues({ ...values, email: e.target.value })} />
      {errors.email && <p id={`${emailId}-err`}>{errors.email}</p>}

      <label htmlFor={hoursId}>Hours before appointment</label>
      <input id={hoursId} type="number" value={values.hoursBefore} aria-invalid={!!errors.hoursBefore}
        onChange={(e) => setValues({ ...values, hoursBefore: Number(e.target.value) })} />
      {errors.hoursBefore && <p>{errors.hoursBefore}</p>}

      <label><input type="checkbox" checked={values.sms} onChange={(e) => setValues({ ...values, sms: e.target.checked })} /> Also send SMS</label>
      <button type="submit" disabled={status === 'saving'}>Save</button>
      <div id="reminder-status" role="status" aria-live="polite">
        {status === 'saved' && 'Reminder settings saved'}
        {status === 'failed' && 'Could not save, please try again'}
      </div>
    </form>
  );
}''')], reqs=["errors are tied to their inputs via aria-describedby (flag the hours field, which is not)", "save result is announced through the live region", "keyboard only: the form can be filled and submitted without a mouse", "no axe violations in the initial and error states"], fw='jest')

# why: only ~20 lines, but the acceptance criteria conflict (weekends, extensions, cap) and the tests have to pin down intended behaviour, not just branches
t('medium', 'test-generation', "As a student I lose 10% per late day on an assignment, but never more than half the marks, and weekends shouldn't count. Teachers also grant extensions. Please write Jest tests for latePenalty that check it against the policy below, and point out where the code and the policy disagree.", [('src/grading/latePenalty.ts', '''
const DAY = 24 * 60 * 60 * 1000;

export function latePenalty(score: number, due: Date, submitted: Date, extensionDays = 0): number {
  const deadline = new Date(due.getTime() + extensionDays * DAY);
  if (submitted <= deadline) return score;
  let lateDays = 0;
  for (let d = new Date(deadline); d < submitted; d = new Date(d.getTime() + DAY)) {
    const wd = d.getDay();
    if (wd !== 0 && wd !== 6) lateDays++;
  }
  const penalty = Math.min(0.5, lateDays * 0.1);
  return Math.round(score * (1 - penalty) * 10) / 10;
}''')], reqs=["policy: 1 minute late counts as a full late day", "policy: weekend days are never counted, including when the extension ends on a Friday", "policy: extension days are calendar days", "policy: penalty is capped at 50% of the score achieved", "policy: score is rounded to one decimal"], fw='jest')

t('medium', 'test-execution', "Ran the consent-api Newman collection against staging this morning and got the report below. Please go through the failures and tell me, for each, whether it looks like a staging/environment problem or a real regression we need a ticket for.", [('reports/newman-consent.txt', '''
newman

consent-api

→ Auth / get token
  POST https://staging-auth.carebridge.io/oauth/token [200 OK, 1.2kB, 310ms]
  ✓  status is 200
  ✓  token present

→ Consent / create consent for research
  POST https://staging.carebridge.io/api/v2/consents [201 Created, 640B, 182ms]
  ✓  status is 201
  ✓  scope is research

→ Consent / fetch consent
  GET https://staging.carebridge.io/api/v2/consents/{{consentId}} [404 Not Found, 210B, 44ms]
  1. status is 200

→ Consent / revoke consent
  POST https://staging.carebridge.io/api/v2/consents/c_8f2a91/revoke [200 OK, 512B, 201ms]
  ✓  status is 200
  2. revokedAt is ISO-8601 with timezone

→ Consent / export for patient
  GET https://staging.carebridge.io/api/v2/patients/p_1002/consents/export [502 Bad Gateway, 150B, 30012ms]
  3. status is 200
  4. response time under 2000ms

→ Consent / list as other clinic
  GET https://staging.carebridge.io/api/v2/patients/p_1002/consents [200 OK, 2.3kB, 95ms]
  5. status is 403

┌─────────────────────────┬──────────────────┬──────────────────┐
│                         │         executed │           failed │
├─────────────────────────┼──────────────────┼──────────────────┤
│              iterations │                1 │                0 │
│                requests │                6 │                0 │
│              assertions │               11 │                5 │
└─────────────────────────┴──────────────────┴──────────────────┘

  #  failure           detail
 1.  AssertionError    status is 200: expected 404 to equal 200
 2.  AssertionError    revokedAt is ISO-8601 with timezone: expected '2024-03-14 09:12:44' to match /Z|[+-]\\d\\d:\\d\\d$/
 3.  AssertionError    status is 200: expected 502 to equal 200
 4.  AssertionError    response time under 2000ms: expected 30012 to be below 2000
 5.  AssertionError    status is 403: expected 200 to equal 403''')], reqs=["note that the collection sets consentId in a test script of the create request", "say which failures could be privacy issues"], fw='newman', lang=None)

t('medium', 'coverage-analysis', "The weighting module in gradebook has decent line coverage but teachers keep finding wrong final grades. Using the source and the uncovered lines, tell me which untested branches actually matter for students and what tests to add first.", [('src/gradebook/weighting.ts', '''
export interface Category { id: string; weight: number; dropLowest?: number }
export interface Score { categoryId: string; earned: number | null; possible: number; excused?: boolean }

export function categoryAverage(scores: Score[], dropLowest = 0): number | null {
  const counted = scores.filter((s) => !s.excused && s.possible > 0);
  if (counted.length === 0) return null;
  const graded = counted.map((s) => ({ ...s, earned: s.earned ?? 0 }));
  const sorted = [...graded].sort((a, b) => a.earned / a.possible - b.earned / b.possible);
  const kept = dropLowest > 0 && sorted.length > dropLowest ? sorted.slice(dropLowest) : sorted;
  const earned = kept.reduce((sum, s) => sum + s.earned, 0);
  const possible = kept.reduce((sum, s) => sum + s.possible, 0);
  return earned / possible;
}

export function finalGrade(categories: Category[], scores: Score[]): number | null {
  let weighted = 0;
  let usedWeight = 0;
  for (const c of categories) {
    const avg = categoryAverage(scores.filter((s) => s.categoryId === c.id), c.dropLowest);
    if (avg === null) continue;
    weighted += avg * c.weight;
    usedWeight += c.weight;
  }
  if (usedWeight === 0) return null;
  const pct = (weighted / usedWeight) * 100;
  return Math.round(pct * 100) / 100;
}

export function letter(pct: number | null, scale: Array<[number, string]>): string {
  if (pct === null) return 'N/A';
  for (const [min, l] of scale) {
    if (pct >= min) return l;
  }
  return scale[scale.length - 1][1];
}'''), ('coverage/weighting.txt', '''
File          | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
--------------|---------|----------|---------|---------|-------------------
 weighting.ts |   86.49 |    61.11 |     100 |   88.57 | 6,9,20,24,33''')], lang=None)

t('medium', 'coverage-analysis', "This is the coverage for our Django consent app. Go through it with the views file and give me a prioritised list of gaps: what's untested that could hurt a patient or break GDPR requests, vs what's just admin noise.", [('reports/coverage-consent.txt', '''
Name                                 Stmts   Miss  Cover   Missing
------------------------------------------------------------------
consent/__init__.py                      0      0   100%
consent/admin.py                        34     21    38%   12-40
consent/apps.py                          6      0   100%
consent/models.py                       58      4    93%   71-74
consent/serializers.py                  41      3    93%   55-57
consent/signals.py                      22     12    45%   18-33
consent/views.py                        47     11    77%   24-26, 36-39, 48-51
consent/tasks.py                        39     22    44%   15-22, 30-47
------------------------------------------------------------------
TOTAL                                  247     73    70%'''), ('consent/views.py', '''
from django.utils import timezone
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Consent
from .permissions import IsPatientOrGuardian
from .serializers import ConsentSerializer
from .tasks import purge_research_data, notify_research_team


class ConsentViewSet(viewsets.ModelViewSet):
    serializer_class = ConsentSerializer
    permission_classes = [IsPatientOrGuardian]

    def get_queryset(self):
        return Consent.objects.filter(patient__in=self.request.user.accessible_patients())

    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        consent = self.get_object()
        if consent.revoked_at:
            # idempotent: second revoke returns the same record
            return Response(ConsentSerializer(consent).data)
        consent.revoked_at = timezone.now()
        consent.revoked_by = request.user
        consent.save(update_fields=["revoked_at", "revoked_by"])
        if consent.scope == "research":
            purge_research_data.delay(consent.patient_id)
            notify_research_team.delay(consent.id)
        return Response(ConsentSerializer(consent).data)

    @action(detail=False, methods=["get"])
    def export(self, request):
        patient_id = request.query_params.get("patient")
        if not patient_id:
            return Response({"detail": "patient is required"}, status=status.HTTP_400_BAD_REQUEST)
        qs = self.get_queryset().filter(patient_id=patient_id)
        if not qs.exists():
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response(ConsentSerializer(qs, many=True).data)

    def destroy(self, request, *args, **kwargs):
        consent = self.get_object()
        if consent.scope in ("treatment", "research") and not consent.revoked_at:
            return Response({"detail": "revoke before deleting"}, status=status.HTTP_409_CONFLICT)
        if request.user.is_guardian and not request.user.can_delete_for(consent.patient):
            return Response(status=status.HTTP_403_FORBIDDEN)
        return super().destroy(request, *args, **kwargs)''')], fw='pytest', lang=None)

t('medium', 'quality-gate', "Release 4.12 of the clinician app: here are the numbers from the pipeline. Using our criteria below, is it a go or no-go? Give me the reasoning per criterion, and tell me if any waiver applies.", [('reports/release-4.12.yaml', '''
release: 4.12.0
unit_tests: { total: 2184, failed: 0, skipped: 12 }
e2e_tests: { total: 312, failed: 2, quarantined: 5 }
e2e_failures:
  - name: "prescriptions > renew with expired insurance"
    owner: rx-team
    known_issue: RX-2211
  - name: "inbox > attachment preview on Safari"
    owner: messaging
    known_issue: null
coverage: { lines: 83.1, branches: 71.4, new_code_lines: 88.9 }
mutation_score: 64
accessibility: { critical: 0, serious: 1, moderate: 6 }
perf_budget:
  lcp_p75_ms: 2380
  inp_p75_ms: 240
open_bugs: { blocker: 0, critical: 1, major: 7 }
critical_bugs:
  - id: CL-9081
    title: "Dose shown in mg instead of mcg for paediatric levothyroxine in print view"
    workaround: "none"''')], reqs=["no failing e2e tests unless linked to a known issue accepted by the product owner", "line coverage >= 80%, new code >= 85%", "no critical accessibility issues; serious ones need a ticket", "LCP p75 <= 2500ms, INP p75 <= 200ms", "zero open critical bugs that touch medication or dosage", "mutation score is informational only"], lang=None)

# why: the numbers are few, but the PR touches a small amount of new code and the gate's conditions interact (small-change exemption, hotspots, duplicated lines), which needs judgement, not lookup
t('medium', 'quality-gate', "Our SonarQube gate failed on PR #882 (fixes the quiz timer) and the dev says it's a false alarm. Here's the gate config and the PR analysis. Should we override it or not?", [('sonar/gate.txt', '''
Quality gate "LearnLoop way" (applies to New Code)
- Coverage on new code            < 80%   -> ERROR
- Duplicated lines on new code    > 3%    -> ERROR
- Reliability rating on new code  worse than A -> ERROR
- Security hotspots reviewed      < 100%  -> ERROR
Note: coverage and duplication conditions are ignored when new code has fewer than 20 lines (org setting "small changes").'''), ('sonar/pr-882.txt', '''
Pull request #882  fix(quiz): stop timer drifting when tab is hidden
New lines: 17   New lines to cover: 12   Uncovered new lines: 4
Coverage on new code: 66.7%           (condition: < 80%)   FAILED
Duplicated lines on new code: 0.0%
Reliability rating on new code: B     (1 new bug: "setInterval return value not cleared in useEffect cleanup")
Security hotspots: 1 (to review)  -> "document.visibilityState used to decide whether to submit quiz" category: Others
Status: FAILED''')], lang=None)

t('medium', 'quality-gate', "Our release rule says quarantined tests don't block, but three of the five quarantined ones are in the medication reminder flow. Apply our criteria to tonight's report and tell me whether 2.7.0 can go to the app stores.", [('docs/release-criteria.md', '''
# Mobile release criteria
1. All smoke and critical-path suites green.
2. Quarantined tests do not block a release, unless the quarantine is older than 14 days
   or the test covers a critical path (login, medication reminders, emergency contact).
3. Crash-free sessions in the beta channel >= 99.5% over the last 7 days.
4. No P1 defects open against the release.'''), ('reports/mobile-2.7.0.txt', '''
Suite              Passed  Failed  Quarantined
smoke                  41       0            0
critical-path          88       0            3
regression            640       0            2

Quarantined:
  critical-path  reminders/snooze-reminder.spec.ts          since 2024-03-09
  critical-path  reminders/dst-change-reminder.spec.ts      since 2024-02-20
  critical-path  reminders/offline-reminder.spec.ts         since 2024-03-12
  regression     profile/avatar-upload.spec.ts              since 2024-01-30
  regression     settings/language-switch.spec.ts           since 2024-03-11

Beta crash-free sessions (7d): 99.62%
Open defects for 2.7.0: P1: 0  P2: 3  P3: 11
Report date: 2024-03-15''')], lang=None)

t('medium', 'flaky-test-analysis', "This Cypress test fails maybe once every ten runs in CI and never locally. Customers haven't reported anything, so I think it's the test. Can you tell me why from the spec and the failing log, and suggest a fix?", [('cypress/e2e/homework-list.cy.ts', '''
describe('Homework list', () => {
  beforeEach(() => {
    cy.intercept('GET', '/api/homework*').as('homework');
    cy.login('student@learnloop.test');
    cy.visit('/homework');
  });

  it('filters to overdue items', () => {
    cy.get('[data-testid=homework-row]').should('have.length.greaterThan', 0);
    cy.get('select[name=filter]').select('Overdue');
    cy.get('[data-testid=homework-row]').first().within(() => {
      cy.get('[data-testid=status-pill]').should('have.text', 'Overdue');
    });
  });
});'''), ('ci/cypress-run-4471.log', '''
  Homework list
    1) filters to overdue items

  0 passing (9s)
  1 failing

  1) Homework list
       filters to overdue items:
     CypressError: Timed out retrying after 4000ms: `cy.within()` failed because the page updated while this command was executing. Cypress tried to locate elements based on this query:

> cy.get([data-testid=homework-row]).first()

We initially found matching element(s), but while waiting for them to become actionable, they were removed from the DOM.

    at Context.eval (webpack:///./cypress/e2e/homework-list.cy.ts:11:52)

  Network (last 4):
    GET /api/homework?filter=all      200  612ms
    GET /api/homework?filter=overdue  200  1480ms
    GET /api/me/notifications         200  90ms
    GET /api/homework?filter=all      304  40ms   (refetch on window focus)''')], fw='cypress')

t('medium', 'flaky-test-analysis', "test_reminder_sent_for_tomorrow fails a couple of times a week in the nightly build, always in the early-morning UTC runs. Here's the test and two failing CI logs. What's going on and how do we fix the test (or the code)?", [('reminders/tests/test_daily.py', '''
import datetime as dt

import pytest
from django.utils import timezone

from reminders.daily import appointments_needing_reminder
from reminders.tests.factories import AppointmentFactory


@pytest.mark.django_db
def test_reminder_sent_for_tomorrow():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    appt = AppointmentFactory(
        starts_at=timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(9, 30)), timezone.get_default_timezone())
    )
    AppointmentFactory(starts_at=timezone.now() + dt.timedelta(days=3))

    due = appointments_needing_reminder()

    assert [a.id for a in due] == [appt.id]'''), ('reminders/daily.py', '''
from datetime import timedelta
from django.utils import timezone
from .models import Appointment


def appointments_needing_reminder():
    today = timezone.localdate()  # TIME_ZONE = "Australia/Sydney"
    start = today + timedelta(days=1)
    return list(Appointment.objects.filter(starts_at__date=start, reminder_sent=False).order_by("starts_at"))'''), ('ci/nightly-failures.log', '''
[2024-03-05T13:42:10Z] reminders/tests/test_daily.py::test_reminder_sent_for_tomorrow FAILED
E   AssertionError: assert [] == [812]
[2024-03-08T14:05:51Z] reminders/tests/test_daily.py::test_reminder_sent_for_tomorrow FAILED
E   AssertionError: assert [] == [1040]
(runner TZ=UTC; USE_TZ=True; TIME_ZONE="Australia/Sydney")''')], fw='pytest', lang=None)

t('medium', 'flaky-test-analysis', "The 'shows Saved after autosave' test in the essay editor is red on CI roughly 1 run in 8. I've attached the test, the hook and the CI output. Please explain the flake and give me a stable version of the test.", [('src/editor/useAutosave.ts', '''
import { useEffect, useRef, useState } from 'react';

export function useAutosave(text: string, save: (t: string) => Promise<void>, delay = 800) {
  const [state, setState] = useState<'idle' | 'pending' | 'saved' | 'error'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (!text) return;
    setState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      try {
        await save(text);
        setState('saved');
      } catch {
        setState('error');
      }
    }, delay);
    return () => clearTimeout(timer.current);
  }, [text, save, delay]);

  return state;
}'''), ('src/editor/EssayEditor.test.tsx', '''
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EssayEditor } from './EssayEditor';

test('shows Saved after autosave', async () => {
  const save = jest.fn().mockResolvedValue(undefined);
  render(<EssayEditor save={save} />);
  await userEvent.type(screen.getByRole('textbox', { name: /essay/i }), 'Photosynthesis is');
  await new Promise((r) => setTimeout(r, 900));
  expect(save).toHaveBeenCalledTimes(1);
  expect(screen.getByText('Saved')).toBeInTheDocument();
});'''), ('ci/jest-output.txt', '''
 FAIL  src/editor/EssayEditor.test.tsx (6.184 s)
  ● shows Saved after autosave

    expect(jest.fn()).toHaveBeenCalledTimes(expected)

    Expected number of calls: 1
    Received number of calls: 0

      10 |   await new Promise((r) => setTimeout(r, 900));
    > 11 |   expect(save).toHaveBeenCalledTimes(1);

 Test Suites: 1 failed, 61 passed, 62 total (runner: 2 vCPU, --maxWorkers=4)''')], fw='jest')

# why: privacy review of one interceptor (PII in logs), not authentication/authorisation/crypto/injection; a module-sized review with judgement
t('medium', 'security-scan', "A hospital customer's DPO asked whether we write patient data into our logs. This interceptor logs every request in the NestJS API. Please review it for PII/PHI leaks and tell me what to change.", [('src/common/logging.interceptor.ts', '''
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap, catchError, throwError } from 'rxjs';

const REDACT = ['password', 'token'];

function redact(body: any) {
  if (!body || typeof body !== 'object') return body;
  const copy = { ...body };
  for (const k of Object.keys(copy)) {
    if (REDACT.includes(k)) copy[k] = '[redacted]';
  }
  return copy;
}

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<any> {
    const req = ctx.switchToHttp().getRequest();
    const started = Date.now();
    const base = {
      method: req.method,
      url: req.originalUrl,
      user: req.user?.email,
      ip: req.ip,
      ua: req.headers['user-agent'],
    };
    this.logger.log({ ...base, body: redact(req.body) });

    return next.handle().pipe(
      tap((res) => {
        this.logger.log({ ...base, ms: Date.now() - started, status: ctx.switchToHttp().getResponse().statusCode });
        if (process.env.LOG_RESPONSES === 'true') this.logger.debug({ ...base, response: res });
      }),
      catchError((err) => {
        this.logger.error({ ...base, error: err.message, stack: err.stack, body: req.body, headers: req.headers });
        return throwError(() => err);
      }),
    );
  }
}''')], reqs=["note that URLs look like /patients/:nhsNumber/notes", "nested objects, e.g. { patient: { dob, diagnosis } }", "say what a fix should redact by default rather than by deny-list"], fw='nestjs')

t('medium', 'security-scan', "Before we open-source our quiz-engine repo, please review the CI workflow and the Dockerfile for security misconfigurations and tell me what to fix first.", [('.github/workflows/ci.yml', '''
name: ci
on:
  push:
    branches: [main]
  pull_request:
permissions: write-all
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci
      - run: echo "Using key ${{ secrets.SENTRY_AUTH_TOKEN }}" && npm test -- --coverage
      - uses: some-user/upload-coverage@v1
        with: { token: ${{ secrets.CODECOV_TOKEN }} }
  docker:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
      - run: docker build -t quiz-engine:latest --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }} .
      - run: docker push ghcr.io/learnloop/quiz-engine:latest'''), ('Dockerfile', '''
FROM node:latest
ARG NPM_TOKEN
WORKDIR /srv
COPY . .
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm install
ENV NODE_ENV=production
EXPOSE 3000 9229
CMD ["node", "--inspect=0.0.0.0:9229", "dist/server.js"]''')], lang=None)

t('medium', 'performance-testing', "As a student I check my course progress page many times during exam week. Please write a k6 script for GET /api/courses/:id/progress that logs in once per VU, ramps to 300 VUs, and fails the run if we miss our targets.", [], reqs=["login via POST /api/session with test accounts from a CSV (SharedArray)", "course ids are random from the student's own enrolments (GET /api/me/courses)", "thresholds: p95 < 400ms, p99 < 1s, error rate < 0.5%", "tag requests so the dashboards can split by endpoint", "don't log response bodies (they contain grades)"], fw='k6', lang='javascript')

t('medium', 'performance-testing', "We upgraded Django and psycopg last sprint. Compare these two k6 runs of the same scenario and tell me whether there's a real regression, where, and whether it's just noise.", [('results/k6-before.txt', '''
     scenarios: (100.00%) 1 scenario, 150 max VUs, 12m30s max duration
     http_req_duration{name:GET /api/timetable}.....: avg=118ms med=96ms  p(90)=201ms p(95)=260ms p(99)=480ms
     http_req_duration{name:GET /api/assignments}...: avg=142ms med=120ms p(90)=240ms p(95)=300ms p(99)=590ms
     http_req_duration{name:POST /api/submissions}..: avg=210ms med=180ms p(90)=350ms p(95)=420ms p(99)=810ms
     http_req_failed................................: 0.21%
     iterations.....................................: 97410  129.9/s'''), ('results/k6-after.txt', '''
     scenarios: (100.00%) 1 scenario, 150 max VUs, 12m30s max duration
     http_req_duration{name:GET /api/timetable}.....: avg=121ms med=97ms  p(90)=205ms p(95)=268ms p(99)=495ms
     http_req_duration{name:GET /api/assignments}...: avg=231ms med=133ms p(90)=470ms p(95)=690ms p(99)=1.6s
     http_req_duration{name:POST /api/submissions}..: avg=205ms med=176ms p(90)=342ms p(95)=415ms p(99)=790ms
     http_req_failed................................: 0.24%
     iterations.....................................: 92880  123.8/s'''), ('results/notes.txt', '''
before: 2024-03-01 staging, db warm, 1 run
after:  2024-03-13 staging, db restored from snapshot at 08:00, 1 run
assignments endpoint: list view with select_related('course'), prefetch_related('rubric__criteria')''')], fw='k6', lang=None)

t('medium', 'defect-analysis', "Students in New Zealand are telling us the due date on the assignment card is a day earlier than what their teacher set. Teachers in the UK see it fine. Here's the formatting helper and a sample API payload. Can you find the cause and propose a fix?", [('src/assignments/dueDate.ts', '''
import { format } from 'date-fns';

// API sends dueDate as "YYYY-MM-DD" (teacher picks a day, no time) plus the school's tz
export interface AssignmentDto { id: string; title: string; dueDate: string; schoolTimeZone: string }

export function dueLabel(a: AssignmentDto, now = new Date()): string {
  const due = new Date(a.dueDate);
  const endOfDay = new Date(due);
  endOfDay.setHours(23, 59, 59, 999);
  const days = Math.ceil((endOfDay.getTime() - now.getTime()) / 86_400_000);
  if (days < 0) return `Overdue since ${format(due, 'EEE d MMM')}`;
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due ${format(due, 'EEE d MMM')}`;
}

export function isOverdue(a: AssignmentDto, now = new Date()): boolean {
  return new Date(a.dueDate).getTime() < now.getTime();
}'''), ('samples/assignment.json', '''
{ "id": "as_771", "title": "Poetry analysis", "dueDate": "2024-03-22", "schoolTimeZone": "Pacific/Auckland" }''')], reqs=["customers also say 'Overdue' shows up in the morning of the due day", "the fix must not depend on the browser's timezone"])

# ================================================= complex =======================================================

t('complex', 'test-generation', "Clinicians edit visit notes offline on tablets and we merge when they reconnect. Please design property-based tests (fast-check) for mergeNotes, so we can trust that no edit is ever lost or resurrected whatever the order devices sync in.", [('src/sync/mergeNotes.ts', '''
export type Clock = Record<string, number>; // deviceId -> counter
export interface Field { value: string | null; clock: Clock; device: string }
export type Note = Record<string, Field>;

function compare(a: Clock, b: Clock): -1 | 0 | 1 | null {
  let lt = false, gt = false;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k] ?? 0, y = b[k] ?? 0;
    if (x < y) lt = true;
    if (x > y) gt = true;
  }
  if (lt && gt) return null;
  return lt ? -1 : gt ? 1 : 0;
}

export function mergeField(a: Field, b: Field): Field {
  const c = compare(a.clock, b.clock);
  if (c === 1 || c === 0) return a;
  if (c === -1) return b;
  // concurrent: deterministic tie-break by device id, tombstone (null) loses
  if (a.value === null && b.value !== null) return b;
  if (b.value === null && a.value !== null) return a;
  return a.device > b.device ? a : b;
}

export function mergeNotes(x: Note, y: Note): Note {
  const out: Note = {};
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    out[k] = x[k] && y[k] ? mergeField(x[k], y[k]) : (x[k] ?? y[k]);
  }
  return out;
}''')], reqs=["commutativity, associativity and idempotence of mergeNotes", "convergence: any sync order of the same set of edits gives the same note", "a delete that causally follows an edit must not be undone by an older replica", "shrinking should give readable counterexamples", "state which property the concurrent-tombstone rule may violate"], fw='vitest')

t('complex', 'test-generation', "Story: as a patient in a video visit I want the visit to survive my wifi dropping, and as a clinician I want no-shows marked correctly. The visit goes scheduled -> checked in -> waiting room -> in call, can drop to reconnecting and back, can be completed, or end as no-show, cancelled by either side, or abandoned after the reconnect grace period. Clinicians can also put a patient back in the waiting room, and late check-ins within 10 minutes still count. Please design the test suite for the visit lifecycle, including which transitions must be impossible.", [], reqs=["a table of every allowed and every forbidden transition", "timers: 10 minute late check-in window, 3 minute reconnect grace, 15 minute no-show cutoff", "events arriving out of order from the video provider webhooks", "both parties disconnecting at the same time", "billing is triggered exactly once on completed, never on abandoned"], fw='jest')

t('complex', 'test-execution', "Please run our offline-submission e2e scenarios on the Android emulator build and tell me which recovery cases fail and why: a student goes offline mid-upload of a quiz, the app is killed, they come back online hours later, and maybe the quiz closed meanwhile. Nothing may be lost and nothing may be submitted twice.", [], reqs=["cases: kill during upload, kill after server commit but before ack, token expired on reconnect, quiz closed while offline, two devices with the same account", "check the server side for duplicate submissions by idempotency key, not only the UI", "retries use exponential backoff with jitter; report if a case waits past the 60s test timeout", "separate real product bugs from harness issues"], fw='playwright')

t('complex', 'test-execution', "We keep getting support tickets about two patients ending up in the same appointment slot, but only since we scaled booking to two replicas and added the Google Calendar sync. Run the concurrent booking harness against staging and interpret the results: do we double-book, under which interleavings, and which component is at fault?", [], reqs=["50 parallel clients hammering the same 10 slots, both replicas behind the load balancer", "repeat with the calendar sync worker paused and running", "include cancel-then-rebook races and retries after a 504 from the gateway", "verify invariants from the database, not from API responses"], lang=None)

t('complex', 'coverage-analysis', "Regulator review next month wants evidence that consent revocation is tested end to end. Revocation starts in the mobile app, goes through the API, a queue worker and the research export job. Using the monorepo coverage below, tell me whether the revocation path is covered across all four, where the gaps are, and which gaps could let revoked data leak into an export.", [('coverage/lcov-summary.txt', 'File | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s\n' + lines(300, lambda i: f"packages/{['mobile', 'api', 'worker', 'export', 'shared', 'admin'][i % 6]}/src/{['consent', 'auth', 'records', 'billing', 'notifications', 'audit', 'sync'][(i // 6) % 7]}/{['index', 'service', 'handler', 'repo', 'mapper', 'policy', 'queue', 'utils'][(i // 42) % 8]}{i // 336 or ''}.ts | {50 + (i * 17) % 50} | {30 + (i * 23) % 70} | {60 + (i * 11) % 40} | {52 + (i * 19) % 48} | " + (f"{10 + i % 40}-{20 + i % 40}, {80 + i % 30}" if (i * 19) % 48 < 40 else ''))), ('docs/revocation-flow.md', '''
1. mobile: ConsentScreen -> consent/service.revoke() -> POST /consents/:id/revoke (retries offline)
2. api: consent/handler.revoke -> consent/repo.markRevoked -> outbox row "consent.revoked"
3. worker: consent/queue consumes "consent.revoked" -> records/service.purgeResearchCopies -> audit/service.log
4. export: nightly job reads records/repo.researchEligible() which must exclude revoked consents
   (joins shared/consent/policy.isActive at export time)''')], lang=None)

# why: the module is short and line coverage says 100%, but it is authorisation code: the job is to find which role/tenant/relationship decisions are never exercised
t('complex', 'coverage-analysis', "Coverage for our records access policy is 100% lines, but I don't trust it. Please work out which access decisions are actually untested: which combinations of role, clinic, guardianship and break-glass are never exercised by the tests below.", [('src/records/canReadRecord.ts', '''
export type Role = 'clinician' | 'nurse' | 'admin' | 'patient' | 'guardian';
export interface Actor { id: string; role: Role; clinicIds: string[]; wards?: string[]; breakGlassUntil?: number }
export interface Rec { patientId: string; clinicId: string; sensitive: boolean; patientAge: number }

export function canReadRecord(a: Actor, r: Rec, now = Date.now()): boolean {
  if (a.role === 'patient') return a.id === r.patientId && (!r.sensitive || r.patientAge >= 16);
  if (a.role === 'guardian') return !!a.wards?.includes(r.patientId) && r.patientAge < 16 && !r.sensitive;
  if (a.role === 'admin') return false;
  const sameClinic = a.clinicIds.includes(r.clinicId);
  if (a.breakGlassUntil && a.breakGlassUntil > now) return true;
  if (!sameClinic) return false;
  return a.role === 'clinician' || !r.sensitive;
}'''), ('src/records/canReadRecord.test.ts', '''
import { canReadRecord } from './canReadRecord';
const rec = { patientId: 'p1', clinicId: 'c1', sensitive: false, patientAge: 30 };
test('patient reads own', () => expect(canReadRecord({ id: 'p1', role: 'patient', clinicIds: [] }, rec)).toBe(true));
test('guardian of child', () => expect(canReadRecord({ id: 'g', role: 'guardian', clinicIds: [], wards: ['p1'] }, { ...rec, patientAge: 8 })).toBe(true));
test('admin denied', () => expect(canReadRecord({ id: 'a', role: 'admin', clinicIds: ['c1'] }, rec)).toBe(false));
test('break glass', () => expect(canReadRecord({ id: 'n', role: 'nurse', clinicIds: [], breakGlassUntil: Date.now() + 1e6 }, rec)).toBe(true));
test('other clinic', () => expect(canReadRecord({ id: 'd', role: 'clinician', clinicIds: ['c2'] }, rec)).toBe(false));
test('nurse sensitive', () => expect(canReadRecord({ id: 'n', role: 'nurse', clinicIds: ['c1'] }, { ...rec, sensitive: true })).toBe(false));''')], reqs=["also say which untested decisions look like policy bugs (e.g. break-glass for sensitive records)"], fw='jest')

t('complex', 'quality-gate', "We're rolling out the new e-prescribing integration with the national pharmacy network behind a flag, clinic by clinic. Help me define the release gate and the canary promotion/rollback criteria: which signals from which services, what thresholds, and how we prove no prescription is sent twice or lost when the pharmacy side times out and we retry.", [], reqs=["services involved: prescriber UI, rx-api, outbox relay, pharmacy adapter, audit log", "pharmacy network acks asynchronously, sometimes hours later, and may redeliver acks", "rollback must not strand in-flight prescriptions", "criteria must be checkable automatically from metrics and reconciliation jobs"], lang=None)

t('complex', 'quality-gate', "Go/no-go for the March platform release, which ships six services together plus a DB migration. Here are the per-service reports and the Pact matrix. I need a decision with reasons, including whether the deploy order in the plan is safe given the contract results.", [('release/plan.md', '''
Deploy order: 1) db migration 2024_03_add_guardian_scope  2) identity 3) records-api 4) consent-api
5) notifications 6) portal-web 7) mobile-bff
Migration: adds column consents.guardian_scope NOT NULL DEFAULT 'none'; drops column consents.scope_legacy'''), ('release/identity.txt', 'unit 812/812, integration 64/64, coverage 88%, sast: 0 high'), ('release/records-api.txt', 'unit 1450/1452 (2 skipped), integration 130/131 FAIL: "reads scope_legacy for pre-2022 consents", coverage 81%'), ('release/consent-api.txt', 'unit 610/610, integration 92/92, coverage 86%, provider states verified: "consent with guardian scope"'), ('release/notifications.txt', 'unit 301/301, integration 40/40, coverage 79% (threshold 80%), waiver requested NOTIF-77'), ('release/portal-web.txt', 'e2e 210/212 (2 quarantined: guardian dashboard), a11y serious: 0, lighthouse perf 86'), ('release/mobile-bff.txt', 'unit 402/402, contract tests against consent-api: pending verification on new version'), ('release/pact-matrix.txt', '''
Consumer         Consumer version   Provider       Provider version   Verified
portal-web       3.9.0              consent-api    2.4.0 (new)        true
mobile-bff       1.22.0             consent-api    2.4.0 (new)        (not verified)
mobile-bff       1.22.0             consent-api    2.3.1 (prod)       true
records-api      5.1.0              consent-api    2.4.0 (new)        false  (interaction "get consent with scope_legacy")
notifications    2.0.3              identity       7.2.0 (new)        true
portal-web       3.9.0              records-api    5.1.0 (new)        true''')], reqs=["old mobile app versions stay in the field for weeks", "the migration runs while the old records-api is still serving traffic"], lang=None)

t('complex', 'flaky-test-analysis', "Every 50 runs or so, 'only one grader gets each essay' fails with two graders assigned to the same essay. Can you figure out why? It's just the lock and the test.", [('src/grading/assignLock.ts', '''
import type { Redis } from 'ioredis';

export async function withEssayLock<T>(redis: Redis, essayId: string, fn: () => Promise<T>): Promise<T | null> {
  const key = `lock:essay:${essayId}`;
  const ok = await redis.set(key, '1', 'PX', 2000, 'NX');
  if (!ok) return null;
  try {
    return await fn();
  } finally {
    await redis.del(key);
  }
}'''), ('src/grading/assignLock.test.ts', '''
test('only one grader gets each essay', async () => {
  const essays = await seedEssays(20);
  const graders = ['g1', 'g2', 'g3', 'g4'];
  await Promise.all(graders.map((g) => claimNextEssays(redis, db, g, 5)));
  const rows = await db.query('select essay_id, count(*) c from assignments group by essay_id having count(*) > 1');
  expect(rows).toHaveLength(0);
}, 15000);
// claimNextEssays: select unassigned essays, then for each: withEssayLock(() => insert assignment)''')], fw='jest')

t('complex', 'flaky-test-analysis', "Our Playwright test 'booking sends confirmation email' fails a few times a day on the shared staging env: the email never arrives in Mailpit within 30s. Booking goes through the API, writes an outbox row, the relay publishes to RabbitMQ, and the notifications service sends via SMTP. Nobody has changed the test in months. I need the real cause, across the services, not a longer timeout.", [('ci/playwright-fail.txt', '''
  1) booking.spec.ts:48:5 › booking sends confirmation email
     Error: expect.poll: no email for patient+7781@test.carebridge.io after 30000ms
     booking id: bk_55120  created at 10:14:03.412Z'''), ('logs/staging-excerpt.log', '''
10:14:03.410Z api          INSERT booking bk_55120; INSERT outbox id=99812 type=booking.confirmed
10:14:03.950Z relay-a      polled outbox: 0 rows (snapshot at 10:14:03.398Z)
10:14:04.020Z relay-b      polled outbox: 1 row id=99812 -> publish ok, mark sent
10:14:04.021Z relay-a      lease renewed, shard=all
10:14:04.300Z notifications consumer prefetch=50, redelivered=false msg=booking.confirmed bk_55120
10:14:04.302Z notifications dedupe key booking.confirmed:bk_55120 already seen (ttl 24h) -> ack, skip
10:09:51.118Z notifications (earlier) booking.confirmed:bk_55120 from test run 8831 on staging-2 (same DB seed)''')], reqs=["explain why it only happens on the shared env", "propose a fix to the test data and to the system if the dedupe key is wrong"], fw='playwright')

t('complex', 'security-scan', "Quick sanity check on our JWT middleware before the pen test, it's short.", [('src/auth/jwt.middleware.ts', '''
import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64').toString());
    const claims: any = jwt.verify(token, PUBLIC_KEY, { algorithms: [header.alg], ignoreExpiration: header.typ === 'refresh' });
    if (req.params.tenantId && claims.tenant !== req.params.tenantId && claims.role !== 'support') {
      return res.status(403).end();
    }
    (req as any).user = claims;
    next();
  } catch (e) {
    res.status(401).json({ error: (e as Error).message });
  }
}''')])

t('complex', 'security-scan', "As a receptionist I search patients by name or date of birth. Please security-review this Django view: our pen testers flagged 'possible injection' and I also want to know if one clinic can see another clinic's patients.", [('patients/views.py', '''
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from django.contrib.auth.decorators import login_required


@login_required
@require_GET
def search(request):
    q = request.GET.get("q", "").strip()
    dob = request.GET.get("dob")
    clinic = request.GET.get("clinic") or request.user.profile.clinic_id
    order = request.GET.get("order", "last_name")
    if len(q) < 2 and not dob:
        return JsonResponse({"results": []})

    sql = "SELECT id, first_name, last_name, dob, nhs_number FROM patients_patient WHERE clinic_id = %s"
    params = [clinic]
    if q:
        sql += " AND (first_name ILIKE %s OR last_name ILIKE %s)"
        params += [f"%{q}%", f"%{q}%"]
    if dob:
        sql += f" AND dob = '{dob}'"
    sql += f" ORDER BY {order} LIMIT 50"

    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    return JsonResponse({"results": rows})''')], reqs=["also say what the response should and shouldn't contain for a receptionist", "suggest regression tests for each finding"], fw='pytest', lang=None)

t('complex', 'security-scan', "Our Java password-reset service for the clinician portal: can you check it properly? A customer's security team asked how reset links are generated and validated.", [('src/main/java/com/medtrack/auth/PasswordResetService.java', '''
package com.medtrack.auth;

import java.time.Instant;
import java.util.Random;
import org.springframework.stereotype.Service;

@Service
public class PasswordResetService {
    private final ResetTokenRepository tokens;
    private final UserRepository users;
    private final Mailer mailer;
    private final Random random = new Random();

    public PasswordResetService(ResetTokenRepository tokens, UserRepository users, Mailer mailer) {
        this.tokens = tokens; this.users = users; this.mailer = mailer;
    }

    public void requestReset(String email, String host) {
        users.findByEmail(email).ifPresentOrElse(u -> {
            String token = Long.toHexString(random.nextLong()) + Long.toHexString(System.currentTimeMillis());
            tokens.save(new ResetToken(u.getId(), token, Instant.now().plusSeconds(86400)));
            mailer.send(email, "Reset your password", "https://" + host + "/reset?token=" + token);
        }, () -> { throw new UserNotFoundException(email); });
    }

    public boolean reset(String token, String newPassword) {
        ResetToken t = tokens.findByToken(token).orElse(null);
        if (t == null || t.getExpiresAt().isBefore(Instant.now())) return false;
        User u = users.findById(t.getUserId()).orElseThrow();
        u.setPasswordHash(Hashing.sha256(newPassword));
        users.save(u);
        return true;
    }
}''')], reqs=["host comes from the request's Host header", "say which findings are exploitable remotely without an account"], lang=None)

t('complex', 'performance-testing', "Exam day is in six weeks: about 40,000 students across 300 schools start the same maths exam at 9:00 sharp, autosave every 30 seconds, the proctoring websocket stays open the whole time, and everyone submits in the last five minutes. Please design the load test for this, end to end, so we know the platform survives it.", [], reqs=["model the 9:00 thundering herd on login and exam start, not a gentle ramp", "include SSO with the schools' identity providers (we can't load test those, so stub them realistically)", "websocket reconnect storms after a network blip at a large school", "what to measure in each service (gateway, auth, exam-api, autosave queue, Postgres, Redis) and the pass/fail criteria", "a soak phase for the 2-hour exam duration and how to reset data between runs"], fw='k6', lang='javascript')

t('complex', 'performance-testing', "During the soak test of the telehealth platform, p99 latency spikes to ~4s every 15 minutes across every endpoint, then recovers. Single-service benchmarks are all fine. Here is what we collected; find what causes the spikes and how to confirm it.", [('results/k6-soak.txt', lines(16, lambda i: f"t={i * 5:>3}m  rps=1180  p50={88 + i % 3}ms  p95={240 + (i % 3) * 7}ms  p99={4100 if i % 3 == 0 and i else 520 + i * 4}ms  errors={0.9 if i % 3 == 0 and i else 0.1}%")), ('logs/gateway.log', '''
10:15:00.8Z upstream scheduling-api: 37 x 504 (timeout 3000ms)
10:15:01.2Z upstream records-api: 22 x 504
10:30:00.7Z upstream scheduling-api: 41 x 504'''), ('logs/records-api-gc.log', '''
[2024-03-12T10:15:00.410+0000] GC(812) Pause Young (Normal) (G1 Evacuation Pause) 1024M->310M(2048M) 38.211ms
[2024-03-12T10:15:02.990+0000] GC(813) Pause Young (Normal) (G1 Evacuation Pause) 1102M->322M(2048M) 41.003ms'''), ('db/pg_stat_activity-10-15.txt', '''
 pid  | state  | wait_event_type | wait_event     | query
 4411 | active | Lock            | transactionid  | UPDATE slots SET held_by = $1 WHERE id = $2
 4412 | active | Lock            | transactionid  | UPDATE slots SET held_by = $1 WHERE id = $2
 4398 | active |                 |                | DELETE FROM slot_holds WHERE expires_at < now()   (started 10:15:00.05, running 2.9s)
 ... 118 more rows waiting on Lock/transactionid or Client/ClientRead (pool: 120/120)'''), ('infra/cron.yaml', '''
- name: expire-slot-holds
  schedule: "*/15 * * * *"
  command: node dist/jobs/expireHolds.js
- name: refresh-search-index
  schedule: "7 * * * *"'''), ('infra/pgbouncer.ini', '''
[pgbouncer]
pool_mode = transaction
default_pool_size = 120
max_client_conn = 2000''')], reqs=["explain why endpoints that don't touch slots also slow down", "propose a targeted experiment that would confirm or refute the cause"], lang=None)

# why: the handler is ~30 lines, but the ask is to load test idempotency under concurrent provider retries, which is a distributed correctness question dressed as perf
t('complex', 'performance-testing', "Stripe retries webhooks aggressively when we're slow, and at month-end renewals for tutoring subscriptions we get thousands at once. Design a load test for this handler that checks it stays fast and, more importantly, never processes the same event twice.", [('src/billing/webhook.controller.ts', '''
@Post('webhooks/stripe')
async handle(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') sig: string) {
  const event = this.stripe.webhooks.constructEvent(req.rawBody!, sig, this.secret);
  const seen = await this.events.findOne({ where: { id: event.id } });
  if (seen) return { received: true };
  if (event.type === 'invoice.paid') {
    const inv = event.data.object as Stripe.Invoice;
    await this.subscriptions.extend(inv.subscription as string, inv.lines.data[0].period.end);
    await this.credits.grant(inv.customer as string, inv.metadata.sessionCredits);
  }
  await this.events.save({ id: event.id, type: event.type, processedAt: new Date() });
  return { received: true };
}''')], reqs=["simulate duplicate deliveries of the same event arriving concurrently on different pods", "out-of-order delivery (invoice.paid before customer.subscription.updated)", "signature verification must stay on (generate signed payloads)", "say what the test will likely reveal about the handler"], fw='k6', lang='javascript')

t('complex', 'defect-analysis', "A handful of parents were charged twice for the March tutoring subscription. Only some of them, and only on the 1st. Here are the logs we could pull from billing, the payment gateway and the queue. Please find the root cause and tell me which other customers could be affected.", [('logs/billing-api.log', '''
2024-03-01T00:00:02.114Z billing-api-1 renewal-run start batch=2024-03 customers=18211
2024-03-01T00:04:41.902Z billing-api-1 charge cust_4410 amount=4900 idem=renew-cust_4410-2024-03 -> gateway timeout after 10000ms
2024-03-01T00:04:41.903Z billing-api-1 publish retry renewal cust_4410 attempt=2
2024-03-01T00:05:02.330Z billing-api-1 lease lost (k8s node drain) -> renewal-run aborted at offset 9120
2024-03-01T00:05:20.010Z billing-api-2 renewal-run start batch=2024-03 resume offset=8800'''), ('logs/payment-gateway.log', '''
2024-03-01T00:04:32.001Z POST /charges idem=renew-cust_4410-2024-03 -> 201 ch_A91 (latency 11.2s)
2024-03-01T00:05:03.512Z POST /charges idem=renew-cust_4410-2024-03-a2 -> 201 ch_B17
2024-03-01T00:05:31.774Z POST /charges idem=renew-cust_4410-2024-03 -> 200 ch_A91 (idempotent replay)'''), ('logs/queue-worker.log', '''
2024-03-01T00:05:03.401Z worker-3 consume renewal.retry cust_4410 attempt=2 -> idem key = base + "-a" + attempt
2024-03-01T00:05:03.600Z worker-3 charge ok ch_B17 -> mark invoice inv_2024-03-4410 paid'''), ('src/billing/renewal.ts', '''
export function idempotencyKey(customerId: string, period: string, attempt = 1) {
  return attempt > 1 ? `renew-${customerId}-${period}-a${attempt}` : `renew-${customerId}-${period}`;
}''')], reqs=["explain both the retry path and the resumed batch", "write the query we should run to find every affected customer", "propose a fix that holds if the gateway times out but still charges"], lang=None)

t('complex', 'defect-analysis', "Two clinicians at different practices have told us that after switching quickly between two patient tabs in the web app, a note they were typing showed up on the other patient's chart. We can't reproduce it. The editor autosaves after a pause, each tab has a websocket for live updates, and the active patient is kept in a global store. Please work out how this could happen and how we'd prove it.", [], reqs=["treat it as a possible patient-safety and privacy incident", "list the candidate interleavings between the autosave timer, the store update and websocket messages", "describe a deterministic reproduction (e.g. controlled clocks and delayed network) in Playwright", "say what audit data we should check to find other affected notes"], fw='playwright')
