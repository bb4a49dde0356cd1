"""Questions told by their form, and the topic they ask about.

An official types "¿cómo regular el cabildeo en el congreso?" or "how do other
countries regulate lobbying?" as often as "regulación del cabildeo". Matched as
typed, a question's asking words ("how", "do", "other countries", "can we") count
among the words three quarters of which must meet in one field, and English stop
words leave them all in: the practices on lobbying miss. A question is told by its
form (a question mark, or an opening interrogative), not by its length, so a long
topic phrase ("ley de acceso a la información pública") is matched as it is.
"""

import re

from .synonyms import fold

# Words that open a question (folded: "cómo" and "como" alike).
INTERROGATIVES = frozenset(
    {"como", "que", "cual", "cuales", "donde", "cuando", "cuanto", "cuantos"}
    | {"cuanta", "cuantas", "quien", "quienes"}
    | {"how", "what", "which", "where", "why", "who", "when", "whom", "whose"}
)
# What a question says besides its topic: interrogatives, auxiliaries and modals,
# pronouns, articles and prepositions, and the asking for others' examples ("qué
# hacen otros países", "what do other cities do"). Folded.
ASKING_WORDS = INTERROGATIVES | frozenset(
    # Spanish: articles, prepositions, pronouns, and verbs of asking or doing.
    {"el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del"}
    | {"de", "en", "a", "y", "e", "o", "u", "con", "sin", "sobre", "entre"}
    | {"por", "para"}
    | {"se", "me", "nos", "le", "les", "mi", "mis", "su", "sus", "nuestro"}
    | {"nuestra", "nuestros", "nuestras", "yo", "nosotros", "usted", "ustedes"}
    | {"puedo", "puede", "podemos", "pueden", "podria", "podriamos", "debo"}
    | {"debe", "debemos", "deben", "deberia", "hay", "es", "son", "sea", "sean"}
    | {"hacer", "hace", "hacen", "hago", "hacemos", "haga", "hagan", "lograr"}
    | {"logran", "logra", "conseguir", "otros", "otras", "otro", "otra"}
    | {"paises", "gobiernos", "ciudades", "municipios", "ejemplos", "ejemplo"}
    | {"existe", "existen", "mejor", "mejores", "forma", "formas", "manera"}
    | {"maneras", "mas"}
    # English: the same.
    | {"the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "with"}
    | {"by", "from", "about", "into", "is", "are", "be", "it", "its", "this"}
    | {"that", "these", "those", "there", "i", "we", "you", "they", "our", "my"}
    | {"your", "their", "us", "can", "could", "should", "would", "will", "may"}
    | {"might", "must", "do", "does", "did", "done", "make", "makes", "get"}
    | {"other", "others", "countries", "governments", "cities", "examples"}
    | {"example", "best", "way", "ways", "some", "any", "more"}
)
# The verbs of doing better that commitments use everywhere ("fortalecer",
# "mejorar", "publicar"): in a question they say little about the topic.
ACTION_VERBS = frozenset(
    {"crear", "mejorar", "fortalecer", "promover", "garantizar", "implementar"}
    | {"impulsar", "establecer", "desarrollar", "aumentar", "permitir"}
    | {"asegurar", "publicar", "lograr"}
    | {"create", "improve", "strengthen", "promote", "ensure", "implement"}
    | {"establish", "develop", "increase", "allow", "enable", "achieve"}
    | {"publish"}
)
_PUNCTUATION = re.compile(r"[¿?¡!.,;:()\"“”«»]")


def is_question(q: str) -> bool:
    """Whether `q` is a question by its form: a question mark, or an opening
    interrogative ("como lograr que…", "how to…")."""
    if "?" in q or "¿" in q:
        return True
    words = words_of(q)
    return bool(words) and (words[0] in INTERROGATIVES or words[:2] == ["por", "que"])


def question_topic(q: str, without_actions: bool = False) -> str:
    """What a question asks about: its words without the asking ones, folded
    ("¿cómo regular el cabildeo en el congreso?" -> "regular cabildeo congreso").
    The question itself when nothing, or a single word, would be left."""
    dropped = asking_words(without_actions)
    topic = [word for word in words_of(q) if word not in dropped]
    return " ".join(topic) if len(topic) >= 2 else q


def asking_words(without_actions: bool = False) -> frozenset[str]:
    """The words a question's topic leaves out (`question_topic`)."""
    return ASKING_WORDS | ACTION_VERBS if without_actions else ASKING_WORDS


def words_of(q: str) -> list[str]:
    """The words of `q`, folded, without punctuation."""
    return fold(_PUNCTUATION.sub(" ", q)).split()
