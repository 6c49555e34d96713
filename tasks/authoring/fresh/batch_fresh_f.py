from lib import t, lines

# Fresh evaluation batch F, written to the rubric in docs/tasks.md (tiers = the cheapest model tier that reliably
# does the task well). Persona: a mobile/frontend tech lead who also runs releases (React, React Native, Swift,
# Kotlin/Android, Flutter, Next.js API routes, GraphQL, Playwright, Detox, Cypress). Asks are either very short or
# structured with acceptance criteria. Traps on purpose in both directions: short code hiding hard problems, long
# but mechanical artefacts, medium judgement over small inputs, complex work described in prose only.

_AREAS = ['cart', 'checkout', 'catalog', 'search', 'account', 'orders', 'promo', 'delivery-slots', 'substitutions', 'favourites']
_ACTIONS = ['add-item', 'remove-item', 'empty-state', 'pagination', 'filters', 'edge-cases']
_CY_FAIL = (7, 22, 23, 41, 58)

def _cy_row(i):
    spec = f'{_AREAS[i // 6]}/{_ACTIONS[i % 6]}.cy.ts'
    tests = 3 + (i * 7) % 9
    if i in _CY_FAIL:
        return f'  │ ✖  {spec:<38} 00:{20 + i % 30:02d}   {tests:>5}   {tests - 1:>5}   {1:>5}       -       - │'
    return f'  │ ✔  {spec:<38} 00:{3 + i % 40:02d}   {tests:>5}   {tests:>5}       -       -       - │'

_LH_AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift',
              'interactive', 'server-response-time', 'render-blocking-resources', 'unused-javascript', 'unused-css-rules',
              'uses-responsive-images', 'offscreen-images', 'uses-text-compression', 'uses-long-cache-ttl', 'dom-size',
              'bootup-time', 'mainthread-work-breakdown', 'font-display', 'third-party-summary', 'legacy-javascript',
              'color-contrast', 'image-alt', 'button-name', 'link-name', 'html-has-lang', 'meta-viewport', 'document-title',
              'is-on-https', 'errors-in-console', 'valid-source-maps', 'robots-txt', 'hreflang', 'canonical', 'crawlable-anchors']

_BUNDLE = [('react-dom', 131.4), ('moment', 289.7), ('lodash', 71.2), ('@sentry/browser', 64.8), ('mapbox-gl', 742.1),
           ('chart.js', 203.5), ('date-fns', 38.9), ('@apollo/client', 156.3), ('graphql', 112.0), ('framer-motion', 118.6),
           ('zod', 57.4), ('axios', 29.1), ('i18next', 44.7), ('react-hook-form', 25.3), ('swiper', 96.2),
           ('@stripe/stripe-js', 11.8), ('immer', 16.4), ('uuid', 6.2), ('classnames', 1.1), ('react-query', 42.9),
           ('@turf/turf', 311.9), ('pdfjs-dist', 402.6), ('hls.js', 387.0), ('core-js', 88.3), ('rxjs', 61.0)]

_CRASH_FRAMES = ['libsystem_kernel.dylib  mach_msg2_trap + 8', 'libsystem_kernel.dylib  mach_msg2_internal + 80',
                 'CoreFoundation          __CFRunLoopServiceMachPort + 160', 'CoreFoundation          __CFRunLoopRun + 1212',
                 'Foundation              -[NSRunLoop(NSRunLoop) runMode:beforeDate:] + 212', 'libsystem_pthread.dylib _pthread_start + 136']

# =============================================================================================================
# simple (18)
# =============================================================================================================

t('simple', 'test-execution', "Cypress nightly for the grocery web app finished. Which specs failed? Just the file names please.",
  [('artifacts/cypress-run.txt', '''
  (Run Finished)

       Spec                                    Time    Tests  Passing  Failing  Pending  Skipped
  ┌───────────────────────────────────────────────────────────────────────────────────────────┐
''' + lines(60, _cy_row) + '''
  └───────────────────────────────────────────────────────────────────────────────────────────┘
    ✖  5 of 60 failed (8%)                    21:47      354      349        5        -        -
''')], fw='cypress', lang=None)

t('simple', 'test-execution', "Kick off the Detox iOS suite on the iPhone 15 simulator (`detox test -c ios.sim.release`) and give me passed/failed/skipped counts.", [], fw='jest', lang='javascript')

t('simple', 'test-execution', "run `flutter test test/widgets/` in the fitness app and tell me which tests fail, nothing else", [], lang=None)

t('simple', 'performance-testing', "Pull the four category scores (performance, accessibility, best practices, SEO) out of this Lighthouse report for the travel landing page, as whole percentages.",
  [('reports/lighthouse-landing.json', '''
{
  "lighthouseVersion": "11.4.0",
  "requestedUrl": "https://staging.tripnest.app/",
  "finalDisplayedUrl": "https://staging.tripnest.app/",
  "fetchTime": "2024-05-14T07:12:44.913Z",
  "configSettings": { "formFactor": "mobile", "throttlingMethod": "simulate", "locale": "en-US" },
  "audits": {
''' + lines(len(_LH_AUDITS), lambda i: f'    "{_LH_AUDITS[i]}": {{ "id": "{_LH_AUDITS[i]}", "score": {((i * 37) % 100) / 100:.2f}, "scoreDisplayMode": "numeric", "numericValue": {(i * 413) % 5200 + 12} }},') + '''
    "final-screenshot": { "id": "final-screenshot", "score": null, "scoreDisplayMode": "informative" }
  },
  "categories": {
    "performance": { "id": "performance", "title": "Performance", "score": 0.61 },
    "accessibility": { "id": "accessibility", "title": "Accessibility", "score": 0.87 },
    "best-practices": { "id": "best-practices", "title": "Best Practices", "score": 0.96 },
    "seo": { "id": "seo", "title": "SEO", "score": 0.92 }
  },
  "timing": { "total": 14382.6 }
}''')], lang=None)

t('simple', 'performance-testing', "From the bundle report below, list the five biggest npm packages by parsed size, largest first.",
  [('reports/bundle-stats.txt', 'Bundle: web/.next/static/chunks (production build, parsed sizes)\n\nPackage                         Parsed (KB)   Gzip (KB)   Chunks\n'
    + lines(len(_BUNDLE), lambda i: f'{_BUNDLE[i][0]:<32}{_BUNDLE[i][1]:>10.1f}{_BUNDLE[i][1] * 0.31:>12.1f}   {1 + i % 4}')
    + '\n\nTotal parsed: 3654.4 KB   Total gzip: 1132.9 KB')], lang=None)

t('simple', 'coverage-analysis', "Which screens in the RN banking app are under 60% line coverage?",
  [('coverage/coverage-summary.txt', '''
File                                   % Stmts  % Branch  % Funcs  % Lines
src/screens/LoginScreen.tsx              88.2      75.0     90.0     88.9
src/screens/AccountsScreen.tsx           72.4      61.1     80.0     73.0
src/screens/TransferScreen.tsx           54.9      40.0     62.5     55.6
src/screens/TransferConfirmScreen.tsx    81.0      70.0     85.7     81.3
src/screens/CardsScreen.tsx              47.3      33.3     50.0     46.8
src/screens/StatementsScreen.tsx         63.5      50.0     66.7     64.1
src/screens/SettingsScreen.tsx           91.7      83.3    100.0     91.7
src/screens/PayeesScreen.tsx             59.2      45.5     60.0     59.9
src/screens/NotificationsScreen.tsx      38.0      25.0     40.0     37.5
src/screens/SupportChatScreen.tsx        70.0      58.3     75.0     70.4''')], lang=None)

t('simple', 'coverage-analysis', "lcov for lib/units.dart attached. Which functions were never called by the tests?",
  [('coverage/lcov.info', '''
SF:lib/units.dart
FN:4,kmToMiles
FN:8,milesToKm
FN:12,paceMinPerKm
FN:19,paceMinPerMile
FN:26,formatDuration
FN:38,caloriesFromMet
FNDA:14,kmToMiles
FNDA:0,milesToKm
FNDA:9,paceMinPerKm
FNDA:0,paceMinPerMile
FNDA:6,formatDuration
FNDA:0,caloriesFromMet
FNF:6
FNH:3
LF:41
LH:24
end_of_record''')], lang=None)

# why: long input (a whole Enzyme spec), but the conversion is one-for-one and mechanical; no new cases to design.
t('simple', 'test-generation', "We're dropping Enzyme. Convert this spec to React Testing Library one test per test, same assertions, no new cases.",
  [('src/components/__tests__/LessonCard.test.jsx', '''
import React from 'react';
import { shallow, mount } from 'enzyme';
import LessonCard from '../LessonCard';

const lesson = { id: 'l-12', title: 'Fractions 101', durationMin: 14, progress: 0.4, locked: false };

describe('LessonCard', () => {
  it('renders the title', () => {
    const wrapper = shallow(<LessonCard lesson={lesson} />);
    expect(wrapper.find('.lesson-title').text()).toBe('Fractions 101');
  });

  it('shows the duration in minutes', () => {
    const wrapper = shallow(<LessonCard lesson={lesson} />);
    expect(wrapper.find('.lesson-duration').text()).toBe('14 min');
  });

  it('renders a progress bar at 40%', () => {
    const wrapper = mount(<LessonCard lesson={lesson} />);
    expect(wrapper.find('[role="progressbar"]').prop('aria-valuenow')).toBe(40);
  });

  it('shows a lock icon when the lesson is locked', () => {
    const wrapper = shallow(<LessonCard lesson={{ ...lesson, locked: true }} />);
    expect(wrapper.find('LockIcon')).toHaveLength(1);
  });

  it('does not show a lock icon when unlocked', () => {
    const wrapper = shallow(<LessonCard lesson={lesson} />);
    expect(wrapper.find('LockIcon')).toHaveLength(0);
  });

  it('calls onStart with the lesson id when the start button is clicked', () => {
    const onStart = jest.fn();
    const wrapper = mount(<LessonCard lesson={lesson} onStart={onStart} />);
    wrapper.find('button.start').simulate('click');
    expect(onStart).toHaveBeenCalledWith('l-12');
  });

  it('disables the start button when locked', () => {
    const wrapper = mount(<LessonCard lesson={{ ...lesson, locked: true }} onStart={jest.fn()} />);
    expect(wrapper.find('button.start').prop('disabled')).toBe(true);
  });

  it('shows "Completed" when progress is 1', () => {
    const wrapper = shallow(<LessonCard lesson={{ ...lesson, progress: 1 }} />);
    expect(wrapper.find('.lesson-status').text()).toBe('Completed');
  });
});''')], fw='jest', lang='javascript')

t('simple', 'test-generation', "Vitest cases for this please: km, mi, and the under-1 branch.",
  [('src/maps/formatDistance.ts', '''
export type Units = 'metric' | 'imperial';

export function formatDistance(meters: number, units: Units): string {
  if (units === 'imperial') {
    const miles = meters / 1609.344;
    if (miles < 0.1) return `${Math.round(meters * 3.28084)} ft`;
    return `${miles.toFixed(1)} mi`;
  }
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${(meters / 1000).toFixed(1)} km`;
}''')], fw='vitest')

t('simple', 'test-generation', "Add JUnit tests for bmiCategory in the Android fitness module. Cover each category boundary.",
  [('app/src/main/java/com/fitloop/health/Bmi.kt', '''
package com.fitloop.health

enum class BmiCategory { UNDERWEIGHT, NORMAL, OVERWEIGHT, OBESE }

fun bmi(weightKg: Double, heightCm: Double): Double {
    val m = heightCm / 100.0
    return weightKg / (m * m)
}

fun bmiCategory(value: Double): BmiCategory = when {
    value < 18.5 -> BmiCategory.UNDERWEIGHT
    value < 25.0 -> BmiCategory.NORMAL
    value < 30.0 -> BmiCategory.OVERWEIGHT
    else -> BmiCategory.OBESE
}''')], lang=None)

t('simple', 'defect-analysis', "Got this crash from TestFlight. Summarise it for the ticket: exception type, which thread crashed, and the top frame in our own code.",
  [('crashes/TripNest-2024-05-13-221804.ips', '''
Incident Identifier: 4F1C2A8E-9D3B-4C11-A0E2-77B1F0C9D512
Hardware Model:      iPhone15,2
Process:             TripNest [4123]
Identifier:          app.tripnest.ios
Version:             4.12.0 (4120031)
Code Type:           ARM-64 (Native)
Role:                Foreground
OS Version:          iPhone OS 17.4.1 (21E236)
Exception Type:  EXC_BREAKPOINT (SIGTRAP)
Exception Codes: 0x0000000000000001, 0x00000001a41c7e28
Termination Reason: SIGNAL 5 Trace/BPT trap: 5
Triggered by Thread:  0

Thread 0 name:   Dispatch queue: com.apple.main-thread
Thread 0 Crashed:
0   libswiftCore.dylib            0x1a41c7e28 _assertionFailure(_:_:file:line:flags:) + 264
1   TripNest                      0x1028a4410 ItineraryViewModel.segment(at:) + 412 (ItineraryViewModel.swift:87)
2   TripNest                      0x1028a39cc ItineraryViewController.tableView(_:cellForRowAt:) + 220 (ItineraryViewController.swift:141)
3   UIKitCore                     0x18d1b2c34 -[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:] + 1052
4   UIKitCore                     0x18d1b27f0 -[UITableView _updateVisibleCellsNow:] + 1212
5   UIKitCore                     0x18d1b1e10 -[UITableView layoutSubviews] + 148
6   UIKitCore                     0x18d0f6a44 -[UIView(CALayerDelegate) layoutSublayersOfLayer:] + 1528
7   QuartzCore                    0x18c5e1a20 CA::Layer::layout_if_needed(CA::Transaction*) + 500
8   UIKitCore                     0x18d0f4b40 _UIApplicationFlushCATransaction + 72
9   CoreFoundation                0x18b0f3a2c __CFRunLoopDoObservers + 548
10  CoreFoundation                0x18b0f2e8c __CFRunLoopRun + 1036
11  GraphicsServices              0x1d0a7e1a8 GSEventRunModal + 164
12  UIKitCore                     0x18d4f1d00 -[UIApplication _run] + 888
13  TripNest                      0x10271c0f4 main + 64 (AppDelegate.swift:12)
14  dyld                          0x1ae9c2d84 start + 2240

''' + lines(9, lambda i: f'Thread {i + 1}' + (f' name:   Dispatch queue: com.apple.NSURLSession-work' if i == 2 else '') + ':\n'
               + '\n'.join(f'{j}   {_CRASH_FRAMES[j]}' for j in range(len(_CRASH_FRAMES))) + '\n') + '''
Thread 0 crashed with ARM Thread State (64-bit):
    x0: 0x0000000000000000   x1: 0x0000000000000000   x2: 0x0000000000000000   x3: 0x00000002836f4f00
    pc: 0x00000001a41c7e28   lr: 0x00000001a41c7e28   sp: 0x000000016d7a5d60 cpsr: 0x60001000

Binary Images:
       0x1026f4000 -        0x102f9bfff TripNest arm64  <a1b2c3d4e5f60718293a4b5c6d7e8f90> /private/var/containers/Bundle/Application/TripNest.app/TripNest
       0x1a41a0000 -        0x1a45fffff libswiftCore.dylib arm64e  <0f1e2d3c4b5a69788796a5b4c3d2e1f0> /usr/lib/swift/libswiftCore.dylib''')], lang=None)

t('simple', 'defect-analysis', "Page 2 of the social feed repeats the last post of page 1. Where's the bug?",
  [('src/feed/paginate.ts', '''
export function pageSlice<T>(items: T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize - 1;
  return items.slice(Math.max(start, 0), start + pageSize);
}''')])

t('simple', 'quality-gate', "Gate for the iOS release is crash-free sessions >= 99.5% and app size under 150 MB. We're at 99.62% and 148.9 MB. Go or no-go?", [], lang=None)

t('simple', 'quality-gate', "Release checklist says every shipped locale must be 100% translated. Which locales below block the release?",
  [('reports/strings-coverage.txt', '''
Locale   Translated   Total   %
en         1842        1842   100.0
de         1842        1842   100.0
fr         1839        1842    99.8
es         1842        1842   100.0
it         1842        1842   100.0
pt-BR      1801        1842    97.8
ja         1842        1842   100.0
ko         1842        1842   100.0
ar         1790        1842    97.2
nl         1842        1842   100.0
sv         1842        1842   100.0
pl         1842        1842   100.0''')], lang=None)

t('simple', 'flaky-test-analysis', "Here's the last 10 CI runs of the checkout Playwright suite. List the tests that both passed and failed at least once. No diagnosis needed.",
  [('reports/checkout-history.csv', 'test,r1,r2,r3,r4,r5,r6,r7,r8,r9,r10\n'
    + lines(24, lambda i: f'checkout.spec.ts > case {i + 1:02d},' + ','.join('F' if (i in (3, 11, 17) and (k * (i + 3)) % 7 == 2) or (i == 20) else 'P' for k in range(10))))], fw='playwright', lang=None)

t('simple', 'flaky-test-analysis', "Count how many retries each test needed in this Playwright JSON summary and sort by most retries.",
  [('reports/pw-summary.json', '''
{
  "suites": [
    { "file": "maps/route-preview.spec.ts", "tests": [
      { "title": "shows ETA after route calculated", "results": [ { "status": "failed", "retry": 0 }, { "status": "passed", "retry": 1 } ] },
      { "title": "recenters on user location", "results": [ { "status": "passed", "retry": 0 } ] }
    ] },
    { "file": "maps/offline-tiles.spec.ts", "tests": [
      { "title": "loads cached tiles in airplane mode", "results": [ { "status": "failed", "retry": 0 }, { "status": "failed", "retry": 1 }, { "status": "passed", "retry": 2 } ] }
    ] },
    { "file": "maps/search.spec.ts", "tests": [
      { "title": "autocompletes an address", "results": [ { "status": "timedOut", "retry": 0 }, { "status": "passed", "retry": 1 } ] },
      { "title": "clears search on escape", "results": [ { "status": "passed", "retry": 0 } ] },
      { "title": "shows recent searches", "results": [ { "status": "passed", "retry": 0 } ] }
    ] }
  ]
}''')], fw='playwright', lang=None)

t('simple', 'security-scan', "npm audit output for the web app below. Just list the critical ones with package and fixed version.",
  [('reports/npm-audit.txt', '''
# npm audit report

axios  1.0.0 - 1.6.7
Severity: moderate
Axios Cross-Site Request Forgery Vulnerability - https://github.com/advisories/GHSA-wf5p-g6vw-rhxx
fix available via `npm audit fix`
node_modules/axios

ejs  <3.1.10
Severity: critical
ejs lacks certain pollution protection - https://github.com/advisories/GHSA-ghr5-ch3p-vcr6
fix available via `npm audit fix` (fixed in 3.1.10)
node_modules/ejs

follow-redirects  <=1.15.5
Severity: moderate
follow-redirects' Proxy-Authorization header kept across hosts - https://github.com/advisories/GHSA-cxjh-pqwp-8mfp
fix available via `npm audit fix`
node_modules/follow-redirects

semver  7.0.0 - 7.5.1
Severity: high
semver vulnerable to Regular Expression Denial of Service - https://github.com/advisories/GHSA-c2qf-rxjj-qqgw
fix available via `npm audit fix`
node_modules/semver

shell-quote  <=1.7.2
Severity: critical
Improper Neutralization of Special Elements used in a Command in Shell-quote - https://github.com/advisories/GHSA-g4rg-993r-mgx7
fix available via `npm audit fix` (fixed in 1.7.3)
node_modules/shell-quote

5 vulnerabilities (2 moderate, 1 high, 2 critical)''')], lang=None)

t('simple', 'security-scan', "quick one: does this Info.plist allow arbitrary HTTP loads?",
  [('ios/GroceryGo/Info.plist', '''
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleDisplayName</key>
  <string>GroceryGo</string>
  <key>CFBundleShortVersionString</key>
  <string>3.8.1</string>
  <key>NSLocationWhenInUseUsageDescription</key>
  <string>We use your location to find delivery slots near you.</string>
  <key>NSAppTransportSecurity</key>
  <dict>
    <key>NSAllowsArbitraryLoads</key>
    <true/>
  </dict>
  <key>UIBackgroundModes</key>
  <array>
    <string>remote-notification</string>
  </array>
</dict>
</plist>''')], lang=None)

# =============================================================================================================
# medium (18)
# =============================================================================================================

# why: small component, but applying the a11y checklist means judging roles, labels, touch targets and state
# announcements together; no security or concurrency, so not complex.
t('medium', 'quality-gate', "Accessibility gate for the transfer screen before we submit 6.2. Does this component pass our checklist? List each violation with the line and the fix.",
  [('src/screens/transfer/PayeePicker.tsx', '''
import React from 'react';
import { FlatList, Image, Pressable, Text, View, StyleSheet } from 'react-native';
import type { Payee } from '../../api/types';

type Props = { payees: Payee[]; selectedId?: string; onSelect: (id: string) => void; onAdd: () => void };

export function PayeePicker({ payees, selectedId, onSelect, onAdd }: Props) {
  return (
    <View style={styles.root}>
      <View style={styles.header}>
        <Text style={styles.title}>Pay someone</Text>
        <Pressable onPress={onAdd} style={styles.addBtn} hitSlop={2}>
          <Image source={require('../../assets/plus.png')} style={styles.icon} />
        </Pressable>
      </View>
      <FlatList
        data={payees}
        keyExtractor={(p) => p.id}
        renderItem={({ item }) => (
          <Pressable onPress={() => onSelect(item.id)} style={[styles.row, item.id === selectedId && styles.selected]}>
            <Image source={{ uri: item.avatarUrl }} style={styles.avatar} />
            <View>
              <Text style={styles.name}>{item.name}</Text>
              <Text style={styles.iban}>{item.maskedIban}</Text>
            </View>
            {item.id === selectedId && <Image source={require('../../assets/check.png')} style={styles.icon} />}
          </Pressable>
        )}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1, backgroundColor: '#FFFFFF' },
  header: { flexDirection: 'row', justifyContent: 'space-between', padding: 16 },
  title: { fontSize: 20, fontWeight: '600', color: '#111111' },
  addBtn: { width: 28, height: 28, alignItems: 'center', justifyContent: 'center' },
  icon: { width: 20, height: 20 },
  row: { flexDirection: 'row', alignItems: 'center', paddingHorizontal: 16, height: 56 },
  selected: { backgroundColor: '#EAF4FF' },
  avatar: { width: 36, height: 36, borderRadius: 18, marginRight: 12 },
  name: { fontSize: 16, color: '#111111' },
  iban: { fontSize: 12, color: '#A0A0A0' },
});''')],
  reqs=['Every interactive element has an accessible name and role',
        'Touch targets are at least 44x44 pt (hitSlop counts)',
        'Selected state is exposed to VoiceOver/TalkBack, not only by colour',
        'Text contrast is at least 4.5:1 against its background',
        'Decorative images are hidden from the accessibility tree'])

# why: ~25 lines, but Intl, time zones and DST make the edge cases non-obvious; that is judgement, not concurrency.
t('medium', 'test-generation', "Write vitest tests for useTripDateLabel. It has to be right for travellers crossing time zones, so think about the edges.",
  [('src/booking/useTripDateLabel.ts', '''
import { useMemo } from 'react';

export function useTripDateLabel(isoDeparture: string, destinationTz: string, locale: string, now: Date = new Date()) {
  return useMemo(() => {
    const dep = new Date(isoDeparture);
    const dayKey = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: destinationTz }).format(d);
    const diffDays = Math.round((Date.parse(dayKey(dep)) - Date.parse(dayKey(now))) / 86_400_000);
    if (Math.abs(diffDays) <= 1) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(diffDays, 'day');
    }
    if (diffDays > 1 && diffDays < 7) {
      return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: destinationTz }).format(dep);
    }
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: dep.getFullYear() === now.getFullYear() ? undefined : 'numeric', timeZone: destinationTz }).format(dep);
  }, [isoDeparture, destinationTz, locale, now]);
}''')],
  reqs=['Use fake timers / a fixed now, never the wall clock', 'Cover a departure just after midnight in the destination but still "today" at home',
        'Cover a DST change week in Europe/London and a non-DST zone', 'At least one RTL locale and one CJK locale', 'Year boundary: Dec 31 -> Jan 2'],
  fw='vitest')

t('medium', 'flaky-test-analysis', "This Detox test on Android fails maybe 1 in 4 on CI and never locally. Log and spec attached. Why, and what's the fix?",
  [('e2e/workoutSummary.e2e.js', '''
describe('Workout summary', () => {
  beforeAll(async () => {
    await device.launchApp({ newInstance: true, permissions: { location: 'always' } });
    await element(by.id('login-email')).typeText('e2e+runner@fitloop.dev');
    await element(by.id('login-password')).typeText('Passw0rd!');
    await element(by.id('login-submit')).tap();
  });

  it('shows the summary after finishing a run', async () => {
    await element(by.id('tab-workouts')).tap();
    await element(by.id('start-run')).tap();
    await element(by.id('finish-run')).tap();
    await expect(element(by.id('summary-distance'))).toBeVisible();
    await expect(element(by.id('summary-map'))).toBeVisible();
  });
});'''),
   ('artifacts/detox-android-ci.log', '''
12:04:11.203 detox[4411] i Workout summary: shows the summary after finishing a run
12:04:11.950 detox[4411] i tap(by.id('tab-workouts'))
12:04:12.412 detox[4411] i tap(by.id('start-run'))
12:04:12.911 detox[4411] i tap(by.id('finish-run'))
12:04:13.022 detox[4411] i expect(by.id('summary-distance')).toBeVisible()
12:04:13.540 detox[4411] i [DetoxSync] App is busy: 1 enqueued native timers, 3 in-flight network requests
12:04:13.541 detox[4411] i   - network: GET https://tiles.fitloop.dev/v4/15/17602/10745.pbf
12:04:13.541 detox[4411] i   - network: GET https://tiles.fitloop.dev/v4/15/17603/10745.pbf
12:04:13.541 detox[4411] i   - network: POST https://api.fitloop.dev/v2/workouts
12:04:28.540 detox[4411] i [DetoxSync] App is busy: 1 enqueued native timers, 2 in-flight network requests
12:04:43.541 detox[4411] i [DetoxSync] App is busy: 1 enqueued native timers, 2 in-flight network requests
12:05:11.206 detox[4411] e Test Failed: Timed out while waiting for the app to become idle
    at Object.<anonymous> (e2e/workoutSummary.e2e.js:14:52)
12:05:11.210 detox[4411] i Workout summary: shows the summary after finishing a run [FAIL]
''')], fw='jest', lang='javascript')

t('medium', 'quality-gate', "Android 7.3.0 is at 20% staged rollout. Should we go to 100%, hold, or halt? Use the gate below and explain per metric.",
  [('reports/android-7.3.0-rollout.md', '''
| metric                              | 7.2.4 (baseline) | 7.3.0 @20% | gate                          |
|-------------------------------------|------------------|------------|-------------------------------|
| crash-free users (7d)               | 99.71%           | 99.48%     | >= 99.5%                      |
| user-perceived ANR rate             | 0.31%            | 0.29%      | < 0.47% (Play bad behaviour)  |
| cold start p90 (Pixel 6a)           | 1.42 s           | 1.61 s     | regression < 15%              |
| download size                       | 38.2 MB          | 41.0 MB    | growth < 10%                  |
| e2e pass rate (last 5 nightlies)    | 100%             | 98.7%      | >= 98%                        |
| open P1 bugs tagged 7.3.0           | -                | 1          | 0 (or accepted by PM)         |
| Play pre-launch accessibility warns | 4                | 4          | no new warnings               |

Notes: crash-free dip is mostly one crash cluster in CheckoutFragment on Android 9 (0.6% of users).
P1 #4821 "promo code not applied for Ukrainian locale" - PM comment: "fix in 7.3.1, ok to ship".''')], lang=None)

t('medium', 'test-generation', "Tests for the signup form in the fitness web app.",
  [('src/components/SignupForm.tsx', '''
import { useState } from 'react';
import { signup, ApiError } from '../api/auth';

type Errors = Partial<Record<'email' | 'password' | 'age' | 'form', string>>;

export function SignupForm({ onSuccess }: { onSuccess: (userId: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [age, setAge] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);

  function validate(): Errors {
    const e: Errors = {};
    if (!/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(email)) e.email = 'Enter a valid email';
    if (password.length < 10) e.password = 'At least 10 characters';
    else if (!/[0-9]/.test(password) || !/[A-Za-z]/.test(password)) e.password = 'Use letters and numbers';
    const n = Number(age);
    if (!Number.isInteger(n) || n < 16 || n > 120) e.age = 'You must be 16 or older';
    return e;
  }

  async function handleSubmit(ev: React.FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    setSubmitting(true);
    try {
      const { userId } = await signup({ email: email.trim().toLowerCase(), password, age: Number(age) });
      onSuccess(userId);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setErrors({ email: 'That email is already registered' });
      else if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors as Errors);
      else setErrors({ form: 'Something went wrong, try again' });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <label htmlFor="email">Email</label>
      <input id="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errors.email} />
      {errors.email && <p role="alert">{errors.email}</p>}
      <label htmlFor="password">Password</label>
      <input id="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password} />
      {errors.password && <p role="alert">{errors.password}</p>}
      <label htmlFor="age">Age</label>
      <input id="age" inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} aria-invalid={!!errors.age} />
      {errors.age && <p role="alert">{errors.age}</p>}
      {errors.form && <p role="alert">{errors.form}</p>}
      <button type="submit" disabled={submitting}>{submitting ? 'Creating account...' : 'Create account'}</button>
    </form>
  );
}''')],
  reqs=['React Testing Library + user-event, queries by role/label only', 'Mock ../api/auth, do not hit the network',
        'Each validation message, 409, 422 field errors, generic failure', 'Button is disabled while the request is pending', 'Email is trimmed and lower-cased before sending'],
  fw='jest')

t('medium', 'test-generation', "Need integration tests for the booking API route (Next.js pages router). Prisma is mocked with jest-mock-extended; auth is handled by middleware so don't test that.",
  [('pages/api/bookings/[id].ts', '''
import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import { prisma } from '../../../lib/prisma';
import { Prisma } from '@prisma/client';

const patchSchema = z.object({
  seats: z.number().int().min(1).max(9).optional(),
  notes: z.string().max(500).optional(),
}).refine((v) => Object.keys(v).length > 0, 'empty patch');

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id);
  if (!/^bk_[a-z0-9]{12}$/.test(id)) return res.status(400).json({ error: 'bad id' });

  switch (req.method) {
    case 'GET': {
      const booking = await prisma.booking.findUnique({ where: { id }, include: { flight: true } });
      if (!booking) return res.status(404).json({ error: 'not found' });
      return res.status(200).json(booking);
    }
    case 'PATCH': {
      const parsed = patchSchema.safeParse(req.body);
      if (!parsed.success) return res.status(422).json({ error: parsed.error.flatten() });
      try {
        const updated = await prisma.booking.update({ where: { id, status: 'CONFIRMED' }, data: parsed.data });
        return res.status(200).json(updated);
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025') {
          return res.status(409).json({ error: 'booking not editable' });
        }
        throw e;
      }
    }
    case 'DELETE': {
      const { count } = await prisma.booking.updateMany({ where: { id, status: { in: ['CONFIRMED', 'HELD'] } }, data: { status: 'CANCELLED' } });
      return count ? res.status(204).end() : res.status(409).json({ error: 'cannot cancel' });
    }
    default:
      res.setHeader('Allow', 'GET, PATCH, DELETE');
      return res.status(405).end();
  }
}''')], fw='jest')

t('medium', 'coverage-analysis', "Coverage for packages/feed is below. Where are the gaps that actually matter for the social feed, and what 5 tests would you add first?",
  [('packages/feed/coverage/coverage-summary.json', '''
{
  "total": { "lines": { "pct": 71.3 }, "branches": { "pct": 58.9 }, "functions": { "pct": 74.0 } },
  "src/FeedScreen.tsx": { "lines": { "pct": 82.1 }, "branches": { "pct": 66.7 }, "functions": { "pct": 80.0 } },
  "src/useFeedQuery.ts": { "lines": { "pct": 64.0 }, "branches": { "pct": 41.2 }, "functions": { "pct": 75.0 } },
  "src/mergePages.ts": { "lines": { "pct": 52.6 }, "branches": { "pct": 37.5 }, "functions": { "pct": 50.0 } },
  "src/PostCard.tsx": { "lines": { "pct": 93.4 }, "branches": { "pct": 85.0 }, "functions": { "pct": 100 } },
  "src/LikeButton.tsx": { "lines": { "pct": 70.0 }, "branches": { "pct": 50.0 }, "functions": { "pct": 66.7 } },
  "src/useLikeMutation.ts": { "lines": { "pct": 45.5 }, "branches": { "pct": 30.0 }, "functions": { "pct": 50.0 } },
  "src/CommentSheet.tsx": { "lines": { "pct": 77.8 }, "branches": { "pct": 62.5 }, "functions": { "pct": 71.4 } },
  "src/mediaPrefetch.ts": { "lines": { "pct": 33.3 }, "branches": { "pct": 20.0 }, "functions": { "pct": 40.0 } },
  "src/formatCounts.ts": { "lines": { "pct": 100 }, "branches": { "pct": 100 }, "functions": { "pct": 100 } },
  "src/ReportPostModal.tsx": { "lines": { "pct": 58.8 }, "branches": { "pct": 44.4 }, "functions": { "pct": 60.0 } },
  "src/feedAnalytics.ts": { "lines": { "pct": 90.0 }, "branches": { "pct": 75.0 }, "functions": { "pct": 100 } },
  "src/EmptyFeed.tsx": { "lines": { "pct": 100 }, "branches": { "pct": 100 }, "functions": { "pct": 100 } }
}''')], lang=None)

t('medium', 'defect-analysis', "Order screen in the grocery app shows courier: null for about half the orders since we added DataLoader, but the DB has courier ids for all of them. Resolver, loader and a log sample attached.",
  [('server/graphql/resolvers/order.ts', '''
import type { Resolvers } from '../generated';

export const Order: Resolvers['Order'] = {
  courier: (order, _args, ctx) => (order.courierId ? ctx.loaders.courier.load(order.courierId) : null),
  items: (order, _args, ctx) => ctx.loaders.orderItems.load(order.id),
};'''),
   ('server/graphql/loaders/courier.ts', '''
import DataLoader from 'dataloader';
import type { Pool } from 'pg';

export function courierLoader(db: Pool) {
  return new DataLoader<string, Courier | null>(async (ids) => {
    const { rows } = await db.query('SELECT id, name, phone_masked, vehicle FROM couriers WHERE id = ANY($1::int[])', [ids]);
    const byId = new Map(rows.map((r: Courier) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export type Courier = { id: number; name: string; phone_masked: string; vehicle: string };'''),
   ('logs/api-sample.log', '''
2024-05-12T18:22:03.114Z debug sql SELECT id, name, phone_masked, vehicle FROM couriers WHERE id = ANY($1::int[]) params=[["41","87","112"]] rows=3 ms=2.1
2024-05-12T18:22:03.116Z debug gql Order{id:"o_8812"}.courierId="41" courier=null
2024-05-12T18:22:03.116Z debug gql Order{id:"o_8813"}.courierId=87 courier={"id":87,"name":"Mina K."}
2024-05-12T18:22:03.117Z debug gql Order{id:"o_8814"}.courierId="112" courier=null
2024-05-12T18:22:05.402Z debug gql Order{id:"o_8820"}.courierId=41 courier={"id":41,"name":"Tomas R."}''')])

# why: Flutter widget test with a log; one flaky test diagnosed from code and output, which the rubric puts at medium.
t('medium', 'flaky-test-analysis', "The Flutter widget test for the lesson countdown is flaky on CI (pumpAndSettle timed out, sometimes a wrong label). Widget, test and CI output attached.",
  [('lib/widgets/lesson_countdown.dart', '''
import 'dart:async';
import 'package:flutter/material.dart';

class LessonCountdown extends StatefulWidget {
  final DateTime startsAt;
  const LessonCountdown({super.key, required this.startsAt});
  @override
  State<LessonCountdown> createState() => _LessonCountdownState();
}

class _LessonCountdownState extends State<LessonCountdown> {
  late Timer _timer;
  Duration _left = Duration.zero;

  @override
  void initState() {
    super.initState();
    _tick();
    _timer = Timer.periodic(const Duration(seconds: 1), (_) => _tick());
  }

  void _tick() => setState(() => _left = widget.startsAt.difference(DateTime.now()));

  @override
  void dispose() {
    _timer.cancel();
    super.dispose();
  }

  @override
  Widget build(BuildContext context) {
    if (_left.isNegative) return const Text('Live now');
    final m = _left.inMinutes, s = _left.inSeconds % 60;
    return Row(children: [
      const CircularProgressIndicator(),
      Text('Starts in ${m}m ${s.toString().padLeft(2, '0')}s'),
    ]);
  }
}'''),
   ('test/widgets/lesson_countdown_test.dart', '''
import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:learnly/widgets/lesson_countdown.dart';

void main() {
  testWidgets('shows minutes and seconds until start', (tester) async {
    final start = DateTime.now().add(const Duration(minutes: 2, seconds: 5));
    await tester.pumpWidget(MaterialApp(home: LessonCountdown(startsAt: start)));
    await tester.pumpAndSettle();
    expect(find.text('Starts in 2m 05s'), findsOneWidget);
  });
}'''),
   ('artifacts/flutter-test-ci.txt', '''
00:04 +12: shows minutes and seconds until start
══╡ EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK ╞════════════════════════════════════════
The following assertion was thrown running a test:
pumpAndSettle timed out
When the exception was thrown, this was the stack:
#0      WidgetTester.pumpAndSettle.<anonymous closure> (package:flutter_test/src/widget_tester.dart:712:11)
00:14 +12 -1: shows minutes and seconds until start [E]
--- retry 1 ---
00:15 +12 -1: shows minutes and seconds until start
Expected: exactly one matching candidate
  Actual: _TextWidgetFinder:<Found 0 widgets with text "Starts in 2m 05s": []>
   Which: means none were found but one was expected
(found "Starts in 2m 04s")
00:15 +12 -2: shows minutes and seconds until start [E]''')], lang=None)

t('medium', 'performance-testing', "Scrolling the social feed on mid-range Android drops to ~35 fps. Here's the component and a React DevTools profiler summary. What's re-rendering and what would you change first?",
  [('src/feed/FeedList.tsx', '''
import React, { useState } from 'react';
import { FlatList, RefreshControl } from 'react-native';
import { PostCard } from './PostCard';
import { useFeed } from './useFeed';
import { useSession } from '../session';

export function FeedList() {
  const { posts, fetchNext, refresh, refreshing } = useFeed();
  const { user } = useSession();
  const [visibleIds, setVisibleIds] = useState<string[]>([]);

  return (
    <FlatList
      data={posts}
      renderItem={({ item }) => (
        <PostCard
          post={item}
          currentUser={user}
          isVisible={visibleIds.includes(item.id)}
          onLike={() => item.liked ? unlike(item.id) : like(item.id)}
          style={{ marginHorizontal: 12, marginBottom: 8 }}
        />
      )}
      onViewableItemsChanged={({ viewableItems }) => setVisibleIds(viewableItems.map((v) => v.item.id))}
      onEndReached={fetchNext}
      onEndReachedThreshold={0.2}
      refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
      removeClippedSubviews={false}
      windowSize={21}
    />
  );
}

declare function like(id: string): void;
declare function unlike(id: string): void;'''),
   ('artifacts/profiler-summary.txt', '''
React Profiler - recording 12.4 s, 186 commits
Top commits by duration:
  #41  48.2 ms  trigger: FeedList state update (visibleIds)   rendered: FeedList, VirtualizedList, CellRenderer x21, PostCard x21, PostMedia x21, LikeButton x21
  #42  45.9 ms  trigger: FeedList state update (visibleIds)   rendered: FeedList, VirtualizedList, CellRenderer x21, PostCard x21, PostMedia x21, LikeButton x21
  #77  44.1 ms  trigger: useSession context change            rendered: FeedList, ..., PostCard x21
  #103 39.7 ms  trigger: FeedList state update (visibleIds)   rendered: FeedList, VirtualizedList, CellRenderer x21, PostCard x21, PostMedia x21, LikeButton x21
Why did PostCard render (commit #41): props changed: onLike, style, isVisible (2 of 21 instances), currentUser (no)
PostCard is wrapped in React.memo: yes
Average commit: 23.6 ms   Commits > 16 ms: 121 of 186''')])

t('medium', 'performance-testing', "Write a k6 script for the grocery catalog search endpoint: ramp to 200 VUs over 5 minutes, hold 10, realistic query mix, and thresholds that fail the run if p95 > 300 ms or errors > 1%.",
  [('pages/api/catalog/search.ts', '''
import type { NextApiRequest, NextApiResponse } from 'next';
import { searchProducts } from '../../../lib/search';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const q = String(req.query.q ?? '').trim();
  const storeId = String(req.query.store ?? '');
  const page = Math.max(1, Number(req.query.page ?? 1));
  if (q.length < 2 || !storeId) return res.status(400).json({ error: 'q and store are required' });
  const results = await searchProducts({ q, storeId, page, pageSize: 24, inStockOnly: req.query.inStock === '1' });
  res.setHeader('Cache-Control', 's-maxage=30, stale-while-revalidate=120');
  return res.status(200).json(results);
}''')],
  reqs=['Queries drawn from a weighted list: common staples, typos, long-tail, 2-char prefixes',
        'Spread across at least 5 store ids', 'Tag requests so cached vs uncached can be compared', 'Include a check on the JSON shape'],
  fw='k6', lang='javascript')

# why: security review, but of configuration against well-known manifest checks (exported components, backup,
# cleartext, FileProvider paths), not auth or crypto logic to reason through; a mid model does this reliably.
t('medium', 'security-scan', "Review the AndroidManifest for the banking app before the external pen test. Anything exported or misconfigured that they'll flag?",
  [('app/src/main/AndroidManifest.xml', '''
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools">

    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission android:name="android.permission.USE_BIOMETRIC" />
    <uses-permission android:name="android.permission.READ_CONTACTS" />
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />

    <application
        android:name=".BankApp"
        android:allowBackup="true"
        android:usesCleartextTraffic="true"
        android:debuggable="false"
        android:networkSecurityConfig="@xml/network_security_config"
        android:theme="@style/Theme.Bank">

        <activity android:name=".ui.MainActivity" android:exported="true" android:launchMode="singleTask">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
            <intent-filter android:autoVerify="true">
                <action android:name="android.intent.action.VIEW" />
                <category android:name="android.intent.category.DEFAULT" />
                <category android:name="android.intent.category.BROWSABLE" />
                <data android:scheme="https" android:host="app.northbank.eu" />
            </intent-filter>
        </activity>

        <activity android:name=".ui.transfer.TransferConfirmActivity" android:exported="true" />

        <activity android:name=".ui.DebugMenuActivity" android:exported="true" tools:ignore="ExportedActivity" />

        <provider
            android:name="androidx.core.content.FileProvider"
            android:authorities="eu.northbank.app.files"
            android:exported="false"
            android:grantUriPermissions="true">
            <meta-data android:name="android.support.FILE_PROVIDER_PATHS" android:resource="@xml/file_paths" />
        </provider>

        <receiver android:name=".push.PushTokenReceiver" android:exported="true">
            <intent-filter>
                <action android:name="eu.northbank.app.REFRESH_PUSH_TOKEN" />
            </intent-filter>
        </receiver>

        <service android:name=".push.BankMessagingService" android:exported="false">
            <intent-filter>
                <action android:name="com.google.firebase.MESSAGING_EVENT" />
            </intent-filter>
        </service>
    </application>
</manifest>'''),
   ('app/src/main/res/xml/file_paths.xml', '''
<paths>
    <root-path name="root" path="." />
    <cache-path name="statements" path="statements/" />
</paths>''')], lang=None)

# why: header/CSP configuration with a known checklist and a trade-off against two third parties; no code paths
# to trace, so medium rather than complex.
t('medium', 'security-scan', "Check our Next.js security headers config. We want a CSP that actually protects the e-learning web app without breaking Stripe and the video player.",
  [('next.config.js', '''
/** @type {import('next').NextConfig} */
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' https://js.stripe.com https://*.vimeocdn.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src * data: blob:",
  "frame-src https://js.stripe.com https://player.vimeo.com",
  "connect-src 'self' https://api.learnly.io wss://*.learnly.io https://*",
].join('; ');

module.exports = {
  reactStrictMode: true,
  poweredByHeader: true,
  async headers() {
    return [
      {
        source: '/(.*)',
        headers: [
          { key: 'Content-Security-Policy-Report-Only', value: csp },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'Referrer-Policy', value: 'unsafe-url' },
          { key: 'Strict-Transport-Security', value: 'max-age=86400' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
        ],
      },
    ];
  },
};''')], lang='javascript')

t('medium', 'test-execution', "Run the Playwright suite against staging for all three projects (chromium, webkit, mobile-safari). Retry failures once, then group whatever still fails into env problems vs real product failures, per browser.",
  [('playwright.config.ts', '''
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  timeout: 45_000,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 4 : undefined,
  reporter: [['list'], ['json', { outputFile: 'reports/pw.json' }], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.BASE_URL ?? 'https://staging.tripnest.app',
    trace: 'retain-on-failure',
    storageState: 'e2e/.auth/traveller.json',
    locale: 'en-GB',
    timezoneId: 'Europe/Lisbon',
  },
  globalSetup: './e2e/global-setup.ts',
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    { name: 'webkit', use: { ...devices['Desktop Safari'] } },
    { name: 'mobile-safari', use: { ...devices['iPhone 13'] } },
  ],
});''')],
  reqs=['BASE_URL and STAGING_API_KEY come from the environment; fail fast if missing', 'Report a table: project x (passed, failed, flaky)', 'Attach trace paths for each remaining failure'],
  fw='playwright')

t('medium', 'test-execution', "Run jest in our three workspaces (apps/mobile, apps/web, packages/shared) and give me one combined results table. mobile needs the RN preset and --runInBand because of the Realm mock; web runs with jsdom; shared is plain node. Call out anything that only fails in one workspace.",
  [('package.json', '''
{
  "name": "grocerygo",
  "private": true,
  "workspaces": ["apps/*", "packages/*"],
  "scripts": {
    "test:mobile": "jest -c apps/mobile/jest.config.js --runInBand",
    "test:web": "jest -c apps/web/jest.config.js",
    "test:shared": "jest -c packages/shared/jest.config.js",
    "test": "npm run test:shared && npm run test:web && npm run test:mobile"
  }
}''')], fw='jest', lang='javascript')

t('medium', 'coverage-analysis', "JaCoCo says CheckoutViewModel is at 61% branches. Which branches are missed, which of them matter for a grocery checkout, and what tests close them?",
  [('app/src/main/java/com/grocerygo/checkout/CheckoutViewModel.kt', '''
package com.grocerygo.checkout

class CheckoutViewModel(
    private val cartRepo: CartRepository,
    private val slotRepo: DeliverySlotRepository,
    private val payments: PaymentsGateway,
    private val dispatcher: CoroutineDispatcher = Dispatchers.IO,
) : ViewModel() {

    private val _state = MutableStateFlow<CheckoutState>(CheckoutState.Loading)
    val state: StateFlow<CheckoutState> = _state

    fun load() = viewModelScope.launch(dispatcher) {
        val cart = cartRepo.current()
        if (cart.items.isEmpty()) { _state.value = CheckoutState.EmptyCart; return@launch }
        val slots = runCatching { slotRepo.available(cart.storeId) }.getOrElse {
            _state.value = CheckoutState.Error("slots_unavailable"); return@launch
        }
        _state.value = CheckoutState.Ready(cart, slots, selectedSlot = slots.firstOrNull { it.free })
    }

    fun selectSlot(slot: DeliverySlot) {
        val s = _state.value as? CheckoutState.Ready ?: return
        if (!slot.free && s.cart.total < MIN_FOR_PAID_SLOT) {
            _state.value = s.copy(message = "min_basket_for_paid_slot"); return
        }
        _state.value = s.copy(selectedSlot = slot, message = null)
    }

    fun pay(method: PaymentMethod) = viewModelScope.launch(dispatcher) {
        val s = _state.value as? CheckoutState.Ready ?: return@launch
        val slot = s.selectedSlot ?: run { _state.value = s.copy(message = "choose_slot"); return@launch }
        _state.value = CheckoutState.Paying
        when (val r = payments.charge(s.cart.total + slot.fee, method)) {
            is ChargeResult.Success -> _state.value = CheckoutState.Done(r.orderId)
            is ChargeResult.Requires3ds -> _state.value = CheckoutState.Challenge(r.url)
            is ChargeResult.Declined -> _state.value = s.copy(message = "declined_${r.reason}")
        }
    }

    companion object { const val MIN_FOR_PAID_SLOT = 40_00 }
}'''),
   ('app/build/reports/jacoco/checkout.csv', '''
GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,METHOD_MISSED,METHOD_COVERED
app,com.grocerygo.checkout,CheckoutViewModel,58,171,7,11,6,22,0,5
app,com.grocerygo.checkout,CheckoutViewModel.load.1,12,64,2,4,2,9,0,1
app,com.grocerygo.checkout,CheckoutViewModel.pay.1,31,49,4,4,3,8,0,1''')], lang=None)

t('medium', 'defect-analysis', "Tapping a push notification when the app is killed opens Home instead of the order tracking screen. Works fine when the app is backgrounded. Handler and device log attached.",
  [('src/push/usePushNavigation.ts', '''
import { useEffect } from 'react';
import messaging from '@react-native-firebase/messaging';
import { navigationRef } from '../navigation/ref';

function routeFor(data?: Record<string, string>) {
  if (data?.type === 'order_status' && data.orderId) return { name: 'OrderTracking', params: { orderId: data.orderId } } as const;
  if (data?.type === 'promo') return { name: 'Promos', params: undefined } as const;
  return null;
}

export function usePushNavigation() {
  useEffect(() => {
    const unsub = messaging().onNotificationOpenedApp((msg) => {
      const r = routeFor(msg.data as Record<string, string>);
      if (r) navigationRef.navigate(r.name as never, r.params as never);
    });

    messaging().getInitialNotification().then((msg) => {
      const r = routeFor(msg?.data as Record<string, string>);
      if (r && navigationRef.isReady()) navigationRef.navigate(r.name as never, r.params as never);
    });

    return unsub;
  }, []);
}'''),
   ('src/App.tsx', '''
export default function App() {
  usePushNavigation();
  const { ready } = useBootstrap(); // restores session, loads remote config (~600-1200 ms)
  if (!ready) return <Splash />;
  return (
    <NavigationContainer ref={navigationRef} linking={linking}>
      <RootStack />
    </NavigationContainer>
  );
}'''),
   ('logs/logcat-cold-start.txt', '''
05-13 09:14:02.118  8812  8840 I ReactNativeJS: [push] getInitialNotification -> {"type":"order_status","orderId":"ord_55120"}
05-13 09:14:02.119  8812  8840 I ReactNativeJS: [push] navigationRef.isReady() = false
05-13 09:14:02.901  8812  8840 I ReactNativeJS: [bootstrap] session restored, remote config loaded
05-13 09:14:02.955  8812  8840 I ReactNativeJS: [nav] ready, initial route Home''')])

t('medium', 'defect-analysis', "Flight search on iOS shows an empty list for some routes (LIS-JFK does, LIS-MAD doesn't). No crash, just nothing. Model, decoding code and one failing payload attached.",
  [('TripNest/Search/FlightOffer.swift', '''
import Foundation

struct FlightOffer: Decodable, Identifiable {
    let id: String
    let carrier: String
    let departure: Date
    let arrival: Date
    let priceMinor: Int
    let currency: String
    let stops: [Stop]
    let baggage: Baggage

    struct Stop: Decodable { let airport: String; let layoverMinutes: Int }
    struct Baggage: Decodable { let cabinKg: Int; let checkedPieces: Int }
}

enum SearchDecoding {
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    static func offers(from data: Data) -> [FlightOffer] {
        struct Envelope: Decodable { let offers: [FlightOffer] }
        do {
            return try decoder.decode(Envelope.self, from: data).offers
        } catch {
            Log.debug("search decode failed: \\(error)")
            return []
        }
    }
}'''),
   ('fixtures/search-LIS-JFK.json', '''
{
  "offers": [
    {
      "id": "off_9a1", "carrier": "TP", "departure": "2024-06-02T10:35:00Z", "arrival": "2024-06-02T18:50:00Z",
      "price_minor": 48700, "currency": "EUR", "stops": [],
      "baggage": { "cabin_kg": 8, "checked_pieces": 1 }
    },
    {
      "id": "off_9a2", "carrier": "UA", "departure": "2024-06-02T12:05:00.000Z", "arrival": "2024-06-02T22:40:00.000Z",
      "price_minor": 41200, "currency": "EUR",
      "stops": [ { "airport": "EWR", "layover_minutes": 95 } ],
      "baggage": { "cabin_kg": 10, "checked_pieces": null }
    }
  ]
}''')], lang=None)

_MUTANTS = ['signing/verify.ts:41  ConditionalExpression  if (sig.length !== expected.length) -> if (false)',
             'signing/hmac.ts:58  EqualityOperator  timingSafeEqual(a, b) -> a === b',
             'idempotency/keys.ts:22  StringLiteral  key prefix "idem_" -> ""',
             'idempotency/inflight.ts:77  BlockStatement  removed: store.markInFlight(key)',
             'retry/backoff.ts:19  ArithmeticOperator  attempt * base -> attempt / base',
             'retry/classify.ts:33  ConditionalExpression  isRetryable(err) -> true',
             'currency/rounding.ts:12  MethodExpression  Math.round -> Math.floor',
             'currency/parse.ts:48  Regex  /^-?\\d+(\\.\\d{1,2})?$/ -> /^-?\\d+(\\.\\d+)?$/']

_SDK_FILES = [['client.ts', 'config.ts', 'errors.ts', 'types.ts', 'events.ts', 'index.ts'],
              ['hmac.ts', 'keys.ts', 'canonicalize.ts', 'verify.ts', 'clock.ts', 'jwk.ts'],
              ['keys.ts', 'store.ts', 'inflight.ts', 'replay.ts', 'expiry.ts', 'hash.ts'],
              ['backoff.ts', 'policy.ts', 'classify.ts', 'jitter.ts', 'budget.ts', 'timeouts.ts'],
              ['rounding.ts', 'parse.ts', 'format.ts', 'minor-units.ts', 'fx.ts', 'tables.ts'],
              ['router.ts', 'signature.ts', 'dedupe.ts', 'ordering.ts', 'handlers.ts', 'schema.ts'],
              ['secure-store.ts', 'cache.ts', 'migrate.ts', 'encrypt.ts', 'wipe.ts', 'quota.ts'],
              ['tracer.ts', 'metrics.ts', 'redact.ts', 'sampler.ts', 'export.ts', 'buffer.ts']]
_SDK_FILES = [[f"{['core', 'signing', 'idempotency', 'retry', 'currency', 'webhooks', 'storage', 'telemetry'][m]}/{f}" for f in fs] for m, fs in enumerate(_SDK_FILES)]
_PACT_VERSIONS = [['4.12.0', '4.11.2'], ['7.3.0', '7.2.4'], ['a1c9e0f', '5d02b6e'], ['2024.20.1', '2024.19.4'], ['2024.20.0', '2024.19.2'], ['1.44.0', '1.43.1']]

# =============================================================================================================
# complex (18)
# =============================================================================================================

# why: ~20 lines, but correctness is about many requests failing with 401 at once, a single shared refresh,
# rotation of the refresh token and what happens to waiters when refresh fails - a concurrency problem.
t('complex', 'test-generation', "Write jest tests for our token refresh interceptor in the banking app.",
  [('src/api/refreshInterceptor.ts', '''
import { api } from './client';
import { authClient } from './auth';
import { tokenStore as store } from './tokenStore';

let refreshing: Promise<string> | null = null;

api.interceptors.response.use(undefined, async (error) => {
  const original = error.config;
  if (error.response?.status !== 401 || original._retry) throw error;
  original._retry = true;
  if (!refreshing) {
    refreshing = authClient
      .refresh(store.getRefreshToken())
      .then(({ accessToken, refreshToken }) => {
        store.setTokens(accessToken, refreshToken);
        return accessToken;
      })
      .finally(() => { refreshing = null; });
  }
  const token = await refreshing;
  original.headers.Authorization = `Bearer ${token}`;
  return api(original);
});''')],
  reqs=['Ten parallel requests that all get 401 trigger exactly one refresh and all succeed',
        'A 401 arriving just after a refresh settled does not reuse the old refresh token',
        'Refresh failure rejects every waiter and logs the user out once',
        'No infinite retry loop when the retried request 401s again'],
  fw='jest')

t('complex', 'security-scan', "Can you review our deep-link handler? Security asked before we add the transfer links to marketing emails.",
  [('src/linking/handleDeepLink.ts', '''
import * as Linking from 'expo-linking';
import type { NavigationContainerRef } from '@react-navigation/native';
import { session } from '../auth/session';
import { pendingLink } from './pendingLink';
import type { RootParams } from '../navigation/types';

const ROUTES: Record<string, { screen: keyof RootParams; requiresAuth: boolean }> = {
  'offers': { screen: 'Offers', requiresAuth: false },
  'help': { screen: 'Help', requiresAuth: false },
  'accounts': { screen: 'Accounts', requiresAuth: true },
  'transfer': { screen: 'TransferConfirm', requiresAuth: true },
};

export function handleDeepLink(url: string, nav: NavigationContainerRef<RootParams>) {
  const { path, queryParams } = Linking.parse(url);
  const key = (path ?? '').split('/')[0].toLowerCase();
  const route = ROUTES[key];
  if (!route) return nav.navigate('Home');
  if (route.requiresAuth && !session.isLoggedIn()) {
    pendingLink.set(url);
    return nav.navigate('Login');
  }
  const screen = (queryParams?.screen as keyof RootParams) ?? route.screen;
  nav.navigate(screen, { ...queryParams, source: 'deeplink' } as never);
}'''),
   ('src/screens/TransferConfirmScreen.tsx', '''
export function TransferConfirmScreen({ route }: Props) {
  const { to, amount, reference, autoConfirm } = route.params ?? {};
  const { confirmTransfer } = useTransfers();
  useEffect(() => {
    if (autoConfirm === 'true' && biometricRecentlyPassed()) confirmTransfer({ to, amount: Number(amount), reference });
  }, []);
  return <TransferConfirmView to={to} amount={amount} reference={reference} onConfirm={confirmTransfer} />;
}''')])

t('complex', 'security-scan', "Premium unlock in the fitness iOS app. Is this receipt check safe enough to ship?",
  [('FitLoop/Store/ReceiptValidator.swift', '''
import StoreKit

enum Secrets { static let sharedSecret = "3f9c1e0b7a5d4e2f8b6a1c9d0e7f2a4b" }

final class ReceiptValidator {
    func verifyPurchase(_ transaction: SKPaymentTransaction) async -> Bool {
        guard let url = Bundle.main.appStoreReceiptURL,
              let data = try? Data(contentsOf: url) else { return false }
        return await verify(data, productId: transaction.payment.productIdentifier,
                            endpoint: "https://buy.itunes.apple.com/verifyReceipt")
    }

    private func verify(_ receipt: Data, productId: String, endpoint: String) async -> Bool {
        var req = URLRequest(url: URL(string: endpoint)!)
        req.httpMethod = "POST"
        req.httpBody = try? JSONSerialization.data(withJSONObject: [
            "receipt-data": receipt.base64EncodedString(), "password": Secrets.sharedSecret])
        guard let (body, _) = try? await URLSession.shared.data(for: req),
              let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        let status = json["status"] as? Int ?? -1
        if status == 21007 {
            return await verify(receipt, productId: productId, endpoint: "https://sandbox.itunes.apple.com/verifyReceipt")
        }
        guard status == 0,
              let r = json["receipt"] as? [String: Any],
              let inApp = r["in_app"] as? [[String: Any]] else { return false }
        let ok = inApp.contains { ($0["product_id"] as? String) == productId }
        if ok { UserDefaults.standard.set(true, forKey: "premium_unlocked") }
        return ok
    }
}''')], lang=None)

# why: 25 lines of hook, but the bug only shows with overlapping mutations and server pushes - snapshot/rollback
# ordering under concurrency, not a local logic slip.
t('complex', 'defect-analysis', "Shared grocery lists: when two people edit items at the same time, edits sometimes 'un-happen' on one phone. It's worst when one rename fails (offline blip). Here's the mutation hook and the socket handler.",
  [('src/lists/useRenameItem.ts', '''
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { GroceryList } from './types';

export function useRenameItem(listId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; name: string }) => api.renameItem(listId, v.itemId, v.name),
    onMutate: async ({ itemId, name }) => {
      await qc.cancelQueries({ queryKey: ['list', listId] });
      const previous = qc.getQueryData<GroceryList>(['list', listId]);
      qc.setQueryData<GroceryList>(['list', listId], (old) => old && {
        ...old,
        items: old.items.map((i) => (i.id === itemId ? { ...i, name } : i)),
      });
      return { previous };
    },
    onError: (_err, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(['list', listId], ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['list', listId] }),
  });
}'''),
   ('src/lists/listSocket.ts', '''
socket.on('list:patched', ({ listId, list }: { listId: string; list: GroceryList }) => {
  queryClient.setQueryData(['list', listId], list);
});''')])

t('complex', 'performance-testing', "We're launching the fitness app with a TV ad during the cup final. Marketing expects 15-20x normal traffic within ten minutes, mostly new signups, first workout sync and leaderboard views. Backend is API gateway, auth service, workout ingest (queue + workers), leaderboards on Redis, Postgres, and push via FCM/APNs. I need a performance test plan for the whole backend that tells us whether we survive it and where it breaks first.",
  [], reqs=['Workload model derived from the funnel, not flat RPS', 'Spike, soak and breakpoint scenarios with pass/fail criteria',
            'How to test third-party limits (FCM/APNs, SMS OTP) without hammering them', 'What to monitor and the abort conditions', 'Data seeding and cleanup for millions of synthetic users'],
  fw='k6', lang=None)

t('complex', 'defect-analysis', "Since Tuesday's API deploy, a small share of Android and iOS users crash on launch, but only the first launch after the app did a background sync overnight. Fresh installs and users who never background-sync are fine, and rolling back the app version doesn't help. The API change moved the offline-sync endpoint to return deltas with tombstones and a new cursor format; the apps persist the cursor and the delta into the local DB from the background task, then the UI reads it at launch. Walk me through how you'd find the root cause and what the likely candidates are.", [], lang=None)

t('complex', 'test-generation', "Our e-learning app lets learners edit notes and highlights offline on two devices, then syncs. Server merges per field with hybrid logical clocks, deletes are tombstones, and a highlight can be attached to a note that was deleted on the other device. Design and write the test suite for the sync engine: what must always hold, which interleavings to generate, and how to run them deterministically.",
  [], reqs=['Convergence: every replica ends in the same state whatever the delivery order', 'No resurrection of deleted notes, and orphaned highlights handled as specified',
            'Clock skew between devices and a device coming back after 30 days', 'Deterministic scheduler / seeded generator so failures replay'],
  fw='vitest')

t('complex', 'flaky-test-analysis', "The Playwright test 'booking confirmation shows CONFIRMED' fails maybe 3% of runs on staging, always showing PENDING. It touches the web app, booking-service, payment-service (Stripe webhooks) and a notification worker. Retrying the test doesn't help the same booking. Logs from one bad run below; I want the actual cause, not a longer timeout.",
  [('logs/booking-service.log', '''
10:41:07.112 INFO  POST /bookings bk_7f3a91c2d0e4 status=HELD hold_expires=10:56:07
10:41:09.884 INFO  POST /bookings/bk_7f3a91c2d0e4/payment-intent pi_3PQ... created
10:41:13.420 INFO  event payment.succeeded bk_7f3a91c2d0e4 seq=2 -> status CONFIRMED
10:41:13.431 INFO  event payment.processing bk_7f3a91c2d0e4 seq=1 -> status PENDING
10:41:13.602 INFO  GET /bookings/bk_7f3a91c2d0e4 -> PENDING'''),
   ('logs/payment-service.log', '''
10:41:12.977 INFO  stripe webhook payment_intent.processing pi_3PQ... forwarded seq=1 attempt=1 -> 503 (booking-service busy)
10:41:13.301 INFO  stripe webhook payment_intent.succeeded pi_3PQ... forwarded seq=2 attempt=1 -> 200
10:41:13.418 INFO  retry queue: payment_intent.processing pi_3PQ... forwarded seq=1 attempt=2 -> 200'''),
   ('e2e/booking.spec.ts', '''
test('booking confirmation shows CONFIRMED', async ({ page }) => {
  await page.goto('/flights/LIS-JFK?date=2024-06-02');
  await page.getByRole('button', { name: /select/i }).first().click();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await fillStripeTestCard(page, '4242424242424242');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByTestId('booking-status')).toHaveText('CONFIRMED', { timeout: 20_000 });
});''')], fw='playwright', lang='typescript')

t('complex', 'quality-gate', "Banking app 5.0 go/no-go. Pen test report summary below plus our metrics. Everything functional is green; I need a decision on whether any of the findings block release, with reasoning about real exploitability on our threat model, and what has to ship in 5.0.1.",
  [('reports/pentest-5.0-summary.md', '''
# External penetration test - NorthBank mobile 5.0 (RC3)

| id | title | CVSS | status |
|----|-------|------|--------|
| NB-01 | Refresh token stored in AsyncStorage (unencrypted) on Android | 6.8 | open |
| NB-02 | Certificate pinning bypassable with Frida on rooted devices | 5.9 | open |
| NB-03 | Transfer confirmation replayable within 60 s using captured request (nonce not bound to amount) | 8.1 | open |
| NB-04 | Biometric prompt falls back to device PIN without step-up for payee creation | 6.5 | open |
| NB-05 | Verbose GraphQL errors expose resolver names and SQL fragments | 5.3 | open |
| NB-06 | Screenshot of balance screen possible (FLAG_SECURE missing) | 3.1 | open |
| NB-07 | Jailbreak detection trivially bypassed | 2.7 | accepted risk |
| NB-08 | Deep link `northbank://transfer` prefills payee and amount without re-auth | 7.4 | fixed in RC3 (not retested) |'''),
   ('reports/release-5.0-metrics.txt', '''
unit tests: 4,812 passed / 0 failed      line coverage: 83.1% (gate 80%)
e2e (Detox iOS+Android): 212/212         crash-free (beta, 7d): 99.87%
SAST: 0 high, 3 medium (all triaged)     dependency audit: 0 critical, 1 high (dev-only)''')], lang=None)

t('complex', 'coverage-analysis', "Coverage and mutation results for our payments SDK (used by the iOS, Android and web apps via a shared TS core). Line coverage looks great. Tell me where the real risk is hiding: which untested or surviving-mutant paths could cause double charges, wrong amounts or signature bypass, and what to test first.",
  [('reports/payments-sdk-coverage.txt', 'module                      file                              lines%  branch%  mutants  killed  survived\n'
    + lines(48, lambda i: f"{['core', 'signing', 'idempotency', 'retry', 'currency', 'webhooks', 'storage', 'telemetry'][i % 8]:<28}"
                           f"{_SDK_FILES[i % 8][i // 8]:<34}"
                           f"{(97 - (i * 13) % 19):>6}{(92 - (i * 17) % 41):>9}{(20 + (i * 7) % 30):>9}{(20 + (i * 7) % 30) - ((i * 3) % 7 if i % 8 in (1, 2, 4) else (i % 3)):>8}{((i * 3) % 7 if i % 8 in (1, 2, 4) else (i % 3)):>10}")
    + '\n\nsurviving mutants (sample):\n'
    + lines(len(_MUTANTS), lambda i: f"  {_MUTANTS[i]}"))], lang=None)

t('complex', 'test-generation', "Property-based tests (fast-check) for the merge function of our shared shopping list CRDT. I want properties that would catch real ordering and tombstone bugs, not just 'doesn't throw'.",
  [('src/sync/listCrdt.ts', '''
export type Stamp = { lamport: number; replica: string };
export type Entry = { id: string; text: string; after: string | null; stamp: Stamp; deleted?: Stamp };
export type ListState = Map<string, Entry>;

const newer = (a: Stamp, b: Stamp) => a.lamport > b.lamport || (a.lamport === b.lamport && a.replica > b.replica);

export function merge(a: ListState, b: ListState): ListState {
  const out = new Map(a);
  for (const [id, eb] of b) {
    const ea = out.get(id);
    if (!ea) { out.set(id, eb); continue; }
    const base = newer(eb.stamp, ea.stamp) ? eb : ea;
    const del = !ea.deleted ? eb.deleted : !eb.deleted ? ea.deleted : newer(ea.deleted, eb.deleted) ? ea.deleted : eb.deleted;
    out.set(id, { ...base, deleted: del && newer(del, base.stamp) ? del : undefined });
  }
  return out;
}

export function toArray(s: ListState): Entry[] {
  const children = new Map<string | null, Entry[]>();
  for (const e of s.values()) {
    const k = e.after;
    children.set(k, [...(children.get(k) ?? []), e].sort((x, y) => (newer(x.stamp, y.stamp) ? -1 : 1)));
  }
  const out: Entry[] = [];
  const walk = (k: string | null) => {
    for (const e of children.get(k) ?? []) { if (!e.deleted) out.push(e); walk(e.id); }
  };
  walk(null);
  return out;
}''')], fw='vitest')

t('complex', 'coverage-analysis', "This is the checkout state machine for grocery delivery (xstate) and the list of transitions our model-based tests actually hit. Which transitions and guards are never exercised, which of those are dangerous (money or double orders), and what paths should the tests add?",
  [('src/checkout/machine.ts', '''
import { createMachine, assign } from 'xstate';

export const checkoutMachine = createMachine({
  id: 'checkout',
  initial: 'cart',
  context: { attempts: 0, orderId: null as string | null, slotHeldUntil: 0 },
  states: {
    cart: { on: { CHECKOUT: [{ target: 'slot', guard: 'cartNotEmpty' }, { target: 'cart' }] } },
    slot: {
      on: {
        HOLD_SLOT: { target: 'address', actions: 'rememberHold' },
        BACK: 'cart',
      },
    },
    address: {
      after: { SLOT_HOLD_MS: { target: 'slot', actions: 'notifyHoldExpired' } },
      on: { CONFIRM_ADDRESS: [{ target: 'payment', guard: 'inDeliveryZone' }, { target: 'address', actions: 'outOfZone' }], BACK: 'slot' },
    },
    payment: {
      after: { SLOT_HOLD_MS: { target: 'slot', actions: 'notifyHoldExpired' } },
      on: { PAY: 'authorising', BACK: 'address' },
    },
    authorising: {
      invoke: { src: 'authorise', onDone: 'placing', onError: [{ target: 'payment', guard: 'canRetry', actions: 'incAttempts' }, { target: 'failed' }] },
      on: { THREE_DS_REQUIRED: 'challenge' },
    },
    challenge: {
      on: { THREE_DS_OK: 'placing', THREE_DS_FAIL: 'payment', APP_BACKGROUNDED: 'challengeSuspended' },
    },
    challengeSuspended: {
      on: { APP_FOREGROUNDED: [{ target: 'placing', guard: 'paymentCapturedServerSide' }, { target: 'challenge' }] },
    },
    placing: {
      invoke: { src: 'placeOrder', onDone: { target: 'done', actions: 'setOrderId' }, onError: [{ target: 'placing', guard: 'isTimeout', actions: 'incAttempts' }, { target: 'refunding' }] },
    },
    refunding: { invoke: { src: 'refund', onDone: 'failed', onError: 'needsSupport' } },
    needsSupport: { type: 'final' },
    failed: { on: { RETRY: 'payment', CLOSE: 'cart' } },
    done: { type: 'final' },
  },
});'''),
   ('reports/transition-coverage.txt', '''
hit  cart --CHECKOUT[cartNotEmpty]--> slot          (212)
hit  cart --CHECKOUT--> cart                        (14)
hit  slot --HOLD_SLOT--> address                    (198)
hit  slot --BACK--> cart                            (6)
hit  address --CONFIRM_ADDRESS[inDeliveryZone]--> payment  (190)
hit  address --CONFIRM_ADDRESS--> address           (8)
miss address --after(SLOT_HOLD_MS)--> slot
hit  address --BACK--> slot                         (3)
miss payment --after(SLOT_HOLD_MS)--> slot
hit  payment --PAY--> authorising                   (187)
hit  payment --BACK--> address                      (2)
hit  authorising --done--> placing                  (160)
hit  authorising --error[canRetry]--> payment       (9)
miss authorising --error--> failed
hit  authorising --THREE_DS_REQUIRED--> challenge   (18)
hit  challenge --THREE_DS_OK--> placing             (15)
hit  challenge --THREE_DS_FAIL--> payment           (3)
miss challenge --APP_BACKGROUNDED--> challengeSuspended
miss challengeSuspended --APP_FOREGROUNDED[paymentCapturedServerSide]--> placing
miss challengeSuspended --APP_FOREGROUNDED--> challenge
hit  placing --done--> done                         (175)
miss placing --error[isTimeout]--> placing
hit  placing --error--> refunding                   (2)
hit  refunding --done--> failed                     (2)
miss refunding --error--> needsSupport
hit  failed --RETRY--> payment                      (1)
miss failed --CLOSE--> cart''')])

t('complex', 'security-scan', "Audit the authorisation in our social feed GraphQL API. Private accounts, blocked users and DMs must never leak, including through nested fields and search.",
  [('server/schema.graphql', '''
type Query {
  me: User!
  user(handle: String!): User
  post(id: ID!): Post
  search(q: String!, first: Int = 20): [SearchHit!]!
  conversation(id: ID!): Conversation
}
union SearchHit = User | Post
type User { id: ID! handle: String! isPrivate: Boolean! followers(first: Int): [User!]! posts(first: Int, after: String): [Post!]! }
type Post { id: ID! author: User! text: String! media: [Media!]! comments(first: Int): [Comment!]! likedBy(first: Int): [User!]! }
type Comment { id: ID! author: User! text: String! post: Post! }
type Conversation { id: ID! members: [User!]! messages(last: Int): [Message!]! }
type Message { id: ID! from: User! text: String! sentAt: String! }
type Media { id: ID! url: String! }'''),
   ('server/resolvers/user.ts', '''
export const userResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => ctx.db.users.byId(ctx.viewerId),
    user: (_: unknown, { handle }: { handle: string }, ctx: Ctx) => ctx.db.users.byHandle(handle),
  },
  User: {
    posts: async (u: UserRow, args: PageArgs, ctx: Ctx) => {
      if (u.isPrivate && !(await ctx.db.follows.isFollowing(ctx.viewerId, u.id)) && u.id !== ctx.viewerId) return [];
      return ctx.db.posts.byAuthor(u.id, args);
    },
    followers: (u: UserRow, args: PageArgs, ctx: Ctx) => ctx.db.follows.followersOf(u.id, args),
  },
};'''),
   ('server/resolvers/post.ts', '''
export const postResolvers = {
  Query: {
    post: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.post.load(id),
  },
  Post: {
    author: (p: PostRow, _: unknown, ctx: Ctx) => ctx.loaders.user.load(p.authorId),
    comments: async (p: PostRow, args: PageArgs, ctx: Ctx) => {
      const rows = await ctx.db.comments.forPost(p.id, args);
      const blocked = await ctx.db.blocks.blockedBy(ctx.viewerId);
      return rows.filter((c) => !blocked.has(c.authorId));
    },
    likedBy: (p: PostRow, args: PageArgs, ctx: Ctx) => ctx.db.likes.usersFor(p.id, args),
    media: (p: PostRow) => p.media.map((m) => ({ ...m, url: signUrl(m.key, 3600) })),
  },
  Comment: {
    post: (c: CommentRow, _: unknown, ctx: Ctx) => ctx.loaders.post.load(c.postId),
  },
};'''),
   ('server/resolvers/search.ts', '''
export const searchResolvers = {
  Query: {
    search: async (_: unknown, { q, first }: { q: string; first: number }, ctx: Ctx) => {
      const hits = await ctx.search.query(`text:${q} OR handle:${q}`, { size: Math.min(first, 100) });
      return hits.map((h) => (h.type === 'user' ? ctx.loaders.user.load(h.id) : ctx.loaders.post.load(h.id)));
    },
  },
  SearchHit: { __resolveType: (o: { kind: string }) => (o.kind === 'user' ? 'User' : 'Post') },
};'''),
   ('server/resolvers/conversation.ts', '''
export const conversationResolvers = {
  Query: {
    conversation: async (_: unknown, { id }: { id: string }, ctx: Ctx) => {
      const c = await ctx.db.conversations.byId(id);
      if (!c) return null;
      return c;
    },
  },
  Conversation: {
    members: (c: ConvRow, _: unknown, ctx: Ctx) => ctx.loaders.user.loadMany(c.memberIds),
    messages: async (c: ConvRow, { last }: { last: number }, ctx: Ctx) => {
      if (!c.memberIds.includes(ctx.viewerId)) throw new ForbiddenError('not a member');
      return ctx.db.messages.latest(c.id, last);
    },
  },
};''')])

t('complex', 'performance-testing', "Design the load test for our push notification fan-out before the travel app's Black Friday campaign: one marketing send to ~9M devices plus transactional pushes (gate changes, delays) that must still arrive within 30 s during the blast. Pipeline is segment query -> Kafka -> sender workers -> FCM/APNs, with per-user quiet hours and dedup. How do we test this without spamming real devices, and what tells us it's safe?",
  [], reqs=['Model APNs/FCM throttling and 429/410 responses with a realistic stub', 'Prove transactional priority holds while the marketing backlog is at peak',
            'Dedup and quiet-hours correctness under worker restarts and Kafka rebalances', 'Capacity numbers we can hand to infra'],
  lang=None)

t('complex', 'defect-analysis', "Android users report the app freezes (ANR) when they open the workout history right after the watch sync finishes. Only on devices with lots of history. Thread dump and the two code paths below.",
  [('anr/traces-2024-05-12.txt', '''
----- pid 21844 at 2024-05-12 07:41:32.118 -----
Cmd line: com.fitloop.android

"main" prio=5 tid=1 Blocked
  | group="main" sCount=1 ucsCount=0 flags=1 obj=0x72a1e5b8 self=0xb400007a1c2e5c00
  at androidx.room.RoomDatabase.beginTransaction(RoomDatabase.kt:482)
  - waiting to lock <0x0c3f1a22> (a java.util.concurrent.locks.ReentrantReadWriteLock) held by thread 27
  at com.fitloop.data.WorkoutDao_Impl.historyPage(WorkoutDao_Impl.java:311)
  at com.fitloop.history.HistoryRepository$page$1.invokeSuspend(HistoryRepository.kt:44)
  at kotlinx.coroutines.BuildersKt__BuildersKt.runBlocking(Builders.kt:59)
  at com.fitloop.history.HistoryViewModel.<init>(HistoryViewModel.kt:23)

"DefaultDispatcher-worker-3" prio=5 tid=27 Waiting
  | group="main" sCount=1 ucsCount=0 flags=1 obj=0x13c40a10 self=0xb400007a1c3f8800
  at jdk.internal.misc.Unsafe.park(Native method)
  at kotlinx.coroutines.BlockingCoroutine.joinBlocking(Builders.kt:123)
  at kotlinx.coroutines.BuildersKt__BuildersKt.runBlocking(Builders.kt:69)
  at com.fitloop.sync.WatchSyncWorker$mergeSamples$1.invoke(WatchSyncWorker.kt:88)
  at androidx.room.RoomDatabase.runInTransaction(RoomDatabase.kt:613)
  - locked <0x0c3f1a22> (a java.util.concurrent.locks.ReentrantReadWriteLock)
  at com.fitloop.sync.WatchSyncWorker.mergeSamples(WatchSyncWorker.kt:80)

"DefaultDispatcher-worker-5" prio=5 tid=31 Waiting
  at kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.park(CoroutineScheduler.kt:838)
'''),
   ('app/src/main/java/com/fitloop/sync/WatchSyncWorker.kt', '''
class WatchSyncWorker(ctx: Context, params: WorkerParameters) : CoroutineWorker(ctx, params) {
    override suspend fun doWork(): Result = withContext(Dispatchers.Default) {
        val batch = watchClient.pendingSamples()
        mergeSamples(batch)
        Result.success()
    }

    private fun mergeSamples(batch: List<Sample>) {
        db.runInTransaction {
            batch.chunked(500).forEach { chunk ->
                val resolved = runBlocking(Dispatchers.Main) { sessionStore.resolveSessionIds(chunk) }
                db.sampleDao().upsert(resolved)
            }
            db.workoutDao().recomputeAggregates()
        }
    }
}'''),
   ('app/src/main/java/com/fitloop/history/HistoryViewModel.kt', '''
class HistoryViewModel(private val repo: HistoryRepository) : ViewModel() {
    val firstPage: List<WorkoutSummary> = runBlocking { repo.page(0) }
    val pages = repo.pagedFlow().cachedIn(viewModelScope)
}''')], lang=None)

t('complex', 'flaky-test-analysis', "testConcurrentDownloadsShareOneTask fails maybe 1 in 30 on CI with two network calls instead of one, and once crashed the test runner. The offline map downloader is an actor so I assumed it was safe. Test and actor attached; is it the test or the code?",
  [('MapsKit/Sources/Offline/TileDownloader.swift', '''
actor TileDownloader {
    private var inFlight: [TileKey: Task<Data, Error>] = [:]
    private var cache: [TileKey: Data] = [:]
    private let session: URLSessionProtocol

    init(session: URLSessionProtocol) { self.session = session }

    func tile(_ key: TileKey) async throws -> Data {
        if let cached = cache[key] { return cached }
        if let existing = inFlight[key] { return try await existing.value }

        let token = try await AuthTokenProvider.shared.currentToken()
        let task = Task { () throws -> Data in
            var req = URLRequest(url: key.url)
            req.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")
            let (data, _) = try await session.data(for: req)
            return data
        }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let data = try await task.value
        cache[key] = data
        return data
    }
}'''),
   ('MapsKit/Tests/OfflineTests/TileDownloaderTests.swift', '''
final class TileDownloaderTests: XCTestCase {
    func testConcurrentDownloadsShareOneTask() async throws {
        let session = CountingSession(delay: .milliseconds(50))
        let sut = TileDownloader(session: session)
        let key = TileKey(z: 14, x: 8802, y: 5372)
        async let a = sut.tile(key)
        async let b = sut.tile(key)
        async let c = sut.tile(key)
        _ = try await (a, b, c)
        XCTAssertEqual(session.callCount, 1)
    }
}

final class CountingSession: URLSessionProtocol {
    var callCount = 0
    let delay: Duration
    init(delay: Duration) { self.delay = delay }
    func data(for request: URLRequest) async throws -> (Data, URLResponse) {
        callCount += 1
        try await Task.sleep(for: delay)
        return (Data([0x1]), URLResponse())
    }
}''')], lang=None)

# why: the ask is "run and report", but deciding which provider-verification failures are real breaking changes
# across seven services and their deploy matrix is cross-service reasoning, not mechanical reporting.
t('complex', 'test-execution', "Run the Pact provider verifications for all seven services against the broker (main + the release/2024.20 tags), then tell me which failures are real breaking changes for the mobile apps currently in the stores and which are stale pacts we can clean up. I need a can-i-deploy answer per service for tonight's release.",
  [('reports/pact-matrix.txt', 'consumer            version              provider           provider version     verified  tags\n'
    + lines(42, lambda i: f"{['ios-app', 'android-app', 'web-app', 'bff-mobile', 'bff-web', 'notifications'][i % 6]:<20}"
                          f"{_PACT_VERSIONS[i % 6][(i // 6) % 2]:<21}"
                          f"{['accounts-api', 'bookings-api', 'payments-api', 'search-api', 'loyalty-api', 'content-api', 'push-api'][i % 7]:<19}"
                          f"{'2024.20.' + str(i % 4) + '-' + format((i * 2654435761 + 96150937) % 16**7, '07x'):<21}"
                          f"{'false' if i in (5, 11, 17, 26, 33, 38) else 'true':<10}"
                          f"{['prod', 'prod,release/2024.20', 'main', 'release/2024.20', 'prod'][i % 5]}"))],
  lang=None)

t('complex', 'defect-analysis', "Some travellers were charged twice for the same hotel booking last weekend. It correlates with people switching to the card app for 3-D Secure and coming back. Client creates an Idempotency-Key per attempt; our Next.js route forwards to the PSP. Find the root cause across app, API and PSP, and tell me what to change on each side.",
  [('app/src/booking/payBooking.ts', '''
export async function payBooking(bookingId: string, card: CardToken) {
  const attempt = { key: uuid(), startedAt: Date.now() };
  await AsyncStorage.setItem(`pay:${bookingId}`, JSON.stringify(attempt));
  return withRetry(() =>
    fetch(`${API}/api/payments/${bookingId}`, {
      method: 'POST',
      headers: { 'Idempotency-Key': attempt.key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ card }),
    }), { retries: 3, on: [502, 503, 504, 'network'] });
}

// on AppState 'active' after 3DS redirect:
export async function resumePayment(bookingId: string, card: CardToken) {
  const booking = await api.getBooking(bookingId);
  if (booking.status !== 'PAID') return payBooking(bookingId, card);
}'''),
   ('pages/api/payments/[bookingId].ts', '''
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const bookingId = String(req.query.bookingId);
  const key = req.headers['idempotency-key'] as string;
  const booking = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  if (booking.status === 'PAID') return res.status(200).json({ status: 'PAID' });
  const intent = await psp.paymentIntents.create(
    { amount: booking.totalMinor, currency: booking.currency, payment_method: req.body.card, confirm: true, metadata: { bookingId } },
    { idempotencyKey: key },
  );
  if (intent.status === 'succeeded') await db.booking.update({ where: { id: bookingId }, data: { status: 'PAID', pspId: intent.id } });
  return res.status(200).json({ status: intent.status, nextAction: intent.next_action });
}''')])
