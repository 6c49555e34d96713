"""Writes tasks/routing-fresh.jsonl from fresh/batch_fresh_[abcd].py (run: python3 tasks/authoring/build_fresh.py).
Four batches of 54 tasks (18 per tier), each written to the rubric by a separately briefed author who saw neither
the router nor any other labelled set. Never fitted on (not in TRAINING_SETS); ids fresh-<batch>-NNN."""
import importlib, json, os, sys
here = os.path.dirname(__file__)
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, 'fresh'))
import lib
out = os.path.join(here, '..', 'routing-fresh.jsonl')
with open(out, 'w') as f:
    for batch in 'abcd':
        start = len(lib.TASKS)
        importlib.import_module(f'batch_fresh_{batch}')
        for n, task in enumerate(lib.TASKS[start:], 1):
            f.write(json.dumps({'id': f'fresh-{batch}-{n:03d}', **task}) + '\n')
from collections import Counter
print(len(lib.TASKS), Counter(x['expected']['tier'] for x in lib.TASKS))
