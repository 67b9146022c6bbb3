"""CAMEO actor codes: the country codes that can start one, and the three-letter parts
every code is built of."""

from __future__ import annotations

from functools import cache

# CAMEO codes for states without an ISO 3166 alpha-3 code.
_EXTRA = frozenset({"KSV"})


@cache
def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | _EXTRA


def three_letter_parts(code: str) -> list[str]:
    """``TURGOVMIL`` → ``["TUR", "GOV", "MIL"]`` (a country, sectors, groups)."""
    return [code[i:i + 3] for i in range(0, len(code), 3)]
