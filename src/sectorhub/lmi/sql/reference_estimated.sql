WITH "t4" AS (
  SELECT
    "t2"."area_fips",
    "t2"."own_code",
    "t2"."industry_code",
    "t2"."agglvl_code",
    "t2"."size_code",
    "t2"."year",
    "t2"."qtr",
    "t2"."disclosure_code",
    "t2"."estabs",
    "t2"."emp_m1",
    "t2"."emp_m2",
    "t2"."emp_m3",
    "t2"."emplvl",
    "t2"."total_wages",
    "t2"."taxable_wages",
    "t2"."contributions",
    "t2"."avg_wkly_wage",
    "t2"."avg_annual_pay",
    "t2"."pub_lq_disclosure_code",
    "t2"."pub_lq_estabs",
    "t2"."pub_lq_emp_m1",
    "t2"."pub_lq_emp_m2",
    "t2"."pub_lq_emp_m3",
    "t2"."pub_lq_emplvl",
    "t2"."pub_lq_total_wages",
    "t2"."pub_lq_taxable_wages",
    "t2"."pub_lq_contributions",
    "t2"."pub_lq_avg_wkly_wage",
    "t2"."pub_lq_avg_annual_pay",
    "t2"."pub_oty_disclosure_code",
    "t2"."pub_oty_emp_m1_chg",
    "t2"."pub_oty_emp_m2_chg",
    "t2"."pub_oty_emp_m3_chg",
    "t2"."pub_oty_emplvl_chg",
    "t2"."file_id"
  FROM "qcew" AS "t2"
  SEMI JOIN "_refresh_years" AS "t3"
    ON "t2"."year" = "t3"."year"
), "t17" AS (
  SELECT
    "t2"."area_fips",
    "t2"."own_code",
    "t2"."industry_code",
    "t2"."agglvl_code",
    "t2"."size_code",
    "t2"."year",
    "t2"."qtr",
    "t2"."disclosure_code",
    "t2"."estabs",
    "t2"."emp_m1",
    "t2"."emp_m2",
    "t2"."emp_m3",
    "t2"."emplvl",
    "t2"."total_wages",
    "t2"."taxable_wages",
    "t2"."contributions",
    "t2"."avg_wkly_wage",
    "t2"."avg_annual_pay",
    "t2"."pub_lq_disclosure_code",
    "t2"."pub_lq_estabs",
    "t2"."pub_lq_emp_m1",
    "t2"."pub_lq_emp_m2",
    "t2"."pub_lq_emp_m3",
    "t2"."pub_lq_emplvl",
    "t2"."pub_lq_total_wages",
    "t2"."pub_lq_taxable_wages",
    "t2"."pub_lq_contributions",
    "t2"."pub_lq_avg_wkly_wage",
    "t2"."pub_lq_avg_annual_pay",
    "t2"."pub_oty_disclosure_code",
    "t2"."pub_oty_emp_m1_chg",
    "t2"."pub_oty_emp_m2_chg",
    "t2"."pub_oty_emp_m3_chg",
    "t2"."pub_oty_emplvl_chg",
    "t2"."file_id"
  FROM "qcew" AS "t2"
  SEMI JOIN "_refresh_years" AS "t3"
    ON "t2"."year" = "t3"."year"
  ANTI JOIN (
    SELECT DISTINCT
      "t5"."year"
    FROM "t4" AS "t5"
    WHERE
      "t5"."qtr" = 'A'
  ) AS "t12"
    ON "t2"."year" = "t12"."year"
), "t18" AS (
  SELECT
    "t11"."year",
    "t11"."qtr",
    "t11"."own_code",
    "t11"."industry_code",
    'U.S. file (US000)' AS "reference",
    CAST("t11"."estabs" AS DOUBLE) / NULLIF("t13"."tot_estabs", 0) AS "share_estabs",
    CAST("t11"."emp_m1" AS DOUBLE) / NULLIF("t13"."tot_emp_m1", 0) AS "share_emp_m1",
    CAST("t11"."emp_m2" AS DOUBLE) / NULLIF("t13"."tot_emp_m2", 0) AS "share_emp_m2",
    CAST("t11"."emp_m3" AS DOUBLE) / NULLIF("t13"."tot_emp_m3", 0) AS "share_emp_m3",
    "t11"."emplvl" / NULLIF("t13"."tot_emplvl", 0) AS "share_emplvl",
    CAST("t11"."total_wages" AS DOUBLE) / NULLIF("t13"."tot_total_wages", 0) AS "share_total_wages",
    CAST("t11"."taxable_wages" AS DOUBLE) / NULLIF("t13"."tot_taxable_wages", 0) AS "share_taxable_wages",
    CAST("t11"."contributions" AS DOUBLE) / NULLIF("t13"."tot_contributions", 0) AS "share_contributions",
    CAST("t11"."avg_wkly_wage" AS DOUBLE) / NULLIF("t13"."tot_avg_wkly_wage", 0) AS "share_avg_wkly_wage",
    CAST("t11"."avg_annual_pay" AS DOUBLE) / NULLIF("t13"."tot_avg_annual_pay", 0) AS "share_avg_annual_pay"
  FROM (
    SELECT
      *
    FROM "t4" AS "t5"
    WHERE
      "t5"."size_code" = '0' AND "t5"."area_fips" = 'US000'
  ) AS "t11"
  INNER JOIN (
    SELECT
      "t5"."area_fips",
      "t5"."year",
      "t5"."qtr",
      CAST("t5"."estabs" AS DOUBLE) AS "tot_estabs",
      CAST("t5"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
      CAST("t5"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
      CAST("t5"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
      "t5"."emplvl" AS "tot_emplvl",
      CAST("t5"."total_wages" AS DOUBLE) AS "tot_total_wages",
      CAST("t5"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
      CAST("t5"."contributions" AS DOUBLE) AS "tot_contributions",
      CAST("t5"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage",
      CAST("t5"."avg_annual_pay" AS DOUBLE) AS "tot_avg_annual_pay"
    FROM "t4" AS "t5"
    WHERE
      "t5"."own_code" = '0' AND "t5"."industry_code" = '10' AND "t5"."size_code" = '0'
  ) AS "t13"
    ON "t11"."area_fips" = "t13"."area_fips"
    AND "t11"."year" = "t13"."year"
    AND "t11"."qtr" = "t13"."qtr"
), "t40" AS (
  SELECT
    "t31"."year",
    "t31"."qtr",
    "t31"."own_code",
    "t31"."industry_code",
    'U.S. file (US000)' AS "reference",
    CAST("t31"."estabs" AS DOUBLE) / NULLIF("t33"."tot_estabs", 0) AS "share_estabs",
    CAST("t31"."emp_m1" AS DOUBLE) / NULLIF("t33"."tot_emp_m1", 0) AS "share_emp_m1",
    CAST("t31"."emp_m2" AS DOUBLE) / NULLIF("t33"."tot_emp_m2", 0) AS "share_emp_m2",
    CAST("t31"."emp_m3" AS DOUBLE) / NULLIF("t33"."tot_emp_m3", 0) AS "share_emp_m3",
    CAST("t31"."total_wages" AS DOUBLE) / NULLIF("t33"."tot_total_wages", 0) AS "share_total_wages",
    CAST("t31"."taxable_wages" AS DOUBLE) / NULLIF("t33"."tot_taxable_wages", 0) AS "share_taxable_wages",
    CAST("t31"."contributions" AS DOUBLE) / NULLIF("t33"."tot_contributions", 0) AS "share_contributions",
    CAST("t31"."avg_wkly_wage" AS DOUBLE) / NULLIF("t33"."tot_avg_wkly_wage", 0) AS "share_avg_wkly_wage"
  FROM (
    SELECT
      *
    FROM "t17" AS "t19"
    WHERE
      "t19"."size_code" = '0' AND "t19"."area_fips" = 'US000'
  ) AS "t31"
  INNER JOIN (
    SELECT
      "t19"."area_fips",
      "t19"."year",
      "t19"."qtr",
      CAST("t19"."estabs" AS DOUBLE) AS "tot_estabs",
      CAST("t19"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
      CAST("t19"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
      CAST("t19"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
      CAST("t19"."total_wages" AS DOUBLE) AS "tot_total_wages",
      CAST("t19"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
      CAST("t19"."contributions" AS DOUBLE) AS "tot_contributions",
      CAST("t19"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
    FROM "t17" AS "t19"
    WHERE
      "t19"."own_code" = '0'
      AND "t19"."industry_code" = '10'
      AND "t19"."size_code" = '0'
  ) AS "t33"
    ON "t31"."area_fips" = "t33"."area_fips"
    AND "t31"."year" = "t33"."year"
    AND "t31"."qtr" = "t33"."qtr"
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM "t18" AS "t20"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t55"."year",
        "t55"."qtr",
        "t55"."own_code",
        "t55"."industry_code",
        "t55"."reference",
        "t55"."share_estabs",
        "t55"."share_emp_m1",
        "t55"."share_emp_m2",
        "t55"."share_emp_m3",
        "t55"."share_emplvl",
        "t55"."share_total_wages",
        "t55"."share_taxable_wages",
        "t55"."share_contributions",
        "t55"."share_avg_wkly_wage",
        "t55"."share_avg_annual_pay"
      FROM (
        SELECT
          "t53"."year",
          "t53"."qtr",
          "t53"."own_code",
          "t53"."industry_code",
          CASE
            WHEN "t53"."n_states" IS NOT NULL
            THEN 'estimated from the published LQs of ' || CAST("t53"."n_areas" AS TEXT) || ' statewide files'
            ELSE 'estimated from the published LQs of ' || CAST("t53"."n_areas" AS TEXT) || ' loaded areas'
          END AS "reference",
          CASE
            WHEN (
              "t53"."lo_estabs" IS NOT NULL
            )
            AND (
              "t53"."hi_estabs" IS NOT NULL
            )
            AND (
              "t53"."lo_estabs" <= "t53"."hi_estabs"
            )
            THEN SQRT("t53"."lo_estabs" * "t53"."hi_estabs")
            ELSE "t53"."num_estabs" / NULLIF("t53"."den_estabs", 0)
          END AS "share_estabs",
          CASE
            WHEN (
              "t53"."lo_emp_m1" IS NOT NULL
            )
            AND (
              "t53"."hi_emp_m1" IS NOT NULL
            )
            AND (
              "t53"."lo_emp_m1" <= "t53"."hi_emp_m1"
            )
            THEN SQRT("t53"."lo_emp_m1" * "t53"."hi_emp_m1")
            ELSE "t53"."num_emp_m1" / NULLIF("t53"."den_emp_m1", 0)
          END AS "share_emp_m1",
          CASE
            WHEN (
              "t53"."lo_emp_m2" IS NOT NULL
            )
            AND (
              "t53"."hi_emp_m2" IS NOT NULL
            )
            AND (
              "t53"."lo_emp_m2" <= "t53"."hi_emp_m2"
            )
            THEN SQRT("t53"."lo_emp_m2" * "t53"."hi_emp_m2")
            ELSE "t53"."num_emp_m2" / NULLIF("t53"."den_emp_m2", 0)
          END AS "share_emp_m2",
          CASE
            WHEN (
              "t53"."lo_emp_m3" IS NOT NULL
            )
            AND (
              "t53"."hi_emp_m3" IS NOT NULL
            )
            AND (
              "t53"."lo_emp_m3" <= "t53"."hi_emp_m3"
            )
            THEN SQRT("t53"."lo_emp_m3" * "t53"."hi_emp_m3")
            ELSE "t53"."num_emp_m3" / NULLIF("t53"."den_emp_m3", 0)
          END AS "share_emp_m3",
          CASE
            WHEN (
              "t53"."lo_emplvl" IS NOT NULL
            )
            AND (
              "t53"."hi_emplvl" IS NOT NULL
            )
            AND (
              "t53"."lo_emplvl" <= "t53"."hi_emplvl"
            )
            THEN SQRT("t53"."lo_emplvl" * "t53"."hi_emplvl")
            ELSE "t53"."num_emplvl" / NULLIF("t53"."den_emplvl", 0)
          END AS "share_emplvl",
          CASE
            WHEN (
              "t53"."lo_total_wages" IS NOT NULL
            )
            AND (
              "t53"."hi_total_wages" IS NOT NULL
            )
            AND (
              "t53"."lo_total_wages" <= "t53"."hi_total_wages"
            )
            THEN SQRT("t53"."lo_total_wages" * "t53"."hi_total_wages")
            ELSE "t53"."num_total_wages" / NULLIF("t53"."den_total_wages", 0)
          END AS "share_total_wages",
          CASE
            WHEN (
              "t53"."lo_taxable_wages" IS NOT NULL
            )
            AND (
              "t53"."hi_taxable_wages" IS NOT NULL
            )
            AND (
              "t53"."lo_taxable_wages" <= "t53"."hi_taxable_wages"
            )
            THEN SQRT("t53"."lo_taxable_wages" * "t53"."hi_taxable_wages")
            ELSE "t53"."num_taxable_wages" / NULLIF("t53"."den_taxable_wages", 0)
          END AS "share_taxable_wages",
          CASE
            WHEN (
              "t53"."lo_contributions" IS NOT NULL
            )
            AND (
              "t53"."hi_contributions" IS NOT NULL
            )
            AND (
              "t53"."lo_contributions" <= "t53"."hi_contributions"
            )
            THEN SQRT("t53"."lo_contributions" * "t53"."hi_contributions")
            ELSE "t53"."num_contributions" / NULLIF("t53"."den_contributions", 0)
          END AS "share_contributions",
          CASE
            WHEN (
              "t53"."lo_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t53"."hi_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t53"."lo_avg_wkly_wage" <= "t53"."hi_avg_wkly_wage"
            )
            THEN SQRT("t53"."lo_avg_wkly_wage" * "t53"."hi_avg_wkly_wage")
            ELSE "t53"."num_avg_wkly_wage" / NULLIF("t53"."den_avg_wkly_wage", 0)
          END AS "share_avg_wkly_wage",
          CASE
            WHEN (
              "t53"."lo_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t53"."hi_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t53"."lo_avg_annual_pay" <= "t53"."hi_avg_annual_pay"
            )
            THEN SQRT("t53"."lo_avg_annual_pay" * "t53"."hi_avg_annual_pay")
            ELSE "t53"."num_avg_annual_pay" / NULLIF("t53"."den_avg_annual_pay", 0)
          END AS "share_avg_annual_pay"
        FROM (
          SELECT
            "t45"."year",
            "t45"."qtr",
            "t45"."own_code",
            "t45"."industry_code",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_estabs" > 0
                )
                AND (
                  "t45"."tot_estabs" > 0
                )
                THEN CAST("t45"."estabs" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_estabs",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_estabs" > 0
                )
                AND (
                  "t45"."tot_estabs" > 0
                )
                THEN "t45"."tot_estabs" * "t45"."pub_lq_estabs"
                ELSE NULL
              END
            ) AS "den_estabs",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_estabs" > 0
                )
                AND (
                  "t45"."tot_estabs" > 0
                )
                THEN CAST("t45"."estabs" AS DOUBLE) / (
                  "t45"."tot_estabs" * (
                    "t45"."pub_lq_estabs" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_estabs",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_estabs" > 0
                )
                AND (
                  "t45"."tot_estabs" > 0
                )
                AND (
                  "t45"."pub_lq_estabs" > 0.005
                )
                THEN CAST("t45"."estabs" AS DOUBLE) / (
                  "t45"."tot_estabs" * (
                    "t45"."pub_lq_estabs" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_estabs",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t45"."tot_emp_m1" > 0
                )
                THEN CAST("t45"."emp_m1" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m1",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t45"."tot_emp_m1" > 0
                )
                THEN "t45"."tot_emp_m1" * "t45"."pub_lq_emp_m1"
                ELSE NULL
              END
            ) AS "den_emp_m1",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t45"."tot_emp_m1" > 0
                )
                THEN CAST("t45"."emp_m1" AS DOUBLE) / (
                  "t45"."tot_emp_m1" * (
                    "t45"."pub_lq_emp_m1" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m1",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t45"."tot_emp_m1" > 0
                )
                AND (
                  "t45"."pub_lq_emp_m1" > 0.005
                )
                THEN CAST("t45"."emp_m1" AS DOUBLE) / (
                  "t45"."tot_emp_m1" * (
                    "t45"."pub_lq_emp_m1" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m1",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t45"."tot_emp_m2" > 0
                )
                THEN CAST("t45"."emp_m2" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m2",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t45"."tot_emp_m2" > 0
                )
                THEN "t45"."tot_emp_m2" * "t45"."pub_lq_emp_m2"
                ELSE NULL
              END
            ) AS "den_emp_m2",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t45"."tot_emp_m2" > 0
                )
                THEN CAST("t45"."emp_m2" AS DOUBLE) / (
                  "t45"."tot_emp_m2" * (
                    "t45"."pub_lq_emp_m2" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m2",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t45"."tot_emp_m2" > 0
                )
                AND (
                  "t45"."pub_lq_emp_m2" > 0.005
                )
                THEN CAST("t45"."emp_m2" AS DOUBLE) / (
                  "t45"."tot_emp_m2" * (
                    "t45"."pub_lq_emp_m2" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m2",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t45"."tot_emp_m3" > 0
                )
                THEN CAST("t45"."emp_m3" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m3",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t45"."tot_emp_m3" > 0
                )
                THEN "t45"."tot_emp_m3" * "t45"."pub_lq_emp_m3"
                ELSE NULL
              END
            ) AS "den_emp_m3",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t45"."tot_emp_m3" > 0
                )
                THEN CAST("t45"."emp_m3" AS DOUBLE) / (
                  "t45"."tot_emp_m3" * (
                    "t45"."pub_lq_emp_m3" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m3",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t45"."tot_emp_m3" > 0
                )
                AND (
                  "t45"."pub_lq_emp_m3" > 0.005
                )
                THEN CAST("t45"."emp_m3" AS DOUBLE) / (
                  "t45"."tot_emp_m3" * (
                    "t45"."pub_lq_emp_m3" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m3",
            SUM(
              CASE
                WHEN (
                  "t45"."emplvl" IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emplvl" > 0
                )
                AND (
                  "t45"."tot_emplvl" > 0
                )
                THEN "t45"."emplvl"
                ELSE NULL
              END
            ) AS "num_emplvl",
            SUM(
              CASE
                WHEN (
                  "t45"."emplvl" IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emplvl" > 0
                )
                AND (
                  "t45"."tot_emplvl" > 0
                )
                THEN "t45"."tot_emplvl" * "t45"."pub_lq_emplvl"
                ELSE NULL
              END
            ) AS "den_emplvl",
            MAX(
              CASE
                WHEN (
                  "t45"."emplvl" IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emplvl" > 0
                )
                AND (
                  "t45"."tot_emplvl" > 0
                )
                THEN "t45"."emplvl" / (
                  "t45"."tot_emplvl" * (
                    "t45"."pub_lq_emplvl" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emplvl",
            MIN(
              CASE
                WHEN (
                  "t45"."emplvl" IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_emplvl" > 0
                )
                AND (
                  "t45"."tot_emplvl" > 0
                )
                AND (
                  "t45"."pub_lq_emplvl" > 0.005
                )
                THEN "t45"."emplvl" / (
                  "t45"."tot_emplvl" * (
                    "t45"."pub_lq_emplvl" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emplvl",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_total_wages" > 0
                )
                AND (
                  "t45"."tot_total_wages" > 0
                )
                THEN CAST("t45"."total_wages" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_total_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_total_wages" > 0
                )
                AND (
                  "t45"."tot_total_wages" > 0
                )
                THEN "t45"."tot_total_wages" * "t45"."pub_lq_total_wages"
                ELSE NULL
              END
            ) AS "den_total_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_total_wages" > 0
                )
                AND (
                  "t45"."tot_total_wages" > 0
                )
                THEN CAST("t45"."total_wages" AS DOUBLE) / (
                  "t45"."tot_total_wages" * (
                    "t45"."pub_lq_total_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_total_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_total_wages" > 0
                )
                AND (
                  "t45"."tot_total_wages" > 0
                )
                AND (
                  "t45"."pub_lq_total_wages" > 0.005
                )
                THEN CAST("t45"."total_wages" AS DOUBLE) / (
                  "t45"."tot_total_wages" * (
                    "t45"."pub_lq_total_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_total_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t45"."tot_taxable_wages" > 0
                )
                THEN CAST("t45"."taxable_wages" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_taxable_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t45"."tot_taxable_wages" > 0
                )
                THEN "t45"."tot_taxable_wages" * "t45"."pub_lq_taxable_wages"
                ELSE NULL
              END
            ) AS "den_taxable_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t45"."tot_taxable_wages" > 0
                )
                THEN CAST("t45"."taxable_wages" AS DOUBLE) / (
                  "t45"."tot_taxable_wages" * (
                    "t45"."pub_lq_taxable_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_taxable_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t45"."tot_taxable_wages" > 0
                )
                AND (
                  "t45"."pub_lq_taxable_wages" > 0.005
                )
                THEN CAST("t45"."taxable_wages" AS DOUBLE) / (
                  "t45"."tot_taxable_wages" * (
                    "t45"."pub_lq_taxable_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_taxable_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_contributions" > 0
                )
                AND (
                  "t45"."tot_contributions" > 0
                )
                THEN CAST("t45"."contributions" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_contributions",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_contributions" > 0
                )
                AND (
                  "t45"."tot_contributions" > 0
                )
                THEN "t45"."tot_contributions" * "t45"."pub_lq_contributions"
                ELSE NULL
              END
            ) AS "den_contributions",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_contributions" > 0
                )
                AND (
                  "t45"."tot_contributions" > 0
                )
                THEN CAST("t45"."contributions" AS DOUBLE) / (
                  "t45"."tot_contributions" * (
                    "t45"."pub_lq_contributions" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_contributions",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_contributions" > 0
                )
                AND (
                  "t45"."tot_contributions" > 0
                )
                AND (
                  "t45"."pub_lq_contributions" > 0.005
                )
                THEN CAST("t45"."contributions" AS DOUBLE) / (
                  "t45"."tot_contributions" * (
                    "t45"."pub_lq_contributions" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_contributions",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t45"."tot_avg_wkly_wage" > 0
                )
                THEN CAST("t45"."avg_wkly_wage" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_avg_wkly_wage",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t45"."tot_avg_wkly_wage" > 0
                )
                THEN "t45"."tot_avg_wkly_wage" * "t45"."pub_lq_avg_wkly_wage"
                ELSE NULL
              END
            ) AS "den_avg_wkly_wage",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t45"."tot_avg_wkly_wage" > 0
                )
                THEN CAST("t45"."avg_wkly_wage" AS DOUBLE) / (
                  "t45"."tot_avg_wkly_wage" * (
                    "t45"."pub_lq_avg_wkly_wage" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_avg_wkly_wage",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t45"."tot_avg_wkly_wage" > 0
                )
                AND (
                  "t45"."pub_lq_avg_wkly_wage" > 0.005
                )
                THEN CAST("t45"."avg_wkly_wage" AS DOUBLE) / (
                  "t45"."tot_avg_wkly_wage" * (
                    "t45"."pub_lq_avg_wkly_wage" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_avg_wkly_wage",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t45"."tot_avg_annual_pay" > 0
                )
                THEN CAST("t45"."avg_annual_pay" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_avg_annual_pay",
            SUM(
              CASE
                WHEN (
                  CAST("t45"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t45"."tot_avg_annual_pay" > 0
                )
                THEN "t45"."tot_avg_annual_pay" * "t45"."pub_lq_avg_annual_pay"
                ELSE NULL
              END
            ) AS "den_avg_annual_pay",
            MAX(
              CASE
                WHEN (
                  CAST("t45"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t45"."tot_avg_annual_pay" > 0
                )
                THEN CAST("t45"."avg_annual_pay" AS DOUBLE) / (
                  "t45"."tot_avg_annual_pay" * (
                    "t45"."pub_lq_avg_annual_pay" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_avg_annual_pay",
            MIN(
              CASE
                WHEN (
                  CAST("t45"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t45"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t45"."tot_avg_annual_pay" > 0
                )
                AND (
                  "t45"."pub_lq_avg_annual_pay" > 0.005
                )
                THEN CAST("t45"."avg_annual_pay" AS DOUBLE) / (
                  "t45"."tot_avg_annual_pay" * (
                    "t45"."pub_lq_avg_annual_pay" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_avg_annual_pay",
            COUNT(DISTINCT "t45"."area_fips") AS "n_areas",
            BOOL_OR("t45"."from_states") AS "n_states"
          FROM (
            SELECT
              "t39"."area_fips",
              "t39"."own_code",
              "t39"."industry_code",
              "t39"."agglvl_code",
              "t39"."size_code",
              "t39"."year",
              "t39"."qtr",
              "t39"."disclosure_code",
              "t39"."estabs",
              "t39"."emp_m1",
              "t39"."emp_m2",
              "t39"."emp_m3",
              "t39"."emplvl",
              "t39"."total_wages",
              "t39"."taxable_wages",
              "t39"."contributions",
              "t39"."avg_wkly_wage",
              "t39"."avg_annual_pay",
              "t39"."pub_lq_disclosure_code",
              "t39"."pub_lq_estabs",
              "t39"."pub_lq_emp_m1",
              "t39"."pub_lq_emp_m2",
              "t39"."pub_lq_emp_m3",
              "t39"."pub_lq_emplvl",
              "t39"."pub_lq_total_wages",
              "t39"."pub_lq_taxable_wages",
              "t39"."pub_lq_contributions",
              "t39"."pub_lq_avg_wkly_wage",
              "t39"."pub_lq_avg_annual_pay",
              "t39"."pub_oty_disclosure_code",
              "t39"."pub_oty_emp_m1_chg",
              "t39"."pub_oty_emp_m2_chg",
              "t39"."pub_oty_emp_m3_chg",
              "t39"."pub_oty_emplvl_chg",
              "t39"."file_id",
              "t39"."year_right",
              "t39"."qtr_right",
              "t39"."from_states",
              "t13"."tot_estabs",
              "t13"."tot_emp_m1",
              "t13"."tot_emp_m2",
              "t13"."tot_emp_m3",
              "t13"."tot_emplvl",
              "t13"."tot_total_wages",
              "t13"."tot_taxable_wages",
              "t13"."tot_contributions",
              "t13"."tot_avg_wkly_wage",
              "t13"."tot_avg_annual_pay"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t14"."area_fips",
                  "t14"."own_code",
                  "t14"."industry_code",
                  "t14"."agglvl_code",
                  "t14"."size_code",
                  "t14"."year",
                  "t14"."qtr",
                  "t14"."disclosure_code",
                  "t14"."estabs",
                  "t14"."emp_m1",
                  "t14"."emp_m2",
                  "t14"."emp_m3",
                  "t14"."emplvl",
                  "t14"."total_wages",
                  "t14"."taxable_wages",
                  "t14"."contributions",
                  "t14"."avg_wkly_wage",
                  "t14"."avg_annual_pay",
                  "t14"."pub_lq_disclosure_code",
                  "t14"."pub_lq_estabs",
                  "t14"."pub_lq_emp_m1",
                  "t14"."pub_lq_emp_m2",
                  "t14"."pub_lq_emp_m3",
                  "t14"."pub_lq_emplvl",
                  "t14"."pub_lq_total_wages",
                  "t14"."pub_lq_taxable_wages",
                  "t14"."pub_lq_contributions",
                  "t14"."pub_lq_avg_wkly_wage",
                  "t14"."pub_lq_avg_annual_pay",
                  "t14"."pub_oty_disclosure_code",
                  "t14"."pub_oty_emp_m1_chg",
                  "t14"."pub_oty_emp_m2_chg",
                  "t14"."pub_oty_emp_m3_chg",
                  "t14"."pub_oty_emplvl_chg",
                  "t14"."file_id",
                  "t16"."year" AS "year_right",
                  "t16"."qtr" AS "qtr_right",
                  "t16"."from_states"
                FROM (
                  SELECT
                    *
                  FROM "t4" AS "t5"
                  WHERE
                    "t5"."size_code" = '0'
                    AND "t5"."pub_lq_disclosure_code" IS NOT NULL
                    AND NOT (
                      STARTS_WITH("t5"."area_fips", 'US')
                    )
                ) AS "t14"
                LEFT OUTER JOIN (
                  SELECT
                    "t9"."year",
                    "t9"."qtr",
                    TRUE AS "from_states"
                  FROM (
                    SELECT DISTINCT
                      "t5"."year",
                      "t5"."qtr"
                    FROM "t4" AS "t5"
                    WHERE
                      "t5"."size_code" = '0'
                      AND REGEXP_MATCHES("t5"."area_fips", '^[0-9]{2}000$')
                      AND "t5"."pub_lq_disclosure_code" IS NOT NULL
                  ) AS "t9"
                ) AS "t16"
                  ON "t14"."year" = "t16"."year" AND "t14"."qtr" = "t16"."qtr"
              ) AS "t21"
              WHERE
                (
                  "t21"."from_states" IS NULL
                )
                OR REGEXP_MATCHES("t21"."area_fips", '^[0-9]{2}000$')
            ) AS "t39"
            INNER JOIN (
              SELECT
                "t5"."area_fips",
                "t5"."year",
                "t5"."qtr",
                CAST("t5"."estabs" AS DOUBLE) AS "tot_estabs",
                CAST("t5"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
                CAST("t5"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
                CAST("t5"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
                "t5"."emplvl" AS "tot_emplvl",
                CAST("t5"."total_wages" AS DOUBLE) AS "tot_total_wages",
                CAST("t5"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
                CAST("t5"."contributions" AS DOUBLE) AS "tot_contributions",
                CAST("t5"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage",
                CAST("t5"."avg_annual_pay" AS DOUBLE) AS "tot_avg_annual_pay"
              FROM "t4" AS "t5"
              WHERE
                "t5"."own_code" = '0' AND "t5"."industry_code" = '10' AND "t5"."size_code" = '0'
            ) AS "t13"
              ON "t39"."area_fips" = "t13"."area_fips"
              AND "t39"."year" = "t13"."year"
              AND "t39"."qtr" = "t13"."qtr"
          ) AS "t45"
          GROUP BY
            1,
            2,
            3,
            4
        ) AS "t53"
      ) AS "t55"
      ANTI JOIN (
        SELECT DISTINCT
          "t20"."year",
          "t20"."qtr"
        FROM "t18" AS "t20"
      ) AS "t29"
        ON "t55"."year" = "t29"."year" AND "t55"."qtr" = "t29"."qtr"
    ) AS "t57"
  ) AS "t58"
) AS "t59"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t66"."year",
    'A' AS "qtr",
    "t66"."own_code",
    "t66"."industry_code",
    "t66"."reference" || ', averaged over the four quarters' AS "reference",
    "t66"."share_estabs",
    CAST(NULL AS DOUBLE) AS "share_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_emp_m3",
    "t66"."share_emplvl",
    "t66"."share_total_wages",
    "t66"."share_taxable_wages",
    "t66"."share_contributions",
    CAST(NULL AS DOUBLE) AS "share_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_avg_annual_pay"
  FROM (
    SELECT
      "t65"."year",
      "t65"."own_code",
      "t65"."industry_code",
      COUNT(DISTINCT "t65"."qtr") AS "n_qtrs",
      MAX("t65"."reference") AS "reference",
      SUM(
        (
          "t65"."share_emp_m1" * "t65"."w_m1"
        ) + (
          "t65"."share_emp_m2" * "t65"."w_m2"
        ) + (
          "t65"."share_emp_m3" * "t65"."w_m3"
        )
      ) / SUM("t65"."w_m1" + "t65"."w_m2" + "t65"."w_m3") AS "share_emplvl",
      SUM("t65"."share_total_wages" * "t65"."w_wages") / SUM("t65"."w_wages") AS "share_total_wages",
      SUM("t65"."share_taxable_wages" * "t65"."w_taxable") / SUM("t65"."w_taxable") AS "share_taxable_wages",
      SUM("t65"."share_contributions" * "t65"."w_contrib") / SUM("t65"."w_contrib") AS "share_contributions",
      SUM("t65"."share_estabs" * "t65"."w_estabs") / SUM("t65"."w_estabs") AS "share_estabs"
    FROM (
      SELECT
        "t64"."year",
        "t64"."qtr",
        "t64"."own_code",
        "t64"."industry_code",
        "t64"."reference",
        "t64"."share_estabs",
        "t64"."share_emp_m1",
        "t64"."share_emp_m2",
        "t64"."share_emp_m3",
        "t64"."share_total_wages",
        "t64"."share_taxable_wages",
        "t64"."share_contributions",
        "t64"."share_avg_wkly_wage",
        "t49"."w_m1",
        "t49"."w_m2",
        "t49"."w_m3",
        "t49"."w_wages",
        "t49"."w_taxable",
        "t49"."w_contrib",
        "t49"."w_estabs"
      FROM (
        SELECT
          *
        FROM "t40" AS "t42"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t61"."year",
            "t61"."qtr",
            "t61"."own_code",
            "t61"."industry_code",
            "t61"."reference",
            "t61"."share_estabs",
            "t61"."share_emp_m1",
            "t61"."share_emp_m2",
            "t61"."share_emp_m3",
            "t61"."share_total_wages",
            "t61"."share_taxable_wages",
            "t61"."share_contributions",
            "t61"."share_avg_wkly_wage"
          FROM (
            SELECT
              "t56"."year",
              "t56"."qtr",
              "t56"."own_code",
              "t56"."industry_code",
              CASE
                WHEN "t56"."n_states" IS NOT NULL
                THEN 'estimated from the published LQs of ' || CAST("t56"."n_areas" AS TEXT) || ' statewide files'
                ELSE 'estimated from the published LQs of ' || CAST("t56"."n_areas" AS TEXT) || ' loaded areas'
              END AS "reference",
              CASE
                WHEN (
                  "t56"."lo_estabs" IS NOT NULL
                )
                AND (
                  "t56"."hi_estabs" IS NOT NULL
                )
                AND (
                  "t56"."lo_estabs" <= "t56"."hi_estabs"
                )
                THEN SQRT("t56"."lo_estabs" * "t56"."hi_estabs")
                ELSE "t56"."num_estabs" / NULLIF("t56"."den_estabs", 0)
              END AS "share_estabs",
              CASE
                WHEN (
                  "t56"."lo_emp_m1" IS NOT NULL
                )
                AND (
                  "t56"."hi_emp_m1" IS NOT NULL
                )
                AND (
                  "t56"."lo_emp_m1" <= "t56"."hi_emp_m1"
                )
                THEN SQRT("t56"."lo_emp_m1" * "t56"."hi_emp_m1")
                ELSE "t56"."num_emp_m1" / NULLIF("t56"."den_emp_m1", 0)
              END AS "share_emp_m1",
              CASE
                WHEN (
                  "t56"."lo_emp_m2" IS NOT NULL
                )
                AND (
                  "t56"."hi_emp_m2" IS NOT NULL
                )
                AND (
                  "t56"."lo_emp_m2" <= "t56"."hi_emp_m2"
                )
                THEN SQRT("t56"."lo_emp_m2" * "t56"."hi_emp_m2")
                ELSE "t56"."num_emp_m2" / NULLIF("t56"."den_emp_m2", 0)
              END AS "share_emp_m2",
              CASE
                WHEN (
                  "t56"."lo_emp_m3" IS NOT NULL
                )
                AND (
                  "t56"."hi_emp_m3" IS NOT NULL
                )
                AND (
                  "t56"."lo_emp_m3" <= "t56"."hi_emp_m3"
                )
                THEN SQRT("t56"."lo_emp_m3" * "t56"."hi_emp_m3")
                ELSE "t56"."num_emp_m3" / NULLIF("t56"."den_emp_m3", 0)
              END AS "share_emp_m3",
              CASE
                WHEN (
                  "t56"."lo_total_wages" IS NOT NULL
                )
                AND (
                  "t56"."hi_total_wages" IS NOT NULL
                )
                AND (
                  "t56"."lo_total_wages" <= "t56"."hi_total_wages"
                )
                THEN SQRT("t56"."lo_total_wages" * "t56"."hi_total_wages")
                ELSE "t56"."num_total_wages" / NULLIF("t56"."den_total_wages", 0)
              END AS "share_total_wages",
              CASE
                WHEN (
                  "t56"."lo_taxable_wages" IS NOT NULL
                )
                AND (
                  "t56"."hi_taxable_wages" IS NOT NULL
                )
                AND (
                  "t56"."lo_taxable_wages" <= "t56"."hi_taxable_wages"
                )
                THEN SQRT("t56"."lo_taxable_wages" * "t56"."hi_taxable_wages")
                ELSE "t56"."num_taxable_wages" / NULLIF("t56"."den_taxable_wages", 0)
              END AS "share_taxable_wages",
              CASE
                WHEN (
                  "t56"."lo_contributions" IS NOT NULL
                )
                AND (
                  "t56"."hi_contributions" IS NOT NULL
                )
                AND (
                  "t56"."lo_contributions" <= "t56"."hi_contributions"
                )
                THEN SQRT("t56"."lo_contributions" * "t56"."hi_contributions")
                ELSE "t56"."num_contributions" / NULLIF("t56"."den_contributions", 0)
              END AS "share_contributions",
              CASE
                WHEN (
                  "t56"."lo_avg_wkly_wage" IS NOT NULL
                )
                AND (
                  "t56"."hi_avg_wkly_wage" IS NOT NULL
                )
                AND (
                  "t56"."lo_avg_wkly_wage" <= "t56"."hi_avg_wkly_wage"
                )
                THEN SQRT("t56"."lo_avg_wkly_wage" * "t56"."hi_avg_wkly_wage")
                ELSE "t56"."num_avg_wkly_wage" / NULLIF("t56"."den_avg_wkly_wage", 0)
              END AS "share_avg_wkly_wage"
            FROM (
              SELECT
                "t52"."year",
                "t52"."qtr",
                "t52"."own_code",
                "t52"."industry_code",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."estabs" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_estabs" > 0
                    )
                    AND (
                      "t52"."tot_estabs" > 0
                    )
                    THEN CAST("t52"."estabs" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_estabs",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."estabs" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_estabs" > 0
                    )
                    AND (
                      "t52"."tot_estabs" > 0
                    )
                    THEN "t52"."tot_estabs" * "t52"."pub_lq_estabs"
                    ELSE NULL
                  END
                ) AS "den_estabs",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."estabs" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_estabs" > 0
                    )
                    AND (
                      "t52"."tot_estabs" > 0
                    )
                    THEN CAST("t52"."estabs" AS DOUBLE) / (
                      "t52"."tot_estabs" * (
                        "t52"."pub_lq_estabs" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_estabs",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."estabs" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_estabs" > 0
                    )
                    AND (
                      "t52"."tot_estabs" > 0
                    )
                    AND (
                      "t52"."pub_lq_estabs" > 0.005
                    )
                    THEN CAST("t52"."estabs" AS DOUBLE) / (
                      "t52"."tot_estabs" * (
                        "t52"."pub_lq_estabs" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_estabs",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m1" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m1" > 0
                    )
                    AND (
                      "t52"."tot_emp_m1" > 0
                    )
                    THEN CAST("t52"."emp_m1" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_emp_m1",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m1" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m1" > 0
                    )
                    AND (
                      "t52"."tot_emp_m1" > 0
                    )
                    THEN "t52"."tot_emp_m1" * "t52"."pub_lq_emp_m1"
                    ELSE NULL
                  END
                ) AS "den_emp_m1",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m1" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m1" > 0
                    )
                    AND (
                      "t52"."tot_emp_m1" > 0
                    )
                    THEN CAST("t52"."emp_m1" AS DOUBLE) / (
                      "t52"."tot_emp_m1" * (
                        "t52"."pub_lq_emp_m1" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_emp_m1",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m1" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m1" > 0
                    )
                    AND (
                      "t52"."tot_emp_m1" > 0
                    )
                    AND (
                      "t52"."pub_lq_emp_m1" > 0.005
                    )
                    THEN CAST("t52"."emp_m1" AS DOUBLE) / (
                      "t52"."tot_emp_m1" * (
                        "t52"."pub_lq_emp_m1" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_emp_m1",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m2" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m2" > 0
                    )
                    AND (
                      "t52"."tot_emp_m2" > 0
                    )
                    THEN CAST("t52"."emp_m2" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_emp_m2",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m2" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m2" > 0
                    )
                    AND (
                      "t52"."tot_emp_m2" > 0
                    )
                    THEN "t52"."tot_emp_m2" * "t52"."pub_lq_emp_m2"
                    ELSE NULL
                  END
                ) AS "den_emp_m2",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m2" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m2" > 0
                    )
                    AND (
                      "t52"."tot_emp_m2" > 0
                    )
                    THEN CAST("t52"."emp_m2" AS DOUBLE) / (
                      "t52"."tot_emp_m2" * (
                        "t52"."pub_lq_emp_m2" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_emp_m2",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m2" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m2" > 0
                    )
                    AND (
                      "t52"."tot_emp_m2" > 0
                    )
                    AND (
                      "t52"."pub_lq_emp_m2" > 0.005
                    )
                    THEN CAST("t52"."emp_m2" AS DOUBLE) / (
                      "t52"."tot_emp_m2" * (
                        "t52"."pub_lq_emp_m2" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_emp_m2",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m3" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m3" > 0
                    )
                    AND (
                      "t52"."tot_emp_m3" > 0
                    )
                    THEN CAST("t52"."emp_m3" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_emp_m3",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m3" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m3" > 0
                    )
                    AND (
                      "t52"."tot_emp_m3" > 0
                    )
                    THEN "t52"."tot_emp_m3" * "t52"."pub_lq_emp_m3"
                    ELSE NULL
                  END
                ) AS "den_emp_m3",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m3" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m3" > 0
                    )
                    AND (
                      "t52"."tot_emp_m3" > 0
                    )
                    THEN CAST("t52"."emp_m3" AS DOUBLE) / (
                      "t52"."tot_emp_m3" * (
                        "t52"."pub_lq_emp_m3" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_emp_m3",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."emp_m3" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_emp_m3" > 0
                    )
                    AND (
                      "t52"."tot_emp_m3" > 0
                    )
                    AND (
                      "t52"."pub_lq_emp_m3" > 0.005
                    )
                    THEN CAST("t52"."emp_m3" AS DOUBLE) / (
                      "t52"."tot_emp_m3" * (
                        "t52"."pub_lq_emp_m3" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_emp_m3",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."total_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_total_wages" > 0
                    )
                    AND (
                      "t52"."tot_total_wages" > 0
                    )
                    THEN CAST("t52"."total_wages" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_total_wages",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."total_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_total_wages" > 0
                    )
                    AND (
                      "t52"."tot_total_wages" > 0
                    )
                    THEN "t52"."tot_total_wages" * "t52"."pub_lq_total_wages"
                    ELSE NULL
                  END
                ) AS "den_total_wages",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."total_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_total_wages" > 0
                    )
                    AND (
                      "t52"."tot_total_wages" > 0
                    )
                    THEN CAST("t52"."total_wages" AS DOUBLE) / (
                      "t52"."tot_total_wages" * (
                        "t52"."pub_lq_total_wages" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_total_wages",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."total_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_total_wages" > 0
                    )
                    AND (
                      "t52"."tot_total_wages" > 0
                    )
                    AND (
                      "t52"."pub_lq_total_wages" > 0.005
                    )
                    THEN CAST("t52"."total_wages" AS DOUBLE) / (
                      "t52"."tot_total_wages" * (
                        "t52"."pub_lq_total_wages" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_total_wages",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."taxable_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_taxable_wages" > 0
                    )
                    AND (
                      "t52"."tot_taxable_wages" > 0
                    )
                    THEN CAST("t52"."taxable_wages" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_taxable_wages",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."taxable_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_taxable_wages" > 0
                    )
                    AND (
                      "t52"."tot_taxable_wages" > 0
                    )
                    THEN "t52"."tot_taxable_wages" * "t52"."pub_lq_taxable_wages"
                    ELSE NULL
                  END
                ) AS "den_taxable_wages",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."taxable_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_taxable_wages" > 0
                    )
                    AND (
                      "t52"."tot_taxable_wages" > 0
                    )
                    THEN CAST("t52"."taxable_wages" AS DOUBLE) / (
                      "t52"."tot_taxable_wages" * (
                        "t52"."pub_lq_taxable_wages" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_taxable_wages",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."taxable_wages" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_taxable_wages" > 0
                    )
                    AND (
                      "t52"."tot_taxable_wages" > 0
                    )
                    AND (
                      "t52"."pub_lq_taxable_wages" > 0.005
                    )
                    THEN CAST("t52"."taxable_wages" AS DOUBLE) / (
                      "t52"."tot_taxable_wages" * (
                        "t52"."pub_lq_taxable_wages" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_taxable_wages",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."contributions" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_contributions" > 0
                    )
                    AND (
                      "t52"."tot_contributions" > 0
                    )
                    THEN CAST("t52"."contributions" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_contributions",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."contributions" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_contributions" > 0
                    )
                    AND (
                      "t52"."tot_contributions" > 0
                    )
                    THEN "t52"."tot_contributions" * "t52"."pub_lq_contributions"
                    ELSE NULL
                  END
                ) AS "den_contributions",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."contributions" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_contributions" > 0
                    )
                    AND (
                      "t52"."tot_contributions" > 0
                    )
                    THEN CAST("t52"."contributions" AS DOUBLE) / (
                      "t52"."tot_contributions" * (
                        "t52"."pub_lq_contributions" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_contributions",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."contributions" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_contributions" > 0
                    )
                    AND (
                      "t52"."tot_contributions" > 0
                    )
                    AND (
                      "t52"."pub_lq_contributions" > 0.005
                    )
                    THEN CAST("t52"."contributions" AS DOUBLE) / (
                      "t52"."tot_contributions" * (
                        "t52"."pub_lq_contributions" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_contributions",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_avg_wkly_wage" > 0
                    )
                    AND (
                      "t52"."tot_avg_wkly_wage" > 0
                    )
                    THEN CAST("t52"."avg_wkly_wage" AS DOUBLE)
                    ELSE NULL
                  END
                ) AS "num_avg_wkly_wage",
                SUM(
                  CASE
                    WHEN (
                      CAST("t52"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_avg_wkly_wage" > 0
                    )
                    AND (
                      "t52"."tot_avg_wkly_wage" > 0
                    )
                    THEN "t52"."tot_avg_wkly_wage" * "t52"."pub_lq_avg_wkly_wage"
                    ELSE NULL
                  END
                ) AS "den_avg_wkly_wage",
                MAX(
                  CASE
                    WHEN (
                      CAST("t52"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_avg_wkly_wage" > 0
                    )
                    AND (
                      "t52"."tot_avg_wkly_wage" > 0
                    )
                    THEN CAST("t52"."avg_wkly_wage" AS DOUBLE) / (
                      "t52"."tot_avg_wkly_wage" * (
                        "t52"."pub_lq_avg_wkly_wage" + 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "lo_avg_wkly_wage",
                MIN(
                  CASE
                    WHEN (
                      CAST("t52"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                    )
                    AND (
                      "t52"."pub_lq_avg_wkly_wage" > 0
                    )
                    AND (
                      "t52"."tot_avg_wkly_wage" > 0
                    )
                    AND (
                      "t52"."pub_lq_avg_wkly_wage" > 0.005
                    )
                    THEN CAST("t52"."avg_wkly_wage" AS DOUBLE) / (
                      "t52"."tot_avg_wkly_wage" * (
                        "t52"."pub_lq_avg_wkly_wage" - 0.005
                      )
                    )
                    ELSE NULL
                  END
                ) AS "hi_avg_wkly_wage",
                COUNT(DISTINCT "t52"."area_fips") AS "n_areas",
                BOOL_OR("t52"."from_states") AS "n_states"
              FROM (
                SELECT
                  "t51"."area_fips",
                  "t51"."own_code",
                  "t51"."industry_code",
                  "t51"."agglvl_code",
                  "t51"."size_code",
                  "t51"."year",
                  "t51"."qtr",
                  "t51"."disclosure_code",
                  "t51"."estabs",
                  "t51"."emp_m1",
                  "t51"."emp_m2",
                  "t51"."emp_m3",
                  "t51"."emplvl",
                  "t51"."total_wages",
                  "t51"."taxable_wages",
                  "t51"."contributions",
                  "t51"."avg_wkly_wage",
                  "t51"."avg_annual_pay",
                  "t51"."pub_lq_disclosure_code",
                  "t51"."pub_lq_estabs",
                  "t51"."pub_lq_emp_m1",
                  "t51"."pub_lq_emp_m2",
                  "t51"."pub_lq_emp_m3",
                  "t51"."pub_lq_emplvl",
                  "t51"."pub_lq_total_wages",
                  "t51"."pub_lq_taxable_wages",
                  "t51"."pub_lq_contributions",
                  "t51"."pub_lq_avg_wkly_wage",
                  "t51"."pub_lq_avg_annual_pay",
                  "t51"."pub_oty_disclosure_code",
                  "t51"."pub_oty_emp_m1_chg",
                  "t51"."pub_oty_emp_m2_chg",
                  "t51"."pub_oty_emp_m3_chg",
                  "t51"."pub_oty_emplvl_chg",
                  "t51"."file_id",
                  "t51"."year_right",
                  "t51"."qtr_right",
                  "t51"."from_states",
                  "t33"."tot_estabs",
                  "t33"."tot_emp_m1",
                  "t33"."tot_emp_m2",
                  "t33"."tot_emp_m3",
                  "t33"."tot_total_wages",
                  "t33"."tot_taxable_wages",
                  "t33"."tot_contributions",
                  "t33"."tot_avg_wkly_wage"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t35"."area_fips",
                      "t35"."own_code",
                      "t35"."industry_code",
                      "t35"."agglvl_code",
                      "t35"."size_code",
                      "t35"."year",
                      "t35"."qtr",
                      "t35"."disclosure_code",
                      "t35"."estabs",
                      "t35"."emp_m1",
                      "t35"."emp_m2",
                      "t35"."emp_m3",
                      "t35"."emplvl",
                      "t35"."total_wages",
                      "t35"."taxable_wages",
                      "t35"."contributions",
                      "t35"."avg_wkly_wage",
                      "t35"."avg_annual_pay",
                      "t35"."pub_lq_disclosure_code",
                      "t35"."pub_lq_estabs",
                      "t35"."pub_lq_emp_m1",
                      "t35"."pub_lq_emp_m2",
                      "t35"."pub_lq_emp_m3",
                      "t35"."pub_lq_emplvl",
                      "t35"."pub_lq_total_wages",
                      "t35"."pub_lq_taxable_wages",
                      "t35"."pub_lq_contributions",
                      "t35"."pub_lq_avg_wkly_wage",
                      "t35"."pub_lq_avg_annual_pay",
                      "t35"."pub_oty_disclosure_code",
                      "t35"."pub_oty_emp_m1_chg",
                      "t35"."pub_oty_emp_m2_chg",
                      "t35"."pub_oty_emp_m3_chg",
                      "t35"."pub_oty_emplvl_chg",
                      "t35"."file_id",
                      "t38"."year" AS "year_right",
                      "t38"."qtr" AS "qtr_right",
                      "t38"."from_states"
                    FROM (
                      SELECT
                        *
                      FROM "t17" AS "t19"
                      WHERE
                        "t19"."size_code" = '0'
                        AND "t19"."pub_lq_disclosure_code" IS NOT NULL
                        AND NOT (
                          STARTS_WITH("t19"."area_fips", 'US')
                        )
                    ) AS "t35"
                    LEFT OUTER JOIN (
                      SELECT
                        "t28"."year",
                        "t28"."qtr",
                        TRUE AS "from_states"
                      FROM (
                        SELECT DISTINCT
                          "t19"."year",
                          "t19"."qtr"
                        FROM "t17" AS "t19"
                        WHERE
                          "t19"."size_code" = '0'
                          AND REGEXP_MATCHES("t19"."area_fips", '^[0-9]{2}000$')
                          AND "t19"."pub_lq_disclosure_code" IS NOT NULL
                      ) AS "t28"
                    ) AS "t38"
                      ON "t35"."year" = "t38"."year" AND "t35"."qtr" = "t38"."qtr"
                  ) AS "t44"
                  WHERE
                    (
                      "t44"."from_states" IS NULL
                    )
                    OR REGEXP_MATCHES("t44"."area_fips", '^[0-9]{2}000$')
                ) AS "t51"
                INNER JOIN (
                  SELECT
                    "t19"."area_fips",
                    "t19"."year",
                    "t19"."qtr",
                    CAST("t19"."estabs" AS DOUBLE) AS "tot_estabs",
                    CAST("t19"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
                    CAST("t19"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
                    CAST("t19"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
                    CAST("t19"."total_wages" AS DOUBLE) AS "tot_total_wages",
                    CAST("t19"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
                    CAST("t19"."contributions" AS DOUBLE) AS "tot_contributions",
                    CAST("t19"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
                  FROM "t17" AS "t19"
                  WHERE
                    "t19"."own_code" = '0'
                    AND "t19"."industry_code" = '10'
                    AND "t19"."size_code" = '0'
                ) AS "t33"
                  ON "t51"."area_fips" = "t33"."area_fips"
                  AND "t51"."year" = "t33"."year"
                  AND "t51"."qtr" = "t33"."qtr"
              ) AS "t52"
              GROUP BY
                1,
                2,
                3,
                4
            ) AS "t56"
          ) AS "t61"
          ANTI JOIN (
            SELECT DISTINCT
              "t42"."year",
              "t42"."qtr"
            FROM "t40" AS "t42"
          ) AS "t47"
            ON "t61"."year" = "t47"."year" AND "t61"."qtr" = "t47"."qtr"
        ) AS "t62"
      ) AS "t64"
      INNER JOIN (
        SELECT
          "t43"."year",
          "t43"."qtr",
          SUM("t43"."tot_emp_m1") AS "w_m1",
          SUM("t43"."tot_emp_m2") AS "w_m2",
          SUM("t43"."tot_emp_m3") AS "w_m3",
          SUM("t43"."tot_total_wages") AS "w_wages",
          SUM("t43"."tot_taxable_wages") AS "w_taxable",
          SUM("t43"."tot_contributions") AS "w_contrib",
          SUM("t43"."tot_estabs") AS "w_estabs"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t19"."area_fips",
              "t19"."year",
              "t19"."qtr",
              CAST("t19"."estabs" AS DOUBLE) AS "tot_estabs",
              CAST("t19"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
              CAST("t19"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
              CAST("t19"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
              CAST("t19"."total_wages" AS DOUBLE) AS "tot_total_wages",
              CAST("t19"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
              CAST("t19"."contributions" AS DOUBLE) AS "tot_contributions",
              CAST("t19"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
            FROM "t17" AS "t19"
            WHERE
              "t19"."own_code" = '0'
              AND "t19"."industry_code" = '10'
              AND "t19"."size_code" = '0'
              AND "t19"."area_fips" = 'US000'
          ) AS "t25"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t34"."area_fips",
              "t34"."year",
              "t34"."qtr",
              "t34"."tot_estabs",
              "t34"."tot_emp_m1",
              "t34"."tot_emp_m2",
              "t34"."tot_emp_m3",
              "t34"."tot_total_wages",
              "t34"."tot_taxable_wages",
              "t34"."tot_contributions",
              "t34"."tot_avg_wkly_wage"
            FROM (
              SELECT
                "t19"."area_fips",
                "t19"."year",
                "t19"."qtr",
                CAST("t19"."estabs" AS DOUBLE) AS "tot_estabs",
                CAST("t19"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
                CAST("t19"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
                CAST("t19"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
                CAST("t19"."total_wages" AS DOUBLE) AS "tot_total_wages",
                CAST("t19"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
                CAST("t19"."contributions" AS DOUBLE) AS "tot_contributions",
                CAST("t19"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
              FROM "t17" AS "t19"
              WHERE
                "t19"."own_code" = '0'
                AND "t19"."industry_code" = '10'
                AND "t19"."size_code" = '0'
                AND REGEXP_MATCHES("t19"."area_fips", '^[0-9]{2}000$')
            ) AS "t34"
            ANTI JOIN (
              SELECT DISTINCT
                "t19"."year",
                "t19"."qtr"
              FROM "t17" AS "t19"
              WHERE
                "t19"."own_code" = '0'
                AND "t19"."industry_code" = '10'
                AND "t19"."size_code" = '0'
                AND "t19"."area_fips" = 'US000'
            ) AS "t32"
              ON "t34"."year" = "t32"."year" AND "t34"."qtr" = "t32"."qtr"
          ) AS "t41"
        ) AS "t43"
        GROUP BY
          1,
          2
      ) AS "t49"
        ON "t64"."year" = "t49"."year" AND "t64"."qtr" = "t49"."qtr"
    ) AS "t65"
    GROUP BY
      1,
      2,
      3
  ) AS "t66"
  WHERE
    "t66"."n_qtrs" = 4
) AS "t67"
