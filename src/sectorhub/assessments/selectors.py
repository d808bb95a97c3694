"""Reads for self-assessments. Each selector loads what its page shows with a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from sectorhub.assessments import scoring
from sectorhub.assessments.evidence import Evidence, evidence_for
from sectorhub.assessments.instruments import CapabilitySpec, InstrumentSpec, ItemSpec
from sectorhub.assessments.models import (
    ActionPlanItem,
    Answer,
    Capability,
    Cycle,
    CycleStatus,
    Instrument,
    InstrumentVersion,
    Item,
    Response,
)
from sectorhub.assessments.permissions import is_state


def instruments() -> QuerySet[Instrument]:
    """Instruments with their version counts."""
    return Instrument.objects.annotate(version_count=Count("versions")).order_by("level", "name")


def instrument_versions(instrument: Instrument) -> QuerySet[InstrumentVersion]:
    """An instrument's versions, newest first, each with how many cycles use it."""
    return (
        instrument.versions.select_related("created_by")
        .annotate(cycle_count=Count("cycles"))
        .order_by("-number")
    )


def version_with_items(pk: int) -> InstrumentVersion:
    """One version with its capabilities and items loaded."""
    return (
        InstrumentVersion.objects.select_related("instrument")
        .prefetch_related(Prefetch("capabilities", queryset=Capability.objects.prefetch_related("items")))
        .get(pk=pk)
    )


def version_spec(version: InstrumentVersion) -> InstrumentSpec:
    """A stored version as the spec it was written from (to compare with a new file, or to edit as YAML)."""
    capabilities = Capability.objects.filter(version=version).prefetch_related("items").order_by("order")
    return InstrumentSpec(
        slug=version.instrument.slug,
        name=version.name,
        level=version.instrument.level,
        description=version.description,
        scale=version.rating_scale,
        capabilities=tuple(
            CapabilitySpec(
                key=c.key,
                name=c.name,
                high_performance=c.high_performance,
                items=tuple(ItemSpec(key=i.key, text=i.text, evidence=i.evidence) for i in c.items.all()),
            )
            for c in capabilities
        ),
    )


def cycles_for(user) -> QuerySet[Cycle]:
    """Cycles `user` may see: all for state staff; closed ones and those they answer for everyone else."""
    qs = (
        Cycle.objects.select_related("version__instrument", "region")
        .annotate(
            respondent_count=Count("responses", distinct=True),
            submitted_count=Count(
                "responses", filter=Q(responses__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("-opens_on", "-id")
    )  # Meta.ordering does not apply to aggregating queries
    if is_state(user):
        return qs
    return qs.filter(Q(status=CycleStatus.CLOSED) | Q(responses__respondent=user)).distinct()


def cycle(pk: int) -> Cycle:
    """One cycle with its instrument version and region."""
    return Cycle.objects.select_related("version__instrument", "region").get(pk=pk)


def capabilities_of(cycle: Cycle) -> list[Capability]:
    """The cycle's capabilities with their items, in order (two queries)."""
    return list(
        Capability.objects.filter(version_id=cycle.version_id)
        .prefetch_related(Prefetch("items", queryset=Item.objects.order_by("order")))
        .order_by("order")
    )


def responses(cycle: Cycle) -> list[Response]:
    """The cycle's responses with their respondents and answer counts."""
    return list(
        cycle.responses.select_related("respondent")
        .annotate(answer_count=Count("answers"))
        .order_by("organization_name", "id")
    )


def own_response(user, cycle: Cycle) -> Response | None:
    """`user`'s response in the cycle with its answers, or None when they are not a respondent."""
    return (
        cycle.responses.filter(respondent=user)
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("item")))
        .first()
    )


def structure(capabilities: list[Capability]) -> list[scoring.CapabilityDef]:
    """The scoring structure of loaded capabilities."""
    return [
        scoring.CapabilityDef(
            key=c.key, name=c.name, items=tuple(scoring.ItemDef(i.key, i.text) for i in c.items.all())
        )
        for c in capabilities
    ]


def _ratings(answers, scale) -> list[scoring.Rating]:
    """Answers (value rows) reduced to scoring.Rating."""
    return [
        scoring.Rating(
            respondent=a["response_id"],
            capability=a["item__capability__key"],
            item=a["item__key"],
            score=scale.score(a["level"]),
            importance=a["importance"],
        )
        for a in answers
    ]


ANSWER_VALUES = (
    "response_id",
    "response__cycle_id",
    "item__key",
    "item__capability__key",
    "level",
    "importance",
)


def score(cycle: Cycle, capabilities: list[Capability]) -> list[scoring.CapabilityResult]:
    """The cycle's results per capability and item (one query for the answers)."""
    scale = cycle.version.rating_scale
    answers = Answer.objects.filter(response__cycle=cycle).values(*ANSWER_VALUES)
    return scoring.score_cycle(
        structure(capabilities),
        _ratings(answers, scale),
        top=scale.top,
        disagreement_range=scale.disagreement_range,
    )


@dataclass
class HistoryPoint:
    """One cycle's mean for one capability (matched across versions by the capability's key)."""

    cycle: Cycle
    capability_key: str
    capability: str
    mean: float | None
    spread: float | None
    respondents: int


def history(cycle: Cycle, *, user) -> list[HistoryPoint]:
    """This cycle and the earlier ones of the same instrument that `user` may see results of, oldest first.

    Other users see closed cycles only; state staff also see open ones. Capabilities are matched by key, so a
    renamed capability keeps its line while a new one starts where it first appears.
    """
    earlier = Cycle.objects.filter(
        version__instrument_id=cycle.version.instrument_id, opens_on__lte=cycle.opens_on
    )
    if cycle.region_id:
        earlier = earlier.filter(region_id=cycle.region_id)
    if not is_state(user):
        earlier = earlier.filter(Q(status=CycleStatus.CLOSED) | Q(pk=cycle.pk))
    cycles = list(earlier.select_related("version").order_by("opens_on", "id"))
    caps = defaultdict(list)
    for c in Capability.objects.filter(version__in={c.version_id for c in cycles}).prefetch_related("items"):
        caps[c.version_id].append(c)
    answers = defaultdict(list)
    for row in Answer.objects.filter(response__cycle__in=cycles).values(*ANSWER_VALUES):
        answers[row["response__cycle_id"]].append(row)
    points = []
    for c in cycles:
        scale = c.version.rating_scale
        version_caps = sorted(caps[c.version_id], key=lambda x: x.order)
        results = scoring.score_cycle(
            structure(version_caps),
            _ratings(answers[c.pk], scale),
            top=scale.top,
            disagreement_range=scale.disagreement_range,
        )
        for r in results:
            points.append(HistoryPoint(c, r.key, r.name, r.mean, r.spread, r.respondents))
    return points


@dataclass
class ItemAnswers:
    """One item with every respondent's answer (for the answers table)."""

    item: Item
    answers: list[Answer]


@dataclass
class Report:
    """Everything the report page and PDF show for one cycle."""

    cycle: Cycle
    capabilities: list[Capability]
    results: list[scoring.CapabilityResult]
    priorities: list[scoring.CapabilityResult]
    item_priorities: list[scoring.ItemResult]
    responses: list[Response]
    answers: dict[int, list[Answer]]
    actions: list[ActionPlanItem]
    history: list[HistoryPoint]
    evidence: dict[str, Evidence] = field(default_factory=dict)

    @property
    def disputed(self) -> list[scoring.ItemResult]:
        """Every disputed item, in the instrument's order."""
        return [i for c in self.results for i in c.items if i.disputed]

    @property
    def top(self) -> int:
        """The top score of the cycle's scale."""
        return self.cycle.version.rating_scale.top


def report(cycle: Cycle, *, user) -> Report:
    """The cycle's results, priorities, answers, action plan, history and live evidence (fixed query count)."""
    capabilities = capabilities_of(cycle)
    results = score(cycle, capabilities)
    answers: dict[int, list[Answer]] = defaultdict(list)
    for a in (
        Answer.objects.filter(response__cycle=cycle)
        .select_related("response")
        .order_by("response__organization_name")
    ):
        answers[a.item_id].append(a)
    keys = [i.evidence for c in capabilities for i in c.items.all() if i.evidence]
    return Report(
        cycle=cycle,
        capabilities=capabilities,
        results=results,
        priorities=scoring.ranked_capabilities(results),
        item_priorities=scoring.ranked_items(results),
        responses=responses(cycle),
        answers=dict(answers),
        actions=list(
            cycle.actions.select_related("capability", "item").order_by("capability__order", "due_on", "id")
        ),
        history=history(cycle, user=user),
        evidence=evidence_for(keys, user=user, region=cycle.region),
    )


def action(pk: int) -> ActionPlanItem:
    """One action plan item with its cycle."""
    return ActionPlanItem.objects.select_related("cycle__version", "capability", "item").get(pk=pk)
