"""Events: CAMEO coding of parsed sentences (see ``coder``) and the JSON form of events."""

from eventwatch.events.coder import ArticleAnalysis, CoderSettings, analyse_article, code_article
from eventwatch.events.serialize import event_to_dict

__all__ = ["ArticleAnalysis", "CoderSettings", "analyse_article", "code_article",
           "event_to_dict"]
