#!/bin/sh
# Re-makes the charts docs/looking.md shows (docs/looking-*.svg) from the study runs it reports: each chart
# is the one `lab study` wrote for that run, copied under the name the docs use.
# Run, after the three study scripts with these OUT directories:
#   sh bench/hazardStudies.sh H; sh bench/ranchMomentStudies.sh ranch R; sh bench/ranchMomentStudies.sh ranch-moment M
#   sh bench/lookingCharts.sh H R M
set -e
H=${1:-results/looking-hazard}; R=${2:-results/looking-ranch}; M=${3:-results/looking-ranch-moment}
copy() { cp "$1" "docs/$2"; echo "docs/$2 <- $1"; }
car=car-off-platform; box=box-released-beyond-platform
copy "$H/cohort-habituating/$car-ages.svg" looking-car-ages.svg
copy "$H/cohort-habituating/$car-familiarization.svg" looking-car-familiarization.svg
copy "$H/cohort/$car-ages.svg" looking-car-ages-no-habituation.svg
copy "$H/cohort-habituating/$box-ages.svg" looking-box-ages.svg
copy "$H/cohort-habituating/$box-familiarization.svg" looking-box-familiarization.svg
copy "$R/car-box-seed1/$car-ages.svg" looking-ranch-car-ages.svg
copy "$R/car-box-seed1/$car-familiarization.svg" looking-ranch-car-familiarization.svg
copy "$R/car-box-seed1-habituating/$car-familiarization.svg" looking-ranch-car-familiarization-habituating.svg
copy "$R/car-seed2/$car-ages.svg" looking-ranch-car-ages-seed2.svg
copy "$M/car-box-seed1-habituating/$car-ages.svg" looking-ranch-moment-car-ages.svg
copy "$M/car-box-seed1-habituating/$car-familiarization.svg" looking-ranch-moment-car-familiarization.svg
