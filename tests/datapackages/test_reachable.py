"""Reaching the packages: from a region's page, from the navigation, and publishing exactly what is on screen."""

from __future__ import annotations

from django.urls import reverse

from sectorhub.core.roles import Role


def test_a_regions_page_links_signed_in_users_to_its_data_package(
    engine_home, region, make_user, signed_in, client
):
    """The region page carries 'Data package' → /regions/<pk>/package/ for a signed-in analyst, not for a visitor
    (the package page is signed-in only)."""
    link = reverse("datapackages:region_package", args=[region.pk])
    page = reverse("regions:detail", args=[region.pk])
    assert link not in client.get(page).content.decode()
    analyst = signed_in(make_user(Role.ANALYST))
    html = analyst.get(page).content.decode()
    assert f'<a href="{link}">Data package</a>' in html


def test_the_data_packages_page_lists_every_regions_package_for_signed_in_users(
    engine_home, region, make_user, signed_in, client
):
    """Nothing is published, yet a convener sees Delaware-Union's package link; a visitor sees only the
    (empty) published list. The navigation names Data packages and Occupations."""
    url = reverse("datapackages:published")
    anonymous = client.get(url).content.decode()
    package = reverse("datapackages:region_package", args=[region.pk])
    assert package not in anonymous and "No package has been published yet." in anonymous
    convener = signed_in(make_user(Role.CONVENER, username="conv"))
    html = convener.get(url).content.decode()
    assert f'href="{package}">Delaware-Union</a>' in html
    nav = html.split('aria-label="Primary navigation"', 1)[1].split("</nav>", 1)[0]
    assert ">Data packages<" in nav and ">Occupations<" in nav
    assert reverse("datapackages:occupation_search") in nav


def test_the_api_docs_link_back_to_the_site(client, db):
    """/api/docs is a page of its own (Swagger UI): its header links to the dashboard."""
    html = client.get("/api/docs").content.decode()
    assert "swagger-ui" in html
    assert f'href="{reverse("partnerships:dashboard")}">Back to the site</a>' in html


def test_publishing_asks_for_confirmation_and_publishes_exactly_the_filters_shown(
    engine_home, region, make_user, signed_in
):
    """Staff press Publish on the 4-digit Q2 package: a confirmation page names 2016 Q2 and 4-digit industry
    groups and stores nothing; confirming publishes that package (level 4, Q2), not the 2-digit default."""
    from sectorhub.datapackages.models import PublishedPackage

    staff = signed_in(make_user(Role.STATE_STAFF, username="st"))
    url = reverse("datapackages:publish", args=[region.pk])
    asked = {"period": "2016-2", "level": "4", "ownership": "5"}
    page = staff.post(url, asked)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<dd class="margin-left-0" data-field="period">2016 Q2</dd>' in html
    assert '<dd class="margin-left-0" data-field="level">Industry groups (4-digit)</dd>' in html
    assert 'name="confirm" value="yes"' in html and 'name="level" value="4"' in html
    assert not PublishedPackage.objects.exists()
    done = staff.post(url, {**asked, "confirm": "yes"})
    assert done.status_code == 302
    snapshot = PublishedPackage.objects.get()
    assert (snapshot.year, snapshot.period, snapshot.level) == (2016, "2", "4")
    assert "NAICS 4-digit industry groups" in snapshot.title


def test_a_convener_cannot_reach_the_confirmation_page(engine_home, region, make_user, signed_in):
    """The confirmation step is part of publishing: a convener's POST is refused with 403 before it."""
    convener = signed_in(make_user(Role.CONVENER, username="c2"))
    response = convener.post(reverse("datapackages:publish", args=[region.pk]), {"period": "2016-2"})
    assert response.status_code == 403


def test_a_package_of_old_data_says_so_at_the_top(engine_home, region, make_user, signed_in):
    """The test store's newest period is 2016 Q4, years before today: the page's first alert says it is old."""
    analyst = signed_in(make_user(Role.ANALYST))
    html = analyst.get(reverse("datapackages:region_package", args=[region.pk])).content.decode()
    body = html.split('id="package-title"', 1)[1]
    assert body.index(
        "Old data: the newest QCEW data loaded for this region is 2016 annual average"
    ) < body.index("Highlights")
