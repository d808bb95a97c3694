"""Funding URLs under /funding/."""

from django.urls import path

from sectorhub.funding.views import budgets, grants, policy, review

app_name = "funding"
urlpatterns = [
    path("", budgets.home, name="home"),
    path("streams/new/", budgets.stream_create, name="stream_create"),
    path("streams/<int:pk>/", budgets.stream_detail, name="stream_detail"),
    path("budgets/new/", budgets.budget_create, name="budget_create"),
    path("budgets/<int:pk>/", budgets.budget_detail, name="budget_detail"),
    path("budgets/<int:pk>/lines/add/", budgets.budget_line_add, name="budget_line_add"),
    path("budgets/<int:pk>/spending/add/", budgets.expenditure_add, name="expenditure_add"),
    path("leveraged/add/", budgets.leveraged_add, name="leveraged_add"),
    path("leveraged/<int:pk>/verify/", budgets.leveraged_verify, name="leveraged_verify"),
    path("solicitations/", grants.solicitation_list, name="solicitation_list"),
    path("solicitations/new/", grants.solicitation_create, name="solicitation_create"),
    path("solicitations/<int:pk>/", grants.solicitation_detail, name="solicitation_detail"),
    path("solicitations/<int:pk>/publish/", grants.solicitation_publish, name="solicitation_publish"),
    path("solicitations/<int:pk>/release/", grants.solicitation_release, name="solicitation_release"),
    path("solicitations/<int:pk>/ranking/", review.ranking, name="ranking"),
    path(
        "solicitations/<int:pk>/documents/new/",
        grants.solicitation_document_add,
        name="solicitation_document_add",
    ),
    path("solicitation-documents/<int:pk>/", grants.solicitation_document, name="solicitation_document"),
    path("solicitations/<int:pk>/apply/", grants.application_create, name="application_create"),
    path("awards/", grants.awards, name="awards"),
    path("applications/<int:pk>/", grants.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", grants.application_edit, name="application_edit"),
    path("applications/<int:pk>/attach/", grants.application_attach, name="application_attach"),
    path("applications/<int:pk>/submit/", grants.application_submit, name="application_submit"),
    path("applications/<int:pk>/receipt/", grants.application_receipt, name="application_receipt"),
    path("applications/<int:pk>/assign/", review.assign, name="assign"),
    path("applications/<int:pk>/decide/", review.decide, name="decide"),
    path("applications/<int:pk>/letter.pdf", grants.award_letter, name="award_letter"),
    path("attachments/<int:pk>/", grants.attachment_download, name="attachment_download"),
    path("reviews/", review.reviews, name="reviews"),
    path("reviews/<int:pk>/", review.review, name="review"),
    path("policies/", policy.policies, name="policies"),
    path("policies/new/", policy.policy_add, name="policy_add"),
    path("policies/checklist/", policy.checklist, name="checklist"),
    path("policies/checklist/<slug:key>/", policy.checklist_edit, name="checklist_edit"),
    path("training-providers/", policy.etpl, name="etpl"),
    path("training-providers/upload/", policy.etpl_upload, name="etpl_upload"),
]
