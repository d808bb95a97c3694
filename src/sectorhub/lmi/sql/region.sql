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
), "t27" AS (
  SELECT
    "t26"."own_code",
    "t26"."industry_code",
    "t26"."agglvl_code",
    "t26"."size_code",
    "t26"."year",
    "t26"."qtr",
    CAST(SUM("t26"."estabs") AS DOUBLE) AS "estabs",
    CAST(SUM("t26"."emp_m1") AS DOUBLE) AS "emp_m1",
    CAST(SUM("t26"."emp_m2") AS DOUBLE) AS "emp_m2",
    CAST(SUM("t26"."emp_m3") AS DOUBLE) AS "emp_m3",
    SUM("t26"."emplvl") AS "emplvl",
    CAST(SUM("t26"."total_wages") AS DOUBLE) AS "total_wages",
    CAST(SUM("t26"."taxable_wages") AS DOUBLE) AS "taxable_wages",
    CAST(SUM("t26"."contributions") AS DOUBLE) AS "contributions",
    COUNT(DISTINCT "t26"."area_fips") AS "n_counties",
    SUM(CASE WHEN "t26"."emplvl" IS NULL THEN 1 ELSE 0 END) AS "n_suppressed",
    SUM(CASE WHEN "t26"."emplvl" IS NULL THEN "t26"."estabs" ELSE 0 END) AS "suppressed_estabs"
  FROM (
    SELECT
      *
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
    WHERE
      "t25"."size_code" = '0'
  ) AS "t26"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
)
SELECT
  "t36"."own_code",
  "t36"."industry_code",
  "t36"."agglvl_code",
  "t36"."size_code",
  "t36"."estabs",
  "t36"."emp_m1",
  "t36"."emp_m2",
  "t36"."emp_m3",
  "t36"."emplvl",
  "t36"."total_wages",
  "t36"."taxable_wages",
  "t36"."contributions",
  "t36"."n_counties",
  "t36"."n_suppressed",
  "t36"."suppressed_estabs",
  "t36"."area_fips",
  "t36"."lower_bound",
  "t36"."lq_reference",
  "t36"."lq_emp_m1",
  "t36"."lq_emp_m1_low",
  "t36"."lq_emp_m1_high",
  "t36"."lq_emp_m2",
  "t36"."lq_emp_m2_low",
  "t36"."lq_emp_m2_high",
  "t36"."lq_emp_m3",
  "t36"."lq_emp_m3_low",
  "t36"."lq_emp_m3_high",
  "t36"."lq_emplvl",
  "t36"."lq_emplvl_low",
  "t36"."lq_emplvl_high",
  "t36"."industry_title",
  "t32"."year",
  "t32"."qtr",
  "t32"."region_counties"
FROM (
  SELECT
    "t28"."year",
    "t28"."qtr",
    "t28"."n_counties" AS "region_counties"
  FROM "t27" AS "t28"
  WHERE
    "t28"."own_code" = '0' AND "t28"."industry_code" = '10'
) AS "t32"
LEFT OUTER JOIN (
  SELECT
    "t34"."own_code",
    "t34"."industry_code",
    "t34"."agglvl_code",
    "t34"."size_code",
    "t34"."year",
    "t34"."qtr",
    "t34"."estabs",
    "t34"."emp_m1",
    "t34"."emp_m2",
    "t34"."emp_m3",
    "t34"."emplvl",
    "t34"."total_wages",
    "t34"."taxable_wages",
    "t34"."contributions",
    "t34"."n_counties",
    "t34"."n_suppressed",
    "t34"."suppressed_estabs",
    "t34"."area_fips",
    "t34"."lower_bound",
    "t7"."reference" AS "lq_reference",
    CASE
      WHEN "t7"."share_lo_emp_m1" = "t7"."share_hi_emp_m1"
      THEN (
        "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      WHEN (
        (
          (
            "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_hi_emp_m1", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
          ) / NULLIF("t7"."share_lo_emp_m1", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
      ) / NULLIF("t7"."share_emp_m1", 0)
      ELSE NULL
    END AS "lq_emp_m1",
    (
      "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_hi_emp_m1", 0) AS "lq_emp_m1_low",
    (
      "t34"."emp_m1" / NULLIF("t33"."tot_emp_m1", 0)
    ) / NULLIF("t7"."share_lo_emp_m1", 0) AS "lq_emp_m1_high",
    CASE
      WHEN "t7"."share_lo_emp_m2" = "t7"."share_hi_emp_m2"
      THEN (
        "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      WHEN (
        (
          (
            "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_hi_emp_m2", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
          ) / NULLIF("t7"."share_lo_emp_m2", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
      ) / NULLIF("t7"."share_emp_m2", 0)
      ELSE NULL
    END AS "lq_emp_m2",
    (
      "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_hi_emp_m2", 0) AS "lq_emp_m2_low",
    (
      "t34"."emp_m2" / NULLIF("t33"."tot_emp_m2", 0)
    ) / NULLIF("t7"."share_lo_emp_m2", 0) AS "lq_emp_m2_high",
    CASE
      WHEN "t7"."share_lo_emp_m3" = "t7"."share_hi_emp_m3"
      THEN (
        "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      WHEN (
        (
          (
            "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_hi_emp_m3", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
          ) / NULLIF("t7"."share_lo_emp_m3", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
      ) / NULLIF("t7"."share_emp_m3", 0)
      ELSE NULL
    END AS "lq_emp_m3",
    (
      "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_hi_emp_m3", 0) AS "lq_emp_m3_low",
    (
      "t34"."emp_m3" / NULLIF("t33"."tot_emp_m3", 0)
    ) / NULLIF("t7"."share_lo_emp_m3", 0) AS "lq_emp_m3_high",
    CASE
      WHEN "t7"."share_lo_emplvl" = "t7"."share_hi_emplvl"
      THEN (
        "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      WHEN (
        (
          (
            "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        (
          (
            "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0)
        ) IS NOT NULL
      )
      AND (
        CAST(ROUND(
          (
            "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_hi_emplvl", 0),
          2
        ) AS DOUBLE) = CAST(ROUND(
          (
            "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
          ) / NULLIF("t7"."share_lo_emplvl", 0),
          2
        ) AS DOUBLE)
      )
      THEN (
        "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
      ) / NULLIF("t7"."share_emplvl", 0)
      ELSE NULL
    END AS "lq_emplvl",
    (
      "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_hi_emplvl", 0) AS "lq_emplvl_low",
    (
      "t34"."emplvl" / NULLIF("t33"."tot_emplvl", 0)
    ) / NULLIF("t7"."share_lo_emplvl", 0) AS "lq_emplvl_high",
    "t4"."industry_title"
  FROM (
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
      'REGION' AS "area_fips",
      "t28"."n_suppressed" > 0 AS "lower_bound"
    FROM "t27" AS "t28"
    WHERE
      "t28"."own_code" = '@ownership@' AND "t28"."agglvl_code" = '@agglvl@'
  ) AS "t34"
  LEFT OUTER JOIN (
    SELECT
      'REGION' AS "area_fips",
      "t28"."year",
      "t28"."qtr",
      "t28"."emp_m1" AS "tot_emp_m1",
      "t28"."emp_m2" AS "tot_emp_m2",
      "t28"."emp_m3" AS "tot_emp_m3",
      "t28"."emplvl" AS "tot_emplvl"
    FROM "t27" AS "t28"
    WHERE
      "t28"."own_code" = '0'
      AND "t28"."industry_code" = '10'
      AND "t28"."size_code" = '0'
  ) AS "t33"
    ON "t34"."area_fips" = "t33"."area_fips"
    AND "t34"."year" = "t33"."year"
    AND "t34"."qtr" = "t33"."qtr"
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
    ON "t34"."year" = "t7"."year"
    AND "t34"."qtr" = "t7"."qtr"
    AND "t34"."own_code" = "t7"."own_code"
    AND "t34"."industry_code" = "t7"."industry_code"
  LEFT OUTER JOIN "industry_titles" AS "t4"
    ON "t34"."industry_code" = "t4"."industry_code"
) AS "t36"
  ON "t32"."year" = "t36"."year" AND "t32"."qtr" = "t36"."qtr"
