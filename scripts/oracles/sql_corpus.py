#!/usr/bin/env python3
"""Runs the StreamSQL corpus (Tests/StreamSQLTests/Corpus/queries.sql) through PySpark 4.3.0 and
DuckDB, printing one JSON line per (query, engine): {"name", "engine", "rows"} or {"name",
"engine", "error"}. Values are canonical: null, booleans as {"b": true}, numbers (Decimal as float), strings,
timestamps as {"ts": epoch microseconds}, structs and arrays as lists.

usage: sql_corpus.py CORPUS_FILE TABLE_DIR [spark|duckdb|all]

Spark runs with local[1], spark.sql.session.timeZone=UTC and spark.sql.ansi.enabled=false,
and reads each TABLE_DIR/NAME.jsonl as spark.read.json does (a temporary view NAME). DuckDB gets
the same tables with the types Spark inferred, so both engines see identical input.
"""
import calendar, datetime, decimal, json, os, re, sys

os.environ["TZ"] = "UTC"
try:
    import time
    time.tzset()
except AttributeError:
    pass


def parse_corpus(path):
    entries = []
    current = None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^-- name:\s*(\S+)", line)
        if m:
            current = {"name": m.group(1), "engines": ["spark"], "ordered": False, "unsupported": None, "sql": [], "header": True}
            entries.append(current)
            continue
        if current is None:
            continue
        if current["header"]:
            h = re.match(r"^-- (engines|ordered|unsupported)\s*:?\s*(.*)$", line.rstrip("\n"))
            if h:
                key, value = h.group(1), h.group(2).strip()
                if key == "engines":
                    current["engines"] = [e.strip() for e in value.split(",") if e.strip()]
                elif key == "ordered":
                    current["ordered"] = True
                else:
                    current["unsupported"] = value
                continue
            current["header"] = False
        current["sql"].append(line)
    for e in entries:
        e["sql"] = "".join(e["sql"]).strip().rstrip(";").strip()
        del e["header"]
    return entries


def canon(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v != v:
            return {"double": "NaN"}
        if v in (float("inf"), float("-inf")):
            return {"double": "Infinity" if v > 0 else "-Infinity"}
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, str):
        return v
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return {"ts": calendar.timegm(v.timetuple()) * 1000000 + v.microsecond}
    if isinstance(v, dict):
        return [canon(x) for x in v.values()]
    if isinstance(v, (list, tuple)):
        return [canon(x) for x in v]
    if hasattr(v, "asDict"):
        return [canon(x) for x in v]
    raise TypeError(str(type(v)))


def emit(name, engine, rows=None, error=None):
    out = {"name": name, "engine": engine}
    if error is not None:
        out["error"] = error
    else:
        out["rows"] = [[canon(x) for x in row] for row in rows]
    print(json.dumps(out, ensure_ascii=False), flush=True)


def duck_type(spark_type):
    from pyspark.sql import types as T
    if isinstance(spark_type, T.LongType): return "BIGINT"
    if isinstance(spark_type, T.IntegerType): return "INTEGER"
    if isinstance(spark_type, T.DoubleType): return "DOUBLE"
    if isinstance(spark_type, T.BooleanType): return "BOOLEAN"
    if isinstance(spark_type, T.ArrayType): return duck_type(spark_type.elementType) + "[]"
    return "VARCHAR"


def main():
    corpus, table_dir = sys.argv[1], sys.argv[2]
    which = sys.argv[3] if len(sys.argv) > 3 else "all"
    entries = parse_corpus(corpus)
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]").appName("sql-corpus")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.ansi.enabled", "false")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    tables = {}
    for file in sorted(os.listdir(table_dir)):
        if file.endswith(".jsonl"):
            name = file[:-len(".jsonl")]
            df = spark.read.json(os.path.join(table_dir, file))
            df.createOrReplaceTempView(name)
            tables[name] = (df.schema, [tuple(r) for r in df.collect()])
    if which in ("spark", "all"):
        for e in entries:
            if "spark" not in e["engines"] and e["unsupported"] is None:
                continue
            try:
                emit(e["name"], "spark", rows=spark.sql(e["sql"]).collect())
            except Exception as ex:  # an oracle error is reported, never hidden
                emit(e["name"], "spark", error=str(ex).split("\n")[0][:500])
    if which in ("duckdb", "all"):
        import duckdb
        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
        for name, (schema, rows) in tables.items():
            cols = ", ".join('"%s" %s' % (f.name.replace('"', '""'), duck_type(f.dataType)) for f in schema.fields)
            con.execute('CREATE TABLE "%s" (%s)' % (name, cols))
            if rows:
                marks = ", ".join("?" for _ in schema.fields)
                con.executemany('INSERT INTO "%s" VALUES (%s)' % (name, marks), [list(r) for r in rows])
        for e in entries:
            if "duckdb" not in e["engines"]:
                continue
            try:
                emit(e["name"], "duckdb", rows=con.execute(e["sql"]).fetchall())
            except Exception as ex:
                emit(e["name"], "duckdb", error=str(ex).split("\n")[0][:500])
    spark.stop()


if __name__ == "__main__":
    main()
