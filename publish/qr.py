"""QR codes for the printed patient card: one per store link or website, to scan with a phone.

Made offline with segno as inline SVG. Only the URL goes into the code (never into the SVG's
text), and only a web address is encoded: the card's links are http(s) already
(publish.data), this keeps any other scheme off paper.
"""

from __future__ import annotations

import re

import segno
from markupsafe import Markup

# Medium error correction survives a smudge or a fold in the paper. The card prints each code
# at 3.5 cm (site/templates/kaart.html.j2), which phones read from a hand's length away.
ERROR_CORRECTION = "m"


def qr_svg(url) -> Markup:
    """The URL as an inline SVG QR code, or nothing when it is no http(s) URL."""
    if not isinstance(url, str) or not re.fullmatch(r"https?://[^\s\"'<>]+", url):
        return Markup("")
    code = segno.make(url, error=ERROR_CORRECTION, micro=False)
    # No fixed size but a viewBox: the card sets the printed size, and the code scales to it.
    return Markup(code.svg_inline(border=4, omitsize=True, svgclass="sw-qr-svg", lineclass=None,
                                  dark="#000", light="#fff"))
