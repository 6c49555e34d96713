from lib import t, lines

# Fresh evaluation batch h, written to the rubric in docs/tasks.md (tier = the cheapest model tier that
# reliably does the task well). Persona: systems / game / embedded developer (C, C++, Rust, Zig, Lua, C# for
# Unity, Python tooling, a little TypeScript). 18 simple, 18 medium, 18 complex over all 8 task types.

# =============================================================================================================
# SIMPLE
# =============================================================================================================

t('simple', 'test-generation', "Need unit tests for wrap_index, plain #[test] fns in the same file. Cover 0, len-1, len, negatives, and a big negative like -3*len.", [('src/util/wrap.rs', '''
/// Wraps a signed index into 0..len. Panics if len == 0.
pub fn wrap_index(i: i64, len: usize) -> usize {
    assert!(len > 0, "len must be non-zero");
    let n = len as i64;
    (((i % n) + n) % n) as usize
}''')], lang=None)

t('simple', 'test-generation', "We're dropping Catch2 from the engine repo. Port this file to GoogleTest, one TEST per SECTION, same values, same epsilon. Don't add cases.", [('tests/math/vec3_tests.cpp', '''
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include "math/vec3.h"

using Catch::Matchers::WithinAbs;

TEST_CASE("vec3 basics", "[math]") {
    SECTION("dot") {
        REQUIRE_THAT(dot(Vec3{1, 2, 3}, Vec3{4, 5, 6}), WithinAbs(32.0f, 1e-5f));
    }
    SECTION("cross") {
        Vec3 c = cross(Vec3{1, 0, 0}, Vec3{0, 1, 0});
        REQUIRE(c == Vec3{0, 0, 1});
    }
    SECTION("length") {
        REQUIRE_THAT(length(Vec3{3, 4, 0}), WithinAbs(5.0f, 1e-5f));
    }
    SECTION("normalize zero stays zero") {
        REQUIRE(normalize(Vec3{0, 0, 0}) == Vec3{0, 0, 0});
    }
}''')], fw='googletest', lang=None)

# why: the file is long but the ask is one more row in an existing table of cases
t('simple', 'test-generation', "Design added the Mythic rarity (drop weight 2) to LootTable. Add the one TestCase row for it to the existing NUnit table, nothing else.", [('Assets/Tests/EditMode/LootWeightTests.cs', '''
using NUnit.Framework;
using Game.Loot;

public class LootWeightTests
{
''' + lines(60, lambda i: f'    [TestCase("item_{i:03d}", Rarity.{["Common", "Uncommon", "Rare", "Epic", "Legendary"][i % 5]}, {[60, 25, 10, 4, 1][i % 5]})]') + '''
    public void WeightMatchesRarity(string id, Rarity rarity, int expected)
    {
        var entry = LootTable.Default.Find(id, rarity);
        Assert.AreEqual(expected, entry.Weight);
    }
}'''), ('Assets/Scripts/Loot/Rarity.cs', '''
namespace Game.Loot
{
    public enum Rarity { Common, Uncommon, Rare, Epic, Legendary, Mythic }
}''')], fw='nunit', lang=None)

t('simple', 'test-execution', "Run `cargo test -p netcode --release` five times in a row and give me pass/fail per run plus the names of anything that failed. No digging.", [], lang=None)

t('simple', 'test-execution', "ctest log from the nightly below. Rerun just the failing ones with --output-on-failure and paste what they print.", [('build/Testing/Temporary/LastTest.log.txt', lines(90, lambda i: f'{i + 1:>3}/90 Test #{i + 1:>3}: ' + (f'render_{i:02d}' if i < 30 else f'audio_{i:02d}' if i < 60 else f'net_{i:02d}') + ' ' + '.' * 20 + (' ***Failed    0.42 sec' if i in (14, 47, 81) else f'   Passed    {0.01 * (i % 9 + 1):.2f} sec')) + '''

97% tests passed, 3 tests failed out of 90
The following tests FAILED:
\t 15 - render_14 (Failed)
\t 48 - audio_47 (Failed)
\t 82 - net_81 (Failed)''')], lang=None)

t('simple', 'test-execution', "Can you run `npx vitest run tools/atlas-packer` and tell me pass/fail counts and how long it took? Just the numbers.", [], fw='vitest', lang='typescript')

t('simple', 'coverage-analysis', "llvm-cov report for the engine core below. List every file under 60% line coverage, lowest first, as `path - pct`.", [('coverage/llvm-cov-report.txt', 'Filename                                Regions    Missed Regions     Cover   Functions  Missed Functions  Executed       Lines      Missed Lines     Cover\n' + '-' * 150 + '\n' + lines(70, lambda i: f'engine/core/{["mem", "jobs", "io", "math", "ecs", "gfx", "audio"][i % 7]}/file_{i:02d}.cpp' + ' ' * 8 + f'{100 + i * 3:>6}  {(i * 37) % 90:>10}  {100 - ((i * 37) % 90) * 100 / (100 + i * 3):>8.2f}%  {10 + i % 12:>8}  {(i * 5) % 7:>8}  {100 - ((i * 5) % 7) * 100 / (10 + i % 12):>8.2f}%  {200 + i * 5:>8}  {(i * 53) % 140:>8}  {100 - ((i * 53) % 140) * 100 / (200 + i * 5):>8.2f}%') + '\n' + '-' * 150 + '\nTOTAL                                      12345       2981    75.85%       1110       203    81.71%       24050       5402    77.54%')], lang=None)

t('simple', 'coverage-analysis', "gcov function summary for the HAL UART driver. Which functions were never called at all?", [('coverage/uart_hal.c.gcov.funcs', '''
Function 'uart_init'             Lines executed:100.00% of 18
Function 'uart_set_baud'         Lines executed:91.67% of 12
Function 'uart_write_blocking'   Lines executed:100.00% of 9
Function 'uart_write_dma'        Lines executed:0.00% of 21
Function 'uart_read_byte'        Lines executed:85.71% of 7
Function 'uart_flush'            Lines executed:0.00% of 6
Function 'uart_irq_handler'      Lines executed:62.50% of 16
Function 'uart_set_parity'       Lines executed:0.00% of 10
Function 'uart_deinit'           Lines executed:100.00% of 5''')], lang=None)

t('simple', 'quality-gate', "Size gate for the sensor-node firmware: flash and RAM each have to stay under 95% of the part (256 KB flash, 64 KB RAM). Linker says text+data = 241.3 KB, bss+data = 58.1 KB. Pass or fail?", [], lang=None)

# why: long clippy dump, but the gate is just "count per lint and check one of them is zero"
t('simple', 'quality-gate', "Our merge gate for the `replay` crate is zero clippy::unwrap_used. Count warnings per lint from this output and tell me if the gate holds.", [('ci/clippy.txt', lines(42, lambda i: (lambda lint, f: f'warning: {lint}\n  --> crates/replay/src/{f}.rs:{12 + i * 7}:{5 + i % 20}\n   |\n   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#{lint.split("::")[1]}\n')(['clippy::needless_borrow', 'clippy::redundant_clone', 'clippy::unwrap_used', 'clippy::cast_lossless', 'clippy::manual_memcpy', 'clippy::too_many_arguments'][(i * 5) % 6], ['reader', 'writer', 'frame', 'index', 'codec'][i % 5])) + '\nwarning: `replay` (lib) generated 42 warnings')], lang=None)

t('simple', 'flaky-test-analysis', "Export of the last 400 CI runs below. Count failures per test and give me the top 5 flakiest by failure count, nothing fancier.", [('ci/test_history.csv', 'run_id,commit,test,result,duration_ms\n' + lines(400, lambda i: f'{88000 + i},{(i * 2654435761) % 16**7:07x},{["physics::broadphase_sweep", "net::reliable_resend", "audio::mixer_clip", "ecs::archetype_move", "io::pak_stream", "render::shadow_cascade", "jobs::steal_fairness", "save::roundtrip_v7"][i % 8]},{"fail" if (i * 7919) % 23 < [1, 4, 0, 2, 3, 1, 5, 0][i % 8] else "pass"},{40 + (i * 31) % 900}'))], lang=None)

t('simple', 'flaky-test-analysis', "This is the pytest-rerunfailures summary from the asset-tool CI. Just list the tests that only passed on a rerun.", [('ci/pytest-summary.txt', '''
============================= short test summary info ==============================
RERUN  tests/test_texconv.py::test_bc7_roundtrip[albedo_2k]
PASSED tests/test_texconv.py::test_bc7_roundtrip[albedo_2k]
PASSED tests/test_texconv.py::test_mip_chain[normal_1k]
RERUN  tests/test_meshopt.py::test_lod_chain_counts
RERUN  tests/test_meshopt.py::test_lod_chain_counts
PASSED tests/test_meshopt.py::test_lod_chain_counts
FAILED tests/test_pak.py::test_pak_alignment - AssertionError: 4096 != 2048
RERUN  tests/test_audio.py::test_ogg_loop_points
PASSED tests/test_audio.py::test_ogg_loop_points
PASSED tests/test_pak.py::test_pak_manifest_order
============ 1 failed, 212 passed, 4 rerun in 96.41s (0:01:36) =============''')], fw='pytest', lang=None)

t('simple', 'security-scan', "cargo audit output for the dedicated server workspace. Make me a table: crate, current version, advisory id, patched version. That's all.", [('ci/cargo-audit.txt', '''
    Fetching advisory database from `https://github.com/RustSec/advisory-db.git`
      Loaded 611 security advisories (from ~/.cargo/advisory-db)
    Scanning Cargo.lock for vulnerabilities (412 crate dependencies)
''' + lines(7, lambda i: f'''Crate:     {["h2", "rustls", "smallvec", "time", "tokio", "idna", "mio"][i]}
Version:   {["0.3.20", "0.21.1", "1.10.0", "0.1.45", "1.28.0", "0.3.0", "0.8.8"][i]}
Title:     {["Resource exhaustion via CONTINUATION frames", "Infinite loop in ConnectionCommon::complete_io", "Buffer overflow in SmallVec::insert_many", "Potential segfault in localtime_r", "reject_remote_clients config option may be ignored", "Punycode decoding accepts invalid input", "Tokens for named pipes may be delivered after deregistration"][i]}
Date:      2024-0{1 + i}-1{i}
ID:        RUSTSEC-202{3 + i % 2}-00{11 + i * 7}
URL:       https://rustsec.org/advisories/RUSTSEC-202{3 + i % 2}-00{11 + i * 7}
Solution:  Upgrade to >={["0.3.26", "0.21.11", "1.10.1", "0.2.23", "1.28.2", "1.0.0", "0.8.11"][i]}
Dependency tree:
{["h2", "rustls", "smallvec", "time", "tokio", "idna", "mio"][i]} -> server-core 0.9.0
''') + '\nerror: 7 vulnerabilities found!')], lang=None)

_UNSAFE_CALLS = ['strcpy(buf, src);', 'sprintf(topic, "%s/%d", base, id);', 'gets(line);', 'strcat(name, suffix);',
                 'sprintf(msg, "err %d at %s", code, where);', 'strcpy(dev->label, cfg->label);', 'strcat(path, "/cal.bin");']

# why: "security" in the title but the job is turning grep output into a table, no judgement asked
t('simple', 'security-scan', "Before the audit kickoff I want an inventory. Turn this grep of strcpy/sprintf/gets calls in the firmware into a table of file, line, function called. No assessment yet.", [('audit/unsafe-calls.txt', lines(38, lambda i: f'firmware/{["drivers", "net", "app", "bsp"][i % 4]}/{["lcd", "mqtt", "cli", "flash", "wifi", "sensor"][i % 6]}.c:{30 + i * 11}:    ' + _UNSAFE_CALLS[(i * 3) % len(_UNSAFE_CALLS)]))], lang=None)

t('simple', 'performance-testing', "Frame-time capture from the Switch dev kit, 600 frames. Give me mean, max, and how many frames went over 16.67 ms. No analysis.", [('captures/frametimes_switch.csv', 'frame,cpu_ms,gpu_ms,frame_ms\n' + lines(600, lambda i: f'{i},{9.1 + (i * 37 % 50) / 10:.2f},{10.4 + (i * 53 % 41) / 10:.2f},{13.2 + (i * 71 % 47) / 10 + (9.5 if i % 97 == 0 else 0):.2f}'))], lang=None)

t('simple', 'performance-testing', "Criterion output after the SIMD change. Which benchmarks regressed, and by how much? Just the list.", [('bench/criterion.txt', '''
aabb_overlap/1024       time:   [1.8812 us 1.8901 us 1.8998 us]
                        change: [-41.203% -40.711% -40.190%] (p = 0.00 < 0.05)
                        Performance has improved.
ray_triangle/batch_64   time:   [412.07 ns 413.90 ns 415.88 ns]
                        change: [+12.311% +12.904% +13.502%] (p = 0.00 < 0.05)
                        Performance has regressed.
sweep_prune/10k         time:   [2.1031 ms 2.1120 ms 2.1214 ms]
                        change: [-0.8123% -0.1021% +0.6012%] (p = 0.79 > 0.05)
                        No change in performance detected.
quat_slerp/4096         time:   [19.882 us 19.944 us 20.011 us]
                        change: [+4.0102% +4.5530% +5.1004%] (p = 0.00 < 0.05)
                        Performance has regressed.
frustum_cull/8k         time:   [38.410 us 38.502 us 38.601 us]
                        change: [-22.010% -21.540% -21.101%] (p = 0.00 < 0.05)
                        Performance has improved.''')], lang=None)

t('simple', 'defect-analysis', "clamp() in our Lua UI helpers returns 0 for clamp(5, 0, 10). Why? Tiny file.", [('scripts/ui/mathutil.lua', '''
local M = {}

function M.clamp(v, lo, hi)
  return math.max(hi, math.min(lo, v))
end

function M.lerp(a, b, t)
  return a + (b - a) * t
end

return M''')], lang=None)

_GCC_MSGS = ["no type named 'value_type' in 'struct FrameArena'", "in instantiation of member function 'std::vector<Entity, FrameArena>::push_back'",
             "candidate template ignored: substitution failure", "required from 'struct std::allocator_traits<FrameArena>'"]

# why: huge template spew, but the question is only where the first error points in our code
t('simple', 'defect-analysis', "Build exploded after the allocator rename. Which of OUR files and line triggers the first error in this log? Don't fix it.", [('build/gcc-errors.log', '''
[ 41%] Building CXX object engine/CMakeFiles/engine.dir/ecs/world.cpp.o
In file included from toolchain/gcc-13/include/c++/13/vector:66,
                 from engine/ecs/world.h:4,
                 from engine/ecs/world.cpp:1:
toolchain/gcc-13/include/c++/13/bits/stl_vector.h: In instantiation of 'class std::vector<Entity, FrameArena>':
engine/ecs/world.cpp:88:31:   required from here
toolchain/gcc-13/include/c++/13/bits/stl_vector.h:438:66: error: static assertion failed: std::vector must have the same value_type as its allocator
''' + lines(60, lambda i: f'toolchain/gcc-13/include/c++/13/bits/{["stl_vector.h", "alloc_traits.h", "allocator.h", "stl_uninitialized.h"][i % 4]}:{100 + i * 13}:{7 + i % 30}: {"error" if i % 3 == 0 else "note"}: ' + _GCC_MSGS[i % 4]) + '''
make[2]: *** [engine/CMakeFiles/engine.dir/build.make:76: engine/CMakeFiles/engine.dir/ecs/world.cpp.o] Error 1''')], lang=None)

# =============================================================================================================
# MEDIUM
# =============================================================================================================

# why: ten lines, but the tests have to pin down Q15 semantics (rounding mode, -1 * -1 saturation, asymmetric range)
t('medium', 'test-generation', "Tests for q15_mul (Unity test framework, we run them on host). Spec is 'behaves like ARM's QDMULH-ish saturating multiply, round to nearest'. Decide what the edge cases should be and write them.", [('dsp/q15.c', '''
#include <stdint.h>

typedef int16_t q15_t;

q15_t q15_mul(q15_t a, q15_t b)
{
    int32_t p = (int32_t)a * (int32_t)b;   /* Q30 */
    p += 1 << 14;                           /* round */
    p >>= 15;
    if (p > INT16_MAX) return INT16_MAX;
    if (p < INT16_MIN) return INT16_MIN;
    return (q15_t)p;
}''')], fw='unity', lang=None)

t('medium', 'test-generation', "Vitest tests for the build-farm client our editor tools use. Mock fetch; I want timeouts, 4xx vs 5xx mapping, the JSON-parse failure path, and the abort on cancel covered.", [('tools/buildfarm/client.ts', '''
export class BuildFarmError extends Error {
  constructor(public readonly kind: 'timeout' | 'client' | 'server' | 'protocol', msg: string, public readonly status?: number) {
    super(msg);
  }
}

export interface JobStatus { id: string; state: 'queued' | 'running' | 'done' | 'failed'; progress: number; artifactUrl?: string }

export class BuildFarmClient {
  constructor(private base: string, private token: string, private timeoutMs = 10_000) {}

  private async request<T>(path: string, init: RequestInit = {}, outer?: AbortSignal): Promise<T> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new Error('timeout')), this.timeoutMs);
    const onOuter = () => ctl.abort(new Error('cancelled'));
    outer?.addEventListener('abort', onOuter, { once: true });
    try {
      const res = await fetch(this.base + path, {
        ...init,
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
        signal: ctl.signal,
      });
      if (res.status >= 500) throw new BuildFarmError('server', `server error ${res.status}`, res.status);
      if (res.status >= 400) throw new BuildFarmError('client', await res.text(), res.status);
      try {
        return (await res.json()) as T;
      } catch {
        throw new BuildFarmError('protocol', 'invalid JSON from build farm');
      }
    } catch (e) {
      if (e instanceof BuildFarmError) throw e;
      if (ctl.signal.aborted && (ctl.signal.reason as Error)?.message === 'timeout') throw new BuildFarmError('timeout', `timed out after ${this.timeoutMs}ms`);
      throw e;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    }
  }

  submit(target: string, commit: string, signal?: AbortSignal) {
    return this.request<{ id: string }>('/jobs', { method: 'POST', body: JSON.stringify({ target, commit }) }, signal);
  }

  status(id: string, signal?: AbortSignal) {
    return this.request<JobStatus>(`/jobs/${encodeURIComponent(id)}`, {}, signal);
  }
}''')], fw='vitest', lang='typescript')

t('medium', 'test-execution', "Run the Unity EditMode and PlayMode suites headless (batchmode, -runTests) on the 2022.3 project, then go through the NUnit XML and sort the failures into: asset import/missing reference, real assertion failures, timeouts. I only want the buckets with test names.", [('ci/run-tests.sh', '''
#!/usr/bin/env bash
set -euo pipefail
UNITY="${UNITY_PATH:?set UNITY_PATH to the 2022.3 editor binary}"
for mode in EditMode PlayMode; do
  "$UNITY" -batchmode -nographics -projectPath . -runTests \\
    -testPlatform "$mode" -testResults "results-$mode.xml" -logFile "unity-$mode.log" || true
done''')], fw='nunit', lang=None)

t('medium', 'test-execution', "Build the tests with -fsanitize=address,undefined (preset `asan` in CMakePresets), run the whole ctest suite, and give me the sanitizer reports de-duplicated by top-of-stack frame in our code, with which tests hit each one. Sample of what the raw output looks like is attached.", [('ci/asan-sample.txt', '''
[ RUN      ] Pak.StreamsChunkAcrossBoundary
=================================================================
==31337==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020000000f4 at pc 0x55d1c2 bp 0x7ffc sp 0x7ffc
READ of size 4 at 0x6020000000f4 thread T0
    #0 0x55d1c1 in pak::ChunkReader::next() engine/io/pak_reader.cpp:142
    #1 0x55a0aa in PakTest_StreamsChunkAcrossBoundary_Test::TestBody() tests/io/pak_test.cpp:77
engine/audio/mixer.cpp:61:23: runtime error: signed integer overflow: 2147483600 + 96 cannot be represented in type 'int'
    #0 0x4f2210 in audio::Mixer::accumulate(short const*, int) engine/audio/mixer.cpp:61
    #1 0x4f0011 in MixerTest_ClipsLoudInputs_Test::TestBody() tests/audio/mixer_test.cpp:33''')], fw='googletest', lang=None)

t('medium', 'coverage-analysis', "Coverage for the physics package after the CCD rewrite. Tell me which gaps actually matter (not just the lowest numbers) and which tests to add first. Summary and the worst file's annotated branches attached.", [('coverage/physics-summary.txt', '''
File                              Lines     Branches   Functions
physics/broadphase.cpp            93.1%     84.0%      100%
physics/narrowphase.cpp           88.7%     71.2%      96%
physics/ccd.cpp                   61.4%     38.9%      83%
physics/solver.cpp                90.2%     80.5%      100%
physics/island.cpp                79.8%     66.7%      92%'''), ('coverage/ccd.cpp.branches.txt', '''
   48 |      1200 |  float toi = 1.0f;
   49 |      1200 |  for (int iter = 0; iter < kMaxIters; ++iter) {
      |  branch 0 taken 1200, branch 1 taken 0         // never hits kMaxIters
   52 |      3410 |    float d = separation(a, b, t);
   53 |      3410 |    if (d < kLinearSlop) {
      |  branch 0 taken 1190, branch 1 taken 2220
   56 |      1190 |      toi = t; break;
   58 |      2220 |    if (d > lastD + kEpsilon) {
      |  branch 0 taken 0, branch 1 taken 2220           // diverging case untested
   59 |         0 |      return Toi::Failed;
   62 |      2220 |    float dt = d / std::max(approachSpeed(a, b, t), kMinSpeed);
      |  branch 0 taken 2220, branch 1 taken 0           // kMinSpeed clamp never used
   65 |      2220 |    t += dt;
   66 |      2220 |    if (t >= 1.0f) return Toi::Separated;
      |  branch 0 taken 10, branch 1 taken 2210
   70 |         0 |  return Toi::MaxIterations;
   85 |       412 |  if (a.isBullet || b.isBullet) {
      |  branch 0 taken 412, branch 1 taken 0            // non-bullet sweep untested
   91 |         0 |    return sweepStatic(a, b);''')], lang=None)

t('medium', 'coverage-analysis', "tarpaulin says save_format is at 71%. Here's the crate's decoder and the uncovered lines. Which error paths are missing and what test inputs would hit each?", [('crates/save_format/src/decode.rs', '''
use crate::{SaveHeader, SaveError, MAGIC, CURRENT_VERSION};
use std::io::Read;

pub fn decode<R: Read>(mut r: R) -> Result<(SaveHeader, Vec<u8>), SaveError> {
    let mut hdr = [0u8; 16];
    r.read_exact(&mut hdr).map_err(|_| SaveError::Truncated)?;
    if hdr[0..4] != MAGIC {
        return Err(SaveError::BadMagic);
    }
    let version = u16::from_le_bytes([hdr[4], hdr[5]]);
    if version > CURRENT_VERSION {
        return Err(SaveError::TooNew(version));
    }
    let flags = u16::from_le_bytes([hdr[6], hdr[7]]);
    let len = u32::from_le_bytes([hdr[8], hdr[9], hdr[10], hdr[11]]) as usize;
    let crc = u32::from_le_bytes([hdr[12], hdr[13], hdr[14], hdr[15]]);
    if len > 64 * 1024 * 1024 {
        return Err(SaveError::TooLarge(len));
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).map_err(|_| SaveError::Truncated)?;
    if crc32fast::hash(&body) != crc {
        return Err(SaveError::Checksum);
    }
    let body = if flags & 0x1 != 0 {
        lz4_flex::decompress_size_prepended(&body).map_err(|_| SaveError::Corrupt)?
    } else {
        body
    };
    let body = if version < 5 { crate::migrate::v4_to_v5(body)? } else { body };
    Ok((SaveHeader { version, flags }, body))
}'''), ('coverage/tarpaulin-uncovered.txt', '''
|| Uncovered Lines:
|| crates/save_format/src/decode.rs: 9, 13, 18, 24, 27, 30
|| crates/save_format/src/migrate.rs: 12-19, 33, 41-44
|| Tested/Total Lines:
|| crates/save_format/src/decode.rs: 19/25
|| crates/save_format/src/migrate.rs: 21/33
71.19% coverage, 42/59 lines covered''')], lang=None)

t('medium', 'quality-gate', "Cert candidate for PS5. Criteria are in the first file, numbers from the soak in the second. Go/no-go per criterion and overall, and flag anything borderline.", [('release/criteria.md', '''
- p99 frame time (gameplay, 60 fps mode) <= 16.6 ms; p99.9 <= 25 ms
- peak resident memory <= 12.5 GB (hard), warn at 12.0 GB
- cold boot to main menu <= 20 s; level load <= 15 s (p95)
- crash-free sessions >= 99.5% over >= 2000 sessions
- no TRC blocker open; at most 3 TRC majors with an approved waiver'''), ('release/soak-results.md', '''
sessions: 2140, crashes: 9 (3 x GPU page fault in decals, 4 x OOM in streaming, 2 x assert in save)
gameplay frame time: p50 11.8 ms, p99 16.4 ms, p99.9 27.1 ms
peak resident: 12.31 GB (hub level, 4 players)
cold boot to menu: 17.9 s; level load p95: 14.2 s, max 22.8 s
TRC: 0 blockers, 4 majors (waivers approved: R4019, R5120; pending: R4071, R4135)''')], lang=None)

t('medium', 'quality-gate', "Here's the MISRA C:2012 checker output for the motor controller and our approved deviation register. Does the module pass (no unapproved Required/Mandatory violations, advisory count <= 20)?", [('misra/report.txt', '''
motor/foc.c:112     Rule 10.4  (Required)   operands of different essential type category
motor/foc.c:140     Rule 15.5  (Advisory)   multiple exit points
motor/foc.c:188     Rule 11.3  (Required)   cast between pointer to object types
motor/pwm.c:41      Rule 8.7   (Advisory)   could be defined at block scope
motor/pwm.c:77      Rule 11.4  (Advisory)   conversion between pointer and integer
motor/pwm.c:78      Rule 11.4  (Advisory)   conversion between pointer and integer
motor/adc.c:23      Rule 17.7  (Required)   return value of non-void function discarded
motor/adc.c:59      Rule 21.3  (Required)   use of malloc
motor/adc.c:95      Rule 2.2   (Required)   dead code
motor/fault.c:14    Rule 9.1   (Mandatory)  value of object with automatic storage used before set
motor/fault.c:66    Rule 15.5  (Advisory)   multiple exit points
Total: Mandatory 1, Required 6, Advisory 5'''), ('misra/deviations.md', '''
| ID   | Rule | Scope                         | Rationale                                  | Status   |
|------|------|-------------------------------|--------------------------------------------|----------|
| D-03 | 11.4 | motor/pwm.c register access   | memory-mapped peripheral registers         | approved |
| D-07 | 11.3 | motor/*.c DMA descriptor cast | DMA descriptors aliased per ref manual 13.2 | approved |
| D-09 | 17.7 | HAL_* calls in motor/adc.c    | HAL status checked via fault poll          | approved |
| D-11 | 21.3 | motor/adc.c                   | (draft) calibration table at init          | proposed |''')], lang=None)

t('medium', 'quality-gate', "PR gate for the level-editor web tool. Rules: lint 0 errors; tests 100% pass; coverage may not drop more than 0.5pp; main bundle <= 850 KB gzip and may not grow > 5%. Here are the numbers from CI vs main — pass or block, with reasons.", [('ci/pr-metrics.json', '''
{
  "lint": { "errors": 0, "warnings": 14 },
  "tests": { "total": 612, "passed": 611, "failed": 0, "skipped": 1 },
  "coverage": { "lines": 78.9, "branches": 66.2 },
  "bundle": { "main.js.gz": 842113, "vendor.js.gz": 1290022 }
}'''), ('ci/main-metrics.json', '''
{
  "lint": { "errors": 0, "warnings": 11 },
  "tests": { "total": 604, "passed": 604, "failed": 0, "skipped": 0 },
  "coverage": { "lines": 79.5, "branches": 66.0 },
  "bundle": { "main.js.gz": 797540, "vendor.js.gz": 1288410 }
}''')], lang='typescript')

t('medium', 'flaky-test-analysis', "PlayMode test JumpPad_LaunchesToLedge fails maybe 1 in 8 on the CI agents, never in editor on my machine. Log of a bad run below plus the test. What's going on and how do I make it deterministic?", [('Assets/Tests/PlayMode/JumpPadTests.cs', '''
using System.Collections;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.TestTools;

public class JumpPadTests
{
    [UnityTest]
    public IEnumerator JumpPad_LaunchesToLedge()
    {
        var scene = TestScenes.Load("JumpPadSandbox");
        var player = scene.Spawn<PlayerController>(new Vector3(0, 0.5f, 0));
        player.MoveInput = Vector2.up;
        yield return new WaitForSeconds(1.2f);
        player.MoveInput = Vector2.zero;
        yield return new WaitForSeconds(0.8f);
        Assert.That(player.IsGrounded, Is.True);
        Assert.That(player.transform.position.y, Is.EqualTo(4.0f).Within(0.05f));
    }
}'''), ('ci/playmode-fail.log', '''
[PlayMode] Time.fixedDeltaTime=0.02 Application.targetFrameRate=-1 QualitySettings.vSyncCount=0
[PlayMode] frame 0..90: avg dt 0.0041s
[PlayMode] frame 91: dt 0.3333s (maximumDeltaTime clamp) -- GC.Collect / shader warmup
[Player] OnTriggerEnter JumpPad t=1.137 vel=(0.00, 0.00, 6.10)
[Player] Launch impulse applied t=1.160 vel=(0.00, 11.80, 6.10)
[Player] MoveInput zero t=1.204
[Player] Landed t=1.694 pos=(0.00, 0.02, 9.81) collider=Ground
JumpPad_LaunchesToLedge (2.103s)
  Expected: 4.0f +/- 0.05f
  But was:  0.0199f''')], fw='nunit', lang=None)

t('medium', 'flaky-test-analysis', "Resampler.Converts44kTo48k passes locally every time, fails ~5% on CI with a slightly off sample. valgrind log from one CI box attached. Find it.", [('tests/audio/resampler_test.cpp', '''
TEST(Resampler, Converts44kTo48k) {
    Resampler rs(44100, 48000, /*taps=*/32);
    std::vector<float> in(4410);
    for (size_t i = 0; i < in.size(); ++i) in[i] = std::sin(2.0 * M_PI * 440.0 * i / 44100.0);
    std::vector<float> out(4800);
    size_t n = rs.process(in.data(), in.size(), out.data(), out.size());
    ASSERT_EQ(n, 4800u);
    EXPECT_NEAR(out[0], 0.0f, 1e-4f);
    EXPECT_NEAR(out[1200], std::sin(2.0 * M_PI * 440.0 * 0.025), 1e-3f);
}'''), ('engine/audio/resampler.cpp', '''
Resampler::Resampler(int inRate, int outRate, int taps)
    : ratio_(double(inRate) / outRate), taps_(taps), history_(taps) {
    buildKernel();
}

size_t Resampler::process(const float* in, size_t inN, float* out, size_t outN) {
    size_t produced = 0;
    while (produced < outN) {
        double srcPos = phase_ + produced * ratio_;
        size_t idx = size_t(srcPos);
        if (idx + taps_ / 2 >= inN) break;
        float acc = 0.0f;
        for (int k = -taps_ / 2; k < taps_ / 2; ++k) {
            float s = (ptrdiff_t(idx) + k < 0) ? history_[taps_ + idx + k] : in[idx + k];
            acc += s * kernel(srcPos - double(idx + k));
        }
        out[produced++] = acc;
    }
    phase_ += produced * ratio_ - inN;
    return produced;
}'''), ('ci/valgrind.txt', '''
==4411== Conditional jump or move depends on uninitialised value(s)
==4411==    at 0x4E21A0: Resampler::process(float const*, unsigned long, float*, unsigned long) (resampler.cpp:14)
==4411==  Uninitialised value was created by a heap allocation
==4411==    at 0x483BE63: operator new(unsigned long) (vg_replace_malloc.c:342)
==4411==    by 0x4E1F02: Resampler::Resampler(int, int, int) (resampler.cpp:2)
==4411== Use of uninitialised value of size 8
==4411==    at 0x4E2188: Resampler::process(...) (resampler.cpp:8)''')], fw='googletest', lang=None)

t('medium', 'security-scan', "Check the release build flags and the checksec output for the Linux dedicated server against our hardening checklist (PIE, full RELRO, NX, stack protector strong, FORTIFY_SOURCE=2+, CFI where available, no RPATH). What's missing and which CMake line causes it?", [('cmake/toolchains/linux-server-release.cmake', '''
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER clang-17)
set(CMAKE_CXX_COMPILER clang++-17)
set(CMAKE_POSITION_INDEPENDENT_CODE OFF)
set(COMMON_FLAGS "-O2 -g1 -fno-omit-frame-pointer -fstack-protector -D_FORTIFY_SOURCE=2")
set(CMAKE_C_FLAGS_RELEASE "${COMMON_FLAGS} -O3")
set(CMAKE_CXX_FLAGS_RELEASE "${COMMON_FLAGS} -O3 -fno-exceptions")
set(CMAKE_EXE_LINKER_FLAGS_RELEASE "-Wl,-z,relro -Wl,--as-needed")
set(CMAKE_BUILD_RPATH "$ORIGIN/../lib")
set(CMAKE_INSTALL_RPATH "$ORIGIN/../lib")'''), ('ci/checksec.txt', '''
RELRO           STACK CANARY      NX            PIE             RPATH      RUNPATH      Symbols         FORTIFY Fortified   Fortifiable  FILE
Partial RELRO   Canary found      NX enabled    No PIE          No RPATH   RUNPATH      8231 Symbols    Yes     12          31           bin/dedicated_server''')], lang=None)

t('medium', 'security-scan', "Bandit flagged 9 things in our internal asset-pipeline scripts (runs on the build farm, inputs come from our own repo). Go through them and say which are real for our setup and which are noise, with a one-line reason each.", [('pipeline/bandit.txt', '''
>> Issue: [B602:subprocess_popen_with_shell_equals_true] pipeline/texconv.py:44  subprocess.run(f"texconv -f BC7 -o {out_dir} {src}", shell=True)
>> Issue: [B404:blacklist] pipeline/texconv.py:3  import subprocess
>> Issue: [B506:yaml_load] pipeline/config.py:18  cfg = yaml.load(open(path))
>> Issue: [B108:hardcoded_tmp_directory] pipeline/pak.py:12  TMP = "/tmp/pakbuild"
>> Issue: [B301:pickle] pipeline/cache.py:27  return pickle.load(fh)   # cache pulled from shared S3 bucket
>> Issue: [B324:hashlib] pipeline/cache.py:9  hashlib.md5(data).hexdigest()   # cache key
>> Issue: [B113:request_without_timeout] pipeline/upload.py:31  requests.put(url, data=blob)
>> Issue: [B105:hardcoded_password_string] pipeline/upload.py:8  CDN_TOKEN = "changeme"
>> Issue: [B311:random] pipeline/names.py:5  random.choice(ADJECTIVES)'''), ('pipeline/texconv.py', '''
import subprocess
from pathlib import Path

def convert(src: Path, out_dir: Path, fmt: str = "BC7") -> Path:
    # src comes from walking Content/ in the repo; artists can name files anything
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(f"texconv -f {fmt} -o {out_dir} {src}", shell=True, check=True)
    return out_dir / (src.stem + ".dds")''')], lang=None)

t('medium', 'performance-testing', "perf report from the server tick on the 64-player map, attached. What's the real hotspot, and sketch a micro-benchmark I can use to iterate on it in isolation.", [('profiles/server_tick_perf.txt', '''
# Samples: 412K of event 'cycles:u'
# Overhead  Command  Shared Object     Symbol
    23.41%  server   server            [.] net::Snapshot::deltaEncode(net::Snapshot const&, BitWriter&)
    14.02%  server   libc.so.6         [.] __memmove_avx_unaligned_erms
     9.88%  server   server            [.] net::BitWriter::writeBits(unsigned int, int)
     7.15%  server   server            [.] std::_Hashtable<EntityId, ...>::_M_find_before_node
     6.20%  server   server            [.] physics::Broadphase::update()
     4.77%  server   libc.so.6         [.] malloc
     4.10%  server   libc.so.6         [.] _int_free
     3.32%  server   server            [.] net::Snapshot::Snapshot(net::Snapshot const&)
     2.90%  server   server            [.] ai::Perception::tick()
#
# deltaEncode callers:
#   92.1% net::Replication::buildPacketFor(ClientId)   (called 64x per tick)
#    7.9% net::Replication::buildBaseline(ClientId)''')], lang=None)

t('medium', 'performance-testing', "Write criterion benches for SpatialHash: insert, query_radius, and rebuild, with a uniform and a clustered (everyone in one plaza) distribution at 1k/10k/50k entities. Avoid measuring allocation noise where it isn't the point.", [('crates/world/src/spatial_hash.rs', '''
use glam::Vec2;
use std::collections::HashMap;

pub struct SpatialHash {
    cell: f32,
    inv_cell: f32,
    buckets: HashMap<(i32, i32), Vec<u32>>,
}

impl SpatialHash {
    pub fn new(cell: f32) -> Self {
        Self { cell, inv_cell: 1.0 / cell, buckets: HashMap::new() }
    }

    #[inline]
    fn key(&self, p: Vec2) -> (i32, i32) {
        ((p.x * self.inv_cell).floor() as i32, (p.y * self.inv_cell).floor() as i32)
    }

    pub fn insert(&mut self, id: u32, p: Vec2) {
        let k = self.key(p);
        self.buckets.entry(k).or_default().push(id);
    }

    pub fn clear(&mut self) {
        for v in self.buckets.values_mut() {
            v.clear();
        }
    }

    pub fn rebuild(&mut self, positions: &[Vec2]) {
        self.clear();
        for (i, p) in positions.iter().enumerate() {
            self.insert(i as u32, *p);
        }
    }

    pub fn query_radius(&self, c: Vec2, r: f32, positions: &[Vec2], out: &mut Vec<u32>) {
        out.clear();
        let (x0, y0) = self.key(c - Vec2::splat(r));
        let (x1, y1) = self.key(c + Vec2::splat(r));
        let r2 = r * r;
        for y in y0..=y1 {
            for x in x0..=x1 {
                if let Some(ids) = self.buckets.get(&(x, y)) {
                    for &id in ids {
                        if positions[id as usize].distance_squared(c) <= r2 {
                            out.push(id);
                        }
                    }
                }
            }
        }
    }
}''')], fw='criterion', lang=None)

t('medium', 'defect-analysis', "ASan heap-use-after-free in the ECS when a system adds a component while iterating. Single-threaded build. Code + report below — explain the cause and the least invasive fix.", [('engine/ecs/storage.h', '''
template <typename T>
class ComponentStorage {
public:
    T& add(Entity e, T value) {
        sparse_[e.index] = uint32_t(dense_.size());
        dense_.push_back(std::move(value));
        owners_.push_back(e);
        return dense_.back();
    }
    T* get(Entity e) {
        auto it = sparse_.find(e.index);
        return it == sparse_.end() ? nullptr : &dense_[it->second];
    }
    template <typename F>
    void each(F&& f) {
        for (size_t i = 0; i < dense_.size(); ++i) f(owners_[i], dense_[i]);
    }
private:
    std::vector<T> dense_;
    std::vector<Entity> owners_;
    std::unordered_map<uint32_t, uint32_t> sparse_;
};'''), ('game/systems/burning.cpp', '''
void BurningSystem::update(World& w, float dt) {
    auto& burning = w.storage<Burning>();
    burning.each([&](Entity e, Burning& b) {
        b.remaining -= dt;
        if (b.spreadTimer.tick(dt)) {
            for (Entity n : w.neighbours(e, 2.0f)) {
                if (!burning.get(n)) burning.add(n, Burning{b.intensity * 0.8f, 3.0f});
            }
        }
        b.intensity *= 0.98f;   // line 14
    });
}'''), ('crash/asan.txt', '''
==8812==ERROR: AddressSanitizer: heap-use-after-free on address 0x6190000a3f48 at pc 0x5621a1 bp 0x7ffd sp 0x7ffd
WRITE of size 4 at 0x6190000a3f48 thread T0
    #0 0x5621a0 in BurningSystem::update(World&, float)::$_0::operator()(Entity, Burning&) game/systems/burning.cpp:14
    #1 0x5620f1 in void ComponentStorage<Burning>::each<...>(...) engine/ecs/storage.h:16
freed by thread T0 here:
    #0 0x4c9a2d in operator delete(void*)
    #1 0x563310 in std::vector<Burning>::_M_realloc_insert<Burning>(...)
    #2 0x5631aa in ComponentStorage<Burning>::add(Entity, Burning) engine/ecs/storage.h:6
previously allocated by thread T0 here:
    #1 0x563290 in std::vector<Burning>::_M_realloc_insert<Burning>(...)''')], lang=None)

t('medium', 'defect-analysis', "Our Zig config parser chokes on a couple of the mod configs modders sent in. Failing test output + parser below. What's wrong (could be more than one thing)?", [('src/cfg.zig', '''
const std = @import("std");

pub const Entry = struct { section: []const u8, key: []const u8, value: []const u8 };

pub fn parse(alloc: std.mem.Allocator, text: []const u8) !std.ArrayList(Entry) {
    var out = std.ArrayList(Entry).init(alloc);
    var section: []const u8 = "";
    var it = std.mem.splitScalar(u8, text, '\\n');
    while (it.next()) |raw| {
        const line = std.mem.trim(u8, raw, " \\t");
        if (line.len == 0 or line[0] == '#') continue;
        if (line[0] == '[') {
            const end = std.mem.indexOfScalar(u8, line, ']') orelse return error.BadSection;
            section = line[1..end];
            continue;
        }
        const eq = std.mem.indexOfScalar(u8, line, '=') orelse return error.MissingEquals;
        const key = std.mem.trim(u8, line[0..eq], " \\t");
        var value = std.mem.trim(u8, line[eq + 1 ..], " \\t");
        if (std.mem.indexOfScalar(u8, value, '#')) |c| value = std.mem.trim(u8, value[0..c], " \\t");
        if (value.len >= 2 and value[0] == '"') value = value[1 .. value.len - 1];
        try out.append(.{ .section = section, .key = key, .value = value });
    }
    return out;
}'''), ('zig-out/test.txt', '''
Test [3/7] test.windows line endings... FAIL (TestExpectedEqual)
expected "1.5", found "1.5\\r"
Test [5/7] test.hash inside quoted value... FAIL (TestExpectedEqual)
expected "#ff8800", found "\\"#ff880"
Test [6/7] test.unterminated quote... expected error.UnterminatedString, found value "abc"
4 passed; 0 skipped; 3 failed.''')], fw='zig test', lang=None)

t('medium', 'defect-analysis', "UBSan fires in the mixer on loud content and the output clicks. Why, and what's the right fix that doesn't cost us a branch per sample?", [('engine/audio/mix.c', '''
#include <stdint.h>
#include <stddef.h>

/* Mix up to 16 voices of int16 PCM into out, with per-voice gain in Q8. */
void mix_voices(const int16_t *const *voices, const uint16_t *gain_q8, size_t nvoices,
                int16_t *out, size_t frames)
{
    for (size_t f = 0; f < frames; ++f) {
        int acc = 0;
        for (size_t v = 0; v < nvoices; ++v) {
            acc += (voices[v][f] * gain_q8[v]) >> 8;
        }
        acc = acc * 3 / 2;               /* master +3.5 dB */
        if (acc > 32767) acc = 32767;
        if (acc < -32768) acc = -32768;
        out[f] = (int16_t)acc;
    }
}'''), ('ci/ubsan.txt', '''
engine/audio/mix.c:13:19: runtime error: signed integer overflow: 1431655765 * 3 cannot be represented in type 'int'
engine/audio/mix.c:11:33: runtime error: left shift of negative value -1''')], lang=None)

# =============================================================================================================
# COMPLEX
# =============================================================================================================

# why: ~30 lines, but it's a lock-free SPSC ring with acquire/release; tests must be able to expose ordering bugs
t('complex', 'test-generation', "Write tests for this SPSC queue that would actually catch a memory-ordering bug on ARM, not just single-threaded push/pop. We ship it on the Quest and the Switch.", [('engine/core/spsc.h', '''
#pragma once
#include <atomic>
#include <cstddef>

template <typename T, size_t N>
class SpscQueue {
    static_assert((N & (N - 1)) == 0, "N must be a power of two");
public:
    bool push(const T& v) {
        size_t h = head_.load(std::memory_order_relaxed);
        if (h - tail_.load(std::memory_order_acquire) == N) return false;
        buf_[h & (N - 1)] = v;
        head_.store(h + 1, std::memory_order_release);
        return true;
    }
    bool pop(T& out) {
        size_t t = tail_.load(std::memory_order_relaxed);
        if (head_.load(std::memory_order_acquire) == t) return false;
        out = buf_[t & (N - 1)];
        tail_.store(t + 1, std::memory_order_release);
        return true;
    }
private:
    alignas(64) std::atomic<size_t> head_{0};
    alignas(64) std::atomic<size_t> tail_{0};
    T buf_[N];
};''')], fw='googletest', lang=None)

t('complex', 'test-generation', "Need a test plan and the actual HIL tests for our A/B OTA update on the STM32 gateway: download over flaky LTE with resume, ed25519 signature check before swap, anti-rollback counter in OTP, trial boot with watchdog confirm, auto-revert if the new image doesn't confirm. Power can be cut at any point and it must always boot something signed.", [], fw='pytest', lang=None)

t('complex', 'test-execution', "Run the partition nemesis suite against the 3-node raft KV (docker compose in deploy/jepsen), 30 runs mixing partitions, clock skew and kill -9 of the leader, then feed the histories to porcupine and tell me whether any run is non-linearizable and, if so, the minimal interleaving that shows it.", [], lang=None)

# why: looks like "run and compare hashes" but finding why x64 and ARM builds diverge means reasoning about FP determinism across compilers and the lockstep sim
t('complex', 'test-execution', "Replay the 200 recorded ranked matches in replays/ranked-s4 on both the x64 and the arm64 server build, compare the per-tick state hashes, and for every match that diverges find the first diverging tick and which subsystem's state differs first. We're lockstep so any divergence is a desync bug.", [('tools/replay_check.py', '''
import subprocess, sys, json
from pathlib import Path

def run(build: str, replay: Path) -> list[str]:
    out = subprocess.run([build, "--replay", str(replay), "--hash-every-tick", "--json"],
                         capture_output=True, text=True, check=True).stdout
    return [t["hash"] for t in json.loads(out)["ticks"]]

for rp in sorted(Path(sys.argv[1]).glob("*.rpl")):
    a, b = run("./server-x64", rp), run("./server-arm64", rp)
    first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None)
    print(rp.name, "OK" if first is None and len(a) == len(b) else f"DIVERGE at tick {first}")''')], lang=None)

t('complex', 'coverage-analysis', "We need MC/DC on the flight-mode manager for the drone cert. Below is the condition coverage report across the mode modules. Work out which decisions don't have independence pairs shown yet, and which mode transitions are never exercised at all.", [('coverage/mcdc-summary.txt', lines(9, lambda m: f'== fc/modes/{["arming", "stabilize", "althold", "loiter", "rtl", "land", "failsafe", "geofence", "mode_mgr"][m]}.c ==\n' + lines(14, lambda d: f'  decision {d:02d} line {40 + d * 17:>4}: conditions={2 + (m + d) % 4}  pairs_shown={(m * 3 + d) % (3 + (m + d) % 4)}/{2 + (m + d) % 4}  outcome T={(m * 7 + d * 5) % 40} F={(m * 11 + d * 3) % 40}')) + '\n'), ('coverage/transition-hits.csv', 'from,to,guard,hits\n' + lines(48, lambda i: f'{["DISARMED", "STABILIZE", "ALTHOLD", "LOITER", "RTL", "LAND", "FAILSAFE", "GEOFENCE_BREACH"][i % 8]},{["STABILIZE", "ALTHOLD", "LOITER", "RTL", "LAND", "FAILSAFE", "DISARMED", "GEOFENCE_BREACH"][(i * 3 + 1) % 8]},{["rc_switch", "battery_low", "gps_lost", "link_lost", "fence_hit", "landed", "operator_cmd"][i % 7]},{(i * 37) % 11 if i % 5 else 0}'))], lang=None)

t('complex', 'coverage-analysis', "libFuzzer on the bytecode verifier for our Lua-ish VM plateaued at ~58% edge coverage after 3 days. Mod scripts are untrusted and get loaded server-side. Figure out what the fuzzer structurally can't reach (checksums? length prefixes? constant-pool indices?) and how to change the harness/dictionary so it can, prioritising the parts where a verifier bug means a sandbox escape.", [('fuzz/verify_fuzzer.cc', '''
#include "vm/verify.h"
#include "vm/chunk.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    vm::Chunk chunk;
    if (!vm::Chunk::deserialize(data, size, &chunk)) return 0;   // checks magic, crc32, section lengths
    vm::VerifyResult r = vm::verify(chunk);
    if (r.ok) {
        vm::Sandbox sb(/*fuel=*/10000);
        sb.run(chunk);
    }
    return 0;
}'''), ('fuzz/coverage-by-file.txt', '''
vm/chunk.cpp         edges 412/530   77.7%
vm/verify.cpp        edges 611/1340  45.6%   (stack-height merge, jump-target checks, upvalue bounds: mostly 0 hits)
vm/interp.cpp        edges 902/1890  47.7%
vm/sandbox.cpp       edges 140/160   87.5%
vm/gc.cpp            edges 210/610   34.4%''')], lang=None)

t('complex', 'quality-gate', "We swapped our hand-rolled ed25519 for monocypher in the bootloader and OTA verifier. Attached: KAT results, 72 h of fuzzing, dudect constant-time runs, and the binary diff summary. Is this good enough to ship with the production signing key, and if not, what's missing?", [('release/crypto-evidence.md', '''
## Known-answer tests
- RFC 8032 vectors: 1024/1024 pass (host x86_64), 1024/1024 pass (target Cortex-M33, -Os)
- Wycheproof eddsa_test.json: 145/150 pass on host; 5 "malleable signature (S >= L)" cases ACCEPTED on target build only

## Fuzzing (libFuzzer, host)
- verify(): 72 h, 0 crashes, 81% edge coverage; corpus seeded from Wycheproof
- target build not fuzzed (no sanitizers for armv8m)

## Constant time (dudect, host)
- crypto_eddsa_check: t = 1.9 after 10M measurements (threshold 4.5)
- key generation on device: not measured

## Binary diff
- bootloader .text +3.1 KB, fits in 32 KB slot (30.7 KB)
- -DMONOCYPHER_CPP_NAMESPACE off; compiled with -fno-strict-aliasing missing on target toolchain''')], lang=None)

t('complex', 'quality-gate', "Canary for netcode 4.2 has been on 5% of EU servers for 48h. Decide go / hold / rollback for global. Attached metrics from relay, matchmaker and game servers. Desyncs went up but so did the player count, and the relay team changed their packet pacing the same week.", [('canary/game-servers.csv', 'hour,build,sessions,desync_per_1k,rtt_p95_ms,rollback_frames_p99\n' + lines(48, lambda h: f'{h},{"4.2" if h % 2 else "4.1"},{1200 + (h * 37) % 400},{(0.8 + (h % 7) * 0.05 + (0.6 if h % 2 and h > 30 else 0.0)):.2f},{48 + (h * 13) % 20},{6 + (h % 5) + (3 if h % 2 and h > 30 else 0)}')), ('canary/relay.log', '''
2024-05-14T09:00Z relay-eu-3 config push: pacing.burst_max 8 -> 4, pacing.interval_us 500 -> 1000 (rollout 25% of relays, hour 30+)
2024-05-14T12:41Z relay-eu-3 queue_depth_p99 312 (was 40) on flows tagged proto=v42
2024-05-14T12:41Z relay-eu-7 queue_depth_p99 38 on flows tagged proto=v41'''), ('canary/matchmaker.txt', '''
hour 0-30: 4.2 sessions routed via relays at random
hour 31+: region affinity enabled; 4.2 sessions preferentially routed to relay-eu-3/-5 (lower hop count)''')], lang=None)

t('complex', 'flaky-test-analysis', "tokio integration test `lobby_handles_mass_leave` hangs about once per 200 runs (nextest kills it at 60s). No panic, nothing in logs after 'broadcasting leave'. Code below. Why, and what's the fix?", [('crates/lobby/src/room.rs', '''
pub struct Room {
    members: Mutex<HashMap<PlayerId, mpsc::Sender<Event>>>,
    events: mpsc::Sender<RoomCmd>,
}

impl Room {
    pub async fn leave(&self, id: PlayerId) {
        let mut m = self.members.lock().await;
        m.remove(&id);
        tracing::debug!("broadcasting leave");
        for tx in m.values() {
            tx.send(Event::Left(id)).await.ok();      // bounded(16)
        }
    }

    pub async fn member_task(self: Arc<Self>, id: PlayerId, mut rx: mpsc::Receiver<Event>) {
        while let Some(ev) = rx.recv().await {
            if let Event::Left(_) = ev {
                let n = self.members.lock().await.len();
                self.events.send(RoomCmd::CountChanged(n)).await.ok();
            }
        }
    }
}'''), ('crates/lobby/tests/mass_leave.rs', '''
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lobby_handles_mass_leave() {
    let room = Room::spawn_test(64).await;
    let leaves = (0..48).map(|i| { let r = room.clone(); tokio::spawn(async move { r.leave(PlayerId(i)).await }) });
    futures::future::join_all(leaves).await;
    assert_eq!(room.member_count().await, 16);
}''')], fw='nextest', lang=None)

t('complex', 'flaky-test-analysis', "JobSystem.StealStress fails only on the ARM CI runners (~1/300): a job runs twice or gets lost. Passes forever on x86. Chase–Lev deque below. TSan on x86 is clean.", [('engine/jobs/deque.h', '''
template <typename T>
class WorkStealingDeque {
public:
    void push(T v) {
        int64_t b = bottom_.load(std::memory_order_relaxed);
        int64_t t = top_.load(std::memory_order_acquire);
        if (b - t >= cap_) grow();
        buf_[b & mask_] = v;
        bottom_.store(b + 1, std::memory_order_relaxed);
    }
    bool pop(T& out) {
        int64_t b = bottom_.load(std::memory_order_relaxed) - 1;
        bottom_.store(b, std::memory_order_relaxed);
        int64_t t = top_.load(std::memory_order_relaxed);
        if (t > b) { bottom_.store(b + 1, std::memory_order_relaxed); return false; }
        out = buf_[b & mask_];
        if (t != b) return true;
        bool won = top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed);
        bottom_.store(b + 1, std::memory_order_relaxed);
        return won;
    }
    bool steal(T& out) {
        int64_t t = top_.load(std::memory_order_acquire);
        int64_t b = bottom_.load(std::memory_order_acquire);
        if (t >= b) return false;
        out = buf_[t & mask_];
        return top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed);
    }
private:
    std::atomic<int64_t> top_{0}, bottom_{0};
    T* buf_; int64_t cap_, mask_;
    void grow();
};'''), ('ci/arm-fail.txt', '''
[ RUN      ] JobSystem.StealStress
tests/jobs/steal_test.cpp:58: Failure
Expected equality of these values:
  executed.load()
    Which is: 1000001
  kJobs
    Which is: 1000000
duplicate job id 771203 run by worker 3 (pop) and worker 6 (steal)
[  FAILED  ] JobSystem.StealStress (4121 ms)''')], fw='googletest', lang=None)

# why: only prose, but it's a replicated service with leader election mid-test; the flake is a distributed-timing problem
t('complex', 'flaky-test-analysis', "Our party-service integration test (3 replicas, etcd leases for leadership) times out ~2% of runs in CI. It creates a party, kills the leader pod, then expects the invite to land within 5 s via the new leader. Sometimes the invite arrives twice, sometimes never. No code yet, I want a theory of what's racing and how to instrument the test to prove it.", [], lang=None)

# why: 25 lines of C, but it parses untrusted network input on the game server; length math is the whole problem
t('complex', 'security-scan', "Review this packet handler from the dedicated server. It parses client-controlled bytes straight off UDP.", [('server/net/chat.c', '''
#include <stdint.h>
#include <string.h>
#include "net.h"

#define MAX_CHAT 256

int handle_chat(struct client *c, const uint8_t *pkt, size_t len)
{
    char msg[MAX_CHAT];
    if (len < 4) return -1;
    uint16_t channel = (uint16_t)(pkt[0] | (pkt[1] << 8));
    int16_t  mlen    = (int16_t)(pkt[2] | (pkt[3] << 8));
    if (mlen > MAX_CHAT - 1) return -1;
    if ((size_t)mlen + 4 > len) return -1;
    memcpy(msg, pkt + 4, mlen);
    msg[mlen] = '\\0';
    if (channel >= c->server->nchannels) return -1;
    struct channel *ch = &c->server->channels[channel];
    if (!(ch->acl & (1u << c->team))) return -1;
    broadcast(ch, c->id, msg, mlen);
    return 0;
}''')], lang=None)

t('complex', 'security-scan', "Auth middleware for our game backend (session tokens for the launcher). Is it sound? Think replay, forgery, timing, expiry.", [('backend/src/auth/session.ts', '''
import crypto from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

const SECRET = process.env.SESSION_SECRET ?? 'dev-secret';

export function issue(playerId: string, ttlSec = 3600): string {
  const exp = Math.floor(Date.now() / 1000) + ttlSec;
  const body = Buffer.from(JSON.stringify({ sub: playerId, exp })).toString('base64url');
  const sig = crypto.createHmac('sha1', SECRET).update(body).digest('hex');
  return `${body}.${sig}`;
}

export function requireSession(req: Request, res: Response, next: NextFunction) {
  const tok = (req.headers.authorization ?? '').replace('Bearer ', '');
  const [body, sig] = tok.split('.');
  const expected = crypto.createHmac('sha1', SECRET).update(body ?? '').digest('hex');
  if (sig !== expected) return res.status(401).end();
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (claims.exp < Date.now() / 1000) return res.status(401).end();
  (req as any).playerId = claims.sub;
  if (claims.admin) (req as any).isAdmin = true;
  next();
}''')], lang='typescript')

t('complex', 'security-scan', "We let players upload Lua mods that run on community servers. This is the sandbox. Can a mod get out of it or take the host down?", [('server/scripting/sandbox.lua', '''
local Sandbox = {}

local SAFE = {
  "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
  "tostring", "type", "unpack", "xpcall", "setmetatable", "getmetatable", "rawget", "rawset", "load",
}

local function make_env(api)
  local env = {}
  for _, name in ipairs(SAFE) do env[name] = _G[name] end
  env.string = string
  env.math = math
  env.table = table
  env.os = { time = os.time, clock = os.clock }
  env.game = api
  return env
end

function Sandbox.run(code, api)
  local env = make_env(api)
  local fn, err = load(code, "mod", "bt", env)
  if not fn then return false, err end
  local co = coroutine.create(fn)
  debug.sethook(co, function() error("mod exceeded instruction budget") end, "", 1e6)
  return coroutine.resume(co)
end

return Sandbox''')], lang=None)

t('complex', 'performance-testing', "Design the load + soak test for the whole online stack before the open beta: launcher auth, matchmaker, relay fleet, dedicated game servers, inventory/economy service, and the Postgres behind it. Target 50k concurrent, 3k matches in flight, bots that send real input at 30 Hz with realistic loss/jitter, a login storm at event start, and a 24 h soak to catch leaks and cache growth. I want the scenarios, the ramp, what we measure where, and the pass criteria.", [], fw='k6', lang=None)

t('complex', 'performance-testing', "I need a benchmark methodology for our lock-free slab allocator vs mimalloc/jemalloc on the 2-socket EPYC build box: producer/consumer cross-thread frees, 1..128 threads, pinned vs unpinned, NUMA-local vs remote. Tell me how to avoid fooling myself (false sharing in the harness, frequency scaling, warmup, allocator caches) and what stats to report.", [('bench/alloc_bench.cpp', '''
static void BM_CrossThreadFree(benchmark::State& st) {
    const int threads = st.range(0);
    std::vector<std::thread> ws;
    std::atomic<bool> go{false};
    std::vector<moodycamel::ConcurrentQueue<void*>> qs(threads);
    for (auto _ : st) {
        for (int t = 0; t < threads; ++t)
            ws.emplace_back([&, t] {
                while (!go) {}
                for (int i = 0; i < 100000; ++i) {
                    qs[(t + 1) % threads].enqueue(g_alloc.alloc(64));
                    void* p; if (qs[t].try_dequeue(p)) g_alloc.free(p);
                }
            });
        go = true;
        for (auto& w : ws) w.join();
        ws.clear(); go = false;
    }
}
BENCHMARK(BM_CrossThreadFree)->RangeMultiplier(2)->Range(1, 128)->UseRealTime();''')], fw='google-benchmark', lang=None)

t('complex', 'defect-analysis', "Since Tuesday's matchmaker deploy, players in SA region report rubber-banding and ~3% of matches end in 'connection to host lost'. Game server, relay and matchmaker logs from one bad match are attached (clocks aren't synced between boxes). Find the root cause.", [('logs/matchmaker.log', '''
2024-06-11T18:02:11.204Z INFO  assign match=9f31 region=sa-east players=10 server=gs-sa-14:7777 relay=relay-sa-2 token_ttl=30s
2024-06-11T18:02:11.205Z INFO  using relay selection v2 (latency-weighted, includes relay-us-east-1 for sa-east)
2024-06-11T18:02:41.230Z INFO  reassign match=9f31 reason=token_refresh relay=relay-us-east-1
2024-06-11T18:03:11.260Z INFO  reassign match=9f31 reason=token_refresh relay=relay-sa-2'''), ('logs/relay-sa-2.log', '''
18:02:08.9 flow 9f31 open clients=10 server=gs-sa-14
18:02:39.0 flow 9f31 token expired; migrating
18:02:39.0 flow 9f31 closed (migrated) bytes_up=8.2MB
18:03:09.1 flow 9f31 open clients=7 server=gs-sa-14 (3 clients still on previous relay)'''), ('logs/relay-us-east-1.log', '''
06:02:43.5 PM flow 9f31 open clients=10 server=gs-sa-14 rtt_to_server=131ms
06:03:13.6 PM flow 9f31 token expired; migrating
06:03:13.6 PM flow 9f31 drain: 3 clients did not ack migration in 2s, keeping flow'''), ('logs/gs-sa-14.log', lines(30, lambda i: f'[tick {54000 + i * 30}] clients=10 ' + (f'late_inputs={i % 4} rollback_frames=2 resync=0' if i < 10 else f'late_inputs={11 + (i * 7) % 9} rollback_frames={7 + i % 5} resync={1 if i % 3 == 0 else 0}' if i < 20 else f'late_inputs={2 + i % 3} rollback_frames=3 resync=0 disconnected=[{", ".join(["p4", "p7", "p9"])}] reason=input_timeout'))) ], lang=None)

t('complex', 'defect-analysis', "Our embedded KV store loses the last few committed transactions after a power cut maybe 1 in 50 pulls on the eMMC boards, even though commit() returned. Recovery reports a clean WAL. Here's the commit path. What's the bug (or bugs) and how do I prove it on the bench?", [('src/wal.c', '''
int wal_commit(struct wal *w, const struct txn *t)
{
    struct wal_rec_hdr h = { .lsn = w->next_lsn, .len = t->len, .crc = crc32c(t->data, t->len) };
    if (pwrite(w->fd, &h, sizeof h, w->tail) != sizeof h) return -EIO;
    if (pwrite(w->fd, t->data, t->len, w->tail + sizeof h) != (ssize_t)t->len) return -EIO;
    w->tail += sizeof h + t->len;
    w->next_lsn++;
    if (w->tail - w->synced > WAL_GROUP_BYTES || t->flags & TXN_SYNC) {
        if (fdatasync(w->fd)) return -EIO;
        w->synced = w->tail;
    }
    /* update superblock so recovery knows where the log ends */
    struct superblock sb = { .magic = SB_MAGIC, .wal_tail = w->tail, .last_lsn = h.lsn };
    if (pwrite(w->sb_fd, &sb, sizeof sb, 0) != sizeof sb) return -EIO;
    return 0;
}

int wal_recover(struct wal *w)
{
    struct superblock sb;
    pread(w->sb_fd, &sb, sizeof sb, 0);
    off_t off = 0;
    while (off < sb.wal_tail) {
        struct wal_rec_hdr h;
        pread(w->fd, &h, sizeof h, off);
        /* trust superblock: records below wal_tail were written */
        apply_record(w, &h, off + sizeof h);
        off += sizeof h + h.len;
    }
    return 0;
}''')], lang=None)
