#!/usr/bin/env python3
"""Brief a JSON Lines archive of articles with Attaché inside Apache Spark.

    spark-submit --files /path/to/attache examples/spark/attache_job.py \\
        'archive/*.jsonl.gz' out/briefings

Each partition of the archive is streamed through one `attache batch` process
with Spark SQL's script transform:

    SELECT TRANSFORM(value)
           USING 'attache batch - --format json --errors - --quiet --jobs 1 || …'
           AS (line STRING) FROM articles

`attache` writes one line per input line (a briefing or an error record), in
input order, so nothing is lost silently. Spark fails the task, and so the
job, when the process is killed or exits with a status other than 0 or 1 (1:
some articles could not be briefed, and their error records are in the
output). After the
write, the job reads its output back with `from_json` and the briefing schema
below, counts briefings and error records, and fails unless every input line
came back as exactly one of them.

The output directory holds attache's own JSON lines (part-*.txt, in input
order within each part); read it with `spark.read.schema(SCHEMA).json(...)`.
See examples/spark/README.md.
"""

import argparse
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    LongType,
    MapType,
    StringType,
    StructField,
    StructType,
)

POINT = StructType(
    [
        StructField("text", StringType()),
        StructField("sentence", LongType()),
        StructField("score", DoubleType()),
        StructField("rank", LongType()),
        StructField("parts", MapType(StringType(), DoubleType())),
    ]
)

INPUT = StructType(
    [
        StructField("file", StringType()),
        StructField("line", LongType()),
        StructField("record", LongType()),
    ]
)

#: One output line of `attache batch --format json --errors -`: a briefing
#: (the JSON contract in the top-level README, plus `input`) or an error
#: record (`input`, `id` when the article had one, `error`). Inside Spark,
#: `input.file` is `-` and `input.line` counts lines of the partition.
SCHEMA = StructType(
    [
        StructField("id", StringType()),
        StructField("title", StringType()),
        StructField("published", StringType()),
        StructField("source", StringType()),
        StructField("url", StringType()),
        StructField("author", StringType()),
        StructField("dateline", StringType()),
        StructField("method", StringType()),
        StructField("bottom_line", ArrayType(POINT)),
        StructField("key_points", ArrayType(POINT)),
        StructField(
            "stats",
            StructType(
                [
                    StructField("words", LongType()),
                    StructField("sentences", LongType()),
                    StructField("brief_words", LongType()),
                    StructField("dropped", LongType()),
                ]
            ),
        ),
        StructField("input", INPUT),
        # error records
        StructField("error", StringType()),
    ]
)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="attache_job.py", description="Brief a JSON Lines archive with Attaché on Spark."
    )
    ap.add_argument("input", nargs="+", help="JSON Lines files, directories or globs (.gz is read transparently)")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument(
        "--binary",
        default="attache",
        help="file name of the attache executable shipped with spark-submit --files (default: attache)",
    )
    ap.add_argument(
        "--attache-args",
        default="",
        help="extra options for `attache batch`, e.g. '--points 3 --method lexrank' "
        "(default --jobs: spark.task.cpus)",
    )
    ap.add_argument(
        "--max-partition-bytes",
        metavar="SIZE",
        default=None,
        help="split input files into partitions of at most SIZE (e.g. 64m; sets spark.sql.files.maxPartitionBytes, "
        "default 128m); gzip files are never split",
    )
    return ap.parse_args(argv)


def binary_path(spark, name):
    """Where executors find the file shipped with `--files`.

    In local mode executors run inside the driver and see the driver's copy;
    on a cluster every executor fetches the file into its working directory.
    """
    if "/" in name:
        raise SystemExit(f"attache_job: --binary takes the file name given to --files, not a path: {name}")
    if spark.sparkContext.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


def sql_string(s):
    """A Spark SQL string literal holding `s`."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def cause(err):
    """The line of a Spark error that names its cause, such as
    'Subprocess exited with status 137'."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    for line in lines:
        if "Subprocess exited" in line:
            return line.lstrip(": ")
    return lines[0] if lines else type(err).__name__


def unmark_success(spark, output):
    """Delete the `_SUCCESS` marker Spark wrote, so that nothing downstream
    takes an incomplete output for a finished one."""
    jvm = spark.sparkContext._jvm
    marker = jvm.org.apache.hadoop.fs.Path(output, "_SUCCESS")
    marker.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(marker, False)


def attache_command(spark, binary="attache", attache_args=""):
    """The shell command each partition runs (see the module docs)."""
    extra = shlex.split(attache_args)
    if not any(a in ("-j", "--jobs") or a.startswith("--jobs=") for a in extra):
        # Spark already runs one task per core; each attache process gets the
        # cores of one task instead of starting a thread per core of the machine.
        extra = ["--jobs", spark.conf.get("spark.task.cpus", "1")] + extra
    batch = ["batch", "-", "--format", "json", "--errors", "-", "--quiet", *extra]
    attache = shlex.join([binary_path(spark, binary), *batch])
    # Exit status 1 means "some articles could not be briefed": their error
    # records are in the output, so that is a success here. Anything else
    # (2: the run could not proceed, 128+N: killed by signal N) fails the task.
    return f"{attache} || {{ status=$?; [ $status -eq 1 ] || exit $status; }}"


def run(spark, inputs, output, binary="attache", attache_args="", max_partition_bytes=None):
    """Brief `inputs` (paths or globs of JSON Lines) into the directory
    `output`. Returns 0 on success and 1 on failure, with the reason on
    standard error; usable from a notebook with an existing session."""
    if max_partition_bytes:
        spark.conf.set("spark.sql.files.maxPartitionBytes", max_partition_bytes)
    command = attache_command(spark, binary, attache_args)
    print(f"attache_job: each partition runs: {command}", file=sys.stderr)

    # Blank lines carry no article; drop them here so that every line sent to
    # attache comes back as exactly one line.
    articles = spark.read.text(inputs).where(F.col("value").rlike("[^ \\t\\n\\f\\r]"))
    articles.createOrReplaceTempView("articles")
    # Script transform runs `/bin/bash -c COMMAND` once per partition, feeds it
    # the rows on stdin (one per line) and reads one output row per line. It
    # fails the task if the process fails or dies, unlike RDD.pipe.
    briefed = spark.sql(f"SELECT TRANSFORM(value) USING {sql_string(command)} AS (line STRING) FROM articles")
    try:
        briefed.write.text(output)
    except Exception as err:  # Py4JJavaError or a PySpark exception, depending on the failure
        print(f"attache_job: error: briefing failed, {output} is incomplete: {cause(err)}", file=sys.stderr)
        return 1

    # Check what came back: every line must parse, and the counts must match.
    out = spark.read.text(output).select(F.from_json("value", SCHEMA).alias("r"))
    counts = out.select(
        F.count(F.lit(1)).alias("lines"),
        F.count(F.when(F.col("r.error").isNotNull(), 1)).alias("failed"),
        F.count(F.when(F.col("r.error").isNull() & F.col("r.bottom_line").isNotNull(), 1)).alias("briefed"),
    ).first()
    read = articles.count()
    malformed = counts["lines"] - counts["failed"] - counts["briefed"]
    print(
        f"attache_job: {read} read, {counts['briefed']} briefed, {counts['failed']} failed"
        + (f", {malformed} malformed output lines" if malformed else ""),
        file=sys.stderr,
    )
    if malformed or counts["lines"] != read:
        print(
            f"attache_job: error: {read} input lines but {counts['lines']} output lines "
            f"({malformed} neither a briefing nor an error record); {output} is incomplete",
            file=sys.stderr,
        )
        unmark_success(spark, output)
        return 1
    return 0


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("attache-briefings").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        return run(spark, args.input, args.output, args.binary, args.attache_args, args.max_partition_bytes)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
