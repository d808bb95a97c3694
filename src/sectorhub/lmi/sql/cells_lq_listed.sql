SELECT
  "t9"."area_fips",
  "t9"."own_code",
  "t9"."industry_code",
  "t9"."agglvl_code",
  "t9"."year",
  "t9"."qtr",
  "t9"."cell_measure",
  "t13"."reference" AS "lq_reference",
  CASE
    WHEN "t13"."share_lo_cell_measure" = "t13"."share_hi_cell_measure"
    THEN (
      CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
    ) / NULLIF("t13"."share_cell_measure", 0)
    WHEN (
      (
        (
          CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
        ) / NULLIF("t13"."share_hi_cell_measure", 0)
      ) IS NOT NULL
    )
    AND (
      (
        (
          CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
        ) / NULLIF("t13"."share_lo_cell_measure", 0)
      ) IS NOT NULL
    )
    AND (
      CAST(ROUND(
        (
          CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
        ) / NULLIF("t13"."share_hi_cell_measure", 0),
        2
      ) AS DOUBLE) = CAST(ROUND(
        (
          CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
        ) / NULLIF("t13"."share_lo_cell_measure", 0),
        2
      ) AS DOUBLE)
    )
    THEN (
      CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
    ) / NULLIF("t13"."share_cell_measure", 0)
    ELSE NULL
  END AS "lq_cell_measure",
  (
    CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
  ) / NULLIF("t13"."share_hi_cell_measure", 0) AS "lq_cell_measure_low",
  (
    CAST("t9"."cell_measure" AS DOUBLE) / NULLIF("t12"."tot_cell_measure", 0)
  ) / NULLIF("t13"."share_lo_cell_measure", 0) AS "lq_cell_measure_high"
FROM (
  SELECT
    *
  FROM "qcew" AS "t0"
  WHERE
    "t0"."year" = $1
    AND "t0"."qtr" = $2
    AND "t0"."size_code" = '0'
) AS "t9"
SEMI JOIN (
  SELECT
    "t1"."code" AS "agglvl_code"
  FROM "_cells_request" AS "t1"
  WHERE
    "t1"."kind" = 'l'
) AS "t10"
  ON "t9"."agglvl_code" = "t10"."agglvl_code"
SEMI JOIN (
  SELECT
    "t1"."code" AS "area_fips"
  FROM "_cells_request" AS "t1"
  WHERE
    "t1"."kind" = 'a'
) AS "t11"
  ON "t9"."area_fips" = "t11"."area_fips"
LEFT OUTER JOIN (
  SELECT
    "t2"."area_fips",
    "t2"."tot_cell_measure"
  FROM "_area_totals" AS "t2"
  WHERE
    "t2"."year" = $1 AND "t2"."qtr" = $2
) AS "t12"
  ON "t9"."area_fips" = "t12"."area_fips"
LEFT OUTER JOIN (
  SELECT
    "t3"."own_code",
    "t3"."industry_code",
    "t3"."reference",
    "t3"."share_cell_measure",
    "t3"."share_lo_cell_measure",
    "t3"."share_hi_cell_measure"
  FROM "_cells_reference" AS "t3"
  WHERE
    "t3"."year" = $1 AND "t3"."qtr" = $2
) AS "t13"
  ON "t9"."own_code" = "t13"."own_code"
  AND "t9"."industry_code" = "t13"."industry_code"
