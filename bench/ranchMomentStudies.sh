#!/bin/sh
# The RANCH-style cohort studies of docs/looking.md ("RANCH-style looking on the shipped cohorts" and
# "Moment by moment"), for a looking model (default ranch-moment; ranch re-makes the trial-mean
# tables), with and without --habituate, then their tables (bench/ranchStudyTables.py).
# Run: sh bench/ranchMomentStudies.sh [MODEL] [OUT]   (one thread; about 3 minutes at load 4)
set -e
MODEL=${1:-ranch-moment}
OUT=${2:-results/looking-$MODEL}
M=learner-1k,learner-1k-s2,learner-1k-s3,learner-1k-s4,learner-1k-s5,learner-3k,learner-3k-s2,learner-3k-s3,learner-3k-s4,learner-3k-s5,learner-30k,learner-30k-s2,learner-30k-s3,learner-30k-s4,learner-30k-s5,learner-100k,learner-100k-s2,learner-100k-s3,learner-100k-s4,learner-100k-s5
run() { # NAME SCENES SEED [--habituate]
  name=$1; scenes=$2; seed=$3; shift 3
  npm run -s lab -- study --scenes "$scenes" --models $M --looking "$MODEL" "$@" --pairs 4 --fam 6 --seed "$seed" --out "$OUT/$name" > /dev/null
}
for hab in no yes; do
  flag=; [ $hab = yes ] && flag=--habituate
  suffix=; [ $hab = yes ] && suffix=-habituating
  run car-box-seed1$suffix scenes/car-off-platform.json,scenes/box-released-beyond-platform.json 1 $flag
  run car-seed2$suffix scenes/car-off-platform.json 2 $flag
  run box-pushed-seed1$suffix scenes/box-pushed-to-15-percent-contact.json 1 $flag
done
python3 bench/ranchStudyTables.py "$OUT"
