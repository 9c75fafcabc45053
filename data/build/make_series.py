"""Write data/trade_series.csv (IMF DOTS) and data/population_gdp.csv (World Bank WDI).

Run: python data/build/make_series.py

Reads central_asia_trade_key_partners.csv and central_asia_population_gdp.csv from
../shared/data-sources/ (next to the repository; see PROVENANCE.md there).
trade_series: Kazakhstan's trade with its main partners as Kazakhstan reports it, plus China's
and Russia's own figures for their trade with the five Central Asian states and the world
(mirror data), 1992-2020, in US$ millions. population_gdp: 1990-2024, eight countries.
The output is deterministic: the same bytes on every run.
"""
import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO.parent / "shared" / "data-sources"
DATA = REPO / "data"

# IMF DOTS names -> ISO3 (WLD = world, EUU = European Union, as the World Bank codes them)
IMF_ISO3 = {
    "Kazakhstan, Rep. of": "KAZ", "China, P.R.: Mainland": "CHN", "Russian Federation": "RUS",
    "Kyrgyz Rep.": "KGZ", "Tajikistan, Rep. of": "TJK", "Turkmenistan": "TKM", "Uzbekistan, Rep. of": "UZB",
    "World": "WLD", "European Union": "EUU", "United States": "USA", "Turkey": "TUR", "Italy": "ITA",
    "Netherlands, The": "NLD", "Germany": "DEU", "Korea, Rep. of": "KOR", "Japan": "JPN",
    "Iran, Islamic Rep. of": "IRN", "Azerbaijan, Rep. of": "AZE", "Georgia": "GEO", "Belarus, Rep. of": "BLR",
    "Ukraine": "UKR", "Mongolia": "MNG",
}
CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
KAZ_PARTNERS = set(IMF_ISO3.values()) - {"KAZ"}
MIRROR_PARTNERS = CENTRAL_ASIA | {"WLD"}  # for China and Russia as reporters
FLOWS = {"exports_fob": "exports", "imports_cif": "imports"}
COUNTRIES = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "CHN", "RUS", "MNG"]


def read(name):
    with open(SOURCES / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(DATA / name, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
    print(f"wrote data/{name}: {len(rows)} rows, {(DATA / name).stat().st_size:,} bytes")


def trade_rows():
    rows = {}
    for r in read("central_asia_trade_key_partners.csv"):
        reporter, partner, year = IMF_ISO3.get(r["reporter"]), IMF_ISO3.get(r["partner"]), int(r["year"])
        wanted = {"KAZ": KAZ_PARTNERS, "CHN": MIRROR_PARTNERS, "RUS": MIRROR_PARTNERS}.get(reporter, set())
        if partner not in wanted or not 1992 <= year <= 2020:
            continue
        key = (reporter, partner, FLOWS[r["flow"]], year)
        assert key not in rows, f"duplicate row {key}"
        value = round(float(r["value_usd_millions"]), 3)
        assert value >= 0, f"negative value {key}"
        rows[key] = [*key, repr(value), "true" if r["flag"] == "e" else "false", "data-imf-dots"]
    return [rows[key] for key in sorted(rows)]


def population_gdp_rows():
    rows = []
    for r in read("central_asia_population_gdp.csv"):
        if r["country_code"] in COUNTRIES and 1990 <= int(r["year"]) <= 2024:
            pop = str(int(float(r["population"]))) if r["population"] else ""
            gdp = str(round(float(r["gdp_current_usd"]))) if r["gdp_current_usd"] else ""
            rows.append([r["country_code"], int(r["year"]), pop, gdp, "data-wb-wdi"])
    rows.sort(key=lambda row: (COUNTRIES.index(row[0]), row[1]))
    assert len({(row[0], row[1]) for row in rows}) == len(rows), "duplicate (country, year)"
    return rows


def main():
    write("trade_series.csv", ["reporter", "partner", "flow", "year", "value_usd_m", "estimate", "source_id"],
          trade_rows())
    write("population_gdp.csv", ["country", "year", "population", "gdp_usd", "source_id"], population_gdp_rows())


if __name__ == "__main__":
    main()
