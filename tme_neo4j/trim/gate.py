"""The last check before the offline reader writes: a title or value it made must read as one.

Whichever reading of a clause made an operation, the text it would write is checked here, once,
by its form alone. A text that is a reference never resolved ("them"), a thought someone
reported ("reckons we ..."), or a lone adverb or word of talk ("right") is no task's title and
no value, and a title cut from its sentence with words dropped from its middle is no title. And
a clause that names a value (a time, a date, a price, a number, a name) that neither what it
would write nor memory holds was read in part: writing the part would lose the rest silently.
The clause is then not understood, and the reply says so, instead of memory holding a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from lemminflect import getAllLemmas

from tme_neo4j.trim.language import (
    DAY_WORD,
    NUMBER_WORDS,
    ValueKind,
    strip_fillers,
    typed_phrases,
)
from tme_neo4j.trim.lexicon import (
    can_be_noun,
    can_modify,
    is_past,
    is_verb,
    lemma,
    reporting_forms,
    source_forms,
    verb_at,
    verbs,
)

__all__ = ["LEFT_BE", "THANKS_FIRST", "Held", "asks_change", "garbled", "labelled_list",
           "nameless", "remark", "small_talk", "stated", "unaccounted", "unwritable", "withdrawn"]

#: Words that stand for something said before: written alone or first, they name nothing.
#: ("me" and "us" are not among them: they name the speaker, who takes a task over.)
_REFERENCES = frozenset({"it", "them", "him", "her", "they", "he", "she", "those", "these",
                         "you", "that", "this", "mine", "ours", "yours", "theirs"})
#: Of those, the ones that may open a longer title or value as a determiner ("this week's order",
#: "her coat", "that blue one").
_DETERMINERS = frozenset({"her", "those", "these", "that", "this"})
_SUBJECTS = r"(?:i|we|he|she|they|you)"
#: What makes a thought a request: "I think we should ...", "I reckon you'll need to ...".
_ASKS = re.compile(r"\b(?:should|need|needs|must|have to|has to|ought|let's|let us|could you|"
                   r"can you|will you|would you)\b", re.IGNORECASE)


@cache
def _reported(subjects: str = _SUBJECTS) -> re.Pattern[str]:
    forms = "|".join(map(re.escape, reporting_forms()))
    return re.compile(rf"\b(?:{forms})\s+(?:that\s+)?{subjects}\b", re.IGNORECASE)


#: "we'll see how it goes", "let's see if it helps": waiting to find out, nothing to do yet.
_WAIT_AND_SEE = re.compile(r"\b(?:(?:we|i)(?:'ll|\s+will|\s+can|\s+shall)|let's|let\s+us|"
                           r"wait\s+and)\s+(?:just\s+)?see\s+(?:how|if|whether|what)\b|"
                           r"\bsee\s+how\s+(?:it|that|things)\s+goes?\b", re.IGNORECASE)


#: "lovely forecast for Saturday", "what a grim morning": the weather or the day, judged.
_DAY_JUDGED = re.compile(r"^\W*(?:what\s+an?\s+)?(?:lovely|great|gorgeous|awful|terrible|horrible|"
                         r"nice|beautiful|glorious|grim|rubbish|dreadful|miserable)\s+(?:weather|"
                         r"forecast|day|morning|afternoon|evening|night|sunshine|rain)\b",
                         re.IGNORECASE)

#: "wish us luck", "fingers crossed": good wishes asked for or given, nothing to do.
_GOOD_WISHES = re.compile(r"\bwish\s+(?:me|us|him|her|them)\s+(?:luck|well)\b|\bfingers\s+"
                          r"crossed\b|\bcross\s+(?:your|our|my)\s+fingers\b|\b(?:touch|knock"
                          r"\s+on)\s+wood\b|\bhere'?s\s+hoping\b", re.IGNORECASE)

#: "help me keep everything sorted", "keep on top of things for me": a request to hold what is
#: said, which names nothing to do.
_KEEP_STRAIGHT = re.compile(
    r"\bkeep\s+(?:it|this|that|things|everything|them|it all|all this)(?:\s+all)?\s+(?:straight|"
    r"organi[sz]ed|in order|together|sorted|on track|in one place)\b|\bkeep\s+(?:on top of|"
    r"track of|tabs on)\s+(?:it|this|that|things|everything|them|it all|all this)\b", re.IGNORECASE)


def remark(clause: str) -> bool:
    """Whether ``clause`` only says what someone thinks or wishes ("hope it stays dry", "my
    sister reckons they'll be late"), waits to find out ("we'll see if it lasts"), judges the
    weather or the day ("grim forecast for Friday") or asks that what is said be kept ("help
    me keep it all straight"): nothing in it asks for a change."""
    if _WAIT_AND_SEE.search(clause) or _DAY_JUDGED.search(clause) or _KEEP_STRAIGHT.search(
            clause) or _GOOD_WISHES.search(clause):
        return True  # "we'll see if it lasts", "lovely forecast for Saturday", "wish me luck"
    return bool(_reported(r"(?:i|we|he|she|they|you|it|there)").search(clause)) and not (
        _ASKS.search(clause))


#: "..., hasn't it", "..., aren't they": a sentence that asks to be agreed with.
_TAG_QUESTION = re.compile(r",\s*(?:is|are|was|were|has|have|had|do|does|did|wo|would|could|"
                           r"should|ca)n't\s+(?:it|they|he|she|we|you|i|there)\b", re.IGNORECASE)
#: "not to do with the plan": the speaker says the sentence is not about the plan.
_UNRELATED = re.compile(r"\b(?:nothing|not) to do with (?:this|that|it|any of (?:this|it)|"
                        r"the [\w-]+)\b",
                        re.IGNORECASE)
#: "they're going to love it": a feeling foretold, about what is already planned.
_FORETOLD_FEELING = re.compile(r"\b(?:going to|gonna|will|'ll)\s+(?:(?:love|like|enjoy|hate|adore)"
                               r"\s+(?:it|this|that|them)|look|feel|sound|seem|taste)\b",
                               re.IGNORECASE)
#: "the forms are like a maze": a likeness, no value.
_LIKENESS = re.compile(r"^\W*(?:\w+\s+)*?[\w']+(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+"
                       r"(?:just\s+|a\s+bit\s+|so\s+)?like\s+", re.IGNORECASE)
#: "can't wait for ...", "so excited about ...", "a bit nervous": how the speaker feels.
_FEELING = re.compile(r"^\W*(?:(?:i|we)(?:'m|'re|\s+am|\s+are)\s+)?(?:(?:i|we)\s+)?"
                      r"(?:so\s+|really\s+|a\s+)?(?:can't wait|cannot wait|looking forward|excited|"
                      r"bit nervous|nervous|dreading)\b", re.IGNORECASE)


#: "mad that ...", "funny how ...", "such a shame that ...": a judgement of a fact, no request.
_JUDGED_FACT = re.compile(r"^\W*(?:(?:it's|it is|that's|that is|bit|a bit|so|pretty|kind of|"
                          r"kinda|such)\s+)*(?:a\s+)?(?:mad|crazy|funny|amazing|wild|weird|strange|"
                          r"odd|annoying|typical|ridiculous|insane|incredible|nuts|bonkers|shame|"
                          r"sad|lucky|mental|hilarious|interesting|daft|unreal|brilliant)\s+"
                          r"(?:that|how)\s", re.IGNORECASE)


def small_talk(sentence: str) -> bool:
    """Whether ``sentence`` is talk around the plan: a tag question ("lovely, isn't it"), a
    remark the speaker calls unrelated, a feeling or a look foretold about the plan ("it'll
    sound brilliant"), how the speaker feels ("can't wait for ..."), a likeness ("these are like
    riddles"), a judgement of a fact ("funny how ..."). Only a request said in it may write."""
    return any(p.search(sentence) for p in (_TAG_QUESTION, _UNRELATED, _FORETOLD_FEELING,
                                            _FEELING, _LIKENESS, _JUDGED_FACT))


def _lone_adverb(word: str) -> bool:
    return word.endswith("ly") and set(getAllLemmas(word)) == {"ADV"}


def _talk(text: str) -> bool:
    """Words that only lead into a sentence: "right", "okay", "no wait"."""
    return not strip_fillers(f"{text.strip(' .!')},").strip(" ,")


#: A sentence that opens by thanking: talk, whatever follows ("thanks for sorting that").
THANKS_FIRST = re.compile(r"\s*(?:thank(?:s|\s+you)|cheers)\b", re.IGNORECASE)
#: A person and "would" or "had": what someone would do, or had done, is no task.
_WOULD = frozenset(f"{who}'d" for who in ("i", "you", "he", "she", "we", "they", "it"))
#: Worrying and its like: "I'll stop fretting" says how one feels, never a step of the plan.
_FRETTING = frozenset({"fretting", "worrying", "stressing", "panicking", "fussing", "obsessing",
                       "overthinking", "moaning", "whinging"})
#: Words that only join or point: alone, they name nothing ("The", "and then").
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "then", "so", "some", "any"})
#: Words that end a sentence said to someone, never the name of a thing ("... 8:05 actually").
_SPOKEN_LAST = frozenset({"actually", "please", "instead", "anyway", "though", "cheers", "thanks"})
#: "off the list", "back on the list": words about memory's list, never part of a thing on it.
_THE_LIST = re.compile(r"\b(?:on|off|onto|to|from)\s+(?:the|my|our)\s+(?:list|plan)\b",
                       re.IGNORECASE)
#: "..., no, forget it", "..., actually never mind": what the sentence asked is taken back.
#: Words that leave things as they are: "forget it", "never mind", "leave it as it is".
_LEAVE_BE = (r"(?:forget (?:it|that|about it)|never ?mind|don't bother|leave it)"
             r"(?:\s+(?:then|as it is|as is|for now|alone|be))?")
LEFT_BE = re.compile(_LEAVE_BE, re.IGNORECASE)
_WITHDRAWN = re.compile(rf"[-,;.]\s*(?:(?:no|nah|oh|actually|wait|ah)[\s,]+)*{_LEAVE_BE}"
                        r"\s*(?:[-,;.!]|$)", re.IGNORECASE)


#: "ignore me", "scratch that", "my mistake": all said before it in the turn is taken back.
_ALL_TAKEN_BACK = re.compile(r"\b(?:ignore\s+(?:me|that|all\s+that|what\s+i\s+(?:just\s+)?said)|"
                             r"scratch\s+that|forget\s+i\s+said\s+(?:it|that|anything)|"
                             r"my\s+(?:mistake|bad))\b", re.IGNORECASE)


#: A last sentence that says no and ends by leaving things be: "ugh no, 4 is plenty, leave
#: it", "nah, forget it": all said before it in the turn is taken back.
_ENDS_LEFT_BE = re.compile(r"(?:^|[.!?]\s+)(?:(?:ugh|oh|hmm+|ok|okay|wait|actually)[\s,]+)*"
                           rf"(?:no|nah|nope)\b(?:[^.!?]|\.(?=\d))*?[-,;]\s*{_LEAVE_BE}"
                           r"\s*[.!]*\s*$", re.IGNORECASE)


def withdrawn(text: str, clause: str) -> bool:
    """Whether ``clause`` of ``text`` is taken back later in its sentence ("add X - no,
    forget it"), or later in the turn by words that take back all before them ("..., ignore
    me", a last sentence "no, ..., leave it")."""
    said = clause.strip(" .,")
    at = text.find(said)
    if at >= 0 and (_ALL_TAKEN_BACK.search(text, at + len(said)) or (
            (end := _ENDS_LEFT_BE.search(text)) is not None and end.start() >= at + len(said))):
        return True
    m = _WITHDRAWN.search(text, max(at - 2, 0))  # the taking back itself is no request either
    return at >= 0 and m is not None and not re.search(r"[.!?]", text[at + len(said):m.start()])


#: ", and the fee has gone up": news of a change, with its own subject, after a comma.
_JOINED_STATEMENT = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:the|my|our|his|her|their)\s+[\w-]+"
                               r"(?:\s+[\w-]+)?|people|everyone|everybody|we|they|he|she|i)"
                               r"\s+(?:has|have|had|will|would)\b|"
                               # "in blue and Sam's in green": a second person told of
                               r"\s+and\s+(?-i:[A-Z])[a-z]+'s\s+(?:in|on|at|doing|going|coming|"
                               r"bringing|taking|got|been)\b", re.IGNORECASE)
#: "at the club has confirmed my place": what someone did, told inside a phrase.
_NEWS_INSIDE = re.compile(r"\b(?:has|have|had)\s+(?:just\s+|already\s+)?[a-z]+(?:ed|en)\s+"
                          r"(?:my|our|your)\b", re.IGNORECASE)
#: Words that may follow a verb's object: "link them up", "book it in too".
_AFTER_OBJECT = frozenset({"up", "down", "in", "out", "off", "on", "back", "over", "together",
                           "too", "again", "first", "now", "then", "well", "as", "please"})


def _last_object(words: list[str]) -> str | None:
    """The object of a short request in ``words``: its last word before the particles and
    adverbs that may end it, when no more than three words come before that ('add both of
    those'); None for a longer one ('set up a rota to help her out')."""
    kept = list(words)
    while len(kept) > 1 and kept[-1] in _AFTER_OBJECT:
        kept.pop()
    return kept[-1] if len(kept) <= 4 else None


def unwritable(text: str) -> str | None:
    """Why ``text`` cannot be written as a title or value (a phrase to follow "there is"), or
    None when it can."""
    words = re.findall(r"[\w']+", text.lower())
    if not words:
        return None
    if words[:2] in (["both", "of"], ["all", "of"], ["each", "of"]) and len(words) == 3 and (
            words[2] in _REFERENCES):
        return f"nothing in memory that {words[2]!r} names"  # "both of those"
    if words[0].removesuffix("'s") in _REFERENCES and not text.lstrip()[:2].isupper() and (
            len(words) == 1 or words[0] not in _DETERMINERS):  # "IT" is a name
        return f"nothing in memory that {words[0].removesuffix(chr(39) + 's')!r} names"
    if 1 < len(words) <= 6 and is_verb(words[0]) and (
            last := _last_object(words)) in _REFERENCES | {"both"} and (
            last in ("those", "these", "both", "that", "this")
            or verbs().get(lemma(words[0]), "task") != "task"):
        # "link those up", "add it": what is meant was said before; "frame them", said after
        # what they are, is a step
        return f"nothing in memory that {last!r} names"
    if _NEWS_INSIDE.search(text):
        return "news of what someone did, not a thing to do"  # "has confirmed my ..."
    if _JOINED_STATEMENT.search(text):
        return "a second statement joined to it"  # "16th, and the rent has risen to ..."
    if _reported().search(text):
        return "only what someone thinks or wishes, nothing to do"
    if THANKS_FIRST.match(text):
        return "thanks, not a thing to do"  # "thanks for all your help"
    if words[0] in _WOULD:
        return "what someone would do or have done, no task"  # "He'd", "she'd have loved it"
    if any(w in _FRETTING for w in words):
        return "how the speaker feels, no task"  # "stop fretting now"
    if words[0] == "be" and len(words) > 1 and words[1].endswith("ing"):
        return f"a state, no task in {text.strip(' .')!r}"  # "be going loads"
    if words[0] in ("i", "we") and len(words) <= 3:
        return "what the speaker says of themselves, no task"  # "I really", "we both"
    if (len(words) == 1 and _lone_adverb(words[0])) or _talk(text) or (
            len(words) > 1 and is_verb(words[0]) and _talk(" ".join(words[1:]))):
        return f"no task in {text.strip(' .')!r}"  # "no wait", "do sorry"
    if _THE_LIST.search(text):
        return "talk of the list itself, not a thing on it"
    if all(w in _FUNCTION_WORDS for w in words):
        return f"no thing named in {text.strip(' .')!r}"  # "the", "and then"
    if re.match(r"\s*(?:instead of|rather than|in place of)\b", text, re.IGNORECASE):
        return "what something replaces, not what it is"
    if len(words) > 2 and words[-1] in _SPOKEN_LAST:
        return f"a request as it was said ({words[-1]!r}), not a thing to do"
    return None


_FINITE = re.compile(r"\b(?:is|are|was|were|will|isn't|aren't|wasn't|weren't|can't|cannot|won't|"
                     r"couldn't|doesn't|don't|didn't)\b", re.IGNORECASE)
#: What may stand before a finite verb inside a title: a clause it embeds ("the room that is
#: free", "see if the hall is free").
_EMBEDS = re.compile(r"(?:\b(?:that|which|who|what|where|when|if|whether|how|once|until|till|"
                     r"after|before|because|while|since)\s+(?:[\w'-]+\s+)*"
                     r"|^(?:make sure|ensure|check|double-check|see|ask|find out|confirm|tell|"
                     r"remind|let|decide|work out|figure out|say|note)\b.*)$", re.IGNORECASE)


#: Verbs that name no doing without their object: "do 11:15", "go Friday", "make it 6".
_LIGHT_VERBS = frozenset({"do", "make", "go", "have", "get", "take", "let", "try", "keep", "put",
                          "say", "call"})


def nameless(title: str) -> bool:
    """Whether ``title`` names no thing once its dates, times, prices and counts are left out:
    nothing at all ("Monday", "11") or a verb that needs an object ("Do 11:15")."""
    for kind, phrase in typed_phrases(title, sentence=False):
        if kind in (ValueKind.DATE, ValueKind.TIME, ValueKind.PRICE):
            title = title.replace(phrase, " ")
    words = [w for w in re.findall(r"[\w']+", title.lower())
             if w not in _FUNCTION_WORDS and not w.isdigit() and w not in NUMBER_WORDS]
    return not words or (len(words) == 1 and words[0] in _LIGHT_VERBS)


def labelled_list(title: str) -> bool:
    """Whether ``title`` is a label and a list after its colon ("jobs left: A, B and C"):
    what the list names are tasks of their own, never one title."""
    label, colon, items = title.partition(": ")
    return bool(colon and label.strip()) and (items.count(",") >= 1 or " and " in items)


def stated(title: str) -> bool:
    """Whether ``title`` is a statement ("the hire is $50 now", "Ann can't do Friday", "the
    hall's double-booked", "number 9 came back", "Jo says her car"), not the name of a task:
    a finite verb with its subject, in no clause a task embeds."""
    m = _FINITE.search(title) or _TOLD.search(title) or next(
        (w for w in re.finditer(r"(?P<before>\w+)\s+(?P<word>[a-z]+)\b", title)
         if _past_only(w["word"]) and w["before"].lower() not in _SUBJECT_WORDS), None)
    if m is None or m.start() == 0:
        return False
    # the clause the verb is in, its subject left out: "... once it's dry" is embedded
    return not _EMBEDS.search(re.sub(r"[\w'-]+$", "", title[:m.start()]))


#: "the hall's double-booked", "Jo says ...": a subject's verb after a name or a noun.
_TOLD = re.compile(r"(?<=[a-z])'s\s+(?:been|got|gone|off\s+(?:sick|ill)|off|away|out|ill|sick|"
                   r"poorly|busy|(?:[a-z]+-)?[a-z]+ed)(?=\s*$|\s*[,.;-]|"
                   r"\s+(?:on|at|for|in|by|until|till|so|and|but|now|today|again)\b)|"
                   r"\s(?:says|said|reckons|thinks|texted|rang|emailed|phoned)(?=[\s,.;:]|$)|"
                   r"\s[a-z]+ed\s+(?:him|her|them|us|me)\b", re.IGNORECASE)


#: "the dress I bought": a past form after its own subject is a clause the title embeds.
_SUBJECT_WORDS = frozenset({"i", "we", "you", "he", "she", "they"})


def _past_only(word: str) -> bool:
    """A past form not made with -ed that is no noun or modifier: 'came', 'rang', 'went'."""
    return not word.endswith("ed") and is_past(word) and not can_be_noun(word) and (
        not can_modify(word)) and not DAY_WORD.fullmatch(word)  # "the sat night": a day


#: Words a title may leave out of the clause it comes from.
_SPARE = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "some", "this",
                    "that", "these", "those"})


#: What a verb of these intents asks for is a change to a task memory holds, never a new one.
_CHANGES = frozenset({"set", "move", "rename", "replace"})
_UNDOING = frozenset({"restore", "rollback", "reset"})
#: Where a change says what it changes to.
_TARGET = re.compile(r"\b(?:to|back|forward|instead|where it was)\b", re.IGNORECASE)
#: Words that name a thing as one already known.
_DEFINITE = frozenset({"the", "it", "that", "this", "them", "those", "these", "my", "our", "his",
                       "her", "their"})
#: "leave her at £30", "leave the tables as they are": keeping what memory holds.
_KEEPING = re.compile(r"^leave\s+(?:the|it|her|him|them|my|our|that|this)\b.*?\s(?:as (?:it|they) "
                      r"(?:is|are|was|were)|where (?:it|they) (?:is|are|was|were)|alone|"
                      r"at\s+(?P<value>.+))$", re.IGNORECASE)


def _split_particle(words: list[str]) -> str | None:
    """The intent of a verb whose particle comes after its object ("put the party back")."""
    head = lemma(words[0])
    for word in words[2:]:
        if (entry := f"{head} {word.lower()}") in verbs():
            return verbs()[entry]
    return None


def asks_change(title: str) -> str | None:
    """The change ``title`` asks for when it opens with a verb of one and says what to change
    to ("put the party back a day", "make it £30", "leave the rota where it was"): written as
    a new task, it would hold the request instead of doing it. None for a title that names a
    thing to do ("update my CV")."""
    words = re.findall(r"[\w'-]+", title)
    if len(words) < 2:
        return None
    if (kept := _KEEPING.match(title.strip(" .,!"))) and (
            kept["value"] is None or typed_phrases(kept["value"])):
        return "keep"
    found = verb_at(words)
    intent = verbs()[found[0]] if found else _split_particle(words)
    if intent is None and words[0].lower() == "make" and words[1].lower() in _DEFINITE:
        intent = "set"  # "make the X £30": a value for a thing named as known
    if intent in _UNDOING:
        return intent
    if intent in _CHANGES and (typed_phrases(title) or _TARGET.search(title)):
        return intent
    return None


def _bare(text: str) -> list[str]:
    """The words of ``text`` less articles, any number as '#' ('twelve' and '12' alike), and
    its commas."""
    words = re.findall(r"[\w'-]+|,", text.lower())
    return ["#" if w in NUMBER_WORDS or w[0].isdigit() else w for w in words if w not in _SPARE]


#: What may lie between the words of a title in its clause: the other items of a list the title
#: takes one of ("stops in A and B" gives "stops in B").
_LISTING = frozenset({",", "and", "or", "&"})


def garbled(title: str, clause: str) -> bool:
    """Whether ``title`` was cut out of ``clause`` with words dropped from its middle ("top
    pick yet" from "top pick as of yet"): past its first word (which may be a verb said once for
    a list, "hire a DJ" from "hire a caterer and a DJ"), its words come in the clause's order,
    with words between them that are no list. A title with words from elsewhere (a task put for
    "it") is not such a cut."""
    first, *rest = [w for w in _bare(title) if w != ","] or [""]
    said = _bare(clause)
    if len(rest) < 2 or first not in said:
        return False
    at, skipped = said.index(first) + 1, []
    for i, word in enumerate(rest):
        if word not in said[at:]:
            return False
        found = said.index(word, at)
        if i:  # between the first word and the rest may stand the list a verb is said once for
            skipped += said[at:found]
        at = found + 1
    return bool(skipped) and not _LISTING & set(skipped)


def _marks(phrase: str) -> list[str]:
    """What identifies a value wherever it is written: its numbers ('1,350' and '1350' alike)
    and its capitalized words, lower-cased, possessives off."""
    words = re.findall(r"[\w'.,:-]+", phrase)
    marks = [re.sub(r"\D", "", w) for w in words if any(c.isdigit() for c in w)]
    marks += [re.sub(r"'s?$", "", w.strip(".,:-")).lower() for w in words
              if w[:1].isupper() and not any(c.isdigit() for c in w)]
    return [m for m in marks if m]


def _told(after: str) -> bool:
    """Whether a name followed by ``after`` says where news came from ("Jo says", "Jo
    checked"): the one who told, not a value."""
    word = re.match(r"\s+([a-z]+)\b", after)
    return word is not None and word[1] in source_forms()


_AFFILIATION = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)


class Held:
    """What a set of texts carries, as ``unaccounted`` compares it: their numbers, digits only,
    and their words, lower-cased, possessives off. Built once for all the clauses of a turn."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.digits: set[str] = set()
        self.words: set[str] = set()
        for text in texts:
            self.digits.update(re.sub(r"\D", "", d) for d in re.findall(r"\d[\d,.:]*", text))
            self.words.update(re.sub(r"'s?$", "", w).lower() for w in re.findall(r"[\w'-]+", text))

    def carries(self, mark: str) -> bool:
        return mark in self.digits or mark in self.words


def unaccounted(clause: str, known: Held) -> list[str]:
    """The values ``clause`` names (times, dates, prices, numbers, names) that appear in none of
    the ``known`` texts (what a reading of it would write, and what memory holds): what that
    reading left out."""
    missing, at, named_end = [], 0, -1
    if (first := re.match(r"\s*([A-Z][\w'-]*)", clause)) and known.carries(_marks(first[1])[0]):
        named_end = first.end()  # a name that opens the clause is read as a name here
    for kind, phrase in typed_phrases(clause):
        start = clause.find(phrase, at)
        at = max(at, start + len(phrase))
        marks = _marks(phrase)
        if not marks or any(map(known.carries, marks)):
            named_end = at if kind == ValueKind.NAME else -1
        elif not (named_end >= 0 and _AFFILIATION.fullmatch(clause[named_end:start])) and not (
                kind == ValueKind.NAME and _told(clause[at:])):
            # "Sam from IT": where Sam is from, when Sam is placed; "Sam checked": who said so
            missing.append(phrase)
    return missing
