"""The package page, its htmx filters and downloads, publishing, and the public page of published packages."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse

from sectorhub.core.roles import Role


def test_the_package_page_shows_the_regions_figures_with_filters_and_downloads(
    engine_home, region, make_user, signed_in
):
    """Delaware + Union, newest loaded period (2016 Q4) by default; construction appears with its figures."""
    client = signed_in(make_user(Role.ANALYST))
    response = client.get(reverse("datapackages:region_package", args=[region.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Data package: Delaware-Union" in html
    assert "2016 Q4" in html and 'name="level"' in html and "hx-get=" in html
    assert 'data-spec-id="spec-targets"' in html and "vega-embed.min.js" in html
    assert "data-sh-sort" in html
    assert reverse("datapackages:download", args=[region.pk, "xlsx"]) in html


def test_an_htmx_filter_change_returns_only_the_package_body(engine_home, region, make_user, signed_in):
    """Q1, 3-digit subsectors: the partial has no page chrome and shows subsector 236 (construction of buildings)."""
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    response = client.get(url, {"period": "2016-1", "level": "3", "ownership": "5"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "2016 Q1" in html and "NAICS 3-digit subsectors" in html
    assert "<td>236</td>" in html


def test_downloads_are_the_same_package(engine_home, region, make_user, signed_in):
    """JSON download for Q1 sectors: construction employment 3,790 (worked in tests/lmi/packages)."""
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:download", args=[region.pk, "json"])
    data = json.loads(client.get(url, {"period": "2016-1"}).content)
    row = next(r for r in data["industries"] if r["industry_code"] == "23")
    assert row["employment"] == 3790
    xlsx = client.get(reverse("datapackages:download", args=[region.pk, "xlsx"]), {"period": "2016-1"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    from openpyxl import load_workbook

    assert "Industries" in load_workbook(io.BytesIO(xlsx.content)).sheetnames


def test_anonymous_visitors_cannot_see_an_unpublished_package(engine_home, region, client):
    """The region package page needs a signed-in user."""
    response = client.get(reverse("datapackages:region_package", args=[region.pk]))
    assert response.status_code in (302, 403)


def test_only_state_staff_publish_and_everyone_reads_what_was_published(
    engine_home, region, make_user, signed_in, client
):
    """A convener's POST is refused; staff publish Q1; the public list and page show it without signing in."""
    convener = signed_in(make_user(Role.CONVENER, username="conv"))
    url = reverse("datapackages:publish", args=[region.pk])
    assert convener.post(url, {"period": "2016-1", "level": "2", "ownership": "5"}).status_code == 403
    convener.logout()
    staff = signed_in(make_user(Role.STATE_STAFF, username="st"))
    response = staff.post(url, {"period": "2016-1", "level": "2", "ownership": "5", "confirm": "yes"})
    assert response.status_code == 302
    staff.logout()
    listing = client.get(reverse("datapackages:published")).content.decode()
    assert "Delaware-Union: 2016 Q1" in listing
    from sectorhub.datapackages.models import PublishedPackage

    snap = PublishedPackage.objects.get()
    page = client.get(reverse("datapackages:published_detail", args=[snap.pk]))
    assert page.status_code == 200 and "3,790" in page.content.decode()
    assert (
        json.loads(client.get(reverse("datapackages:published_download", args=[snap.pk])).content)["year"]
        == 2016
    )


@pytest.mark.browser
def test_the_package_page_draws_its_charts_in_headless_chromium(
    engine_home, region, make_user, live_server, tmp_path
):
    """Sign in, open the package page, wait for vega-embed to draw both charts, pass axe-core (no serious or
    critical violations), change the level through htmx, take a screenshot."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from playwright.sync_api import sync_playwright

    user = make_user(Role.ANALYST, username="viewer")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session.session_key, "url": live_server.url}])
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(
            f"{live_server.url}{reverse('datapackages:region_package', args=[region.pk])}?period=2016-1"
        )
        page.wait_for_selector("#chart-targets[data-rendered='true'] svg", timeout=20000)
        page.wait_for_selector("#chart-map[data-rendered='true'] svg", timeout=20000)
        assert page.locator("#chart-map svg path").count() >= 88
        # The "Building the package…" indicator shows only while a filter's request runs (htmx's own indicator
        # styles are off for the CSP; sectorhub.css hides it).
        assert not page.is_visible("#package-indicator")
        page.add_script_tag(url="/static/vendor/axe/axe.min.js")
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [
            (v["id"], [n["html"][:120] for n in v["nodes"]][:2])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, serious
        # Every table sorts by its headers (buttons added by package.js): twice on Employment = largest first.
        page.wait_for_selector("table[data-section='industries'] th[data-sh-sort] button", timeout=20000)
        page.locator("table[data-section='industries'] th", has_text="Employment").first.locator(
            "button"
        ).click()
        page.locator("table[data-section='industries'] th", has_text="Employment").first.locator(
            "button"
        ).click()
        first = (
            page.locator("table[data-section='industries'] tbody tr").first.locator("td").nth(1).inner_text()
        )
        values = page.eval_on_selector_all(
            "table[data-section='industries'] tbody tr td:nth-child(4)",
            "tds => tds.map(td => td.dataset.sortValue)",
        )
        numbers = [float(v) for v in values if v]
        assert numbers == sorted(numbers, reverse=True) and first
        page.select_option("#id_level", "3")
        page.wait_for_selector("text=NAICS 3-digit subsectors", timeout=20000)
        page.wait_for_selector("#chart-targets[data-rendered='true'] svg", timeout=20000)
        page.wait_for_selector("table[data-section='industries'] th[data-sh-sort] button", timeout=20000)
        shot = tmp_path / "package.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 20000
    assert not errors


def test_the_publish_form_follows_the_filters_of_an_htmx_change(engine_home, region, make_user, signed_in):
    """State staff see the publish form inside the swapped body, carrying the newly chosen period and level."""
    client = signed_in(make_user(Role.STATE_STAFF, username="st2"))
    url = reverse("datapackages:region_package", args=[region.pk])
    html = client.get(url, {"period": "2016-2", "level": "3"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="period" value="2016-2"' in html and 'name="level" value="3"' in html


def test_the_map_can_be_coloured_by_average_weekly_wage(engine_home, region, make_user, signed_in):
    """Map colours: wage gives the map legend 'Average weekly wage ($)'; Union County's Q1 2016 all-industry
    average weekly wage is 407,642,512 / (91,689/3) / 13 = 1,026 (BLS publishes 1,026)."""
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    html = client.get(url, {"period": "2016-1", "map": "wage"}).content.decode()
    raw = html.split('<script type="application/json" id="spec-map">', 1)[1].split("</script>", 1)[0]
    spec = json.loads(raw)
    union = next(f for f in spec["data"]["values"] if f["properties"]["GEOID"] == "39159")
    assert union["properties"]["value"] == 1026
    assert "Average weekly wage ($)" in json.dumps(spec)


def test_target_sectors_chosen_on_the_page_drive_the_supply_section_downloads_and_publishing(
    engine_home, region, make_user, signed_in
):
    """Ticking Health care (62) and Professional services (54) names them as the supply section's sectors."""
    client = signed_in(make_user(Role.STATE_STAFF))
    url = reverse("datapackages:region_package", args=[region.pk])
    html = client.get(url).content.decode()
    assert 'name="sector" value="62"' in html and "Health care and social assistance" in html
    assert "the industries this package classes" in html  # the default: strong and emerging industries
    chosen = client.get(url, {"period": "2016-4", "sector": ["62", "54", "99x"]}, HTTP_HX_REQUEST="true")
    body = chosen.content.decode()
    assert "the sectors given" in body
    # In NAICS order, whatever the order asked; unknown codes dropped.
    assert "(54), " in body and "(62)" in body
    assert "99x" not in body
    assert body.count('type="hidden" name="sector"') == 2  # the publish form carries the choice
    data = json.loads(
        client.get(
            reverse("datapackages:download", args=[region.pk, "json"]), {"period": "2016-4", "sector": ["62"]}
        ).content
    )
    assert "the sectors given" in json.dumps(data)
    response = client.post(
        reverse("datapackages:publish", args=[region.pk]),
        {"period": "2016-4", "level": "2", "sector": ["62"], "confirm": "yes"},
    )
    assert response.status_code == 302
    from sectorhub.datapackages.models import PublishedPackage

    snapshot = PublishedPackage.objects.latest("pk")
    assert "the sectors given" in json.dumps(snapshot.data) and "(62)" in snapshot.body_html


IPEDS_HEADER = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n"


def ipeds_file(rows: str, name: str = "c2023_a.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, (IPEDS_HEADER + rows).encode(), content_type="text/csv")


def test_analysts_upload_training_supply_and_the_gap_table_uses_it(engine_home, region, make_user, signed_in):
    """An IPEDS extract (two colleges, second majors and CIP totals dropped) and a rate feed the training gap."""
    from sectorhub.datapackages.models import TrainingSupply

    url = reverse("datapackages:region_package", args=[region.pk])
    client = signed_in(make_user(Role.ANALYST))
    before = client.get(url, {"period": "2016-4"}).content.decode()
    assert "Not computed: the training gap needs program completions by CIP" in before
    rows = (
        "204796,51.3801,1,5,40\n"  # registered nursing, bachelor's
        "204796,51.3801,2,5,9\n"  # second majors are not counted again
        "204796,51,1,5,40\n"  # a 2-digit CIP total is dropped
        "205203,51.3801,1,3,25\n"  # associate degrees
        "205203,11.0701,1,5,30\n"
    )
    response = client.post(
        reverse("datapackages:training_supply", args=[region.pk]),
        {"completions": ipeds_file(rows), "separation_rate": "0.1"},
    )
    assert response.status_code == 302 and response.url == url
    supply = TrainingSupply.objects.get(region=region)
    assert supply.completers == 95 and supply.separation_rate == 0.1
    assert sorted(map(tuple, supply.completions)) == [("11.0701", 30), ("51.3801", 65)]
    html = client.get(url, {"period": "2016-4"}).content.decode()
    assert "c2023_a.csv: 95 completers (first majors)" in html
    assert "Not computed: the training gap needs" not in html  # both inputs are there now
    assert "95 completers (first majors) from c2023_a.csv" in html


def test_a_bad_training_file_is_refused_with_its_line_and_only_analysts_and_staff_upload(
    engine_home, region, make_user, signed_in
):
    from sectorhub.datapackages.models import TrainingSupply

    target = reverse("datapackages:training_supply", args=[region.pk])
    analyst = signed_in(make_user(Role.ANALYST))
    response = analyst.post(target, {"completions": ipeds_file("204796,51.38x,1,5,40\n")}, follow=True)
    text = response.content.decode()
    assert "Nothing was kept" in text and "c2023_a.csv" in text and "line 2" in text
    response = analyst.post(
        target, {"completions": ipeds_file("204796,51.3801,1,5,40\n"), "separation_rate": "1.5"}, follow=True
    )
    assert "from 0 to 1" in response.content.decode()
    assert not TrainingSupply.objects.exists()
    # A file name is only ever a plain name (Django already drops folders): no dot-file, no odd characters.
    response = analyst.post(
        target, {"completions": ipeds_file("204796,51.3801,1,5,40\n", name=".c 2023;a.csv")}
    )
    assert response.status_code == 302 and TrainingSupply.objects.get().source_name == "c_2023_a.csv"
    TrainingSupply.objects.all().delete()
    convener = signed_in(make_user(Role.CONVENER))
    assert convener.post(target, {"completions": ipeds_file("204796,51.3801,1,5,40\n")}).status_code == 403
    assert not TrainingSupply.objects.exists()
