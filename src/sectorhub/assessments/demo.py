"""Demo self-assessments: last year's closed cycle and this year's open one, answered by invented state agencies.

Called by `sectorhub demo load` after the registry demo (web_cli's app demo hook). Everything is marked demo data;
loading twice adds nothing. Ratings are a fixed, invented pattern: the state improves between the two years, and
this year two agencies disagree on whether the vision is adopted, so the report has something to show.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from sectorhub.assessments import services
from sectorhub.assessments.models import Capability, Cycle, Item
from sectorhub.assessments.services import AnswerIn
from sectorhub.core.roles import Role

# username, agency; respondents hold the analyst role: they read the registry and answer, nothing more.
RESPONDENTS = [
    ("jfs", "Demo: Department of Job and Family Services", "Jordan", "Reyes"),
    ("higher-ed", "Demo: Department of Higher Education", "Morgan", "Lee"),
    ("development", "Demo: Development Services Agency", "Taylor", "Brooks"),
    ("workforce-board", "Demo: Governor's Workforce Board", "Jamie", "Patel"),
    ("education", "Demo: Department of Education and Workforce", "Drew", "Nguyen"),
]
LEVELS = ["not_started", "emerging", "developing", "established"]

# (name, opens, due, capability base scores, respondents answering, respondents submitting, closed)
CYCLES = [
    ("Demo: State self-assessment 2025", dt.date(2025, 9, 2), dt.date(2025, 10, 31),
     {"vision": 1, "data": 2, "capacity": 1, "outreach": 1, "policy": 0, "measurement": 0}, 4, 4, True),
    ("Demo: State self-assessment 2026", dt.date(2026, 10, 1), dt.date(2026, 12, 18),
     {"vision": 2, "data": 2, "capacity": 2, "outreach": 1, "policy": 1, "measurement": 1}, 4, 3, False),
]  # fmt: skip

ACTIONS = {
    "Demo: State self-assessment 2025": [
        ("measurement", "common-indicators", "Agree a common set of partnership indicators", "Governor's Workforce Board", dt.date(2026, 3, 31), "done"),
        ("policy", "funding", "Propose a competitive fund for partnerships in the budget request", "Development Services Agency", dt.date(2026, 6, 30), "in_progress"),
    ],
    "Demo: State self-assessment 2026": [
        ("vision", "vision-adopted", "Hold a joint session of agency heads to adopt the vision", "Governor's Workforce Board", dt.date(2027, 2, 15), "planned"),
        ("capacity", "peer-learning", "Start a quarterly peer call for conveners", "Department of Higher Education", dt.date(2027, 1, 31), "planned"),
    ],
}  # fmt: skip


def _score(base: int, respondent: int, item: int) -> int | None:
    """An invented rating: the capability's base, nudged by respondent and item, kept on the 0-3 scale."""
    if (respondent + item) % 7 == 6:
        return None  # now and then someone does not know
    # Agencies mostly agree: some rate one level lower, never two apart (the planted dispute is the exception).
    nudge = -1 if (respondent * 2 + item) % 3 == 0 else 0
    return max(0, min(3, base + nudge))


def _respondent_users(password: str) -> list:
    """The agency respondents (analyst role), with the demo password."""
    User = get_user_model()
    users = []
    for username, agency, first, last in RESPONDENTS:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        user.role = Role.ANALYST
        user.organization_name = agency
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        users.append(user)
    return users


@transaction.atomic
def extend_demo(*, password: str) -> str:
    """Add the demo cycles (idempotent); returns one line for the command's output."""
    User = get_user_model()
    staff = User.objects.get(username="staff")
    users = _respondent_users(password)
    services.ensure_default_instruments()
    version = services.latest_version("state")
    for year_index, (name, opens, due, bases, answering, submitting, closed) in enumerate(CYCLES):
        if Cycle.objects.filter(name=name).exists():
            continue
        cycle = services.create_cycle(
            user=staff, name=name, version=version, opens_on=opens, closes_on=due, is_demo=True
        )
        services.add_respondents(user=staff, cycle=cycle, respondents=users)
        items = list(Item.objects.filter(capability__version=version).select_related("capability"))
        for r_index, user in enumerate(users[:answering]):
            answers = []
            for i_index, item in enumerate(items):
                score = _score(bases[item.capability.key], r_index, i_index)
                if year_index == 1 and item.key == "vision-adopted":
                    score = [3, 2, 0, 1][r_index]  # a real disagreement: adopted, or not even started?
                level = "dont_know" if score is None else LEVELS[score]
                answers.append(
                    AnswerIn(
                        item_id=item.pk,
                        level=level,
                        importance=1 + (r_index + i_index * 2) % 3,
                        evidence="Demo data: an invented evidence note." if score == 3 else "",
                    )
                )
            services.save_response(user=user, cycle=cycle, answers=answers, submit=r_index < submitting)
        for cap_key, item_key, title, owner, due_on, status in ACTIONS[name]:
            capability = Capability.objects.get(version=version, key=cap_key)
            services.add_action(
                user=staff,
                cycle=cycle,
                capability=capability,
                item=Item.objects.get(capability=capability, key=item_key),
                title=title,
                owner=owner,
                due_on=due_on,
                status=status,
            )
        if closed:
            services.close_cycle(user=staff, cycle=cycle)
    names = ", ".join(username for username, *_ in RESPONDENTS)
    return (
        f"Self-assessment: {Cycle.objects.filter(is_demo=True).count()} demo cycles; "
        f"agency respondents ({names}) have the demo users' password."
    )
