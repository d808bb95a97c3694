"""County outlines for the package maps: the Census county TopoJSON, decoded to GeoJSON for one state at run time.

Two sources, one shape: ``geo/cb_2015_us_county_20m.topo.json`` of the data folder when it is there, else the
``counties-10m.json`` of the npm package us-atlas 3.0.1 (Census cartographic boundaries) installed at setup. The
us-atlas file keys a county by ``id`` (the 5-digit GEOID) with ``properties.name``; ``county_topology`` gives both
the Census properties (``STATEFP``, ``GEOID``, ``NAME``) so the maps and the browser code read either alike.
"""

from __future__ import annotations

import json
from functools import lru_cache

from sectorhub.paths import MissingDataError, county_topojson_path

OBJECT = "cb_2015_us_county_20m"
SOURCE = (
    "U.S. Census Bureau, cartographic boundary file cb_2015_us_county_20m (1:20,000,000), 2015 boundaries, "
    "as TopoJSON"
)
US_ATLAS_SOURCE = "U.S. Census Bureau cartographic boundaries (1:10,000,000), as TopoJSON by us-atlas 3.0.1"


@lru_cache(maxsize=2)
def _read(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        topo = json.load(fh)
    if OBJECT in topo["objects"]:
        return topo
    # us-atlas: keep only the counties, renamed and given the Census properties.
    counties = topo["objects"]["counties"]
    for geom in counties["geometries"]:
        geoid = str(geom.get("id", "")).zfill(5)
        name = geom.get("properties", {}).get("name", "")
        geom["properties"] = {"STATEFP": geoid[:2], "COUNTYFP": geoid[2:], "GEOID": geoid, "NAME": name}
    return {**topo, "objects": {OBJECT: counties}}


def county_topology() -> dict:
    """The county TopoJSON (one object, ``cb_2015_us_county_20m``; properties STATEFP, GEOID, NAME).

    Raises MissingDataError when neither the data folder's geo/ nor the us-atlas file is installed.
    """
    return _read(str(county_topojson_path()))


def county_topology_bytes() -> bytes:
    """The county TopoJSON as the JSON bytes the browser maps fetch."""
    return _bytes(str(county_topojson_path()))


@lru_cache(maxsize=2)
def _bytes(path: str) -> bytes:
    return json.dumps(_read(path), separators=(",", ":")).encode()


def county_source() -> str:
    """The source line of the county outlines in use."""
    return SOURCE if county_topojson_path().name.startswith("cb_2015") else US_ATLAS_SOURCE


def _decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are delta-encoded and quantized)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])  # ~100 m: plenty for a state map
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


@lru_cache(maxsize=8)
def _state_features(path: str, state_fips: str) -> str:
    topo = _read(path)
    arcs = _decode_arcs(topo)
    features = []
    for geom in topo["objects"][OBJECT]["geometries"]:
        props = geom.get("properties", {})
        if props.get("STATEFP") != state_fips:
            continue
        if geom["type"] == "Polygon":
            coords = [_ring(r, arcs) for r in geom["arcs"]]
        else:
            coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        features.append(
            {
                "type": "Feature",
                "properties": {"GEOID": props["GEOID"], "NAME": props["NAME"]},
                "geometry": {"type": geom["type"], "coordinates": coords},
            }
        )
    return json.dumps(features)


def county_features(state_fips: str) -> list[dict]:
    """GeoJSON features (``properties.GEOID``, ``NAME``) of one state's counties; empty if the file is absent."""
    try:
        path = county_topojson_path()
    except MissingDataError:
        return []
    return json.loads(_state_features(str(path), state_fips))
