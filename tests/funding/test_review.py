"""Solicitations, submission and review: weighted scores, ties, spread flags, hidden scores, conflicts, awards.

Every test uses one solicitation of $50,000 with three criteria weighted 3, 2 and 1, and reviewers r1 and r2.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.models import ApplicationStatus
from sectorhub.funding.permissions import application_access
from sectorhub.funding.selectors.review import application_result, ranking, scores_visible_to
from tests.funding.factories import FundingStreamFactory, reviewer
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory

D = Decimal


@pytest.fixture
def round_(staff):
    """A published solicitation ($50,000 from a $100,000 stream) with criteria Industry leadership (3),
    Shared priorities (2) and Sustainability (1), and one question."""
    stream = FundingStreamFactory()
    s = services.create_solicitation(
        user=staff,
        title="Sector Partnership Grants 2026",
        description="Competitive grants.",
        amount="50000",
        streams=[stream],
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=5),
        min_partner_kinds={"business": 1},
        criteria=[("Industry leadership", "", 3), ("Shared priorities", "", 2), ("Sustainability", "", 1)],
        questions=["What will the partnership do?"],
    )
    services.publish_solicitation(user=staff, solicitation=s)
    return s


def _apply(staff, round_, title, request, submitted_at=None):
    """A submitted application requesting `request` dollars for training, with one business partner."""
    p = PartnershipFactory()
    app = services.create_application(
        user=staff, solicitation=round_, organization=p.convener, partnership=p, title=title
    )
    services.save_answers(
        user=staff, application=app, answers={round_.questions.get().pk: "Train 40 welders."}
    )
    services.set_budget_request(
        user=staff, application=app, stream=round_.streams.get(), category="training", amount=request
    )
    services.add_partner(user=staff, application=app, organization=OrganizationFactory(kind="business"))
    return services.submit_application(user=staff, application=app, now=submitted_at)


def _score(staff, app, who, values):
    assignment = services.assign_reviewer(user=staff, application=app, reviewer=who)
    services.declare_conflict(user=who, assignment=assignment, has_conflict=False)
    criteria = list(app.solicitation.criteria.all())
    return services.score_application(
        user=who,
        assignment=assignment,
        scores={c.pk: (v, f"{who.username} on {c.name}") for c, v in zip(criteria, values, strict=True)},
    )


@pytest.fixture
def scored(staff, round_, db):
    """Three applications scored by r1 and r2 on (leadership, priorities, sustainability):

    - A ($30,000): r1 (4, 4, 4), r2 (4, 4, 4) → means 4, 4, 4 → (3·4 + 2·4 + 1·4) / 6 = 4.
    - B ($10,000): r1 (4, 3, 3), r2 (4, 4, 3) → means 4, 3.5, 3 → (12 + 7 + 3) / 6 = 3.666…
    - C ($25,000): r1 (3, 5, 5), r2 (5, 3, 3) → means 4, 4, 4 → 4, tied with A; every criterion's range is 2.
    A was submitted before C.
    """
    r1, r2 = reviewer("r1"), reviewer("r2")
    now = timezone.now()
    a = _apply(staff, round_, "A", "30000", now - dt.timedelta(hours=3))
    b = _apply(staff, round_, "B", "10000", now - dt.timedelta(hours=2))
    c = _apply(staff, round_, "C", "25000", now - dt.timedelta(hours=1))
    for app, v1, v2 in [(a, (4, 4, 4), (4, 4, 4)), (b, (4, 3, 3), (4, 4, 3)), (c, (3, 5, 5), (5, 3, 3))]:
        _score(staff, app, r1, v1)
        _score(staff, app, r2, v2)
    return {"a": a, "b": b, "c": c, "r1": r1, "r2": r2}


def test_ranking_is_by_weighted_mean_and_ties_share_a_rank(scored, round_):
    """A and C both 4 → rank 1 (A first, submitted earlier); B 22/6 → rank 3."""
    rows = ranking(round_)
    assert [(r.application.title, r.rank, r.tied) for r in rows] == [
        ("A", 1, True),
        ("C", 1, True),
        ("B", 3, False),
    ]
    assert rows[0].weighted_mean == D(4)
    assert rows[2].weighted_mean.quantize(D("0.0001")) == D("3.6667")


def test_a_spread_of_two_points_between_reviewers_is_flagged(scored):
    """C's scores differ by 2 on every criterion: spread flagged, and both reviewers are 2 from the other's score.
    A (identical scores) and B (range 1) are not flagged."""
    c = application_result(scored["c"])
    assert [x.spread for x in c.criteria] == [True, True, True]
    assert c.criteria[0].outliers == ["R1", "R2"]
    assert not application_result(scored["a"]).flagged
    assert not application_result(scored["b"]).flagged


def test_scores_are_hidden_from_other_reviewers_until_all_are_in(staff, round_):
    """r1 has scored, r2 has not: r1 cannot see the scores; once r2 is in, both can."""
    r1, r2 = reviewer("r1"), reviewer("r2")
    app = _apply(staff, round_, "Solo", "1000")
    _score(staff, app, r1, (3, 3, 3))
    a2 = services.assign_reviewer(user=staff, application=app, reviewer=r2)
    assert not scores_visible_to(r1, app)
    assert scores_visible_to(staff, app)
    services.declare_conflict(user=r2, assignment=a2, has_conflict=False)
    services.score_application(user=r2, assignment=a2, scores={c.pk: (4, "") for c in round_.criteria.all()})
    assert scores_visible_to(r1, app) and scores_visible_to(r2, app)


def test_a_conflicted_reviewer_can_neither_see_nor_score(staff, round_):
    """r3 declares a conflict: no access, scoring refused; before declaring r3 sees only enough to declare."""
    r3 = reviewer("r3")
    app = _apply(staff, round_, "Conflicted", "1000")
    assignment = services.assign_reviewer(user=staff, application=app, reviewer=r3)
    assert application_access(r3, app) == "declare"
    with pytest.raises(ValidationError, match="Declare"):
        services.score_application(user=r3, assignment=assignment, scores={})
    services.declare_conflict(
        user=r3, assignment=assignment, has_conflict=True, note="My employer is a partner."
    )
    assert application_access(r3, app) == "none"
    with pytest.raises(PermissionDenied):
        services.score_application(
            user=r3, assignment=assignment, scores={c.pk: (5, "") for c in round_.criteria.all()}
        )
    assert application_result(app).reviews == 0


def test_an_award_beyond_the_solicitations_funds_is_refused(scored, staff, round_):
    """$50,000 offered: A gets 30,000, so 20,000 is left; C's 25,000 is refused, 20,000 accepted; then nothing is
    left for B. An award above the amount requested is refused too."""
    services.decide(
        user=staff, application=scored["a"], outcome="funded", amount="30000", reasons="Ranked first."
    )
    with pytest.raises(ValidationError, match=r"Only \$20,000.00 .* left"):
        services.decide(
            user=staff, application=scored["c"], outcome="funded", amount="25000", reasons="Tied first."
        )
    scored["c"].refresh_from_db()
    assert scored["c"].status == ApplicationStatus.SUBMITTED
    with pytest.raises(ValidationError, match="More than"):
        services.decide(user=staff, application=scored["b"], outcome="funded", amount="10000.01", reasons="x")
    services.decide(
        user=staff, application=scored["c"], outcome="funded", amount="20000", reasons="Partly funded."
    )
    with pytest.raises(ValidationError, match=r"Only \$0.00"):
        services.decide(user=staff, application=scored["b"], outcome="funded", amount="1", reasons="x")
    award = services.decide(
        user=staff, application=scored["b"], outcome="not_funded", reasons="Funds exhausted."
    )
    assert award.amount == D("0.00")
    assert award.history.first().history_change_reason == "Decision: Not funded"


def test_applicants_see_their_scores_only_when_released(scored, staff, round_, make_user):
    """B's convener sees no scores until B is decided and the state releases them."""
    convener = make_user(Role.CONVENER, username="conv-b")
    scored["b"].partnership.conveners.add(convener)
    assert not scores_visible_to(convener, scored["b"])
    services.decide(user=staff, application=scored["b"], outcome="not_funded", reasons="Ranked third.")
    scored["b"].refresh_from_db()
    assert not scores_visible_to(convener, scored["b"])
    services.release_scores(user=staff, solicitation=round_)
    scored["b"].solicitation.refresh_from_db()
    assert scores_visible_to(convener, scored["b"])


def test_submission_after_the_deadline_is_refused(staff, round_):
    """Server time after closes_at: refused, the application stays a draft."""
    p = PartnershipFactory()
    app = services.create_application(
        user=staff, solicitation=round_, organization=p.convener, partnership=p, title="Late"
    )
    with pytest.raises(ValidationError, match="deadline passed"):
        services.submit_application(
            user=staff, application=app, now=round_.closes_at + dt.timedelta(seconds=1)
        )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.DRAFT


def test_an_ineligible_or_incomplete_application_is_refused_with_its_problems(staff, round_):
    """No business partner, no answer, nothing requested: three problems named."""
    p = PartnershipFactory()
    app = services.create_application(
        user=staff, solicitation=round_, organization=p.convener, partnership=p, title="X"
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_application(user=staff, application=app)
    assert exc.value.messages == [
        "At least 1 partner(s) of type Business are needed; 0 named.",
        "1 question(s) unanswered.",
        "The budget requests nothing.",
    ]


def test_submission_writes_a_receipt(staff, round_):
    """The receipt names the number, the solicitation and the amount requested."""
    app = _apply(staff, round_, "Receipted", "1234.5")
    assert app.receipt_number == f"SH-{round_.pk:04d}-{app.pk:05d}"
    assert (
        "Amount requested: $1,234.50" in app.receipt_text
        and "Sector Partnership Grants 2026" in app.receipt_text
    )


def test_criteria_default_to_the_states_quality_definition(staff):
    """Without criteria, the five seeded quality traits, each weight 1."""
    from sectorhub.partnerships.models import QualityCriterion

    s = services.create_solicitation(
        user=staff,
        title="Defaults",
        description="Grants.",
        amount="1",
        streams=[FundingStreamFactory()],
        opens_at=timezone.now(),
        closes_at=timezone.now() + dt.timedelta(days=1),
    )
    names = list(QualityCriterion.objects.filter(is_active=True).values_list("name", flat=True))
    assert [c.name for c in s.criteria.all()] == names and len(names) == 5
    assert {c.weight for c in s.criteria.all()} == {D("1.00")}


def test_a_convener_applies_only_for_their_own_partnership(round_, make_user):
    """Another convener's partnership is refused."""
    convener = make_user(Role.CONVENER, username="c-own")
    other = PartnershipFactory()
    with pytest.raises(PermissionDenied):
        services.create_application(
            user=convener, solicitation=round_, organization=other.convener, partnership=other, title="No"
        )


def test_an_award_budget_counts_only_the_awards_leveraged_funds(scored, staff):
    """A is funded; its budget charges 10,000 for training to a stream needing 50% cash match: 5,000 needed.
    Verified cash of 3,000 recorded against the award leaves 2,000 short; 4,000 recorded against the partnership
    but not the award does not count. A declined application has no budget."""
    from sectorhub.funding.selectors.budgets import budget_summary
    from tests.partnerships.factories import OrganizationFactory

    award = services.decide(
        user=staff, application=scored["a"], outcome="funded", amount="30000", reasons="First."
    )
    budget = services.create_budget(user=staff, name="A's award", award=award)
    assert budget.partnership == scored["a"].partnership
    stream = FundingStreamFactory(match_share=D("0.5"))
    services.add_budget_line(user=staff, budget=budget, stream=stream, category="training", amount="10000")
    org = OrganizationFactory()
    day = dt.date(2026, 5, 1)
    for amount, target in [("3000", {"award": award}), ("4000", {"partnership": scored["a"].partnership})]:
        fund = services.record_leveraged(
            user=staff,
            organization=org,
            kind="cash",
            amount=amount,
            source="employer",
            received_on=day,
            **target,
        )
        services.verify_leveraged(user=staff, fund=fund)
    match = budget_summary(budget).match
    assert (match.required, match.cash, match.shortfall) == (D("5000.00"), D("3000.00"), D("2000.00"))
    declined = services.decide(user=staff, application=scored["b"], outcome="not_funded", reasons="Third.")
    with pytest.raises(ValidationError, match="Only a funded award"):
        services.create_budget(user=staff, name="B", award=declined)
