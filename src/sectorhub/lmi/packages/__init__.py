"""Regional data packages: ``build_package`` makes a :class:`DataPackage`; ``render`` writes it as html, pdf, xlsx,
json or csv. Other sides (supply) append :class:`Section` objects to ``package.sections``.
"""

from sectorhub.lmi.packages.build import build_package
from sectorhub.lmi.packages.model import Column, DataPackage, Section, Source
from sectorhub.lmi.packages.render import FORMATS, render

__all__ = ["FORMATS", "Column", "DataPackage", "Section", "Source", "build_package", "render"]
