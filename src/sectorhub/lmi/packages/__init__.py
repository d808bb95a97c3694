"""Regional data packages: ``build_package`` makes a :class:`DataPackage`; ``render`` writes it as html, pdf, xlsx,
json or csv. Other sides (supply) append :class:`Section` objects to ``package.sections``.

Grouped by role: ``building`` (the model, its figures, classes, settings, geo data, cache), ``supply_side`` (the
supply section and occupation page), ``rendering`` (the writers, charts and templates) and ``cli``.
"""

from sectorhub.lmi.packages.building.build import build_package
from sectorhub.lmi.packages.building.model import Column, DataPackage, Section, Source
from sectorhub.lmi.packages.rendering import FORMATS, render

__all__ = ["FORMATS", "Column", "DataPackage", "Section", "Source", "build_package", "render"]
