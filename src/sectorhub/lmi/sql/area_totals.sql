SELECT
  "t0"."area_fips",
  "t0"."year",
  "t0"."qtr",
  CAST("t0"."estabs" AS DOUBLE) AS "tot_estabs",
  CAST("t0"."emp_m1" AS DOUBLE) AS "tot_emp_m1",
  CAST("t0"."emp_m2" AS DOUBLE) AS "tot_emp_m2",
  CAST("t0"."emp_m3" AS DOUBLE) AS "tot_emp_m3",
  "t0"."emplvl" AS "tot_emplvl",
  CAST("t0"."total_wages" AS DOUBLE) AS "tot_total_wages",
  CAST("t0"."taxable_wages" AS DOUBLE) AS "tot_taxable_wages",
  CAST("t0"."contributions" AS DOUBLE) AS "tot_contributions",
  CAST("t0"."avg_wkly_wage" AS DOUBLE) AS "tot_avg_wkly_wage",
  CAST("t0"."avg_annual_pay" AS DOUBLE) AS "tot_avg_annual_pay"
FROM "qcew" AS "t0"
WHERE
  "t0"."own_code" = '0' AND "t0"."industry_code" = '10' AND "t0"."size_code" = '0'
