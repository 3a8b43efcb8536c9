# The plain-words figures of docs/looking.md's RANCH-style cohort studies, from bench/ranchMomentStudies.sh's
# runs: the fall across familiarization, each age's impossible − possible test looking on the car per run
# (two models side by side), and the one-sided sign test of "k of n looked longer at the impossible event".
# Run: python3 bench/ranchCohortSummary.py OUT_RANCH OUT_RANCH_MOMENT
import collections, csv, json, math, os, sys
from decimal import Decimal, ROUND_HALF_UP

def f1(x):
    return str(Decimal(x).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))

RUNS = [('car-box-seed1', 1), ('car-box-seed1-habituating', 1), ('car-seed2', 2), ('car-seed2-habituating', 2), ('box-pushed-seed1', 1), ('box-pushed-seed1-habituating', 1)]

def rows(out, run):
    return list(csv.DictReader(open(os.path.join(out, run, 'looking.csv'))))

def sign_p(k, n):
    # P(X >= k) for X ~ Binomial(n, 1/2): the chance of k or more of n by coin tosses.
    return sum(math.comb(n, i) for i in range(k, n + 1)) / 2 ** n

def per_learner(out, run, scene):
    # (age, model) -> (mean impossible − mean possible over the test pairs, first pair impossible − possible)
    test = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in rows(out, run):
        if r['scene'] == scene and r['phase'] == 'test':
            test[(int(r['experience_frames']), r['model'])][r['condition']].append((int(r['trial']), float(r['looking_s'])))
    res = {}
    for key, c in test.items():
        mean = lambda v: sum(s for _, s in v) / len(v)
        res[key] = (mean(c['impossible']) - mean(c['possible']), min(c['impossible'])[1] - min(c['possible'])[1])
    return res

def fall(out):
    curves = lower = learners = learner_lower = met = 0
    firsts, lates = [], []
    for run, _ in RUNS:
        with open(os.path.join(out, run, 'looking.json')) as f:
            scenes = json.load(f)['results']['scenes']
        for s in scenes:
            for g in s['groups']:
                c = [x['mean'] for x in g['familiarization']]
                curves += 1; lower += c[-1] < c[0]; met += g['habituated']
                firsts.append(c[0]); lates.append(sum(c[3:6]) / 3)
        fam = collections.defaultdict(dict)
        for r in rows(out, run):
            if r['phase'] == 'familiarization':
                fam[(r['scene'], r['model'])][int(r['trial'])] = float(r['looking_s'])
        for t in fam.values():  # trials are numbered through the study: a scene's first and last familiarization trials
            order = sorted(t)
            learners += 1; learner_lower += t[order[-1]] < t[order[0]]
    return (f"{lower} of {curves} age × scene × run curves end lower than they start; cohort means {f1(min(firsts))}–{f1(max(firsts))} s at trial 1, "
            f"{f1(min(lates))}–{f1(max(lates))} s over trials 4–6; {learner_lower} of {learners} learners looked less at trial 6 than at trial 1; "
            f"{met} of {learners} met the habituation criterion")

outs = {'ranch': sys.argv[1], 'ranch-moment': sys.argv[2]}
for name, out in outs.items():
    print(f'{name}: {fall(out)}')

print('\n| age | run | `ranch` | `ranch-moment` |\n|---|---|---|---|')
car_runs = [('car-box-seed1', 'seed 1, not habituating'), ('car-box-seed1-habituating', 'seed 1, habituating'), ('car-seed2', 'seed 2, not habituating'), ('car-seed2-habituating', 'seed 2, habituating')]
data = {name: {run: per_learner(out, run, 'car-off-platform') for run, _ in car_runs} for name, out in outs.items()}
ages = sorted({a for a, _ in data['ranch']['car-box-seed1']})
for a in ages:
    for run, label in car_runs:
        cells = []
        for name in outs:
            d = [v for (age, _), v in data[name][run].items() if age == a]
            diff = sum(x for x, _ in d) / len(d)
            cells.append(f"{'+' if diff >= 0.05 else ('−' if diff <= -0.05 else '')}{f1(abs(diff))} s, {sum(x > 0 for x, _ in d)} of {len(d)}; {sum(y > 0 for _, y in d)} of {len(d)}")
        print(f'| {a:,} frames | {label} | ' + ' | '.join(cells) + ' |')

print('\nOver both seeds (car), learners looking longer at the impossible event over the test pairs, k of n, one-sided sign test p:')
for name in outs:
    for hab, runs in [('habituating', ['car-box-seed1-habituating', 'car-seed2-habituating']), ('not habituating', ['car-box-seed1', 'car-seed2'])]:
        parts = []
        for a in ages:
            d = [v for run in runs for (age, _), v in data[name][run].items() if age == a]
            k = sum(x > 0 for x, _ in d)
            parts.append(f"{a:,}: {k} of {len(d)} (p = {sign_p(k, len(d)):.3f})")
        print(f'  {name}, {hab}: ' + '; '.join(parts))
print('\nsign test p for k of 5: ' + ', '.join(f'{k}: {sign_p(k, 5):.3f}' for k in range(6)))
