WITH "t21" AS (
  SELECT
    "t20"."own_code",
    "t20"."industry_code",
    "t20"."agglvl_code",
    "t20"."size_code",
    "t20"."year",
    "t20"."qtr",
    CAST(SUM("t20"."estabs") AS DOUBLE) AS "estabs",
    CAST(SUM("t20"."emp_m1") AS DOUBLE) AS "emp_m1",
    CAST(SUM("t20"."emp_m2") AS DOUBLE) AS "emp_m2",
    CAST(SUM("t20"."emp_m3") AS DOUBLE) AS "emp_m3",
    SUM("t20"."emplvl") AS "emplvl",
    CAST(SUM("t20"."total_wages") AS DOUBLE) AS "total_wages",
    CAST(SUM("t20"."taxable_wages") AS DOUBLE) AS "taxable_wages",
    CAST(SUM("t20"."contributions") AS DOUBLE) AS "contributions",
    COUNT(DISTINCT "t20"."area_fips") AS "n_counties",
    SUM(CASE WHEN "t20"."emplvl" IS NULL THEN 1 ELSE 0 END) AS "n_suppressed",
    SUM(CASE WHEN "t20"."emplvl" IS NULL THEN "t20"."estabs" ELSE 0 END) AS "suppressed_estabs"
  FROM (
    SELECT
      *
    FROM (
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
          "t5"."estabs",
          "t5"."emp_m1",
          "t5"."emp_m2",
          "t5"."emp_m3",
          "t5"."emplvl",
          "t5"."total_wages",
          "t5"."taxable_wages",
          "t5"."contributions"
        FROM "qcew" AS "t5"
        SEMI JOIN (
          SELECT
            "t3"."code" AS "area_fips"
          FROM "_region_request" AS "t3"
          WHERE
            "t3"."kind" = 'c'
        ) AS "t11"
          ON "t5"."area_fips" = "t11"."area_fips"
        SEMI JOIN (
          SELECT
            "t3"."year",
            "t3"."qtr"
          FROM "_region_request" AS "t3"
          WHERE
            "t3"."kind" = 'p'
        ) AS "t12"
          ON "t5"."year" = "t12"."year" AND "t5"."qtr" = "t12"."qtr"
      ) AS "t14"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t17"."area_fips",
          "t17"."own_code",
          "t17"."industry_code",
          "t17"."agglvl_code",
          "t17"."size_code",
          "t17"."year",
          'A' AS "qtr",
          CAST(ROUND("t17"."estabs", 0) AS BIGINT) AS "estabs",
          CAST(NULL AS BIGINT) AS "emp_m1",
          CAST(NULL AS BIGINT) AS "emp_m2",
          CAST(NULL AS BIGINT) AS "emp_m3",
          CASE WHEN "t17"."n_disclosed" = 4 THEN "t17"."emp_sum" / 12.0 ELSE NULL END AS "emplvl",
          CASE WHEN "t17"."n_disclosed" = 4 THEN "t17"."total_wages" ELSE NULL END AS "total_wages",
          CASE WHEN "t17"."n_disclosed" = 4 THEN "t17"."taxable_wages" ELSE NULL END AS "taxable_wages",
          CASE WHEN "t17"."n_disclosed" = 4 THEN "t17"."contributions" ELSE NULL END AS "contributions"
        FROM (
          SELECT
            "t16"."area_fips",
            "t16"."own_code",
            "t16"."industry_code",
            "t16"."agglvl_code",
            "t16"."size_code",
            "t16"."year",
            COUNT(DISTINCT "t16"."qtr") AS "n_qtrs",
            SUM(
              CASE
                WHEN (
                  "t16"."emp_m1" IS NOT NULL
                ) AND (
                  "t16"."total_wages" IS NOT NULL
                )
                THEN 1
                ELSE 0
              END
            ) AS "n_disclosed",
            AVG("t16"."estabs") AS "estabs",
            SUM("t16"."emp_m1" + "t16"."emp_m2" + "t16"."emp_m3") AS "emp_sum",
            SUM("t16"."total_wages") AS "total_wages",
            SUM("t16"."taxable_wages") AS "taxable_wages",
            SUM("t16"."contributions") AS "contributions",
            SUM(CASE WHEN "t16"."disclosure_code" <> '' THEN 1 ELSE 0 END) AS "suppressed"
          FROM (
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
                  "t3"."code" AS "area_fips"
                FROM "_region_request" AS "t3"
                WHERE
                  "t3"."kind" = 'c'
              ) AS "t11"
                ON "t5"."area_fips" = "t11"."area_fips"
              SEMI JOIN (
                SELECT
                  "t3"."year"
                FROM "_region_request" AS "t3"
                WHERE
                  "t3"."kind" = 'y'
              ) AS "t13"
                ON "t5"."year" = "t13"."year"
            ) AS "t15"
            WHERE
              "t15"."qtr" IN ('1', '2', '3', '4')
          ) AS "t16"
          GROUP BY
            1,
            2,
            3,
            4,
            5,
            6
        ) AS "t17"
        WHERE
          "t17"."n_qtrs" = 4
      ) AS "t18"
    ) AS "t19"
    WHERE
      (
        (
          (
            "t19"."own_code" = '@ownership@'
          ) AND (
            "t19"."agglvl_code" = '@agglvl@'
          )
        )
        OR (
          (
            "t19"."own_code" = '0'
          ) AND (
            "t19"."industry_code" = '10'
          )
        )
      )
      AND "t19"."size_code" = '0'
  ) AS "t20"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
)
SELECT
  "t30"."own_code",
  "t30"."industry_code",
  "t30"."agglvl_code",
  "t30"."size_code",
  "t30"."estabs",
  "t30"."emp_m1",
  "t30"."emp_m2",
  "t30"."emp_m3",
  "t30"."emplvl",
  "t30"."total_wages",
  "t30"."taxable_wages",
  "t30"."contributions",
  "t30"."n_counties",
  "t30"."n_suppressed",
  "t30"."suppressed_estabs",
  "t30"."area_fips",
  "t30"."lower_bound",
  "t30"."lq_reference",
  "t30"."lq_emp_m1",
  "t30"."lq_emp_m1_low",
  "t30"."lq_emp_m1_high",
  "t30"."lq_emp_m2",
  "t30"."lq_emp_m2_low",
  "t30"."lq_emp_m2_high",
  "t30"."lq_emp_m3",
  "t30"."lq_emp_m3_low",
  "t30"."lq_emp_m3_high",
  "t30"."lq_emplvl",
  "t30"."lq_emplvl_low",
  "t30"."lq_emplvl_high",
  "t30"."industry_title",
  "t26"."year",
  "t26"."qtr",
  "t26"."region_counties"
FROM (
  SELECT
    "t22"."year",
    "t22"."qtr",
    "t22"."n_counties" AS "region_counties"
  FROM "t21" AS "t22"
  WHERE
    "t22"."own_code" = '0' AND "t22"."industry_code" = '10'
) AS "t26"
LEFT OUTER JOIN (
  SELECT
    "t28"."own_code",
    "t28"."industry_code",
    "t28"."agglvl_code",
    "t28"."size_code",
    "t28"."year",
    "t28"."qtr",
    "t28"."estabs",
    "t28"."emp_m1",
    "t28"."emp_m2",
    "t28"."emp_m3",
    "t28"."emplvl",
    "t28"."total_wages",
    "t28"."taxable_wages",
    "t28"."contributions",
    "t28"."n_counties",
    "t28"."n_suppressed",
    "t28"."suppressed_estabs",
    "t28"."area_fips",
    "t28"."lower_bound",
    "t7"."reference" AS "lq_reference",
    CASE
      WHEN "t7"."share_lo_emp_m1" = "t7"."share_hi_emp_m1"
      THEN (
        "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      WHEN (
        (
          (
            "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      ELSE NULL
    END AS "lq_emp_m1",
    (
      "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_hi_emp_m1", 0) AS "lq_emp_m1_low",
    (
      "t28"."emp_m1" / NULLIF("t27"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_lo_emp_m1", 0) AS "lq_emp_m1_high",
    CASE
      WHEN "t7"."share_lo_emp_m2" = "t7"."share_hi_emp_m2"
      THEN (
        "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      WHEN (
        (
          (
            "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      ELSE NULL
    END AS "lq_emp_m2",
    (
      "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_hi_emp_m2", 0) AS "lq_emp_m2_low",
    (
      "t28"."emp_m2" / NULLIF("t27"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_lo_emp_m2", 0) AS "lq_emp_m2_high",
    CASE
      WHEN "t7"."share_lo_emp_m3" = "t7"."share_hi_emp_m3"
      THEN (
        "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      WHEN (
        (
          (
            "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      ELSE NULL
    END AS "lq_emp_m3",
    (
      "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_hi_emp_m3", 0) AS "lq_emp_m3_low",
    (
      "t28"."emp_m3" / NULLIF("t27"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_lo_emp_m3", 0) AS "lq_emp_m3_high",
    CASE
      WHEN "t7"."share_lo_emplvl" = "t7"."share_hi_emplvl"
      THEN (
        "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      WHEN (
        (
          (
            "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      ELSE NULL
    END AS "lq_emplvl",
    (
      "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_hi_emplvl", 0) AS "lq_emplvl_low",
    (
      "t28"."emplvl" / NULLIF("t27"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_lo_emplvl", 0) AS "lq_emplvl_high",
    "t4"."industry_title"
  FROM (
    SELECT
      "t22"."own_code",
      "t22"."industry_code",
      "t22"."agglvl_code",
      "t22"."size_code",
      "t22"."year",
      "t22"."qtr",
      "t22"."estabs",
      "t22"."emp_m1",
      "t22"."emp_m2",
      "t22"."emp_m3",
      "t22"."emplvl",
      "t22"."total_wages",
      "t22"."taxable_wages",
      "t22"."contributions",
      "t22"."n_counties",
      "t22"."n_suppressed",
      "t22"."suppressed_estabs",
      'REGION' AS "area_fips",
      "t22"."n_suppressed" > 0 AS "lower_bound"
    FROM "t21" AS "t22"
    WHERE
      "t22"."own_code" = '@ownership@' AND "t22"."agglvl_code" = '@agglvl@'
  ) AS "t28"
  LEFT OUTER JOIN (
    SELECT
      'REGION' AS "area_fips",
      "t22"."year",
      "t22"."qtr",
      "t22"."emp_m1" AS "tot_emp_m1",
      "t22"."emp_m2" AS "tot_emp_m2",
      "t22"."emp_m3" AS "tot_emp_m3",
      "t22"."emplvl" AS "tot_emplvl"
    FROM "t21" AS "t22"
    WHERE
      "t22"."own_code" = '0'
      AND "t22"."industry_code" = '10'
      AND "t22"."size_code" = '0'
  ) AS "t27"
    ON "t28"."area_fips" = "t27"."area_fips"
    AND "t28"."year" = "t27"."year"
    AND "t28"."qtr" = "t27"."qtr"
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
    ON "t28"."year" = "t7"."year"
    AND "t28"."qtr" = "t7"."qtr"
    AND "t28"."own_code" = "t7"."own_code"
    AND "t28"."industry_code" = "t7"."industry_code"
  LEFT OUTER JOIN "industry_titles" AS "t4"
    ON "t28"."industry_code" = "t4"."industry_code"
) AS "t30"
  ON "t26"."year" = "t30"."year" AND "t26"."qtr" = "t30"."qtr"
