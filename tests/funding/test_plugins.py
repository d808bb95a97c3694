"""The plug-in modules: evidence for the self-assessment, the annual report section, the public links, the demo."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sectorhub.core.discovery import app_modules
from sectorhub.funding import services
from sectorhub.funding.reporting import annual_report_section
from tests.funding.factories import FundingStreamFactory
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory

D = Decimal


def test_the_state_instrument_names_the_funding_evidence():
    """The policy capability's three items name the funding sources, and the assessments app finds them."""
    from sectorhub.assessments.evidence import evidence_keys
    from sectorhub.assessments.instruments import DEFAULTS, read_default

    spec = read_default(DEFAULTS[0])
    policy = next(c for c in spec.capabilities if c.key == "policy")
    assert [i.evidence for i in policy.items] == [
        "funding_competitive_awards",
        "funding_policies_in_place",
        "funding_braided_budgets",
    ]
    assert {i.evidence for i in policy.items} <= evidence_keys()


@pytest.mark.django_db
def test_policy_evidence_counts_the_checklist(staff):
    """Two of the six in place: value 2/6."""
    from sectorhub.funding.evidence import policies_in_place

    services.update_policy_check(
        user=staff, key="braided_funding", state="in_place", evidence="NJ-style fund"
    )
    services.update_policy_check(user=staff, key="competitive_grants", state="in_place", evidence="Round 1")
    services.update_policy_check(user=staff, key="local_guidance", state="in_progress")
    ev = policies_in_place(user=staff)
    assert ev.value == pytest.approx(2 / 6)
    assert ev.summary.startswith("2 of 6 administrative policies in place")


@pytest.mark.django_db
def test_the_annual_report_section_sums_costs_and_leveraged_funds(staff):
    """Budget lines 30,000 + 20,000 = 50,000 obligated; 12,000 spent in 2026 (a 2027 draw of 1,000 is outside);
    verified cash 5,000 and in-kind 2,500 (an unverified 9,999 is not counted).
    Public: the one partnership has a single contributing organization (< 3), so it is folded into
    "Other partnerships"."""
    stream = FundingStreamFactory(available_until=dt.date(2027, 12, 31))
    p = PartnershipFactory(name="P1")
    budget = services.create_budget(user=staff, name="B", partnership=p)
    line = services.add_budget_line(
        user=staff, budget=budget, stream=stream, category="staff", amount="30000"
    )
    services.add_budget_line(user=staff, budget=budget, stream=stream, category="training", amount="20000")
    services.record_expenditure(
        user=staff, line=line, amount="12000", spent_on=dt.date(2026, 6, 1), description="x"
    )
    services.record_expenditure(
        user=staff, line=line, amount="1000", spent_on=dt.date(2027, 1, 2), description="y"
    )
    org = OrganizationFactory()
    for kind, amount, verify in [("cash", "5000", True), ("in_kind", "2500", True), ("cash", "9999", False)]:
        fund = services.record_leveraged(
            user=staff,
            organization=org,
            partnership=p,
            kind=kind,
            amount=amount,
            source="s",
            received_on=dt.date(2026, 3, 1),
        )
        if verify:
            services.verify_leveraged(user=staff, fund=fund)
    section = annual_report_section(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), public=False)
    values = {r["label"]: r["value"] for r in section["rows"]}
    assert values["Obligated from funding streams"] == D("50000.00")
    assert values["Spent"] == D("12000.00")
    assert values["Leveraged cash (verified)"] == D("5000.00")
    assert values["Leveraged in-kind (verified)"] == D("2500.00")
    assert section["table"]["rows"] == [["P1", D("12000.00"), D("5000.00"), D("2500.00"), D("0.00")]]
    public = annual_report_section(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), public=True)
    assert [r[0] for r in public["table"]["rows"]] == ["Other partnerships"]


@pytest.mark.django_db
def test_public_links_resolve_and_are_open_to_anonymous_visitors(client):
    """Each PUBLIC_LINKS entry names a page that anonymous visitors get with 200."""
    links = [
        link
        for cfg, module in app_modules("public")
        if cfg.label == "funding"
        for link in module.PUBLIC_LINKS
    ]
    assert [link.url_name for link in links] == [
        "funding:solicitation_list",
        "funding:awards",
        "funding:policies",
    ]
    for link in links:
        assert client.get(reverse(link.url_name)).status_code == 200
