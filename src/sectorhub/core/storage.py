"""Static-file storage for production: WhiteNoise's compressed, hashed files, without source-map rewriting.

The vendor bundles copied from npm (USWDS, vega) name source maps that their packages do not ship; Django's
manifest storage would refuse to collect them. Only CSS `url()` and `@import` references are rewritten.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; CSS references rewritten, source-map comments left alone."""

    patterns = (
        (
            "*.css",
            (
                r"""(?P<matched>url\(['"]{0,1}\s*(?P<url>.*?)["']{0,1}\))""",
                (r"""(?P<matched>@import\s*["']\s*(?P<url>.*?)["'])""", """@import url("%(url)s")"""),
            ),
        ),
    )
