"""Write data/datapackage.json: the schema contract for every file in data/.

Run: python data/build/make_datapackage.py          (writes the file; the same bytes on every run)
     python data/build/make_datapackage.py --check  (exit 1 if the committed file is out of date)

To add a table: add its CSV to data/ and one entry to ``resources`` below (its fields, and
``refers_to=`` for columns holding ids of another table), then run this script. What the
loader reads besides standard Table Schema (list links, dates, hints) is described in the
docstring of ``crossroads.data``.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def f(name, type_, desc, required=True, refers_to=None, **extra):
    """A field; ``refers_to=("sources", "id")`` makes the column a foreign key to that resource's column."""
    field = {"name": name, "type": type_, "description": desc}
    if refers_to:
        field["_refers_to"] = refers_to
    if required:
        field.setdefault("constraints", {})["required"] = True
    for key in ("enum", "minimum", "maximum", "pattern", "unique"):
        if key in extra:
            field.setdefault("constraints", {})[key] = extra.pop(key)
    field.update(extra)
    return field


def listed(name, desc, required=True, links=None):
    """A ';'-separated list field; ``links=("places", "id")`` says every item is an id of that resource."""
    field = f(name, "list", desc, required=required, delimiter=";", itemType="string")
    if links:
        field["crossroads"] = {"itemReference": {"resource": links[0], "fields": links[1]}}
    return field


SRC = f("source_id", "string", "Id of the source in sources.csv that states this fact.", refers_to=("sources", "id"))
NOTE = f("note", "string", "Free-text remark: a disagreement, an error in the source, a caveat.", required=False)
ISO3 = dict(pattern="^[A-Z]{3}$")
DATE = "^-?\\d{1,4}(-\\d{2}(-\\d{2})?)?$"
SWAPPED = {"crossroads": {"hint": "Check the value (latitude and longitude swapped?)."}}

SEEDS_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (course's own compilation)",
                 "path": "https://creativecommons.org/licenses/by/4.0/"}

resources = [
    {
        "name": "sources", "path": "sources.csv",
        "title": "Sources: the five seed articles, public references and datasets",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable id: src-000..src-004 for seed articles, ref-* for public references, data-* for datasets.", pattern="^(src|ref|data)-[a-z0-9-]+$"),
            f("kind", "string", "seed article, public reference or dataset.", enum=["seed", "reference", "dataset"]),
            f("title", "string", "Title as the source shows it (or a descriptive title in brackets if none)."),
            f("author", "string", "Author or byline as shown.", required=False),
            f("outlet", "string", "Publisher or outlet as shown.", required=False),
            f("date", "string", "Publication date as shown or implied (ISO 8601 where exact).", required=False),
            f("file", "string", "For seeds: file name in shared/seeds/.", required=False),
            f("url", "string", "Where to find a public reference or dataset.", required=False),
            f("licence", "string", "Licence or terms of use of the source.", required=False),
            NOTE,
        ]},
    },
    {
        "name": "countries", "path": "countries.csv",
        "title": "Countries shown on the course's maps",
        "schema": {"primaryKey": ["iso3"], "fields": [
            f("iso3", "string", "ISO 3166-1 alpha-3 code.", **ISO3),
            f("name", "string", "Short English name."),
            f("region", "string", "central_asia (the five states), neighbour, or other.", enum=["central_asia", "neighbour", "other"]),
            SRC,
        ]},
    },
    {
        "name": "places", "path": "places.csv",
        "title": "Places: Silk Road cities, capitals, dry ports, ports, fields and pipeline nodes",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable snake_case id.", pattern="^[a-z][a-z0-9_]*$"),
            f("name", "string", "Common English name today."),
            listed("alt_names", "Other names, ';'-separated (historic names, e.g. Chang'an; Nur-Sultan).", required=False),
            f("kind", "string", "What the place is in the course.", enum=["silk_road_city", "capital", "city", "dry_port", "border_crossing", "sea_port", "oil_field", "gas_field", "pipeline_node", "waypoint"]),
            f("country", "string", "ISO3 code of the country the place lies in today.", refers_to=("countries", "iso3"), **ISO3),
            f("lat", "number", "Latitude, WGS84.", unit="degree", minimum=-90, maximum=90, **SWAPPED),
            f("lon", "number", "Longitude, WGS84.", unit="degree", minimum=-180, maximum=180, **SWAPPED),
            SRC, NOTE,
        ]},
    },
    {
        "name": "routes", "path": "routes.csv",
        "title": "Routes: Silk Road branches, pipelines, rail and sea corridors as ordered waypoints",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable snake_case id.", pattern="^[a-z][a-z0-9_]*$"),
            f("name", "string", "English name."),
            f("category", "string", "ancient, oil, gas, rail, sea or road.", enum=["ancient", "oil", "gas", "rail", "sea", "road"]),
            f("status", "string", "historic, built, proposed, planned or under_construction.", enum=["historic", "built", "proposed", "planned", "under_construction"]),
            listed("waypoints", "Ordered place ids, ';'-separated. The line is drawn through them.", links=("places", "id")),
            f("schematic", "boolean", "True when the line only joins its waypoints and does not follow the real track."),
            listed("countries", "ISO3 codes of every country the route crosses, ';'-separated (may include countries with no waypoint).", links=("countries", "iso3")),
            f("opened", "integer", "Year the route opened (negative for BCE); empty if not opened.", required=False),
            SRC, NOTE,
        ]},
    },
    {
        "name": "events", "path": "events.csv",
        "title": "Dated events mentioned in the seeds (and a few general-reference dates)",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable snake_case id.", pattern="^[a-z][a-z0-9_]*$"),
            f("date", "string", "ISO 8601 date at the stated precision: YYYY, YYYY-MM or YYYY-MM-DD; BCE years negative, e.g. -138.", pattern=DATE,
              crossroads={"date": {"precisionField": "precision", "addColumns": True}}),
            f("precision", "string", "How exact the date is.", enum=["year", "month", "day"]),
            f("end_date", "string", "Last day of a multi-day event (same format), else empty.", required=False, pattern=DATE,
              crossroads={"date": {"notBefore": "date"}}),
            f("title", "string", "Short English title written for the course."),
            f("description", "string", "One or two sentences in the course's own words."),
            f("category", "string", "Theme.", enum=["history", "bri", "security", "diplomacy", "trade", "energy", "policy", "society"]),
            f("place_id", "string", "Where it happened (places.csv id); empty if nowhere in particular.", required=False, refers_to=("places", "id")),
            listed("actors", "Who acted, ';'-separated (countries as ISO3 codes, people and bodies by name)."),
            SRC, NOTE,
        ]},
    },
    {
        "name": "figures", "path": "figures.csv",
        "title": "Every quantitative claim in the seeds, one row per claim per source",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable snake_case id.", pattern="^[a-z][a-z0-9_]*$"),
            f("subject", "string", "What is measured; rows with the same subject and year are versions of one quantity from different sources (e.g. trade_china_kaz)."),
            f("theme", "string", "Theme.", enum=["trade", "investment", "debt", "energy", "transport", "diplomacy", "history", "geography", "society"]),
            f("claim", "string", "The claim in the course's own words."),
            f("value", "number", "The number as the source gives it."),
            f("unit", "string", "Unit of value.", enum=["usd_bn", "usd_bn_per_year", "percent", "percent_per_year", "mt", "mt_per_year", "t", "bcm_per_year", "count", "km", "miles", "ha", "years", "tonnes_claimed"]),
            f("year", "integer", "Year the figure refers to (negative for BCE); empty if none.", required=False),
            f("kind", "string", "actual, target, projection, capacity, plan or estimate.", enum=["actual", "target", "projection", "capacity", "plan", "estimate"]),
            f("partner", "string", "Country or group the figure concerns besides Kazakhstan (ISO3 or a group name), if any.", required=False),
            f("route_id", "string", "routes.csv id if the figure is about one route.", required=False, refers_to=("routes", "id")),
            f("quote", "string", "A short phrase (at most ~15 words) from the source, to find the claim in the text."),
            SRC, NOTE,
        ]},
    },
    {
        "name": "organizations", "path": "organizations.csv",
        "title": "Blocs and formats the seeds name",
        "schema": {"primaryKey": ["id"], "fields": [
            f("id", "string", "Stable short id, e.g. csto, eaeu, sco.", pattern="^[a-z][a-z0-9_]*$"),
            f("name", "string", "Full English name."),
            f("short_name", "string", "Acronym as commonly used."),
            f("kind", "string", "security, economic, political, cultural or dialogue (a summit format).", enum=["security", "economic", "political", "cultural", "dialogue"]),
            f("founded", "integer", "Founding year (of the organization in its current form; see note for predecessors)."),
            f("lead_power", "string", "The power usually seen as leading it (ISO3), or empty if none.", required=False),
            SRC, NOTE,
        ]},
    },
    {
        "name": "memberships", "path": "memberships.csv",
        "title": "Which countries belong to which bloc or format",
        "schema": {"primaryKey": ["org_id", "country"], "fields": [
            f("org_id", "string", "organizations.csv id.", refers_to=("organizations", "id")),
            f("country", "string", "ISO3 code.", refers_to=("countries", "iso3"), **ISO3),
            f("role", "string", "member, observer, partner or participant.", enum=["member", "observer", "partner", "participant"]),
            f("since", "integer", "Year the country joined, if known.", required=False),
            SRC, NOTE,
        ]},
    },
    {
        "name": "trade_series", "path": "trade_series.csv",
        "title": "Kazakhstan's trade by partner and year, 1992-2020, with China's and Russia's mirror figures (IMF DOTS)",
        "schema": {"primaryKey": ["reporter", "partner", "flow", "year"], "fields": [
            f("reporter", "string", "ISO3 code of the reporting country.", **ISO3),
            f("partner", "string", "ISO3 code of the partner, or WLD (world) / EUU (European Union).", **ISO3),
            f("flow", "string", "exports (FOB) or imports (CIF), as reported by the reporter.", enum=["exports", "imports"]),
            f("year", "integer", "Calendar year.", minimum=1960, maximum=2030),
            f("value_usd_m", "number", "Value in millions of US dollars.", unit="usd_m", minimum=0),
            f("estimate", "boolean", "True where the IMF marked the value as an estimate (e)."),
            SRC,
        ]},
    },
    {
        "name": "population_gdp", "path": "population_gdp.csv",
        "title": "Population and GDP of Central Asia, China, Russia and Mongolia (World Bank WDI)",
        "schema": {"primaryKey": ["country", "year"], "fields": [
            f("country", "string", "ISO3 code.", **ISO3),
            f("year", "integer", "Calendar year.", minimum=1960, maximum=2030),
            f("population", "integer", "Total population (SP.POP.TOTL).", required=False, unit="people", minimum=0),
            f("gdp_usd", "number", "GDP in current US dollars (NY.GDP.MKTP.CD).", required=False, unit="usd", minimum=0),
            SRC,
        ]},
    },
]

for res in resources:
    res.update({"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"})
    fields = [dict(field) for field in res["schema"]["fields"]]  # SRC and NOTE are shared: copy before popping
    keys = [{"fields": field["name"], "reference": {"resource": ref[0], "fields": ref[1]}}
            for field in fields if (ref := field.pop("_refers_to", None))]
    res["schema"]["fields"] = fields
    if keys:
        res["schema"]["foreignKeys"] = keys
    res.setdefault("licenses", [SEEDS_LICENCE])

by_name = {r["name"]: r for r in resources}
IMF = {"name": "IMF-terms", "title": "IMF Copyright and Usage terms: reuse with attribution (not a Creative Commons licence)", "path": "https://www.imf.org/external/terms.htm"}
WB = {"name": "CC-BY-4.0", "title": "World Bank WDI data, Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
by_name["trade_series"]["licenses"] = [IMF]
by_name["trade_series"]["sources"] = [{"title": "Source: International Monetary Fund, Direction of Trade Statistics (DOTS), accessed 2022 via github.com/SamLeBlanc/Direction-of-Trade-Map"}]
by_name["population_gdp"]["licenses"] = [WB]
by_name["population_gdp"]["sources"] = [{"title": "World Bank, World Development Indicators (SP.POP.TOTL, NY.GDP.MKTP.CD), via datahub.io core datasets"}]

def outlines(name, path, title, description, source, properties):
    """A GeoJSON resource (public-domain Natural Earth shapes) whose features all carry ``properties``."""
    return {
        "name": name, "path": path, "format": "geojson", "mediatype": "application/geo+json",
        "profile": "data-resource", "encoding": "utf-8", "title": title, "description": description,
        "sources": [source], "licenses": [{"name": "public-domain", "title": "Natural Earth: public domain"}],
        "crossroads": {"featureProperties": properties},
    }


resources.append(outlines(
    "countries_geo", "countries.geojson", "Simplified country outlines for the region (Natural Earth, public domain)",
    "Derived from Natural Earth 1:50m (Central Asia and neighbours) and 1:110m (others) by data/build/make_countries.py: simplified, coordinates rounded to 2 decimals, properties iso3 and name only.",
    {"title": "Natural Earth Admin-0 countries, via AshKyd/geojson-regions", "path": "https://www.naturalearthdata.com/"},
    ["iso3", "name"],
))
resources.append(outlines(
    "occupied_geo", "occupied.geojson", "Areas under Russian occupation, drawn hatched on the maps (Natural Earth, public domain)",
    "Crimea, the parts of Donetsk and Luhansk regions Natural Earth draws, Abkhazia and South Ossetia, from Natural Earth's 1:50m breakaway and disputed areas layer by data/build/make_countries.py: simplified, coordinates rounded to 2 decimals. Policy: ref-naturalearth in sources.csv.",
    {"title": "Natural Earth Admin-0 breakaway and disputed areas (1:50m)", "path": "https://www.naturalearthdata.com/"},
    ["id", "name", "country", "since", "source_id"],
))

package = {
    "profile": "data-package",
    "name": "crossroads-course-data",
    "title": "Crossroads: Kazakhstan between China and Russia - course data",
    "description": "Facts, figures, places, routes and series used by the Crossroads course. Every row names its source in sources.csv.",
    "licenses": [SEEDS_LICENCE],
    "sources": [{"title": "Five seed articles (see sources.csv, kind=seed)"}, {"title": "IMF DOTS"}, {"title": "World Bank WDI"}, {"title": "Natural Earth"}],
    "resources": resources,
}
TEXT = json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    target = HERE / "datapackage.json"
    if "--check" in argv:
        if target.read_text(encoding="utf-8") == TEXT:
            return 0
        print(f"{target} is out of date: run python data/build/make_datapackage.py", file=sys.stderr)
        return 1
    partial = target.with_suffix(".json.tmp")  # write, then rename: a reader never sees half a file
    partial.write_text(TEXT, encoding="utf-8")
    partial.replace(target)
    print("wrote", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
