"""Writes tasks/routing-heldout.jsonl from batch_heldout.py (a fresh set, never fitted on)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import lib
import batch_heldout  # noqa: F401
out = os.path.join(os.path.dirname(__file__), '..', 'routing-heldout.jsonl')
with open(out, 'w') as f:
    for n, task in enumerate(lib.TASKS, 1):
        f.write(json.dumps({'id': f'heldout-{n:03d}', **task}) + '\n')
from collections import Counter
print(len(lib.TASKS), Counter(x['expected']['tier'] for x in lib.TASKS))
