"""Where and when: places (offline gazetteer + toponym resolution), relative dates and
casualty/troop counts for event coding.

- ``find_places(text_or_doc, nlp, countries_hint=...)`` → ``Place`` mentions resolved to
  GeoNames ids, points, ISO3 countries and a precision (country/admin1/city/site/region);
- ``resolve_date(expression, published)`` / ``find_dates(doc_or_text, published)`` →
  ``ResolvedDate`` (date + day/week/month/year resolution);
- ``find_counts(doc)`` → ``Count`` (killed/injured/arrested/displaced/troops);
- ``load_gazetteer()`` → the cached ``Gazetteer`` index (built once per process, < 1 s).
"""

from eventwatch.placetime.counts import Count, find_counts
from eventwatch.placetime.dates import ResolvedDate, find_dates, resolve_date
from eventwatch.placetime.gazetteer import Gazetteer, Location, load_gazetteer
from eventwatch.placetime.places import Place, find_places

__all__ = [
    "Count",
    "Gazetteer",
    "Location",
    "Place",
    "ResolvedDate",
    "find_counts",
    "find_dates",
    "find_places",
    "load_gazetteer",
    "resolve_date",
]
