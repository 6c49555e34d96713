import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import lib
import batch_simple, batch_medium, batch_complex, batch_more, batch_short, batch_generalize  # noqa: F401  (each appends to lib.TASKS)
out = os.path.join(os.path.dirname(__file__), '..', 'routing-corpus.jsonl')
ids = set()
with open(out, 'w') as f:
    for n, task in enumerate(lib.TASKS, 1):
        task = {'id': f'corpus-{n:03d}', **task}
        f.write(json.dumps(task) + '\n')
from collections import Counter
print(len(lib.TASKS), Counter(x['expected']['tier'] for x in lib.TASKS))
