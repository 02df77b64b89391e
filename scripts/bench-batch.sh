#!/usr/bin/env bash
# Benchmark `attache batch --format json` on a large JSON Lines archive.
#
# Builds an archive of at least SIZE_MB megabytes (default 100) by repeating a
# JSON Lines file of articles (default ../shared/eval/cnn_dailymail.dev.jsonl,
# which must not be copied into the repository), giving every copy fresh ids,
# then runs the binary of the `dist` profile (fat LTO; PROFILE=release for the
# default release build) at --jobs 1 and 2 and reports articles/s, MB/s and
# peak RSS (GNU time). The archive lives outside the repository (WORK,
# default /tmp/attache-bench) and is reused when it exists.
#
#   scripts/bench-batch.sh                 # 100 MB archive, jobs 1 and 2
#   SIZE_MB=1000 JOBS="2" scripts/bench-batch.sh   # 1 GB, memory flatness
#   PROFILE=release JOBS=1 scripts/bench-batch.sh   # the plain release build
#   BIN=/tmp/other/attache JOBS=1 scripts/bench-batch.sh   # a binary built elsewhere
#
# Needs: cargo, GNU time at /usr/bin/time, python3 (only to build the archive).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${SRC:-../shared/eval/cnn_dailymail.dev.jsonl}
[ -f "$SRC" ] || SRC=/work/shared/eval/cnn_dailymail.dev.jsonl
SIZE_MB=${SIZE_MB:-100}
JOBS=${JOBS:-"1 2"}
WORK=${WORK:-/tmp/attache-bench}
mkdir -p "$WORK"
ARCHIVE="$WORK/archive-${SIZE_MB}MB.jsonl"

PROFILE=${PROFILE:-dist}
if [ -z "${BIN:-}" ]; then   # BIN=/path/to/attache measures that binary as it is
  cargo build --profile "$PROFILE" --quiet
  BIN=${CARGO_TARGET_DIR:-target}/$PROFILE/attache
fi

if [ ! -s "$ARCHIVE" ]; then
  python3 - "$SRC" "$ARCHIVE" "$SIZE_MB" <<'PY'
import json, sys
src, dst, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
target = size_mb * 1_000_000
written, copy = 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while written < target:
        for obj in lines:
            obj = dict(obj, id=f"{obj['id']}-c{copy}")
            obj.pop("summary", None)  # the reference summary is not input
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
        copy += 1
PY
fi
BYTES=$(stat -c %s "$ARCHIVE")
RECORDS=$(wc -l < "$ARCHIVE")
echo "binary: $BIN"
echo "archive: $ARCHIVE, $RECORDS articles, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall-clock figures; CPU seconds are less affected)"
printf "%-5s %10s %12s %9s %13s %8s %14s\n" jobs seconds articles/s MB/s "peak RSS MB" "CPU s" "articles/CPU-s"
for j in $JOBS; do
  OUT="$WORK/out-j$j.jsonl"
  /usr/bin/time -v "$BIN" batch "$ARCHIVE" --format json --jobs "$j" --output "$OUT" 2> "$WORK/time-j$j.txt" || true
  SECS=$(grep "Elapsed (wall clock)" "$WORK/time-j$j.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  RSS=$(grep "Maximum resident set size" "$WORK/time-j$j.txt" | awk '{print $NF}')
  USER=$(grep "User time (seconds)" "$WORK/time-j$j.txt" | awk '{print $NF}')
  SYS=$(grep "System time (seconds)" "$WORK/time-j$j.txt" | awk '{print $NF}')
  awk -v j="$j" -v s="$SECS" -v n="$RECORDS" -v b="$BYTES" -v r="$RSS" -v u="$USER" -v y="$SYS" \
    'BEGIN{printf "%-5s %10.2f %12.0f %9.1f %13.1f %8.2f %14.0f\n", j, s, n/s, b/1e6/s, r/1024, u+y, n/(u+y)}'
  grep "^attache batch:" "$WORK/time-j$j.txt" || true
done
if [ "$(echo $JOBS | wc -w)" -gt 1 ]; then
  first=$(echo $JOBS | awk '{print $1}')
  for j in $JOBS; do
    cmp -s "$WORK/out-j$first.jsonl" "$WORK/out-j$j.jsonl" && echo "jobs $j output identical to jobs $first" || echo "jobs $j output DIFFERS from jobs $first"
  done
fi
