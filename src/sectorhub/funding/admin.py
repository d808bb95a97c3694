"""Admin for funding, every model with its history (state administrators only reach /admin/)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.funding import models

for model in (
    models.FundingStream,
    models.Budget,
    models.BudgetLine,
    models.Expenditure,
    models.LeveragedFund,
    models.Solicitation,
    models.Criterion,
    models.Question,
    models.SolicitationDocument,
    models.Application,
    models.ApplicationBudgetLine,
    models.ApplicationPartner,
    models.Answer,
    models.ReviewAssignment,
    models.Score,
    models.Award,
    models.Policy,
    models.PolicyCheck,
    models.ProgramUpload,
    models.TrainingProgram,
):
    admin.site.register(model, SimpleHistoryAdmin)


@admin.register(models.Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    """Attachments: metadata only; the file is downloaded through the permission-checked view."""

    exclude = ("file",)
    readonly_fields = ("original_name", "content_type", "size", "sha256", "uploaded_by")
