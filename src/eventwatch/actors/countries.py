"""The set of country codes that can start a CAMEO actor code."""

from __future__ import annotations

from functools import cache

# CAMEO codes for states without an ISO 3166 alpha-3 code.
_EXTRA = frozenset({"KSV"})


@cache
def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | _EXTRA
