from lib import t, lines

# Persona: research software engineer in a university computational science lab.
# Writes scientific Python (numpy/pandas/h5py/mpi4py), Julia, R and a bit of Fortran and C;
# looks after simulation pipelines on a Slurm cluster, reads HPC job logs, cares about
# reproducibility and floating-point behaviour. Precise about the maths, vague about
# software process (says "CI thing", "the checklist", "make it green").


# ---------------------------------------------------------------------------
t('simple', 'test-execution',
  "Could you run tests/test_unit_conversions.py and tell me which ones come out red? "
  "Just the names, I'm not after fixes yet.",
  fw='pytest', lang='python')


# ---------------------------------------------------------------------------
HK = r'''
import numpy as np


def _find(parent, x):
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:          # path compression
        parent[x], x = root, parent[x]
    return root


def _union(parent, a, b):
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def label_clusters(occ, periodic=True):
    """Hoshen-Kopelman labelling of a 2D occupation lattice (4-neighbour).

    Returns (labels, n_clusters): labels are 1..n_clusters, 0 on empty sites.
    With periodic=True the lattice wraps in both directions.
    """
    occ = np.asarray(occ, dtype=bool)
    ny, nx = occ.shape
    labels = np.zeros((ny, nx), dtype=np.int64)
    parent = [0]
    nxt = 1
    for i in range(ny):
        for j in range(nx):
            if not occ[i, j]:
                continue
            up = labels[i - 1, j] if i > 0 else 0
            left = labels[i, j - 1] if j > 0 else 0
            if up == 0 and left == 0:
                parent.append(nxt)
                labels[i, j] = nxt
                nxt += 1
            elif up and left:
                _union(parent, up, left)
                labels[i, j] = min(up, left)
            else:
                labels[i, j] = up or left
    if periodic:
        for i in range(ny):
            if occ[i, 0] and occ[i, nx - 1]:
                _union(parent, labels[i, 0], labels[i, nx - 1])
        for j in range(nx):
            if occ[0, j] and occ[ny - 1, j]:
                _union(parent, labels[0, j], labels[ny - 1, j])
    roots = {}
    for i in range(ny):
        for j in range(nx):
            if labels[i, j]:
                r = _find(parent, labels[i, j])
                labels[i, j] = roots.setdefault(r, len(roots) + 1)
    return labels, len(roots)


def wraps(labels, label, axis):
    """True if cluster `label` touches both faces along `axis` (spanning, open BCs)."""
    a = np.take(labels, 0, axis=axis)
    b = np.take(labels, -1, axis=axis)
    return bool(np.any(a == label) and np.any(b == label))
'''

t('complex', 'test-generation',
  "I wrote this cluster labelling for our percolation runs (periodic box). It agrees with the three "
  "examples I drew by hand, but I've been burned before by union-find code that is right on small "
  "pictures and wrong on big ones. I want tests that would catch it being wrong on lattices I haven't "
  "thought of, including clusters that wrap round both edges and close on themselves.",
  files=[('percolation/hk.py', HK)],
  reqs=['hypothesis is fine if it helps',
        'whole file must run in under a minute on a laptop',
        'scipy.ndimage.label can be a reference only where it is actually valid (it does not wrap)'],
  fw='pytest', lang='python')


# ---------------------------------------------------------------------------
NBODY = r'''
import numpy as np
import yaml


def load_config(path):
    with open(path) as fh:
        raw = yaml.safe_load(fh)
    sim = raw.get("simulation", {})
    return {
        "dt": float(sim.get("dt", 1e-3)),
        "n_steps": int(sim.get("n_steps", 10000)),
        "softening": float(sim.get("softening", 0.0)),
        "G": float(sim.get("G", 1.0)),
        "log_every": int(sim.get("log_every", 100)),
    }


def accelerations(pos, mass, G, eps):
    dx = pos[None, :, :] - pos[:, None, :]
    r2 = np.einsum("ijk,ijk->ij", dx, dx) + eps * eps
    np.fill_diagonal(r2, 1.0)
    inv_r3 = r2 ** -1.5
    np.fill_diagonal(inv_r3, 0.0)
    return G * np.einsum("ij,ijk,j->ik", inv_r3, dx, mass)


def total_energy(pos, vel, mass, G, eps):
    kin = 0.5 * np.sum(mass * np.sum(vel ** 2, axis=1))
    dx = pos[None, :, :] - pos[:, None, :]
    r = np.sqrt(np.einsum("ijk,ijk->ij", dx, dx) + eps * eps)
    iu = np.triu_indices(len(mass), k=1)
    pot = -G * np.sum(mass[iu[0]] * mass[iu[1]] / r[iu])
    return kin + pot


def min_separation(pos):
    dx = pos[None, :, :] - pos[:, None, :]
    r = np.sqrt(np.einsum("ijk,ijk->ij", dx, dx))
    np.fill_diagonal(r, np.inf)
    return float(r.min())


def leapfrog(pos, vel, mass, cfg, log=print):
    dt, G, eps = cfg["dt"], cfg["G"], cfg["softening"]
    acc = accelerations(pos, mass, G, eps)
    e0 = total_energy(pos, vel, mass, G, eps)
    for step in range(1, cfg["n_steps"] + 1):
        vel += 0.5 * dt * acc
        pos += dt * vel
        acc = accelerations(pos, mass, G, eps)
        vel += 0.5 * dt * acc
        if step % cfg["log_every"] == 0:
            e = total_energy(pos, vel, mass, G, eps)
            log(f"step {step:7d}  E={e:.10e}  dE/E0={(e - e0) / abs(e0):+.3e}  "
                f"rmin={min_separation(pos):.3e}")
    return pos, vel
'''

NBODY_CFG = '''
simulation:
  dt: 2.0e-4
  n_steps: 20000
  softening_length: 5.0e-3
  G: 1.0
  log_every: 200
initial_conditions:
  file: ic/plummer_n2048_seed7.npz
output:
  every: 1000
  dir: out/run48213
'''

NBODY_LOG = (
    "SLURM_JOB_ID=48213 node=cn-a117 ntasks=1 cpus-per-task=16\n"
    "loaded config configs/plummer_2048.yaml\n"
    "N=2048  dt=2.000e-04  n_steps=20000\n"
    + lines(24, lambda i: "step %7d  E=%.10e  dE/E0=%+.3e  rmin=%.3e" % (
        200 * (i + 1), -0.2457130412 - 3e-10 * i * i, 1.2e-9 * i * i, 4.1e-3 * 0.87 ** i))
    + "\nintegrate.py:23: RuntimeWarning: overflow encountered in power\n"
      "  inv_r3 = r2 ** -1.5\n"
      "integrate.py:24: RuntimeWarning: invalid value encountered in multiply\n"
      "step    5000  E=nan  dE/E0=+nan  rmin=nan\n"
      "step    5200  E=nan  dE/E0=+nan  rmin=nan\n"
      "slurmstepd: error: *** JOB 48213 ON cn-a117 CANCELLED AT 2024-05-14T03:12:09 ***\n"
)

t('medium', 'defect-analysis',
  "Production run 48213 blew up: energy conservation is fine for a few thousand steps, then everything "
  "is NaN. The same initial conditions ran fine last month, before I tidied up how the config is "
  "loaded. Integrator, config and the job output are attached. What happened, and is the physics or "
  "the code to blame?",
  files=[('nbody/integrate.py', NBODY), ('configs/plummer_2048.yaml', NBODY_CFG),
         ('logs/slurm-48213.out', NBODY_LOG)],
  lang='python')


# ---------------------------------------------------------------------------
_CP_GROUPS = ['io', 'regrid', 'stats', 'plotting', 'indices', 'cli']
_CP_MODS = ['netcdf', 'grib', 'conservative', 'bilinear', 'seasonal', 'trend', 'anomaly',
            'masks', 'calendar', 'units']


def _cov_row(i):
    name = 'climpost/%s/%s.py' % (_CP_GROUPS[i // 10], _CP_MODS[i % 10])
    stmts = 40 + (i * 37) % 180
    frac = ((i * 29) % 101) / 100.0
    if i % 9 == 4:
        frac = 1.0
    miss = int(stmts * frac)
    cover = round(100 * (stmts - miss) / stmts)
    return '%-38s %6d %6d %5d%%' % (name, stmts, miss, cover)


COV_REPORT = ('%-38s %6s %6s %6s\n' % ('Name', 'Stmts', 'Miss', 'Cover') + '-' * 60 + '\n'
              + lines(60, _cov_row) + '\n' + '-' * 60 + '\n'
              + '%-38s %6d %6d %5d%%' % ('TOTAL', 7442, 3516, 53))

t('simple', 'coverage-analysis',
  "Coverage report from last night's CI run of climpost is below. Please just list the modules under "
  "50%, and separately the ones at 0%, each list sorted by number of missed statements (most first).",
  files=[('reports/coverage.txt', COV_REPORT)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
PORTAL = r'''
import os
import subprocess

import jwt
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SECRET = os.environ.get("PORTAL_SECRET", "dev-secret-change-me")
ADMIN_TOKEN = os.environ.get("PORTAL_ADMIN_TOKEN", "")
SCRATCH_ROOT = os.environ.get("PORTAL_SCRATCH", "scratch/portal")


def current_user():
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        abort(401)
    token = auth[7:]
    if token == ADMIN_TOKEN:
        return {"sub": "admin", "role": "admin", "group": "all"}
    try:
        return jwt.decode(token, SECRET, algorithms=["HS256", "none"],
                          options={"verify_exp": False})
    except jwt.InvalidTokenError:
        abort(401)


@app.post("/jobs")
def submit():
    user = current_user()
    body = request.get_json(force=True)
    partition = body.get("partition", "short")
    if partition == "gpu" and user.get("role") not in ("admin", "gpu"):
        abort(403)
    nodes = body.get("nodes", 1)
    walltime = body.get("walltime", "01:00:00")
    deck = body["input_deck"]
    workdir = os.path.join(SCRATCH_ROOT, user["group"], body.get("project", "default"))
    os.makedirs(workdir, exist_ok=True)
    deck_path = os.path.join(workdir, deck["name"])
    with open(deck_path, "w") as fh:
        fh.write(deck["content"])
    cmd = (f"sbatch --parsable -p {partition} -N {nodes} -t {walltime} "
           f"--job-name={user['sub']}_{body.get('project', 'default')} "
           f"--chdir={workdir} run_solver.sh {deck_path}")
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if out.returncode != 0:
        return jsonify(error=out.stderr), 500
    return jsonify(job_id=out.stdout.strip()), 201


@app.get("/jobs/<job_id>")
def status(job_id):
    current_user()
    out = subprocess.run(f"squeue -h -j {job_id} -o '%i %j %T %M %u'",
                         shell=True, capture_output=True, text=True)
    return jsonify(raw=out.stdout)


@app.delete("/jobs/<job_id>")
def cancel(job_id):
    user = current_user()
    name = subprocess.run(["squeue", "-h", "-j", job_id, "-o", "%j"],
                          capture_output=True, text=True).stdout.strip()
    if user["role"] != "admin" and not name.startswith(user["sub"]):
        abort(403)
    subprocess.run(["scancel", job_id])
    return "", 204
'''

RUN_SOLVER = r'''
#!/bin/bash
#SBATCH --ntasks-per-node=64
#SBATCH --output=slurm-%j.out
set -e
module load gcc/12.2 openmpi/4.1.5 hdf5/1.14-mpi
DECK="$1"
source "$(dirname "$DECK")/env.sh" 2>/dev/null || true
srun ./solver --input "$DECK" --output "$(dirname "$DECK")/out"
'''

t('complex', 'security-scan',
  "The lab wants to open our little job-submission portal to two partner groups. Before I do, can you "
  "go through it for anything that would let someone run things they shouldn't on the cluster, get "
  "onto the GPU partition without being allowed, or see or cancel another group's jobs? The sbatch "
  "wrapper it calls is attached too.",
  files=[('portal/app.py', PORTAL), ('portal/run_solver.sh', RUN_SOLVER)],
  lang='python', fw='flask')


# ---------------------------------------------------------------------------
MINIMG = r'''
import numpy as np


def minimum_image(dr, box):
    """Apply the minimum-image convention to displacement(s) dr in an orthorhombic periodic box."""
    dr = np.asarray(dr, dtype=float)
    box = np.asarray(box, dtype=float)
    return dr - box * np.round(dr / box)
'''

# why: five lines, but the requirements need decisions (half-box ties vs LAMMPS, inf box -> NaN):
# judgement beyond adding obvious assertions, so medium rather than simple
t('medium', 'test-generation',
  "Tests for minimum_image() please. It's tiny but everything in our RDF and MSD analysis goes "
  "through it.",
  files=[('mdtools/pbc.py', MINIMG)],
  reqs=['dr can be a single 3-vector or an (N, 3) array; box is always length 3',
        'every component of the result must satisfy |d| <= L/2',
        'decide and document what should happen at exactly +/- L/2: np.round rounds half to even and '
        'we compare against LAMMPS dumps',
        'non-periodic directions are given as box = inf elsewhere in our code; check that case'],
  fw='pytest', lang='python')


# ---------------------------------------------------------------------------
_FT_FILES = ['test_io', 'test_regrid', 'test_solver', 'test_stats', 'test_cli']
_FT_NAMES = ['roundtrip', 'missing_attr', 'large_file', 'unicode_path', 'empty_input',
             'conservation', 'nan_mask', 'restart']


def _ft_row(i):
    name = 'tests/%s.py::test_%s[case%d]' % (_FT_FILES[i % 5], _FT_NAMES[i % 8], i // 8)
    hist = ['P'] * 12
    if i % 11 == 3:
        hist[5] = hist[9] = 'F'
    if i % 13 == 7:
        hist[2] = 'F'
    if i == 22:
        hist = list('PPPFFFFFFFFF')
    if i == 31:
        hist[10] = 'F'
    return '%-52s %s' % (name, ''.join(hist))


FT_HISTORY = ('run:   1  2  3  4  5  6  7  8  9 10 11 12  (nightly, 2024-04-02 .. 2024-04-13)\n'
              'code changed between runs: 3->4 only\n\n'
              + lines(45, _ft_row))

# why: a long table, but the ask is only to count flips per row, no diagnosis of any cause: mechanical
t('simple', 'flaky-test-analysis',
  "Below is the pass/fail history of our suite over the last 12 nightly runs (P/F, oldest first). "
  "The code only changed between runs 3 and 4. Can you list the tests that flipped at least once "
  "after run 4, with how many times each failed? Separately, anything that started failing at the "
  "change and stayed failing.",
  files=[('ci/nightly_history.txt', FT_HISTORY)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
SCALING_SBATCH = r'''
#!/bin/bash
#SBATCH --job-name=full_chain
#SBATCH --nodes=8
#SBATCH --ntasks-per-node=128
#SBATCH --time=06:00:00
#SBATCH --partition=standard
#SBATCH --exclusive

module load gcc/12.2 openmpi/4.1.5 hdf5/1.14-mpi metis/5.1 python/3.11

CASE=${1:-configs/case_medium.toml}
RUN=run_$(date +%m%d)_${SLURM_JOB_ID}
mkdir -p "$RUN"

# 1) partition mesh (serial, one node)
command time -v python -m meshprep.partition --case "$CASE" --parts $SLURM_NTASKS \
    --out "$RUN/mesh" 2> "$RUN/time_partition.txt"

# 2) solver
export OMP_NUM_THREADS=1
srun --cpu-bind=cores ./bin/flowsolve --case "$CASE" --mesh "$RUN/mesh" --out "$RUN/fields" \
    > "$RUN/solver.log"

# 3) post-processing with dask on the same allocation
python -m postproc.launch --scheduler-file "$RUN/sched.json" --workers $((SLURM_NNODES*8)) \
    --threads 16 --fields "$RUN/fields" --out "$RUN/diagnostics.zarr" > "$RUN/postproc.log"
'''

SCALING_CASE = '''
[mesh]
file = "meshes/channel_medium.msh"     # 24.6 M cells
refine_levels = 0

[time]
dt = 2.5e-5
steps = 4000

[output]
every = 200                            # 20 snapshots, each ~19 GB
format = "hdf5-parallel"
chunk_cells = 1048576
'''

SCALING_LOG = ('# timing summary, run_0412_7730121 (8 nodes x 128 ranks)\n'
               'partition   wall=  412.3 s  maxrss=  61.2 GB\n'
               'solver      wall= 9311.7 s\n'
               + lines(20, lambda i: '  snapshot %02d  step %5d  compute=%7.1f s  write=%6.1f s  '
                       'write_GBps=%5.2f' % (i, 200 * (i + 1), 412.0 + (i % 3) * 4.1,
                                             48.0 + (i * 7) % 23, 19.0 / (48.0 + (i * 7) % 23)))
               + '\npostproc    wall= 1288.4 s  workers=64  spilled_to_disk=212 GB\n')

t('complex', 'performance-testing',
  "I have to put strong and weak scaling numbers into our HPC allocation renewal, for the whole chain, "
  "not just the solver: mesh partitioning, the MPI solver, the parallel HDF5 output and the Dask "
  "post-processing. Last time a reviewer called our numbers 'not credible'. Can you design the study: "
  "what to run, at which problem sizes and node counts, how many repeats, what to measure and how to "
  "present it? Our current job script, the medium case and the timing from one 8-node run are "
  "attached.",
  files=[('jobs/run_full.sbatch', SCALING_SBATCH), ('configs/case_medium.toml', SCALING_CASE),
         ('logs/timing_run_0412.txt', SCALING_LOG)],
  reqs=['budget for the whole study is at most 40k core-hours',
        'nodes have 128 cores and 256 GB; we can get up to 64 nodes',
        'the filesystem is Lustre and shared with everyone else'],
  lang=None)


# ---------------------------------------------------------------------------
# why: two explicit thresholds compared with two given numbers: mechanical, despite being a release call
t('simple', 'quality-gate',
  "CI says 412 passed, 3 skipped, 0 failed, and total coverage is 87.4%. Our rule for tagging a "
  "release of the package is no failures and coverage at least 85%. Can I tag v2.3.0?",
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
RUNPARAMS = r'''
module RunParams

using TOML

export SimParams, read_params, parse_quantity

const UNIT_SCALE = Dict("s" => 1.0, "ms" => 1e-3, "us" => 1e-6, "ns" => 1e-9,
                        "m" => 1.0, "cm" => 1e-2, "mm" => 1e-3, "um" => 1e-6)
const TIME_UNITS = ("s", "ms", "us", "ns")
const LENGTH_UNITS = ("m", "cm", "mm", "um")

struct SimParams
    dt::Float64
    t_end::Float64
    dx::Float64
    nx::Int
    boundary::Symbol
    output_every::Int
    seed::Union{Int,Nothing}
end

function parse_quantity(x, expected::String)
    x isa Real && return Float64(x)
    x isa AbstractString || throw(ArgumentError("expected number or string with unit, got $(typeof(x))"))
    m = match(r"^\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-z]+)\s*$", x)
    m === nothing && throw(ArgumentError("cannot parse quantity '$x'"))
    value = parse(Float64, m.captures[1])
    unit = m.captures[2]
    haskey(UNIT_SCALE, unit) || throw(ArgumentError("unknown unit '$unit' in '$x'"))
    if expected == "time" && !(unit in TIME_UNITS)
        throw(ArgumentError("'$x' is not a time"))
    elseif expected == "length" && !(unit in LENGTH_UNITS)
        throw(ArgumentError("'$x' is not a length"))
    end
    return value * UNIT_SCALE[unit]
end

function read_params(path::AbstractString)
    d = TOML.parsefile(path)
    haskey(d, "grid") || throw(ArgumentError("$path: missing [grid] section"))
    haskey(d, "time") || throw(ArgumentError("$path: missing [time] section"))
    g, tm = d["grid"], d["time"]
    dx = parse_quantity(g["dx"], "length")
    nx = Int(get(g, "nx", 256))
    nx > 2 || throw(ArgumentError("nx must be > 2, got $nx"))
    bc = Symbol(get(g, "boundary", "periodic"))
    bc in (:periodic, :dirichlet, :neumann) || throw(ArgumentError("unknown boundary $bc"))
    dt = parse_quantity(tm["dt"], "time")
    t_end = parse_quantity(tm["t_end"], "time")
    dt > 0 || throw(ArgumentError("dt must be positive"))
    t_end >= dt || throw(ArgumentError("t_end shorter than one step"))
    out = get(d, "output", Dict{String,Any}())
    every = Int(get(out, "every", 100))
    seed = get(d, "seed", nothing)
    return SimParams(dt, t_end, dx, nx, bc, every, seed)
end

end # module
'''

t('medium', 'test-generation',
  "Tests for RunParams.jl please. It reads the TOML run files that everyone in the group writes by "
  "hand, so the edge cases are whatever people actually type: units or no units, '5.' instead of "
  "'5.0', a missing [time] block, nx as a float, that sort of thing.",
  files=[('src/RunParams.jl', RUNPARAMS)],
  reqs=['write the TOML fixtures to temporary files inside the tests',
        'check that error messages say what is wrong, not only that something throws'],
  lang='julia', fw='Test')


# ---------------------------------------------------------------------------
BROWSER = r'''
import os
import pickle
import subprocess

from flask import Flask, abort, request, send_file, render_template_string

app = Flask(__name__)
DATA_ROOT = os.environ.get("RESULTS_ROOT", "results")

PAGE = """
<h2>Runs matching {{ q }}</h2>
<ul>{% for r in runs %}<li><a href="/run/{{ r }}">{{ r }}</a></li>{% endfor %}</ul>
"""


@app.get("/")
def index():
    q = request.args.get("q", "")
    runs = sorted(d for d in os.listdir(DATA_ROOT) if q in d)
    return render_template_string(PAGE.replace("{{ q }}", q), runs=runs)


@app.get("/run/<run>")
def run_files(run):
    path = os.path.join(DATA_ROOT, run)
    if not os.path.isdir(path):
        abort(404)
    return {"files": os.listdir(path)}


@app.get("/download")
def download():
    run = request.args["run"]
    name = request.args["file"]
    return send_file(os.path.join(DATA_ROOT, run, name), as_attachment=True)


@app.get("/inspect")
def inspect():
    run = request.args["run"]
    name = request.args["file"]
    dset = request.args.get("dataset", "/")
    out = subprocess.run(f"h5dump -H -d {dset} {DATA_ROOT}/{run}/{name}",
                         shell=True, capture_output=True, text=True, timeout=30)
    return "<pre>" + out.stdout + "</pre>"


@app.post("/state")
def load_state():
    """Collaborators upload a pickled analysis state to continue where they left off."""
    blob = request.files["state"].read()
    state = pickle.loads(blob)
    return {"keys": sorted(state.keys()), "n_runs": len(state.get("runs", []))}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)
'''

t('complex', 'security-scan',
  "A master's student built this small Flask app so collaborators can browse and download our "
  "simulation outputs. It goes onto a university VM with a public IP next week. Can you check it "
  "for security problems before that happens?",
  files=[('webapp/browse.py', BROWSER)], lang='python', fw='flask')


# ---------------------------------------------------------------------------
TIMEIT_OUT = r'''
$ python -m timeit -s "from interp import lerp_loop as f, setup; x, xp, fp = setup(10**6)" "f(x, xp, fp)"
1 loop, best of 5: 2.41 sec per loop
$ python -m timeit -s "from interp import lerp_vec as f, setup; x, xp, fp = setup(10**6)" "f(x, xp, fp)"
20 loops, best of 5: 14.8 msec per loop
$ python -m timeit -s "import numpy as np; from interp import setup; x, xp, fp = setup(10**6)" "np.interp(x, xp, fp)"
50 loops, best of 5: 6.92 msec per loop
'''

t('simple', 'performance-testing',
  "Which of these three is fastest, and by roughly what factor over the others? Same machine, same "
  "1e6-point input.",
  files=[('bench/timeit_interp.txt', TIMEIT_OUT)], lang='python')


# ---------------------------------------------------------------------------
INGEST = r'''
import pandas as pd

STATION_TZ = "Europe/Berlin"
SAMPLES_PER_DAY = 144            # 10-minute logger


def read_logger_csv(path):
    df = pd.read_csv(path, sep=";", decimal=",", parse_dates=["Zeitstempel"], dayfirst=True)
    df = df.rename(columns={"Zeitstempel": "time", "Temp_C": "temp_c",
                            "RH_%": "rh", "Druck_hPa": "p_hpa"})
    df = df.set_index("time").sort_index()
    df.index = df.index.tz_localize(STATION_TZ, ambiguous="NaT", nonexistent="shift_forward")
    return df[df.index.notna()]


def to_utc(df):
    out = df.copy()
    out.index = out.index.tz_convert("UTC")
    return out


def clean(df, max_gap="3h"):
    df = df[(df["temp_c"] > -60) & (df["temp_c"] < 60)]
    df = df[(df["rh"] >= 0) & (df["rh"] <= 100)]
    limit = int(pd.Timedelta(max_gap) / pd.Timedelta("10min"))
    return df.interpolate(method="time", limit_area="inside", limit=limit)


def daily_means(df):
    utc = to_utc(clean(df))
    daily = utc.resample("1D").agg(["mean", "count"])
    daily.columns = ["_".join(c) for c in daily.columns]
    return daily[daily["temp_c_count"] >= 0.8 * SAMPLES_PER_DAY]


def ingest(paths):
    df = pd.concat([read_logger_csv(p) for p in paths])
    df = df[~df.index.duplicated(keep="first")]
    return daily_means(df)
'''

INGEST_FAIL = r'''
____________________________ test_daily_means_dst_autumn ____________________________

    def test_daily_means_dst_autumn(logger_files_oct2023):
        daily = ingest(logger_files_oct2023)
>       assert daily.loc["2023-10-29", "temp_c_count"] == 150
E       KeyError: '2023-10-29'

tests/test_ingest.py:58: KeyError
____________________________ test_daily_means_dst_spring ____________________________

    def test_daily_means_dst_spring(logger_files_mar2023):
        daily = ingest(logger_files_mar2023)
        day = daily.index[daily.index.normalize() == pd.Timestamp("2023-03-26", tz="UTC")]
>       assert daily.loc[day, "temp_c_count"].item() == 138
E       assert 144 == 138

tests/test_ingest.py:71: AssertionError
----------------------------- Captured stdout call ---------------------------------
                            temp_c_mean  temp_c_count  rh_mean  rh_count  p_hpa_mean  p_hpa_count
time
2023-03-25 00:00:00+00:00        6.812           144   71.20       144     1011.42          144
2023-03-26 00:00:00+00:00        5.940           144   68.91       144     1009.87          144
2023-03-27 00:00:00+00:00        7.305           144   66.02       144     1012.10          144
========================= 2 failed, 14 passed in 3.21s ==========================
'''

t('medium', 'defect-analysis',
  "Daily means from the weather-station ingest are wrong around the clock changes in March and "
  "October; two tests catch it (output attached). Where does it go wrong? We want means over local "
  "calendar days, and the October day that has 25 hours should count all of its samples.",
  files=[('stations/ingest.py', INGEST), ('logs/pytest_ingest.txt', INGEST_FAIL)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
HISTO = r'''
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

/* Histogram n samples into nbins uniform bins on [lo, hi).
   NaNs are ignored, out-of-range samples go to *under / *over.
   Returns 0 on success, -1 on bad arguments, -2 on allocation failure. */
int histogram_omp(const double *x, size_t n, double lo, double hi,
                  size_t nbins, long *counts, long *under, long *over)
{
    if (nbins == 0 || !(hi > lo)) return -1;
    memset(counts, 0, nbins * sizeof(long));
    long u = 0, o = 0;
    const double scale = nbins / (hi - lo);
    int nthreads = omp_get_max_threads();
    long *priv = calloc((size_t)nthreads * nbins, sizeof(long));
    if (!priv) return -2;

    #pragma omp parallel reduction(+:u)
    {
        int tid = omp_get_thread_num();
        long *mine = priv + (size_t)tid * nbins;

        #pragma omp for schedule(static)
        for (size_t i = 0; i < n; i++) {
            double v = x[i];
            if (isnan(v)) continue;
            if (v < lo) { u++; continue; }
            if (v >= hi) { o++; continue; }
            size_t b = (size_t)((v - lo) * scale);
            if (b >= nbins) b = nbins - 1;
            mine[b]++;
        }

        #pragma omp for
        for (size_t b = 0; b < nbins; b++)
            for (int t = 0; t < nthreads; t++)
                counts[b] += priv[(size_t)t * nbins + b];
    }
    free(priv);
    *under = u;
    *over = o;
    return 0;
}
'''

HISTO_H = r'''
#ifndef HISTO_H
#define HISTO_H
#include <stddef.h>
int histogram_omp(const double *x, size_t n, double lo, double hi,
                  size_t nbins, long *counts, long *under, long *over);
#endif
'''

t('complex', 'test-generation',
  "We use this to histogram particle energies, a few hundred million samples per snapshot. Totals "
  "come out right on my laptop. Please write tests (plain C, we run them through ctest with a small "
  "assert macro) that would actually catch it if it's wrong when run with lots of threads on the "
  "cluster nodes.",
  files=[('src/histo.c', HISTO), ('include/histo.h', HISTO_H)],
  reqs=['tests must be deterministic in what they check even though thread scheduling is not',
        'run each check under several OMP_NUM_THREADS settings, including more threads than cores'],
  lang='c', fw='ctest')


# ---------------------------------------------------------------------------
DESCRIPTION_R = '''
Package: growthcurves
Type: Package
Title: Fitting Microbial Growth Curves from Plate-Reader Data
Version: 0.4.2
Authors@R: person("Lab", "Maintainer", role = c("aut", "cre"), email = "maintainer@example.org")
Description: Reads plate-reader exports, subtracts blanks and fits logistic
    and Gompertz growth models per well, with diagnostics.
License: MIT + file LICENSE
Encoding: UTF-8
Depends: R (>= 4.1)
Imports: readxl, dplyr, tidyr, minpack.lm
Suggests: testthat (>= 3.0.0), covr, vdiffr
Config/testthat/edition: 3
RoxygenNote: 7.3.1
'''

# why: lots of background, but the actual ask is to run devtools::test() and summarise the counts: simple
t('simple', 'test-execution',
  "Bit of background: growthcurves is the R package our microbiology collaborators use to fit growth "
  "curves from the plate reader. I inherited it from a postdoc who left in January, it has never been "
  "on CRAN, and I'm not an R person really (I mostly do Python and Julia). We're thinking about "
  "submitting it to CRAN this summer and somebody in the group suggested I start by seeing what state "
  "the tests are in. R 4.3.2, testthat 3rd edition according to DESCRIPTION (attached). All I need "
  "right now: run the tests with devtools::test() and tell me how many pass, fail, warn and skip, and "
  "the names of the failing ones.",
  files=[('DESCRIPTION', DESCRIPTION_R)], lang='r', fw='testthat')


# ---------------------------------------------------------------------------
SNAPREADER = r'''
import logging

import h5py
import numpy as np

log = logging.getLogger(__name__)

SUPPORTED_VERSIONS = {1, 2, 3}


class SnapshotReader:
    def __init__(self, path, fields=None):
        self.path = path
        self.fields = fields
        self._fh = None
        self.version = None

    def __enter__(self):
        self._fh = h5py.File(self.path, "r")
        version = int(self._fh.attrs.get("format_version", 1))
        if version not in SUPPORTED_VERSIONS:
            self._fh.close()
            raise ValueError(f"{self.path}: unsupported format_version {version}")
        self.version = version
        return self

    def __exit__(self, *exc):
        if self._fh is not None:
            self._fh.close()
        return False

    def time(self):
        if self.version == 1:
            return float(self._fh["header"].attrs["t"])
        return float(self._fh.attrs["time"])

    def units(self, name):
        unit = self._fh["fields"][name].attrs.get("units")
        if unit is None:
            log.warning("%s: field %s has no units attribute, assuming SI", self.path, name)
            return "SI"
        return unit.decode() if isinstance(unit, bytes) else str(unit)

    def read(self, name, sl=None):
        grp = self._fh["fields"]
        if name not in grp:
            raise KeyError(f"{self.path}: no field {name!r}")
        ds = grp[name]
        data = ds[()] if sl is None else ds[sl]
        if self.version < 3 and ds.attrs.get("layout", "C") == "F":
            data = np.asfortranarray(data).T
        scale = ds.attrs.get("scale_factor")
        if scale is not None:
            data = data.astype(np.float64) * float(scale)
        fill = ds.attrs.get("_FillValue")
        if fill is not None:
            data = np.where(data == fill, np.nan, data)
        return data

    def read_all(self):
        names = self.fields or list(self._fh["fields"].keys())
        out = {}
        for n in names:
            try:
                out[n] = self.read(n)
            except KeyError:
                log.error("skipping missing field %s", n)
        return out
'''

IO_COV = '''
Name                              Stmts   Miss  Cover   Missing
---------------------------------------------------------------
labpipe/io/__init__.py                6      0   100%
labpipe/io/hdf5_reader.py            58     17    71%   23-24, 32, 38-39, 51, 55-56, 58-59, 66-67, 71-73, 76
labpipe/io/netcdf_writer.py          94     31    67%   40-52, 77-81, 103-115
labpipe/io/manifest.py               41      4    90%   58-61
labpipe/io/checksums.py              27     12    56%   14-19, 30-35
---------------------------------------------------------------
TOTAL                               226     64    72%
'''

t('medium', 'coverage-analysis',
  "Coverage for labpipe/io dropped to 72% after Jonas's refactor. Which of the missing lines in the "
  "reader actually matter, meaning a bug there could silently hand us wrong numbers, and which are just "
  "logging? Then suggest the tests to add, most important first.",
  files=[('reports/coverage_io.txt', IO_COV), ('labpipe/io/hdf5_reader.py', SNAPREADER)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
ENERGY = r'''
import numpy as np
from mpi4py import MPI


def pair_energy(pos_a, pos_b, box, pair_potential, same=False):
    e = 0.0
    for i in range(len(pos_a)):
        d = pos_b[i + 1:] - pos_a[i] if same else pos_b - pos_a[i]
        d -= box * np.round(d / box)
        r = np.sqrt(np.einsum("ij,ij->i", d, d))
        e += pair_potential(r).sum()
    return e


def global_energy(comm, local, ghosts, box, pair_potential):
    kin = 0.5 * np.dot(local.mass, np.einsum("ij,ij->i", local.vel, local.vel))
    pot = pair_energy(local.pos, local.pos, box, pair_potential, same=True)
    pot += 0.5 * pair_energy(local.pos, ghosts.pos, box, pair_potential)
    tot = np.array([kin, pot])
    comm.Allreduce(MPI.IN_PLACE, tot, op=MPI.SUM)
    return tot[0] + tot[1]
'''

BALANCE = r'''
import numpy as np
from mpi4py import MPI


def rebalance(comm, local, cuts, step_time):
    """Move slab boundaries along x so that measured step times even out."""
    times = np.array(comm.allgather(step_time))
    load = times / times.mean()
    widths = np.diff(cuts) / load
    widths *= (cuts[-1] - cuts[0]) / widths.sum()
    new_cuts = np.concatenate([[cuts[0]], cuts[0] + np.cumsum(widths)])
    new_cuts[-1] = cuts[-1]
    return new_cuts, migrate(comm, local, new_cuts)


def migrate(comm, local, cuts):
    owner = np.searchsorted(cuts, local.pos[:, 0], side="right") - 1
    send = [local.take(owner == r) for r in range(comm.size)]
    recv = comm.alltoall(send)
    return type(local).concat(recv)
'''

TEST_PAR = r'''
import numpy as np
import pytest
from mpi4py import MPI

from mdcore import setup_lattice, run_steps
from mdcore.energy import global_energy

REF = np.load("tests/data/lj_fcc_864_ref.npz")


@pytest.mark.mpi
def test_global_energy():
    comm = MPI.COMM_WORLD
    sim = setup_lattice(comm, n_cells=6, rho=0.8442, temp=0.72, seed=11)
    run_steps(sim, n=50, dt=0.004, rebalance_every=10)
    e = global_energy(comm, sim.local, sim.ghosts, sim.box, sim.potential)
    np.testing.assert_allclose(e, REF["energy_50"], rtol=1e-14)
'''

PAR_LOG = r'''
$ for i in 1 2 3 4 5 6 7 8 9 10; do mpirun -n 6 python -m pytest -q -m mpi tests/test_parallel.py 2>&1 | tail -3; done
1 passed in 41.2s
1 passed in 40.8s
E   AssertionError: Not equal to tolerance rtol=1e-14, atol=0
E   Mismatch: 100%  Max relative difference: 1.27e-13
1 failed in 41.5s
1 passed in 40.9s
1 passed in 41.0s
1 passed in 41.3s
E   Max relative difference: 8.41e-14
1 failed in 41.6s
1 passed in 40.7s
1 passed in 41.1s
1 passed in 40.6s
$ for i in $(seq 10); do mpirun -n 4 python -m pytest -q -m mpi tests/test_parallel.py 2>&1 | tail -1; done
1 passed in 55.0s   (x10)
'''

# why: run-to-run nondeterminism across MPI ranks whose source (timing-driven rebalance changing the
# summation order) sits outside the test: concurrency reasoning, not reading one flaky log
t('complex', 'flaky-test-analysis',
  "test_global_energy passes every time on 4 ranks, but on 6 ranks it fails maybe one run in five, "
  "always by about 1e-13 relative. Nothing random in the test as far as I can see, the seed is fixed. "
  "What's going on, and is the right fix to loosen the tolerance or something else?",
  files=[('tests/test_parallel.py', TEST_PAR), ('mdcore/energy.py', ENERGY),
         ('mdcore/balance.py', BALANCE), ('logs/mpi_6ranks_x10.txt', PAR_LOG)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
_B_ISSUES = [
    ('B603', 'subprocess_without_shell_equals_true', 'subprocess call - check for execution of untrusted input.', 'Low', 'High'),
    ('B404', 'blacklist', 'Consider possible security implications associated with the subprocess module.', 'Low', 'High'),
    ('B301', 'blacklist', 'Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data.', 'Medium', 'High'),
    ('B602', 'subprocess_popen_with_shell_equals_true', 'subprocess call with shell=True identified, security issue.', 'High', 'High'),
    ('B311', 'blacklist', 'Standard pseudo-random generators are not suitable for security/cryptographic purposes.', 'Low', 'High'),
    ('B506', 'yaml_load', 'Use of unsafe yaml load. Allows instantiation of arbitrary objects.', 'Medium', 'High'),
    ('B108', 'hardcoded_tmp_directory', 'Probable insecure usage of temp file/directory.', 'Medium', 'Medium'),
]
_B_FILES = ['analysis/run_sweep.py', 'analysis/postproc.py', 'analysis/io/cache.py',
            'analysis/plots/panel.py', 'analysis/cli.py', 'scripts/fetch_era5.py',
            'scripts/make_figures.py', 'analysis/io/legacy.py']


def _bandit(i):
    code, name, msg, sev, conf = _B_ISSUES[(i * 3) % 7 if i % 5 else (i // 5) % 7]
    f = _B_FILES[(i * 5) % 8]
    ln = 12 + (i * 17) % 240
    return ('>> Issue: [%s:%s] %s\n   Severity: %s   Confidence: %s\n   Location: %s:%d:%d\n'
            '   More Info: https://bandit.readthedocs.io/en/latest/\n' % (code, name, msg, sev, conf,
                                                                        f, ln, 4 * (i % 3)))


BANDIT = ('Run started:2024-06-03 09:41:17\n\nTest results:\n' + lines(42, _bandit)
          + '\nCode scanned:\n\tTotal lines of code: 11873\n\tTotal lines skipped (#nosec): 0\n')

t('simple', 'security-scan',
  "Bandit output for the analysis repo is below. Please group the findings by test ID and severity "
  "with counts, and list the files for anything rated High. Not asking for fixes today.",
  files=[('reports/bandit.txt', BANDIT)], lang='python')


# ---------------------------------------------------------------------------
UNITS = r'''
import re
from fractions import Fraction

PREFIXES = {"G": 1e9, "M": 1e6, "k": 1e3, "h": 1e2, "c": 1e-2, "m": 1e-3,
            "u": 1e-6, "\u00b5": 1e-6, "n": 1e-9, "p": 1e-12}
BASE = {"m": {"m": 1}, "s": {"s": 1}, "g": {"kg": 1}, "K": {"K": 1}, "mol": {"mol": 1},
        "A": {"A": 1}, "N": {"kg": 1, "m": 1, "s": -2}, "J": {"kg": 1, "m": 2, "s": -2},
        "W": {"kg": 1, "m": 2, "s": -3}, "Pa": {"kg": 1, "m": -1, "s": -2}, "Hz": {"s": -1},
        "bar": {"kg": 1, "m": -1, "s": -2}, "eV": {"kg": 1, "m": 2, "s": -2}}
SCALE = {"g": 1e-3, "bar": 1e5, "eV": 1.602176634e-19}

_NUM = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)$")
_FACTOR = re.compile(r"^([A-Za-z\u00b5]+)(?:\^([-+]?\d+(?:/\d+)?))?$")


def _lookup(symbol):
    if symbol in BASE:
        return SCALE.get(symbol, 1.0), BASE[symbol]
    for p in sorted(PREFIXES, key=len, reverse=True):
        rest = symbol[len(p):]
        if symbol.startswith(p) and rest in BASE:
            return PREFIXES[p] * SCALE.get(rest, 1.0), BASE[rest]
    raise ValueError(f"unknown unit {symbol!r}")


def parse_unit(text):
    """'kg m^-3', 'J/kg/K', 'W/m^2 K' -> (scale to SI, {base: exponent})."""
    text = text.replace(" per ", "/").replace("\u00b7", "*").strip()
    if not text:
        return 1.0, {}
    scale, dims, sign = 1.0, {}, 1
    for tok in re.split(r"([*/])", re.sub(r"\s+", "*", text)):
        if tok in ("", "*"):
            continue
        if tok == "/":
            sign = -1
            continue
        m = _FACTOR.match(tok)
        if not m:
            raise ValueError(f"cannot parse unit factor {tok!r}")
        exp = Fraction(m.group(2) or 1) * sign
        s, d = _lookup(m.group(1))
        scale *= s ** float(exp)
        for k, v in d.items():
            dims[k] = dims.get(k, 0) + v * exp
    return scale, {k: v for k, v in dims.items() if v != 0}


def parse_quantity(text):
    m = _NUM.match(text)
    if not m:
        raise ValueError(f"no number in {text!r}")
    scale, dims = parse_unit(m.group(2))
    return float(m.group(1)) * scale, dims


def same_dimension(a, b):
    return parse_unit(a)[1] == parse_unit(b)[1]
'''

t('medium', 'test-generation',
  "I'd like a proper test suite for our little units parser (we use it to read quantities out of "
  "instrument metadata). It's about 70 lines but has bitten us twice. Please include the ambiguous "
  "ones like 'mm' vs 'm m', 'W/m^2 K' and 'J/kg/K', and where you think the current behaviour is wrong, "
  "say so rather than just writing a test that locks it in.",
  files=[('metaread/units.py', UNITS)], fw='pytest', lang='python')


# ---------------------------------------------------------------------------
FLUX_F90 = r'''
module flux_mod
  use iso_fortran_env, only: dp => real64
  implicit none
  real(dp), parameter :: gamma = 1.4
  real(dp), parameter :: cfl = 0.4_dp
contains
  pure subroutine hll_flux(rl, ul, pl, rr, ur, pr, f)
    real(dp), intent(in)  :: rl, ul, pl, rr, ur, pr
    real(dp), intent(out) :: f(3)
    real(dp) :: cl, cr, sl, sr, el, er, fl(3), fr(3)
    cl = sqrt(gamma * pl / rl)
    cr = sqrt(gamma * pr / rr)
    sl = min(ul - cl, ur - cr)
    sr = max(ul + cl, ur + cr)
    el = pl / (gamma - 1.0) + 0.5 * rl * ul**2
    er = pr / (gamma - 1.0) + 0.5 * rr * ur**2
    fl = [rl*ul, rl*ul**2 + pl, ul*(el + pl)]
    fr = [rr*ur, rr*ur**2 + pr, ur*(er + pr)]
    if (sl >= 0.0_dp) then
      f = fl
    else if (sr <= 0.0_dp) then
      f = fr
    else
      f = (sr*fl - sl*fr + sl*sr*([rr, rr*ur, er] - [rl, rl*ul, el])) / (sr - sl)
    end if
  end subroutine hll_flux
end module flux_mod
'''

REDUCE_F90 = r'''
module diag_mod
  use iso_fortran_env, only: dp => real64
  implicit none
contains
  function total_mass(rho, dx, n) result(m)
    integer, intent(in)  :: n
    real(dp), intent(in) :: rho(n), dx
    real(dp) :: m
    integer :: i
    m = 0.0_dp
    !$omp parallel do reduction(+:m) schedule(dynamic, 4096)
    do i = 1, n
      m = m + rho(i) * dx
    end do
    !$omp end parallel do
  end function total_mass
end module diag_mod
'''

MK_A = r'''
# cluster A: GCC 12.2, OpenMPI 4.1
FC      = mpif90
FFLAGS  = -O2 -march=znver3 -fopenmp -fimplicit-none -g
LDFLAGS = -fopenmp
OBJS    = flux.o diag.o update.o io.o main.o
euler1d: $(OBJS)
	$(FC) $(LDFLAGS) -o $@ $^
%.o: %.f90
	$(FC) $(FFLAGS) -c $<
'''

MK_B = r'''
# cluster B: Intel oneAPI 2024.1 (ifx), Intel MPI
FC      = mpiifx
FFLAGS  = -O3 -xSAPPHIRERAPIDS -qopenmp -fp-model fast=2 -fpconstant -g
LDFLAGS = -qopenmp
OBJS    = flux.o diag.o update.o io.o main.o
euler1d: $(OBJS)
	$(FC) $(LDFLAGS) -o $@ $^
%.o: %.f90
	$(FC) $(FFLAGS) -c $<
'''


def _mass_log(seed_off, drift, jitter):
    def row(i):
        step = 10000 * (i + 1)
        m = 1.000000000000 + drift * (i + 1) + (jitter * ((i * 7 + seed_off) % 5) if jitter else 0.0)
        return 'step %6d  t=%.6e  total_mass=%.15e  max_mach=%.4f' % (step, 2.5e-6 * step, m,
                                                                      1.82 + 0.001 * i)
    return row


LOG_A = ('euler1d git=4f1c9e2 compiler=GNU 12.2.0 OMP_NUM_THREADS=32\n'
         + lines(10, _mass_log(0, 3.1e-14, 0.0)) + '\nfinished normally\n')
LOG_B1 = ('euler1d git=4f1c9e2 compiler=Intel(R) Fortran 2024.1.0 OMP_NUM_THREADS=56\n'
          + lines(10, _mass_log(1, 2.9e-7, 4e-13)) + '\nfinished normally\n')
LOG_B2 = ('euler1d git=4f1c9e2 compiler=Intel(R) Fortran 2024.1.0 OMP_NUM_THREADS=56\n'
          + lines(10, _mass_log(3, 2.9e-7, 4e-13)) + '\nfinished normally\n')

OUT_DIFF = r'''
$ python tools/compare_final.py out_A/final.h5 out_B1/final.h5 out_B2/final.h5
field     A vs B1 max|rel|   A vs B2 max|rel|   B1 vs B2 max|rel|
rho       3.12e-06           3.12e-06           6.8e-13
momentum  4.77e-06           4.77e-06           9.1e-13
energy    2.95e-06           2.95e-06           5.2e-13
shock position (cells): A 18412, B1 18411, B2 18411
'''

# why: eight artefacts across two toolchains; the answer needs separating literal-kind, compiler
# flag and OpenMP reduction-order effects and saying which result is right: multi-file root cause
t('complex', 'defect-analysis',
  "Same code, same input deck, same git hash. Cluster A (gfortran) and cluster B (Intel ifx) give "
  "final fields that differ around the 6th significant digit after 10^5 steps, and on B two runs "
  "don't even agree with each other in the last few digits. The paper needs to say which answer is "
  "right and why. Everything I have is attached.",
  files=[('src/flux.f90', FLUX_F90), ('src/diag.f90', REDUCE_F90), ('build/Makefile.clusterA', MK_A),
         ('build/Makefile.clusterB', MK_B), ('logs/clusterA_run1.out', LOG_A),
         ('logs/clusterB_run1.out', LOG_B1), ('logs/clusterB_run2.out', LOG_B2),
         ('logs/compare_final.txt', OUT_DIFF)],
  lang='fortran')


# ---------------------------------------------------------------------------
ANNOT = r'''
> import numpy as np


> def weighted_mean(x, w):
>     x = np.asarray(x, dtype=float)
>     w = np.asarray(w, dtype=float)
>     if x.shape != w.shape:
!         raise ValueError("x and w must have the same shape")
>     return float(np.sum(w * x) / np.sum(w))


> def weighted_var(x, w, ddof=0):
!     m = weighted_mean(x, w)
!     v = np.sum(w * (np.asarray(x) - m) ** 2) / np.sum(w)
!     if ddof:
!         v *= np.sum(w) ** 2 / (np.sum(w) ** 2 - np.sum(w ** 2))
!     return float(v)


> def block_average(x, nblocks):
>     x = np.asarray(x, dtype=float)
>     n = len(x) // nblocks * nblocks
>     blocks = x[:n].reshape(nblocks, -1).mean(axis=1)
>     return blocks.mean(), blocks.std(ddof=1) / np.sqrt(nblocks)


> def autocorr_time(x, c=5.0):
!     x = np.asarray(x, dtype=float) - np.mean(x)
!     f = np.fft.rfft(x, n=2 * len(x))
!     acf = np.fft.irfft(f * np.conjugate(f))[: len(x)]
!     acf /= acf[0]
!     taus = 2.0 * np.cumsum(acf) - 1.0
!     window = np.arange(len(taus)) < c * taus
!     return float(taus[np.argmin(window)])
'''

t('simple', 'coverage-analysis',
  "Which functions in this file never ran during the tests? This is the ,cover file coverage "
  "annotate gave me.",
  files=[('stats_utils.py,cover', ANNOT)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
_BN = ['minmod', 'superbee', 'van_leer', 'mc', 'koren']
_BS = ['1d_n1024', '1d_n65536', '2d_256x256', '2d_1024x1024']


def _bench_rows(tag, factor):
    def row(i):
        base = [0.41, 21.7, 33.9, 551.0][i % 4] * (1 + 0.13 * (i // 4))
        f = factor(i)
        mn = base * f
        sd = base * (0.02 if i % 4 else 0.35) * (1.8 if tag == 'PR' and i % 7 == 2 else 1.0)
        return ('test_limiter[%s-%s] (%s)  %10.3f  %10.3f  %10.3f  %8.3f  %10.3f  %6d' % (
            _BN[i // 4], _BS[i % 4], '0001_main' if tag == 'main' else '0002_pr', mn, mn * 1.6,
            mn * 1.12, sd, mn * 1.08, [2000, 40, 30, 5][i % 4]))
    return row


BENCH_CMP = ('------------------------------------------------------------------- benchmark: 20 tests '
             '-------------------------------------------------------------------\n'
             'Name (time in us)                                  Min         Max        Mean    StdDev'
             '      Median  Rounds\n'
             + lines(20, _bench_rows('main', lambda i: 1.0)) + '\n'
             + lines(20, _bench_rows('PR', lambda i: [1.31, 0.42, 0.38, 0.36][i % 4]
                                     if i // 4 != 3 else [1.29, 0.97, 1.08, 1.12][i % 4])) + '\n'
             'machine: shared CI VM (4 vCPU), cpu frequency scaling: unknown\n')

t('medium', 'performance-testing',
  "My PR vectorises the flux limiters; the pytest-benchmark comparison against main is attached. A "
  "few rows look slower. Are any of them real regressions, or noise? The runner is a shared VM, so I "
  "don't fully trust it. If it is ambiguous, tell me what to rerun and how.",
  files=[('bench/compare_main_vs_pr.txt', BENCH_CMP)], lang='python', fw='pytest-benchmark')


# ---------------------------------------------------------------------------
SAMPLER = r'''
import multiprocessing as mp

import numpy as np

from .config import load_config
from .model import log_posterior

cfg = load_config()
rng = np.random.default_rng(cfg.seed)          # proposal generator


def propose(theta, scale):
    return theta + scale * rng.standard_normal(theta.shape)


def run_chain(chain_id, n_samples, theta0, scale):
    np.random.seed(cfg.seed + chain_id)         # per-chain acceptance stream
    theta = np.array(theta0, dtype=float)
    lp = log_posterior(theta)
    out = np.empty((n_samples, theta.size))
    acc = 0
    for k in range(n_samples):
        prop = propose(theta, scale)
        lp_prop = log_posterior(prop)
        if np.log(np.random.random()) < lp_prop - lp:
            theta, lp = prop, lp_prop
            acc += 1
        out[k] = theta
    return chain_id, out, acc / n_samples


def run_all(n_chains, n_samples, theta0, scale, n_procs=None):
    if n_chains <= 16:
        return [run_chain(c, n_samples, theta0, scale) for c in range(n_chains)]
    ctx = mp.get_context("fork")
    with ctx.Pool(n_procs or min(n_chains, mp.cpu_count())) as pool:
        jobs = [(c, n_samples, theta0, scale) for c in range(n_chains)]
        return pool.starmap(run_chain, jobs)
'''

SAMPLER_CFG = r'''
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    seed: int
    n_chains: int
    n_samples: int


def load_config():
    return Config(seed=int(os.environ.get("MCMC_SEED", "20240611")),
                  n_chains=int(os.environ.get("MCMC_CHAINS", "16")),
                  n_samples=int(os.environ.get("MCMC_SAMPLES", "20000")))
'''

SAMPLER_SUMMARY = r'''
                 16 chains (workstation)       256 chains (cluster, 4 nodes)
param            mean     sd      R-hat        mean     sd      R-hat
log_k_on        -3.412   0.118   1.004        -3.409   0.081   1.000
log_k_off       -1.877   0.094   1.006        -1.880   0.063   1.000
hill_n           2.31    0.27    1.011         2.30    0.19    1.000
sigma_obs        0.042   0.006   1.002         0.042   0.004   1.000
acceptance       0.27                          0.27
'''

# why: short code, but the bug is correlated random streams across forked workers that only shows
# up statistically (narrow posteriors, perfect R-hat): parallel-execution subtlety, not a simple bug
t('complex', 'defect-analysis',
  "Since we moved the MCMC to 256 parallel chains on the cluster, the posterior widths come out "
  "consistently narrower than the 16-chain runs on my workstation, and R-hat is suspiciously perfect. "
  "Means agree. Is this a statistics thing or a code thing? Sampler, config and the summary table are "
  "attached.",
  files=[('mcmc/sampler.py', SAMPLER), ('mcmc/config.py', SAMPLER_CFG),
         ('results/summary_16_vs_256.txt', SAMPLER_SUMMARY)],
  lang='python')


# ---------------------------------------------------------------------------
GF_ERR = r'''
$ make
mpif90 -O2 -fopenmp -fimplicit-none -c src/stencil_mod.f90
mpif90 -O2 -fopenmp -fimplicit-none -c src/diffusion.f90
src/diffusion.f90:57:38:

   57 |     call apply_stencil(u, unew, nx, 0.25)
      |                                      1
Error: Type mismatch in argument 'coef' at (1); passed REAL(4) to REAL(8)
make: *** [Makefile:14: diffusion.o] Error 1
'''

STENCIL_F90 = r'''
module stencil_mod
  use iso_fortran_env, only: dp => real64
  implicit none
contains
  subroutine apply_stencil(u, unew, nx, coef)
    integer, intent(in) :: nx
    real(dp), intent(in) :: u(0:nx+1), coef
    real(dp), intent(out) :: unew(nx)
    integer :: i
    do i = 1, nx
      unew(i) = u(i) + coef * (u(i-1) - 2.0_dp*u(i) + u(i+1))
    end do
  end subroutine apply_stencil
end module stencil_mod
'''

t('simple', 'defect-analysis',
  "Why won't this compile now? It built fine before I moved apply_stencil into a module.",
  files=[('logs/make.txt', GF_ERR), ('src/stencil_mod.f90', STENCIL_F90)], lang='fortran')


# ---------------------------------------------------------------------------
REL_CRIT = '''
release: thermokit 0.9.0
criteria:
  tests:
    failures: 0
    xfail_allowed_only_with_issue_link: true
  coverage:
    total_min: 80
    per_module_min:
      thermokit/core: 60
  benchmarks:
    baseline: 0.8.2
    max_slowdown_median: 0.10      # fractional, per benchmark
  docs:
    build_warnings: 0
  reference_outputs:
    rtol: 1.0e-10
'''

REL_JUNIT = '''
junit summary (3 jobs merged): tests=1184 failures=0 errors=0 skipped=21 xfailed=4 xpassed=1
xfailed:
  tests/core/test_eos.py::test_iapws_near_critical        reason="GH-212 loss of precision near Tc"
  tests/core/test_eos.py::test_peng_robinson_mixture      reason="slow convergence, see GH-230"
  tests/core/test_transport.py::test_viscosity_dilute_gas reason="temporary"
  tests/io/test_cti.py::test_legacy_units                 reason="GH-198"
xpassed:
  tests/core/test_flash.py::test_flash_three_phase        (strict=False)
'''

REL_COV = '''
Name                               Stmts   Miss  Cover
thermokit/core/eos.py                412     71    83%
thermokit/core/flash.py              388    162    58%
thermokit/core/transport.py          207     39    81%
thermokit/core/mixing.py             143     22    85%
thermokit/io/cti.py                  301     88    71%
thermokit/io/tables.py               156     12    92%
thermokit/cli.py                      94     61    35%
TOTAL                               1701    455    73%
'''

REL_BENCH = '''
benchmark                         0.8.2 median   0.9.0rc2 median   change
eos.pr_density_10k                 18.4 ms        18.9 ms          +2.7%
eos.iapws_region_lookup           212.0 us       231.0 us          +9.0%
flash.pt_flash_binary               4.21 ms        4.78 ms        +13.5%
flash.pt_flash_5comp               37.9 ms        35.2 ms          -7.1%
transport.chung_viscosity           1.12 ms        1.09 ms          -2.7%
tables.load_nist_co2              880.0 ms       612.0 ms         -30.5%
'''

REL_DOCS = '''
Running Sphinx v7.2.6
building [html]: targets for 48 source files that are out of date
reading sources... [100%] api/thermokit.io
docs/api/thermokit.core.rst:22: WARNING: duplicate object description of thermokit.core.flash.pt_flash
docs/tutorial/mixtures.ipynb: WARNING: cell 14 output exceeds 1MB, truncated
build succeeded, 2 warnings.
'''

t('medium', 'quality-gate',
  "Can you check thermokit 0.9.0rc2 against our release checklist? The criteria file and the CI "
  "outputs are attached. I'd like pass/fail per item and a clear answer on whether anything blocks "
  "the release.",
  files=[('release/criteria.yaml', REL_CRIT), ('ci/junit_summary.txt', REL_JUNIT),
         ('ci/coverage.txt', REL_COV), ('ci/bench_compare.txt', REL_BENCH),
         ('ci/docs_build.log', REL_DOCS)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
ASSEMBLE = r'''
using SparseArrays, LinearAlgebra, Base.Threads

struct TriMesh
    xy::Matrix{Float64}        # 2 x nnodes
    tri::Matrix{Int}           # 3 x nelements
end
nnodes(m::TriMesh) = size(m.xy, 2)
nelements(m::TriMesh) = size(m.tri, 2)

function local_stiffness!(Ke, m::TriMesh, e, coeff)
    n = m.tri[:, e]
    x = m.xy[:, n]
    B = [x[2,2]-x[2,3]  x[2,3]-x[2,1]  x[2,1]-x[2,2];
         x[1,3]-x[1,2]  x[1,1]-x[1,3]  x[1,2]-x[1,1]]
    area = 0.5 * abs(det([1 1 1; x]))
    Ke .= coeff(sum(x, dims=2) ./ 3) .* (B' * B) ./ (4area)
    return Ke
end

function assemble_threaded(m::TriMesh, coeff)
    nt = nthreads()
    I = [Int[] for _ in 1:nt]
    J = [Int[] for _ in 1:nt]
    V = [Float64[] for _ in 1:nt]
    Ke = [zeros(3, 3) for _ in 1:nt]
    @threads for e in 1:nelements(m)
        tid = threadid()
        nodes = m.tri[:, e]
        local_stiffness!(Ke[tid], m, e, coeff)
        for a in 1:3, b in 1:3
            push!(I[tid], nodes[a]); push!(J[tid], nodes[b]); push!(V[tid], Ke[tid][a, b])
        end
    end
    return sparse(vcat(I...), vcat(J...), vcat(V...), nnodes(m), nnodes(m))
end
'''

ASSEMBLE_TIMES = '''
mesh: annulus_fine.msh  nnodes=1_204_611  nelements=2_404_880   (32-core node, julia 1.10.3)
threads   median time   allocations      GC time
   1        3.08 s      72.1 M / 4.9 GiB    19%
   2        2.61 s      72.1 M / 4.9 GiB    31%
   4        2.19 s      72.1 M / 4.9 GiB    44%
   8        2.87 s      72.2 M / 4.9 GiB    58%
  16        4.81 s      72.2 M / 4.9 GiB    71%
'''

t('complex', 'performance-testing',
  "Assembling the stiffness matrix gets slower when I give Julia more threads: 3.1 s on 1 thread, "
  "2.2 s on 4, 4.8 s on 16 (32-core node). Code and timings below. I want to understand why, and I "
  "want a benchmark setup that tells me honestly whether a fix helps, on the node we actually run on.",
  files=[('src/assembly.jl', ASSEMBLE), ('bench/threads_scan.txt', ASSEMBLE_TIMES)],
  reqs=['the assembled matrix must stay bitwise identical to the serial one, or tell me why that is '
        'impossible'],
  lang='julia', fw='BenchmarkTools')


# ---------------------------------------------------------------------------
RESCALE_R = r'''
#' Rescale a numeric vector to [0, 1]
#'
#' Non-finite values are ignored when computing the range and kept as they are.
#' A constant vector maps to all zeros.
rescale01 <- function(x) {
  if (!is.numeric(x)) stop("x must be numeric")
  rng <- range(x, na.rm = TRUE, finite = TRUE)
  if (rng[1] == rng[2]) return(rep(0, length(x)))
  (x - rng[1]) / (rng[2] - rng[1])
}
'''

t('simple', 'test-generation',
  "testthat tests for rescale01() please, as tests/testthat/test-rescale.R.",
  files=[('R/rescale.R', RESCALE_R)], lang='r', fw='testthat')


# ---------------------------------------------------------------------------
FIT_R = r'''
fit_logistic <- function(df, time = "hours", value = "od600", blank = NULL,
                         min_points = 8, start = NULL) {
  if (!all(c(time, value) %in% names(df))) {
    stop(sprintf("columns '%s' and '%s' are required", time, value))
  }
  t <- df[[time]]
  y <- df[[value]]
  keep <- is.finite(t) & is.finite(y)
  if (any(!keep)) {
    warning(sprintf("dropping %d non-finite rows", sum(!keep)))
  }
  t <- t[keep]
  y <- y[keep]
  if (!is.null(blank)) {
    y <- y - blank
    if (any(y <= 0)) {
      y[y <= 0] <- min(y[y > 0]) / 2
    }
  }
  if (length(t) < min_points) {
    return(list(ok = FALSE, reason = "too few points", params = NULL))
  }
  if (is.null(start)) {
    K0 <- max(y) * 1.05
    N00 <- max(min(y), 1e-6)
    r0 <- log(K0 / N00) / (diff(range(t)) / 2)
    start <- list(K = K0, N0 = N00, r = r0)
  }
  fit <- tryCatch(
    minpack.lm::nlsLM(y ~ K / (1 + ((K - N0) / N0) * exp(-r * t)),
                      start = start, control = minpack.lm::nls.lm.control(maxiter = 200)),
    error = function(e) e
  )
  if (inherits(fit, "error")) {
    return(list(ok = FALSE, reason = conditionMessage(fit), params = NULL))
  }
  conv <- fit$convInfo$isConv
  p <- coef(fit)
  if (p[["r"]] <= 0 || p[["K"]] <= 0) {
    return(list(ok = FALSE, reason = "non-physical parameters", params = p))
  }
  list(ok = isTRUE(conv),
       reason = if (isTRUE(conv)) NA_character_ else fit$convInfo$stopMessage,
       params = p, doubling_time = log(2) / p[["r"]], rss = sum(residuals(fit)^2))
}
'''

COVR_OUT = '''
growthcurves Coverage: 64.38%
R/plots.R: 12.50%
R/read_platereader.R: 58.33%
R/fit_logistic.R: 61.11%
R/fit_gompertz.R: 70.59%
R/blanks.R: 88.24%
R/rescale.R: 100.00%

Uncovered lines in R/fit_logistic.R (covr::zero_coverage):
  4, 10, 16-18, 21, 36, 41-42, 44
'''

t('medium', 'coverage-analysis',
  "covr says 64% for growthcurves. The happy path of the fits is tested, I know that much. Which of "
  "the untested branches in fit_logistic.R are the ones where a fit could fail quietly and hand the "
  "biologists a wrong doubling time, and what tests would you add for them?",
  files=[('reports/covr.txt', COVR_OUT), ('R/fit_logistic.R', FIT_R)],
  lang='r', fw='testthat')


# ---------------------------------------------------------------------------
SWEEP = r'''
import itertools
import multiprocessing as mp
import os

import h5py
import numpy as np
from filelock import FileLock

from .model import simulate


def _write(path, key, result):
    with FileLock(path + ".lock"):
        with h5py.File(path, "a") as fh:
            grp = fh.require_group(key)
            for name, arr in result.items():
                if name in grp:
                    del grp[name]
                grp.create_dataset(name, data=arr, compression="gzip")


def _worker(args):
    path, params = args
    key = "D{:.3g}_k{:.3g}".format(params["D"], params["k"])
    result = simulate(**params)
    _write(path, key, result)
    return key


def run_sweep(path, D_values, k_values, n_procs=None):
    with h5py.File(path, "a") as fh:
        fh.attrs["n_points"] = len(D_values) * len(k_values)
        fh.attrs["git"] = os.environ.get("GIT_COMMIT", "unknown")
        done = set(fh.keys())
        grid = [dict(D=D, k=k) for D, k in itertools.product(D_values, k_values)]
        todo = [(path, p) for p in grid
                if "D{:.3g}_k{:.3g}".format(p["D"], p["k"]) not in done]
        with mp.Pool(n_procs) as pool:
            keys = pool.map(_worker, todo)
    return keys
'''

TEST_SWEEP = r'''
import h5py
import numpy as np

from rdsweep.sweep import run_sweep


def test_sweep_small(tmp_path):
    out = str(tmp_path / "sweep.h5")
    keys = run_sweep(out, D_values=[0.1, 0.2, 0.4], k_values=[1.0, 2.0], n_procs=4)
    assert len(keys) == 6
    with h5py.File(out, "r") as fh:
        assert fh.attrs["n_points"] == 6
        for k in keys:
            assert np.isfinite(fh[k]["u_final"][()]).all()
'''

SWEEP_LOG = r'''
[runner cn-ci02, TMPDIR on lustre, python 3.11.6, h5py 3.10.0 (HDF5 1.14.2), filelock 3.13.1]
run 1   tests/test_sweep.py::test_sweep_small PASSED                          [  4.1s]
run 2   tests/test_sweep.py::test_sweep_small PASSED                          [  3.9s]
run 3   tests/test_sweep.py::test_sweep_small FAILED
        multiprocessing.pool.RemoteTraceback:
          File "rdsweep/sweep.py", line 14, in _write
            with h5py.File(path, "a") as fh:
          File "h5py/_objects.pyx", line 54, in h5py._objects.with_phil.wrapper
        OSError: [Errno 5] Unable to synchronously open file (bad object header version number)
run 4   tests/test_sweep.py::test_sweep_small PASSED                          [  4.0s]
run 5   tests/test_sweep.py::test_sweep_small TIMEOUT after 600s (pytest-timeout)
        Thread 0x7f3b... (most recent call first):
          File "multiprocessing/pool.py", line 768 in wait
          File "rdsweep/sweep.py", line 37 in run_sweep
run 6..12 PASSED
laptop (ext4, macOS and Ubuntu): 200/200 PASSED
'''

t('complex', 'flaky-test-analysis',
  "test_sweep_small hangs maybe one run in ten on the cluster's CI runner, and sometimes instead dies "
  "with a corrupt-HDF5 error. Never on my laptop. Each worker writes into one shared HDF5 file, but "
  "there's a lock around the write, so I don't see how they can collide.",
  files=[('rdsweep/sweep.py', SWEEP), ('tests/test_sweep.py', TEST_SWEEP),
         ('logs/ci_test_sweep_x12.txt', SWEEP_LOG)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
_RUFF_FILES = ['src/oceanmix/grid.py', 'src/oceanmix/eos.py', 'src/oceanmix/mixing/kpp.py',
               'src/oceanmix/mixing/tke.py', 'src/oceanmix/io/nc.py', 'scripts/plot_profiles.py']


def _ruff(i):
    f = _RUFF_FILES[i % 6]
    ln = 8 + (i * 23) % 400
    if i == 17:
        return '%s:%d:1: F401 [*] `scipy.interpolate.interp1d` imported but unused' % (f, ln)
    if i == 52:
        return '%s:%d:12: F821 Undefined name `rho_ref`' % (f, ln)
    if i == 64:
        return '%s:%d:5: F841 [*] Local variable `dz_half` is assigned to but never used' % (f, ln)
    if i % 4 == 1:
        return '%s:%d:1: W291 [*] Trailing whitespace' % (f, ln)
    if i % 9 == 0:
        return '%s:%d:5: E741 Ambiguous variable name: `l`' % (f, ln)
    return '%s:%d:%d: E501 Line too long (%d > 88)' % (f, ln, 89, 89 + (i * 7) % 40)


RUFF_OUT = lines(80, _ruff) + '\nFound 80 errors.\n[*] 23 fixable with the `--fix` option.\n'

t('simple', 'quality-gate',
  "Our merge rule: no F codes at all and no E9; style things like E501, E741 and W are tolerated for "
  "now. Here's ruff on the PR. Pass or fail, and if fail, which lines?",
  files=[('ci/ruff.txt', RUFF_OUT)], lang='python')


# ---------------------------------------------------------------------------
SPECTRA = r'''
import numpy as np
from scipy import signal


def detrend_poly(x, order=1):
    t = np.arange(len(x), dtype=float)
    coef = np.polynomial.polynomial.polyfit(t, x, order)
    return x - np.polynomial.polynomial.polyval(t, coef)


def taper(n, kind="hann", alpha=0.1):
    if kind == "hann":
        return np.hanning(n)
    if kind == "tukey":
        return signal.windows.tukey(n, alpha)
    raise ValueError(kind)


def welch_psd(x, fs, nperseg=4096, overlap=0.5, window="hann"):
    step = int(nperseg * (1 - overlap))
    w = taper(nperseg, window)
    scale = 1.0 / (fs * np.sum(w ** 2))
    nseg = 1 + (len(x) - nperseg) // step
    acc = np.zeros(nperseg // 2 + 1)
    for k in range(nseg):
        seg = detrend_poly(x[k * step:k * step + nperseg], 1) * w
        acc += np.abs(np.fft.rfft(seg)) ** 2
    psd = acc * scale / nseg
    psd[1:-1] *= 2
    return np.fft.rfftfreq(nperseg, 1 / fs), psd


def log_bin(f, p, bins_per_decade=10):
    mask = f > 0
    lf = np.log10(f[mask])
    edges = np.arange(np.floor(lf.min()), np.ceil(lf.max()) + 1e-9, 1 / bins_per_decade)
    idx = np.digitize(lf, edges)
    fb = np.array([f[mask][idx == i].mean() for i in np.unique(idx)])
    pb = np.array([p[mask][idx == i].mean() for i in np.unique(idx)])
    return fb, pb
'''

ASV_CONF = '''
{
    "version": 1,
    "project": "turbspec",
    "project_url": "https://git.example-university.edu/fluids/turbspec",
    "repo": ".",
    "branches": ["main"],
    "environment_type": "virtualenv",
    "pythons": ["3.11"],
    "matrix": {"req": {"numpy": ["1.26"], "scipy": ["1.12"]}},
    "benchmark_dir": "benchmarks",
    "results_dir": ".asv/results",
    "html_dir": ".asv/html"
}
'''

t('medium', 'performance-testing',
  "Could you set up asv benchmarks for spectra.py so we notice when someone makes welch_psd slower? "
  "Sizes from 2^10 to 2^22 samples. I don't want the timing to include generating the random test "
  "signal. asv.conf.json is already there.",
  files=[('turbspec/spectra.py', SPECTRA), ('asv.conf.json', ASV_CONF)],
  reqs=['parametrise over signal length, and over nperseg for welch_psd',
        'also track peak memory of welch_psd',
        'results must be comparable across commits on the same machine'],
  lang='python', fw='asv')


# ---------------------------------------------------------------------------
DASK_TASKS = r'''
import dask
import xarray as xr
from dask.distributed import Client, as_completed

from .writer import write_member
from .diagnostics import compute_diagnostics


def process_member(member_id, path, out_root):
    ds = xr.open_dataset(path, chunks={"time": 48})
    diag = compute_diagnostics(ds)             # ~ 2-6 GB peak per member
    n = write_member(diag, member_id, out_root)
    return member_id, n


def run_ensemble(client: Client, members, out_root):
    futures = [client.submit(process_member, m.id, m.path, out_root, key=f"member-{m.id}",
                             retries=3, pure=False) for m in members]
    done = {}
    for fut in as_completed(futures):
        mid, n = fut.result()
        done[mid] = n
    return done
'''

DASK_WRITER = r'''
import uuid

import pyarrow as pa
import pyarrow.parquet as pq


def write_member(diag, member_id, out_root):
    df = diag.to_dataframe().reset_index()
    df["member_id"] = member_id
    table = pa.Table.from_pandas(df, preserve_index=False)
    # one file per call inside the member's partition directory
    pq.write_to_dataset(table, root_path=out_root, partition_cols=["member_id"],
                        basename_template=f"part-{uuid.uuid4().hex}-{{i}}.parquet",
                        max_rows_per_file=2_000_000)
    return len(df)
'''

DASK_MERGE = r'''
import pandas as pd


def merge(out_root, merged_path):
    df = pd.read_parquet(out_root)
    df = df.sort_values(["member_id", "time"])
    df.to_parquet(merged_path, index=False)
    return len(df)
'''

JOBQUEUE = '''
jobqueue:
  slurm:
    cores: 32
    processes: 8
    memory: 120GB
    walltime: "04:00:00"
    queue: preemptible
    job-extra-directives: ["--requeue"]
    worker-extra-args: ["--lifetime", "230m", "--lifetime-stagger", "10m", "--lifetime-restart"]
distributed:
  worker:
    memory:
      target: 0.6
      spill: 0.7
      pause: 0.8
      terminate: 0.95
  scheduler:
    allowed-failures: 3
'''

DASK_WORKER_LOG = (
    lines(14, lambda i: '2024-05-21 %02d:%02d:%02d,%03d - distributed.worker - INFO - Starting Worker '
          'plugin / computing member-%04d' % (1 + i // 6, (i * 7) % 60, (i * 13) % 60, (i * 97) % 1000,
                                               1000 + i * 37))
    + '\n2024-05-21 03:41:12,882 - distributed.nanny.memory - WARNING - Worker '
      'tcp://10.3.7.21:40211 (pid=88213) exceeded 95% memory budget. Restarting...\n'
      '2024-05-21 03:41:13,020 - distributed.nanny - INFO - Worker process 88213 was killed by signal 15\n'
      '2024-05-21 03:41:13,455 - distributed.scheduler - INFO - Task member-1407 marked as failed '
      'because 1 workers died while trying to run it\n'
      '2024-05-21 03:41:13,456 - distributed.scheduler - INFO - Retrying member-1407 (1/3)\n'
      '2024-05-21 03:52:40,117 - distributed.worker - INFO - Lifetime exceeded, closing gracefully\n'
      '2024-05-21 03:52:44,610 - distributed.scheduler - INFO - Remove worker tcp://10.3.9.4:39117 '
      '(processing: member-1522)\n'
      '2024-05-21 03:52:44,611 - distributed.scheduler - INFO - Retrying member-1522 (1/3)\n'
      'slurmstepd: error: *** JOB 8812410 ON cn-p044 CANCELLED AT 2024-05-21T04:07:31 DUE TO PREEMPTION ***\n'
)

DUP_CHECK = '''
merged rows: 412,338,904   unique (member_id, time, lev): 411,907,216   duplicates: 431,688
members with duplicates: 1407, 1522, 1688, 1690   (ensemble size 2000)
for each: duplicate rows == full member row count, except 1690: 212,544 of 1,054,080
small runs (200 members, non-preemptible queue): 0 duplicates in 14 runs
'''

t('complex', 'defect-analysis',
  "Every few big runs, the merged parquet for a simulation ensemble has some rows twice (same member, "
  "same time and level), around 0.1%. Smaller runs never do. Code, the dask-jobqueue config, worker "
  "logs from the worst run and my duplicate check are attached. I need to know why, and how to make it "
  "impossible, not just dedupe at the end.",
  files=[('ensemble/tasks.py', DASK_TASKS), ('ensemble/writer.py', DASK_WRITER),
         ('ensemble/merge.py', DASK_MERGE), ('config/jobqueue.yaml', JOBQUEUE),
         ('logs/dask_worker_0521.log', DASK_WORKER_LOG), ('logs/dup_check_0521.txt', DUP_CHECK)],
  lang='python', fw='dask')


# ---------------------------------------------------------------------------
PLOT_SCRIPT = r'''
import matplotlib.pyplot as plt
import pandas as pd

df = pd.read_csv("data/probe_07.csv", parse_dates=["time"])
df = df.set_index("time")
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(df.index, df["temperature"], lw=0.8)
ax.set_ylabel("T [K]")
fig.savefig("figs/probe_07.png", dpi=200)
'''

PROBE_HEAD = '''
time, temperature, pressure
2024-02-01T00:00:00, 293.41, 101281.2
2024-02-01T00:00:10, 293.44, 101280.7
'''

PROBE_TB = r'''
Traceback (most recent call last):
  File "pandas/core/indexes/base.py", line 3805, in get_loc
KeyError: 'temperature'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "scripts/plot_probe.py", line 7, in <module>
    ax.plot(df.index, df["temperature"], lw=0.8)
KeyError: 'temperature'
'''

t('simple', 'defect-analysis',
  "KeyError: 'temperature', but the column is clearly in the file?? Script, first lines of the CSV "
  "and the traceback attached.",
  files=[('scripts/plot_probe.py', PLOT_SCRIPT), ('data/probe_07_head.csv', PROBE_HEAD),
         ('logs/traceback.txt', PROBE_TB)], lang='python')


# ---------------------------------------------------------------------------
MTIME_CACHE = r'''
import hashlib
import os
import pickle


class DerivedCache:
    """Cache derived arrays next to their source file; rebuild if the source is newer."""

    def __init__(self, cache_dir):
        self.cache_dir = cache_dir
        os.makedirs(cache_dir, exist_ok=True)

    def _cache_path(self, src):
        h = hashlib.sha1(os.path.abspath(src).encode()).hexdigest()[:16]
        return os.path.join(self.cache_dir, h + ".pkl")

    def is_fresh(self, src):
        cp = self._cache_path(src)
        return os.path.exists(cp) and os.path.getmtime(cp) >= os.path.getmtime(src)

    def get(self, src, build):
        cp = self._cache_path(src)
        if self.is_fresh(src):
            with open(cp, "rb") as fh:
                return pickle.load(fh)
        value = build(src)
        with open(cp, "wb") as fh:
            pickle.dump(value, fh)
        return value
'''

TEST_CACHE = r'''
from pipeline.cache import DerivedCache


def test_cache_invalidated_on_change(tmp_path):
    src = tmp_path / "field.txt"
    src.write_text("1 2 3\n")
    cache = DerivedCache(str(tmp_path / "cache"))
    build = lambda p: sum(map(float, open(p).read().split()))
    assert cache.get(str(src), build) == 6.0
    src.write_text("1 2 4\n")
    assert cache.get(str(src), build) == 7.0
'''

CACHE_LOG = r'''
[login2, basetemp on NFS home, pytest 8.1.1]
tests/test_cache.py::test_cache_invalidated_on_change FAILED
>       assert cache.get(str(src), build) == 7.0
E       assert 6.0 == 7.0
$ stat -c '%n %y' field.txt cache/*.pkl   (from a failing run, kept with --basetemp)
field.txt                      2024-03-07 14:22:31.000000000 +0100
cache/5b1e0c0f9d2a7c41.pkl     2024-03-07 14:22:31.000000000 +0100
pass rate: login2 (NFS) 37/50, laptop (ext4) 500/500, compute node local /tmp 200/200
'''

t('medium', 'flaky-test-analysis',
  "test_cache_invalidated_on_change fails now and then when I run the suite on the login node (home "
  "is on NFS), never on my laptop. The cache, the test and a log with the file timestamps are "
  "attached. Is the cache wrong or the test?",
  files=[('pipeline/cache.py', MTIME_CACHE), ('tests/test_cache.py', TEST_CACHE),
         ('logs/login2_failures.txt', CACHE_LOG)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
CKPT_C = r'''
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 64
#define NAME_LEN 32

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t n_fields;
    uint64_t nx, ny, nz;
    char names[MAX_FIELDS][NAME_LEN];
    double *data[MAX_FIELDS];
} checkpoint_t;

int read_checkpoint(const char *path, checkpoint_t *cp)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    if (fread(cp->magic, 1, 8, f) != 8 || memcmp(cp->magic, "CKPTv2\0\0", 8) != 0) {
        fclose(f);
        return -2;
    }
    fread(&cp->version, sizeof(uint32_t), 1, f);
    fread(&cp->n_fields, sizeof(uint32_t), 1, f);
    fread(&cp->nx, sizeof(uint64_t), 3, f);
    for (uint32_t i = 0; i < cp->n_fields; i++) {
        uint16_t len;
        fread(&len, sizeof len, 1, f);
        fread(cp->names[i], 1, len, f);
        cp->names[i][len] = '\0';
    }
    size_t cells = cp->nx * cp->ny * cp->nz;
    for (uint32_t i = 0; i < cp->n_fields; i++) {
        cp->data[i] = malloc(cells * sizeof(double));
        if (fread(cp->data[i], sizeof(double), cells, f) != cells) {
            fclose(f);
            return -3;
        }
    }
    fclose(f);
    return 0;
}
'''

# why: only ~45 lines, but it parses files from outside the lab with file-controlled lengths
# into fixed buffers and a multiplied allocation size: memory-safety of untrusted input is security-critical
t('complex', 'security-scan',
  "Collaborators send us restart files through a shared drive and we load them with this. Anything "
  "to worry about?",
  files=[('src/checkpoint_read.c', CKPT_C)], lang='c')


# ---------------------------------------------------------------------------
_CONV = [
    ('ev_to_joule', 'ev_to_joule(1.0)', '1.602176634e-19', 25),
    ('joule_to_ev', 'joule_to_ev(1.602176634e-19)', '1.0', 12),
    ('hartree_to_ev', 'hartree_to_ev(1.0)', '27.211386245988', 9),
    ('ev_to_hartree', 'ev_to_hartree(27.211386245988)', '1.0', 9),
    ('bohr_to_angstrom', 'bohr_to_angstrom(1.0)', '0.529177210903', 11),
    ('angstrom_to_bohr', 'angstrom_to_bohr(0.529177210903)', '1.0', 11),
    ('kelvin_to_ev', 'kelvin_to_ev(11604.518)', '1.0', 6),
    ('ev_to_kelvin', 'ev_to_kelvin(1.0)', '11604.518', 2),
    ('kcalmol_to_ev', 'kcalmol_to_ev(1.0)', '0.0433641', 6),
    ('ev_to_kcalmol', 'ev_to_kcalmol(1.0)', '23.0605', 3),
    ('kjmol_to_ev', 'kjmol_to_ev(96.485332)', '1.0', 6),
    ('wavenumber_to_ev', 'wavenumber_to_ev(8065.544)', '1.0', 5),
    ('ev_to_wavenumber', 'ev_to_wavenumber(1.0)', '8065.544', 2),
    ('amu_to_kg', 'amu_to_kg(1.0)', '1.66053906660e-27', 36),
    ('bar_to_pascal', 'bar_to_pascal(1.0)', '1e5', 7),
    ('atm_to_pascal', 'atm_to_pascal(1.0)', '101325.0', 7),
    ('gpa_to_ev_per_a3', 'gpa_to_ev_per_a3(160.21766)', '1.0', 5),
    ('fs_to_au_time', 'fs_to_au_time(1.0)', '41.341374575751', 8),
]


def _ut_method(i):
    name, call, exp, places = _CONV[i]
    if i % 6 == 5:
        return ('    def test_%s_roundtrip(self):\n'
                '        x = np.linspace(0.1, 10.0, 7)\n'
                '        back = %s(%s(x))\n'
                '        for a, b in zip(x, back):\n'
                '            self.assertAlmostEqual(a, b, places=12)\n'
                '        self.assertEqual(back.shape, x.shape)\n') % (
                    name, _CONV[i - 1][0], name)
    return ('    def test_%s(self):\n'
            '        self.assertAlmostEqual(%s, %s, places=%d)\n'
            '        self.assertTrue(%s > 0)\n') % (name, call, exp, places, call)


UT_FILE = ('import unittest\n\nimport numpy as np\n\nfrom qcunits.convert import *  # noqa: F403\n\n\n'
           'class TestConversions(unittest.TestCase):\n\n'
           + lines(18, _ut_method)
           + '\n\n    def test_negative_energy_raises(self):\n'
             '        with self.assertRaises(ValueError):\n'
             '            kelvin_to_ev(-1.0)\n\n\n'
             "if __name__ == '__main__':\n    unittest.main()\n")

t('simple', 'test-generation',
  "Please turn this old unittest file into plain pytest functions. Same checks, nothing new. Use "
  "pytest.approx (or numpy.testing for arrays) where it has assertAlmostEqual, and keep the places= "
  "precision equivalent.",
  files=[('tests/test_convert.py', UT_FILE)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
NOXFILE = r'''
import nox

nox.options.sessions = ["tests"]


@nox.session(python="3.11")
@nox.parametrize("numpy", ["1.26.4", "2.1.3"])
def tests(session, numpy):
    session.install(f"numpy=={numpy}", "scipy>=1.13", "pandas>=2.2", "xarray>=2024.6")
    session.install("-e", ".[test]", "--no-deps")
    session.run("pytest", "-q", "-p", "no:cacheprovider", "--junitxml",
                f"reports/junit-np{numpy}.xml", *session.posargs)
'''

NP_LEGACY = r'''
import numpy as np


def as_float_grid(values):
    return np.array(values, dtype=np.float_, copy=False)


def fill_ghosts(u, ng):
    out = np.pad(u, ng, mode="wrap")
    out.setflags(write=True)
    return out


def describe(x):
    return f"min={np.min(x)!r} max={np.max(x)!r}"


def safe_int_sum(a):
    return np.sum(np.asarray(a, dtype=np.int32)) + np.int32(2**31 - 1)
'''

t('medium', 'test-execution',
  "Can you run our suite against numpy 1.26 and numpy 2.1 with the noxfile below and tell me which "
  "failures are new under 2.x, and which numpy change each one comes from? We have to support both "
  "for another year. I've attached the module I suspect most.",
  files=[('noxfile.py', NOXFILE), ('src/gridkit/legacy.py', NP_LEGACY)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
REL3_CRIT = '''
# Release criteria for flowsolve 3.x (agreed at group meeting 2023-11)
1. All unit and integration tests pass on linux-x86_64, macos-arm64 and windows-x86_64.
2. Line coverage >= 75% overall; the solver core (src/core) >= 85%.
3. Reference cases: every output quantity within its tolerance class
   - class A (conserved integrals): rel <= 1e-12
   - class B (field norms): rel <= 1e-9
   - class C (derived diagnostics, e.g. drag, Nusselt): rel <= 1e-6
   Platform differences beyond these need an explanation in the release notes.
4. No benchmark more than 15% slower than the previous release (linux only).
'''

REL3_LINUX = ('platform linux-x86_64 (gcc 12, OpenBLAS 0.3.26)\n'
              'unit: 1412 passed, 0 failed, 6 skipped\nintegration: 48 passed, 0 failed\n'
              'reference cases: 31/31 within tolerance\n')
REL3_MAC = ('platform macos-arm64 (clang 15, Accelerate)\n'
            'unit: 1410 passed, 0 failed, 8 skipped\nintegration: 47 passed, 1 failed\n'
            '  FAILED integration/test_cylinder_re100.py::test_strouhal  St=0.16462 expected 0.16470 rtol=1e-4\n'
            'reference cases: 27/31 within tolerance (see reference_diff_macos_arm64.csv)\n')
REL3_WIN = ('platform windows-x86_64 (MSVC 19.38, MKL 2024.1)\n'
            'unit: 1398 passed, 0 failed, 20 skipped\nintegration: 48 passed, 0 failed\n'
            'reference cases: 31/31 within tolerance\n')
REL3_COV = ('Name                 Stmts   Miss  Cover\nsrc/core          6120    802    87%\n'
            'src/io            2311    611    74%\nsrc/post          1874    702    63%\n'
            'src/cli            410    288    30%\nTOTAL            10715   2403    78%\n')

_REF_Q = ['mass_total', 'momentum_x_total', 'energy_total', 'enstrophy_total', 'u_L2', 'v_L2', 'p_L2',
          'omega_Linf', 'T_L2', 'drag_coeff', 'lift_rms', 'strouhal', 'nusselt_mean', 'wall_shear_max',
          'recirc_length', 'separation_angle']
_REF_CASES = ['cylinder_re100', 'cavity_re1000']


def _refrow(i):
    q = _REF_Q[i % 16]
    case = _REF_CASES[i // 16]
    cls = 'A' if i % 16 < 4 else ('B' if i % 16 < 9 else 'C')
    rel = {'A': 3e-15, 'B': 2e-12, 'C': 4e-9}[cls] * (1 + (i * 7) % 5)
    if (case, q) == ('cylinder_re100', 'strouhal'):
        rel = 4.9e-4
    if (case, q) == ('cylinder_re100', 'lift_rms'):
        rel = 2.1e-3
    if (case, q) == ('cavity_re1000', 'omega_Linf'):
        rel = 3.4e-8
    if (case, q) == ('cylinder_re100', 'energy_total'):
        rel = 8.8e-13
    return '%s,%s,%s,%.3e' % (case, q, cls, rel)


REL3_REFDIFF = 'case,quantity,class,rel_diff_vs_linux_reference\n' + lines(32, _refrow)

REL3_BENCH = ('benchmark (linux)            2.4.1      3.0.0rc1   change\n'
              'cylinder_re100_1000steps     412.1 s    398.7 s    -3.3%\n'
              'cavity_re1000_512x512        233.4 s    251.0 s    +7.5%\n'
              'channel_les_coarse          1841.0 s   2203.9 s   +19.7%\n'
              'io_write_snapshot_8GB         61.2 s     44.0 s   -28.1%\n')

# why: seven artefacts, and the deciding item is whether macOS reference deviations (lift, Strouhal)
# are acceptable FP differences or a real bug, which needs numerical judgement, not threshold checks
t('complex', 'quality-gate',
  "We're about to release v3.0 of the solver that goes with our paper. Attached is everything CI "
  "produced on the three platforms, plus the reference-case comparison and our criteria. Is it "
  "releasable? Some of the macOS-arm64 reference diffs worry me and I can't tell whether they are "
  "real or just a different BLAS.",
  files=[('release/CRITERIA.md', REL3_CRIT), ('ci/linux-x86_64.txt', REL3_LINUX),
         ('ci/macos-arm64.txt', REL3_MAC), ('ci/windows-x86_64.txt', REL3_WIN),
         ('ci/coverage.txt', REL3_COV), ('ci/reference_diff_macos_arm64.csv', REL3_REFDIFF),
         ('ci/bench_linux.txt', REL3_BENCH)],
  lang='cpp')


# ---------------------------------------------------------------------------
UNITS_DOCTEST = r'''
"""Small unit helpers used in the notebooks."""

R_GAS = 8.314462618  # J / (mol K)


def celsius_to_kelvin(t):
    """
    >>> celsius_to_kelvin(0)
    273.15
    >>> celsius_to_kelvin(-273.15)
    0.0
    """
    return t + 273.15


def molar_volume(p, t):
    """Ideal-gas molar volume in m^3/mol.

    >>> round(molar_volume(101325.0, 273.15), 6)
    0.022414
    """
    return R_GAS * t / p


def ppm_to_fraction(x):
    """
    >>> ppm_to_fraction(420)
    0.00042
    """
    return x * 1e-6
'''

t('simple', 'test-execution',
  "Run the doctests in units.py (pytest --doctest-modules is fine) and tell me whether they pass.",
  files=[('src/labutils/units.py', UNITS_DOCTEST)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
EOS_PY = r'''
from functools import lru_cache

import numpy as np

from .tables import TABLE_DIR


@lru_cache(maxsize=None)
def load_eos_table(name):
    """Returns (T [K], rho [kg/m^3], p [Pa]) arrays for a tabulated EOS."""
    data = np.loadtxt(TABLE_DIR / f"{name}.dat", comments="#")
    return data[:, 0], data[:, 1], data[:, 2]


def to_cgs(table):
    T, rho, p = table
    rho *= 1e-3            # kg/m^3 -> g/cm^3
    p *= 10.0              # Pa -> dyn/cm^2
    return T, rho, p


def sound_speed(name, T_query, rho_query):
    T, rho, p = load_eos_table(name)
    i = np.argmin(np.abs(T - T_query) + np.abs(rho - rho_query) / rho.max())
    j = min(i + 1, len(rho) - 1)
    dp_drho = (p[j] - p[i]) / (rho[j] - rho[i])
    return float(np.sqrt(dp_drho))
'''

TEST_EOS = r'''
import pytest

from materials.eos import load_eos_table, sound_speed, to_cgs


def test_sound_speed_water():
    c = sound_speed("water_iapws_subset", 293.15, 998.2)
    assert c == pytest.approx(1482.0, rel=0.02)


def test_to_cgs_density_scale():
    T, rho, p = to_cgs(load_eos_table("water_iapws_subset"))
    assert rho.max() == pytest.approx(1.0, rel=0.01)


def test_table_monotonic_in_T():
    T, _, _ = load_eos_table("water_iapws_subset")
    assert (T[1:] >= T[:-1]).all()
'''

EOS_LOG = r'''
$ pytest -q tests/test_eos.py -p randomly --randomly-seed=1234
Using --randomly-seed=1234
..F
________________________________ test_sound_speed_water ________________________________
>       assert c == pytest.approx(1482.0, rel=0.02)
E       assert 148207.4... == 1482.0 +- 29.6
1 failed, 2 passed in 0.41s
$ pytest -q tests/test_eos.py -p randomly --randomly-seed=42
Using --randomly-seed=42
...
3 passed in 0.38s
$ pytest -q tests/test_eos.py::test_sound_speed_water
.
1 passed in 0.35s
'''

t('medium', 'flaky-test-analysis',
  "test_sound_speed_water fails only with some pytest-randomly seeds: 1234 fails, 42 passes, and on "
  "its own it always passes. The module, the tests and the log are attached.",
  files=[('materials/eos.py', EOS_PY), ('tests/test_eos.py', TEST_EOS),
         ('logs/randomly_seeds.txt', EOS_LOG)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
PYCOV_MULTI = '''
Name                                  Stmts   Miss  Cover
src/hydro/__init__.py                    12      0   100%
src/hydro/wrappers/solver.py            188     21    89%
src/hydro/wrappers/eos.py                74      3    96%
src/hydro/post/diagnostics.py           231     62    73%
src/hydro/cli.py                        120     30    75%
TOTAL                                   625     116   81%
'''


def _gcov_lines(src, hits):
    out = []
    for k, (code, h) in enumerate(zip(src, hits), start=1):
        out.append('%9s:%5d:%s' % (h, k, code))
    return '\n'.join(out)


_FLUX_SRC = ['module fluxes', '  use kinds, only: dp', '  implicit none', 'contains',
             '  subroutine riemann_hllc(ql, qr, f, ierr)', '    real(dp), intent(in) :: ql(5), qr(5)',
             '    real(dp), intent(out) :: f(5)', '    integer, intent(out) :: ierr',
             '    real(dp) :: sl, sr, sm', '    ierr = 0', '    call wave_speeds(ql, qr, sl, sr, sm)',
             '    if (sl >= 0.0_dp) then', '      f = phys_flux(ql)', '    else if (sm >= 0.0_dp) then',
             '      f = star_flux(ql, sl, sm)', '    else if (sr > 0.0_dp) then',
             '      f = star_flux(qr, sr, sm)', '    else', '      f = phys_flux(qr)', '    end if',
             '    if (any(f /= f)) then', '      ierr = 1', '      f = hll_fallback(ql, qr, sl, sr)',
             '    end if', '    if (ql(1) <= 0.0_dp .or. qr(1) <= 0.0_dp) then', '      ierr = 2',
             '    end if', '  end subroutine riemann_hllc', 'end module fluxes']
_FLUX_HITS = ['-', '-', '-', '-', '81920000', '-', '-', '-', '-', '81920000', '81920000', '81920000',
              '3120441', '78799559', '40011873', '38787686', '38787686', '#####', '#####', '-',
              '81920000', '#####', '#####', '-', '81920000', '#####', '-', '81920000', '-']
GCOV_FLUX = '        -:    0:Source:src/kernels/fluxes.f90\n' + _gcov_lines(_FLUX_SRC, _FLUX_HITS)

_EOS_SRC = ['module eos_kernels', '  use kinds, only: dp', '  implicit none', 'contains',
            '  elemental function pressure(rho, e, gam) result(p)', '    real(dp), intent(in) :: rho, e, gam',
            '    real(dp) :: p', '    p = (gam - 1.0_dp) * rho * e', '    if (p < 0.0_dp) p = 1.0e-12_dp',
            '  end function pressure', '  elemental function sound_speed(rho, p, gam) result(c)',
            '    real(dp), intent(in) :: rho, p, gam', '    real(dp) :: c',
            '    c = sqrt(gam * max(p, 0.0_dp) / rho)', '  end function sound_speed',
            '  subroutine tabulated_pressure(rho, e, p, table, ierr)',
            '    real(dp), intent(in) :: rho(:), e(:)', '    real(dp), intent(out) :: p(:)',
            '    type(eos_table), intent(in) :: table', '    integer, intent(out) :: ierr',
            '    ierr = 0', '    call bilinear(table, rho, e, p, ierr)',
            '    if (ierr /= 0) call extrapolate_ideal(rho, e, p)', '  end subroutine tabulated_pressure',
            'end module eos_kernels']
_EOS_HITS = ['-', '-', '-', '-', '163840000', '-', '-', '163840000', '163840000', '-', '81920000', '-',
             '-', '81920000', '-', '#####', '-', '-', '-', '-', '#####', '#####', '#####', '-', '-']
GCOV_EOS = '        -:    0:Source:src/kernels/eos.f90\n' + _gcov_lines(_EOS_SRC, _EOS_HITS)

_GRID_SRC = ['#include <Python.h>', '#include <numpy/arrayobject.h>', '',
             'static PyObject *remap_conservative(PyObject *self, PyObject *args) {',
             '    PyArrayObject *src, *w, *out;', '    if (!PyArg_ParseTuple(args, "O!O!O!", &PyArray_Type, &src,',
             '                          &PyArray_Type, &w, &PyArray_Type, &out))', '        return NULL;',
             '    if (PyArray_NDIM(src) != 1 || PyArray_NDIM(out) != 1) {',
             '        PyErr_SetString(PyExc_ValueError, "1-D arrays expected");', '        return NULL;', '    }',
             '    npy_intp n = PyArray_DIM(out, 0), m = PyArray_DIM(src, 0);',
             '    double *s = PyArray_DATA(src), *o = PyArray_DATA(out), *ww = PyArray_DATA(w);',
             '    for (npy_intp i = 0; i < n; i++) {', '        double acc = 0.0, wsum = 0.0;',
             '        for (npy_intp j = 0; j < m; j++) {', '            double wij = ww[i * m + j];',
             '            if (wij == 0.0) continue;', '            acc += wij * s[j]; wsum += wij;', '        }',
             '        o[i] = wsum > 0.0 ? acc / wsum : NAN;', '    }', '    Py_RETURN_NONE;', '}']
_GRID_HITS = ['-', '-', '-', '212', '-', '212', '-', '#####', '212', '#####', '#####', '-', '212', '212',
              '54272', '54272', '13893632', '13893632', '13893632', '409600', '-', '54272', '-', '212', '-']
GCOV_GRID = '        -:    0:Source:src/ext/fastgrid.c\n' + _gcov_lines(_GRID_SRC, _GRID_HITS)

SOLVER_WRAP = r'''
import numpy as np

from hydro._kernels import fluxes, eos_kernels
from hydro._fastgrid import remap_conservative


class Solver:
    def __init__(self, grid, eos="ideal", gamma=1.4, table=None):
        self.grid = grid
        self.eos = eos
        self.gamma = gamma
        self.table = table

    def pressure(self, rho, e):
        if self.eos == "ideal":
            return eos_kernels.pressure(rho, e, self.gamma)
        p, ierr = eos_kernels.tabulated_pressure(rho, e, self.table)
        if ierr:
            import warnings
            warnings.warn("EOS table out of range, extrapolated with ideal gas")
        return p

    def step(self, q, dt):
        f, ierr = fluxes.riemann_hllc(q[:-1], q[1:])
        if np.any(ierr == 2):
            raise FloatingPointError("negative density at interface")
        return q - dt / self.grid.dx * np.diff(f, axis=0, prepend=0.0)

    def remap(self, q, weights, new_grid):
        out = np.empty(new_grid.n)
        remap_conservative(np.ascontiguousarray(q), weights, out)
        return out
'''

MESON = r'''
project('hydro', 'c', 'fortran', version : '1.6.0')
py = import('python').find_installation(pure : false)
add_project_arguments('-fprofile-arcs', '-ftest-coverage', language : ['c', 'fortran'])
add_project_link_arguments('-lgcov', language : ['c', 'fortran'])
numpy_inc = run_command(py, ['-c', 'import numpy; print(numpy.get_include())'], check : true).stdout().strip()
py.extension_module('_kernels', ['src/kernels/fluxes.f90', 'src/kernels/eos.f90', 'build/_kernelsmodule.c'],
                    include_directories : [numpy_inc], install : true, subdir : 'hydro')
py.extension_module('_fastgrid', 'src/ext/fastgrid.c', include_directories : [numpy_inc],
                    install : true, subdir : 'hydro')
'''

t('complex', 'coverage-analysis',
  "Coverage says 81%, but that's only the Python layer. I finally got gcov output for the Fortran "
  "kernels and the C extension as well. I want one picture of what isn't tested across all three "
  "languages, ranked by how badly an untested path could corrupt the physics, not by line counts.",
  files=[('coverage/python.txt', PYCOV_MULTI), ('coverage/fluxes.f90.gcov', GCOV_FLUX),
         ('coverage/eos.f90.gcov', GCOV_EOS), ('coverage/fastgrid.c.gcov', GCOV_GRID),
         ('src/hydro/wrappers/solver.py', SOLVER_WRAP), ('meson.build', MESON)],
  lang='fortran')


# ---------------------------------------------------------------------------
PUBLISH_SH = r'''
#!/bin/bash
#SBATCH --job-name=publish_ens
#SBATCH --time=02:00:00
#SBATCH --mem=8G
#SBATCH --mail-user=r.weber@example-university.edu
#SBATCH --mail-type=END,FAIL

module load python/3.11
source "$HOME/venvs/ens/bin/activate"

export ZENODO_TOKEN="zen_FAKE_3f9a1c7e0b2d4e6f8a1c3e5f7a9b0d2e_NOT_REAL"
DEPOSITION=10982731
OUT="$SCRATCH/ensemble_2024/publish"

python tools/pack_ensemble.py --in "$SCRATCH/ensemble_2024/merged" --out "$OUT/ens2024.tar.zst"
sha256sum "$OUT/ens2024.tar.zst" > "$OUT/ens2024.sha256"

curl --fail -H "Authorization: Bearer $ZENODO_TOKEN" \
     --upload-file "$OUT/ens2024.tar.zst" \
     "https://zenodo.org/api/files/bucket-$DEPOSITION/ens2024.tar.zst"
'''

# why: a 25-line script where the problem is a literal token in plain sight: pattern spotting, no
# reasoning about code paths, so simple despite being a security scan
t('simple', 'security-scan',
  "I'm about to push our job scripts to the group's public GitHub. Is there anything in this one I "
  "shouldn't be publishing?",
  files=[('jobs/publish_ensemble.sbatch', PUBLISH_SH)], lang='bash')


# ---------------------------------------------------------------------------
MEMPROF = r'''
Filename: prep/pipeline.py

Line #    Mem usage    Increment  Occurrences   Line Contents
=============================================================
    21    184.2 MiB    184.2 MiB           1   @profile
    22                                         def preprocess(path, out_path, stations):
    23   6402.8 MiB   6218.6 MiB           1       df = pd.read_csv(path)
    24   6402.8 MiB      0.0 MiB           1       df.columns = [c.strip().lower() for c in df.columns]
    25   7931.5 MiB   1528.7 MiB           1       df["time"] = pd.to_datetime(df["time"], utc=True)
    26   9104.0 MiB   1172.5 MiB           1       df = df[df["station"].isin(stations)]
    27  10377.3 MiB   1273.3 MiB           1       df["flag"] = df["qc"].apply(lambda q: "bad" if q > 2 else "ok")
    28  10377.3 MiB      0.0 MiB           1       parts = []
    29  13512.6 MiB   3135.3 MiB         412       for st, g in df.groupby("station"):
    30  13512.6 MiB      0.0 MiB         411           g = g.sort_values("time")
    31  13512.6 MiB      0.0 MiB         411           g = g.set_index("time")
    32  13512.6 MiB      0.0 MiB         411           r = g.resample("1h").mean(numeric_only=True)
    33  13512.6 MiB      0.0 MiB         411           r["station"] = st
    34  13512.6 MiB      0.0 MiB         411           parts.append(r)
    35  15987.1 MiB   2474.5 MiB           1       hourly = pd.concat(parts)
    36  18240.9 MiB   2253.8 MiB           1       wide = hourly.pivot_table(index="time", columns="station", values="value")
    37  18240.9 MiB      0.0 MiB           1       wide.to_parquet(out_path)
    38  18240.9 MiB      0.0 MiB           1       return wide.shape

input: stations_2019_sample.csv  2.04 GB on disk, 31.2 M rows, 9 columns (station: str, qc: int64, value: float64, ...)
full input: 20.3 GB, node memory 64 GB, job killed by OOM at line 26 on the full file
'''

t('medium', 'performance-testing',
  "Our preprocessing gets OOM-killed on the 20 GB inputs (64 GB nodes). memory_profiler output for the "
  "main function on a 2 GB sample is attached. Where is the memory going, and how do I set up a "
  "repeatable memory benchmark so we notice when it gets worse again?",
  files=[('profiles/preprocess_mprof.txt', MEMPROF)], lang='python')


# ---------------------------------------------------------------------------
CONTROLLER = r'''
import enum
import logging
import time

log = logging.getLogger(__name__)


class S(enum.Enum):
    QUEUED = "queued"
    STAGING = "staging"
    RUNNING = "running"
    CHECKPOINTING = "checkpointing"
    PREEMPTED = "preempted"
    REQUEUED = "requeued"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


TERMINAL = {S.COMPLETED, S.FAILED, S.CANCELLED}


class InvalidTransition(RuntimeError):
    pass


class RunController:
    """Drives one long simulation through Slurm preemption and requeue."""

    def __init__(self, store, sched, max_requeues=5, ckpt_interval=3600.0, min_grace=120.0,
                 clock=time.monotonic):
        self.store, self.sched, self.clock = store, sched, clock
        self.max_requeues, self.ckpt_interval, self.min_grace = max_requeues, ckpt_interval, min_grace
        self.state = S.QUEUED
        self.job_id = None
        self.last_good = None
        self.pending = None
        self.preempting = False
        self.requeues = 0
        self._last_ckpt_t = None

    def on(self, event, **kw):
        if self.state in TERMINAL:
            raise InvalidTransition(f"{self.state} is terminal, got {event}")
        handler = getattr(self, f"_{self.state.value}_{event}", None)
        if handler is None:
            raise InvalidTransition(f"no transition from {self.state} on {event}")
        handler(**kw)
        log.info("%s -> %s on %s", self.job_id, self.state, event)

    def cancel(self):
        if self.state not in TERMINAL:
            self.sched.scancel(self.job_id)
            self.state = S.CANCELLED

    # queued / requeued
    def _queued_started(self, job_id):
        self.job_id = job_id
        self.sched.stage_in(self.last_good)
        self.state = S.STAGING

    _requeued_started = _queued_started

    # staging
    def _staging_staged(self):
        self.sched.launch(restart_from=self.last_good)
        self._last_ckpt_t = self.clock()
        self.state = S.RUNNING

    def _staging_stage_failed(self, reason):
        log.warning("stage-in failed: %s", reason)
        self._requeue_or_fail()

    # running
    def _running_tick(self):
        if self.clock() - self._last_ckpt_t >= self.ckpt_interval:
            self._begin_checkpoint()

    def _running_preempt_notice(self, grace):
        if grace >= self.min_grace:
            self.preempting = True
            self._begin_checkpoint()
        else:
            self.state = S.PREEMPTED

    def _running_finished(self, exit_code):
        if exit_code == 0:
            self.state = S.COMPLETED
        else:
            self._requeue_or_fail()

    # checkpointing
    def _begin_checkpoint(self):
        self.pending = self.store.begin()
        self.sched.signal(self.job_id, "USR1")
        self.state = S.CHECKPOINTING

    def _checkpointing_ckpt_written(self, ckpt_id):
        self.last_good = ckpt_id
        self.pending = None
        self._last_ckpt_t = self.clock()
        if not self.store.verify(ckpt_id):
            log.error("checkpoint %s failed verification", ckpt_id)
        self.state = S.PREEMPTED if self.preempting else S.RUNNING

    def _checkpointing_ckpt_failed(self, reason):
        self.store.discard(self.pending)
        self.pending = None
        self.state = S.PREEMPTED if self.preempting else S.RUNNING

    def _checkpointing_preempt_notice(self, grace):
        self.preempting = True

    def _checkpointing_finished(self, exit_code):
        self._running_finished(exit_code)

    # preempted
    def _preempted_requeued(self):
        self.preempting = False
        self._requeue_or_fail()

    def _requeue_or_fail(self):
        self.requeues += 1
        if self.requeues > self.max_requeues:
            self.state = S.FAILED
        else:
            self.sched.requeue(self.job_id)
            self.state = S.REQUEUED
'''

t('complex', 'test-generation',
  "This class drives our multi-week runs through Slurm preemption: checkpoint, requeue, restart from "
  "the last good checkpoint. Last month we lost a 3-week run because it restarted from a half-written "
  "checkpoint. Please write tests that cover it properly. store and sched are thin wrappers over the "
  "filesystem and sbatch/scontrol, so fake them however you like.",
  files=[('runctl/controller.py', CONTROLLER)],
  reqs=['drive the clock explicitly, no sleeping',
        'include the event orders that actually happen on the cluster, e.g. a preemption notice '
        'arriving while a checkpoint is still being written, or the job finishing mid-checkpoint'],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
KAHAN = r'''
def kahan_sum(values):
    """Compensated (Kahan) summation of an iterable of floats. Empty input gives 0.0."""
    total = 0.0
    comp = 0.0
    for v in values:
        y = v - comp
        s = total + y
        comp = (s - total) - y
        total = s
    return total
'''

t('simple', 'test-generation',
  "Could you write pytest tests for kahan_sum? Plain Kahan summation, nothing clever. A case where "
  "it visibly beats the naive sum would be nice.",
  files=[('numerics/summation.py', KAHAN)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
REG_CRIT = '''
# nightly regression criteria, cavity + channel reference cases
classes:
  conserved:   {rtol: 1.0e-12}
  norms:       {rtol: 1.0e-9}
  diagnostics: {rtol: 1.0e-6}
near_zero:
  # if |reference| < threshold, use atol instead of rtol
  threshold: 1.0e-8
  atol: 1.0e-12
overall:
  fail_if_any: [conserved, norms]
  diagnostics_max_failures: 1      # one diagnostic outside tolerance is a warning, two is a failure
'''

_RQ = [('mass', 'conserved', 1.0), ('x_momentum', 'conserved', 3.2e-15), ('energy', 'conserved', 412.77),
       ('circulation', 'conserved', -2.1e-11), ('u_L2', 'norms', 0.31817), ('v_L2', 'norms', 0.20402),
       ('p_L2', 'norms', 0.04471), ('w_L2', 'norms', 4.4e-10), ('omega_Linf', 'norms', 18.2204),
       ('divergence_L2', 'norms', 6.1e-13), ('drag', 'diagnostics', 0.01743),
       ('wall_shear_mean', 'diagnostics', 0.00312), ('nusselt', 'diagnostics', 7.8021),
       ('vortex_x', 'diagnostics', 0.5312), ('vortex_y', 'diagnostics', 0.5651)]


def _regrow(i):
    q, cls, ref = _RQ[i % 15]
    case = 'cavity' if i < 15 else 'channel'
    ref = ref * (1.0 if case == 'cavity' else 1.37)
    rel = {'conserved': 2e-13, 'norms': 3e-11, 'diagnostics': 2e-8}[cls] * (1 + (i * 3) % 4)
    if (case, q) == ('channel', 'nusselt'):
        rel = 3.1e-6
    if (case, q) == ('cavity', 'circulation'):
        rel = 0.41
    if (case, q) == ('channel', 'vortex_y'):
        rel = 1.8e-6
    if (case, q) == ('cavity', 'p_L2'):
        rel = 2.2e-9
    val = ref * (1 + rel)
    return '%s,%s,%s,%.12e,%.12e,%.3e,%.3e' % (case, q, cls, ref, val, abs(val - ref), rel)


REG_CSV = 'case,quantity,class,reference,value,abs_err,rel_err\n' + lines(30, _regrow)

t('medium', 'quality-gate',
  "Last night's regression run compared with the reference outputs is attached, with the criteria "
  "file. Please give pass/fail per class and overall. Careful: some quantities are near zero, so "
  "their relative error means nothing; the yaml says what to do for those.",
  files=[('regression/criteria.yaml', REG_CRIT), ('regression/compare_nightly.csv', REG_CSV)],
  lang=None)


# ---------------------------------------------------------------------------
HALO_C = r'''
#include <mpi.h>
#include "field.h"

/* u is (ny + 2*ng) x (nx + 2*ng), row-major, periodic in both directions. */
void halo_exchange(field_t *F, MPI_Comm cart)
{
    int left, right, down, up;
    const int nx = F->nx, ny = F->ny, ng = F->ng, ld = nx + 2 * ng;
    MPI_Cart_shift(cart, 0, 1, &left, &right);
    MPI_Cart_shift(cart, 1, 1, &down, &up);

    MPI_Request req[8];
    int nreq = 0;

    pack_columns(F, ng, F->sbuf_l);            /* first ng interior columns */
    pack_columns(F, nx, F->sbuf_r);            /* last ng interior columns  */
    MPI_Irecv(F->rbuf_l, ng * ny, MPI_DOUBLE, left,  0, cart, &req[nreq++]);
    MPI_Irecv(F->rbuf_r, ng * ny, MPI_DOUBLE, right, 0, cart, &req[nreq++]);
    MPI_Isend(F->sbuf_l, ng * ny, MPI_DOUBLE, left,  0, cart, &req[nreq++]);
    MPI_Isend(F->sbuf_r, ng * ny, MPI_DOUBLE, right, 0, cart, &req[nreq++]);

    /* rows are contiguous: send/recv in place, including corners */
    MPI_Irecv(&F->u[0],                  ng * ld, MPI_DOUBLE, down, 1, cart, &req[nreq++]);
    MPI_Irecv(&F->u[(ny + ng) * ld],     ng * ld, MPI_DOUBLE, up,   1, cart, &req[nreq++]);
    MPI_Isend(&F->u[ng * ld],            ng * ld, MPI_DOUBLE, down, 1, cart, &req[nreq++]);
    MPI_Isend(&F->u[ny * ld],            ng * ld, MPI_DOUBLE, up,   1, cart, &req[nreq++]);

    MPI_Waitall(nreq, req, MPI_STATUSES_IGNORE);
    unpack_columns(F, 0, F->rbuf_l);
    unpack_columns(F, nx + ng, F->rbuf_r);
}
'''

CTEST_CMAKE = r'''
foreach(np 1 2 4 8)
  foreach(t test_halo_exchange test_diffusion_energy test_advection_mass test_restart_bitwise)
    add_test(NAME ${t}_np${np}
             COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${np} $<TARGET_FILE:${t}>)
    set_tests_properties(${t}_np${np} PROPERTIES LABELS mpi TIMEOUT 300 PROCESSORS ${np})
  endforeach()
endforeach()
'''

CTEST_SBATCH = r'''
#!/bin/bash
#SBATCH --partition=test
#SBATCH --nodes=1
#SBATCH --ntasks=16
#SBATCH --time=00:45:00
module load gcc/12.2 openmpi/4.1.5 cmake/3.27
cd build
ctest -L mpi -j 4 --output-on-failure --timeout 300 | tee ctest_mpi_${SLURM_JOB_ID}.log
'''

# why: running it is easy, but telling a possible deadlock / halo mix-up in non-blocking MPI code
# from legitimate reduction-order differences across rank counts needs concurrency reasoning
t('complex', 'test-execution',
  "Please run the MPI test suite (ctest -L mpi) at 1, 2, 4 and 8 ranks on the test partition and "
  "report. Last week the 8-rank test_halo_exchange hung once and I couldn't reproduce it, and some "
  "energy comparisons differ in the last digits between rank counts. I need to know which failures "
  "are real bugs and which are the differences we'd expect anyway.",
  files=[('src/halo.c', HALO_C), ('tests/CMakeLists.txt', CTEST_CMAKE),
         ('jobs/ctest_mpi.sbatch', CTEST_SBATCH)],
  lang='c', fw='ctest')


# ---------------------------------------------------------------------------
_LC_DIRS = ['src/core', 'src/io', 'src/compress', 'src/mpiio', 'src/util', 'src/bindings']
_LC_FILES = ['grid.c', 'header.c', 'chunk.c', 'index.c', 'checksum.c', 'endian.c', 'buffer.c', 'error.c']


def _lcov(i):
    f = '%s/%s' % (_LC_DIRS[i // 8], _LC_FILES[i % 8])
    total = 60 + (i * 41) % 400
    pct = 35.0 + ((i * 37) % 66)
    hit = int(total * pct / 100)
    fn_total = 4 + (i * 3) % 20
    fn_hit = max(0, int(fn_total * pct / 100) - (i % 2))
    return '%-28s|%5.1f%% %5d|%5.1f%% %4d|    -      0' % (
        f, 100.0 * hit / total, total, 100.0 * fn_hit / fn_total, fn_total)


LCOV_SUMMARY = ('Reading tracefile coverage.info\n'
                '                            |Lines       |Functions  |Branches\n'
                'Filename                    |Rate     Num|Rate    Num|Rate     Num\n'
                '==================================================================\n'
                + lines(48, _lcov) + '\n'
                '==================================================================\n'
                '                       Total:|71.8%  10344|74.1%   591|    -      0\n')

t('simple', 'coverage-analysis',
  "From this lcov summary for libgridio, list the files under 70% line coverage, lowest first, with "
  "their line counts.",
  files=[('coverage/lcov_summary.txt', LCOV_SUMMARY)], lang='c', fw='ctest')


# ---------------------------------------------------------------------------
DOCKERFILE = r'''
FROM jupyter/scipy-notebook:latest

USER root
RUN apt-get update && apt-get install -y openssh-client rsync sudo gfortran libnetcdf-dev \
    && echo "jovyan ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers
RUN curl -fsSL https://install.julialang.org | sh -s -- --yes --default-channel 1.10
RUN pip install --no-cache-dir xarray netCDF4 cartopy git+https://github.com/example-lab/labtools@main
COPY id_rsa_cluster ${HOME}/.ssh/id_rsa
COPY jupyter_server_config.py /etc/jupyter/
COPY start.sh /usr/local/bin/start-lab.sh
RUN chmod -R 777 ${HOME} /opt/conda && chmod +x /usr/local/bin/start-lab.sh
EXPOSE 8888
CMD ["start-lab.sh"]
'''

START_SH = r'''
#!/bin/bash
# mount group share if credentials are provided
if [ -n "$SHARE_PASS" ]; then
  echo "$SHARE_PASS" | sudo mount -t cifs //fs01.example-university.edu/lab /mnt/lab \
      -o username=$SHARE_USER,password=$SHARE_PASS,uid=1000
fi
eval "$EXTRA_SETUP"
exec jupyter lab --ip=0.0.0.0 --port=8888 --no-browser --allow-root
'''

JUPYTER_CFG = r'''
c = get_config()  # noqa
c.ServerApp.token = ""
c.ServerApp.password = ""
c.ServerApp.allow_origin = "*"
c.ServerApp.disable_check_xsrf = True
c.ServerApp.root_dir = "/"
c.ContentsManager.allow_hidden = True
'''

# why: three short config files whose problems are visible line by line (root, 777, no token, baked-in
# key): a config review of moderate size, not auth or crypto logic to reason through
t('medium', 'security-scan',
  "This is the image behind the lab's JupyterHub (students use it for the course and for thesis work). "
  "Could you review the Dockerfile, start script and server config for security problems and bad "
  "practice? It's only on the internal network, if that changes anything.",
  files=[('docker/Dockerfile', DOCKERFILE), ('docker/start.sh', START_SH),
         ('docker/jupyter_server_config.py', JUPYTER_CFG)],
  lang='dockerfile')


# ---------------------------------------------------------------------------
STEPCTL = r'''
import enum

import numpy as np


class Mode(enum.Enum):
    EXPLICIT = 1
    IMPLICIT = 2
    FAILED = 3


class StepController:
    """PI step-size control with automatic explicit -> implicit switching on stiffness."""

    def __init__(self, dt0, rtol=1e-6, atol=1e-9, dt_min=1e-14, dt_max=1.0,
                 max_rejects=8, stiff_after=3, back_after=50, safety=0.9):
        self.dt = dt0
        self.rtol, self.atol = rtol, atol
        self.dt_min, self.dt_max = dt_min, dt_max
        self.max_rejects, self.stiff_after, self.back_after = max_rejects, stiff_after, back_after
        self.safety = safety
        self.mode = Mode.EXPLICIT
        self.rejects = 0
        self.stiff_hits = 0
        self.accepts_implicit = 0
        self._err_prev = 1.0

    def error_norm(self, err, y):
        sc = self.atol + self.rtol * np.abs(y)
        return float(np.sqrt(np.mean((err / sc) ** 2)))

    def propose(self, en, order):
        if en == 0.0:
            return min(self.dt * 5.0, self.dt_max)
        k1, k2 = 0.7 / order, 0.4 / order
        fac = self.safety * en ** -k1 * self._err_prev ** k2
        return float(np.clip(self.dt * np.clip(fac, 0.2, 5.0), self.dt_min, self.dt_max))

    def update(self, err, y, order, stiffness_ratio):
        """Returns True if the step is accepted. Sets self.dt for the next attempt."""
        if self.mode is Mode.FAILED:
            raise RuntimeError("controller has failed")
        en = self.error_norm(err, y)
        if en <= 1.0:
            self.rejects = 0
            self.dt = self.propose(en, order)
            self._err_prev = max(en, 1e-4)
            if self.mode is Mode.EXPLICIT and stiffness_ratio > 3.3:
                self.stiff_hits += 1
                if self.stiff_hits >= self.stiff_after:
                    self.mode, self.stiff_hits, self.accepts_implicit = Mode.IMPLICIT, 0, 0
            elif self.mode is Mode.IMPLICIT:
                self.accepts_implicit += 1
                if self.accepts_implicit >= self.back_after and stiffness_ratio < 1.0:
                    self.mode = Mode.EXPLICIT
            else:
                self.stiff_hits = 0
            return True
        self.rejects += 1
        self.dt = max(self.propose(en, order), self.dt_min)
        if self.rejects >= self.max_rejects:
            if self.mode is Mode.EXPLICIT:
                self.mode, self.rejects = Mode.IMPLICIT, 0
            elif self.dt <= self.dt_min:
                self.mode = Mode.FAILED
        return False
'''

STEPCTL_TESTS = r'''
import numpy as np

from solver.step_control import Mode, StepController


def test_accept_grows_dt():
    c = StepController(1e-3)
    assert c.update(np.array([1e-10]), np.array([1.0]), 4, 0.5)
    assert c.dt > 1e-3


def test_reject_shrinks_dt():
    c = StepController(1e-3)
    assert not c.update(np.array([1e-3]), np.array([1.0]), 4, 0.5)
    assert c.dt < 1e-3


def test_switch_to_implicit_on_stiffness():
    c = StepController(1e-3, stiff_after=1)
    c.update(np.array([1e-10]), np.array([1.0]), 4, 10.0)
    assert c.mode is Mode.IMPLICIT


def test_zero_error_and_fail_paths():
    c = StepController(1e-3, max_rejects=1, back_after=1)
    c.update(np.array([0.0]), np.array([1.0]), 4, 0.5)
    c.mode = Mode.IMPLICIT
    c.update(np.array([0.0]), np.array([1.0]), 4, 0.1)
    c.mode, c.dt = Mode.IMPLICIT, c.dt_min
    c.update(np.array([1.0]), np.array([1.0]), 4, 0.5)
    assert c.mode is Mode.FAILED
'''

STEPCTL_COV = '''
Name                          Stmts   Miss Branch BrPart  Cover
----------------------------------------------------------------
solver/step_control.py           58      0     20      0   100%
'''

# why: 100% line and branch coverage hides which sequences of mode changes (explicit/implicit/failed,
# reject streaks, dt_min clamping) were exercised: a state machine with many transitions
t('complex', 'coverage-analysis',
  "Coverage for step_control.py is 100%, lines and branches, but I don't trust it: last month a run "
  "stalled with dt shrinking forever and the controller never gave up. What is really not tested "
  "here?",
  files=[('solver/step_control.py', STEPCTL), ('tests/test_step_control.py', STEPCTL_TESTS),
         ('reports/coverage_step_control.txt', STEPCTL_COV)],
  lang='python', fw='pytest')


# ---------------------------------------------------------------------------
BOOT_TEST = r'''
import numpy as np

from stats_utils import bootstrap_mean


def test_bootstrap_mean_unbiased():
    x = np.random.normal(0.5, 1.0, size=1000)
    m, lo, hi = bootstrap_mean(x, n_boot=200)
    assert abs(m - 0.5) < 0.08
    assert lo < m < hi
'''

# why: a ten-line test with an unseeded generator and a tolerance of ~2.5 standard errors; the cause
# is visible in the test itself, no log reading or interaction to untangle
t('simple', 'flaky-test-analysis',
  "This one fails maybe once or twice a week in CI and passes on rerun. Why, and what's the right "
  "fix?",
  files=[('tests/test_bootstrap.py', BOOT_TEST)], lang='python', fw='pytest')


# ---------------------------------------------------------------------------
POSTPROC_SB = r'''
#!/bin/bash
#SBATCH --job-name=postproc_ens
#SBATCH --nodes=1
#SBATCH --ntasks=32
#SBATCH --mem-per-cpu=2G
#SBATCH --time=04:00:00
#SBATCH --output=slurm-%j.out

module load python/3.11 netcdf/4.9
source "$HOME/venvs/ens/bin/activate"
export OMP_NUM_THREADS=4
python -m postproc.run --members 0-255 --workers 64 --in "$SCRATCH/ens2024/raw" --out "$SCRATCH/ens2024/post"
'''

OOM_LOG = ('postproc.run: 256 members, 64 worker processes, chunk=all-times\n'
           + lines(38, lambda i: '[%02d:%02d:%02d] worker %2d loaded member %03d  fields=u,v,w,T,q  '
                   'shape=(1460, 60, 192, 288)  took %.1f s' % (
                       i // 60, 1 + (i * 61) // 60 % 60, (i * 37) % 60, i % 64, i, 38.0 + (i * 7) % 13))
           + '\nslurmstepd: error: Detected 1 oom_kill event in StepId=771204.batch. '
             'Some of the step tasks have been OOM Killed.\n')

SACCT = '''
JobID           JobName    ReqMem     MaxRSS  NCPUS    Elapsed      State ExitCode
------------ ---------- ---------- ---------- ------ ---------- ---------- --------
771204       postproc_+        64G                32   00:41:17 OUT_OF_ME+    0:125
771204.batch      batch                63.91G     32   00:41:17 OUT_OF_ME+    0:125
'''

t('medium', 'defect-analysis',
  "The post-processing job keeps dying after about 40 minutes. I asked for plenty of memory, I think? "
  "Job script, the output and sacct are attached.",
  files=[('jobs/postproc.sbatch', POSTPROC_SB), ('logs/slurm-771204.out', OOM_LOG),
         ('logs/sacct_771204.txt', SACCT)],
  lang='python')


# ---------------------------------------------------------------------------
PR_SUMMARY = '''
## PR 341: overlap halo exchange with interior update (Isend/Irecv)

- halo_exchange() split into halo_start() / halo_finish(); interior stencil runs in between
- send buffers now reused across steps (allocated once in field_init)
- corner cells: now exchanged in a second phase after x-direction completes
- all tests green locally on 4 ranks
'''

_PR_NP = {2: 'PASS', 4: 'PASS', 16: 'PASS'}


def _mpi_log(np_):
    def row(i):
        names = ['test_halo_exchange', 'test_diffusion_energy', 'test_advection_mass',
                 'test_restart_bitwise', 'test_halo_corners', 'test_overlap_equivalence']
        res = 'PASS'
        extra = ''
        if np_ == 16 and i == 5:
            res, extra = 'TIMEOUT', '  (300 s; rerun: PASS 41.2 s)'
        return '%-28s np=%-3d %-8s%s' % (names[i], np_, res, extra)
    return row


MPI_T2 = lines(6, _mpi_log(2))
MPI_T4 = lines(6, _mpi_log(4))
MPI_T16 = lines(6, _mpi_log(16))

MUST_REPORT = '''
MUST Output, starting date: Tue Jun 11 14:02:51 2024
Rank 3: Warning: [MUST-REPORT] Argument 1 (buf) of MPI_Isend is a buffer that is still in use by a
  previous non-blocking send that has not been completed (request from call at halo.c:88).
  Representative location: halo_start (halo.c:88) called from step (solver.c:214)
Rank 3: Error: [MUST-REPORT] The application issued a set of MPI calls that can cause a deadlock!
  Ranks 3, 7 are waiting in MPI_Waitall (halo.c:131) for matching operations (tag 1).
  This was detected with MUST's deadlock detection (wait-for graph), np=8, test_overlap_equivalence
Rank 0: Information: MPI_Finalize was not reached by all ranks.
'''

HALO_BENCH = '''
case 2048x2048, 100 steps     main (blocking)   PR 341 (overlap)   change
np=4                          18.42 s           15.07 s            -18.2%
np=16                          5.31 s            3.98 s            -25.0%
np=64                          1.77 s            1.21 s            -31.6%
'''

# why: the decision hinges on whether a rerun-passing timeout plus a MUST buffer-reuse warning and
# deadlock report mean a real race in non-blocking MPI code: concurrency judgement, not metric checks
t('complex', 'quality-gate',
  "Zoe's PR replaces our blocking halo exchange with Isend/Irecv overlap. Tests are green apart from "
  "one timeout at 16 ranks that passed on rerun, and MUST printed something I don't fully follow. Can "
  "it merge under our rules (all green, no errors from correctness tools, no slowdown)? I really "
  "don't want a rare hang in three-week production runs.",
  files=[('pr/PR341.md', PR_SUMMARY), ('ci/mpi_np2.txt', MPI_T2), ('ci/mpi_np4.txt', MPI_T4),
         ('ci/mpi_np16.txt', MPI_T16), ('ci/must_report.txt', MUST_REPORT),
         ('bench/halo_bench.txt', HALO_BENCH)],
  lang='c', fw='ctest')


# ---------------------------------------------------------------------------
PIP_AUDIT = '''
Found 11 known vulnerabilities in 8 packages
Name          Version ID                  Fix Versions
------------- ------- ------------------- ------------
jinja2        3.1.2   GHSA-h5c8-rqwp-cp95 3.1.3
jinja2        3.1.2   GHSA-h75v-3vvj-5mfj 3.1.4
werkzeug      2.3.7   GHSA-hrfv-mqp8-q5rw 2.3.8,3.0.1
werkzeug      2.3.7   GHSA-2g68-c3qc-8985 3.0.3
pillow        9.5.0   GHSA-j7hp-h8jx-5ppr 10.0.1
pillow        9.5.0   GHSA-3f63-hfp8-52jq 10.2.0
urllib3       1.26.15 GHSA-v845-jxx5-vc9f 1.26.17,2.0.6
requests      2.31.0  GHSA-9wx4-h78v-vm56 2.32.0
numpy         1.21.6  PYSEC-2022-43069    1.22.0
tqdm          4.65.0  GHSA-g7vv-2v7x-gj9p 4.66.3
dash          2.9.3   GHSA-547x-748v-vp6p 2.15.0
'''

REQS_PINNED = '''
numpy==1.21.6          # pinned: reference outputs generated with this version
scipy==1.7.3
pandas==1.3.5
netCDF4==1.6.2
pillow==9.5.0
matplotlib==3.5.3
tqdm==4.65.0
requests==2.31.0
dash==2.9.3            # dashboard on login node, reached via ssh tunnel only
jinja2==3.1.2
werkzeug==2.3.7
urllib3==1.26.15
'''

t('medium', 'security-scan',
  "pip-audit found a pile of vulnerabilities in our analysis environment. The code runs as batch jobs "
  "on the cluster with no network services, apart from a small Dash dashboard on a login node that we "
  "reach through an SSH tunnel. Which of these actually matter for how we use it, and which upgrades "
  "are safe without changing our numerical results? numpy is pinned on purpose.",
  files=[('reports/pip_audit.txt', PIP_AUDIT), ('requirements.txt', REQS_PINNED)],
  lang='python')
