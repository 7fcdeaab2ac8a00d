"""General English patterns the rule-based TRIM backend is built from.

Nothing here knows a domain: no cities, ingredients or products. It knows how people phrase
lists, corrections, times and dates, and how to cut a turn into sentences and clauses.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from tme_neo4j.trim.lexicon import can_be_noun, in_dictionary, is_verb, lemma, verb_pattern

__all__ = [
    "DAY_WORD",
    "MARKED_LINE",
    "WEEKDAY_FORMS",
    "ValueKind",
    "clean_phrase",
    "content_words",
    "fold",
    "is_question",
    "listed_inline",
    "mentions",
    "replace_word",
    "retype",
    "sentences",
    "singular",
    "slug",
    "split_clauses",
    "split_list",
    "stem",
    "stems",
    "strip_fillers",
    "topic_request",
    "typed_phrases",
    "unsmiled",
    "value_after",
    "value_kind",
    "value_phrases",
]

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u2013": " - ", "\u2014": " - ", "\u2015": " - ",
    "\u00a0": " ", "\u2026": "...",
})


#: A line that is an item of a list: a bullet ('- ', '* ', a dot) or a number ('2)', '3.').
MARKED_LINE = re.compile(r"^\s*(?:[-*\u2022\u00b7]|\d{1,2}[.)])\s+(?P<item>\S.*?)[\s.;,]*$")
#: A number that marks an item inside a line: '1) ', '2. ', never a decimal ('1.5 kg').
_INLINE_MARK = re.compile(r"(?:^|\s)(?P<n>\d{1,2})[.)]\s+(?=\S)")


def listed_inline(text: str) -> str:
    """``text`` with a list whose items are marked (a bullet or a number on each line, or
    '1) ... 2) ...' after a colon) written as one line of items cut by commas, as a list is
    said: 'Jobs:' then '- A' and '- B' on lines of their own reads 'Jobs: A, B'."""
    lines = text.splitlines()
    for n, line in enumerate(lines[:-2]):  # "Packing list" over two marked lines: its head
        if line.strip() and not MARKED_LINE.match(line) and not re.search(
                r"[.!?:]\s*$", line) and all(MARKED_LINE.match(x) for x in lines[n + 1:n + 3]):
            lines[n] = line.rstrip() + ":"
    out: list[str] = []
    listing = False  # the last line of ``out`` is a head with its items so far
    for line in lines:
        m = MARKED_LINE.match(line)
        if m and out and (listing or out[-1].rstrip().endswith(":")):
            out[-1] = f"{out[-1].rstrip()}{', ' if listing else ' '}{m['item']}"
            listing = True
            continue
        if listing:
            out[-1] += "."  # the list ends its sentence
        out.append(line)
        listing = False
    return re.sub(r":\s*1[.)]\s+[^:]+$", _numbered_items, "\n".join(out), flags=re.M)


def _numbered_items(m: re.Match[str]) -> str:
    """': 1) A 2) B 3) C' as ': A, B, C', when the numbers run one after another."""
    body = m[0][1:]
    marks = list(_INLINE_MARK.finditer(body))
    if len(marks) < 2 or [int(k["n"]) for k in marks] != list(range(1, len(marks) + 1)):
        return m[0]
    ends = [k.start() for k in marks[1:]] + [len(body)]
    items = [body[k.end():end].strip(" ,;") for k, end in zip(marks, ends, strict=True)]
    return ": " + ", ".join(i for i in items if i)


#: ", which is her present so keep it quiet:": an aside on a label, before the colon that
#: opens its list.
_ASIDE_BEFORE_COLON = re.compile(r",\s+(?:which|who)\b[^:.;!?]*(?=:)", re.IGNORECASE)


def without_label_aside(text: str) -> str:
    """``text`` without an aside between a label and the colon of its list ('Recipes for the
    book, which is a surprise: A, B' -> 'Recipes for the book: A, B'). An aside that holds a
    date, time, price or count stays: dropped, it would be lost."""
    return _ASIDE_BEFORE_COLON.sub(lambda m: m[0] if any(
        k != ValueKind.NAME for k, _ in typed_phrases(m[0], sentence=False)) else "", text)


def fold(text: str) -> str:
    """Curly quotes and dashes to ASCII, control characters dropped, white space collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = "".join(c if c.isprintable() else " " for c in text)
    return re.sub(r"\s+", " ", text).strip()


# Words that carry no content for matching a phrase to a task.
_STOP_WORDS = """
a an the my our your his her their its it this that these those to from of in on at for with by
and or but also too just only all any some please can could would you i me we us let let's lets
is are was were be been am do does did have has had will shall should may might must not no
them him
so then now there here what which who whom when where why how currently still ever never yet
into onto out up about as than instead actually again back after before both each every
i'm i've i'll i'd we're we've we'll we'd you're it's that's there's
"""
STOP = frozenset(_STOP_WORDS.split())

_FILLERS = re.compile(
    r"^(?:(?:actually|sorry|wait|also|ok(?:ay)?|so|well|hmm+|oh|please|now|then|and|but|ugh|argh|"
    r"oops|whoops|nah|uh|um|ah|turns out(?: that)?|it turns out(?: that)?|"
    r"obviously|honestly|basically|frankly|of course|tbh|ngl|apparently|"
    r"as far as (?:i|we) (?:can tell|know|can see)|from what (?:i|we) (?:can tell|can see|gather)|"
    r"(?:good|great|bad|some) news|(?:my|our) (?:mistake|bad|fault)|"
    r"let'?s all|by the way|on second thought|in that case|hey|great|"
    # "never mind, ..." takes nothing away; "never mind the van" drops the van
    r"never ?mind(?:\s+(?:that|it|this|then|me))?(?=\s*[,!.:;-]|\s*$)|"
    r"while (?:we're|we are|i'm|i am|you're|you are) (?:at it|on it)|"
    r"(?:yes|no|nope|yep|yeah|right)(?=\s*[,!:-])|(?:no\s+)?(?:hang|hold)\s+on|no(?=\s+wait\b)|"
    r"(?:(?:i|we|he|she|they)(?:'ve|'s|\s+have|\s+has)\s+)?changed\s+(?:my|our|his|her|their)\s+"
    r"minds?(?:\s+again)?(?=\s*[,:-])|"
    # an exclamation before a clause: "man, ...", "ha, ...", "lol this is ..."
    r"(?:ha(?:ha)*|lol|lmao|man|wow|argh+|phew|gosh|blimey|oops)(?=\s*[,!.]|\s+(?:my|i|i'm|"
    r"i've|this|that|it|it's|what|so|there's|there)\b)|"
    r"let'?s|lets|just|kindly|can you|could you|would you|will you|i'?d like you to)"
    r"\b[\s,!:-]*)+",
    re.IGNORECASE,
)


def strip_fillers(clause: str) -> str:
    """Drop leading discourse markers and politeness: 'Actually, please keep X' -> 'keep X'."""
    return _FILLERS.sub("", clause).strip(" ,")


def sentences(text: str) -> list[str]:
    """Split on sentence punctuation, keeping the mark (a '?' matters). A point inside a word
    ('version 2.4', '1.5 kg', 'notes.txt', a dotted task key) ends nothing."""
    parts = re.findall(rf"(?:[^.!?{_EMOJI}]|(?<=\w)\.(?=\w)|(?<=\b(?:Dr|Mr|Ms|St|Jr|Sr|vs))\.|"
                       rf"(?<=\bMrs)\.)+(?:[.!?{_EMOJI}\s]*[.!?{_EMOJI}]|$)", text)
    parts = [re.sub(rf"\s*[{_EMOJI}\ufe0f]+", "", p).strip() for p in parts]
    return [p for p in parts if p.strip(" .!?")]


#: A face in punctuation (':(', ';-)') between two clauses links them as a dash does.
_EMOTICON = re.compile(r"\s+[:;=]-?[()\[\]DPp/|]+(?=\s|$)")


def unsmiled(text: str) -> str:
    """``text`` with each face in punctuation made a dash between clauses, or dropped at the
    end ('the kettle died :( need a new one' -> 'the kettle died - need a new one')."""
    return _EMOTICON.sub(" -", text).rstrip(" -")


#: Contractions typed without their apostrophe that are no other word ("im", "thats").
_BARE_CONTRACTIONS = {
    "im": "i'm", "ive": "i've", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't",
    "hasnt": "hasn't", "havent": "haven't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "thats": "that's", "whats": "what's", "theyre": "they're",
    "youre": "you're", "theres": "there's", "cant": "can't",
}
_BARE_CONTRACTION = re.compile(rf"\b(?:{'|'.join(_BARE_CONTRACTIONS)})\b", re.IGNORECASE)


def apostrophised(text: str) -> str:
    """``text`` with the apostrophe back in contractions typed without it ('im going' ->
    "i'm going"), the first letter's case kept."""
    def restored(m: re.Match[str]) -> str:
        full = _BARE_CONTRACTIONS[m[0].lower()]
        return full[:1].upper() + full[1:] if m[0][:1].isupper() else full
    return _BARE_CONTRACTION.sub(restored, text)


#: Pictographs end a sentence as a full stop does ("the flu 😩 put the cake back").
_EMOJI = "\u2600-\u27bf\U0001f300-\U0001faff"


#: Where a sentence breaks into clauses: a semicolon, 'then', 'so', 'but', 'because', 'since'
#: before a subject, and an 'and' that coordinates a second verb phrase ('add A and take out
#: B') or a new subject.
_CHANGE_VERBS = verb_pattern("add", "set", "move", "rename", "replace", "cancel", "restore",
                             "rollback", "reset", "split", "merge", "done")
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s-\s+(?:and\s+)?(?=(?:and|the|my|our|i|we|they|he|she|it)\b)|"
    r"(?<!\d)\s-\s+(?!\d)(?=[^,]*$)|"
    # "the gazebo - scrap it, ...": a removal after a dash is a clause of its own
    rf"\s-\s+(?={verb_pattern('cancel')}\b)|"
    r",\s*and then\b|,\s*then\b|,\s*(?:and\s+)?so\b|,\s*but\b|,?\s*\bbecause\b|"
    r"\s+so\s+(?=(?:the|back|that's|that\s+(?:is|was|makes))\b)|"
    # "the lease ends in May so we need to ...": what must be done, for the reason before it
    r"\s+so\s+(?=(?:i|we)(?:'ll|'ve|\s+will|\s+also|\s+still)?\s+(?:need|have|must|should|"
    r"got|want)\b)|"
    # "the meeting is on the 20th so I'll chair it": what follows, a clause of its own
    r"\s+so\s+(?=(?:i|we|you|they|he|she)(?:'ll|'d|\s+will|\s+can|\s+could|\s+should|"
    r"\s+must)\s+[a-z])|"
    r",?\s*\bsince\b(?=\s+(?:i|we|you|they|he|she|it)\b)|,\s*since\b(?=\s+(?:the|my|our)\s)|"
    # "the fair is on the 3rd and they need helpers": a second statement, a subject of its own
    r"\s+and\s+(?=(?:they|we|he|she)\s+(?:need|needs|want|wants|have|has|are|will|can't|won't)\b)|"
    r"\s+so\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+from\s+[\w'-]+)?\s+(?:will|'ll|is going to)\s)|"
    rf",?\s*\band\b(?=\s+(?:please\s+)?(?:{_CHANGE_VERBS}|keep|put|make|use|book|schedule|mark)\b)|"
    # "..., and take Branch Out off": a removal with its particle after the thing
    r",?\s*\band\b(?=\s+(?:take|knock|cross|strike)\s+(?:[\w'&-]+\s+){1,3}off\b)|"
    r",\s*(?:and\s+)?(?=(?:i|we|you|they|he|she|it)(?:'\w+)?\s)|"
    rf",\s*(?=(?:please\s+)?(?:{_CHANGE_VERBS}|mark|put|make|give|bring|tick|cross|scratch|"
    r"get)\b)|"
    # "move it to 4, no wait, leave it at 3": the change taken back is a clause of its own
    r",\s*(?:(?:no|nah|wait|sorry|actually|hmm+)[\s,]+)+(?=(?:leave|keep)\s)|"
    r",\s*(?:and\s+)?(?=(?:the\s+|my\s+|our\s+|her\s+|his\s+|their\s+)?(?:[\w-]+\s+one|[\w-]+)"
    r"(?:'s|'re)\s)|,\s*and\s+(?=(?:the|my|our)\s+[\w-]+\s+[\w-]+(?:'s|'re)\s)|"
    r",\s*(?:and\s+)?(?=(?:(?:the|my|our|her|his|their)\s+)?(?:(?!(?:and|or)\b)[\w$-]+\s+){0,2}?"
    r"(?:is|are|was|has|have|"
    rf"were|says|said|needs?|{verb_pattern('depend')}|got|wants?|thinks?|[a-z]+ed|can't|cannot|"
    r"did|made|brought|took|went|had|gave|sent|"
    r"won't|must)\b))\s*",
    re.IGNORECASE)
_GOAL_START = re.compile(r"^\s*(?:in order )?to\s+[^,]+,", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_HIDDEN_COMMA = "\u2063"  # an invisible separator: no pattern splits on it
_RANGE_AND = re.compile(r"\b(between\s+\S+(?:\s+\S+)?\s+)and\b", re.IGNORECASE)
_HIDDEN_AND = "\u2064"  # an invisible sign: the 'and' of a range while a list is split


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses that may each carry an intent. A goal with its steps
    ('To X, do A, then B') stays whole: its 'then' orders steps, it starts nothing new."""
    if _GOAL_START.match(sentence) or topic_request(sentence):
        return [sentence.strip(" ,")] if sentence.strip(" ,.") else []
    # a comma that groups thousands ('2,000') breaks no clause: hidden while splitting
    sentence = _THOUSANDS.sub(_HIDDEN_COMMA, sentence)
    parts = [q for p in _CLAUSE_BREAK.split(sentence) if p for q in _named_subjects(p)]
    parts = [p.strip(" ,").replace(_HIDDEN_COMMA, ",") for p in parts if p and p.strip(" ,.")]
    if len(parts) > 1 and _FOR_LEAD.match(parts[0]):  # "For the trip, we'll ...": one clause
        parts[:2] = [f"{parts[0]}, {parts[1]}"]
    while len(parts) > 1 and ":" in parts[-2] and _last_item(parts[-1]):
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]  # "steps: A, B, and then C": C is an item
    return parts


def _last_item(part: str) -> bool:
    """Whether ``part``, cut from a list after a colon at its 'and then', is one more item: a
    short phrase with no verb of its own first."""
    words = part.strip(" .!").split()
    return 1 <= len(words) <= 4 and not is_verb(words[0]) and words[0].lower() not in STOP


#: "the lanterns - hang them by the gate": a thing named, a dash, then a request about it.
_TOPIC_DASH = re.compile(r"^\s*(?P<topic>(?:(?:the|my|our)\s+)?[a-z][\w'-]*"
                         r"(?:\s+[a-z][\w'-]*){0,2})\s+-\s+(?P<verb>[a-z]+)\s+\S", re.IGNORECASE)


def topic_request(sentence: str) -> bool:
    """Whether ``sentence`` names a thing, then after a dash asks for something about it
    ('the lanterns - hang them higher'): one clause, the request's pronoun is the thing. A
    removal after the dash ('the gazebo - scrap it') stays a clause of its own."""
    m = _TOPIC_DASH.match(sentence)
    if m is None or re.match(verb_pattern("cancel"), sentence[m.start("verb"):], re.IGNORECASE):
        return False
    words = m["topic"].lower().split()
    if len(words) > 1 and words[1] in ("the", "a", "an", "my", "our", "some"):
        return False  # "book the hall - ...": a request first, no thing named
    if any(is_verb(w) and lemma(w) != w and not can_be_noun(w) for w in words[1:]):
        return False  # "the car broke down - ...": a statement first
    return is_verb(m["verb"]) and lemma(m["verb"]) == m["verb"].lower() and re.search(
        r"\b(?:it|them|one|ones)\b", sentence[m.end("verb"):], re.IGNORECASE) is not None


#: "For the trip": a leading phrase naming what the rest of the sentence is for.
_FOR_LEAD = re.compile(r"^for\s+(?:the|my|our|this|that)\s+[\w' -]{1,40}$", re.IGNORECASE)


#: ", and Aunt Mia bakes the pies": a comma before a capitalised name and a verb form.
_NAMED_SUBJECT = re.compile(r",\s*(?:and\s+)?(?=(?:[A-Z][\w'-]*\s+){1,2}(?P<verb>[a-z]+s)\s+\S)")
#: ", Ana will chair it", ", the Mill doesn't sell them": a name and an auxiliary start a clause.
_NAMED_AUXILIARY = re.compile(
    r",\s*(?:and\s+)?(?=(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+(?:will|won't|can't|cannot|"
    r"doesn't|didn't|isn't|wasn't|has|had|can|could|would|should|is going to)\s+[a-z])")


#: "... ends on the 3rd and my boiler's been broken for weeks": the speaker's thing and what has
#: happened to it, a statement of its own after 'and'.
_MY_THING_DONE = re.compile(r"\s+and\s+(?=(?:my|our)\s+[a-z][\w-]*(?:'s|\s+has|\s+is)\s+"
                            r"(?:been\s+|just\s+)?[a-z]+(?:ed|en)\b)", re.IGNORECASE)
#: "..., three of ours have pulled out": how many of some people did something, after a comma.
_SOME_OF_THEM = re.compile(r",\s*(?:and\s+)?(?=(?:\w+|a\s+couple|a\s+few)\s+of\s+(?:theirs|ours|"
                           r"them|us|those|the\s+\w+)\s+(?:have|has|had|are|were|can't|won't)\s+"
                           r"[a-z])", re.IGNORECASE)
#: "..., the hall's ours from 7": after a statement, a subject with a contracted copula and
#: at least two words after it starts a clause of its own.
_STATED_AFTER = re.compile(r",\s*(?:and\s+)?(?!(?:[a-z]+\s+)?(?:it|that|this|he|she|there|what|"
                           r"here|who)'s\b)(?=(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*'s\s+"
                           r"[\w£$€]+\s+\S)", re.IGNORECASE)
#: "... this morning so the prizes are sorted": 'so' before a subject and its copula starts
#: a clause of its own, with no comma.
_SO_STATED = re.compile(r"\s+(?=so\s+(?!(?:far|much|many|long|soon)\b)(?:the\s+|my\s+|our\s+)?"
                        r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
                        r"(?:'s|'re|\s+(?:is|are|was|were))\s+\w)", re.IGNORECASE)
#: "... is at noon and the lift share depends on that": an order told after a statement, no
#: comma.
_DEPENDS_AFTER = re.compile(rf"\s+and\s+(?=(?:the|my|our)\s+(?:[\w-]+\s+){{0,3}}?"
                            rf"{verb_pattern('depend')}\b)", re.IGNORECASE)
#: ", order the chain": a comma before a verb in its base form and a determiner.
_REQUEST_AFTER = re.compile(
    r",\s*(?:and\s+)?(?=(?P<verb>[a-z]+)\s+(?:the|a|an|my|our|some|it|them|him|her)\b)")
#: A statement before the comma: a copula, or a verb with a negation ("can't make it").
_COPULA = re.compile(r"\b(?:is|are|was|were|can't|cannot|won't|isn't|aren't|doesn't|don't|"
                     r"didn't|went|[a-z]{3,}ed)\b|\w's\b", re.IGNORECASE)


def _named_subjects(part: str) -> list[str]:
    """Cut ``part`` where a named person or thing starts a clause of its own with a verb, and,
    after a statement ('the shop is out of stock'), where a request starts ('order ...')."""
    cuts = [m for m in _NAMED_SUBJECT.finditer(part)
            if is_verb(m["verb"]) and lemma(m["verb"]) != m["verb"]]  # inflected: 'bakes'
    cuts += list(_NAMED_AUXILIARY.finditer(part))
    cuts += list(_SOME_OF_THEM.finditer(part))
    cuts += list(_MY_THING_DONE.finditer(part))
    cuts += [m for m in _STATED_AFTER.finditer(part) if _COPULA.search(part[:m.start()])]
    cuts += list(_SO_STATED.finditer(part))
    cuts += [m for m in _DEPENDS_AFTER.finditer(part) if _COPULA.search(part[:m.start()])]
    cuts += [m for m in _REQUEST_AFTER.finditer(part)
             if is_verb(m["verb"]) and lemma(m["verb"]) == m["verb"]
             and _COPULA.search(part[:m.start()])]
    out: list[str] = []
    start = 0
    for m in sorted(cuts, key=lambda m: m.start()):
        if m.start() >= start:
            out.append(part[start:m.start()])
            start = m.end()
    out.append(part[start:])
    return out


_QUESTION_START = re.compile(
    # "what a week", "how lovely": an exclamation, no question
    r"^(?!(?:what\s+an?|how)\s+(?!many\b|much\b|long\b|far\b|often\b|old\b|soon\b|late\b|"
    r"early\b|big\b)[a-z]+(?:\s+[a-z]+)?[.!]*$)"
    r"(?:what|what's|whats|which|who|whom|whose|when|where|why|how|is|are|was|wasn't|were|"
    r"weren't|isn't|aren't|did|didn't|do|don't|does|doesn't|have|haven't|has|hasn't|had|"
    r"am|will|won't|would|wouldn't|should|shall|could|can)\b",
    re.IGNORECASE,
)
_READ_REQUEST = re.compile(
    rf"^(?:(?:can|could|would|will) you\s+)?(?:please\s+)?(?:{verb_pattern('check')}|check|"
    r"generate|read)\b",
    re.IGNORECASE,
)

#: "a quick recap please", "the rundown on the venue", "gimme the full picture": a request to be
#: told, said by its noun.
TELLING_ASKED = re.compile(
    r"^(?:(?:gimme|give\s+(?:me|us)|get\s+me|send\s+me|let\s+(?:me|us)\s+(?:have|see)|"
    r"can\s+(?:i|we)\s+(?:have|get|see)|i(?:'d)?\s+(?:like|need|want))\s+)?"
    r"(?:(?:a|the|my|our|quick|brief|short|full|little|fast|final|whole|big)\s+)*"
    r"(?:rundown|run-down|recap|summary|overview|round-?up|low-?down|run-?through|reminder|"
    r"picture|breakdown|state\s+of\s+play|status\s+update|update)"
    # how it is to be told may follow: "please, in order", "by date", "so far"
    r"(?:\s+(?:of|on)\s+[^:]+?)?(?:,?\s+(?:please|pls|plz|so far|in\s+(?:\w+\s+)?order|"
    r"by\s+(?:date|day|time|person|name|price)))*[.!?]*$", re.IGNORECASE)


def is_question(clause: str) -> bool:
    """A question about the state, or a request to read it back."""
    c = clause.strip()
    return c.endswith("?") or bool(_QUESTION_START.match(c)) or bool(
        _READ_REQUEST.match(c)) or bool(TELLING_ASKED.match(c))


def split_list(text: str) -> list[str]:
    """Split 'a, b, and c' (or 'a + b') into items, leaving parentheses whole."""
    items, depth, current = [], 0, ""
    # a comma between digits groups thousands ('2,000'), and the 'and' of a range ('between 9
    # and 1') joins its two ends: neither separates items
    text = _RANGE_AND.sub(lambda m: m[1] + _HIDDEN_AND, text)
    tokens = re.split(r"(\(|\)|(?<!\d),|,(?!\d{3}(?!\d))|\band\b|&(?=\s)|(?<=\s)\+(?=\s))",
                      text)
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        if depth == 0 and tok in (",", "and", "+"):
            items.append(current)
            current = ""
        else:
            current += tok
    items.append(current)
    kept: list[str] = []
    for item in items:
        m = _SELF_CORRECTION.match(item)
        if m is not None:
            kept = kept[:-1]  # "a tombola, no wait, a raffle": the raffle in its place
        kept.append(item[m.end():] if m else item)
    # "..., and then C", "..., finally D": words of order before the last items
    kept = [re.sub(r"^\s*(?:then|finally|lastly)\s+", "", i, flags=re.IGNORECASE) for i in kept]
    return [clean_phrase(i.replace(_HIDDEN_AND, "and")) for i in kept if clean_phrase(i)]


#: What opens an item said in place of the one before it: "no wait", "sorry", "I mean".
_SELF_CORRECTION = re.compile(r"^\s*(?:(?:no|nah|oops|oh)[\s,]+)*(?:wait|sorry|i mean|i meant|"
                              r"rather|make that)\b[\s,]*|^\s*(?:no|nah)\s*,?\s*$",
                              re.IGNORECASE)


_ARTICLE = re.compile(r"^(?:the|a|an|my|our|your|her|his|their|some|any|one|just|only)\s+",
                      re.IGNORECASE)


def clean_phrase(text: str) -> str:
    """Trim punctuation, leading articles and a trailing 'instead' / 'after all'."""
    text = text.strip(" ,.;:!?-\"'")
    text = re.sub(r"\s+(?:instead|after all|as well|too|again|please|at all|then)$", "", text,
                  flags=re.IGNORECASE)
    while (stripped := _ARTICLE.sub("", text)) != text:
        text = stripped
    return text.strip(" ,.;:!?-\"'")


def singular(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("oes", "ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_VERB_PARTICLE = re.compile(r"([a-z]{3,}?)(?:up|out|off|over|down)s?")


def stem(word: str) -> str:
    """The lemma, so 'painting', 'painted' and 'paint' (or 'mowing' and 'mow') meet; a word
    the lemmatizer does not know gets a rough suffix stem. Only for comparing; never shown."""
    if (joined := _VERB_PARTICLE.fullmatch(word.lower())) and is_verb(joined[1]):
        return lemma(joined[1])  # "the pickup", "the setup": the verb of "pick up", "set up"
    noun = singular(word)
    if len(noun) >= 7 and noun.endswith("ist") and (
            base := next((b for b in (noun[:-3] + "o", noun[:-3]) if in_dictionary(b)), None)):
        return lemma(base)  # "the pianist", "a cellist": who plays the piano, the cello
    if len(noun) >= 7 and noun.endswith("al") and (
            verb := next((v for v in (noun[:-2] + "e", noun[:-2]) if is_verb(v)), None)):
        return lemma(verb)  # "the rehearsals", "the approval": what "rehearse", "approve" do
    if len(noun) >= 7 and noun.endswith("ment") and is_verb(noun[:-4]):
        return lemma(noun[:-4])  # "the payment", "the shipment": what "pay", "ship" do
    if in_dictionary(word):
        return lemma(word)
    w = singular(word)
    for suffix in ("ing", "ed"):
        base = w[: -len(suffix)]
        if w.endswith(suffix) and len(w) >= len(suffix) + 3 and re.search(r"[aeiouy]", base):
            w = base
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
                w = w[:-1]  # 'tagging' -> 'tag', 'planned' -> 'plan'
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    """The stems of a text's content words: what matching a phrase to a task compares."""
    return [stem(w) for w in content_words(text)]


def content_words(text: str) -> list[str]:
    """Lowercase, singular content words: what two phrases must share to be about one thing."""
    words = re.findall(r"[^\W_]+(?:[:'][^\W_]+)*", text.lower())
    # "the car's parked": the thing is the car; a possessive or a contracted 'is' is no part
    words = [w[:-2] if w.endswith("'s") and w not in STOP else w for w in words]
    return [singular(w) for w in words if w not in STOP and len(w) > 1]


def slug(text: str, max_words: int = 4) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP]
    return "-".join(words[:max_words])[:60].strip("-") or "task"


def mentions(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, singular or plural."""
    return _word_pattern(needle).search(haystack) is not None


def replace_word(text: str, old: str, new: str) -> str:
    """Replace whole-word occurrences of ``old`` (singular or plural) with ``new``. When ``new``
    ends with the word that follows ``old`` ('sourdough bread', old 'sourdough', new 'rye bread'),
    that word is taken in, not doubled."""
    words = new.split()
    if len(words) > 1:
        tail = re.escape(singular(words[-1]))
        pattern = re.compile(rf"{_word_pattern(old).pattern}\s+{tail}(?:s|es)?\b", re.IGNORECASE)
        text = pattern.sub(lambda _: new, text)
    text = _word_pattern(old).sub(lambda _: new, text)
    if re.match(r"[^\W\d_]", new):  # 'an SUV' -> 'a sedan', 'a car' -> 'an estate car'
        article = "an" if new[0].lower() in "aeiou" else "a"
        text = re.sub(rf"\b(an?)(\s+){re.escape(new)}",
                      lambda m: (article.capitalize() if m[1][0].isupper() else article)
                      + m[2] + new, text, flags=re.IGNORECASE)
    return text


def _word_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(singular(w)) for w in phrase.split()]
    body = r"(?:s|es)?\s+".join(words)  # each word singular or plural: 'remains of the day'
    return re.compile(rf"(?<![\w$£€]){body}(?:s|es)?(?!\w)", re.IGNORECASE)


class ValueKind(StrEnum):
    TIME = "time"
    DATE = "date"
    PRICE = "price"
    COUNT = "count"
    NAME = "name"  # a capitalized proper name
    OTHER = "other"


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
#: The ways a weekday is written, by its first three letters: one list for every reader of days.
WEEKDAY_FORMS = {"mon": "monday|mon", "tue": "tuesday|tues|tue", "wed": "wednesday|weds|wed",
                 "thu": "thursday|thurs|thur|thu", "fri": "friday|fri",
                 "sat": "saturday|sat", "sun": "sunday|sun"}
#: A weekday in any of its forms, one or many ('thurs', 'Wednesdays').
DAY_WORD = re.compile(rf"(?:{'|'.join(WEEKDAY_FORMS.values())})s?\.?", re.IGNORECASE)
#: The short forms that are words of their own as well ('sat down', 'sun cream', 'mon'), read
#: as a day only before the number of one; the others are a day wherever they stand.
_WORDLIKE_DAYS = ("mon", "wed", "sat", "sun")
_SHORT_DAY_FORMS = [f for forms in WEEKDAY_FORMS.values() for f in forms.split("|")[1:]]
_LONE_SHORT_DAYS = "|".join(f for f in _SHORT_DAY_FORMS if f not in _WORDLIKE_DAYS)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight"
#: An hour said in words: 'half seven', 'quarter past 6', 'ten o'clock'.
_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
TIME_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\bnoon\b"
                     r"|\bmidnight\b|(?<!\bin\s)\b(?:half|quarter)\s+(?:past\s+|to\s+)?"
                     rf"{_HOUR}\b(?!\s+[a-z]+s\b)"
                     rf"|\b{_HOUR}\s+o'?clock\b", re.IGNORECASE)
#: A weekday cut short is part of the date after it ('wed 3 june', 'tue the 4th'); alone
#: it is as often a word of its own ('sat down', 'sun cream').
_SHORT_DAYS = (rf"(?:{'|'.join(_SHORT_DAY_FORMS)})\.?\s+(?:the\s+)?\d{{1,2}}"
               rf"(?:(?:st|nd|rd|th)\b(?:\s+(?:of\s+)?(?:{_MONTHS})\b)?|\s+(?:of\s+)?(?:{_MONTHS}))")
#: "Saturday morning": a day and the part of it, one when.
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|lunchtime))?"
#: "the 25th anniversary", "her 30th", "the 3rd floor": an ordinal that counts, no day.
_NO_DAY_AFTER = (r"(?!\s+(?:anniversary|birthday|year|floor|place|time|edition|century|wedding|"
                 r"row|round|lap|attempt|go))")
#: "a 3/4 size guitar", "1/2 price": a fraction before what it measures, no day.
_NO_FRACTION_AFTER = (r"(?!\s+(?:size[ds]?|inch(?:es)?|length|sleeves?|scale|miles?|cups?|"
                      r"pints?|price|full|of)\b)")
#: "next Saturday", "this Friday": which week's day.
_WHICH_WEEK = r"(?:(?:next|this(?:\s+coming)?|coming)\s+)?"
DATE_RE = re.compile(rf"\b(?:{_SHORT_DAYS}|"
                     rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?"
                     rf"\s+(?:of\s+)?(?:{_MONTHS})|{_WHICH_WEEK}(?:{_DAYS})s?{_PART_OF_DAY}|"
                     rf"(?:{_LONE_SHORT_DAYS})s?|"
                     rf"\d{{4}}-\d{{2}}-\d{{2}}|"
                     rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?{_NO_FRACTION_AFTER}|"
                     rf"\d{{1,2}}(?:st|nd|rd|th)\b{_NO_DAY_AFTER})\b",
                     re.IGNORECASE)
#: A price: a currency sign or word with a number ('$180', '£95', '40 euros').
PRICE_RE = re.compile(r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?k?\b|\b\d[\d,]*(?:\.\d+)?\s?"
                      r"(?:dollars|euros|pounds|bucks|usd|eur|gbp)\b", re.IGNORECASE)
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                 "fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozen|a couple of|a few")
#: The number words of one word ('twelve', 'dozen').
NUMBER_WORDS = frozenset(w for w in _NUMBER_WORDS.split("|") if " " not in w)
#: 'this one', 'the new one': a pronoun, no count.
_ONE_PRONOUN = "".join(rf"(?<=\b{w}\s)|" for w in ("this", "that", "the", "which", "each", "every",
                                                   "any", "other", "new", "old")).rstrip("|")
#: A quantity: a number with its unit if one follows ('3 tons', '150 seats', '5k', 'three'),
#: or a short unit written on to it ('100g', '8ft', '2kg'; not '3rd' or '6pm'). A word that
#: joins or points ('37 after the flyer', '7 not 8', '2 this week', "3 wasn't") is no unit.
COUNT_RE = re.compile(rf"\b\d+(?:\.\d+)?(?!(?:st|nd|rd|th|am|pm)\b)(?:k|[a-z]{{1,3}})\b|"
                      rf"\b(?!(?:{_ONE_PRONOUN})one\b)(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})\b"
                      r"(?:\s+(?!(?:am|pm|of|and|or|to|the|a|an|at|on|in|for|with|from|by|each|"
                      r"per|more|less|extra|now|then|instead|please|total|altogether|is|are|"
                      r"was|were|not|no|so|if|as|than|but|because|cos|since|after|before|"
                      r"until|till|when|while|this|that|these|those|last|next|again|already|"
                      rf"still|just|actually|all|i|{_MONTHS})\b)(?![a-z]+')[a-z]+)?",
                      re.IGNORECASE)
_NAME_RE = re.compile(r"\b[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|\d+\w*))*")


#: A value said then corrected in the same breath: "at 12, no, 1pm", "£40 - sorry, £45",
#: "Tuesday, I mean Wednesday". The value is a time, date, price or bare number; what follows
#: the correction must be a value too, or nothing is dropped.
_SAID_VALUE = (rf"(?:{PRICE_RE.pattern}|{TIME_RE.pattern}|{DATE_RE.pattern}|"
               rf"\b\d[\d,.:]*\b)")
_CORRECTED_VALUE = re.compile(
    rf"(?:the\s+)?(?:{_SAID_VALUE})(?:\s*,\s*|\s+-+\s+|\s*\.\.\.\s*|\s+)"
    rf"(?:(?:no|nah|oops|sorry|wait)\b[\s,.-]*)+(?:(?:i mean|make that|or rather)\b[\s,]*)?"
    rf"(?=(?:the\s+)?(?:{_SAID_VALUE}))"
    rf"|(?:the\s+)?(?:{_SAID_VALUE})\s*,?\s*(?:i mean|or rather)\s+"
    rf"(?=(?:the\s+)?(?:{_SAID_VALUE}))",
    re.IGNORECASE)


#: ", no,", "actually, no wait,": the speaker takes back the value just said.
_TAKING_BACK = re.compile(r"(?:\s+actually)?\s*,\s*(?:(?:oh|hmm|actually)[\s,]+)?(?:no|nah)\b"
                          r"(?:[\s,]+wait\b)?\s*,?\s*", re.IGNORECASE)
#: How far a value may stand from the words that take it back, and the value meant after them.
_UNIT_WORDS, _ASIDE_WORDS = 3, 10
_CORRECTABLE = frozenset({ValueKind.TIME, ValueKind.DATE, ValueKind.PRICE, ValueKind.COUNT})


#: "to the 9th since the 8th is a holiday... no, the 10th": a reason for a value, then
#: the value taken back; the value meant follows.
_REASON_TAKEN_BACK = re.compile(
    r"\s+(?:because|since|cos|'cause|as)\s+[^.!?]*?(?:\.\.\.|,|\s-+)\s*"
    r"(?:(?:no|nah|wait|sorry|actually|oh)\b[\s,.-]*)+", re.IGNORECASE)


def _corrected_past_reason(sentence: str) -> str | None:
    """The value said before a reason, when the value after the reason takes it back: the
    value meant in its place and the reason left out. When the reason ends on a value of the
    same form as the one meant ("Friday since Ann's away Saturday, no wait, Sunday"), that is
    the value taken back, and this reads nothing. None when there is no such correction."""
    spans = _typed_spans(sentence)
    for m in _REASON_TAKEN_BACK.finditer(sentence):
        after = [s for s in spans if s[0] >= m.end()]
        if not after or not re.fullmatch(r"(?:the\s+)?", sentence[m.end():after[0][0]], re.I):
            continue
        start2, end2, kind = after[0]
        meant = _form(sentence[start2:end2])
        inside = [s for s in spans if m.start() <= s[0] and s[1] <= m.end() and s[2] == kind]
        before = [s for s in spans if s[1] <= m.start() and s[2] == kind]
        if kind not in _CORRECTABLE or not before or (
                inside and _form(sentence[inside[-1][0]:inside[-1][1]]) == meant):
            continue
        start, end, _ = before[-1]
        return sentence[:start] + sentence[start2:end2] + sentence[end:m.start()] + sentence[end2:]
    return None


def _form(value: str) -> str:
    """How a value is written, finer than its kind: a weekday, a day of the month, a clock
    time, a price, a number."""
    if DAY_WORD.search(value) and not re.search(r"\d", value):
        return "weekday"
    if re.search(r"\d(?:st|nd|rd|th)\b", value, re.IGNORECASE):
        return "day of month"
    return value_kind(value).value


def corrected_values(sentence: str) -> str:
    """``sentence`` with each value the speaker corrected at once left out: "move it to 12, no,
    1, sorry, 1pm" reads "move it to 1pm", and "£4 a go, no, let's be kind, £2" reads
    "£2 a go"; "to the 3rd because X is on the 2nd, no wait, the 4th" reads "to the 4th"."""
    if (corrected := _corrected_past_reason(sentence)) is not None:
        sentence = corrected
    while (m := _CORRECTED_VALUE.search(sentence)) is not None:
        sentence = sentence[:m.start()] + sentence[m.end():]
    while (corrected := _corrected_after_aside(sentence)) is not None:
        sentence = corrected
    return sentence


def _corrected_after_aside(sentence: str) -> str | None:
    """The first value taken back with words said between it and the value meant ("on the
    3rd, no wait, they're away then, the 4th"): the value meant in its place, the aside left
    out. None when there is none: the value meant must be of the same kind, the first value
    after the taking back, in the same sentence."""
    spans = _typed_spans(sentence)
    for m in _TAKING_BACK.finditer(sentence):
        before = [s for s in spans if s[1] <= m.start()]
        after = [s for s in spans if s[0] >= m.end()]
        if not before or not after or before[-1][2] not in _CORRECTABLE:
            continue
        (start, end, kind), (start2, end2, kind2) = before[-1], after[0]
        unit, aside = sentence[end:m.start()], sentence[m.end():start2]  # "£3 a head, no, ..."
        if kind2 != kind or re.search(r"[,.;:!?]", unit) or re.search(r"[.;!?]", aside) or (
                len(unit.split()) > _UNIT_WORDS or len(aside.split()) > _ASIDE_WORDS):
            continue
        meant = sentence[start2:end2]
        if kind == ValueKind.COUNT and not _unit(meant) and _unit(sentence[start:end]):
            # "6 tables, no, 8": 8 tables
            end = start + len(sentence[start:end].split(maxsplit=1)[0])
        return sentence[:start] + meant + sentence[end:m.start()] + sentence[end2:]
    return None


def value_kind(value: str) -> ValueKind:
    if TIME_RE.search(value):
        return ValueKind.TIME
    if DATE_RE.search(value):
        return ValueKind.DATE
    if _NAME_RE.search(value):
        return ValueKind.NAME
    return ValueKind.OTHER


def typed_phrases(text: str, *, sentence: bool = True) -> list[tuple[ValueKind, str]]:
    """Times, dates, prices, quantities and names in ``text``, in order, each with its kind:
    the values a change names. When ``text`` is not a sentence (the tail of one), a capital
    at its start is a name too."""
    return [(kind, text[start:end].strip(" .,"))
            for start, end, kind in _typed_spans(text, sentence=sentence)]


def _typed_spans(text: str, *, sentence: bool = True) -> list[tuple[int, int, ValueKind]]:
    """Where ``typed_phrases`` finds its values: (start, end, kind), in order."""
    found: list[tuple[int, int, ValueKind]] = []
    taken: list[range] = []
    patterns = ((ValueKind.TIME, TIME_RE), (ValueKind.DATE, DATE_RE), (ValueKind.PRICE, PRICE_RE),
                (ValueKind.COUNT, COUNT_RE), (ValueKind.NAME, _NAME_RE))
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            span = range(m.start(), m.end())
            if any(set(span) & set(t) for t in taken):
                continue
            phrase = m.group().strip(" .,")
            if kind == ValueKind.NAME and (
                    (sentence and m.start() == 0)
                    or (sentence and text[: m.start()].rstrip()[-1:] in tuple(".!?:"))
                    or phrase.lower() in STOP or phrase.lower() in ("i", "i'm", "i'll")):
                continue
            taken.append(span)
            at = m.start() + m.group().index(phrase)
            found.append((at, at + len(phrase), kind))
    return sorted(found)


def retype(current: str, kind: ValueKind, new: str, *, after: str | None = None) -> str | None:
    """``current`` with its phrase of ``kind`` (a run of them: 'Mondays and Thursdays') put
    in ``new``'s place; None when it has none. With ``after``, the phrase that follows those
    words in ``current`` ('judging' in 'setup on the 3rd, judging on the 5th'), if any."""
    if kind not in _KIND_RE:
        return None
    spans = list(_KIND_RE[kind].finditer(current))
    if kind == ValueKind.NAME:
        spans = [m for m in spans if m.group().lower() not in STOP]
    if kind in (ValueKind.COUNT, ValueKind.NAME):
        # A number or a capitalised word inside a price, time or date ('2 March') is part
        # of that value, not a count or a name; nor is the end of a range ('June 11-13').
        inside = [range(m.start(), m.end()) for k in (ValueKind.PRICE, ValueKind.TIME,
                                                       ValueKind.DATE)
                  for m in _KIND_RE[k].finditer(current)]
        spans = [m for m in spans if not any(m.start() in r for r in inside)
                 and not re.search(r"\d\s*[-\u2013]\s*$", current[:m.start()])]
    named = value_after(current, after, kind) if after is not None else None
    counted = _word_pattern(after).search(current) if (
        after is not None and kind == ValueKind.COUNT) else None
    before = [m for m in spans if counted is not None and m.end() <= counted.end()
              and len(current[m.end():counted.start()].split()) < _NEAR]
    if counted is not None and before and (before[-1].end() == counted.end() or named is None):
        spans = before[-1:]  # '20 edited images' and 'images': the count just before it
    elif kind == ValueKind.COUNT:  # '8k' replaces '5k', not 'three times'
        same_unit = [m for m in spans if _unit(m.group()) == _unit(new)]
        spans = same_unit or spans
    if named is not None:
        spans = [m for m in spans if m.start() >= named] or spans
    if not spans:
        return None
    start, end = spans[0].start(), spans[0].end()
    for m in spans[1:]:
        if re.fullmatch(r"[\s,]*(?:and|or|&|-|to|through|until|till|the)?[\s,]*",
                        current[end:m.start()]):
            end = m.end()
    if kind == ValueKind.COUNT and not _unit(new) and (unit := re.search(
            r"\s+[a-z]+$", spans[0].group(), re.IGNORECASE)) and _unit(spans[0].group()):
        new += unit.group()  # '10' in place of '8 people' is '10 people'
    return current[:start] + new + current[end:]


#: How many words may stand between a thing and its value ('judging on the 5th').
_NEAR = 3


def value_after(current: str, words: str, kind: ValueKind) -> int | None:
    """Where the phrase of ``kind`` that ``words`` name in ``current`` starts: the first one
    after them, at most a few words on ('judging on the 5th'); None when there is none."""
    named = _word_pattern(words).search(current)
    if named is None:
        return None
    for start, _, found in _typed_spans(current[named.end():], sentence=False):
        if found == kind and len(current[named.end():named.end() + start].split()) <= _NEAR:
            return named.end() + start
    return None


def _unit(quantity: str) -> str:
    words = re.sub(rf"\b(?:{_NUMBER_WORDS})\b|[\d.,]+", " ", quantity.lower()).split()
    return singular(words[0]) if words else ""


def value_phrases(text: str) -> list[str]:
    """Times, dates and capitalized names in ``text``, in order: what a request says exactly."""
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for pattern in (TIME_RE, DATE_RE, _NAME_RE):
        for m in pattern.finditer(text):
            span = range(m.start(), m.end())
            if any(set(span) & set(t) for t in taken):
                continue
            phrase = m.group().strip(" .,")
            if pattern is _NAME_RE and (m.start() == 0 or text[: m.start()].rstrip()[-1:] in ".!?:"
                                        or phrase.lower() in STOP):
                continue  # a capital that only starts a sentence names nothing
            taken.append(span)
            found.append((m.start(), phrase))
    return [p for _, p in sorted(found)]


_KIND_RE = {ValueKind.TIME: TIME_RE, ValueKind.DATE: DATE_RE, ValueKind.PRICE: PRICE_RE,
            ValueKind.COUNT: COUNT_RE, ValueKind.NAME: _NAME_RE}
