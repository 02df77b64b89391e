#!/usr/bin/env bash
# End-to-end test of Attaché on Apache Spark (see examples/spark/README.md).
#
#   examples/spark/test.sh
#
# Sets up what it needs: Java 17 or newer (apt-get install openjdk-17-jre-headless
# if `java` is missing), a Python virtual environment with PySpark 4 cached in
# ${XDG_CACHE_HOME:-$HOME/.cache}/attache-spark-venv (ATTACHE_SPARK_VENV
# overrides), and the release binary (ATTACHE_BIN=/path/to/attache skips the
# build). Then it writes a 3,000-article archive (plain and gzip), runs the
# Spark job on it in local mode, bound to the loopback interface, and checks:
#   1. the job succeeds on the plain and on the gzip archive;
#   2. its output equals `attache batch` run directly on the archive, record
#      for record and in order (the `input` field aside: inside Spark it names
#      the line within the partition's standard input);
#   3. a binary killed mid-partition fails the job instead of losing rows, and
#      so does one that drops lines but exits with 0 (the job counts lines);
#   4. the trap the README warns about is real: RDD.pipe without checkCode
#      returns the truncated output of the same binary as a success.
# Prints `spark: N passed, M failed` and exits non-zero on any failure.
# KEEP=1 keeps the work directory.

set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
root=$PWD
start=$SECONDS
passed=0
failed=0

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
finish() {
  echo "spark: total $((SECONDS - start)) s"
  echo "spark: $passed passed, $failed failed"
  if [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then exit 0; else exit 1; fi
}
die() { echo "spark: setup failed: $*" >&2; not_ok "setup: $*"; finish; }

# --- Java 17+ -------------------------------------------------------------
java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }
if ! command -v java >/dev/null 2>&1; then
  echo "spark: java not found; installing openjdk-17-jre-headless"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  { $sudo apt-get update -qq \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
    || die "cannot install openjdk-17-jre-headless"
fi
major=$(java_major)
[ -n "$major" ] && [ "$major" -ge 17 ] || die "Spark 4 needs Java 17 or newer, found: $(java -version 2>&1 | head -n 1)"

# --- Python venv with PySpark 4 ---------------------------------------------
venv=${ATTACHE_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/attache-spark-venv}
if ! "$venv/bin/python" -c 'import pyspark, sys; sys.exit(pyspark.__version__.split(".")[0] != "4")' 2>/dev/null; then
  t=$SECONDS
  echo "spark: creating $venv"
  if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then die "$venv exists and is not a virtual environment"; fi
  python3 -m venv --clear "$venv" || die "python3 -m venv failed"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pyspark>=4,<5' || die "pip install pyspark failed"
  echo "spark: venv ready in $((SECONDS - t)) s"
fi
pyspark_version=$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')
export PATH="$venv/bin:$PATH"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
unset SPARK_HOME

# --- the binary ---------------------------------------------------------------
if [ -n "${ATTACHE_BIN:-}" ]; then
  bin=$ATTACHE_BIN
else
  t=$SECONDS
  cargo build --release --quiet --bin attache || die "cargo build --release failed"
  bin=${CARGO_TARGET_DIR:-$root/target}/release/attache
  echo "spark: release build checked in $((SECONDS - t)) s"
fi
[ -x "$bin" ] || die "no executable at $bin"

work=$(mktemp -d "${TMPDIR:-/tmp}/attache-spark.XXXXXX") || die "mktemp failed"
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "spark: keeping $work"; fi
mkdir -p "$work/files"
cp "$bin" "$work/files/attache"

# --- the archive --------------------------------------------------------------
python3 examples/spark/make_archive.py "$work/archive.jsonl" --count "${ATTACHE_SPARK_COUNT:-3000}" \
  --gzip "$work/archive.jsonl.gz" || die "make_archive.py failed"
kib() { echo $(($(wc -c <"$1") / 1024)); }
echo "spark: archive $(wc -l <"$work/archive.jsonl") lines, $(kib "$work/archive.jsonl") KiB plain," \
  "$(kib "$work/archive.jsonl.gz") KiB gzip"

# A binary that dies mid-partition: it briefs the first lines it is given (about
# half of a partition), reads the rest of its input without answering, then is
# killed (SIGKILL, as by the out-of-memory killer). Only its exit status tells
# that rows are missing.
keep=$(($(wc -l <"$work/archive.jsonl") / 8))
cat >"$work/files/attache-dies" <<EOF
#!/usr/bin/env bash
here=\$(dirname "\$0")
{ head -n $keep | "\$here/attache" "\$@"; cat >/dev/null; }
kill -KILL \$\$
EOF
# A binary that drops lines yet exits with 0: only the job's own count of
# lines in and out can notice.
cat >"$work/files/attache-drops" <<EOF
#!/usr/bin/env bash
here=\$(dirname "\$0")
{ head -n $keep | "\$here/attache" "\$@"; cat >/dev/null; }
exit 0
EOF
chmod +x "$work/files/attache-dies" "$work/files/attache-drops"

# Reference: attache batch run directly on the archive (records that cannot be
# briefed make it exit 1; anything else is a failure of the run).
"$bin" batch "$work/archive.jsonl" --format json --errors - --quiet >"$work/direct.jsonl" 2>"$work/direct.err"
rc=$?
if [ "$rc" -gt 1 ]; then
  cat "$work/direct.err" >&2
  die "attache batch on the archive exited with $rc"
fi

# --- Spark ----------------------------------------------------------------------
export SPARK_LOCAL_IP=127.0.0.1
submit() { # submit LOG ARGS...
  local log=$1
  shift
  spark-submit --master 'local[2]' \
    --conf spark.ui.enabled=false \
    --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.log.level=WARN \
    --conf spark.ui.showConsoleProgress=false \
    "$@" >"$log" 2>&1
}

# Compare the job's output directory with the direct run, record for record.
compare() { # compare OUTDIR
  python3 - "$1" "$work/direct.jsonl" <<'EOF'
import glob, json, sys
out_dir, direct = sys.argv[1], sys.argv[2]
def records(lines):
    for line in lines:
        r = json.loads(line)
        # `input` names the file and line for the direct run and the line of the
        # partition's stdin inside Spark; everything else must be identical.
        r.pop("input", None)
        yield r
with open(direct, encoding="utf-8") as f:
    want = list(records(f))
got_lines = []
for part in sorted(glob.glob(f"{out_dir}/part-*")):
    with open(part, encoding="utf-8") as f:
        got_lines.extend(f)
got = list(records(got_lines))
errors = sum(1 for r in want if "error" in r)
if got == want:
    print(f"  {len(got)} records equal ({len(got) - errors} briefings, {errors} error records)")
    sys.exit(0)
print(f"  {len(got)} records from Spark, {len(want)} from attache batch", file=sys.stderr)
for i, (g, w) in enumerate(zip(got, want)):
    if g != w:
        print(f"  first difference at record {i}:\n  spark:  {json.dumps(g)[:300]}\n  direct: {json.dumps(w)[:300]}", file=sys.stderr)
        break
sys.exit(1)
EOF
}

job=examples/spark/attache_job.py
split=$(($(wc -c <"$work/archive.jsonl") / 4 + 1))
files="$work/files/attache,$work/files/attache-dies,$work/files/attache-drops"
for kind in plain gzip; do
  case $kind in
    plain) input=$work/archive.jsonl ;;
    gzip) input=$work/archive.jsonl.gz ;;
  esac
  t=$SECONDS
  # Four partitions of the plain archive, run two at a time (gzip is never split).
  if submit "$work/$kind.log" --files "$files" "$job" "$input" "$work/out-$kind" --max-partition-bytes "$split" \
    && [ -f "$work/out-$kind/_SUCCESS" ]; then
    ok "job succeeds on the $kind archive ($((SECONDS - t)) s; $(grep -h '^attache_job: [0-9]* read' "$work/$kind.log"))"
    if compare "$work/out-$kind"; then
      ok "job output on the $kind archive equals attache batch, record for record"
    else
      not_ok "job output on the $kind archive equals attache batch, record for record"
    fi
  else
    tail -n 30 "$work/$kind.log"
    not_ok "job succeeds on the $kind archive"
  fi
done

# Failures, in one Spark application to save JVM start-ups: the job's run()
# with the two broken binaries, then the RDD.pipe trap.
cat >"$work/failures.py" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import attache_job
from pyspark import SparkFiles
from pyspark.sql import SparkSession
archive, work, split = sys.argv[2], sys.argv[3], sys.argv[4]
spark = SparkSession.builder.appName("attache-spark-test-failures").getOrCreate()
spark.sparkContext.setLogLevel("WARN")
for name in ("attache-dies", "attache-drops"):
    status = attache_job.run(spark, [archive], f"{work}/out-{name}", binary=name, max_partition_bytes=split)
    print(f"{name}: job status {status}", file=sys.stderr)
# The trap: RDD.pipe with its defaults reports success and drops the rows.
lines = spark.sparkContext.textFile(archive, minPartitions=4)
cmd = SparkFiles.get("attache-dies") + " batch - --format json --errors - --quiet"
# env must carry PATH: without it the wrapper's `head` and `cat` are not found.
out = lines.pipe(cmd, env={"PATH": "/usr/bin:/bin"}).count()
print(f"pipe_trap: {lines.count()} in, {out} out", file=sys.stderr)
spark.stop()
EOF
t=$SECONDS
submit "$work/failures.log" --files "$files" "$work/failures.py" "$root/examples/spark" "$work/archive.jsonl" "$work" "$split"
rc=$?
echo "spark: failure checks ran in $((SECONDS - t)) s (status $rc)"
[ "$rc" -eq 0 ] || tail -n 30 "$work/failures.log"

log=$work/failures.log
if ! grep -q '^attache-dies: job status 1$' "$log"; then
  not_ok "a binary killed mid-partition fails the job ($(grep -h '^attache-dies: job status' "$log"))"
elif [ -f "$work/out-attache-dies/_SUCCESS" ]; then
  not_ok "a binary killed mid-partition fails the job (it failed but left a committed output)"
elif grep -q "^attache_job: error: briefing failed, $work/out-attache-dies is incomplete: .*Subprocess exited with status 137" "$log"; then
  ok "a binary killed mid-partition fails the job, naming the exit status (Subprocess exited with status 137), nothing committed"
else
  not_ok "a binary killed mid-partition fails the job for that reason (no exit status in the log)"
fi

if ! grep -q '^attache-drops: job status 1$' "$log"; then
  not_ok "a binary that drops lines and exits with 0 fails the job ($(grep -h '^attache-drops: job status' "$log"))"
elif [ -f "$work/out-attache-drops/_SUCCESS" ]; then
  not_ok "a binary that drops lines and exits with 0 fails the job (it failed but left _SUCCESS)"
elif grep -q "^attache_job: error: [0-9]* input lines but [0-9]* output lines .*; $work/out-attache-drops is incomplete" "$log"; then
  ok "a binary that drops lines and exits with 0 fails the job ($(grep -o '[0-9]* input lines but [0-9]* output lines' "$log")), _SUCCESS removed"
else
  not_ok "a binary that drops lines and exits with 0 fails the job for that reason"
fi

line=$(grep -h '^pipe_trap:' "$log")
set -- $line
if [ -n "$line" ] && [ "$2" -gt "$4" ]; then
  ok "RDD.pipe without checkCode loses rows silently, as the README warns ($2 in, $4 out, no error)"
else
  not_ok "RDD.pipe without checkCode loses rows silently (${line:-it raised an error})"
fi

echo "spark: PySpark $pyspark_version, Java $major, binary $bin"
finish
