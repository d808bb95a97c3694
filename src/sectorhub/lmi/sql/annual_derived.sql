SELECT
  "t9"."area_fips",
  "t9"."own_code",
  "t9"."industry_code",
  "t9"."agglvl_code",
  "t9"."size_code",
  "t9"."year",
  'A' AS "qtr",
  CASE WHEN "t9"."n_disclosed" = 4 THEN '' ELSE 'N' END AS "disclosure_code",
  CAST(ROUND("t9"."estabs", 0) AS BIGINT) AS "estabs",
  CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."emp_sum" / 12.0 ELSE NULL END AS "emplvl",
  CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."total_wages" ELSE NULL END AS "total_wages",
  CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."taxable_wages" ELSE NULL END AS "taxable_wages",
  CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."contributions" ELSE NULL END AS "contributions",
  CAST(ROUND(
    (
      "t9"."total_wages" / NULLIF(CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."emp_sum" / 12.0 ELSE NULL END, 0)
    ) / 52,
    0
  ) AS BIGINT) AS "avg_wkly_wage",
  CAST(ROUND(
    "t9"."total_wages" / NULLIF(CASE WHEN "t9"."n_disclosed" = 4 THEN "t9"."emp_sum" / 12.0 ELSE NULL END, 0),
    0
  ) AS BIGINT) AS "avg_annual_pay"
FROM (
  SELECT
    "t8"."area_fips",
    "t8"."own_code",
    "t8"."industry_code",
    "t8"."agglvl_code",
    "t8"."size_code",
    "t8"."year",
    COUNT(DISTINCT "t8"."qtr") AS "n_qtrs",
    SUM(
      CASE
        WHEN (
          "t8"."emp_m1" IS NOT NULL
        ) AND (
          "t8"."total_wages" IS NOT NULL
        )
        THEN 1
        ELSE 0
      END
    ) AS "n_disclosed",
    AVG("t8"."estabs") AS "estabs",
    SUM("t8"."emp_m1" + "t8"."emp_m2" + "t8"."emp_m3") AS "emp_sum",
    SUM("t8"."total_wages") AS "total_wages",
    SUM("t8"."taxable_wages") AS "taxable_wages",
    SUM("t8"."contributions") AS "contributions",
    SUM(CASE WHEN "t8"."disclosure_code" <> '' THEN 1 ELSE 0 END) AS "suppressed"
  FROM (
    SELECT
      *
    FROM (
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
          "t4"."year"
        FROM (
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
        ) AS "t4"
        WHERE
          "t4"."qtr" = 'A'
      ) AS "t6"
        ON "t2"."year" = "t6"."year"
    ) AS "t7"
    WHERE
      "t7"."qtr" IN ('1', '2', '3', '4')
  ) AS "t8"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
) AS "t9"
WHERE
  "t9"."n_qtrs" = 4
