#!/bin/sh
# The pre-registered infant studies of docs/looking.md ("Infants per learner, and a pre-registered test"):
# the car, ranch and ranch-moment, habituating, 6 familiarization trials, 4 test pairs, 4 infants per
# learner, 1,000 / 30,000 / 100,000 frames × 5 learners, at the given study seeds and test orders,
# then the tables and verdicts (bench/infantStudyTables.py).
#   sh bench/infantStudies.sh OUT                                  # the first design: seeds 11, 12, 13 + order check 14, shared orders
#   sh bench/infantStudies.sh OUT "21 22 23" counterbalanced ""    # the second: seeds 21-23, counterbalanced, no order check
# Run: sh bench/infantStudies.sh [OUT] [SEEDS] [ORDERS] [CHECK]   (one thread; about 1–2 min a run at load 4)
# SEEDS: the study seeds run (default "11 12 13 14"); ORDERS: shared (default) or counterbalanced
# (lab study --orders); CHECK: which of SEEDS is the order check, not a replication (default 14).
set -e
OUT=${1:-results/infant-studies}
SEEDS=${2:-11 12 13 14}
ORDERS=${3:-shared}
CHECK=${4-14}
M=learner-1k,learner-1k-s2,learner-1k-s3,learner-1k-s4,learner-1k-s5,learner-30k,learner-30k-s2,learner-30k-s3,learner-30k-s4,learner-30k-s5,learner-100k,learner-100k-s2,learner-100k-s3,learner-100k-s4,learner-100k-s5
for seed in $SEEDS; do
  for model in ranch ranch-moment; do
    start=$(date +%s)
    npm run -s lab -- study --scenes scenes/car-off-platform.json --models $M --looking $model --habituate \
      --pairs 4 --fam 6 --infants-per-learner 4 --orders "$ORDERS" --seed $seed --out "$OUT/$model-seed$seed" > /dev/null 2> "$OUT.$model-seed$seed.log" || { cat "$OUT.$model-seed$seed.log"; exit 1; }
    echo "$model seed $seed: $(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
done
REPLICATIONS=$(for s in $SEEDS; do case " $CHECK " in *" $s "*) ;; *) printf '%s ' "$s";; esac; done)
python3 bench/infantStudyTables.py "$OUT" "$REPLICATIONS" "$CHECK" "$ORDERS"
