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
    CAST("t11"."avg_annual_pay" AS DOUBLE) / NULLIF("t13"."tot_avg_annual_pay", 0) AS "share_avg_annual_pay",
    CAST("t11"."estabs" AS DOUBLE) / NULLIF("t13"."tot_estabs", 0) AS "share_lo_estabs",
    CAST("t11"."estabs" AS DOUBLE) / NULLIF("t13"."tot_estabs", 0) AS "share_hi_estabs",
    CAST("t11"."emp_m1" AS DOUBLE) / NULLIF("t13"."tot_emp_m1", 0) AS "share_lo_emp_m1",
    CAST("t11"."emp_m1" AS DOUBLE) / NULLIF("t13"."tot_emp_m1", 0) AS "share_hi_emp_m1",
    CAST("t11"."emp_m2" AS DOUBLE) / NULLIF("t13"."tot_emp_m2", 0) AS "share_lo_emp_m2",
    CAST("t11"."emp_m2" AS DOUBLE) / NULLIF("t13"."tot_emp_m2", 0) AS "share_hi_emp_m2",
    CAST("t11"."emp_m3" AS DOUBLE) / NULLIF("t13"."tot_emp_m3", 0) AS "share_lo_emp_m3",
    CAST("t11"."emp_m3" AS DOUBLE) / NULLIF("t13"."tot_emp_m3", 0) AS "share_hi_emp_m3",
    "t11"."emplvl" / NULLIF("t13"."tot_emplvl", 0) AS "share_lo_emplvl",
    "t11"."emplvl" / NULLIF("t13"."tot_emplvl", 0) AS "share_hi_emplvl",
    CAST("t11"."total_wages" AS DOUBLE) / NULLIF("t13"."tot_total_wages", 0) AS "share_lo_total_wages",
    CAST("t11"."total_wages" AS DOUBLE) / NULLIF("t13"."tot_total_wages", 0) AS "share_hi_total_wages",
    CAST("t11"."taxable_wages" AS DOUBLE) / NULLIF("t13"."tot_taxable_wages", 0) AS "share_lo_taxable_wages",
    CAST("t11"."taxable_wages" AS DOUBLE) / NULLIF("t13"."tot_taxable_wages", 0) AS "share_hi_taxable_wages",
    CAST("t11"."contributions" AS DOUBLE) / NULLIF("t13"."tot_contributions", 0) AS "share_lo_contributions",
    CAST("t11"."contributions" AS DOUBLE) / NULLIF("t13"."tot_contributions", 0) AS "share_hi_contributions",
    CAST("t11"."avg_wkly_wage" AS DOUBLE) / NULLIF("t13"."tot_avg_wkly_wage", 0) AS "share_lo_avg_wkly_wage",
    CAST("t11"."avg_wkly_wage" AS DOUBLE) / NULLIF("t13"."tot_avg_wkly_wage", 0) AS "share_hi_avg_wkly_wage",
    CAST("t11"."avg_annual_pay" AS DOUBLE) / NULLIF("t13"."tot_avg_annual_pay", 0) AS "share_lo_avg_annual_pay",
    CAST("t11"."avg_annual_pay" AS DOUBLE) / NULLIF("t13"."tot_avg_annual_pay", 0) AS "share_hi_avg_annual_pay"
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
), "t41" AS (
  SELECT
    *
  FROM "t18" AS "t20"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t39"."year",
      "t39"."qtr",
      "t39"."own_code",
      "t39"."industry_code",
      "t39"."reference",
      "t39"."share_estabs",
      "t39"."share_emp_m1",
      "t39"."share_emp_m2",
      "t39"."share_emp_m3",
      "t39"."share_emplvl",
      "t39"."share_total_wages",
      "t39"."share_taxable_wages",
      "t39"."share_contributions",
      "t39"."share_avg_wkly_wage",
      "t39"."share_avg_annual_pay",
      "t39"."share_lo_estabs",
      "t39"."share_hi_estabs",
      "t39"."share_lo_emp_m1",
      "t39"."share_hi_emp_m1",
      "t39"."share_lo_emp_m2",
      "t39"."share_hi_emp_m2",
      "t39"."share_lo_emp_m3",
      "t39"."share_hi_emp_m3",
      "t39"."share_lo_emplvl",
      "t39"."share_hi_emplvl",
      "t39"."share_lo_total_wages",
      "t39"."share_hi_total_wages",
      "t39"."share_lo_taxable_wages",
      "t39"."share_hi_taxable_wages",
      "t39"."share_lo_contributions",
      "t39"."share_hi_contributions",
      "t39"."share_lo_avg_wkly_wage",
      "t39"."share_hi_avg_wkly_wage",
      "t39"."share_lo_avg_annual_pay",
      "t39"."share_hi_avg_annual_pay"
    FROM (
      SELECT
        "t38"."year",
        "t38"."qtr",
        "t38"."own_code",
        "t38"."industry_code",
        "t38"."reference",
        "t38"."share_estabs",
        "t38"."share_lo_estabs",
        "t38"."share_hi_estabs",
        "t38"."share_emp_m1",
        "t38"."share_lo_emp_m1",
        "t38"."share_hi_emp_m1",
        "t38"."share_emp_m2",
        "t38"."share_lo_emp_m2",
        "t38"."share_hi_emp_m2",
        "t38"."share_emp_m3",
        "t38"."share_lo_emp_m3",
        "t38"."share_hi_emp_m3",
        "t38"."share_emplvl",
        "t38"."share_lo_emplvl",
        "t38"."share_hi_emplvl",
        "t38"."share_total_wages",
        "t38"."share_lo_total_wages",
        "t38"."share_hi_total_wages",
        "t38"."share_taxable_wages",
        "t38"."share_lo_taxable_wages",
        "t38"."share_hi_taxable_wages",
        "t38"."share_contributions",
        "t38"."share_lo_contributions",
        "t38"."share_hi_contributions",
        "t38"."share_avg_wkly_wage",
        "t38"."share_lo_avg_wkly_wage",
        "t38"."share_hi_avg_wkly_wage",
        "t38"."share_avg_annual_pay",
        "t38"."share_lo_avg_annual_pay",
        "t38"."share_hi_avg_annual_pay"
      FROM (
        SELECT
          "t36"."year",
          "t36"."qtr",
          "t36"."own_code",
          "t36"."industry_code",
          CASE
            WHEN "t36"."n_states" IS NOT NULL
            THEN 'estimated from the published LQs of ' || CAST("t36"."n_areas" AS TEXT) || ' statewide files'
            ELSE 'estimated from the published LQs of ' || CAST("t36"."n_areas" AS TEXT) || ' loaded areas'
          END AS "reference",
          CASE
            WHEN (
              "t36"."lo_estabs" IS NOT NULL
            )
            AND (
              "t36"."hi_estabs" IS NOT NULL
            )
            AND (
              "t36"."lo_estabs" <= "t36"."hi_estabs"
            )
            THEN SQRT("t36"."lo_estabs" * "t36"."hi_estabs")
            ELSE "t36"."num_estabs" / NULLIF("t36"."den_estabs", 0)
          END AS "share_estabs",
          CASE
            WHEN (
              "t36"."lo_estabs" IS NOT NULL
            )
            AND (
              "t36"."hi_estabs" IS NOT NULL
            )
            AND (
              "t36"."lo_estabs" <= "t36"."hi_estabs"
            )
            THEN "t36"."lo_estabs"
            ELSE "t36"."lo_hull_estabs"
          END AS "share_lo_estabs",
          CASE
            WHEN (
              "t36"."lo_estabs" IS NOT NULL
            )
            AND (
              "t36"."hi_estabs" IS NOT NULL
            )
            AND (
              "t36"."lo_estabs" <= "t36"."hi_estabs"
            )
            THEN "t36"."hi_estabs"
            ELSE "t36"."hi_hull_estabs"
          END AS "share_hi_estabs",
          CASE
            WHEN (
              "t36"."lo_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m1" <= "t36"."hi_emp_m1"
            )
            THEN SQRT("t36"."lo_emp_m1" * "t36"."hi_emp_m1")
            ELSE "t36"."num_emp_m1" / NULLIF("t36"."den_emp_m1", 0)
          END AS "share_emp_m1",
          CASE
            WHEN (
              "t36"."lo_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m1" <= "t36"."hi_emp_m1"
            )
            THEN "t36"."lo_emp_m1"
            ELSE "t36"."lo_hull_emp_m1"
          END AS "share_lo_emp_m1",
          CASE
            WHEN (
              "t36"."lo_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m1" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m1" <= "t36"."hi_emp_m1"
            )
            THEN "t36"."hi_emp_m1"
            ELSE "t36"."hi_hull_emp_m1"
          END AS "share_hi_emp_m1",
          CASE
            WHEN (
              "t36"."lo_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m2" <= "t36"."hi_emp_m2"
            )
            THEN SQRT("t36"."lo_emp_m2" * "t36"."hi_emp_m2")
            ELSE "t36"."num_emp_m2" / NULLIF("t36"."den_emp_m2", 0)
          END AS "share_emp_m2",
          CASE
            WHEN (
              "t36"."lo_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m2" <= "t36"."hi_emp_m2"
            )
            THEN "t36"."lo_emp_m2"
            ELSE "t36"."lo_hull_emp_m2"
          END AS "share_lo_emp_m2",
          CASE
            WHEN (
              "t36"."lo_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m2" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m2" <= "t36"."hi_emp_m2"
            )
            THEN "t36"."hi_emp_m2"
            ELSE "t36"."hi_hull_emp_m2"
          END AS "share_hi_emp_m2",
          CASE
            WHEN (
              "t36"."lo_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m3" <= "t36"."hi_emp_m3"
            )
            THEN SQRT("t36"."lo_emp_m3" * "t36"."hi_emp_m3")
            ELSE "t36"."num_emp_m3" / NULLIF("t36"."den_emp_m3", 0)
          END AS "share_emp_m3",
          CASE
            WHEN (
              "t36"."lo_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m3" <= "t36"."hi_emp_m3"
            )
            THEN "t36"."lo_emp_m3"
            ELSE "t36"."lo_hull_emp_m3"
          END AS "share_lo_emp_m3",
          CASE
            WHEN (
              "t36"."lo_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."hi_emp_m3" IS NOT NULL
            )
            AND (
              "t36"."lo_emp_m3" <= "t36"."hi_emp_m3"
            )
            THEN "t36"."hi_emp_m3"
            ELSE "t36"."hi_hull_emp_m3"
          END AS "share_hi_emp_m3",
          CASE
            WHEN (
              "t36"."lo_emplvl" IS NOT NULL
            )
            AND (
              "t36"."hi_emplvl" IS NOT NULL
            )
            AND (
              "t36"."lo_emplvl" <= "t36"."hi_emplvl"
            )
            THEN SQRT("t36"."lo_emplvl" * "t36"."hi_emplvl")
            ELSE "t36"."num_emplvl" / NULLIF("t36"."den_emplvl", 0)
          END AS "share_emplvl",
          CASE
            WHEN (
              "t36"."lo_emplvl" IS NOT NULL
            )
            AND (
              "t36"."hi_emplvl" IS NOT NULL
            )
            AND (
              "t36"."lo_emplvl" <= "t36"."hi_emplvl"
            )
            THEN "t36"."lo_emplvl"
            ELSE "t36"."lo_hull_emplvl"
          END AS "share_lo_emplvl",
          CASE
            WHEN (
              "t36"."lo_emplvl" IS NOT NULL
            )
            AND (
              "t36"."hi_emplvl" IS NOT NULL
            )
            AND (
              "t36"."lo_emplvl" <= "t36"."hi_emplvl"
            )
            THEN "t36"."hi_emplvl"
            ELSE "t36"."hi_hull_emplvl"
          END AS "share_hi_emplvl",
          CASE
            WHEN (
              "t36"."lo_total_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_total_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_total_wages" <= "t36"."hi_total_wages"
            )
            THEN SQRT("t36"."lo_total_wages" * "t36"."hi_total_wages")
            ELSE "t36"."num_total_wages" / NULLIF("t36"."den_total_wages", 0)
          END AS "share_total_wages",
          CASE
            WHEN (
              "t36"."lo_total_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_total_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_total_wages" <= "t36"."hi_total_wages"
            )
            THEN "t36"."lo_total_wages"
            ELSE "t36"."lo_hull_total_wages"
          END AS "share_lo_total_wages",
          CASE
            WHEN (
              "t36"."lo_total_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_total_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_total_wages" <= "t36"."hi_total_wages"
            )
            THEN "t36"."hi_total_wages"
            ELSE "t36"."hi_hull_total_wages"
          END AS "share_hi_total_wages",
          CASE
            WHEN (
              "t36"."lo_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_taxable_wages" <= "t36"."hi_taxable_wages"
            )
            THEN SQRT("t36"."lo_taxable_wages" * "t36"."hi_taxable_wages")
            ELSE "t36"."num_taxable_wages" / NULLIF("t36"."den_taxable_wages", 0)
          END AS "share_taxable_wages",
          CASE
            WHEN (
              "t36"."lo_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_taxable_wages" <= "t36"."hi_taxable_wages"
            )
            THEN "t36"."lo_taxable_wages"
            ELSE "t36"."lo_hull_taxable_wages"
          END AS "share_lo_taxable_wages",
          CASE
            WHEN (
              "t36"."lo_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."hi_taxable_wages" IS NOT NULL
            )
            AND (
              "t36"."lo_taxable_wages" <= "t36"."hi_taxable_wages"
            )
            THEN "t36"."hi_taxable_wages"
            ELSE "t36"."hi_hull_taxable_wages"
          END AS "share_hi_taxable_wages",
          CASE
            WHEN (
              "t36"."lo_contributions" IS NOT NULL
            )
            AND (
              "t36"."hi_contributions" IS NOT NULL
            )
            AND (
              "t36"."lo_contributions" <= "t36"."hi_contributions"
            )
            THEN SQRT("t36"."lo_contributions" * "t36"."hi_contributions")
            ELSE "t36"."num_contributions" / NULLIF("t36"."den_contributions", 0)
          END AS "share_contributions",
          CASE
            WHEN (
              "t36"."lo_contributions" IS NOT NULL
            )
            AND (
              "t36"."hi_contributions" IS NOT NULL
            )
            AND (
              "t36"."lo_contributions" <= "t36"."hi_contributions"
            )
            THEN "t36"."lo_contributions"
            ELSE "t36"."lo_hull_contributions"
          END AS "share_lo_contributions",
          CASE
            WHEN (
              "t36"."lo_contributions" IS NOT NULL
            )
            AND (
              "t36"."hi_contributions" IS NOT NULL
            )
            AND (
              "t36"."lo_contributions" <= "t36"."hi_contributions"
            )
            THEN "t36"."hi_contributions"
            ELSE "t36"."hi_hull_contributions"
          END AS "share_hi_contributions",
          CASE
            WHEN (
              "t36"."lo_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_wkly_wage" <= "t36"."hi_avg_wkly_wage"
            )
            THEN SQRT("t36"."lo_avg_wkly_wage" * "t36"."hi_avg_wkly_wage")
            ELSE "t36"."num_avg_wkly_wage" / NULLIF("t36"."den_avg_wkly_wage", 0)
          END AS "share_avg_wkly_wage",
          CASE
            WHEN (
              "t36"."lo_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_wkly_wage" <= "t36"."hi_avg_wkly_wage"
            )
            THEN "t36"."lo_avg_wkly_wage"
            ELSE "t36"."lo_hull_avg_wkly_wage"
          END AS "share_lo_avg_wkly_wage",
          CASE
            WHEN (
              "t36"."lo_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_wkly_wage" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_wkly_wage" <= "t36"."hi_avg_wkly_wage"
            )
            THEN "t36"."hi_avg_wkly_wage"
            ELSE "t36"."hi_hull_avg_wkly_wage"
          END AS "share_hi_avg_wkly_wage",
          CASE
            WHEN (
              "t36"."lo_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_annual_pay" <= "t36"."hi_avg_annual_pay"
            )
            THEN SQRT("t36"."lo_avg_annual_pay" * "t36"."hi_avg_annual_pay")
            ELSE "t36"."num_avg_annual_pay" / NULLIF("t36"."den_avg_annual_pay", 0)
          END AS "share_avg_annual_pay",
          CASE
            WHEN (
              "t36"."lo_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_annual_pay" <= "t36"."hi_avg_annual_pay"
            )
            THEN "t36"."lo_avg_annual_pay"
            ELSE "t36"."lo_hull_avg_annual_pay"
          END AS "share_lo_avg_annual_pay",
          CASE
            WHEN (
              "t36"."lo_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."hi_avg_annual_pay" IS NOT NULL
            )
            AND (
              "t36"."lo_avg_annual_pay" <= "t36"."hi_avg_annual_pay"
            )
            THEN "t36"."hi_avg_annual_pay"
            ELSE "t36"."hi_hull_avg_annual_pay"
          END AS "share_hi_avg_annual_pay"
        FROM (
          SELECT
            "t33"."year",
            "t33"."qtr",
            "t33"."own_code",
            "t33"."industry_code",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                THEN CAST("t33"."estabs" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_estabs",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                THEN "t33"."tot_estabs" * "t33"."pub_lq_estabs"
                ELSE NULL
              END
            ) AS "den_estabs",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                THEN CAST("t33"."estabs" AS DOUBLE) / (
                  "t33"."tot_estabs" * (
                    "t33"."pub_lq_estabs" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_estabs",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                AND (
                  "t33"."pub_lq_estabs" > 0.005
                )
                THEN CAST("t33"."estabs" AS DOUBLE) / (
                  "t33"."tot_estabs" * (
                    "t33"."pub_lq_estabs" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_estabs",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                THEN CAST("t33"."estabs" AS DOUBLE) / (
                  "t33"."tot_estabs" * (
                    "t33"."pub_lq_estabs" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_estabs",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."estabs" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_estabs" > 0
                )
                AND (
                  "t33"."tot_estabs" > 0
                )
                AND (
                  "t33"."pub_lq_estabs" > 0.005
                )
                THEN CAST("t33"."estabs" AS DOUBLE) / (
                  "t33"."tot_estabs" * (
                    "t33"."pub_lq_estabs" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_estabs",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                THEN CAST("t33"."emp_m1" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m1",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                THEN "t33"."tot_emp_m1" * "t33"."pub_lq_emp_m1"
                ELSE NULL
              END
            ) AS "den_emp_m1",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                THEN CAST("t33"."emp_m1" AS DOUBLE) / (
                  "t33"."tot_emp_m1" * (
                    "t33"."pub_lq_emp_m1" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m1",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0.005
                )
                THEN CAST("t33"."emp_m1" AS DOUBLE) / (
                  "t33"."tot_emp_m1" * (
                    "t33"."pub_lq_emp_m1" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m1",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                THEN CAST("t33"."emp_m1" AS DOUBLE) / (
                  "t33"."tot_emp_m1" * (
                    "t33"."pub_lq_emp_m1" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_emp_m1",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m1" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0
                )
                AND (
                  "t33"."tot_emp_m1" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m1" > 0.005
                )
                THEN CAST("t33"."emp_m1" AS DOUBLE) / (
                  "t33"."tot_emp_m1" * (
                    "t33"."pub_lq_emp_m1" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_emp_m1",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                THEN CAST("t33"."emp_m2" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m2",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                THEN "t33"."tot_emp_m2" * "t33"."pub_lq_emp_m2"
                ELSE NULL
              END
            ) AS "den_emp_m2",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                THEN CAST("t33"."emp_m2" AS DOUBLE) / (
                  "t33"."tot_emp_m2" * (
                    "t33"."pub_lq_emp_m2" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m2",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0.005
                )
                THEN CAST("t33"."emp_m2" AS DOUBLE) / (
                  "t33"."tot_emp_m2" * (
                    "t33"."pub_lq_emp_m2" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m2",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                THEN CAST("t33"."emp_m2" AS DOUBLE) / (
                  "t33"."tot_emp_m2" * (
                    "t33"."pub_lq_emp_m2" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_emp_m2",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m2" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0
                )
                AND (
                  "t33"."tot_emp_m2" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m2" > 0.005
                )
                THEN CAST("t33"."emp_m2" AS DOUBLE) / (
                  "t33"."tot_emp_m2" * (
                    "t33"."pub_lq_emp_m2" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_emp_m2",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                THEN CAST("t33"."emp_m3" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_emp_m3",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                THEN "t33"."tot_emp_m3" * "t33"."pub_lq_emp_m3"
                ELSE NULL
              END
            ) AS "den_emp_m3",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                THEN CAST("t33"."emp_m3" AS DOUBLE) / (
                  "t33"."tot_emp_m3" * (
                    "t33"."pub_lq_emp_m3" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emp_m3",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0.005
                )
                THEN CAST("t33"."emp_m3" AS DOUBLE) / (
                  "t33"."tot_emp_m3" * (
                    "t33"."pub_lq_emp_m3" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emp_m3",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                THEN CAST("t33"."emp_m3" AS DOUBLE) / (
                  "t33"."tot_emp_m3" * (
                    "t33"."pub_lq_emp_m3" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_emp_m3",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."emp_m3" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0
                )
                AND (
                  "t33"."tot_emp_m3" > 0
                )
                AND (
                  "t33"."pub_lq_emp_m3" > 0.005
                )
                THEN CAST("t33"."emp_m3" AS DOUBLE) / (
                  "t33"."tot_emp_m3" * (
                    "t33"."pub_lq_emp_m3" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_emp_m3",
            SUM(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                THEN "t33"."emplvl"
                ELSE NULL
              END
            ) AS "num_emplvl",
            SUM(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                THEN "t33"."tot_emplvl" * "t33"."pub_lq_emplvl"
                ELSE NULL
              END
            ) AS "den_emplvl",
            MAX(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                THEN "t33"."emplvl" / (
                  "t33"."tot_emplvl" * (
                    "t33"."pub_lq_emplvl" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_emplvl",
            MIN(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0.005
                )
                THEN "t33"."emplvl" / (
                  "t33"."tot_emplvl" * (
                    "t33"."pub_lq_emplvl" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_emplvl",
            MIN(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                THEN "t33"."emplvl" / (
                  "t33"."tot_emplvl" * (
                    "t33"."pub_lq_emplvl" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_emplvl",
            MAX(
              CASE
                WHEN (
                  "t33"."emplvl" IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0
                )
                AND (
                  "t33"."tot_emplvl" > 0
                )
                AND (
                  "t33"."pub_lq_emplvl" > 0.005
                )
                THEN "t33"."emplvl" / (
                  "t33"."tot_emplvl" * (
                    "t33"."pub_lq_emplvl" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_emplvl",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                THEN CAST("t33"."total_wages" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_total_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                THEN "t33"."tot_total_wages" * "t33"."pub_lq_total_wages"
                ELSE NULL
              END
            ) AS "den_total_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                THEN CAST("t33"."total_wages" AS DOUBLE) / (
                  "t33"."tot_total_wages" * (
                    "t33"."pub_lq_total_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_total_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0.005
                )
                THEN CAST("t33"."total_wages" AS DOUBLE) / (
                  "t33"."tot_total_wages" * (
                    "t33"."pub_lq_total_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_total_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                THEN CAST("t33"."total_wages" AS DOUBLE) / (
                  "t33"."tot_total_wages" * (
                    "t33"."pub_lq_total_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_total_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."total_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0
                )
                AND (
                  "t33"."tot_total_wages" > 0
                )
                AND (
                  "t33"."pub_lq_total_wages" > 0.005
                )
                THEN CAST("t33"."total_wages" AS DOUBLE) / (
                  "t33"."tot_total_wages" * (
                    "t33"."pub_lq_total_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_total_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                THEN CAST("t33"."taxable_wages" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_taxable_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                THEN "t33"."tot_taxable_wages" * "t33"."pub_lq_taxable_wages"
                ELSE NULL
              END
            ) AS "den_taxable_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                THEN CAST("t33"."taxable_wages" AS DOUBLE) / (
                  "t33"."tot_taxable_wages" * (
                    "t33"."pub_lq_taxable_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_taxable_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0.005
                )
                THEN CAST("t33"."taxable_wages" AS DOUBLE) / (
                  "t33"."tot_taxable_wages" * (
                    "t33"."pub_lq_taxable_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_taxable_wages",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                THEN CAST("t33"."taxable_wages" AS DOUBLE) / (
                  "t33"."tot_taxable_wages" * (
                    "t33"."pub_lq_taxable_wages" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_taxable_wages",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."taxable_wages" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0
                )
                AND (
                  "t33"."tot_taxable_wages" > 0
                )
                AND (
                  "t33"."pub_lq_taxable_wages" > 0.005
                )
                THEN CAST("t33"."taxable_wages" AS DOUBLE) / (
                  "t33"."tot_taxable_wages" * (
                    "t33"."pub_lq_taxable_wages" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_taxable_wages",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                THEN CAST("t33"."contributions" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_contributions",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                THEN "t33"."tot_contributions" * "t33"."pub_lq_contributions"
                ELSE NULL
              END
            ) AS "den_contributions",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                THEN CAST("t33"."contributions" AS DOUBLE) / (
                  "t33"."tot_contributions" * (
                    "t33"."pub_lq_contributions" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_contributions",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                AND (
                  "t33"."pub_lq_contributions" > 0.005
                )
                THEN CAST("t33"."contributions" AS DOUBLE) / (
                  "t33"."tot_contributions" * (
                    "t33"."pub_lq_contributions" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_contributions",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                THEN CAST("t33"."contributions" AS DOUBLE) / (
                  "t33"."tot_contributions" * (
                    "t33"."pub_lq_contributions" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_contributions",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."contributions" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_contributions" > 0
                )
                AND (
                  "t33"."tot_contributions" > 0
                )
                AND (
                  "t33"."pub_lq_contributions" > 0.005
                )
                THEN CAST("t33"."contributions" AS DOUBLE) / (
                  "t33"."tot_contributions" * (
                    "t33"."pub_lq_contributions" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_contributions",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                THEN CAST("t33"."avg_wkly_wage" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_avg_wkly_wage",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                THEN "t33"."tot_avg_wkly_wage" * "t33"."pub_lq_avg_wkly_wage"
                ELSE NULL
              END
            ) AS "den_avg_wkly_wage",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                THEN CAST("t33"."avg_wkly_wage" AS DOUBLE) / (
                  "t33"."tot_avg_wkly_wage" * (
                    "t33"."pub_lq_avg_wkly_wage" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_avg_wkly_wage",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0.005
                )
                THEN CAST("t33"."avg_wkly_wage" AS DOUBLE) / (
                  "t33"."tot_avg_wkly_wage" * (
                    "t33"."pub_lq_avg_wkly_wage" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_avg_wkly_wage",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                THEN CAST("t33"."avg_wkly_wage" AS DOUBLE) / (
                  "t33"."tot_avg_wkly_wage" * (
                    "t33"."pub_lq_avg_wkly_wage" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_avg_wkly_wage",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."avg_wkly_wage" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."tot_avg_wkly_wage" > 0
                )
                AND (
                  "t33"."pub_lq_avg_wkly_wage" > 0.005
                )
                THEN CAST("t33"."avg_wkly_wage" AS DOUBLE) / (
                  "t33"."tot_avg_wkly_wage" * (
                    "t33"."pub_lq_avg_wkly_wage" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_avg_wkly_wage",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                THEN CAST("t33"."avg_annual_pay" AS DOUBLE)
                ELSE NULL
              END
            ) AS "num_avg_annual_pay",
            SUM(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                THEN "t33"."tot_avg_annual_pay" * "t33"."pub_lq_avg_annual_pay"
                ELSE NULL
              END
            ) AS "den_avg_annual_pay",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                THEN CAST("t33"."avg_annual_pay" AS DOUBLE) / (
                  "t33"."tot_avg_annual_pay" * (
                    "t33"."pub_lq_avg_annual_pay" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_avg_annual_pay",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0.005
                )
                THEN CAST("t33"."avg_annual_pay" AS DOUBLE) / (
                  "t33"."tot_avg_annual_pay" * (
                    "t33"."pub_lq_avg_annual_pay" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_avg_annual_pay",
            MIN(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                THEN CAST("t33"."avg_annual_pay" AS DOUBLE) / (
                  "t33"."tot_avg_annual_pay" * (
                    "t33"."pub_lq_avg_annual_pay" + 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "lo_hull_avg_annual_pay",
            MAX(
              CASE
                WHEN (
                  CAST("t33"."avg_annual_pay" AS DOUBLE) IS NOT NULL
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0
                )
                AND (
                  "t33"."tot_avg_annual_pay" > 0
                )
                AND (
                  "t33"."pub_lq_avg_annual_pay" > 0.005
                )
                THEN CAST("t33"."avg_annual_pay" AS DOUBLE) / (
                  "t33"."tot_avg_annual_pay" * (
                    "t33"."pub_lq_avg_annual_pay" - 0.005
                  )
                )
                ELSE NULL
              END
            ) AS "hi_hull_avg_annual_pay",
            COUNT(DISTINCT "t33"."area_fips") AS "n_areas",
            BOOL_OR("t33"."from_states") AS "n_states"
          FROM (
            SELECT
              "t30"."area_fips",
              "t30"."own_code",
              "t30"."industry_code",
              "t30"."agglvl_code",
              "t30"."size_code",
              "t30"."year",
              "t30"."qtr",
              "t30"."disclosure_code",
              "t30"."estabs",
              "t30"."emp_m1",
              "t30"."emp_m2",
              "t30"."emp_m3",
              "t30"."emplvl",
              "t30"."total_wages",
              "t30"."taxable_wages",
              "t30"."contributions",
              "t30"."avg_wkly_wage",
              "t30"."avg_annual_pay",
              "t30"."pub_lq_disclosure_code",
              "t30"."pub_lq_estabs",
              "t30"."pub_lq_emp_m1",
              "t30"."pub_lq_emp_m2",
              "t30"."pub_lq_emp_m3",
              "t30"."pub_lq_emplvl",
              "t30"."pub_lq_total_wages",
              "t30"."pub_lq_taxable_wages",
              "t30"."pub_lq_contributions",
              "t30"."pub_lq_avg_wkly_wage",
              "t30"."pub_lq_avg_annual_pay",
              "t30"."pub_oty_disclosure_code",
              "t30"."pub_oty_emp_m1_chg",
              "t30"."pub_oty_emp_m2_chg",
              "t30"."pub_oty_emp_m3_chg",
              "t30"."pub_oty_emplvl_chg",
              "t30"."file_id",
              "t30"."year_right",
              "t30"."qtr_right",
              "t30"."from_states",
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
            ) AS "t30"
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
              ON "t30"."area_fips" = "t13"."area_fips"
              AND "t30"."year" = "t13"."year"
              AND "t30"."qtr" = "t13"."qtr"
          ) AS "t33"
          GROUP BY
            1,
            2,
            3,
            4
        ) AS "t36"
      ) AS "t38"
      ANTI JOIN (
        SELECT DISTINCT
          "t20"."year",
          "t20"."qtr"
        FROM "t18" AS "t20"
      ) AS "t26"
        ON "t38"."year" = "t26"."year" AND "t38"."qtr" = "t26"."qtr"
    ) AS "t39"
  ) AS "t40"
)
SELECT
  *
FROM (
  SELECT
    "t42"."year",
    "t42"."qtr",
    "t42"."own_code",
    "t42"."industry_code",
    "t42"."reference",
    "t42"."share_estabs",
    "t42"."share_emp_m1",
    "t42"."share_emp_m2",
    "t42"."share_emp_m3",
    "t42"."share_emplvl",
    "t42"."share_total_wages",
    "t42"."share_taxable_wages",
    "t42"."share_contributions",
    "t42"."share_avg_wkly_wage",
    "t42"."share_avg_annual_pay",
    "t42"."share_lo_estabs",
    "t42"."share_lo_emp_m1",
    "t42"."share_lo_emp_m2",
    "t42"."share_lo_emp_m3",
    "t42"."share_lo_emplvl",
    "t42"."share_lo_total_wages",
    "t42"."share_lo_taxable_wages",
    "t42"."share_lo_contributions",
    "t42"."share_lo_avg_wkly_wage",
    "t42"."share_lo_avg_annual_pay",
    "t42"."share_hi_estabs",
    "t42"."share_hi_emp_m1",
    "t42"."share_hi_emp_m2",
    "t42"."share_hi_emp_m3",
    "t42"."share_hi_emplvl",
    "t42"."share_hi_total_wages",
    "t42"."share_hi_taxable_wages",
    "t42"."share_hi_contributions",
    "t42"."share_hi_avg_wkly_wage",
    "t42"."share_hi_avg_annual_pay"
  FROM "t41" AS "t42"
) AS "t44"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t46"."year",
    'A' AS "qtr",
    "t46"."own_code",
    "t46"."industry_code",
    "t46"."reference" || ', averaged over the four quarters' AS "reference",
    "t46"."share_estabs",
    CAST(NULL AS DOUBLE) AS "share_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_emp_m3",
    "t46"."share_emplvl",
    "t46"."share_total_wages",
    "t46"."share_taxable_wages",
    "t46"."share_contributions",
    CAST(NULL AS DOUBLE) AS "share_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_avg_annual_pay",
    "t46"."share_lo_estabs",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m3",
    "t46"."share_lo_emplvl",
    "t46"."share_lo_total_wages",
    "t46"."share_lo_taxable_wages",
    "t46"."share_lo_contributions",
    CAST(NULL AS DOUBLE) AS "share_lo_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_lo_avg_annual_pay",
    "t46"."share_hi_estabs",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m3",
    "t46"."share_hi_emplvl",
    "t46"."share_hi_total_wages",
    "t46"."share_hi_taxable_wages",
    "t46"."share_hi_contributions",
    CAST(NULL AS DOUBLE) AS "share_hi_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_hi_avg_annual_pay"
  FROM (
    SELECT
      "t45"."year",
      "t45"."own_code",
      "t45"."industry_code",
      COUNT(DISTINCT "t45"."qtr") AS "n_qtrs",
      MAX("t45"."reference") AS "reference",
      SUM(
        (
          "t45"."share_emp_m1" * "t45"."w_m1"
        ) + (
          "t45"."share_emp_m2" * "t45"."w_m2"
        ) + (
          "t45"."share_emp_m3" * "t45"."w_m3"
        )
      ) / SUM("t45"."w_m1" + "t45"."w_m2" + "t45"."w_m3") AS "share_emplvl",
      SUM("t45"."share_total_wages" * "t45"."w_wages") / SUM("t45"."w_wages") AS "share_total_wages",
      SUM("t45"."share_taxable_wages" * "t45"."w_taxable") / SUM("t45"."w_taxable") AS "share_taxable_wages",
      SUM("t45"."share_contributions" * "t45"."w_contrib") / SUM("t45"."w_contrib") AS "share_contributions",
      SUM("t45"."share_estabs" * "t45"."w_estabs") / SUM("t45"."w_estabs") AS "share_estabs",
      SUM(
        (
          "t45"."share_lo_emp_m1" * "t45"."w_m1"
        ) + (
          "t45"."share_lo_emp_m2" * "t45"."w_m2"
        ) + (
          "t45"."share_lo_emp_m3" * "t45"."w_m3"
        )
      ) / SUM("t45"."w_m1" + "t45"."w_m2" + "t45"."w_m3") AS "share_lo_emplvl",
      SUM("t45"."share_lo_total_wages" * "t45"."w_wages") / SUM("t45"."w_wages") AS "share_lo_total_wages",
      SUM("t45"."share_lo_taxable_wages" * "t45"."w_taxable") / SUM("t45"."w_taxable") AS "share_lo_taxable_wages",
      SUM("t45"."share_lo_contributions" * "t45"."w_contrib") / SUM("t45"."w_contrib") AS "share_lo_contributions",
      SUM("t45"."share_lo_estabs" * "t45"."w_estabs") / SUM("t45"."w_estabs") AS "share_lo_estabs",
      SUM(
        (
          "t45"."share_hi_emp_m1" * "t45"."w_m1"
        ) + (
          "t45"."share_hi_emp_m2" * "t45"."w_m2"
        ) + (
          "t45"."share_hi_emp_m3" * "t45"."w_m3"
        )
      ) / SUM("t45"."w_m1" + "t45"."w_m2" + "t45"."w_m3") AS "share_hi_emplvl",
      SUM("t45"."share_hi_total_wages" * "t45"."w_wages") / SUM("t45"."w_wages") AS "share_hi_total_wages",
      SUM("t45"."share_hi_taxable_wages" * "t45"."w_taxable") / SUM("t45"."w_taxable") AS "share_hi_taxable_wages",
      SUM("t45"."share_hi_contributions" * "t45"."w_contrib") / SUM("t45"."w_contrib") AS "share_hi_contributions",
      SUM("t45"."share_hi_estabs" * "t45"."w_estabs") / SUM("t45"."w_estabs") AS "share_hi_estabs"
    FROM (
      SELECT
        "t43"."year",
        "t43"."qtr",
        "t43"."own_code",
        "t43"."industry_code",
        "t43"."reference",
        "t43"."share_estabs",
        "t43"."share_emp_m1",
        "t43"."share_emp_m2",
        "t43"."share_emp_m3",
        "t43"."share_emplvl",
        "t43"."share_total_wages",
        "t43"."share_taxable_wages",
        "t43"."share_contributions",
        "t43"."share_avg_wkly_wage",
        "t43"."share_avg_annual_pay",
        "t43"."share_lo_estabs",
        "t43"."share_hi_estabs",
        "t43"."share_lo_emp_m1",
        "t43"."share_hi_emp_m1",
        "t43"."share_lo_emp_m2",
        "t43"."share_hi_emp_m2",
        "t43"."share_lo_emp_m3",
        "t43"."share_hi_emp_m3",
        "t43"."share_lo_emplvl",
        "t43"."share_hi_emplvl",
        "t43"."share_lo_total_wages",
        "t43"."share_hi_total_wages",
        "t43"."share_lo_taxable_wages",
        "t43"."share_hi_taxable_wages",
        "t43"."share_lo_contributions",
        "t43"."share_hi_contributions",
        "t43"."share_lo_avg_wkly_wage",
        "t43"."share_hi_avg_wkly_wage",
        "t43"."share_lo_avg_annual_pay",
        "t43"."share_hi_avg_annual_pay",
        "t35"."w_m1",
        "t35"."w_m2",
        "t35"."w_m3",
        "t35"."w_wages",
        "t35"."w_taxable",
        "t35"."w_contrib",
        "t35"."w_estabs"
      FROM "t41" AS "t43"
      INNER JOIN (
        SELECT
          "t32"."year",
          "t32"."qtr",
          SUM("t32"."tot_emp_m1") AS "w_m1",
          SUM("t32"."tot_emp_m2") AS "w_m2",
          SUM("t32"."tot_emp_m3") AS "w_m3",
          SUM("t32"."tot_total_wages") AS "w_wages",
          SUM("t32"."tot_taxable_wages") AS "w_taxable",
          SUM("t32"."tot_contributions") AS "w_contrib",
          SUM("t32"."tot_estabs") AS "w_estabs"
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
          ) AS "t23"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t27"."area_fips",
              "t27"."year",
              "t27"."qtr",
              "t27"."tot_estabs",
              "t27"."tot_emp_m1",
              "t27"."tot_emp_m2",
              "t27"."tot_emp_m3",
              "t27"."tot_total_wages",
              "t27"."tot_taxable_wages",
              "t27"."tot_contributions",
              "t27"."tot_avg_wkly_wage"
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
            ) AS "t27"
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
            ) AS "t28"
              ON "t27"."year" = "t28"."year" AND "t27"."qtr" = "t28"."qtr"
          ) AS "t31"
        ) AS "t32"
        GROUP BY
          1,
          2
      ) AS "t35"
        ON "t43"."year" = "t35"."year" AND "t43"."qtr" = "t35"."qtr"
    ) AS "t45"
    GROUP BY
      1,
      2,
      3
  ) AS "t46"
  WHERE
    "t46"."n_qtrs" = 4
) AS "t47"
