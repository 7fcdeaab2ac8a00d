"""Clause frames: what a clause does, read before anything is aligned with memory.

A frame holds the clause's mood (a question, a request, a statement), its polarity, its verb
(the lexicon entry, or the lemma of an unknown verb), the intent the lexicon gives that verb,
the object phrase, the role phrases that follow it ("to Monday", "instead of oak", "for the
offsite") and whether the object is a reference ("it", "that", "them", "the first one").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from tme_neo4j.trim.language import TELLING_ASKED, strip_fillers
from tme_neo4j.trim.lexicon import is_verb, lemma, verb_at, verbs

__all__ = ["REFERENCES", "ROLE_WORDS", "Frame", "Mood", "read_frame"]


class Mood(StrEnum):
    QUESTION = "question"  # asks about the state
    REQUEST = "request"  # an imperative, or a polite question that asks for a change
    STATEMENT = "statement"  # tells something: a plan, a fact, a preference


#: Words that stand for a task named before.
REFERENCES = frozenset({"it", "that", "this", "them", "those", "these", "one", "the first one",
                        "the last one", "the second one", "the other one", "everything"})

#: Prepositions that open a role phrase after the object, longest first.
ROLE_WORDS = ("instead of", "back to", "in place of", "rather than", "out of", "off of",
              "to", "from", "for", "with", "on", "at", "by", "until", "till", "after", "before",
              "once", "into", "onto", "in", "off", "as")

_QUESTION_WORDS = frozenset({
    "what", "what's", "whats", "which", "who", "whom", "whose", "when", "where", "why", "how",
    "is", "are", "was", "wasn't", "were", "weren't", "isn't", "aren't", "did", "didn't", "do",
    "don't", "does", "doesn't", "have", "haven't", "has", "hasn't", "had", "am", "will", "won't",
    "would", "wouldn't", "should", "shall", "could", "can",
})
#: "Can you remove X?": a polite question that asks for a change.
_POLITE = re.compile(r"^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?P<rest>.+)$", re.I)
#: "I want to know", "let me know", "I'd like to see": asking to be told, in statement form.
_POLITE_BEFORE = re.compile(r"\b(?:can|could|would|will)\s+you\b", re.I)
_TELL_ME = re.compile(
    r"^(?:(?:i|we)\s+(?:want|need|would like|'d like|wanna)\s+(?:to\s+)?(?:know|see|hear|check)|"
    r"let\s+(?:me|us)\s+(?:know|see|hear)|remind\s+me|tell\s+me|show\s+me|give\s+me|"
    r"what\s+about|how\s+about\s+(?:the\s+)?(?:status|state))\b", re.I)
#: A subject and modal before the verb: "I need to", "we should", "let's", "I'll".
_SUBJECT = re.compile(
    r"^(?:(?:i|we)\s+(?:also\s+|still\s+|really\s+|just\s+|then\s+)?"
    r"(?:need|want|would like|'d like|have|got|gotta|ought)\s+to\s+|"
    r"(?:i|we)\s*(?:'ll|will|should|must|can|could|shall|may|might|'d)\s+(?:also\s+)?|"
    r"let'?s\s+(?:also\s+)?|lets\s+|please\s+|also\s+|just\s+)+", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|don't|doesn't|didn't|won't|can't|cannot|isn't|"
                       r"aren't|wasn't|weren't|shouldn't|no longer)\b", re.I)
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@dataclass
class Frame:
    text: str
    mood: Mood
    negated: bool
    verb: str | None = None  # the lexicon entry, or the lemma of a verb the lexicon lacks
    intent: str | None = None  # what the lexicon says the verb asks for
    object: str = ""
    roles: dict[str, str] = field(default_factory=dict)
    subject: str = ""  # a statement's subject ("the stew" in "the stew needs ...")

    @property
    def reference(self) -> bool:
        """The object stands for a task named before ('it', 'that', 'them')."""
        head = self.object.lower().strip(" ,.")
        return head in REFERENCES or head.split(" ")[0] in ("it", "that", "them", "this")

    @property
    def known(self) -> bool:
        """The lexicon gives the verb a change to make (a verb naming a task is no change)."""
        return self.intent is not None and self.intent != "task"

    @property
    def asks(self) -> bool:
        """A question, or a request to be told something: it reads, it never writes."""
        return self.mood == Mood.QUESTION or self.intent == "check"


#: Verbs that make a leading gerund the subject of the clause ("packing the van takes ...").
_GERUND_SUBJECT_OF = frozenset({"needs", "requires", "depends", "takes", "has", "can't", "must",
                                "should", "waits", "comes"})


#: What "last" counts back from ("last year", "last time"): a time, not the verb.
_SPANS_OF_TIME = frozenset({"time", "year", "week", "month", "night", "weekend", "summer",
                            "winter", "spring", "autumn", "term", "season", "christmas",
                            "easter", "fortnight", "minute"})


def read_frame(clause: str, *, question_mark: bool = False, original: str | None = None) -> Frame:
    """Read one clause (fillers are stripped first); ``original`` is the clause as said, before
    any politeness was taken off ('could you ...')."""
    text = strip_fillers(clause).rstrip(".!? ")
    negated = _NEGATION.search(text) is not None
    lower = text.lower()
    if _TELL_ME.match(lower) or TELLING_ASKED.match(text):
        return Frame(text, Mood.QUESTION, negated, verb="tell", intent="check")
    polite = _POLITE.match(text) or _POLITE_BEFORE.search((original or clause)[:60])
    body = polite["rest"] if polite and polite.re is _POLITE else text
    words = _WORD.findall(body)
    if polite is None and (question_mark or _asks_first(words)):
        return Frame(text, Mood.QUESTION, negated)
    stripped = _SUBJECT.sub("", body)
    imperative = stripped != body or polite is not None
    words = _WORD.findall(stripped)
    found = verb_at(words)
    if found is not None and found[1] == 1 and len(words) > 1 and (
            words[1].lower() in _FINITE_AFTER_SUBJECT) and lemma(words[0]) != words[0].lower():
        found = None  # "prints are ...": a noun, the subject of its verb
    if found is not None and found[1] == 1 and polite is None and stripped == body and (
            words[0].lower().endswith("ing") and lemma(words[0]) != words[0].lower()) and (
            any(w.lower() in _GERUND_SUBJECT_OF for w in words[2:])):
        found = None  # "painting the fence needs ...": the subject, no request
    if len(words) > 2 and (found is None or " " not in found[0]) and (
            particle := _split_particle(words, stripped)):
        split = f"{lemma(words[0])} {particle}"  # "put the octopus back", "take X out of Y"
        if split in verbs():
            found = (split, 1)
    # "last week the van broke down": when it happened, no verb "last"
    counted_back = len(words) > 1 and words[0].lower() == "last" and (
        words[1].lower() in _SPANS_OF_TIME)
    if not counted_back and (found is not None or (
            words and is_verb(words[0]) and _starts_clause(words))):
        entry, n = found if found is not None else (lemma(words[0]), 1)
        intent = found[0] if found is not None else None
        rest = _after_words(stripped, n)
        obj, roles = _roles(rest)
        said = verbs().get(intent) if intent else None
        if entry in _TOLD_TO_SOMEONE and obj.split(" ", 1)[0].lower() not in _SPOKEN_TO:
            said = "task"  # "tell my manager", "remind Jo": a thing to do, not to be told
        return Frame(text, Mood.REQUEST, negated, verb=entry, intent=said, object=obj,
                     roles=roles)
    if imperative and polite is not None:
        return Frame(text, Mood.QUESTION, negated)
    subject, verb, rest = _statement(stripped)
    obj, roles = _roles(rest)
    return Frame(text, Mood.STATEMENT, negated, verb=verb, object=obj, roles=roles,
                 subject=subject)


_WH = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how"} | {
    f"{wh}{tail}" for wh in ("what", "who", "when", "where", "how", "why")
    for tail in ("'s", "s", "'re", "'ve", "'d", "'ll")} - {"hows", "whys"})
_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "it", "the", "my", "our", "this",
                       "that", "there", "your", "anything", "everything"})


#: Verbs that ask to be told, said to the speaker; said of anyone else they are things to do.
_TOLD_TO_SOMEONE = frozenset({"tell", "remind"})
#: Who such a verb may be said to in talk ("tell me", "tell her thanks from me"), no one to name.
_SPOKEN_TO = frozenset({"", "me", "us", "him", "her", "them", "you", "everyone", "everybody"})
_PARTICLES = frozenset({"back", "out", "off", "up", "down", "in", "over", "through"})
#: What may follow the particle of a verb split around its object: where from ("take the
#: cake out of the order") or for how long ("leave the quiz out for now").
_AFTER_PARTICLE = re.compile(r"(?:of|from|for now|for the moment|for the time being|for today|"
                             r"for this week|again|altogether|completely|entirely|"
                             r"to (?:me|us))\b", re.I)  # "read the list back to me"


_OFF_THE = re.compile(r"^\S+\s+.+?\s+off\s+(?:the|my|our|his|her|their|your)\s", re.I)


def _split_particle(words: list[str], text: str) -> str | None:
    """The particle of a verb said around its object ('put the octopus back'): the last
    word, a later word followed only by where from or for how long, or "off" before the
    thing it comes off ('take the cake off the order', not 'take the cake off, ...')."""
    if words[-1].lower() in _PARTICLES:
        return words[-1].lower()
    for n, word in enumerate(words[2:-1], start=2):
        if word.lower() in _PARTICLES and _AFTER_PARTICLE.match(" ".join(words[n + 1:])):
            return word.lower()
    if _OFF_THE.search(text):
        return "off"
    return None
#: Verbs that follow a subject, never an imperative's first word.
_FINITE_AFTER_SUBJECT = frozenset({
    "is", "are", "was", "were", "want", "wants", "need", "needs", "have", "has", "had", "can",
    "can't", "will", "won't", "should", "must", "say", "says", "said", "think", "thinks",
    "prefer", "prefers", "know", "knows", "like", "likes"})
_BE = frozenset({"is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"})
_PRONOUN_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "it", "there"})


def _asks_first(words: list[str]) -> bool:
    """A question word first: a wh-word, or an auxiliary before its subject ('did I', 'is
    the'); 'do a grocery run' is a request."""
    if not words:
        return False
    first = words[0].lower()
    if first in _WH:
        return True
    if first in _QUESTION_WORDS and len(words) > 1:
        second = words[1].lower()
        if first in _BE:  # "is the exam still on Friday"
            return second in _SUBJECTS
        return second in _PRONOUN_SUBJECTS  # "did I", not "do the dishes"
    return False


def _starts_clause(words: list[str]) -> bool:
    """A verb form first, and no finite verb right after it ('Paint the fence', not 'Dinner
    is at 8')."""
    first = words[0].lower()
    if first in ("i", "we", "you", "he", "she", "they", "it", "there", "the", "a", "an", "my",
                 "our", "no"):
        return False
    if len(words) > 1 and words[1].lower() in _FINITE_AFTER_SUBJECT:
        return False  # "people want to ...": a subject and its verb, not an imperative
    return lemma(first) == first  # the base form: an imperative, not 'painted' or 'moving'


def _after_words(text: str, n: int) -> str:
    matches = list(_WORD.finditer(text))
    if n >= len(matches):
        return ""
    return text[matches[n - 1].end():].strip(" ,")


_ROLE = re.compile(r"\s+(" + "|".join(w.replace(" ", r"\s+") for w in ROLE_WORDS) + r")\s+",
                   re.I)


def _roles(rest: str) -> tuple[str, dict[str, str]]:
    pieces = _ROLE.split(f" {rest} ")
    obj = pieces[0].strip(" ,")
    roles: dict[str, str] = {}
    for prep, phrase in zip(pieces[1::2], pieces[2::2], strict=False):
        name = re.sub(r"\s+", " ", prep.lower())
        if name not in roles:
            roles[name] = phrase.strip(" ,")
    return obj, roles


_FINITE = re.compile(r"^(?P<subject>.+?)\s+(?P<verb>is|are|was|were|'s|'re|has|have|had|"
                     r"needs?|wants?|requires?|got|gets|will|won't|can|can't|should|must|"
                     r"[a-z]+(?:ed|es|s))\b\s*(?P<rest>.*)$", re.I)


def _statement(text: str) -> tuple[str, str | None, str]:
    m = _FINITE.match(text)
    if m is None:
        return "", None, text
    return m["subject"], lemma(m["verb"].lstrip("'")), m["rest"]
