#!/bin/sh
# The look-away hazard studies of docs/looking.md ("Beside infant data", "What that fixed", the
# learning-check counts): the commands written there, with and without --habituate, then their tables
# (bench/hazardStudyTables.py). FIRST=1 also runs the first version of habituation (--habituation first).
# Run: sh bench/hazardStudies.sh [OUT]   (one thread; several minutes)
set -e
OUT=${1:-results/looking-hazard}
A=1k,1k-s2,1k-s3,1k-s4,1k-s5,3k,3k-s2,3k-s3,3k-s4,3k-s5,30k,30k-s2,30k-s3,30k-s4,30k-s5,100k,100k-s2,100k-s3,100k-s4,100k-s5
ALL=$(echo $A | sed 's/\([^,]*\)/learner-\1/g')
OLD=$(echo 1k,1k-s2,1k-s3,1k-s4,1k-s5,30k,30k-s2,30k-s3,30k-s4,30k-s5,100k,100k-s2,100k-s3,100k-s4,100k-s5 | sed 's/\([^,]*\)/learner-\1/g')
TWO=$(echo 1k,1k-s2,1k-s3,1k-s4,1k-s5,100k,100k-s2,100k-s3,100k-s4,100k-s5 | sed 's/\([^,]*\)/learner-\1/g')
run() { # NAME SCENES MODELS SEED [FLAGS...]
  name=$1; scenes=$2; models=$3; seed=$4; shift 4
  npm run -s lab -- study --scenes "$scenes" --models "$models" --looking hazard "$@" --pairs 4 --fam 6 --seed "$seed" --out "$OUT/$name" > "$OUT/$name.stdout"
}
mkdir -p "$OUT"
CARBOX=scenes/car-off-platform.json,scenes/box-released-beyond-platform.json
run cohort $CARBOX "$ALL" 1
run cohort-habituating $CARBOX "$ALL" 1 --habituate --learning-check
run seed2 scenes/car-off-platform.json "$OLD" 2
run seed2-habituating scenes/car-off-platform.json "$OLD" 2 --habituate --learning-check
MORE=scenes/box-pushed-to-15-percent-contact.json,scenes/car-off-low-step.json
run more $MORE "$TWO" 1
run more-habituating $MORE "$TWO" 1 --habituate
if [ "${FIRST:-0}" = 1 ]; then run cohort-first $CARBOX "$ALL" 1 --habituate --habituation first --learning-check; fi
python3 bench/hazardStudyTables.py "$OUT"
