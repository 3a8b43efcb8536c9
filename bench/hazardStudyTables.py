# The tables of docs/looking.md's look-away hazard studies ("Beside infant data", "What that fixed",
# the learning-check counts), from bench/hazardStudies.sh's runs. Run: python3 bench/hazardStudyTables.py OUT
import collections, csv, json, os, sys
from decimal import Decimal, ROUND_HALF_UP

def f1(x):
    # One decimal, half up on the exact binary value, as JavaScript's toFixed(1) rounds.
    return str(Decimal(x).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))

def f2(x):
    return str(Decimal(x).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))

out = sys.argv[1]
have = lambda run: os.path.exists(os.path.join(out, run, 'looking.json'))

def groups(run, scene_id):
    with open(os.path.join(out, run, 'looking.json')) as f:
        return next(s for s in json.load(f)['results']['scenes'] if s['sceneId'] == scene_id)['groups']

def rows(run, scene_id):
    return [r for r in csv.DictReader(open(os.path.join(out, run, 'looking.csv'))) if r['scene'] == scene_id]

def age(g):
    return f"{g['experience_frames']:,} frames"

def test(g):
    t = g['test']
    return f"{f1(t['possible']['mean'])} ± {f1(t['possible']['sem'])} / {f1(t['impossible']['mean'])} ± {f1(t['impossible']['sem'])} s"

def longer(g):
    return f"{g['longerAtImpossible']} of {g['n']}"

def fam(g):
    return [c['mean'] for c in g['familiarization']]

def surprise(run, scene_id):
    # Per age: mean surprise per familiarization trial (1-6), and at test per condition, over the learners.
    fam_s = collections.defaultdict(lambda: collections.defaultdict(list))
    test_s = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in rows(run, scene_id):
        if r['surprise'] == '':
            continue
        a, s = int(r['experience_frames']), float(r['surprise'])
        if r['phase'] == 'familiarization':
            fam_s[a][int(r['trial'])].append(s)
        else:
            test_s[a][r['condition']].append(s)
    mean = lambda v: sum(v) / len(v)
    return ({a: [mean(v) for _, v in sorted(t.items())] for a, t in fam_s.items()},
            {a: {c: mean(v) for c, v in t.items()} for a, t in test_s.items()})

def ratios(scene_id):
    # Each learner's surprise at familiarization trial k habituating / not habituating, mean over an age's learners.
    def by(run):
        d = {}
        for r in rows(run, scene_id):
            if r['phase'] == 'familiarization':
                d[(int(r['experience_frames']), r['model'], int(r['trial']))] = float(r['surprise'])
        return d
    plain, res = by('cohort'), {}
    for name in ['cohort-first', 'cohort-habituating']:
        if not have(name):
            continue
        h = by(name)
        acc = collections.defaultdict(lambda: collections.defaultdict(list))
        for (a, m, k), v in h.items():
            acc[a][k].append(v / plain[(a, m, k)])
        res[name] = {a: [sum(v) / len(v) for _, v in sorted(t.items())] for a, t in acc.items()}
    return res

def check_counts(run):
    n = lo = su = 0
    per = collections.Counter()
    for r in csv.DictReader(open(os.path.join(out, run, 'learning-check.csv'))):
        n += 1
        l, s = float(r['loss_after']) < float(r['loss_before']), float(r['surprise_after']) < float(r['surprise_before'])
        lo += l; su += s
        per[(r['scene'], 'n')] += 1; per[(r['scene'], 'loss')] += l; per[(r['scene'], 'surprise')] += s
    scenes = sorted({k[0] for k in per})
    return f"{run}: loss lowered {lo} of {n}, surprise lowered {su} of {n}; " + '; '.join(f"{sc}: {per[(sc, 'loss')]} and {per[(sc, 'surprise')]} of {per[(sc, 'n')]}" for sc in scenes)

print('\n**Car pushed off a platform, seed 1**\n')
print('| age | familiarization looking, trials 1–6 (habituating) | test, habituating: possible / impossible | longer at impossible | met criterion | test, not habituating: possible / impossible | longer at impossible |')
print('|---|---|---|---|---|---|---|')
for h, p in zip(groups('cohort-habituating', 'car-off-platform'), groups('cohort', 'car-off-platform')):
    print(f"| {age(h)} | {', '.join(f1(x) for x in fam(h))} s | {test(h)} | {longer(h)} | {h['habituated']} of {len(h['models'])} | {test(p)} | {longer(p)} |")

fh, th = surprise('cohort-habituating', 'car-off-platform')
fp, tp = surprise('cohort', 'car-off-platform')
print('\nMean surprise, car\n')
print('| age | car familiarization 1–6, habituating | not habituating | car test, habituating: possible / impossible | not habituating |')
print('|---|---|---|---|---|')
for a in sorted(fh):
    print(f"| {a:,} frames | {', '.join(f1(x) for x in fh[a])} | {', '.join(f1(x) for x in fp[a])} | {f1(th[a]['possible'])} / {f1(th[a]['impossible'])} | {f1(tp[a]['possible'])} / {f1(tp[a]['impossible'])} |")

box = 'box-released-beyond-platform'
fh, th = surprise('cohort-habituating', box)
fp, tp = surprise('cohort', box)
print('\n**Box released beyond a platform**\n')
print('| age | familiarization looking, trials 1–6 (habituating) | surprise, trials 1 → 6: habituating / not | test, habituating: possible / impossible | longer at impossible | test, not habituating: possible / impossible | longer at impossible |')
print('|---|---|---|---|---|---|---|')
for h, p in zip(groups('cohort-habituating', box), groups('cohort', box)):
    a = h['experience_frames']
    print(f"| {age(h)} | {', '.join(f1(x) for x in fam(h))} s | {f1(fh[a][0])} → {f1(fh[a][-1])} / {f1(fp[a][0])} → {f1(fp[a][-1])} | {test(h)} | {longer(h)} | {test(p)} | {longer(p)} |")
print('\nbox test surprise (habituating p/i; not p/i): ' + '; '.join(f"{a:,}: {f1(th[a]['possible'])} / {f1(th[a]['impossible'])}; {f1(tp[a]['possible'])} / {f1(tp[a]['impossible'])}" for a in sorted(th)))
print('box familiarization surprise habituating: ' + '; '.join(f"{a:,}: {', '.join(f1(x) for x in fh[a])}" for a in sorted(fh)))
print('box familiarization surprise not: ' + '; '.join(f"{a:,}: {', '.join(f1(x) for x in fp[a])}" for a in sorted(fp)))
print('box familiarization looking not: ' + '; '.join(f"{age(p)}: {', '.join(f1(x) for x in fam(p))}" for p in groups('cohort', box)))

print('\n**Same-variant surprise ratio, habituating / not, trials 2–6**\n')
print('| scene, age | first version (`--habituation first`), trials 2–6 | now (`training`, variance kept), trials 2–6 |')
print('|---|---|---|')
for sc, name in [('car-off-platform', 'car'), (box, 'box')]:
    r = ratios(sc)
    for a in sorted(r['cohort-habituating']):
        first = ', '.join(f2(x) for x in r['cohort-first'][a][1:]) if 'cohort-first' in r else '—'
        print(f"| {name}, {a:,} frames | {first} | {', '.join(f2(x) for x in r['cohort-habituating'][a][1:])} |")

print('\n**Another seed, car, seed 2**\n')
print('| age | familiarization looking 1 → 6: habituating / not | test, habituating: possible / impossible | longer | test, not habituating | longer |')
print('|---|---|---|---|---|---|')
for h, p in zip(groups('seed2-habituating', 'car-off-platform'), groups('seed2', 'car-off-platform')):
    print(f"| {age(h)} | {f1(fam(h)[0])} → {f1(fam(h)[-1])} / {f1(fam(p)[0])} → {f1(fam(p)[-1])} s | {test(h)} | {longer(h)} | {test(p)} | {longer(p)} |")
fh, th = surprise('seed2-habituating', 'car-off-platform')
fp, tp = surprise('seed2', 'car-off-platform')
print('seed 2 surprise fam habituating / not: ' + '; '.join(f"{a:,}: {', '.join(f1(x) for x in fh[a])} / {', '.join(f1(x) for x in fp[a])}" for a in sorted(fh)))
print('seed 2 test surprise (habituating p/i; not p/i): ' + '; '.join(f"{a:,}: {f1(th[a]['possible'])} / {f1(th[a]['impossible'])}; {f1(tp[a]['possible'])} / {f1(tp[a]['impossible'])}" for a in sorted(th)))

print('\n**Two more support scenes**\n')
print('| scene, age | familiarization looking 1 → 6, habituating | surprise 1 → 6: habituating / not | test, habituating: possible / impossible | longer | test, not habituating | longer |')
print('|---|---|---|---|---|---|---|')
notes = []
for sc, name in [('box-pushed-to-15-percent-contact', 'box pushed to 15%'), ('car-off-low-step', 'car off a low step')]:
    fh, th = surprise('more-habituating', sc)
    fp, tp = surprise('more', sc)
    for h, p in zip(groups('more-habituating', sc), groups('more', sc)):
        a = h['experience_frames']
        print(f"| {name}, {a:,} | {f1(fam(h)[0])} → {f1(fam(h)[-1])} s | {f1(fh[a][0])} → {f1(fh[a][-1])} / {f1(fp[a][0])} → {f1(fp[a][-1])} | {test(h)} | {longer(h)} | {test(p)} | {longer(p)} |")
    notes.append(f'{name} test surprise (habituating p/i; not p/i): ' + '; '.join(f"{a:,}: {f1(th[a]['possible'])} / {f1(th[a]['impossible'])}; {f1(tp[a]['possible'])} / {f1(tp[a]['impossible'])}" for a in sorted(th)))
    notes.append(f'{name} fam surprise habituating: ' + '; '.join(f"{a:,}: {', '.join(f1(x) for x in fh[a])}" for a in sorted(fh)))
print('\n' + '\n'.join(notes))

print('\n**Learning check**\n')
for run in ['cohort-habituating', 'seed2-habituating', 'cohort-first']:
    if have(run):
        print(check_counts(run))
