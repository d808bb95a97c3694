WITH "region_rows" AS (
  SELECT
    *
  FROM (
    SELECT
      "t5"."area_fips",
      "t5"."own_code",
      "t5"."industry_code",
      "t5"."agglvl_code",
      "t5"."size_code",
      "t5"."year",
      "t5"."qtr",
      "t5"."disclosure_code",
      "t5"."estabs",
      "t5"."emp_m1",
      "t5"."emp_m2",
      "t5"."emp_m3",
      "t5"."emplvl",
      "t5"."total_wages",
      "t5"."taxable_wages",
      "t5"."contributions",
      "t5"."avg_wkly_wage",
      "t5"."avg_annual_pay",
      "t5"."pub_lq_disclosure_code",
      "t5"."pub_lq_estabs",
      "t5"."pub_lq_emp_m1",
      "t5"."pub_lq_emp_m2",
      "t5"."pub_lq_emp_m3",
      "t5"."pub_lq_emplvl",
      "t5"."pub_lq_total_wages",
      "t5"."pub_lq_taxable_wages",
      "t5"."pub_lq_contributions",
      "t5"."pub_lq_avg_wkly_wage",
      "t5"."pub_lq_avg_annual_pay",
      "t5"."pub_oty_disclosure_code",
      "t5"."pub_oty_emp_m1_chg",
      "t5"."pub_oty_emp_m2_chg",
      "t5"."pub_oty_emp_m3_chg",
      "t5"."pub_oty_emplvl_chg",
      "t5"."file_id"
    FROM "qcew" AS "t5"
    SEMI JOIN (
      SELECT
        "t2"."code" AS "area_fips"
      FROM "_region_request" AS "t2"
      WHERE
        "t2"."kind" = 'c'
    ) AS "t14"
      ON "t5"."area_fips" = "t14"."area_fips"
    SEMI JOIN (
      SELECT
        "t2"."year"
      FROM "_region_request" AS "t2"
      WHERE
        "t2"."kind" IN ('p', 'y')
    ) AS "t15"
      ON "t5"."year" = "t15"."year"
  ) AS "t16"
  WHERE
    (
      (
        (
          "t16"."own_code" = '@ownership@'
        ) AND (
          "t16"."agglvl_code" = '@agglvl@'
        )
      )
      OR (
        (
          "t16"."own_code" = '0'
        ) AND (
          "t16"."industry_code" = '10'
        )
      )
    )
    AND "t16"."size_code" = '0'
), "t26" AS (
  SELECT
    "t25"."own_code",
    "t25"."industry_code",
    "t25"."agglvl_code",
    "t25"."size_code",
    "t25"."year",
    "t25"."qtr",
    CAST(SUM("t25"."estabs") AS DOUBLE) AS "estabs",
    CAST(SUM("t25"."emp_m1") AS DOUBLE) AS "emp_m1",
    CAST(SUM("t25"."emp_m2") AS DOUBLE) AS "emp_m2",
    CAST(SUM("t25"."emp_m3") AS DOUBLE) AS "emp_m3",
    SUM("t25"."emplvl") AS "emplvl",
    CAST(SUM("t25"."total_wages") AS DOUBLE) AS "total_wages",
    CAST(SUM("t25"."taxable_wages") AS DOUBLE) AS "taxable_wages",
    CAST(SUM("t25"."contributions") AS DOUBLE) AS "contributions",
    COUNT(DISTINCT "t25"."area_fips") AS "n_counties",
    SUM(CASE WHEN "t25"."emplvl" IS NULL THEN 1 ELSE 0 END) AS "n_suppressed",
    SUM(CASE WHEN "t25"."emplvl" IS NULL THEN "t25"."estabs" ELSE 0 END) AS "suppressed_estabs"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t19"."area_fips",
        "t19"."own_code",
        "t19"."industry_code",
        "t19"."agglvl_code",
        "t19"."size_code",
        "t19"."year",
        "t19"."qtr",
        "t19"."estabs",
        "t19"."emp_m1",
        "t19"."emp_m2",
        "t19"."emp_m3",
        "t19"."emplvl",
        "t19"."total_wages",
        "t19"."taxable_wages",
        "t19"."contributions"
      FROM "region_rows" AS "t19"
      SEMI JOIN (
        SELECT
          "t2"."year",
          "t2"."qtr"
        FROM "_region_request" AS "t2"
        WHERE
          "t2"."kind" = 'p'
      ) AS "t12"
        ON "t19"."year" = "t12"."year" AND "t19"."qtr" = "t12"."qtr"
    ) AS "t21"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t23"."area_fips",
        "t23"."own_code",
        "t23"."industry_code",
        "t23"."agglvl_code",
        "t23"."size_code",
        "t23"."year",
        'A' AS "qtr",
        CAST(ROUND("t23"."estabs", 0) AS BIGINT) AS "estabs",
        CAST(NULL AS BIGINT) AS "emp_m1",
        CAST(NULL AS BIGINT) AS "emp_m2",
        CAST(NULL AS BIGINT) AS "emp_m3",
        CASE WHEN "t23"."n_disclosed" = 4 THEN "t23"."emp_sum" / 12.0 ELSE NULL END AS "emplvl",
        CASE WHEN "t23"."n_disclosed" = 4 THEN "t23"."total_wages" ELSE NULL END AS "total_wages",
        CASE WHEN "t23"."n_disclosed" = 4 THEN "t23"."taxable_wages" ELSE NULL END AS "taxable_wages",
        CASE WHEN "t23"."n_disclosed" = 4 THEN "t23"."contributions" ELSE NULL END AS "contributions"
      FROM (
        SELECT
          "t22"."area_fips",
          "t22"."own_code",
          "t22"."industry_code",
          "t22"."agglvl_code",
          "t22"."size_code",
          "t22"."year",
          COUNT(DISTINCT "t22"."qtr") AS "n_qtrs",
          SUM(
            CASE
              WHEN (
                "t22"."emp_m1" IS NOT NULL
              ) AND (
                "t22"."total_wages" IS NOT NULL
              )
              THEN 1
              ELSE 0
            END
          ) AS "n_disclosed",
          AVG("t22"."estabs") AS "estabs",
          SUM("t22"."emp_m1" + "t22"."emp_m2" + "t22"."emp_m3") AS "emp_sum",
          SUM("t22"."total_wages") AS "total_wages",
          SUM("t22"."taxable_wages") AS "taxable_wages",
          SUM("t22"."contributions") AS "contributions",
          SUM(CASE WHEN "t22"."disclosure_code" <> '' THEN 1 ELSE 0 END) AS "suppressed"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t19"."area_fips",
              "t19"."own_code",
              "t19"."industry_code",
              "t19"."agglvl_code",
              "t19"."size_code",
              "t19"."year",
              "t19"."qtr",
              "t19"."disclosure_code",
              "t19"."estabs",
              "t19"."emp_m1",
              "t19"."emp_m2",
              "t19"."emp_m3",
              "t19"."emplvl",
              "t19"."total_wages",
              "t19"."taxable_wages",
              "t19"."contributions",
              "t19"."avg_wkly_wage",
              "t19"."avg_annual_pay",
              "t19"."pub_lq_disclosure_code",
              "t19"."pub_lq_estabs",
              "t19"."pub_lq_emp_m1",
              "t19"."pub_lq_emp_m2",
              "t19"."pub_lq_emp_m3",
              "t19"."pub_lq_emplvl",
              "t19"."pub_lq_total_wages",
              "t19"."pub_lq_taxable_wages",
              "t19"."pub_lq_contributions",
              "t19"."pub_lq_avg_wkly_wage",
              "t19"."pub_lq_avg_annual_pay",
              "t19"."pub_oty_disclosure_code",
              "t19"."pub_oty_emp_m1_chg",
              "t19"."pub_oty_emp_m2_chg",
              "t19"."pub_oty_emp_m3_chg",
              "t19"."pub_oty_emplvl_chg",
              "t19"."file_id"
            FROM "region_rows" AS "t19"
            SEMI JOIN (
              SELECT
                "t2"."year"
              FROM "_region_request" AS "t2"
              WHERE
                "t2"."kind" = 'y'
            ) AS "t13"
              ON "t19"."year" = "t13"."year"
          ) AS "t20"
          WHERE
            "t20"."qtr" IN ('1', '2', '3', '4')
        ) AS "t22"
        GROUP BY
          1,
          2,
          3,
          4,
          5,
          6
      ) AS "t23"
      WHERE
        "t23"."n_qtrs" = 4
    ) AS "t24"
  ) AS "t25"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
)
SELECT
  "t35"."own_code",
  "t35"."industry_code",
  "t35"."agglvl_code",
  "t35"."size_code",
  "t35"."estabs",
  "t35"."emp_m1",
  "t35"."emp_m2",
  "t35"."emp_m3",
  "t35"."emplvl",
  "t35"."total_wages",
  "t35"."taxable_wages",
  "t35"."contributions",
  "t35"."n_counties",
  "t35"."n_suppressed",
  "t35"."suppressed_estabs",
  "t35"."area_fips",
  "t35"."lower_bound",
  "t35"."lq_reference",
  "t35"."lq_emp_m1",
  "t35"."lq_emp_m1_low",
  "t35"."lq_emp_m1_high",
  "t35"."lq_emp_m2",
  "t35"."lq_emp_m2_low",
  "t35"."lq_emp_m2_high",
  "t35"."lq_emp_m3",
  "t35"."lq_emp_m3_low",
  "t35"."lq_emp_m3_high",
  "t35"."lq_emplvl",
  "t35"."lq_emplvl_low",
  "t35"."lq_emplvl_high",
  "t35"."industry_title",
  "t31"."year",
  "t31"."qtr",
  "t31"."region_counties"
FROM (
  SELECT
    "t27"."year",
    "t27"."qtr",
    "t27"."n_counties" AS "region_counties"
  FROM "t26" AS "t27"
  WHERE
    "t27"."own_code" = '0' AND "t27"."industry_code" = '10'
) AS "t31"
LEFT OUTER JOIN (
  SELECT
    "t33"."own_code",
    "t33"."industry_code",
    "t33"."agglvl_code",
    "t33"."size_code",
    "t33"."year",
    "t33"."qtr",
    "t33"."estabs",
    "t33"."emp_m1",
    "t33"."emp_m2",
    "t33"."emp_m3",
    "t33"."emplvl",
    "t33"."total_wages",
    "t33"."taxable_wages",
    "t33"."contributions",
    "t33"."n_counties",
    "t33"."n_suppressed",
    "t33"."suppressed_estabs",
    "t33"."area_fips",
    "t33"."lower_bound",
    "t7"."reference" AS "lq_reference",
    CASE
      WHEN "t7"."share_lo_emp_m1" = "t7"."share_hi_emp_m1"
      THEN (
        "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      WHEN (
        (
          (
            "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      ELSE NULL
    END AS "lq_emp_m1",
    (
      "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_hi_emp_m1", 0) AS "lq_emp_m1_low",
    (
      "t33"."emp_m1" / NULLIF("t32"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_lo_emp_m1", 0) AS "lq_emp_m1_high",
    CASE
      WHEN "t7"."share_lo_emp_m2" = "t7"."share_hi_emp_m2"
      THEN (
        "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      WHEN (
        (
          (
            "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      ELSE NULL
    END AS "lq_emp_m2",
    (
      "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_hi_emp_m2", 0) AS "lq_emp_m2_low",
    (
      "t33"."emp_m2" / NULLIF("t32"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_lo_emp_m2", 0) AS "lq_emp_m2_high",
    CASE
      WHEN "t7"."share_lo_emp_m3" = "t7"."share_hi_emp_m3"
      THEN (
        "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      WHEN (
        (
          (
            "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      ELSE NULL
    END AS "lq_emp_m3",
    (
      "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_hi_emp_m3", 0) AS "lq_emp_m3_low",
    (
      "t33"."emp_m3" / NULLIF("t32"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_lo_emp_m3", 0) AS "lq_emp_m3_high",
    CASE
      WHEN "t7"."share_lo_emplvl" = "t7"."share_hi_emplvl"
      THEN (
        "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      WHEN (
        (
          (
            "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      ELSE NULL
    END AS "lq_emplvl",
    (
      "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_hi_emplvl", 0) AS "lq_emplvl_low",
    (
      "t33"."emplvl" / NULLIF("t32"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_lo_emplvl", 0) AS "lq_emplvl_high",
    "t4"."industry_title"
  FROM (
    SELECT
      "t27"."own_code",
      "t27"."industry_code",
      "t27"."agglvl_code",
      "t27"."size_code",
      "t27"."year",
      "t27"."qtr",
      "t27"."estabs",
      "t27"."emp_m1",
      "t27"."emp_m2",
      "t27"."emp_m3",
      "t27"."emplvl",
      "t27"."total_wages",
      "t27"."taxable_wages",
      "t27"."contributions",
      "t27"."n_counties",
      "t27"."n_suppressed",
      "t27"."suppressed_estabs",
      'REGION' AS "area_fips",
      "t27"."n_suppressed" > 0 AS "lower_bound"
    FROM "t26" AS "t27"
    WHERE
      "t27"."own_code" = '@ownership@' AND "t27"."agglvl_code" = '@agglvl@'
  ) AS "t33"
  LEFT OUTER JOIN (
    SELECT
      'REGION' AS "area_fips",
      "t27"."year",
      "t27"."qtr",
      "t27"."emp_m1" AS "tot_emp_m1",
      "t27"."emp_m2" AS "tot_emp_m2",
      "t27"."emp_m3" AS "tot_emp_m3",
      "t27"."emplvl" AS "tot_emplvl"
    FROM "t26" AS "t27"
    WHERE
      "t27"."own_code" = '0'
      AND "t27"."industry_code" = '10'
      AND "t27"."size_code" = '0'
  ) AS "t32"
    ON "t33"."area_fips" = "t32"."area_fips"
    AND "t33"."year" = "t32"."year"
    AND "t33"."qtr" = "t32"."qtr"
  LEFT OUTER JOIN (
    SELECT
      "t1"."year",
      "t1"."qtr",
      "t1"."own_code",
      "t1"."industry_code",
      "t1"."reference",
      "t1"."share_emp_m1",
      "t1"."share_emp_m2",
      "t1"."share_emp_m3",
      "t1"."share_emplvl",
      "t1"."share_lo_emp_m1",
      "t1"."share_hi_emp_m1",
      "t1"."share_lo_emp_m2",
      "t1"."share_hi_emp_m2",
      "t1"."share_lo_emp_m3",
      "t1"."share_hi_emp_m3",
      "t1"."share_lo_emplvl",
      "t1"."share_hi_emplvl"
    FROM "reference_shares" AS "t1"
  ) AS "t7"
    ON "t33"."year" = "t7"."year"
    AND "t33"."qtr" = "t7"."qtr"
    AND "t33"."own_code" = "t7"."own_code"
    AND "t33"."industry_code" = "t7"."industry_code"
  LEFT OUTER JOIN "industry_titles" AS "t4"
    ON "t33"."industry_code" = "t4"."industry_code"
) AS "t35"
  ON "t31"."year" = "t35"."year" AND "t31"."qtr" = "t35"."qtr"
