"""The verb lexicon (``lexicon.toml``) and word forms: what a verb asks for, whatever its form.

Lemmas come from ``lemminflect``, whose dictionaries ship inside the installed package, so
"mowing" meets "mow" and "took out" reads as "take out" with nothing downloaded at run time.
The interpreter and the offline replies read the same lexicon.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from lemminflect import getAllInflections, getAllLemmas

__all__ = [
    "attribute_of",
    "attributes",
    "can_be_noun",
    "gerund",
    "in_dictionary",
    "is_verb",
    "lemma",
    "reporting_forms",
    "verb_at",
    "verb_forms",
    "verb_pattern",
    "verbs",
]


@cache
def _data() -> dict[str, dict[str, object]]:
    text = files("tme_neo4j.trim").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def verbs() -> dict[str, str]:
    """Lexicon entries (a lemma, a lemma and particle, or a fixed phrase) -> intent."""
    return {k.lower(): str(v) for k, v in _data()["verbs"].items()}


@cache
def attributes() -> dict[str, tuple[str, ...]]:
    """Attribute kind -> the words that name it ('date' -> 'date', 'day', 'deadline', ...)."""
    return {k: tuple(str(w) for w in v)  # type: ignore[attr-defined]
            for k, v in _data()["attributes"].items()}


@cache
def reporting_forms() -> tuple[str, ...]:
    """Every form of the verbs that report a thought or a wish ('reckons', 'wished')."""
    heads = _data()["reporting"]["verbs"]
    return tuple(sorted({f for v in heads for f in _forms(str(v))},  # type: ignore[attr-defined]
                        key=lambda f: (-len(f), f)))


@cache
def source_forms() -> frozenset[str]:
    """Every form of the verbs that say where news came from ('says', 'checked')."""
    heads = _data()["reporting"]["sources"]
    return frozenset(f for v in heads for f in _forms(str(v).split()[0]))  # type: ignore[attr-defined]


@cache
def lemma(word: str) -> str:
    """The base form of ``word``, lower case: a verb reading first, then a noun, else as is."""
    w = word.lower()
    found = getAllLemmas(w)
    for pos in ("VERB", "NOUN", "AUX", "ADJ"):
        if pos in found:
            return str(found[pos][0])
    return w


@cache
def in_dictionary(word: str) -> bool:
    """Whether the lemmatizer knows ``word`` at all."""
    return bool(getAllLemmas(word.lower()))


@cache
def can_be_noun(word: str) -> bool:
    """Whether ``word`` can name a thing: a noun reading, or a word the dictionary lacks."""
    found = getAllLemmas(word.lower())
    return not found or "NOUN" in found or "PROPN" in found


@cache
def names_only_a_thing(word: str) -> bool:
    """Whether ``word`` is a noun and never an adjective ('cedar', not 'clear' or 'orange'); a
    word the dictionary lacks names a thing unless it ends as adjectives do."""
    found = getAllLemmas(word.lower())
    if not found:  # 'dodgy', 'cheeky': a word the dictionary lacks may still end as adjectives do
        return _ADJECTIVE_ENDING.search(word.lower()) is None
    return ("NOUN" in found or "PROPN" in found) and "ADJ" not in found


#: Endings of adjectives the dictionary may lack: informal ones ('dodgy', 'cheeky', 'naffish').
_ADJECTIVE_ENDING = re.compile(r"(?:[^aeiou]y|ish|ous|ful|less|ive|able|ible)$")


@cache
def can_modify(word: str) -> bool:
    """Whether ``word`` can stand in a noun phrase before its noun: an adjective or noun
    reading ('left', 'blood'), or a word the dictionary lacks."""
    found = getAllLemmas(word.lower())
    return not found or bool({"ADJ", "NOUN", "PROPN"} & found.keys())


@cache
def is_past(word: str) -> bool:
    """Whether ``word`` is a past form of a verb: 'booked', 'gave', 'written'."""
    w = word.lower()
    forms = getAllInflections(lemma(w), upos="VERB")
    return w != lemma(w) and any(w in forms.get(tag, ()) for tag in ("VBD", "VBN"))


@cache
def gerund(verb: str) -> str | None:
    """The -ing form of the verb lemma ``verb`` ('sort' -> 'sorting'), or None."""
    forms = getAllInflections(verb.lower(), upos="VERB").get("VBG")
    return forms[0] if forms else None


@cache
def is_verb(word: str) -> bool:
    """Whether ``word`` can be a verb form (the lemmatizer's dictionary knows it as one)."""
    return "VERB" in getAllLemmas(word.lower())


@cache
def _forms(base: str) -> frozenset[str]:
    forms = {base}
    for inflections in getAllInflections(base, upos="VERB").values():
        forms.update(inflections)
    return frozenset(forms)


@cache
def verb_forms(intent: str) -> tuple[str, ...]:
    """Every surface form of the lexicon's entries for ``intent``, longest first."""
    out: set[str] = set()
    for entry, wanted in verbs().items():
        if wanted != intent:
            continue
        head, _, rest = entry.partition(" ")
        if head in ("don't", "do", "no"):  # a fixed phrase: as written
            out.add(entry)
            continue
        for form in _forms(head):
            out.add(f"{form} {rest}".strip())
    return tuple(sorted(out, key=lambda f: (-len(f), f)))


@cache
def verb_pattern(*intents: str) -> str:
    """A regular-expression alternation of the verb forms of ``intents`` (no groups)."""
    forms = sorted({f for i in intents for f in verb_forms(i)}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


_OBJECT_PRONOUNS = frozenset({"me", "us", "it", "them", "that", "this", "him", "her"})


def verb_at(words: list[str]) -> tuple[str, int] | None:
    """The longest lexicon entry at the start of ``words``: (entry, words it takes)."""
    lexicon = verbs()
    if not words:
        return None
    lowered = [w.lower() for w in words]
    # "run me through", "take them out": a pronoun object may sit before the particle.
    skip = 1 if len(lowered) > 2 and lowered[1] in _OBJECT_PRONOUNS else 0
    for n in (4, 3, 2, 1):
        if len(words) < n + (skip if n > 1 else 0):
            continue
        head = lowered[:1] + lowered[1 + skip:n + skip] if n > 1 else lowered[:1]
        if skip and n > 1:
            entry = " ".join([lemma(head[0]), *head[1:]])
            if entry in lexicon:
                return entry, n + skip
            continue
        for candidate in (" ".join([lemma(head[0]), *head[1:]]), " ".join(head)):
            if candidate in lexicon:
                return candidate, n
    return None


def attribute_of(text: str) -> str | None:
    """The attribute kind a phrase names by word ('the deadline' -> 'date'), if any."""
    words = {lemma(w) for w in re.findall(r"[a-z]+", text.lower())}
    for kind, names in attributes().items():
        if words & set(names):
            return kind
    return None
