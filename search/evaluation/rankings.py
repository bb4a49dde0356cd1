"""Rankings the relevance harness compares, which search itself does not use."""

from ..query import RankedQuery
from ..ranking import TEXT, TextRanking, nearest_practices, vector_query


class VectorsOnlyRanking(TextRanking):
    """The query vector's nearest practices alone, scored by similarity (a k-NN
    request first): the hybrid's vector half, measured on its own."""

    name = "vectors"

    def ranked(self, filters, *, rescorable=True, translated=None) -> RankedQuery:
        neighbours = nearest_practices(filters.q)
        if neighbours is None:
            return TEXT.ranked(filters, rescorable=rescorable, translated=translated)
        return RankedQuery(vector_query(neighbours))
