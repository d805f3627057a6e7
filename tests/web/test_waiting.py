"""Open, postponed and late questions per minister, ministry and party; minister figures by
person and by office (issue 4 item 4), on the replay-crawled records."""

import statistics


def test_open_questions_api_groups(client):
    body = client.get("/api/v1/open-questions").get_json()
    assert body["group"] == "minister" and body["total"] == len(body["results"]) > 0
    by_label = {g["label"]: g for g in body["results"]}
    # Buitenweg's Clearview question (2020Z04331) was postponed by Grapperhaus, who held the
    # office it was addressed to on 2020-03-05.
    grapperhaus = by_label["Ferd Grapperhaus"]
    assert "2020Z04331" in {q["id"] for q in grapperhaus["questions"]}
    assert grapperhaus["postponed"] >= 1
    # late before anything else: the first group has the most late questions
    lates = [g["late"] for g in body["results"]]
    assert lates == sorted(lates, reverse=True)
    for group in body["results"]:
        assert group["open"] + group["postponed"] + group["late"] == len(group["questions"])
        assert all(q["status"] in ("open", "postponed", "late") for q in group["questions"])


def test_open_questions_by_ministry_joins_renamed_ministries(client):
    groups = {g["label"]: g for g in client.get("/api/v1/open-questions?group=ministry").get_json()["results"]}
    # 2015Z11763 went to the Minister van Veiligheid en Justitie (2015), 2020Z04331 to the Minister
    # van Justitie en Veiligheid (2020): one ministry history, under its current name
    jv = groups["Justitie en Veiligheid"]
    assert {"2015Z11763", "2020Z04331"} <= {q["id"] for q in jv["questions"]}
    assert "Veiligheid en Justitie" not in groups


def test_open_questions_by_party_and_bad_group(client):
    groups = {g["label"]: g for g in client.get("/api/v1/open-questions?group=party").get_json()["results"]}
    assert "2020Z04331" in {q["id"] for q in groups["GroenLinks"]["questions"]}
    bad = client.get("/api/v1/open-questions?group=cabinet")
    assert bad.status_code == 400 and "unknown group 'cabinet'" in bad.get_json()["error"]["message"]


def test_ministers_by_person_and_by_office(client):
    body = client.get("/api/v1/ministers").get_json()
    people = {p["id"]: p for p in body["results"]}
    dekker = people["nl-sander-dekker"]
    assert dekker["answered"] == 1 and dekker["median_days_to_answer"] == 32 and dekker["p90_days_to_answer"] == 32
    roles = {r["role"]: r for r in body["roles"]}
    jv = roles["Minister van Justitie en Veiligheid"]
    # Opstelten and Van der Steur (Veiligheid en Justitie) and Grapperhaus (Justitie en Veiligheid) share one office
    assert {"nl-ivo-opstelten", "nl-ferd-grapperhaus"} <= set(jv["holders"])
    assert jv["postponed"] >= 1 and jv["late"] >= 1


def test_p90_is_the_90th_percentile():
    from web.stats import _p90

    days = list(range(1, 101))
    assert _p90(days) == statistics.quantiles(days, n=10, method="inclusive")[-1] == 90.1
    assert _p90([]) is None and _p90([7]) == 7.0


def test_late_status_filter_and_pages(client):
    late = client.get("/api/v1/search?status=late").get_json()
    assert late["total"] > 0 and all(r["status"] == "late" for r in late["results"])
    page = client.get("/open")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Per bewindspersoon" in html and "2020Z04331" in html and "te laat" in html
    record = client.get("/questions/2020Z04331").get_data(as_text=True)
    assert "Termijn" in record and "/feeds/questions/2020Z04331.atom" in record


def test_belgian_questions_wait_for_the_holder_of_the_addressed_office(client):
    groups = {g["key"]: g for g in client.get("/api/v1/open-questions").get_json()["results"]}
    # Chamber: addressed to the office ("Minister van Binnenlandse Zaken, ..."), 2023: Verlinden.
    assert "qrva-55-901-9003-2023202490003" in {q["id"] for q in groups["be-annelies-verlinden"]["questions"]}
    # Flemish Parliament: addressed to the person by name, resolved in the Flemish government.
    assert "vp-schv-9990004" in {q["id"] for q in groups["be-annick-de-ridder"]["questions"]}
    # An office the registry does not cover stays as written, in the ministry grouping.
    by_ministry = {g["key"]: g for g in client.get("/api/v1/open-questions?group=ministry").get_json()["results"]}
    assert any("sv-7-1874" in {q["id"] for q in g["questions"]} and "Economie" in g["label"]
               for g in by_ministry.values())
