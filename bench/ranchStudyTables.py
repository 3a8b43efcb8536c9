# The tables of docs/looking.md's RANCH-style cohort studies, from bench/ranchMomentStudies.sh's runs:
# per scene and age, familiarization looking 1-6, test possible / impossible (mean ± SEM across the
# five learners), how many looked longer at the impossible event, how many met the criterion; then
# the first test pair of the car. Run: python3 bench/ranchStudyTables.py OUT
import collections, csv, json, os, sys
from decimal import Decimal, ROUND_HALF_UP

def f1(x):
    # One decimal, half up on the exact binary value, as JavaScript's toFixed(1) rounds.
    return str(Decimal(x).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))

out = sys.argv[1]
runs = [('Car pushed off a platform, seed 1', 'car-box-seed1', 'car-off-platform'),
        ('Car pushed off a platform, seed 2', 'car-seed2', 'car-off-platform'),
        ('Box released beyond a platform, seed 1', 'car-box-seed1', 'box-released-beyond-platform'),
        ('Box pushed to 15% contact, seed 1', 'box-pushed-seed1', 'box-pushed-to-15-percent-contact')]

def scene_of(run, scene_id):
    with open(os.path.join(out, run, 'looking.json')) as f:
        return next(s for s in json.load(f)['results']['scenes'] if s['sceneId'] == scene_id)

def age(g):
    return f"{g['experience_frames']:,} frames"

def cells(g):
    fam = ', '.join(f1(c['mean']) for c in g['familiarization']) + ' s'
    t = g['test']
    test = f"{f1(t['possible']['mean'])} ± {f1(t['possible']['sem'])} / {f1(t['impossible']['mean'])} ± {f1(t['impossible']['sem'])} s"
    return [fam, test, f"{g['longerAtImpossible']} of {g['n']}", f"{g['habituated']} of {len(g['models'])}"]

for title, run, scene_id in runs:
    plain, hab = scene_of(run, scene_id), scene_of(run + '-habituating', scene_id)
    print(f'\n**{title}**\n')
    print('| age | familiarization 1–6, not habituating | test, not habituating: possible / impossible | longer | met criterion | familiarization 1–6, habituating | test, habituating: possible / impossible | longer | met criterion |')
    print('|---|---|---|---|---|---|---|---|---|')
    for g, h in zip(plain['groups'], hab['groups']):
        print('| ' + ' | '.join([age(g)] + cells(g) + cells(h)) + ' |')

def first_pair(run, scene_id):
    rows = [r for r in csv.DictReader(open(os.path.join(out, run, 'looking.csv'))) if r['scene'] == scene_id and r['phase'] == 'test']
    by = collections.defaultdict(dict)
    for r in rows:
        by[(int(r['experience_frames']), r['model'])].setdefault(r['condition'], []).append((int(r['trial']), float(r['looking_s'])))
    ages = collections.defaultdict(list)
    for (frames, _), c in by.items():
        ages[frames].append((min(c['possible'])[1], min(c['impossible'])[1]))
    res = {}
    for frames, pairs in sorted(ages.items()):
        def ms(xs):
            m = sum(xs) / len(xs)
            return m, (sum((x - m) ** 2 for x in xs) / (len(xs) - 1) / len(xs)) ** 0.5
        p, i = ms([a for a, _ in pairs]), ms([b for _, b in pairs])
        res[frames] = f"{f1(p[0])} ± {f1(p[1])} / {f1(i[0])} ± {f1(i[1])} s, {sum(b > a for a, b in pairs)} of {len(pairs)}"
    return res

cols = [('car-box-seed1', 'seed 1, not habituating'), ('car-box-seed1-habituating', 'seed 1, habituating'),
        ('car-seed2', 'seed 2, not habituating'), ('car-seed2-habituating', 'seed 2, habituating')]
tables = [first_pair(r, 'car-off-platform') for r, _ in cols]
print('\n**The first test pair, car**\n')
print('| age | ' + ' | '.join(c for _, c in cols) + ' |')
print('|---|' + '---|' * len(cols))
for frames in tables[0]:
    print(f'| {frames:,} frames | ' + ' | '.join(t[frames] for t in tables) + ' |')
