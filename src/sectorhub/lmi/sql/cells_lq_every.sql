SELECT
  "t8"."area_fips",
  "t8"."own_code",
  "t8"."industry_code",
  "t8"."agglvl_code",
  "t8"."year",
  "t8"."qtr",
  "t8"."cell_measure",
  "t11"."reference" AS "lq_reference",
  CASE
    WHEN "t11"."share_lo_cell_measure" = "t11"."share_hi_cell_measure"
    THEN (
      CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
    ) / NULLIF("t11"."share_cell_measure", 0)
    WHEN (
      (
        (
          CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
        ) / NULLIF("t11"."share_hi_cell_measure", 0)
      ) IS NOT NULL
    )
    AND (
      (
        (
          CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
        ) / NULLIF("t11"."share_lo_cell_measure", 0)
      ) IS NOT NULL
    )
    AND (
      CAST(ROUND(
        (
          CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
        ) / NULLIF("t11"."share_hi_cell_measure", 0),
        2
      ) AS DOUBLE) = CAST(ROUND(
        (
          CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
        ) / NULLIF("t11"."share_lo_cell_measure", 0),
        2
      ) AS DOUBLE)
    )
    THEN (
      CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
    ) / NULLIF("t11"."share_cell_measure", 0)
    ELSE NULL
  END AS "lq_cell_measure",
  (
    CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
  ) / NULLIF("t11"."share_hi_cell_measure", 0) AS "lq_cell_measure_low",
  (
    CAST("t8"."cell_measure" AS DOUBLE) / NULLIF("t10"."tot_cell_measure", 0)
  ) / NULLIF("t11"."share_lo_cell_measure", 0) AS "lq_cell_measure_high"
FROM (
  SELECT
    *
  FROM "qcew" AS "t0"
  WHERE
    "t0"."year" = $1
    AND "t0"."qtr" = $2
    AND "t0"."size_code" = '0'
) AS "t8"
SEMI JOIN (
  SELECT
    "t1"."code" AS "agglvl_code"
  FROM "_cells_request" AS "t1"
  WHERE
    "t1"."kind" = 'l'
) AS "t9"
  ON "t8"."agglvl_code" = "t9"."agglvl_code"
LEFT OUTER JOIN (
  SELECT
    "t2"."area_fips",
    "t2"."tot_cell_measure"
  FROM "_area_totals" AS "t2"
  WHERE
    "t2"."year" = $1 AND "t2"."qtr" = $2
) AS "t10"
  ON "t8"."area_fips" = "t10"."area_fips"
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
) AS "t11"
  ON "t8"."own_code" = "t11"."own_code"
  AND "t8"."industry_code" = "t11"."industry_code"
