"""The capacity app: training events and attendance, the resource library, technical-assistance requests."""

from django.apps import AppConfig


class CapacityConfig(AppConfig):
    """Capacity-building app configuration."""

    name = "sectorhub.capacity"
    label = "capacity"
    verbose_name = "Capacity"
    nav_links = [
        ("Events", "capacity:event_list"),
        ("Resources", "capacity:resource_list"),
        ("TA requests", "capacity:request_list"),
        ("Attendance", "capacity:attendance_summary"),
    ]
    nav_order = 50
