"""Writes for funding, by area. Each service takes keyword-only arguments, runs in one transaction, checks the
user's permission (raising PermissionDenied) and records who changed what in the model's history."""

from sectorhub.funding.services.budgets import (
    add_budget_line,
    create_budget,
    create_stream,
    record_expenditure,
    record_leveraged,
    verify_leveraged,
)
from sectorhub.funding.services.etpl import upload_programs
from sectorhub.funding.services.grants import (
    add_attachment,
    add_partner,
    add_solicitation_document,
    create_application,
    create_solicitation,
    publish_solicitation,
    save_answers,
    set_budget_request,
    submit_application,
)
from sectorhub.funding.services.policy import add_policy, update_policy_check
from sectorhub.funding.services.review import (
    assign_reviewer,
    decide,
    declare_conflict,
    release_scores,
    score_application,
)

__all__ = [
    "add_attachment",
    "add_budget_line",
    "add_partner",
    "add_policy",
    "add_solicitation_document",
    "assign_reviewer",
    "create_application",
    "create_budget",
    "create_solicitation",
    "create_stream",
    "decide",
    "declare_conflict",
    "publish_solicitation",
    "record_expenditure",
    "record_leveraged",
    "release_scores",
    "save_answers",
    "score_application",
    "set_budget_request",
    "submit_application",
    "update_policy_check",
    "upload_programs",
    "verify_leveraged",
]
