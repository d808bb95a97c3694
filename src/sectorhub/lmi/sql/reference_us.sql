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
), "t14" AS (
  SELECT
    "t10"."area_fips",
    "t10"."own_code",
    "t10"."industry_code",
    "t10"."agglvl_code",
    "t10"."size_code",
    "t10"."year",
    "t10"."qtr",
    "t10"."disclosure_code",
    "t10"."estabs",
    "t10"."emp_m1",
    "t10"."emp_m2",
    "t10"."emp_m3",
    "t10"."emplvl",
    "t10"."total_wages",
    "t10"."taxable_wages",
    "t10"."contributions",
    "t10"."avg_wkly_wage",
    "t10"."avg_annual_pay",
    "t10"."pub_lq_disclosure_code",
    "t10"."pub_lq_estabs",
    "t10"."pub_lq_emp_m1",
    "t10"."pub_lq_emp_m2",
    "t10"."pub_lq_emp_m3",
    "t10"."pub_lq_emplvl",
    "t10"."pub_lq_total_wages",
    "t10"."pub_lq_taxable_wages",
    "t10"."pub_lq_contributions",
    "t10"."pub_lq_avg_wkly_wage",
    "t10"."pub_lq_avg_annual_pay",
    "t10"."pub_oty_disclosure_code",
    "t10"."pub_oty_emp_m1_chg",
    "t10"."pub_oty_emp_m2_chg",
    "t10"."pub_oty_emp_m3_chg",
    "t10"."pub_oty_emplvl_chg",
    "t10"."file_id"
  FROM (
    SELECT
      *
    FROM "t4" AS "t5"
    WHERE
      "t5"."area_fips" = 'US000'
  ) AS "t10"
  ANTI JOIN (
    SELECT DISTINCT
      "t5"."year"
    FROM "t4" AS "t5"
    WHERE
      "t5"."area_fips" = 'US000' AND "t5"."qtr" = 'A'
  ) AS "t12"
    ON "t10"."year" = "t12"."year"
)
SELECT
  *
FROM (
  SELECT
    "t15"."year",
    "t15"."qtr",
    "t15"."own_code",
    "t15"."industry_code",
    "t15"."reference",
    "t15"."share_estabs",
    "t15"."share_emp_m1",
    "t15"."share_emp_m2",
    "t15"."share_emp_m3",
    "t15"."share_emplvl",
    "t15"."share_total_wages",
    "t15"."share_taxable_wages",
    "t15"."share_contributions",
    "t15"."share_avg_wkly_wage",
    "t15"."share_avg_annual_pay",
    "t15"."share_lo_estabs",
    "t15"."share_lo_emp_m1",
    "t15"."share_lo_emp_m2",
    "t15"."share_lo_emp_m3",
    "t15"."share_lo_emplvl",
    "t15"."share_lo_total_wages",
    "t15"."share_lo_taxable_wages",
    "t15"."share_lo_contributions",
    "t15"."share_lo_avg_wkly_wage",
    "t15"."share_lo_avg_annual_pay",
    "t15"."share_hi_estabs",
    "t15"."share_hi_emp_m1",
    "t15"."share_hi_emp_m2",
    "t15"."share_hi_emp_m3",
    "t15"."share_hi_emplvl",
    "t15"."share_hi_total_wages",
    "t15"."share_hi_taxable_wages",
    "t15"."share_hi_contributions",
    "t15"."share_hi_avg_wkly_wage",
    "t15"."share_hi_avg_annual_pay"
  FROM (
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
        "t5"."area_fips" = 'US000' AND "t5"."size_code" = '0'
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
        "t5"."area_fips" = 'US000'
        AND "t5"."own_code" = '0'
        AND "t5"."industry_code" = '10'
        AND "t5"."size_code" = '0'
    ) AS "t13"
      ON "t11"."area_fips" = "t13"."area_fips"
      AND "t11"."year" = "t13"."year"
      AND "t11"."qtr" = "t13"."qtr"
  ) AS "t15"
) AS "t17"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t28"."year",
    'A' AS "qtr",
    "t28"."own_code",
    "t28"."industry_code",
    "t28"."reference" || ', averaged over the four quarters' AS "reference",
    "t28"."share_estabs",
    CAST(NULL AS DOUBLE) AS "share_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_emp_m3",
    "t28"."share_emplvl",
    "t28"."share_total_wages",
    "t28"."share_taxable_wages",
    "t28"."share_contributions",
    CAST(NULL AS DOUBLE) AS "share_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_avg_annual_pay",
    "t28"."share_lo_estabs",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_lo_emp_m3",
    "t28"."share_lo_emplvl",
    "t28"."share_lo_total_wages",
    "t28"."share_lo_taxable_wages",
    "t28"."share_lo_contributions",
    CAST(NULL AS DOUBLE) AS "share_lo_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_lo_avg_annual_pay",
    "t28"."share_hi_estabs",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m1",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m2",
    CAST(NULL AS DOUBLE) AS "share_hi_emp_m3",
    "t28"."share_hi_emplvl",
    "t28"."share_hi_total_wages",
    "t28"."share_hi_taxable_wages",
    "t28"."share_hi_contributions",
    CAST(NULL AS DOUBLE) AS "share_hi_avg_wkly_wage",
    CAST(NULL AS DOUBLE) AS "share_hi_avg_annual_pay"
  FROM (
    SELECT
      "t27"."year",
      "t27"."own_code",
      "t27"."industry_code",
      COUNT(DISTINCT "t27"."qtr") AS "n_qtrs",
      MAX("t27"."reference") AS "reference",
      SUM(
        (
          "t27"."share_emp_m1" * "t27"."w_m1"
        ) + (
          "t27"."share_emp_m2" * "t27"."w_m2"
        ) + (
          "t27"."share_emp_m3" * "t27"."w_m3"
        )
      ) / SUM("t27"."w_m1" + "t27"."w_m2" + "t27"."w_m3") AS "share_emplvl",
      SUM("t27"."share_total_wages" * "t27"."w_wages") / SUM("t27"."w_wages") AS "share_total_wages",
      SUM("t27"."share_taxable_wages" * "t27"."w_taxable") / SUM("t27"."w_taxable") AS "share_taxable_wages",
      SUM("t27"."share_contributions" * "t27"."w_contrib") / SUM("t27"."w_contrib") AS "share_contributions",
      SUM("t27"."share_estabs" * "t27"."w_estabs") / SUM("t27"."w_estabs") AS "share_estabs",
      SUM(
        (
          "t27"."share_lo_emp_m1" * "t27"."w_m1"
        ) + (
          "t27"."share_lo_emp_m2" * "t27"."w_m2"
        ) + (
          "t27"."share_lo_emp_m3" * "t27"."w_m3"
        )
      ) / SUM("t27"."w_m1" + "t27"."w_m2" + "t27"."w_m3") AS "share_lo_emplvl",
      SUM("t27"."share_lo_total_wages" * "t27"."w_wages") / SUM("t27"."w_wages") AS "share_lo_total_wages",
      SUM("t27"."share_lo_taxable_wages" * "t27"."w_taxable") / SUM("t27"."w_taxable") AS "share_lo_taxable_wages",
      SUM("t27"."share_lo_contributions" * "t27"."w_contrib") / SUM("t27"."w_contrib") AS "share_lo_contributions",
      SUM("t27"."share_lo_estabs" * "t27"."w_estabs") / SUM("t27"."w_estabs") AS "share_lo_estabs",
      SUM(
        (
          "t27"."share_hi_emp_m1" * "t27"."w_m1"
        ) + (
          "t27"."share_hi_emp_m2" * "t27"."w_m2"
        ) + (
          "t27"."share_hi_emp_m3" * "t27"."w_m3"
        )
      ) / SUM("t27"."w_m1" + "t27"."w_m2" + "t27"."w_m3") AS "share_hi_emplvl",
      SUM("t27"."share_hi_total_wages" * "t27"."w_wages") / SUM("t27"."w_wages") AS "share_hi_total_wages",
      SUM("t27"."share_hi_taxable_wages" * "t27"."w_taxable") / SUM("t27"."w_taxable") AS "share_hi_taxable_wages",
      SUM("t27"."share_hi_contributions" * "t27"."w_contrib") / SUM("t27"."w_contrib") AS "share_hi_contributions",
      SUM("t27"."share_hi_estabs" * "t27"."w_estabs") / SUM("t27"."w_estabs") AS "share_hi_estabs"
    FROM (
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
        CAST("t11"."avg_annual_pay" AS DOUBLE) / NULLIF("t13"."tot_avg_annual_pay", 0) AS "share_hi_avg_annual_pay",
        "t26"."w_m1",
        "t26"."w_m2",
        "t26"."w_m3",
        "t26"."w_wages",
        "t26"."w_taxable",
        "t26"."w_contrib",
        "t26"."w_estabs"
      FROM (
        SELECT
          *
        FROM "t4" AS "t5"
        WHERE
          "t5"."area_fips" = 'US000' AND "t5"."size_code" = '0'
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
          "t5"."area_fips" = 'US000'
          AND "t5"."own_code" = '0'
          AND "t5"."industry_code" = '10'
          AND "t5"."size_code" = '0'
      ) AS "t13"
        ON "t11"."area_fips" = "t13"."area_fips"
        AND "t11"."year" = "t13"."year"
        AND "t11"."qtr" = "t13"."qtr"
      INNER JOIN (
        SELECT
          "t24"."year",
          "t24"."qtr",
          SUM("t24"."tot_emp_m1") AS "w_m1",
          SUM("t24"."tot_emp_m2") AS "w_m2",
          SUM("t24"."tot_emp_m3") AS "w_m3",
          SUM("t24"."tot_total_wages") AS "w_wages",
          SUM("t24"."tot_taxable_wages") AS "w_taxable",
          SUM("t24"."tot_contributions") AS "w_contrib",
          SUM("t24"."tot_estabs") AS "w_estabs"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t16"."area_fips",
              "t16"."year",
              "t16"."qtr",
              CAST("t16"."estabs" AS DOUBLE) AS "tot_estabs",
              CAST("t16"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
              CAST("t16"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
              CAST("t16"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
              CAST("t16"."total_wages" AS DOUBLE) AS "tot_total_wages",
              CAST("t16"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
              CAST("t16"."contributions" AS DOUBLE) AS "tot_contributions",
              CAST("t16"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
            FROM "t14" AS "t16"
            WHERE
              "t16"."own_code" = '0'
              AND "t16"."industry_code" = '10'
              AND "t16"."size_code" = '0'
              AND "t16"."area_fips" = 'US000'
          ) AS "t18"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t21"."area_fips",
              "t21"."year",
              "t21"."qtr",
              "t21"."tot_estabs",
              "t21"."tot_emp_m1",
              "t21"."tot_emp_m2",
              "t21"."tot_emp_m3",
              "t21"."tot_total_wages",
              "t21"."tot_taxable_wages",
              "t21"."tot_contributions",
              "t21"."tot_avg_wkly_wage"
            FROM (
              SELECT
                "t16"."area_fips",
                "t16"."year",
                "t16"."qtr",
                CAST("t16"."estabs" AS DOUBLE) AS "tot_estabs",
                CAST("t16"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
                CAST("t16"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
                CAST("t16"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
                CAST("t16"."total_wages" AS DOUBLE) AS "tot_total_wages",
                CAST("t16"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
                CAST("t16"."contributions" AS DOUBLE) AS "tot_contributions",
                CAST("t16"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage"
              FROM "t14" AS "t16"
              WHERE
                "t16"."own_code" = '0'
                AND "t16"."industry_code" = '10'
                AND "t16"."size_code" = '0'
                AND REGEXP_MATCHES("t16"."area_fips", '^[0-9]{2}000$')
            ) AS "t21"
            ANTI JOIN (
              SELECT DISTINCT
                "t16"."year",
                "t16"."qtr"
              FROM "t14" AS "t16"
              WHERE
                "t16"."own_code" = '0'
                AND "t16"."industry_code" = '10'
                AND "t16"."size_code" = '0'
                AND "t16"."area_fips" = 'US000'
            ) AS "t22"
              ON "t21"."year" = "t22"."year" AND "t21"."qtr" = "t22"."qtr"
          ) AS "t23"
        ) AS "t24"
        GROUP BY
          1,
          2
      ) AS "t26"
        ON "t11"."year" = "t26"."year" AND "t11"."qtr" = "t26"."qtr"
    ) AS "t27"
    GROUP BY
      1,
      2,
      3
  ) AS "t28"
  WHERE
    "t28"."n_qtrs" = 4
) AS "t29"
