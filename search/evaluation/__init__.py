"""The relevance harness: judged queries over the real OGP export, scored per kind.

`manage.py search evaluate` (and `make relevance`) call `evaluate`; nothing on the
request path imports this package.
"""

from .runner import RANKERS, EvaluationSkipped, evaluate

__all__ = ["RANKERS", "EvaluationSkipped", "evaluate"]
