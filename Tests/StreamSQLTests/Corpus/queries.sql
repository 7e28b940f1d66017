-- The StreamSQL corpus: each entry is run by StreamSQLCorpusTests through SQLSession and by
-- scripts/oracles/sql_corpus.py through PySpark 4.3.0 (and DuckDB where marked), and the rows
-- are compared (as multisets unless marked `ordered`; numbers within a relative 1e-9).
-- Header lines of an entry: `-- name: N` (required, first), `-- engines: spark[, duckdb]`,
-- `-- ordered`, `-- unsupported: TEXT` (Stream360 must refuse it with an error containing TEXT).
-- Tables: customers, events, orders (tables/*.jsonl, read as spark.read.json reads them).

-- name: select_star
-- engines: spark, duckdb
SELECT * FROM customers;

-- name: projection_case_insensitive
-- engines: spark, duckdb
SELECT ID, name, state FROM customers;

-- name: backquoted_dash_column
-- engines: spark, duckdb
SELECT id, `CURRENT-BAL` FROM customers WHERE `current-bal` > 0;

-- name: alias_and_qualified_star
-- engines: spark, duckdb
SELECT c.* FROM customers AS c WHERE c.id <= 3;

-- name: where_and_or_precedence
-- engines: spark, duckdb
SELECT id FROM customers WHERE State = 'KA' OR State = 'MH' AND churn_risk > 20;

-- name: where_not
-- engines: spark, duckdb
SELECT id FROM customers WHERE NOT (churn_risk >= 20);

-- name: is_null_and_is_not_null
-- engines: spark, duckdb
SELECT id, State IS NULL AS no_state, email IS NOT NULL AS has_email FROM customers;

-- name: between_and_not_between
-- engines: spark, duckdb
SELECT id FROM customers WHERE churn_risk BETWEEN 5.75 AND 25 AND id NOT BETWEEN 2 AND 3;

-- name: in_list_with_null
-- engines: spark, duckdb
SELECT id, State IN ('KA', 'TN') AS south, State NOT IN ('MH', NULL) AS not_mh FROM customers;

-- name: like_patterns
-- engines: spark, duckdb
SELECT id FROM customers WHERE email LIKE '%@example.com' OR Name LIKE '_ev';

-- name: not_like
-- engines: spark, duckdb
SELECT id FROM customers WHERE email NOT LIKE '%.com';

-- name: rlike
-- engines: spark
SELECT id FROM customers WHERE Name RLIKE '^[A-C]';

-- name: arithmetic_types
-- engines: spark, duckdb
SELECT id, id + 1 AS a, id * 2 - 3 AS b, `CURRENT-BAL` / 4 AS c, id % 3 AS d, -id AS e FROM customers;

-- name: arithmetic_with_nulls
-- engines: spark, duckdb
SELECT id, churn_risk + `CURRENT-BAL` AS s, churn_risk * NULL AS n FROM customers;

-- name: division_by_zero_is_null
-- engines: spark
SELECT id, `CURRENT-BAL` / 0 AS q, id % 0 AS r FROM customers;

-- name: integer_division_div
-- engines: spark
SELECT id, `CURRENT-BAL` DIV 7 AS q FROM customers;

-- name: string_concat_operator
-- engines: spark, duckdb
SELECT id, Name || '/' || State AS label FROM customers;

-- name: concat_function_null
-- engines: spark
SELECT id, concat(Name, '-', State) AS c, concat_ws('|', Name, State, email) AS w FROM customers;

-- name: cast_string_to_int_non_ansi
-- engines: spark
SELECT id, CAST(Age AS INT) AS age_int, CAST(Age AS BIGINT) AS age_long, CAST(Age AS DOUBLE) AS age_double FROM customers;

-- name: cast_to_string_and_boolean
-- engines: spark
SELECT id, CAST(churn_risk AS STRING) AS r, CAST(id AS BOOLEAN) AS b, CAST(id > 3 AS INT) AS flag FROM customers;

-- name: cast_string_to_timestamp
-- engines: spark
SELECT event_id, CAST(ts AS TIMESTAMP) AS t FROM events;

-- name: cast_timestamp_to_long
-- engines: spark
SELECT id, CAST(CAST(Signup AS TIMESTAMP) AS BIGINT) AS epoch FROM customers;

-- name: double_colon_cast
-- engines: spark, duckdb
SELECT id, Age::int AS a FROM customers WHERE id IN (1, 7);

-- name: case_when_searched
-- engines: spark, duckdb
SELECT id, CASE WHEN churn_risk >= 20 THEN 1 ELSE 0 END AS churn_label FROM customers;

-- name: case_when_simple_no_else
-- engines: spark, duckdb
SELECT id, CASE State WHEN 'KA' THEN 'Karnataka' WHEN 'MH' THEN 'Maharashtra' END AS state_name FROM customers;

-- name: case_when_mixed_numeric
-- engines: spark
SELECT id, CASE WHEN id < 3 THEN id WHEN id < 6 THEN churn_risk ELSE NULL END AS v FROM customers;

-- name: case_when_string_compared_with_int
-- engines: spark
SELECT id, CASE WHEN Age >= 30 THEN 'old' WHEN Age < 30 THEN 'young' ELSE 'unknown' END AS bucket FROM customers;

-- name: string_functions
-- engines: spark, duckdb
SELECT id, upper(Name) AS u, lower(email) AS l, length(Name) AS n, trim(Age) AS t FROM customers;

-- name: substring_forms
-- engines: spark
SELECT id, substring(Name, 2, 3) AS a, substr(Name, -3) AS b, substring(Name, 0, 2) AS c FROM customers;

-- name: regexp_replace_digits
-- engines: spark, duckdb
SELECT id, regexp_replace(email, '[a-z]+@', 'x@') AS masked FROM customers;

-- name: regexp_replace_groups
-- engines: spark
SELECT id, regexp_replace(Signup, '(\\d+)-(\\d+)-(\\d+).*', '$3/$2/$1') AS d FROM customers;

-- name: regexp_extract
-- engines: spark
SELECT id, regexp_extract(email, '@([a-z]+)\\.', 1) AS domain FROM customers;

-- name: coalesce_nvl_nullif_if
-- engines: spark
SELECT id, coalesce(State, 'none') AS s, nvl(churn_risk, -1) AS r, nullif(State, 'KA') AS n, if(id > 4, 'hi', 'lo') AS h FROM customers;

-- name: abs_round_floor_ceil
-- engines: spark
SELECT id, abs(`CURRENT-BAL`) AS a, round(churn_risk) AS r0, round(churn_risk, 1) AS r1, floor(churn_risk) AS f, ceil(churn_risk) AS c FROM customers;

-- name: initcap_replace_instr_pad
-- engines: spark
SELECT id, initcap(Name) AS i, replace(email, 'example', 'ex') AS r, instr(email, '@') AS p, lpad(State, 4, '*') AS l, rpad(State, 3, '.') AS rp FROM customers;

-- name: timestamp_parts
-- engines: spark
SELECT id, year(CAST(Signup AS TIMESTAMP)) AS y, month(CAST(Signup AS TIMESTAMP)) AS m, hour(CAST(Signup AS TIMESTAMP)) AS h, minute(CAST(Signup AS TIMESTAMP)) AS mi, second(CAST(Signup AS TIMESTAMP)) AS s FROM customers;

-- name: to_timestamp_with_pattern
-- engines: spark
SELECT event_id, to_timestamp(ts, 'yyyy-MM-dd HH:mm:ss') AS t FROM events;

-- name: timestamp_literal_comparison
-- engines: spark
SELECT event_id FROM events WHERE CAST(ts AS TIMESTAMP) >= TIMESTAMP '2024-01-01 00:00:30';

-- name: count_star_global
-- engines: spark, duckdb
SELECT count(*) FROM customers;

-- name: global_aggregates
-- engines: spark, duckdb
SELECT count(*), count(State), sum(`CURRENT-BAL`), avg(churn_risk), min(Name), max(Name) FROM customers;

-- name: global_aggregate_over_no_rows
-- engines: spark, duckdb
SELECT count(*) AS n, sum(id) AS s, max(Name) AS m FROM customers WHERE id > 100;

-- name: group_by_count
-- engines: spark, duckdb
SELECT State, count(*) AS n FROM customers GROUP BY State;

-- name: group_by_case_insensitive_key
-- engines: spark, duckdb
SELECT state, count(*) AS n, sum(churn_risk) AS r FROM customers GROUP BY STATE;

-- name: group_by_expression
-- engines: spark, duckdb
SELECT upper(State) AS s, count(*) AS n FROM customers GROUP BY upper(State);

-- name: group_by_ordinal_and_alias
-- engines: spark, duckdb
SELECT lower(State) AS st, count(*) FROM customers GROUP BY 1;

-- name: group_by_alias
-- engines: spark, duckdb
SELECT lower(State) AS st, max(id) FROM customers GROUP BY st;

-- name: having
-- engines: spark, duckdb
SELECT State, count(*) AS n FROM customers GROUP BY State HAVING count(*) > 1;

-- name: having_on_aggregate_not_selected
-- engines: spark, duckdb
SELECT State FROM customers GROUP BY State HAVING sum(churn_risk) > 30;

-- name: aggregate_expression_of_aggregates
-- engines: spark, duckdb
SELECT State, sum(`CURRENT-BAL`) / count(*) AS mean_bal, max(id) - min(id) AS spread FROM customers GROUP BY State;

-- name: count_distinct
-- engines: spark, duckdb
SELECT count(DISTINCT State) AS states, count(DISTINCT channel) AS channels FROM customers JOIN events ON customers.id = events.user_id;

-- name: approx_count_distinct
-- engines: spark
SELECT product, approx_count_distinct(user_id) AS users FROM events GROUP BY product;

-- name: percentile_exact
-- engines: spark
SELECT product, percentile(Amount, 0.5) AS median FROM events GROUP BY product;

-- name: percentile_approx
-- engines: spark
SELECT channel, percentile_approx(Amount, 0.5) AS p50, percentile_approx(event_id, 0.9, 100) AS p90 FROM events GROUP BY channel;

-- name: sum_of_string_numbers
-- engines: spark
SELECT status, sum(total) AS s, avg(total) AS a FROM orders GROUP BY status;

-- name: cast_bad_strings_then_aggregate
-- engines: spark
SELECT count(CAST(total AS INT)) AS good, sum(CAST(total AS INT)) AS s FROM orders;

-- name: window_tumbling_30s
-- engines: spark
SELECT window.start, window.end, count(*) AS n, sum(Amount) AS total FROM events GROUP BY window(CAST(ts AS TIMESTAMP), '30 seconds');

-- name: window_with_key
-- engines: spark
SELECT window.start AS ws, product, count(*) AS n FROM events GROUP BY window(CAST(ts AS TIMESTAMP), '1 minute'), product;

-- name: window_sliding
-- engines: spark
SELECT window.start, window.end, count(*) AS n FROM events GROUP BY window(CAST(ts AS TIMESTAMP), '1 minute', '30 seconds');

-- name: inner_join
-- engines: spark, duckdb
SELECT c.id, c.Name, e.event_id, e.Amount FROM customers c JOIN events e ON c.id = e.user_id;

-- name: left_join_keeps_unmatched
-- engines: spark, duckdb
SELECT c.id, o.order_id FROM customers c LEFT JOIN orders o ON c.id = o.customer_id;

-- name: right_join
-- engines: spark, duckdb
SELECT c.Name, o.order_id FROM customers c RIGHT OUTER JOIN orders o ON c.id = o.customer_id;

-- name: join_with_extra_condition
-- engines: spark, duckdb
SELECT c.id, e.event_id FROM customers c INNER JOIN events e ON c.id = e.user_id AND e.Amount > 10;

-- name: left_join_with_right_side_condition
-- engines: spark, duckdb
SELECT c.id, e.event_id FROM customers c LEFT JOIN events e ON c.id = e.user_id AND e.product = 'sim';

-- name: join_same_column_names_qualified
-- engines: spark, duckdb
SELECT a.id AS left_id, b.id AS right_id FROM customers a JOIN customers b ON a.State = b.State AND a.id < b.id;

-- name: join_then_group
-- engines: spark, duckdb
SELECT c.State, count(*) AS events, sum(e.Amount) AS amount FROM customers c JOIN events e ON c.id = e.user_id GROUP BY c.State;

-- name: three_way_join
-- engines: spark, duckdb
SELECT c.id, e.event_id, o.order_id FROM customers c JOIN events e ON c.id = e.user_id JOIN orders o ON o.customer_id = c.id;

-- name: subquery_in_from
-- engines: spark, duckdb
SELECT s.State, s.n FROM (SELECT State, count(*) AS n FROM customers GROUP BY State) s WHERE s.n > 1;

-- name: with_clause
-- engines: spark, duckdb
WITH rich AS (SELECT id, Name FROM customers WHERE `CURRENT-BAL` >= 300) SELECT r.Name FROM rich r;

-- name: distinct
-- engines: spark, duckdb
SELECT DISTINCT State FROM customers;

-- name: distinct_two_columns
-- engines: spark, duckdb
SELECT DISTINCT product, channel FROM events;

-- name: order_by_limit
-- engines: spark, duckdb
-- ordered
SELECT id, churn_risk FROM customers ORDER BY churn_risk DESC, id LIMIT 4;

-- name: order_by_nulls_default
-- engines: spark
-- ordered
SELECT id, State FROM customers ORDER BY State, id;

-- name: order_by_nulls_last
-- engines: spark, duckdb
-- ordered
SELECT id, State FROM customers ORDER BY State ASC NULLS LAST, id DESC;

-- name: order_by_ordinal_and_alias
-- engines: spark, duckdb
-- ordered
SELECT State AS s, count(*) AS n FROM customers GROUP BY State ORDER BY 2 DESC, s NULLS FIRST;

-- name: order_by_column_not_selected
-- engines: spark, duckdb
-- ordered
SELECT Name FROM customers ORDER BY `CURRENT-BAL` DESC NULLS LAST, id;

-- name: order_by_aggregate
-- engines: spark, duckdb
-- ordered
SELECT product FROM events GROUP BY product ORDER BY sum(Amount) DESC NULLS FIRST, product;

-- name: limit_only_count
-- engines: spark, duckdb
SELECT count(*) FROM (SELECT id FROM customers LIMIT 3) t;

-- name: select_without_from
-- engines: spark, duckdb
SELECT 1 + 2 AS three, 'x' AS s, NULL IS NULL AS t;

-- name: from_json_struct_fields
-- engines: spark
SELECT event_id, from_json(payload, 'score INT, tag STRING').score AS score, from_json(payload, 'score INT, tag STRING').tag AS tag FROM events;

-- name: from_json_in_subquery_with_star
-- engines: spark
SELECT j.* FROM (SELECT from_json(payload, 'score INT, tag STRING') AS j FROM events) t;

-- name: explode_from_json_array
-- engines: spark
SELECT event_id, r.score FROM (SELECT event_id, explode(from_json(payload, 'array<struct<score:INT>>')) AS r FROM events) t;

-- name: explode_array_column
-- engines: spark
SELECT order_id, explode(items) AS item FROM orders;

-- name: array_subscript_and_element_at
-- engines: spark
SELECT order_id, items[0] AS first_item, items[5] AS none, element_at(items, -1) AS last_item, get(items, 1) AS second FROM orders;

-- name: split_and_size
-- engines: spark
SELECT id, size(split(email, '@')) AS parts FROM customers;

-- name: boolean_is_true
-- engines: spark, duckdb
SELECT id FROM customers WHERE (churn_risk > 20) IS TRUE;

-- name: null_safe_equality
-- engines: spark
SELECT a.id, b.id FROM customers a JOIN customers b ON a.id = b.id AND a.State <=> b.State;

-- name: comparison_operators
-- engines: spark, duckdb
SELECT id, id = 3 AS e, id == 3 AS e2, id <> 3 AS ne, id != 3 AS ne2, id < 3 AS lt, id >= 3 AS ge FROM customers;

-- name: comments_and_whitespace
-- engines: spark, duckdb
SELECT /* inline */ id -- trailing
FROM customers
WHERE id = 1;

-- name: unsupported_full_outer_join
-- unsupported: FULL OUTER JOIN
SELECT c.id, o.order_id FROM customers c FULL OUTER JOIN orders o ON c.id = o.customer_id;

-- name: unsupported_union
-- unsupported: UNION
SELECT id FROM customers UNION ALL SELECT event_id FROM events;

-- name: unsupported_window_function
-- unsupported: window functions
SELECT id, row_number() OVER (ORDER BY id) AS rn FROM customers;

-- name: unsupported_cross_join
-- unsupported: hash joins
SELECT c.id, o.order_id FROM customers c CROSS JOIN orders o;

-- name: unsupported_collect_list
-- unsupported: collect_list
SELECT State, collect_list(id) FROM customers GROUP BY State;

-- name: unsupported_scalar_subquery
-- unsupported: scalar subqueries
SELECT id, (SELECT max(id) FROM customers) AS m FROM customers;
