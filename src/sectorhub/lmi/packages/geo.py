"""County outlines for the package maps: the shared Census TopoJSON, decoded to GeoJSON for one state at run time."""

from __future__ import annotations

import json
from functools import lru_cache

from sectorhub.paths import data_dir

TOPOJSON = "geo/cb_2015_us_county_20m.topo.json"
OBJECT = "cb_2015_us_county_20m"
SOURCE = (
    "U.S. Census Bureau, cartographic boundary file cb_2015_us_county_20m (1:20,000,000), 2015 boundaries, "
    "as TopoJSON"
)


@lru_cache(maxsize=2)
def _topology() -> dict:
    with open(data_dir() / TOPOJSON, encoding="utf-8") as fh:
        return json.load(fh)


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
def _state_features(state_fips: str) -> str:
    topo = _topology()
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
    if not (data_dir() / TOPOJSON).exists():
        return []
    return json.loads(_state_features(state_fips))
