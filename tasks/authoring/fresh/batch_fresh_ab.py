from lib import t, lines

# Persona: desktop application developer. Ships a C++/Qt 6 app on Windows and macOS, an Electron
# companion app (TypeScript), MSI/NSIS and .pkg installers, an auto-updater, a crash reporter that
# uploads minidumps, and a plugin SDK for third-party DLL/dylib plugins. Pragmatic; describes bugs
# by what users see on their machines; pastes minidump summaries and CI matrix results.

# 1
t('simple', 'test-execution',
  'Run the ctest suite for the updater target on the windows-msvc-release preset and tell me which tests failed.',
  fw='ctest', lang=None)

# 2
t('complex', 'defect-analysis',
  "Crash reports spiking since 4.12: app dies on quit, but only for people with the LiveSync plugin installed. "
  "Minidump summary and the plugin host code below. I can't reproduce it on my machine, it's maybe 1 in 30 quits on user machines.",
  files=[
    ('crash/minidump_summary_4.12.0_win.txt', r'''
Crash reason:  EXCEPTION_ACCESS_VIOLATION_READ
Crash address: 0xdddddddddddddded
Process uptime: 4127 seconds
Thread 0 (crashed)
 0  Qt6Core.dll!QObject::thread() const
 1  Qt6Core.dll!QCoreApplication::postEvent(QObject*, QEvent*, int)
 2  Qt6Core.dll!QMetaObject::invokeMethodImpl
 3  livesync.dll!LiveSyncPlugin::onRemoteChange(QString const&)  livesync_plugin.cpp:88
 4  livesync.dll!`anonymous namespace'::WatchWorker::run()  watch_worker.cpp:41
 5  Qt6Core.dll!QThreadPoolThread::run()
 6  Qt6Core.dll!QThreadPrivate::start(void*)
Thread 1
 0  ntdll.dll!NtWaitForSingleObject
 1  KERNELBASE.dll!WaitForSingleObjectEx
 2  Qt6Core.dll!QThread::wait(QDeadlineTimer)
 3  Studio.exe!PluginHost::unloadAll()  plugin_host.cpp:142
 4  Studio.exe!MainWindow::closeEvent(QCloseEvent*)  mainwindow.cpp:611
Loaded modules: Studio.exe 4.12.0.2231, livesync.dll 2.3.1 (third-party, signed), Qt6Core.dll 6.6.2
'''),
    ('src/plugins/plugin_host.cpp', r'''
#include "plugin_host.h"
#include <QPluginLoader>
#include <QThreadPool>

void PluginHost::load(const QString& path) {
    auto* loader = new QPluginLoader(path, this);
    if (!loader->load()) {
        qWarning() << "plugin load failed" << path << loader->errorString();
        delete loader;
        return;
    }
    auto* iface = qobject_cast<StudioPluginInterface*>(loader->instance());
    if (!iface) { loader->unload(); delete loader; return; }
    iface->initialize(m_context);
    m_loaded.push_back({loader, iface});
}

void PluginHost::unloadAll() {
    for (auto& entry : m_loaded) {
        entry.iface->shutdown();          // plugin must stop its workers here
    }
    m_context->events()->disconnect();
    for (auto& entry : m_loaded) {
        QObject* inst = entry.loader->instance();
        delete inst;                      // destroys the plugin QObject
        entry.loader->unload();
        delete entry.loader;
    }
    m_loaded.clear();
    QThreadPool::globalInstance()->waitForDone(2000);
}
'''),
    ('sdk/examples/livesync/livesync_plugin.cpp', r'''
void LiveSyncPlugin::initialize(PluginContext* ctx) {
    m_ctx = ctx;
    m_stop = false;
    QThreadPool::globalInstance()->start(new WatchWorker(this, &m_stop));
}

void LiveSyncPlugin::shutdown() {
    m_stop = true;   // worker polls this flag every 500 ms
}

void LiveSyncPlugin::onRemoteChange(const QString& docId) {
    QMetaObject::invokeMethod(this, [this, docId] {
        m_ctx->documents()->reload(docId);
    }, Qt::QueuedConnection);
}
'''),
    ('sdk/examples/livesync/watch_worker.cpp', r'''
void WatchWorker::run() {
    while (!*m_stop) {
        const auto changes = m_client.poll(std::chrono::milliseconds(500));
        for (const auto& c : changes)
            m_plugin->onRemoteChange(c.docId);
    }
}
'''),
  ],
  reqs=['tell me whether this is our host or the plugin', 'propose a fix in the SDK contract so other plugin authors cannot hit it'],
  lang=None)

# 3
t('medium', 'test-generation',
  'Write vitest tests for the export IPC handler in the companion app. It writes a zip of the project to wherever the user picks in the save dialog.',
  files=[('src/main/ipc/exportProject.ts', r'''
import { dialog, ipcMain, BrowserWindow } from 'electron';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipDirectory } from '../util/zip';
import { collectProjectFiles } from '../project/collect';
import { logger } from '../logger';

export type ExportResult =
  | { ok: true; path: string; bytes: number }
  | { ok: false; reason: 'cancelled' | 'empty-project' | 'write-failed'; detail?: string };

export async function exportProject(win: BrowserWindow, projectId: string): Promise<ExportResult> {
  const files = await collectProjectFiles(projectId);
  if (files.length === 0) return { ok: false, reason: 'empty-project' };

  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    title: 'Export project',
    defaultPath: `${projectId}.studioproj.zip`,
    filters: [{ name: 'Studio project', extensions: ['zip'] }],
  });
  if (canceled || !filePath) return { ok: false, reason: 'cancelled' };

  const target = filePath.endsWith('.zip') ? filePath : `${filePath}.zip`;
  const staging = await mkdtemp(path.join(tmpdir(), 'studio-export-'));
  try {
    await zipDirectory(files, staging, target);
    const { size } = await stat(target);
    logger.info('export finished', { projectId, size });
    return { ok: true, path: target, bytes: size };
  } catch (err) {
    logger.error('export failed', { projectId, err: String(err) });
    return { ok: false, reason: 'write-failed', detail: (err as Error).message };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export function registerExportHandler() {
  ipcMain.handle('project:export', async (event, projectId: string) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) return { ok: false, reason: 'write-failed', detail: 'no window' } satisfies ExportResult;
    return exportProject(win, projectId);
  });
}
''')],
  reqs=['mock electron, fs/promises and the zip helper', 'check the staging dir is removed on both success and failure'],
  fw='vitest')

# 4
t('simple', 'coverage-analysis',
  'Here is the gcovr function summary for libstudio-core from last night. Just give me the list of functions that were never called.',
  files=[('reports/gcovr_functions_core.txt', 'File                                   Function                                  Calls  Lines\n' + lines(70, lambda i: '%-38s %-41s %5d  %3d%%' % (
      'src/core/%s.cpp' % ['document', 'undo_stack', 'layer', 'color', 'units', 'recent_files', 'autosave'][i % 7],
      '%s::%s' % (['Document', 'UndoStack', 'Layer', 'ColorSpace', 'Units', 'RecentFiles', 'Autosave'][i % 7],
                  ['load', 'save', 'clear', 'merge', 'toJson', 'fromJson', 'validate', 'resize', 'clone', 'notify'][i % 10]),
      0 if i in (5, 13, 22, 31, 44, 58, 66) else (i * 37) % 900 + 3,
      0 if i in (5, 13, 22, 31, 44, 58, 66) else 60 + (i * 7) % 41)))],
  lang=None)

# 5
t('complex', 'security-scan',
  'Can you review how the updater checks the downloaded package before running it? It is short but it is the only thing between the internet and our installer running as admin.',
  files=[('src/updater/verify.cpp', r'''
#include "verify.h"
#include <QCryptographicHash>
#include <QFile>
#include <sodium.h>

static const unsigned char kUpdatePubKey[crypto_sign_PUBLICKEYBYTES] = { /* baked in at build time */ };

bool verifyUpdate(const QString& pkgPath, const UpdateManifest& m) {
    QFile f(pkgPath);
    if (!f.open(QIODevice::ReadOnly)) return false;
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    const QByteArray digest = h.result().toHex();
    if (digest != m.sha256.toLatin1()) {
        qWarning() << "hash mismatch" << digest << m.sha256;
        return false;
    }
    // manifest signature covers "version|url|sha256"
    const QByteArray signedPart = (m.version + "|" + m.url + "|" + m.sha256).toUtf8();
    const QByteArray sig = QByteArray::fromBase64(m.signature.toLatin1());
    if (sig.size() != crypto_sign_BYTES) return m.allowUnsigned;   // staging servers
    return crypto_sign_verify_detached(
        reinterpret_cast<const unsigned char*>(sig.constData()),
        reinterpret_cast<const unsigned char*>(signedPart.constData()),
        signedPart.size(), kUpdatePubKey) == 0;
}

void UpdateInstaller::installStaged(const QString& pkgPath, const UpdateManifest& m) {
    if (!verifyUpdate(pkgPath, m)) { emit failed(tr("Update verification failed")); return; }
    if (QVersionNumber::fromString(m.version) <= QVersionNumber::fromString(currentVersion())) {
        qInfo() << "manifest version not newer, installing anyway (channel switch)";
    }
    launchElevated(pkgPath, {"/quiet", "/norestart"});
}
''')],
  reqs=['consider who controls each manifest field', 'consider the time between verify and launch'],
  lang=None)

# 6
t('medium', 'flaky-test-analysis',
  'tst_documentsaver fails maybe 1 in 8 runs on the macos-14 CI runner, never on Windows or my Mac. Log and the test are below.',
  files=[
    ('ci/logs/macos14_run_8812.txt', r'''
********* Start testing of TestDocumentSaver *********
Config: Using QtTest library 6.6.2, Qt 6.6.2 (arm64-little_endian-lp64 shared (dynamic) release build; by Apple LLVM 15.0.0)
PASS   : TestDocumentSaver::initTestCase()
PASS   : TestDocumentSaver::savesToTempThenRenames()
FAIL!  : TestDocumentSaver::emitsSavedAfterAutosave() 'spy.wait(200)' returned FALSE. ()
   Loc: [tests/core/tst_documentsaver.cpp(74)]
PASS   : TestDocumentSaver::rejectsReadOnlyTarget()
PASS   : TestDocumentSaver::cleanupTestCase()
Totals: 4 passed, 1 failed, 0 skipped, 0 blacklisted, 1418ms
********* Finished testing of TestDocumentSaver *********
'''),
    ('tests/core/tst_documentsaver.cpp', r'''
void TestDocumentSaver::emitsSavedAfterAutosave()
{
    QTemporaryDir dir;
    Document doc;
    doc.setText("hello");
    DocumentSaver saver(&doc, dir.filePath("a.studio"));
    saver.setAutosaveInterval(std::chrono::milliseconds(100));
    QSignalSpy spy(&saver, &DocumentSaver::saved);
    saver.start();
    doc.setText("hello world");
    QVERIFY(spy.wait(200));
    QCOMPARE(spy.count(), 1);
}
'''),
    ('src/core/documentsaver.cpp', r'''
void DocumentSaver::start() {
    m_timer.setInterval(m_interval);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DocumentSaver::saveIfDirty);
    m_timer.start();
}

void DocumentSaver::saveIfDirty() {
    if (!m_doc->isDirty()) return;
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly)) { emit error(out.errorString()); return; }
    out.write(m_doc->serialize());
    if (out.commit()) { m_doc->markClean(); emit saved(m_path); }
}
'''),
  ],
  fw='qttest', lang=None)

# why: a pass/fail check of one CI summary against rules spelled out in full is mechanical, despite the long preamble
# 7
t('simple', 'quality-gate',
  "Bit of background: we moved the nightly from Jenkins to GitHub Actions last month, the Windows ARM leg is new and "
  "still marked experimental, and the mac notarization step sometimes gets skipped when Apple's service is slow, which is fine. "
  "Our rule for tagging a nightly as 'promotable' is simply: every non-experimental job is green and no job was cancelled. "
  "Is last night's run promotable? Summary below.",
  files=[('ci/nightly_2024-05-14_summary.txt', r'''
job                               status     duration
build / windows-x64-msvc          success    18m12s
build / windows-arm64-msvc (exp)  failure    21m40s
build / macos-universal           success    24m03s
test / windows-x64 unit           success    6m51s
test / macos unit                 success    7m30s
test / electron-companion         success    4m12s
package / msi                     success    3m02s
package / pkg + notarize          skipped    0s
e2e / windows-x64 smoke           cancelled  9m59s
''')],
  lang=None)

# 8
t('medium', 'performance-testing',
  'Cold start times from our startup benchmark over the last releases, both platforms. Did something regress and where? '
  'The bench launches the app 20 times per build and logs time to first paint.',
  files=[('bench/startup_cold.csv', 'build,platform,run,process_start_ms,qt_init_ms,plugins_loaded_ms,first_paint_ms\n' + lines(120, lambda i: '%s,%s,%d,%d,%d,%d,%d' % (
      ['4.10.0', '4.11.0', '4.12.0'][i // 40], ['win11-x64', 'macos14-arm64'][(i // 20) % 2], i % 20 + 1,
      38 + (i * 7) % 9, 210 + (i * 13) % 30,
      (640 if ['4.10.0', '4.11.0', '4.12.0'][i // 40] != '4.12.0' or (i // 20) % 2 == 1 else 1180) + (i * 17) % 60,
      (910 if ['4.10.0', '4.11.0', '4.12.0'][i // 40] != '4.12.0' or (i // 20) % 2 == 1 else 1460) + (i * 23) % 80)))],
  reqs=['break the regression down by startup phase', 'say whether the run-to-run noise is small enough to trust it'],
  lang=None)

# why: short, but the hang is an abort-vs-finished race between the network thread and the UI thread
# 9
t('complex', 'flaky-test-analysis',
  'tst_updatedownloader hangs about once every 200 runs, only on the arm64 mac runner. When it hangs ctest kills it after 300s. No useful output.',
  files=[('src/updater/downloader.cpp', r'''
void UpdateDownloader::start(const QUrl& url) {
    m_reply = m_nam.get(QNetworkRequest(url));
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { m_file.write(m_reply->readAll()); });
    connect(m_reply, &QNetworkReply::finished, this, &UpdateDownloader::onFinished);
    m_watchdog.start(m_stallTimeout);
    connect(&m_watchdog, &QTimer::timeout, this, &UpdateDownloader::cancel);
}

void UpdateDownloader::cancel() {
    if (!m_reply) return;
    m_cancelled = true;
    m_reply->abort();
}

void UpdateDownloader::onFinished() {
    m_watchdog.stop();
    auto* r = std::exchange(m_reply, nullptr);
    r->deleteLater();
    if (m_cancelled) { emit cancelled(); return; }
    m_file.close();
    emit done(m_file.fileName());
}
'''), ('tests/updater/tst_updatedownloader.cpp', r'''
void TestUpdateDownloader::cancelDuringStall()
{
    LocalHttpServer server;             // serves 4 KB then stalls forever
    server.stallAfter(4096);
    UpdateDownloader dl(tempFile());
    dl.setStallTimeout(std::chrono::milliseconds(50));
    QSignalSpy cancelled(&dl, &UpdateDownloader::cancelled);
    dl.start(server.url("/pkg.msi"));
    QTimer::singleShot(50, &dl, &UpdateDownloader::cancel);   // user hits Cancel at the same time
    QVERIFY(cancelled.wait(5000));
    QCOMPARE(cancelled.count(), 1);
}
''')],
  fw='qttest', lang=None)

# 10
t('simple', 'test-generation',
  'Need GoogleTest cases for our version compare helper. Used to decide if an update is newer.',
  files=[('src/updater/version_compare.cpp', r'''
#include <QStringList>

// Compares dotted versions like "4.12.0" and "4.12". Missing parts count as 0.
// Returns -1, 0, 1.
int compareVersions(const QString& a, const QString& b) {
    const QStringList pa = a.split('.');
    const QStringList pb = b.split('.');
    const int n = std::max(pa.size(), pb.size());
    for (int i = 0; i < n; ++i) {
        const int x = i < pa.size() ? pa[i].toInt() : 0;
        const int y = i < pb.size() ? pb[i].toInt() : 0;
        if (x < y) return -1;
        if (x > y) return 1;
    }
    return 0;
}
''')],
  fw='gtest', lang=None)

# why: twelve lines of code, but deciding the right behaviour for UNC, \\?\ prefixes, case and junctions takes Windows judgement
# 11
t('medium', 'test-generation',
  'Tests for the function that decides if two plugin paths are the same plugin. We had users get the same plugin loaded twice on Windows.',
  files=[('src/plugins/plugin_path.cpp', r'''
#include <QDir>
#include <QFileInfo>

QString canonicalPluginKey(const QString& path) {
    QString p = QDir::fromNativeSeparators(path);
    if (p.startsWith("//?/")) p.remove(0, 4);
    QFileInfo fi(p);
    QString c = fi.canonicalFilePath();
    if (c.isEmpty()) c = QDir::cleanPath(fi.absoluteFilePath());
#ifdef Q_OS_WIN
    c = c.toLower();
#endif
    return c;
}

bool isSamePlugin(const QString& a, const QString& b) {
    return canonicalPluginKey(a) == canonicalPluginKey(b);
}
''')],
  reqs=['cover the cases that really happen on user machines: mapped drive vs UNC share, long-path prefix, 8.3 short names, a junction into Program Files',
        'say which of those the current code gets wrong and mark those tests as expected failures'],
  fw='gtest', lang=None)

# 12
t('complex', 'performance-testing',
  "We're moving from 'everyone gets the update at once' to staged rollout for ~2M installs. Design the load test for the update "
  "backend before we switch: manifest endpoint, delta generation, CDN origin, and the crash-rate feedback that pauses the rollout.",
  files=[('docs/update-backend.md', r'''
# Update backend (current)
- GET /v2/manifest?channel=&version=&os=&arch=&bucket=  -> JSON manifest, cached 5 min at the CDN edge keyed on full query
- Delta packages built lazily on first request for a (from,to,os,arch) pair, stored in S3, 40-300 MB full, 5-60 MB delta
- Clients check at launch and every 4h with +-30 min jitter; ~35% of installs launch 08:00-10:00 local time
- Rollout controller reads crash-free-session rate from the crash pipeline every 10 min; pauses below 99.2%
- CDN origin: 3 x c6i.2xlarge behind an ALB, S3 origin for packages
'''), ('ops/rollout_plan_4.13.yaml', r'''
stages:
  - percent: 1
    hold_hours: 24
  - percent: 10
    hold_hours: 24
  - percent: 50
    hold_hours: 12
  - percent: 100
bucket: sha1(install_id) % 1000
pause_if:
  crash_free_sessions_below: 0.992
  min_sessions: 5000
''')],
  reqs=['model the morning launch peak across time zones', 'include what happens when the controller pauses and then resumes mid-stage',
        'use k6 for the HTTP parts'],
  fw='k6', lang=None)

# 13
t('simple', 'security-scan',
  'npm audit from the companion app repo. Just list the high and critical ones with the version that fixes each, skip the rest.',
  files=[('reports/npm-audit.txt', lines(24, lambda i: '# npm audit report\n' if i == 0 else
      '%s  %s\nSeverity: %s\n%s - %s\nfix available via `npm audit fix`\nnode_modules/%s\n' % (
      ['semver', 'tar', 'ws', 'ip', 'follow-redirects', 'braces', 'postcss', 'word-wrap', 'tough-cookie', 'got', 'xml2js', 'axios'][i % 12],
      ['<7.5.2', '<6.2.1', '8.0.0 - 8.17.0', '<=2.0.1', '<1.15.6', '<3.0.3', '<8.4.31', '<1.2.4', '<4.1.3', '<11.8.5', '<0.5.0', '1.0.0 - 1.6.7'][i % 12],
      ['moderate', 'high', 'high', 'moderate', 'moderate', 'high', 'moderate', 'moderate', 'moderate', 'moderate', 'moderate', 'critical'][i % 12],
      ['Regular Expression Denial of Service', 'Denial of service while parsing a tar file', 'DoS when handling a request with many HTTP headers',
       'SSRF improper categorization in isPublic', 'Proxy-Authorization header kept across hosts', 'Uncontrolled resource consumption',
       'Line return parsing error', 'ReDoS', 'Prototype Pollution', 'Redirect to UNIX socket', 'Prototype pollution', 'CSRF token leak'][i % 12],
      'https://github.com/advisories/GHSA-%04x-%04x-%04x' % (0x3a1f + i * 97, 0x7c2d + i * 31, 0x19e4 + i * 53),
      ['semver', 'tar', 'ws', 'ip', 'follow-redirects', 'braces', 'postcss', 'word-wrap', 'tough-cookie', 'got', 'xml2js', 'axios'][i % 12]))
      + '\n\n23 vulnerabilities (14 moderate, 6 high, 3 critical)')],
  lang='javascript')

# 14
t('simple', 'defect-analysis',
  'User says the app crashes the moment they open Preferences > Printing. They have no printers installed (fresh Windows VM). Stack and the function are below.',
  files=[('crash/prefs_printing_stack.txt', r'''
Exception: EXCEPTION_ACCESS_VIOLATION_READ at 0x0000000000000010
 0 Qt6PrintSupport.dll!QPrinterInfo::printerName() const
 1 Studio.exe!PrintingPage::populate()  printing_page.cpp:27
 2 Studio.exe!PrintingPage::showEvent(QShowEvent*)  printing_page.cpp:14
'''), ('src/prefs/printing_page.cpp', r'''
void PrintingPage::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (!m_populated) { populate(); m_populated = true; }
}

void PrintingPage::populate() {
    const QList<QPrinterInfo> printers = QPrinterInfo::availablePrinters();
    m_ui->printerCombo->clear();
    for (const auto& p : printers)
        m_ui->printerCombo->addItem(p.printerName());
    QString def = QPrinterInfo::defaultPrinterName();
    if (def.isEmpty())
        def = printers.first().printerName();
    m_ui->printerCombo->setCurrentText(def);
}
''')],
  lang=None)

# 15
t('medium', 'security-scan',
  'Before we make the repo public for the plugin SDK, go over our CI workflows for anything that would leak the signing cert or let a fork PR run with our secrets.',
  files=[('.github/workflows/build.yml', r'''
name: build
on:
  push: { branches: [main] }
  pull_request_target:
    types: [opened, synchronize]
jobs:
  windows:
    runs-on: windows-2022
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: jurplel/install-qt-action@v3
        with: { version: '6.6.2' }
      - name: Import signing cert
        run: |
          echo "${{ secrets.WIN_SIGN_PFX_B64 }}" > cert.b64
          certutil -decode cert.b64 cert.pfx
          echo "cert password is ${{ secrets.WIN_SIGN_PFX_PASS }}" >> build-info.txt
      - run: cmake --preset windows-msvc-release && cmake --build --preset windows-msvc-release
      - uses: actions/upload-artifact@v4
        with: { name: win-build, path: build/ }
'''), ('.github/workflows/sdk-docs.yml', r'''
name: sdk-docs
on: [push, pull_request]
permissions: write-all
jobs:
  docs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: some-user/doxygen-deploy@master
        with:
          token: ${{ secrets.GITHUB_TOKEN }}
          title: ${{ github.event.pull_request.title }}
      - run: echo "Building docs for ${{ github.event.pull_request.title }}"
''')],
  lang=None)

# 16
t('medium', 'coverage-analysis',
  'Coverage for the updater module after last sprint. Which gaps actually matter? I care about the paths where a user ends up with a half-installed app.',
  files=[('reports/updater_gcovr_summary.txt', r'''
File                               Lines    Exec  Cover   Branches  Taken
src/updater/checker.cpp              142     131    92%        48     41
src/updater/downloader.cpp           118      84    71%        40     22
src/updater/verify.cpp                39      37    94%        14     12
src/updater/installer_win.cpp        167      71    42%        62     19
src/updater/installer_mac.cpp        151      88    58%        54     26
src/updater/rollback.cpp              96      12    12%        30      2
TOTAL                                713     423    59%       248    122
'''), ('reports/updater_uncovered_lines.txt', r'''
src/updater/downloader.cpp: 61-70 (resume from partial file), 88-95 (disk full), 104-110 (HTTP 416)
src/updater/installer_win.cpp: 40-58 (msiexec exit 1618 another install in progress), 77-101 (exit 3010 reboot required),
    120-140 (files in use, restart manager), 150-167 (elevation declined)
src/updater/installer_mac.cpp: 33-49 (app translocated), 90-118 (replace bundle fails mid-copy), 130-151 (codesign check of new bundle)
src/updater/rollback.cpp: 10-96 except 1-9 (entire restore path)
''')],
  reqs=['rank the gaps by user impact', 'for the top three, say what kind of test would cover them (unit with fakes vs VM smoke)'],
  lang=None)

# 17
t('simple', 'test-execution',
  'Run the Playwright e2e suite for the companion app on macOS only and give me the pass/fail list.',
  fw='playwright')

# why: tiny shutdown crash, but the cause is destruction order of a static logger racing a still-running worker thread
# 18
t('complex', 'flaky-test-analysis',
  'ctest sometimes reports tst_crashreporter as "Exit code 0xc0000005" on Windows even though every test function printed PASS. Maybe 3% of runs. Seems to happen after cleanupTestCase.',
  files=[('src/crash/breadcrumbs.cpp', r'''
namespace {
struct Breadcrumbs {
    std::mutex mu;
    std::deque<std::string> items;
    ~Breadcrumbs() { items.clear(); }
};
Breadcrumbs g_crumbs;   // file-scope static
}

void addBreadcrumb(std::string s) {
    std::lock_guard lk(g_crumbs.mu);
    if (g_crumbs.items.size() > 200) g_crumbs.items.pop_front();
    g_crumbs.items.push_back(std::move(s));
}
'''), ('src/crash/heartbeat.cpp', r'''
Heartbeat& Heartbeat::instance() { static Heartbeat hb; return hb; }

void Heartbeat::start() {
    m_thread = std::thread([this] {
        while (!m_stop.load()) {
            addBreadcrumb("hb " + std::to_string(++m_ticks));
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    });
    m_thread.detach();
}
void Heartbeat::stop() { m_stop = true; }
'''), ('tests/crash/tst_crashreporter.cpp', r'''
void TestCrashReporter::initTestCase() { Heartbeat::instance().start(); }
void TestCrashReporter::cleanupTestCase() { Heartbeat::instance().stop(); }
QTEST_GUILESS_MAIN(TestCrashReporter)
''')],
  fw='qttest', lang=None)

# 19
t('medium', 'quality-gate',
  'Release candidate 4.13.0-rc2. Check it against our release criteria and tell me ship / do not ship, with the reason per line.',
  files=[('release/criteria.md', r'''
- Unit + integration tests: 100% pass on windows-x64 and macos-universal
- Crash-free sessions in beta channel (last 7 days): >= 99.5%
- No new crash signature with > 50 affected users in beta
- Line coverage of src/core and src/updater: must not drop more than 1 point vs last release
- Installer size: no more than +5% vs last release per platform
- Cold start p95: no more than +10% vs last release per platform
'''), ('release/rc2_metrics.json', r'''
{
  "tests": {"windows-x64": {"passed": 2412, "failed": 0, "skipped": 14},
            "macos-universal": {"passed": 2398, "failed": 0, "skipped": 28}},
  "beta_crash_free_sessions_7d": 0.9953,
  "new_signatures": [
    {"sig": "PluginHost::unloadAll", "users": 212, "first_seen": "4.13.0-beta3"},
    {"sig": "QRhiD3D11::endFrame", "users": 31, "first_seen": "4.13.0-beta2"}
  ],
  "coverage": {"src/core": {"prev": 78.4, "now": 77.9}, "src/updater": {"prev": 61.0, "now": 59.2}},
  "installer_mb": {"win": {"prev": 148.2, "now": 153.9}, "mac": {"prev": 201.5, "now": 219.0}},
  "cold_start_p95_ms": {"win": {"prev": 1420, "now": 1502}, "mac": {"prev": 1180, "now": 1210}}
}
''')],
  lang=None)

# 20
t('simple', 'test-generation',
  'Convert this QtTest file to GoogleTest, same cases, we are dropping QtTest for the non-GUI libs.',
  files=[('tests/core/tst_units.cpp', r'''
#include <QtTest>
#include "units.h"

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void mmToPoints();
    void pointsToMm();
    void roundTrip_data();
    void roundTrip();
};

void TestUnits::mmToPoints() { QCOMPARE(Units::mmToPt(25.4), 72.0); }
void TestUnits::pointsToMm() { QCOMPARE(Units::ptToMm(72.0), 25.4); }

void TestUnits::roundTrip_data() {
    QTest::addColumn<double>("mm");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("a4 width") << 210.0;
    QTest::newRow("negative") << -3.5;
}
void TestUnits::roundTrip() {
    QFETCH(double, mm);
    QVERIFY(qFuzzyCompare(1.0 + Units::ptToMm(Units::mmToPt(mm)), 1.0 + mm));
}

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"
''')],
  fw='gtest', lang=None)

# 21
t('complex', 'security-scan',
  "Security pass on the companion app before 2.0. It renders plugin marketplace pages and project notes (markdown from shared projects, so other people's content). Main, preload and the bits that handle links and our studio:// protocol are attached.",
  files=[
    ('src/main/window.ts', r'''
import { BrowserWindow } from 'electron';
import path from 'node:path';

export function createMainWindow() {
  const win = new BrowserWindow({
    width: 1280, height: 800,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: false,
      webSecurity: process.env.STUDIO_DEV !== '1',
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://market.studio.example')) return { action: 'allow' };
    return { action: 'deny' };
  });
  return win;
}
'''),
    ('src/preload/preload.ts', r'''
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('studio', {
  invoke: (channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args),
  on: (channel: string, cb: (...a: unknown[]) => void) => ipcRenderer.on(channel, (_e, ...a) => cb(...a)),
  version: process.versions.electron,
});
'''),
    ('src/main/ipc/links.ts', r'''
import { ipcMain, shell } from 'electron';

ipcMain.handle('link:open', async (_e, href: string) => {
  const u = new URL(href, 'https://studio.example');
  if (u.protocol === 'javascript:') return false;
  await shell.openExternal(u.toString());
  return true;
});
'''),
    ('src/main/ipc/plugins.ts', r'''
import { ipcMain } from 'electron';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pluginsDir } from '../paths';

ipcMain.handle('plugin:install', async (_e, name: string, archiveUrl: string) => {
  const dest = path.join(pluginsDir(), name);
  return new Promise((resolve, reject) =>
    execFile('studio-pkg', ['install', archiveUrl, '--dest', dest], (err, out) => (err ? reject(err) : resolve(out))));
});
'''),
    ('src/main/protocol.ts', r'''
import { app } from 'electron';
import { openProjectFromPath } from './project';

app.setAsDefaultProtocolClient('studio');
app.on('open-url', (_e, url) => handleStudioUrl(url));
app.on('second-instance', (_e, argv) => {
  const url = argv.find((a) => a.startsWith('studio://'));
  if (url) handleStudioUrl(url);
});

export function handleStudioUrl(raw: string) {
  const u = new URL(raw);
  if (u.hostname === 'open') {
    const p = decodeURIComponent(u.searchParams.get('path') ?? '');
    return openProjectFromPath(p);
  }
}
'''),
    ('src/renderer/notes/NoteView.tsx', r'''
import { marked } from 'marked';

export function NoteView({ markdown }: { markdown: string }) {
  const html = marked.parse(markdown, { async: false }) as string;
  return (
    <div
      className="note"
      onClick={(e) => {
        const a = (e.target as HTMLElement).closest('a');
        if (a) { e.preventDefault(); window.studio.invoke('link:open', a.getAttribute('href')); }
      }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
'''),
  ],
  reqs=['trace each finding from untrusted input to what it can reach in the main process', 'rank by what an attacker sharing a project could do'],
  fw='electron')

# 22
t('medium', 'test-execution',
  "Run the crash uploader integration tests. They need the mock symbol/ingest server from tools/mock-ingest started first (npm start, port 8787) and "
  "QT_QPA_PLATFORM=offscreen on Linux CI. Tell me what fails and whether it's the server or our code.",
  files=[('tests/crash/CMakeLists.txt', r'''
add_executable(tst_uploader_integration tst_uploader_integration.cpp)
target_link_libraries(tst_uploader_integration PRIVATE studio_crash Qt6::Test Qt6::Network)
add_test(NAME uploader_integration COMMAND tst_uploader_integration)
set_tests_properties(uploader_integration PROPERTIES
  ENVIRONMENT "STUDIO_INGEST_URL=http://127.0.0.1:8787/api/minidump;STUDIO_CRASH_DIR=${CMAKE_CURRENT_BINARY_DIR}/dumps"
  LABELS "integration;needs-mock-ingest"
  TIMEOUT 120)
'''), ('tools/mock-ingest/README.md', r'''
Mock ingest server for crash uploads.
- POST /api/minidump  multipart: upload_file_minidump, product, version, guid
- Returns 201 {"id": "..."}; returns 413 for dumps > 20 MB; returns 429 every 5th request when MOCK_THROTTLE=1
- GET /_received lists what it got, DELETE /_received resets
''')],
  reqs=['start and stop the mock server yourself', 'run with MOCK_THROTTLE=1 as well and compare'],
  fw='ctest', lang=None)

# 23
t('simple', 'coverage-analysis',
  'Which files in the companion app are under 50% line coverage? Jest summary attached.',
  files=[('coverage/coverage-summary.json', r'''
{
  "total": {"lines": {"total": 2841, "covered": 1977, "pct": 69.58}},
  "src/main/window.ts": {"lines": {"total": 64, "covered": 51, "pct": 79.68}},
  "src/main/protocol.ts": {"lines": {"total": 38, "covered": 12, "pct": 31.57}},
  "src/main/ipc/exportProject.ts": {"lines": {"total": 47, "covered": 40, "pct": 85.1}},
  "src/main/ipc/links.ts": {"lines": {"total": 11, "covered": 5, "pct": 45.45}},
  "src/main/ipc/plugins.ts": {"lines": {"total": 29, "covered": 29, "pct": 100}},
  "src/main/updater.ts": {"lines": {"total": 156, "covered": 74, "pct": 47.43}},
  "src/renderer/notes/NoteView.tsx": {"lines": {"total": 22, "covered": 22, "pct": 100}},
  "src/renderer/market/MarketPage.tsx": {"lines": {"total": 188, "covered": 101, "pct": 53.72}},
  "src/renderer/settings/SettingsForm.tsx": {"lines": {"total": 240, "covered": 96, "pct": 40}}
}
''')],
  fw='jest')

# why: 30 lines, but it is a lock-free single-producer/single-consumer queue; the tests must catch memory-ordering bugs
# 24
t('complex', 'test-generation',
  'The crash logger writes breadcrumbs from the UI thread into this ring and the watchdog thread drains it. Write tests that would actually catch it being wrong.',
  files=[('src/crash/spsc_ring.h', r'''
#pragma once
#include <atomic>
#include <array>
#include <optional>

template <typename T, size_t N>
class SpscRing {
    static_assert((N & (N - 1)) == 0, "N must be a power of two");
public:
    bool push(const T& v) {
        const size_t h = m_head.load(std::memory_order_relaxed);
        const size_t t = m_tail.load(std::memory_order_acquire);
        if (h - t == N) return false;
        m_buf[h & (N - 1)] = v;
        m_head.store(h + 1, std::memory_order_release);
        return true;
    }
    std::optional<T> pop() {
        const size_t t = m_tail.load(std::memory_order_relaxed);
        const size_t h = m_head.load(std::memory_order_acquire);
        if (t == h) return std::nullopt;
        T v = m_buf[t & (N - 1)];
        m_tail.store(t + 1, std::memory_order_release);
        return v;
    }
private:
    std::array<T, N> m_buf{};
    alignas(64) std::atomic<size_t> m_head{0};
    alignas(64) std::atomic<size_t> m_tail{0};
};
''')],
  reqs=['must be runnable under TSan on the Linux CI leg', 'check ordering and no loss/duplication, not just single-threaded push/pop'],
  fw='gtest', lang=None)

# 25
t('medium', 'defect-analysis',
  'Upgrade from 4.11 to 4.12 fails with "Setup Wizard ended prematurely" for a handful of enterprise users. One of them sent the verbose MSI log (trimmed). What is going on?',
  files=[('logs/msi_upgrade_4.12_customer.log', lines(40, lambda i: [
      'MSI (s) (A4:1C) [09:14:%02d:%03d]: Doing action: %s' % (i, i * 25 % 1000, ['AppSearch', 'LaunchConditions', 'FindRelatedProducts', 'CostInitialize', 'FileCost', 'CostFinalize', 'InstallValidate', 'InstallInitialize', 'RemoveExistingProducts'][i % 9]),
      'Action ended 09:14:%02d: %s. Return value 1.' % (i, ['AppSearch', 'LaunchConditions', 'FindRelatedProducts', 'CostInitialize', 'FileCost', 'CostFinalize', 'InstallValidate', 'InstallInitialize', 'RemoveExistingProducts'][i % 9]),
  ][i % 2] if i < 30 else [
      'MSI (s) (A4:1C) [09:14:51:220]: Doing action: CA_MigrateSettings',
      'Action start 9:14:51: CA_MigrateSettings.',
      'MSI (s) (A4:E0) [09:14:51:301]: Invoking remote custom action. DLL: C:\\Windows\\Installer\\MSI8F21.tmp, Entrypoint: MigrateSettings',
      'CA_MigrateSettings: reading HKCU\\Software\\StudioCo\\Studio\\4.11',
      'CA_MigrateSettings: RegOpenKeyEx failed 2 (key not found)',
      'CA_MigrateSettings: profile dir resolved to C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Studio',
      'CA_MigrateSettings: copy settings.json failed: 0x80070003',
      'CustomAction CA_MigrateSettings returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
      'Action ended 9:14:51: CA_MigrateSettings. Return value 3.',
      'MSI (s) (A4:1C) [09:14:51:410]: Product: Studio 4.12.0 -- Installation failed.',
  ][i - 30])), ('installer/wix/CustomActions.wxs', r'''
<Fragment>
  <Binary Id="StudioCA" SourceFile="$(var.CADir)\StudioCA.dll" />
  <CustomAction Id="CA_MigrateSettings" BinaryKey="StudioCA" DllEntry="MigrateSettings"
                Execute="deferred" Impersonate="no" Return="check" />
  <InstallExecuteSequence>
    <Custom Action="CA_MigrateSettings" After="InstallFiles">WIX_UPGRADE_DETECTED</Custom>
  </InstallExecuteSequence>
</Fragment>
'''), ('installer/ca/migrate_settings.cpp', r'''
UINT __stdcall MigrateSettings(MSIHANDLE h) {
    HKEY key;
    LONG rc = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\StudioCo\\Studio\\4.11", 0, KEY_READ, &key);
    if (rc != ERROR_SUCCESS) log(h, L"RegOpenKeyEx failed %ld (key not found)", rc);
    wchar_t appdata[MAX_PATH];
    SHGetFolderPathW(nullptr, CSIDL_APPDATA, nullptr, 0, appdata);
    std::wstring dir = std::wstring(appdata) + L"\\Studio";
    log(h, L"profile dir resolved to %s", dir.c_str());
    HRESULT hr = copySettings(dir + L"\\4.11\\settings.json", dir + L"\\settings.json");
    if (FAILED(hr)) { log(h, L"copy settings.json failed: 0x%08X", hr); return ERROR_INSTALL_FAILURE; }
    return ERROR_SUCCESS;
}
''')],
  lang=None)

# 26
t('simple', 'performance-testing',
  'Google Benchmark output for the layer compositor vs the baseline from main. Anything more than 10% slower?',
  files=[('bench/compositor_compare.txt', r'''
Benchmark                               Time(main)   Time(branch)   Delta
BM_BlendNormal/256                         41.2 us        42.0 us     +1.9%
BM_BlendNormal/1024                         662 us         671 us     +1.4%
BM_BlendMultiply/256                       48.9 us        57.3 us    +17.2%
BM_BlendMultiply/1024                       781 us         903 us    +15.6%
BM_Composite8Layers/1024                   5.31 ms        5.29 ms     -0.4%
BM_ColorConvert_sRGB_P3/1024               1.12 ms        1.19 ms     +6.2%
BM_Downsample2x/4096                       3.40 ms        3.02 ms    -11.2%
''')],
  fw='google-benchmark', lang=None)

# why: thirty runs by sixty tests is a long table, but the ask is only to tabulate which tests flipped; no diagnosis
# 27
t('simple', 'flaky-test-analysis',
  'Last 30 CI runs on main, per-test results. Which tests flipped between pass and fail with no code change? Just the list with flip counts.',
  files=[('ci/test_history_main.csv', 'test,' + ','.join('run%02d' % r for r in range(1, 31)) + '\n' + lines(60, lambda i: '%s,%s' % (
      'tst_%s::%s' % (['documentsaver', 'undostack', 'layer', 'updater', 'plugins', 'crashreporter'][i % 6], ['basic', 'edge', 'roundtrip', 'large', 'cancel', 'unicode', 'empty', 'merge', 'limits', 'resize'][i // 6]),
      ','.join(('F' if (i in (7, 19, 34, 52) and (r * (i + 3)) % 7 == 0) else 'P') for r in range(30)))))],
  fw='ctest', lang=None)

# 28
t('medium', 'quality-gate',
  'Plugin SDK 3.2 is supposed to be a minor release. Here is the abi-compliance-checker summary and the header diff. Does it meet our SDK compatibility policy?',
  files=[('sdk/COMPAT_POLICY.md', r'''
Minor releases (3.x): no removed or changed exported symbols; no change to the size or layout of any class exposed
in sdk/include; new virtual functions only at the end of classes marked STUDIO_SDK_EXTENSIBLE; enum values may be
added only at the end. Deprecations must keep the old symbol for one major release.
'''), ('reports/abi_3.1_to_3.2.txt', r'''
Binary compatibility: 96.4%
Problems with data types, high severity: 1
  StudioPluginInterface: size of class changed from 16 to 24 bytes
Problems with symbols, medium severity: 1
  PluginContext::documents() const: return type changed from DocumentStore* to DocumentStore const*
Added symbols: 7
Removed symbols: 0
'''), ('reports/sdk_header_diff.patch', r'''
--- a/sdk/include/studio/plugin_interface.h
+++ b/sdk/include/studio/plugin_interface.h
@@ class STUDIO_SDK_EXPORT StudioPluginInterface
 public:
     virtual ~StudioPluginInterface() = default;
     virtual void initialize(PluginContext* ctx) = 0;
+    virtual void prepareShutdown() {}
     virtual void shutdown() = 0;
     virtual QString id() const = 0;
+private:
+    void* d_reserved = nullptr;
 };
--- a/sdk/include/studio/events.h
+++ b/sdk/include/studio/events.h
 enum class EventKind {
     DocumentOpened,
+    DocumentPreSave,
     DocumentSaved,
     DocumentClosed,
 };
''')],
  lang=None)

# why: plain-words symptom, but the cause spans two processes (Qt app and Electron companion) writing one file during update
# 29
t('complex', 'defect-analysis',
  "Some mac users say all their preferences go back to defaults after an auto-update. Not everyone, and never when they update by hand from the website. "
  "It started when the companion app began reading settings too. I've attached the bits that touch the settings file.",
  files=[
    ('src/core/settings_store.cpp', r'''
void SettingsStore::save() {
    QJsonDocument doc(m_values);
    QFile f(m_path);                                 // ~/Library/Application Support/Studio/settings.json
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
    f.write(doc.toJson());
}

void SettingsStore::load() {
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) { m_values = defaults(); return; }
    const auto doc = QJsonDocument::fromJson(f.readAll());
    m_values = doc.isObject() ? doc.object() : defaults();
    if (!doc.isObject()) save();                     // repair corrupt file
}
'''),
    ('src/updater/installer_mac.cpp', r'''
void MacInstaller::applyAndRelaunch(const QString& newBundle) {
    qApp->closeAllWindows();                         // triggers SettingsStore::save() via MainWindow::closeEvent
    QProcess::startDetached("/usr/bin/ditto", {newBundle, installedBundlePath()});
    QProcess::startDetached(installedBundlePath() + "/Contents/MacOS/Studio", {"--after-update"});
    QCoreApplication::quit();
}
'''),
    ('companion/src/main/settingsBridge.ts', r'''
import { readFile, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';

export function startSettingsBridge(path: string, onChange: (s: Record<string, unknown>) => void) {
  let current: Record<string, unknown> = {};
  watch(path, async () => {
    try {
      current = JSON.parse(await readFile(path, 'utf8'));
      onChange(current);
    } catch {
      current = {};
      await writeFile(path, JSON.stringify({ ...current, companionSeen: Date.now() }));
    }
  });
}
'''),
    ('logs/user_report_console.txt', r'''
10:02:11.204 Studio[4411] updater: applying 4.12.1, closing windows
10:02:11.219 Studio[4411] settings: saved 14 keys
10:02:11.220 StudioCompanion[892] settings bridge: change detected
10:02:11.221 StudioCompanion[892] settings bridge: parse failed, rewriting
10:02:13.870 Studio[4502] launched with --after-update
10:02:13.912 Studio[4502] settings: loaded 1 keys
'''),
  ],
  reqs=['explain why manual updates never show it', 'fix has to work for users who have an old companion version installed'],
  lang=None)

# 30
t('simple', 'test-execution',
  'Re-run just TestLayer::mergeDown from tst_layer with -v2 so I can see the full output, on the windows-msvc-debug build.',
  fw='qttest', lang=None)

# 31
t('complex', 'coverage-analysis',
  'Branch coverage says the plugin lifecycle is 81% covered, which sounds fine, but we keep getting field crashes in it. Which state transitions are never exercised by the tests, and which of those can actually happen on a user machine?',
  files=[('src/plugins/plugin_lifecycle.cpp', r'''
enum class PState { Discovered, Loading, Loaded, Initializing, Active, Suspended, ShuttingDown, Unloaded, Failed, Quarantined };

PState PluginLifecycle::on(PEvent ev) {
    switch (m_state) {
    case PState::Discovered:
        if (ev == PEvent::Load) return go(PState::Loading);
        if (ev == PEvent::SignatureInvalid) return go(PState::Quarantined);
        break;
    case PState::Loading:
        if (ev == PEvent::LoadOk) return go(PState::Loaded);
        if (ev == PEvent::LoadFailed) return go(PState::Failed);
        if (ev == PEvent::AppQuit) return go(PState::Unloaded);
        break;
    case PState::Loaded:
        if (ev == PEvent::Init) return go(PState::Initializing);
        if (ev == PEvent::AppQuit) return go(PState::ShuttingDown);
        break;
    case PState::Initializing:
        if (ev == PEvent::InitOk) return go(PState::Active);
        if (ev == PEvent::InitTimeout || ev == PEvent::InitThrew) return go(PState::Failed);
        if (ev == PEvent::AppQuit) return go(PState::ShuttingDown);
        break;
    case PState::Active:
        if (ev == PEvent::SystemSleep) return go(PState::Suspended);
        if (ev == PEvent::UserDisable || ev == PEvent::AppQuit) return go(PState::ShuttingDown);
        if (ev == PEvent::CrashedInCallback) { ++m_crashes; return go(m_crashes >= 3 ? PState::Quarantined : PState::Failed); }
        break;
    case PState::Suspended:
        if (ev == PEvent::SystemWake) return go(PState::Active);
        if (ev == PEvent::AppQuit) return go(PState::ShuttingDown);
        break;
    case PState::ShuttingDown:
        if (ev == PEvent::ShutdownOk) return go(PState::Unloaded);
        if (ev == PEvent::ShutdownTimeout) { forceUnload(); return go(PState::Unloaded); }
        break;
    case PState::Failed:
        if (ev == PEvent::Retry && m_crashes < 3) return go(PState::Loading);
        if (ev == PEvent::AppQuit) return go(PState::Unloaded);
        break;
    case PState::Unloaded:
        if (ev == PEvent::Load) return go(PState::Loading);
        break;
    case PState::Quarantined:
        if (ev == PEvent::UserTrust) { m_crashes = 0; return go(PState::Discovered); }
        break;
    }
    qWarning() << "ignored event" << ev << "in state" << m_state;
    return m_state;
}
'''), ('reports/lifecycle_transitions_hit.txt', r'''
# transition hit counts from tst_pluginlifecycle + tst_pluginhost (instrumented build)
Discovered -> Loading        412
Discovered -> Quarantined      3
Loading -> Loaded            398
Loading -> Failed             14
Loaded -> Initializing       398
Initializing -> Active       390
Initializing -> Failed         8
Active -> ShuttingDown       371
Active -> Failed               6
ShuttingDown -> Unloaded     371
Failed -> Loading              4
Unloaded -> Loading           22
ignored events                 0
'''), ('docs/plugin_threading.md', r'''
Load/Init run on the plugin worker thread. SystemSleep/SystemWake come from the OS power notification on the main thread.
AppQuit is posted from MainWindow::closeEvent. ShutdownTimeout fires from a QTimer on the main thread after 3 s.
CrashedInCallback is raised by the SEH/signal guard around plugin callbacks, on whichever thread the callback ran.
''')],
  reqs=['list the uncovered transitions and the ignored (state, event) pairs that are reachable given the threading notes', 'suggest the three tests worth writing first'],
  fw='qttest', lang=None)

# 32
t('medium', 'flaky-test-analysis',
  'The "opens recent project from jump list" Playwright test for the companion app fails on the Windows runner now and then, about 1 in 6. Trace summary and the test are below.',
  files=[('e2e/recent-projects.spec.ts', r'''
import { test, expect, _electron as electron } from '@playwright/test';

test('opens recent project from jump list', async () => {
  const app = await electron.launch({ args: ['.', '--open-recent=demo'] });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  const title = await win.title();
  expect(title).toContain('demo');
  await expect(win.locator('[data-testid=project-tree] li')).toHaveCount(5);
  await app.close();
});
'''), ('e2e/results/trace_summary_win_run_1207.txt', r'''
[win32] electron.launch 1.8s
[win32] firstWindow -> "Studio Companion - Loading..." (splash)
[win32] waitForLoadState domcontentloaded 0.1s
[win32] title = "Studio Companion - Loading..."
[win32] Error: expect(received).toContain(expected)
         Expected substring: "demo"
         Received string:    "Studio Companion - Loading..."
[win32] passing runs: firstWindow -> "Studio Companion - demo" (splash skipped, cache warm)
'''), ('src/main/index.ts', r'''
app.whenReady().then(async () => {
  const splash = showSplash();
  const main = createMainWindow();
  await main.loadFile('dist/index.html');
  const recent = parseOpenRecentArg(process.argv);
  if (recent) await openRecent(main, recent);
  splash.close();
  main.show();
});
''')],
  fw='playwright')

# 33
t('medium', 'security-scan',
  'Legal wants to know if crash reports can leak user data. Check what the uploader sends and whether the scrubbing is enough. Our users are designers, their file names are often client names.',
  files=[('src/crash/report_builder.cpp', r'''
QHttpMultiPart* ReportBuilder::build(const QString& dumpPath) {
    auto* mp = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    addField(mp, "product", "Studio");
    addField(mp, "version", appVersion());
    addField(mp, "guid", installId());
    addField(mp, "os", QSysInfo::prettyProductName());
    addField(mp, "user", scrub(qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"))));
    addField(mp, "recent_docs", scrub(RecentFiles::instance().paths().join(';')));
    addField(mp, "breadcrumbs", scrub(Breadcrumbs::dump()));
    addField(mp, "log_tail", scrub(Logger::tail(500)));
    addFile(mp, "upload_file_minidump", dumpPath);   // MiniDumpWithIndirectlyReferencedMemory
    return mp;
}

QString ReportBuilder::scrub(QString s) {
    static const QRegularExpression home(R"((C:\\Users\\|/Users/)[^\\/]+)");
    s.replace(home, "\\1<user>");
    static const QRegularExpression email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,})");
    s.replace(email, "<email>");
    return s;
}
'''), ('src/crash/crash_handler_win.cpp', r'''
static bool writeDump(const wchar_t* path, EXCEPTION_POINTERS* ep) {
    MINIDUMP_EXCEPTION_INFORMATION info{GetCurrentThreadId(), ep, FALSE};
    HANDLE f = CreateFileW(path, GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    const auto type = MINIDUMP_TYPE(MiniDumpWithIndirectlyReferencedMemory | MiniDumpWithDataSegs);
    BOOL ok = MiniDumpWriteDump(GetCurrentProcess(), GetCurrentProcessId(), f, type, &info, nullptr, nullptr);
    CloseHandle(f);
    return ok;
}
''')],
  reqs=['list every field that can carry personal data and whether scrub() catches it', 'include what is inside the dump itself'],
  lang=None)

# 34
t('simple', 'test-generation',
  'This jest test for formatBytes only checks that it returns a string. Add the real assertions.',
  files=[('src/renderer/util/formatBytes.ts', r'''
export function formatBytes(n: number, decimals = 1): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(decimals)} ${units[i]}`;
}
'''), ('src/renderer/util/formatBytes.test.ts', r'''
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it.each([0, 1023, 1024, 1536, 1048576, 5e9, 3e13, -1, NaN])('formats %p', (n) => {
    expect(typeof formatBytes(n)).toBe('string');
  });
});
''')],
  fw='jest')

# 35
t('complex', 'performance-testing',
  "Users who leave Studio and the companion open over the weekend say everything is sluggish on Monday. Plan a soak test that reproduces a long session across both apps: "
  "the Qt app, the companion, the local WebSocket bridge between them, autosave, plugin background work and the 4-hourly update check.",
  files=[('docs/architecture_overview.md', r'''
Studio (Qt, C++) <-> companion (Electron) over ws://127.0.0.1:<random port> with a token in a lockfile.
Studio pushes document change events (~5/s while editing, bursts of 200 on paste). Companion renders previews.
Autosave every 60 s to QSaveFile. Plugins may run QThreadPool jobs. Update check every 4 h (HTTP, see updater).
Crash reporter keeps breadcrumbs in a ring of 256. Logs roll at 10 MB, max 5 files.
''')],
  reqs=['say which metrics to sample in each process and how often (handles, GDI/USER objects, RSS, V8 heap, event loop lag)',
        'must run unattended for 72 h on one Windows and one mac box', 'define what counts as a leak vs warm-up growth'],
  lang=None)

# why: a 160-line MSVC log, but finding the single error line and the missing include is mechanical
# 36
t('simple', 'defect-analysis',
  'Windows CI build broke after merging the SDK header changes. Full build log below, mac is fine. What broke?',
  files=[('ci/logs/windows_msvc_build.log', lines(160, lambda i:
      '  %s.cpp' % ['document', 'layer', 'undo_stack', 'color', 'units', 'plugin_host', 'plugin_lifecycle', 'settings_store'][i % 8] if i % 4 == 0 else
      '  Building Custom Rule C:/a/studio/studio/src/%s/CMakeLists.txt' % ['core', 'plugins', 'crash', 'updater'][i % 4] if i % 4 == 1 else
      ("C:\\a\\studio\\studio\\sdk\\include\\studio\\events.h(14,5): error C2065: 'QString': undeclared identifier [C:\\a\\studio\\studio\\build\\sdk\\studio_sdk.vcxproj]" if i == 130 else
       "  studio_%s.vcxproj -> C:\\a\\studio\\studio\\build\\%s\\Release\\studio_%s.lib" % (['core', 'plugins', 'crash', 'updater'][i % 4], ['core', 'plugins', 'crash', 'updater'][i % 4], ['core', 'plugins', 'crash', 'updater'][i % 4])) if i % 4 == 2 else
      "C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise\\VC\\Tools\\MSVC\\14.39.33519\\include\\xmemory(%d): warning C4996: deprecated [C:\\a\\studio\\studio\\build\\src\\core\\studio_core.vcxproj]" % (100 + i))),
    ('sdk/include/studio/events.h', r'''
#pragma once
#include "studio/export.h"

namespace studio {
enum class EventKind { DocumentOpened, DocumentPreSave, DocumentSaved, DocumentClosed };

struct STUDIO_SDK_EXPORT Event {
    EventKind kind;
    quint64 documentId;
    QString documentPath;
};
}
''')],
  lang=None)

# 37
t('simple', 'quality-gate',
  'CI matrix for PR #2291. Any red cell blocks merge. Is it mergeable, and if not which cells?',
  files=[('ci/pr2291_matrix.txt', r'''
                   unit    integration  e2e     package
windows-x64        pass    pass         pass    pass
windows-arm64      pass    pass         n/a     pass
macos-14-arm64     pass    fail         pass    pass
macos-13-x64       pass    pass         pass    pass
ubuntu-22.04 (sdk) pass    pass         n/a     n/a
electron-win       pass    n/a          fail    pass
electron-mac       pass    n/a          pass    pass
''')],
  lang=None)

# 38
t('complex', 'test-execution',
  "Run the IPC bridge stress harness (tests/stress/bridge_stress, 500 iterations) under TSan on the Linux leg and sort the reports: which are real races in our code and which are noise from Qt internals or the QThreadPool suppressions we never wrote.",
  files=[('tests/stress/CMakeLists.txt', r'''
add_executable(bridge_stress bridge_stress.cpp)
target_link_libraries(bridge_stress PRIVATE studio_bridge Qt6::Core Qt6::WebSockets)
target_compile_options(bridge_stress PRIVATE -fsanitize=thread -g -O1)
target_link_options(bridge_stress PRIVATE -fsanitize=thread)
add_test(NAME bridge_stress COMMAND bridge_stress --iterations 500 --clients 8)
'''), ('src/bridge/bridge_server.cpp', r'''
void BridgeServer::onNewConnection() {
    auto* sock = m_server.nextPendingConnection();
    m_clients.insert(sock);
    connect(sock, &QWebSocket::textMessageReceived, this, &BridgeServer::onMessage);
    connect(sock, &QWebSocket::disconnected, this, [this, sock] { m_clients.remove(sock); sock->deleteLater(); });
}

void BridgeServer::broadcastFromWorker(const QByteArray& payload) {   // called from QThreadPool jobs
    for (auto* c : std::as_const(m_clients))
        QMetaObject::invokeMethod(c, [c, payload] { c->sendBinaryMessage(payload); });
}
''')],
  reqs=['write a suppressions file only for the reports you can justify as benign', 'for each real race give the two stack tops and the shared variable'],
  fw='ctest', lang=None)

# 39
t('complex', 'test-generation',
  'Property-based tests for our delta patch applier. Updates are shipped as deltas against the installed version; if apply is wrong users get a broken install.',
  files=[('src/updater/delta.cpp', r'''
// Patch format: sequence of ops. COPY(off,len) copies from old file, ADD(len,bytes) inserts new bytes,
// and a trailing SHA-256 of the expected output.
std::optional<QByteArray> applyDelta(const QByteArray& oldData, const QByteArray& patch) {
    QDataStream in(patch);
    in.setByteOrder(QDataStream::LittleEndian);
    QByteArray out;
    while (in.device()->bytesAvailable() > 32) {
        quint8 op; in >> op;
        if (op == 0x01) {
            quint64 off, len; in >> off >> len;
            if (off + len > quint64(oldData.size())) return std::nullopt;
            out.append(oldData.constData() + off, qsizetype(len));
        } else if (op == 0x02) {
            quint32 len; in >> len;
            QByteArray bytes(len, Qt::Uninitialized);
            if (in.readRawData(bytes.data(), len) != int(len)) return std::nullopt;
            out.append(bytes);
        } else {
            return std::nullopt;
        }
    }
    QByteArray expected(32, Qt::Uninitialized);
    in.readRawData(expected.data(), 32);
    if (QCryptographicHash::hash(out, QCryptographicHash::Sha256) != expected) return std::nullopt;
    return out;
}

QByteArray makeDelta(const QByteArray& oldData, const QByteArray& newData);   // in delta_build.cpp
''')],
  reqs=['use rapidcheck', 'round-trip property with makeDelta, plus properties for truncated, reordered and overflowing patches',
        'generators should produce realistic binaries (mostly-shared with small edits), not only random bytes'],
  fw='gtest', lang=None)

# 40
t('medium', 'flaky-test-analysis',
  'tst_recentfiles::updatesWhenFileRenamed times out on the Windows runner maybe 1 in 10. Passes on mac every time.',
  files=[('tests/core/tst_recentfiles.cpp', r'''
void TestRecentFiles::updatesWhenFileRenamed()
{
    QTemporaryDir dir;
    const QString a = dir.filePath("a.studio"), b = dir.filePath("b.studio");
    QFile(a).open(QIODevice::WriteOnly);
    RecentFiles rf;
    rf.add(a);
    QVERIFY(QFile::rename(a, b));
    QTRY_COMPARE_WITH_TIMEOUT(rf.paths().value(0), b, 1000);
}
'''), ('src/core/recent_files.cpp', r'''
void RecentFiles::add(const QString& path) {
    m_paths.prepend(path);
    m_watcher.addPath(QFileInfo(path).absolutePath());
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RecentFiles::rescan, Qt::UniqueConnection);
}

void RecentFiles::rescan(const QString& dir) {
    QDir d(dir);
    for (QString& p : m_paths) {
        if (QFileInfo(p).absolutePath() != dir || QFileInfo::exists(p)) continue;
        const auto candidates = d.entryList({"*.studio"}, QDir::Files, QDir::Time);
        if (!candidates.isEmpty()) p = d.filePath(candidates.first());
    }
}
'''), ('ci/logs/win_tst_recentfiles.txt', r'''
FAIL!  : TestRecentFiles::updatesWhenFileRenamed() The computed value is expected to be different from the baseline
   Actual   (rf.paths().value(0)): "C:/Users/RUNNER~1/AppData/Local/Temp/tst_recentfiles-xYzAbC/a.studio"
   Expected (b)                  : "C:/Users/runneradmin/AppData/Local/Temp/tst_recentfiles-xYzAbC/b.studio"
   Loc: [tests/core/tst_recentfiles.cpp(31)]
''')],
  fw='qttest', lang=None)

# 41
t('medium', 'defect-analysis',
  'Companion app on mac: "Restart to update" button does nothing for some users. The update downloads fine (they see the button). Logs and updater code below.',
  files=[('companion/src/main/updater.ts', r'''
import { autoUpdater } from 'electron-updater';
import { app, ipcMain, BrowserWindow } from 'electron';
import log from 'electron-log';

autoUpdater.logger = log;
autoUpdater.autoDownload = true;
autoUpdater.autoInstallOnAppQuit = false;

export function initUpdater(win: BrowserWindow) {
  autoUpdater.on('update-downloaded', (info) => win.webContents.send('update:ready', info.version));
  ipcMain.on('update:restart', () => {
    app.removeAllListeners('window-all-closed');
    for (const w of BrowserWindow.getAllWindows()) w.close();
    autoUpdater.quitAndInstall(false, true);
  });
  autoUpdater.checkForUpdatesAndNotify();
}

app.on('before-quit', (e) => {
  if (bridgeHasUnsentEvents()) { e.preventDefault(); flushBridge().then(() => app.quit()); }
});
'''), ('logs/companion_main_user.log', r'''
[2024-05-12 09:12:03.118] [info]  Update for version 2.4.1 is available
[2024-05-12 09:12:31.902] [info]  Update has been downloaded to /Users/xxx/Library/Caches/studio-companion-updater/pending/StudioCompanion-2.4.1-mac.zip
[2024-05-12 09:40:17.004] [info]  update:restart received
[2024-05-12 09:40:17.009] [info]  bridge: 3 unsent events, flushing before quit
[2024-05-12 09:40:17.051] [info]  bridge: flushed
[2024-05-12 09:40:17.052] [info]  App quitting (normal)
[2024-05-12 09:40:18.330] [info]  Companion started 2.4.0
''')],
  reqs=['explain why it only affects some users', 'fix must not drop the unsent bridge events'],
  fw='electron')

# why: a long inventory, but the job is comparing version strings against one threshold per library
# 42
t('simple', 'security-scan',
  'Third-party inventory from all our shipped binaries. Security asked which products still ship OpenSSL older than 3.0.13 or libcurl older than 8.6.0. Just the list please.',
  files=[('reports/third_party_inventory.csv', 'product,platform,component,version,path\n' + lines(72, lambda i: '%s,%s,%s,%s,%s' % (
      ['Studio', 'StudioCompanion', 'StudioCrashUploader', 'StudioUpdateHelper'][i % 4],
      ['win-x64', 'win-arm64', 'mac-universal'][(i // 4) % 3],
      ['openssl', 'libcurl', 'zlib', 'libpng', 'sqlite', 'qt'][(i // 12) % 6],
      [['3.0.13', '3.0.11', '3.1.5', '1.1.1w'], ['8.6.0', '8.4.0', '8.7.1', '7.88.1'], ['1.3.1', '1.3', '1.2.13', '1.3.1'],
       ['1.6.43', '1.6.40', '1.6.43', '1.6.39'], ['3.45.1', '3.44.0', '3.45.1', '3.42.0'], ['6.6.2', '6.6.2', '6.5.3', '6.6.2']][(i // 12) % 6][(i * 5 + i // 4) % 4],
      'bin/%s' % ['libcrypto-3-x64.dll', 'libcurl.dll', 'zlib1.dll', 'libpng16.dll', 'sqlite3.dll', 'Qt6Core.dll'][(i // 12) % 6])))],
  lang=None)

# 43
t('medium', 'test-execution',
  "Run the smoke e2e against the packaged companion app, not the dev build: it has to be built with npm run dist first and Playwright pointed at the unpacked exe / .app. "
  "Last time someone ran it against dev and missed that asar packaging broke the preview worker path.",
  files=[('e2e/playwright.config.ts', r'''
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  projects: [
    { name: 'dev', use: { launchOptions: { args: ['.'] } } },
    { name: 'packaged', grep: /@smoke/, use: { launchOptions: { executablePath: process.env.STUDIO_COMPANION_EXE } } },
  ],
});
'''), ('package.json', r'''
{
  "name": "studio-companion",
  "version": "2.4.1",
  "main": "dist/main/index.js",
  "scripts": {
    "build": "tsc -p tsconfig.main.json && vite build",
    "dist": "npm run build && electron-builder --dir",
    "test:e2e": "playwright test"
  },
  "build": {
    "appId": "com.studioco.companion",
    "asar": true,
    "asarUnpack": ["dist/workers/**"],
    "directories": { "output": "release" }
  }
}
''')],
  reqs=['report per test, and say if any failure only happens in the packaged project'],
  fw='playwright')

# 44
t('complex', 'coverage-analysis',
  "We're about to refactor the whole crash pipeline (handler, breadcrumbs, report builder, uploader, symbol lookup, the companion's crash view). "
  "Before we touch it, tell me where the tests are too thin to catch a regression, across all of it.",
  files=[
    ('reports/crash_gcovr_summary.txt', r'''
File                                Lines  Exec  Cover  Branches  Taken
src/crash/crash_handler_win.cpp       212    64    30%        88     19
src/crash/crash_handler_mac.cpp       187    51    27%        70     14
src/crash/breadcrumbs.cpp              48    46    95%        10     10
src/crash/heartbeat.cpp                41    33    80%         8      6
src/crash/report_builder.cpp          133   120    90%        36     30
src/crash/uploader.cpp                176   102    57%        64     29
src/crash/pending_queue.cpp           119    41    34%        46     11
'''),
    ('reports/crash_uncovered.txt', r'''
crash_handler_win.cpp: 30-88 (vectored handler + stack overflow guard thread), 120-170 (out-of-process dump via helper), 190-212 (re-entrancy)
crash_handler_mac.cpp: 22-90 (mach exception port), 140-187 (signal fallback)
uploader.cpp: 70-96 (429 backoff), 110-140 (resume after app restart), 150-176 (offline queue flush)
pending_queue.cpp: 20-119 except 1-19 (disk queue: dedupe, max 10 dumps, delete after 30 days)
'''),
    ('companion/coverage/coverage-summary.json', r'''
{"src/main/crashView.ts": {"lines": {"total": 88, "covered": 30, "pct": 34.09}, "branches": {"total": 26, "covered": 5, "pct": 19.23}},
 "src/renderer/crash/CrashList.tsx": {"lines": {"total": 120, "covered": 97, "pct": 80.83}}}
'''),
    ('tests/crash/tst_uploader.cpp', r'''
void TestUploader::uploadsOnce() {
    FakeIngest ingest; Uploader up(ingest.url());
    QSignalSpy done(&up, &Uploader::finished);
    up.enqueue(testDump());
    QVERIFY(done.wait());
    QCOMPARE(ingest.received().size(), 1);
}
void TestUploader::rejectsTooLarge() {
    FakeIngest ingest; ingest.setMaxBytes(10); Uploader up(ingest.url());
    QSignalSpy failed(&up, &Uploader::failed);
    up.enqueue(testDump());
    QVERIFY(failed.wait());
}
'''),
    ('tests/crash/tst_crashhandler_win.cpp', r'''
// Only tests that the handler installs and that a dump file is created for a null deref in a child process.
void TestCrashHandlerWin::writesDumpForChildCrash() {
    QProcess p; p.start(helperPath(), {"--crash=nullderef"}); p.waitForFinished();
    QVERIFY(QDir(dumpDir()).entryList({"*.dmp"}).size() == 1);
}
'''),
    ('docs/crash_pipeline.md', r'''
1. In-process handler catches the exception, signals the out-of-process helper (StudioCrashUploader.exe / .app) over a pipe.
2. Helper writes the minidump of the parent, adds breadcrumbs + report fields, stores in pending queue on disk.
3. On next launch (or immediately if helper is still alive) uploader drains the queue with backoff; the companion shows the list.
4. Symbol lookup happens server side; client only sends module list + build IDs.
'''),
  ],
  reqs=['focus on paths a refactor is likely to break silently', 'say which gaps need an out-of-process test harness rather than unit tests'],
  lang=None)

# 45
t('simple', 'quality-gate',
  'Rule: installer size may not grow more than 2% vs the previous release. Here are the sizes. Pass or fail per platform?',
  files=[('release/installer_sizes.txt', r'''
platform         4.12.1 (bytes)   4.13.0-rc2 (bytes)
win-x64 msi         155401216          158334976
win-arm64 msi       149946368          151519232
mac universal pkg   211288064          229638144
''')],
  lang=None)

# 46
t('complex', 'defect-analysis',
  'Random crashes in different places since 4.12, all on Windows. Different stacks each time so nobody has grouped them. Here are six dumps plus the allocator changes we shipped in 4.12. Is this one bug?',
  files=[
    ('crash/dump_a.txt', r'''
EXCEPTION_ACCESS_VIOLATION_WRITE  Thread 0
 0 ntdll.dll!RtlpFreeHeapInternal
 1 ntdll.dll!RtlFreeHeap
 2 Studio.exe!TileCache::evict(unsigned __int64)  tile_cache.cpp:97
 3 Studio.exe!TileCache::insert  tile_cache.cpp:61
Loaded plugins: livesync 2.3.1, colorpro 1.9.0
'''),
    ('crash/dump_b.txt', r'''
STATUS_HEAP_CORRUPTION (0xc0000374)  Thread 7 (QThreadPool)
 0 ntdll.dll!RtlReportFatalFailure
 1 ntdll.dll!RtlpHeapHandleError
 2 ucrtbase.dll!_free_base
 3 Studio.exe!ThumbnailJob::run()  thumbnail_job.cpp:44
Loaded plugins: colorpro 1.9.0
'''),
    ('crash/dump_c.txt', r'''
EXCEPTION_ACCESS_VIOLATION_READ  Thread 0
 0 Qt6Gui.dll!QImage::~QImage()
 1 Studio.exe!TileCache::evict(unsigned __int64)  tile_cache.cpp:97
Loaded plugins: colorpro 1.9.0, exportkit 3.0.2
'''),
    ('crash/dump_d.txt', r'''
EXCEPTION_ACCESS_VIOLATION_READ  Thread 3 (QThreadPool)
 0 colorpro.dll!ColorProFilter::apply(QImage&)
 1 Studio.exe!PluginFilterBridge::run(QImage&)  plugin_filter_bridge.cpp:33
 2 Studio.exe!ThumbnailJob::run()  thumbnail_job.cpp:39
'''),
    ('crash/dump_e.txt', r'''
STATUS_HEAP_CORRUPTION (0xc0000374)  Thread 0
 0 ntdll.dll!RtlReportFatalFailure
 1 Studio.exe!UndoStack::push(UndoCommand*)  undo_stack.cpp:52
Loaded plugins: colorpro 1.9.0
'''),
    ('crash/dump_f.txt', r'''
EXCEPTION_ACCESS_VIOLATION_WRITE  Thread 0
 0 Studio.exe!TileCache::insert  tile_cache.cpp:58
Loaded plugins: none (safe mode)
'''),
    ('src/render/tile_cache.cpp', r'''
// 4.12: switched from per-tile QImage to a pooled buffer to cut allocations
QImage TileCache::tileImage(quint64 key) {
    auto it = m_tiles.find(key);
    if (it == m_tiles.end()) return {};
    return QImage(it->pool->data(it->slot), kTile, kTile, QImage::Format_RGBA8888_Premultiplied);   // no copy
}

void TileCache::evict(quint64 bytesNeeded) {
    while (m_bytes + bytesNeeded > m_budget && !m_lru.empty()) {
        auto key = m_lru.back(); m_lru.pop_back();
        auto it = m_tiles.find(key);
        it->pool->release(it->slot);
        m_bytes -= kTileBytes;
        m_tiles.erase(it);
    }
}
'''),
    ('src/render/thumbnail_job.cpp', r'''
void ThumbnailJob::run() {
    QImage src = m_cache->tileImage(m_key);          // runs on QThreadPool
    if (src.isNull()) return;
    PluginFilterBridge::instance().run(src);         // plugins may modify in place
    QImage scaled = src.scaled(128, 128, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    emit ready(m_key, scaled);
}
'''),
  ],
  reqs=['group the dumps by likely cause and say which ones do not fit', 'explain dump_f, which happened with no plugins loaded'],
  lang=None)

# 47
t('complex', 'test-generation',
  'Tests for the updater state machine in the companion app. Most of our update bugs have been "it got stuck in a state", so I want every transition and the weird orderings covered.',
  files=[('companion/src/main/updateMachine.ts', r'''
export type UState =
  | 'idle' | 'checking' | 'available' | 'downloading' | 'paused' | 'verifying'
  | 'ready' | 'installing' | 'failed' | 'rolledBack';

export type UEvent =
  | { type: 'CHECK' } | { type: 'NO_UPDATE' } | { type: 'FOUND'; version: string }
  | { type: 'DOWNLOAD' } | { type: 'PROGRESS'; pct: number } | { type: 'OFFLINE' } | { type: 'ONLINE' }
  | { type: 'DOWNLOADED' } | { type: 'VERIFY_OK' } | { type: 'VERIFY_FAIL' }
  | { type: 'INSTALL' } | { type: 'INSTALL_FAIL'; code: number } | { type: 'RELAUNCHED_OK' } | { type: 'CANCEL' };

export interface Ctx { state: UState; version?: string; pct: number; attempts: number; lastError?: string }

export function next(ctx: Ctx, ev: UEvent): Ctx {
  const s = ctx.state;
  switch (ev.type) {
    case 'CHECK':
      return s === 'idle' || s === 'failed' || s === 'rolledBack' ? { ...ctx, state: 'checking' } : ctx;
    case 'NO_UPDATE':
      return s === 'checking' ? { ...ctx, state: 'idle' } : ctx;
    case 'FOUND':
      return s === 'checking' ? { ...ctx, state: 'available', version: ev.version, pct: 0 } : ctx;
    case 'DOWNLOAD':
      return s === 'available' || s === 'paused' ? { ...ctx, state: 'downloading' } : ctx;
    case 'PROGRESS':
      return s === 'downloading' ? { ...ctx, pct: Math.max(ctx.pct, ev.pct) } : ctx;
    case 'OFFLINE':
      return s === 'downloading' ? { ...ctx, state: 'paused' } : ctx;
    case 'ONLINE':
      return s === 'paused' ? { ...ctx, state: 'downloading' } : ctx;
    case 'DOWNLOADED':
      return s === 'downloading' ? { ...ctx, state: 'verifying', pct: 100 } : ctx;
    case 'VERIFY_OK':
      return s === 'verifying' ? { ...ctx, state: 'ready' } : ctx;
    case 'VERIFY_FAIL': {
      const attempts = ctx.attempts + 1;
      return s === 'verifying'
        ? { ...ctx, attempts, pct: 0, state: attempts >= 3 ? 'failed' : 'available', lastError: 'signature' }
        : ctx;
    }
    case 'INSTALL':
      return s === 'ready' ? { ...ctx, state: 'installing' } : ctx;
    case 'INSTALL_FAIL':
      return s === 'installing'
        ? { ...ctx, state: ev.code === 1618 ? 'ready' : 'rolledBack', lastError: `install ${ev.code}` }
        : ctx;
    case 'RELAUNCHED_OK':
      return s === 'installing' ? { ...ctx, state: 'idle', version: undefined, attempts: 0, pct: 0 } : ctx;
    case 'CANCEL':
      return s === 'downloading' || s === 'paused' || s === 'verifying' || s === 'available'
        ? { ...ctx, state: 'idle', pct: 0 }
        : ctx;
  }
}
''')],
  reqs=['table-driven test of every (state, event) pair, including the ones that must be ignored',
        'a model-based or fast-check sequence test with invariants (pct never decreases within one download, installing is only reachable through verifying, attempts reset only on success)'],
  fw='vitest')

# why: benchmark design for one class with a realistic working set; no concurrency in what is measured
# 48
t('medium', 'performance-testing',
  'Write QBENCHMARK tests for the thumbnail LRU cache. I want to know hit/miss cost and what happens when a user scrolls a folder with 5000 images back and forth.',
  files=[('src/browser/thumb_lru.h', r'''
#pragma once
#include <QHash>
#include <QImage>
#include <list>

class ThumbLru {
public:
    explicit ThumbLru(qsizetype budgetBytes) : m_budget(budgetBytes) {}

    const QImage* get(const QString& key) {
        auto it = m_index.find(key);
        if (it == m_index.end()) return nullptr;
        m_order.splice(m_order.begin(), m_order, it.value());
        return &it.value()->second;
    }

    void put(const QString& key, QImage img) {
        if (auto it = m_index.find(key); it != m_index.end()) {
            m_bytes -= it.value()->second.sizeInBytes();
            m_order.erase(it.value());
            m_index.erase(it);
        }
        m_bytes += img.sizeInBytes();
        m_order.emplace_front(key, std::move(img));
        m_index.insert(key, m_order.begin());
        while (m_bytes > m_budget && !m_order.empty()) {
            auto& last = m_order.back();
            m_bytes -= last.second.sizeInBytes();
            m_index.remove(last.first);
            m_order.pop_back();
        }
    }

    qsizetype bytes() const { return m_bytes; }

private:
    using Entry = std::pair<QString, QImage>;
    std::list<Entry> m_order;
    QHash<QString, std::list<Entry>::iterator> m_index;
    qsizetype m_budget;
    qsizetype m_bytes = 0;
};
''')],
  reqs=['separate setup from the measured part', 'include a scroll pattern with a budget smaller than one screen-full of thumbnails'],
  fw='qttest', lang=None)

# 49
t('complex', 'quality-gate',
  "4.13.0 is at the 10% rollout stage. Decide whether we go to 50%, hold, or roll back. The numbers don't all point the same way, that's why I'm asking.",
  files=[
    ('release/rollout_criteria.md', r'''
Advance to next stage if ALL hold over the stage window:
- crash-free sessions >= 99.3% on each platform (min 5000 sessions per platform)
- no crash signature new in this version with rate > 0.05% of sessions
- update success rate (downloaded -> relaunched on new version) >= 98%
- support tickets tagged 4.13 <= 1.5x the baseline of the previous rollout
Roll back if crash-free < 98.5% on any platform or a data-loss bug is confirmed.
'''),
    ('release/stage10_crash_free.csv', r'''
platform,sessions,crash_free
win-x64,184220,0.9941
win-arm64,3120,0.9811
mac-arm64,96410,0.9952
mac-x64,20877,0.9934
'''),
    ('release/stage10_new_signatures.csv', r'''
signature,platform,sessions_affected,rate
PluginHost::unloadAll,win-x64,212,0.00115
TileCache::evict,win-x64,71,0.00039
QRhiD3D11::endFrame,win-arm64,38,0.01218
'''),
    ('release/stage10_update_funnel.csv', r'''
platform,offered,downloaded,relaunched_new
win-x64,201330,198100,195877
win-arm64,3480,3410,3388
mac-arm64,104900,103800,100031
mac-x64,22900,22610,22397
'''),
    ('release/support_tickets.txt', r'''
4.12 rollout baseline (same stage, same days): 41 tickets
4.13 stage 10: 58 tickets
  22 "settings reset after update" (mac)       <- see DEF-4471, under investigation, not yet confirmed as data loss
  9 "plugin crash on quit"
  27 other
'''),
    ('release/notes_from_qa.md', r'''
- win-arm64 is still flagged experimental in the store listing; crash is in the D3D11 backend on Snapdragon with old drivers
- PluginHost::unloadAll is mostly LiveSync 2.3.1 users; LiveSync 2.3.2 with a fix is in review
- mac-arm64 relaunch shortfall looks concentrated in users running from a translocated path
'''),
  ],
  reqs=['apply each criterion explicitly and show the arithmetic', 'say what extra data would change the decision'],
  lang=None)

# 50
t('complex', 'security-scan',
  'Review how we find and load third-party plugin DLLs on Windows. Plugins are supposed to be signed by us after marketplace review. The app runs as a normal user but the updater helper runs elevated and also loads plugins to migrate their settings.',
  files=[('src/plugins/plugin_loader_win.cpp', r'''
static QStringList pluginSearchDirs() {
    return {
        QCoreApplication::applicationDirPath() + "/plugins",
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/plugins",
        qEnvironmentVariable("STUDIO_PLUGIN_PATH"),
    };
}

bool WinPluginLoader::loadSigned(const QString& dllPath) {
    if (!verifyAuthenticode(dllPath, kStudioPublisherThumbprint)) {
        qWarning() << "unsigned plugin skipped" << dllPath;
        return false;
    }
    SetDllDirectoryW(reinterpret_cast<LPCWSTR>(QFileInfo(dllPath).absolutePath().utf16()));
    HMODULE h = LoadLibraryW(reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(dllPath).utf16()));
    if (!h) return false;
    auto entry = reinterpret_cast<StudioPluginEntry>(GetProcAddress(h, "studio_plugin_entry"));
    return entry && registerPlugin(entry());
}

void WinPluginLoader::scan() {
    for (const QString& dir : pluginSearchDirs()) {
        for (const QFileInfo& fi : QDir(dir).entryInfoList({"*.dll"}, QDir::Files))
            loadSigned(fi.absoluteFilePath());
    }
}
'''), ('src/updater/helper_main.cpp', r'''
int wmain(int argc, wchar_t** argv) {
    // runs elevated via UAC manifest requireAdministrator
    QCoreApplication app(argc, nullptr);
    if (hasArg(argv, argc, L"--migrate-plugins")) {
        WinPluginLoader loader;
        loader.scan();                        // same search dirs as the app
        migrateAllPluginSettings();
    }
    return runInstaller(argv, argc);
}
''')],
  reqs=['consider what a non-admin local user or malware running as the user can place on disk', 'include DLL search order and the gap between signature check and load'],
  lang=None)

# 51
t('medium', 'coverage-analysis',
  'Coverage for the companion main-process IPC handlers. Where are the gaps in error handling? We have had users hit unhandled promise rejections in the main process.',
  files=[('companion/coverage/ipc-coverage.txt', r'''
File                       | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
---------------------------|---------|----------|---------|---------|-------------------
 src/main/ipc              |   71.4  |   48.9   |   80.0  |   72.0  |
  exportProject.ts         |   88.2  |   70.0   |  100.0  |   88.2  | 34-36
  links.ts                 |   45.4  |   25.0   |  100.0  |   45.4  | 6-9
  plugins.ts               |   60.0  |   33.3   |   50.0  |   60.0  | 9-11
  projects.ts              |   79.1  |   52.1   |   85.7  |   80.3  | 41-48,77,92-101
  settings.ts              |   66.6  |   41.6   |   66.6  |   68.0  | 22-30,55-61
  bridge.ts                |   70.5  |   50.0   |   75.0  |   70.5  | 63-80,112-118
'''), ('companion/src/main/ipc/projects.ts', r'''
ipcMain.handle('project:list', async () => {
  const dir = projectsDir();
  const names = await readdir(dir);
  return Promise.all(names.filter((n) => n.endsWith('.studio')).map(async (n) => {
    const s = await stat(path.join(dir, n));
    return { name: n, modified: s.mtimeMs };
  }));
});

ipcMain.handle('project:rename', async (_e, from: string, to: string) => {
  if (!to.trim()) throw new Error('empty name');                               // 41
  const src = path.join(projectsDir(), from), dst = path.join(projectsDir(), to);
  if (existsSync(dst)) throw new Error('exists');
  await rename(src, dst);
  bridge.notify('project:renamed', { from, to });                             // 48
});

ipcMain.handle('project:thumbnail', async (_e, name: string) => {
  const cached = thumbCache.get(name);
  if (cached) return cached;                                                   // 77
  const buf = await generateThumbnail(path.join(projectsDir(), name));        // 92-101: retry once on EBUSY
  thumbCache.set(name, buf);
  return buf;
});
''')],
  reqs=['tie each gap to a user-visible failure', 'suggest concrete test cases, not just "add tests"'],
  fw='jest')

# 52
t('simple', 'performance-testing',
  'hyperfine numbers for companion cold start on my Mac, before and after lazy-loading the markdown renderer. Did it help, and are we under the 1.5 s budget now?',
  files=[('bench/hyperfine_companion.txt', r'''
Benchmark 1: before (2.4.1)
  Time (mean ± σ):      1.712 s ±  0.041 s    [User: 1.102 s, System: 0.388 s]
  Range (min … max):    1.655 s …  1.790 s    10 runs

Benchmark 2: after (lazy-marked)
  Time (mean ± σ):      1.436 s ±  0.038 s    [User: 0.911 s, System: 0.372 s]
  Range (min … max):    1.381 s …  1.509 s    10 runs

Summary
  after (lazy-marked) ran 1.19 ± 0.04 times faster than before (2.4.1)
''')],
  lang=None)

# why: executing it is an interrupted, resumed, cross-platform update with rollback; correctness hinges on idempotent resume and partial-state recovery
# 53
t('complex', 'test-execution',
  "Run the end-to-end update scenario on the Windows and mac VMs: install 4.12.1, serve 4.13.0 as a delta from the local update server, kill the app at 30%, 70% and during the file swap, relaunch each time, "
  "and check it either finishes the update or rolls back to a working 4.12.1. Tell me for each kill point what state the user ends up in.",
  files=[('e2e/update/scenario.yaml', r'''
vms: [win11-x64-clean, macos14-arm64-clean]
baseline_installer:
  win: artifacts/Studio-4.12.1-x64.msi
  mac: artifacts/Studio-4.12.1.pkg
update_server: tools/local-update-server (serves manifests signed with the test key, STUDIO_UPDATE_PUBKEY=test)
kill_points:
  - { at: download, pct: 30 }
  - { at: download, pct: 70 }
  - { at: swap, step: after_backup_before_copy }
  - { at: swap, step: mid_copy }
checks:
  - app launches and reports version
  - settings.json preserved (compare hash)
  - plugins dir intact
  - no leftover *.partial or Studio.old in install dir after second launch
''')],
  reqs=['collect the updater log and install dir listing from each VM after every kill point'],
  fw='playwright', lang=None)

# 54
t('medium', 'performance-testing',
  'Chrome trace summary from the companion app startup (main + renderer). Where should we cut first to get time-to-interactive down?',
  files=[('bench/companion_startup_trace_summary.txt', r'''
process   phase                                   start_ms  dur_ms
main      app ready                                     0     212
main      require('./ipc/*') (11 modules)             212     184
main      settingsBridge.start (sync fs.readFileSync) 396      46
main      createMainWindow                            442      38
main      autoUpdater.checkForUpdatesAndNotify        480      12   (network continues async)
renderer  navigation start                            520       0
renderer  parse/compile main.js (2.9 MB)              520     341
renderer  React root render                           861     118
renderer  marked + highlight.js import                861     204   (inside root render, blocking)
renderer  MarketPage prefetch (3 fetches)             979     410   (awaited before first paint)
renderer  first contentful paint                     1389       0
renderer  bridge WebSocket connect + handshake        1389     160
renderer  interactive                                1549       0
''')],
  reqs=['estimate the saving for each change you propose', 'say which need a re-measure on Windows because of disk/AV effects'],
  fw='electron')
