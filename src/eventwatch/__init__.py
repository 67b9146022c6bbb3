"""eventwatch: an open, self-hostable political event data engine.

News articles in; CAMEO/PLOVER events out: who did what to whom, where and when, each event
traceable to its article, sentence, character offsets and the dictionary entry that coded it.

Public surface: the records, the dictionary loader, the pipeline ``run`` and the ``Store``.
"""

from eventwatch.dictionaries import Dictionaries, load_dictionaries
from eventwatch.errors import DictionaryError, EventwatchError, IngestError, StoreError
from eventwatch.records import Actor, Article, CameoInfo, Event, Reject, RunSummary

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "CameoInfo", "Dictionaries", "DictionaryError", "Event",
    "EventwatchError", "IngestError", "Reject", "RunSummary", "StoreError", "__version__",
    "load_dictionaries",
]
