# The tables and verdicts of docs/looking.md's pre-registered infant studies (bench/infantStudies.sh),
# from each run's looking.json: per model, replication and age, the fall across familiarization
# (mean of trials 4–6 against 1–3, over the 20 infants), test looking (mean ± SEM over the infants'
# means), k of 20 infants looking longer at the impossible car with the one-sided sign test, k of 5
# learners by their infants' mean, and each learner's mean preference (with counterbalanced orders
# also k of n among the infants who saw each order); then the pre-registered verdict.
# Run: python3 bench/infantStudyTables.py OUT [REPLICATION_SEEDS] [CHECK_SEEDS] [ORDERS]
#   (defaults "11 12 13", "14", shared: the first pre-registered design)
import json, os, sys
from decimal import Decimal, ROUND_HALF_UP

OUT = sys.argv[1]
PRIMARY = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else '11 12 13').split()]
ORDER_CHECK = [int(x) for x in (sys.argv[3] if len(sys.argv) > 3 else '14').split()]
ORDERS = sys.argv[4] if len(sys.argv) > 4 else 'shared'
COUNTERBALANCED = ORDERS == 'counterbalanced'
OLDER, YOUNGER = 100000, 1000

def f(x, q='0.1'):
    return str(Decimal(repr(x)).quantize(Decimal(q), rounding=ROUND_HALF_UP))

def pf(p):
    return '< 0.001' if p < 0.001 else f(round(p, 12), '0.001')  # round off the float's last bits first (0.1875 is 0.18749…)

def load(model, seed):
    path = os.path.join(OUT, f'{model}-seed{seed}', 'looking.json')
    if not os.path.exists(path):
        return None
    r = json.load(open(path))['results']
    assert r['model'] == model and r['seed'] == seed and r['habituate'] and r['infantsPerLearner'] == 4, path
    assert r.get('orders', 'shared') == ORDERS, f'{path}: orders {r.get("orders", "shared")}, expected {ORDERS}'
    return {g['experience_frames']: g for g in r['scenes'][0]['groups'] if g['kind'] == 'learned'}

def fam_fall(g):
    means = [s['mean'] for s in g['familiarization']]
    first, last = sum(means[:3]) / 3, sum(means[-3:]) / 3
    return first, last, last < first

def age_label(frames):
    return f'{frames:,} frames'

for model in ['ranch', 'ranch-moment']:
    verdicts = []
    for seed in PRIMARY + ORDER_CHECK:
        groups = load(model, seed)
        if groups is None:
            print(f'\n{model}, seed {seed}: not run')
            continue
        kind = 'replication' if seed in PRIMARY else 'order check (secondary)'
        print(f'\n**`{model}`, study seed {seed}** ({kind})\n')
        by_order = ' infants longer, by order: drawn / flipped |' if COUNTERBALANCED else ''
        print(f'| age | familiarization, mean of trials 1–3 → 4–6 | test: possible / impossible | infants longer at impossible |{by_order} learners (by their infants\' mean) | each learner\'s mean preference, s |')
        print('|---|---|---|---|---|---|' + ('---|' if COUNTERBALANCED else ''))
        for frames in sorted(groups):
            g = groups[frames]
            first, last, falls = fam_fall(g)
            t = g['test']
            prefs = ', '.join(('+' if m['preference'] > 0 else '') + f(m['preference'], '0.01') for m in g['learners']['means'])
            orders = f" {g['byOrder']['drawn']['longerAtImpossible']} of {g['byOrder']['drawn']['n']} / {g['byOrder']['flipped']['longerAtImpossible']} of {g['byOrder']['flipped']['n']} |" if COUNTERBALANCED else ''
            print(f"| {age_label(frames)} | {f(first)} → {f(last)} s{'' if falls else ' (no fall)'} | {f(t['possible']['mean'])} ± {f(t['possible']['sem'])} / {f(t['impossible']['mean'])} ± {f(t['impossible']['sem'])} s | "
                  f"{g['longerAtImpossible']} of {g['n']}, p {pf(g['p'])} |{orders} {g['learners']['longerAtImpossible']} of {g['learners']['n']}, p {pf(g['learners']['p'])} | {prefs} |")
        old, young = groups[OLDER], groups[YOUNGER]
        falls = all(fam_fall(groups[a])[2] for a in (OLDER, YOUNGER))
        older_yes = old['p'] < 0.05
        younger_no = young['p'] >= 0.05
        met = falls and older_yes and younger_no
        verdicts.append((seed, met))
        yn = lambda b: 'yes' if b else 'no'
        print(f"\nVerdict: (1) looking falls at 1,000 and 100,000 frames: {yn(falls)}; (2) the older recover (100,000 frames, p < 0.05): {yn(older_yes)} (p {pf(old['p'])}); "
              f"(3) the younger do not (1,000 frames, p ≥ 0.05): {yn(younger_no)} (p {pf(young['p'])}): **{'met' if met else 'not met'}**.")
    primary = [s for s, m in verdicts if s in PRIMARY and m]
    check = f"; order check: {', '.join(('met' if m else 'not met') for s, m in verdicts if s in ORDER_CHECK) or 'not run'}" if ORDER_CHECK else ''
    print(f"\n`{model}`: met at {len(primary)} of {len([s for s, _ in verdicts if s in PRIMARY])} replications ({', '.join(map(str, primary)) or 'none'}){check}.")
