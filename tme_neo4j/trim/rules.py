"""Rule-based TRIM: deterministic and offline, from general language patterns only.

A turn is cut into sentences and clauses; each clause is tried against the intent patterns in
order (rollback, reset, replace, split, merge, cancel, restore, done, dependency, add-to,
goal-with-steps, move), then read as a question (check), a slot value ("destination: ..."), a new
task, or a plain statement that changes nothing. Clauses see the operations of the clauses
before them, so "add X ... then remove X" in one turn works.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from tme_neo4j.models import (
    MAX_TITLE,
    MAX_VALUE,
    AddDependency,
    AddTask,
    CancelTask,
    CompleteTask,
    LinkParent,
    Operation,
    RemoveDependency,
    RestoreTask,
    ReviseTask,
    RollbackTask,
    Task,
    TaskStatus,
    UnlinkParent,
)
from tme_neo4j.trim.base import READ_ONLY, Conflict, Intent, Subtask, TrimResult, TrimView
from tme_neo4j.trim.frames import ROLE_WORDS, Frame, Mood, read_frame
from tme_neo4j.trim.gate import (
    LEFT_BE,
    THANKS_FIRST,
    Held,
    asks_change,
    garbled,
    labelled_list,
    nameless,
    remark,
    small_talk,
    stated,
    unaccounted,
    unwritable,
    withdrawn,
)
from tme_neo4j.trim.language import (
    COUNT_RE,
    DAY_WORD,
    MARKED_LINE,
    NUMBER_WORDS,
    STOP,
    TELLING_ASKED,
    WEEKDAY_FORMS,
    ValueKind,
    apostrophised,
    clean_phrase,
    content_words,
    corrected_values,
    fold,
    is_question,
    listed_inline,
    mentions,
    replace_word,
    retype,
    sentences,
    singular,
    slug,
    split_clauses,
    split_list,
    stem,
    stems,
    strip_fillers,
    topic_request,
    typed_phrases,
    unsmiled,
    value_after,
    value_kind,
    value_phrases,
    without_label_aside,
)
from tme_neo4j.trim.lexicon import (
    attribute_of,
    can_be_noun,
    can_modify,
    gerund,
    in_dictionary,
    is_past,
    is_verb,
    lemma,
    names_only_a_thing,
    verb_pattern,
    verbs,
)

__all__ = ["RuleInterpreter"]

_I = re.IGNORECASE

# Acknowledgements and thinking aloud: no task in them ("ok, thanks", "sounds good").
_SMALL_TALK = re.compile(
    r"^(?:(?:ok(?:ay)?|thanks?|thank you|thx|cool|great|good|nice|perfect|noted|got it|"
    r"sounds (?:good|great|fine)|sure|fine|alright|all right|yes|no|yep|nope|hmm+|understood|"
    r"let me think(?: about it)?|i'll think about it|never ?mind|that's all|that's it|"
    r"(?:i(?:'ve| have)? )?changed my mind|"
    r"very much|a lot|for now|then|ha(?:ha)*|lol|lmao|wow|argh+|phew|gosh|blimey|oops|man|"
    r"bless(?: (?:him|her|them|'em|you))?|poor (?:thing|love|soul|kid|lamb))"
    r"[\s,.!]*)+$", re.IGNORECASE)
#: "..., cheers": a clause that ends by thanking.
_THANKS = r"thanks|thank you|cheers|ta"
_THANKED = re.compile(rf"[\s,!]+(?:{_THANKS})\W*$", re.IGNORECASE)
#: 'hotel: ...', 'p1.step-2: ...': a short name, or a task's key as it is, before a colon.
_SLOT_PREFIX = re.compile(r"^\s*([A-Za-z](?:[\w -]|\.(?=\w)|(?<=\s)&(?=\s)){0,30}?)\s*:\s+(.+)$",
                          re.S)
_ROLLBACK = re.compile(
    r"\b(?:go(?:ing)? back to|revert(?:ing)?(?: back)?(?: to)?|roll(?:ing)?[ -]?back(?: to)?|"
    r"switch(?:ing)? back to|change (?:it |that )?back to|return to|back to|"
    r"stick(?:ing)? with|stay(?:ing)? with)\b\s*(?P<x>.*)$", _I)
_ORIGINAL = re.compile(
    r"\b(?:(?:as|like)\s+(?:(?:we|i|you)\s+)?(?:had\s+)?(?:originally|first|initially)\s+"
    r"(?:planned|said|set|wanted|agreed|decided|had(?: it)?)|"
    r"(?:the )?(?:original|first|initial) (?:one|value|plan|choice|option|idea|version)|"
    r"(?:that\s+|which\s+)?(?:i|we)\s+(?:started|began)\s+(?:off\s+)?with|"
    r"(?:i|we)\s+(?:had|said|wanted|agreed)\s+(?:at first|originally|to begin with))\b", _I)
#: "the original date": a task named by what it is, to be set back to its first value.
_ORIGINAL_OF = re.compile(
    r"\b(?:the\s+|my\s+|our\s+)?(?:original|initial)\s+(?P<noun>[a-z][\w -]*?)"
    r"(?:\s+(?:after all|again|instead|then|please|back))*$", _I)
_RESET = re.compile(
    r"^(?:reset|set|change|trim|cut)\s+(?:it|this|that|(?:the |my |our )?(?P<what>[\w -]+?))?\s*"
    r"(?:back\s+)?to\s+(?:just|only)\s+(?P<items>.+)$|"
    r"^reset\s+(?:it|this|that|(?:the |my |our )?(?P<what2>[\w -]+?))?\s*to\s+(?P<items2>.+)$|"
    r"^(?:make it|keep)\s+(?:just|only)\s+(?P<items3>.+)$", _I)
_REPLACE = re.compile(
    r"^substitute\s+(?P<new2>.+?)\s+for\s+(?P<old2>.+)$|"
    rf"^{verb_pattern('replace')}\s+(?:out\s+)?(?P<old>.+?)\s+(?:with|for|by)\s+(?P<new>.+)$|"
    r"^(?:use|get|take|try|do|pick|choose|go with|go for|opt for|have|make (?:it|that|them))\s+"
    r"(?P<new3>.+?)\s+instead(?:\s+of\s+(?P<old3>.+))?$",
    _I)
#: A pronoun object and a role phrase ("them from the market"): the role phrase is what is new.
_PRONOUN_THEN_ROLE = re.compile(
    r"^(?:it|them|those|these|one|ones)\s+(?:from|at|in|with|through|via)\s+(?P<rest>.+)$", _I)
_ROLE_WORDS = "|".join(w.replace(" ", r"\s+") for w in ROLE_WORDS)
#: "We rehearse every Tuesday at 6": what the plan's people do, and when.
_WE_DO = re.compile(r"^(?:we|i)\s+(?:(?:usually|always|normally|will|'ll)\s+)?(?P<verb>[a-z]+)\s+"
                    r"(?P<rest>.+)$", _I)
#: Verbs of the speaker that tell no recurring event.
_NOT_A_SCHEDULE = frozenset({"be", "have", "need", "want", "think", "know", "say", "go", "get",
                             "got", "can", "do", "like", "hope", "guess", "see", "leave"})
#: "Ann and Raj take Monday": named people, then a verb and its object.
_DOER = re.compile(r"^(?P<who>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?:\s*(?:,|and|&)\s*[A-Z][\w'-]*"
                   r"(?:\s+[A-Z][\w'-]*)?)*)(?:\s+from\s+(?:the\s+)?[A-Z][\w'-]*)?"
                   r"(?:\s+will|'ll|\s+is\s+going\s+to|'s\s+going\s+to|(?:\s+is|'s)(?=\s+[a-z]+ing\b))?"
                   r"\s+(?P<verb>[a-z]+)\s+(?P<obj>\S.*)$")
#: "Kim's away", "Kim can't make it": a named person who will not do what memory holds.
_ABSENT = re.compile(
    r"^(?P<who>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)(?:(?:'s|\s+is|\s+has)\s+(?:out|away|off|"
    r"sick|ill|busy|unavailable|on (?:leave|holiday|vacation)|out of town|not (?:coming|available)|"
    r"dropped out|pulled out|backed out)|\s+(?:can't|cannot|won't|couldn't)\s+(?:make it|come|"
    r"do it|be there|attend)|\s+(?:dropped|pulled|backed) out)\b", _I)
#: "Lee will chair it", "Lee from sales is going to do the toast", "Lee's coming instead": a
#: person who takes it on, in the future or the progressive.
_STAND_IN = re.compile(r"^(?P<who>(?-i:[A-Z])[\w-]*)(?:\s+from\s+(?:the\s+)?[\w-]+)?"
                       r"(?:(?:\s+will|'ll|\s+is going to|'s going to|\s+can)\s+[a-z]|"
                       r"(?:'s|\s+is)\s+(?:coming|going|doing it|taking it on|stepping in|"
                       r"filling in)(?:\s+instead)?\W*$)", _I)
#: "put Lee in her place", "get Lee instead", "make it Lee": a person asked for in place of
#: someone just said to be away.
_PUT_IN_PLACE = re.compile(r"^(?:put|get|have|use|bring\s+in|ask|make\s+it)\s+"
                           r"(?P<who>(?-i:[A-Z])[\w-]*)(?:\s+in\s+(?:his|her|their|"
                           r"(?-i:[A-Z])[\w-]*'s)\s+(?:place|stead|slot))?(?:\s+instead)?$", _I)
#: "Cal's doing the stockroom now", "she'll do the tills after all", "Jo's driving": a person
#: who takes on a part, and the words that name it.
_TAKES_PART = re.compile(
    r"^(?P<who>(?-i:[A-Z])[a-z][\w-]*|he|she)(?:'s|\s+is|'ll|\s+will)\s+(?:now\s+)?"
    r"(?P<verb>(?!going\b|feeling\b|getting\b)[a-z]+ing|do|take|cover|run|lead|drive|handle)\b"
    r"\s*(?P<what>.*?)(?:\s+(?:now|instead|after all|then|this time))*$", _I)
#: "pencil him in as our treasurer", "have Jo down as the driver": who takes a part.
_PUT_DOWN_AS = re.compile(r"^(?:put|have|mark|list|pencil)\s+(?P<who>[\w' -]+?)\s+(?:down|in)\s+"
                          r"as\s+(?:my|our|the|her|his|their)\s+(?P<role>[\w -]{2,30})$", _I)
#: "We've got the annex instead": what is had now, in place of what the turn said fell through.
_GOT_INSTEAD = re.compile(r"^(?:we|i)(?:'ve|\s+have)?\s+got\s+(?P<new>.+?)\s+instead$", _I)
#: "The annex fell through": a place, supplier or thing memory holds is no longer to be had.
_FELL_THROUGH = re.compile(r"^(?P<what>.+?)(?:\s+(?:fell through|is no longer available|"
                           r"cancelled(?: on (?:us|me))?)|(?:\s+is|'s|\s+are|'re)\s+"
                           r"(?:off|unavailable|not available|closed))$", _I)
#: "Put her back on Friday with Ola": a person joins the people a slot names.
_PUT_ON = re.compile(r"^put\s+(?P<who>him|her|(?-i:[A-Z])[\w'-]*)\s+(?:back\s+)?on\s+"
                     r"(?P<slot>[^,]+?)(?:\s+(?:with|alongside|next to)\s+"
                     r"(?P<other>(?-i:[A-Z])[\w'-]*))?$", _I)
#: How often something recurs: a word a title or value holds in place of another.
_FREQUENCY = (r"(?:hourly|daily|nightly|weekly|fortnightly|biweekly|monthly|quarterly|yearly|"
              r"annually)")
#: "every other day", "every 3 weeks", "twice a week": how often, said in words.
_EVERY = re.compile(r"\b(?:every\s+(?:other\s+|second\s+|third\s+|\d+\s+|few\s+)?"
                    r"(?:day|evening|morning|night|week|fortnight|month|year|weekend|"
                    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|"
                    r"(?:once|twice|three times)\s+a\s+(?:day|week|month|year))\b", _I)
#: "Make them monthly", "run the check daily", "keep it yearly".
_MAKE_FREQUENCY = re.compile(rf"^(?:make|set|change|switch|run|do|keep|go)\s+(?P<what>.+?\s+)?"
                             rf"(?:to\s+)?(?P<f>{_FREQUENCY})(?:\s+(?:though|then|instead))?$", _I)
#: "3:15 was fine", "the 4th was better": a value said before, wanted back.
_WAS_FINE = re.compile(r"^(?:no\s+wait[\s,]+)?(?P<v>.+?)\s+(?:was|were)\s+"
                       r"(?:fine|better|okay|ok|right|good|perfect)(?:\s+after all)?$", _I)
#: "We're going with X", "I'm using X": a choice told as what the speaker is doing.
_DOING = re.compile(r"^(?:i|we)(?:'re|'m|\s+are|\s+am)\s+(?P<verb>[a-z]+ing)\s+(?P<rest>.+)$", _I)
#: "Do Heat", "pick Vertigo": a named choice, in place of a name the turn spoke of before.
_CHOOSE_NAME = re.compile(r"^(?:do|pick|choose|go with|go for|use|try|read|watch|play)\s+"
                          r"(?P<new>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|the|and))*)$")
#: "Heat after all": a name alone, chosen again in place of one the turn spoke of.
_NAME_AGAIN = re.compile(r"^(?P<new>[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*)*)\s+"
                         r"(?:after all|again|it is|instead)$")
#: "Run the smoke tests instead": a new phrasing of a task, the differing words swapped.
_INSTEAD = re.compile(r"^(?P<new>.+?)\s+instead(?:\s+of\s+(?P<old>.+))?$", _I)
#: "He'd like", "they would rather have", "she wants": whose wish, before the thing wished.
_WISHED_FOR = re.compile(r"^(?:i|we|you|he|she|they)\s*(?:'d|\s+would)\s+"
                         r"(?:like|prefer|rather have)\s+|"
                         r"^(?:i|we|you|he|she|they)\s+(?:wants?|prefers?)\s+(?!to\b)", _I)
#: "they've", "the client has", "Ann": someone else, before what they did to a task.
_THEY_HAVE = (r"(?:they|he|she|the\s+[\w-]+|(?!(?:never|not|please|just|also|then|and|so|maybe|"
              r"perhaps|probably|let's)\b)(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})"
              r"(?:'ve|'s|\s+have|\s+has)?\s+"
              r"(?:(?:just|already|now|also)\s+)?")
_CHANGE = re.compile(r"^(?:change|switch|update|set)\s+(?P<old>.+?)\s+to\s+(?P<new>.+)$", _I)
_SPLIT = re.compile(
    r"\bsplit\s+(?:it|this|that|(?:the |my )?(?P<what>[\w -]+?))\s+into\s+(?P<n>\w+)\s+"
    r"(?P<noun>[a-z]+?)s?\b\s*(?:[-:,]\s*(?P<parts>.+))?$", _I)
_MERGE = re.compile(r"\b(?:merge|combine|consolidate|unify|rejoin)\b|"
                    r"\bmake (?:it|them|this|these) (?:a |one )?(?:single|one)\b|"
                    r"\b(?:back )?(?:into|to) (?:a single|one) \w+", _I)
_CANCEL = re.compile(
    rf"^(?:(?:we|i)(?:'re|'m|\s+are|\s+am)?\s+(?:can\s+|could\s+|might as well\s+)?|"
    rf"{_THEY_HAVE}(?={verb_pattern('cancel')}\s+(?:the|their|our|my)\s))?"
    rf"{verb_pattern('cancel')}\s+(?P<items>.+?)"
    r"(?:\s+(?:from|off|out of)\s+(?:the |my |our )?(?P<from>[\w -]+?))?$", _I)
#: "the band, book a DJ instead": what is removed, then a step asked for in its place.
_THEN_INSTEAD = re.compile(r"^(?P<items>.+?)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+-\s+)"
                           r"(?P<step>[a-z][\w' -]*?\s+instead)[.!]?$", _I)
#: What marks a statement as heard from others: it tells of the world, not of the plan, unless
#: it gives a value of a kind to a thing of the plan ("the deposit's gone up to £40,
#: apparently").
_HEARSAY = re.compile(r"\b(?:apparently|supposedly|reportedly|allegedly|(?:i|we)(?:'ve)? heard|"
                      r"so (?:i|we) hear|so they say)\b", _I)
#: "the van isn't needed any more", "no need for the van now": a thing no longer wanted,
#: a reason after a comma.
_NOT_NEEDED = re.compile(
    r"^(?P<items>[\w' -]+?)(?:(?:\s+(?:is|are)|'s|'re)\s+(?:no longer|not)|\s+(?:isn't|aren't))\s+"
    r"(?:needed|wanted|required|happening)(?P<tail>.*)$|"
    r"^no\s+need\s+for\s+(?P<items2>[\w' -]+?)(?P<tail2>(?:\s+(?:now|any\s?more|after all)|,).*)?$",
    _I)
_NO_LONGER = re.compile(r"^(?:\s+(?:now|any\s?more|after all))*\s*(?:,.*)?$", _I)
_RESTORE = re.compile(
    rf"^{verb_pattern('restore')}\s+(?P<items>.+?)(?:\s+(?:back|after all|in))?$|"
    r"^(?:put|bring|add)\s+(?P<items2>.+?)\s+back(?:\s+(?:again|after all))?"
    r"(?:\s+(?:in|on|onto|into|to)\b.*|\s*,\s*(?:still|again)\b.*)?$|"
    r"^(?:i|we)\s+(?:do|still|really|actually|definitely)\s+(?:need|want)\s+(?P<items4>.+?)"
    r"(?:\s+after all)?$|"
    # "the raffle's back on", after a dash: "the budget's fine - the raffle's back on"
    r"^(?:[^-]+\s-\s+)?(?P<items5>[\w' ]+?)(?:(?:\s+(?:is|are)|'s|'re)\s+back(?:\s+(?:on|in))?|"
    r"\s+back\s+(?:on|in))"  # "right, the raffle back on": no verb at all
    r"(?:\s+(?:again|after all))?(?:(?:\s*[,:]\s*|\s+(?:for|from)\s+)(?P<details>[^,]+))?$", _I)
_DONE = re.compile(
    r"^(?:mark\s+)?(?P<items>.+?)(?:\s+(?:is|are|as|has been|have been)|'s|'re)\s+"
    r"(?:now\s+|all\s+)?(?:done|finished|complete|completed|taken care of|sorted|bought|paid|"
    r"sent|submitted|handled|ready|reserved|booked|confirmed|arranged|delivered)(?:\s*,.*)?$|"
    r"^(?:i|we)\s+(?:have\s+|'ve\s+)?(?:finished|completed|did|done)\s+(?P<items2>.+)$|"
    r"^(?:mark|tick|check|cross)\s+(?P<items4>.+?)\s+(?:as\s+)?(?:done|finished|complete|"
    r"completed|off)$|"
    # "all done with the sanding", "the fitting went fine": finished, said of the thing
    r"^(?:(?:i|we)(?:'m|'re|\s+am|\s+are)\s+)?(?:all\s+)?(?:done|finished)\s+with\s+"
    r"(?P<items5>.+)$|"
    r"^(?P<items6>.+?)\s+went\s+(?:fine|well|ok|okay|smoothly|great|perfectly)$|"
    rf"^{verb_pattern('done')}\s+(?P<items3>.+)$", _I)
#: "the tiles are in", "the app's up and running", "the card's been signed by all": a state
#: that says a task is finished; its subject must name a task by its title.
_DONE_STATE = re.compile(
    r"^(?P<items>[\w' -]+?)(?:\s+(?:is|are|has been|have been)|'s been|'s|'re)\s+"
    r"(?:(?:all|now|finally)\s+)?(?P<state>in|on|out|up|up and running|installed|planted|signed|"
    r"printed|framed|written|painted|fitted|laid|set up|in place)(?:\s+by\s+[\w ]+)?"
    r"(?:\s+and\s+(?:working|running|done|sorted))?(?:\s*,\s*(?:done|finished|sorted))?$", _I)
#: "I've switched the heating off", "we've booked the hall": a step told as done.
_PERFECT_TOLD = re.compile(
    r"^(?:i|we)(?:'ve|\s+have)\s+(?:(?:just|already|finally|also)\s+)?(?P<verb>[a-z]+)\s+"
    r"(?:the\s+|my\s+|our\s+)?(?P<obj>[\w' -]+?)(?:\s+(?:off|out|up|in|down))?"
    r"(?:\s+(?:too|as well|now))?$", _I)
#: "depends on when the van comes", "on which paint I buy": a prerequisite told as a fact
#: to be known, its question word first.
_ASKED_OF = re.compile(r"^(?P<wh>when|which\s+(?:day|date|time)|what\s+(?:day|date|time)|"
                       r"how\s+much|who|which|what)\s+(?P<rest>.+)$", _I)
#: The kinds of value each question word asks for; 'which X' asks for the thing, no value.
_ASKED_KINDS: dict[str, tuple[ValueKind, ...]] = {
    "when": (ValueKind.DATE, ValueKind.TIME), "which day": (ValueKind.DATE,),
    "which date": (ValueKind.DATE,), "what day": (ValueKind.DATE,), "what date": (ValueKind.DATE,),
    "which time": (ValueKind.TIME,), "what time": (ValueKind.TIME,),
    "how much": (ValueKind.PRICE,), "who": (ValueKind.NAME,)}
#: A word of certainty after what is waited for, no part of its name.
_UNSURE_TAIL = re.compile(r"\s+(?:obviously|of course|presumably|probably|surely|really|"
                          r"i think|i guess|i suppose)$", _I)
#: The subject a remark opens with: a pronoun, or a pointing word ('those two', 'that one').
_SUBJECT_FIRST = re.compile(r"(?:i|we|you|he|she|they|it|there|those|these|that|this)"
                            r"(?:'[a-z]+)?\s", _I)
_NOUN_SUBJECT_FIRST = re.compile(r"(?:the|my|our|his|her|their)\s+[a-z]", _I)
_FINITE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would",
                           "can", "could", "does", "do", "did", "always", "never", "keeps"})
#: "thank her", "bless him": a verb whose only object is a person.
_ONLY_A_PERSON = re.compile(r"[a-z]+\s+(?:him|her|them|me|us)", _I)
#: Verbs that read memory back, or do a thing to something else: 'print the list' reads,
#: 'print the tickets' is a step.
_DOING_READS = frozenset({"print", "review", "confirm", "verify", "display", "list"})
#: An object that is memory itself, or a question about it: what a reading verb shows.
_MEMORY_OBJECT = re.compile(
    r"^(?:(?:the|my|our|this|that|a)\s+)?(?:(?:whole|full|current|final|latest)\s+)?"
    r"(?:list|plan|to-?do|tasks?|jobs|steps|items|things|everything|all|it|them|that|this|"
    r"these|those|status|summary|progress|state|details|memory|what|which|who|when|where|how|"
    r"why|me|us)\b", _I)
#: "she'll do it for £40", "he charges £15": what the person just named asks.
_PRICE_ASKED = re.compile(r"^(?:he|she|they|(?-i:[A-Z])[\w-]+)(?:'ll|\s+will|\s+can|\s+would|'d|"
                          r"'s)?\s+(?:do\s+it\s+for|charges?|charging|wants?|asks?|asking)\s+"
                          r"(?P<value>[$£€][^ ,]+(?:\s+(?:a|an|per)\s+\w+)?)"
                          r"(?:\s+for\s+(?:that|it|this|them))?$", _I)
#: "we get 20 prints", "it comes with 2 hours": what the thing just named includes, counted.
_COMES_WITH = re.compile(r"^(?:(?:we|you|i|they)\s+get|it\s+(?:includes|comes\s+with)|"
                         r"(?:that|which)\s+(?:includes|comes\s+with)|includes)\s+"
                         rf"(?P<what>(?:\d+|{'|'.join(NUMBER_WORDS)})\s+.+)$", _I)
#: "feeling rough", "getting better", "doing fine": how someone is, said of them.
_HOW_ONE_IS = re.compile(r"(?:feeling|looking|getting\s+(?:better|worse)|doing\s+(?:well|better|"
                         r"fine|ok|okay|badly|great))\b", _I)
#: "away at the Crown", "at the hall": a value that opens with where the thing is.
_WHERE_FIRST = frozenset({"at", "in", "away", "home", "from"})
#: "meant to be", "supposed to be": what is expected of a thing, before what it is said to be.
_EXPECTED_TO_BE = re.compile(r"(?:(?:meant|supposed|expected|forecast|likely|going|due)\s+to\s+)?"
                             r"be\s+", _I)
#: "bump it to 160", "make that $35": the words before a reference, it, and what follows.
_REFERENCE = re.compile(r"^(?P<before>.*?\S)\s+(?P<ref>it|that|this|them|him|her)\b"
                        r"(?:\s+one\b)?(?P<after>.*)$", _I)
#: "that shipment", "this count": a thing pointed at, said before, not a name.
_DEMONSTRATED = re.compile(r"(?:that|this|those|these)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)",
                           _I)
#: The kind of value an attribute word names ('count' a count): what 'that count' holds.
_KIND_OF_ATTRIBUTE = {"date": ValueKind.DATE, "time": ValueKind.TIME, "count": ValueKind.COUNT,
                      "price": ValueKind.PRICE, "person": ValueKind.NAME}
#: "that", "that train thing": what was just said, not a task by its name; after a dash,
#: what says it anew ("that - it's the blue one").
_RETRACTED = re.compile(r"^(?:that|this)(?:\s+[\w' -]+?\s+(?:thing|bit|idea|change))?"
                        r"(?:\s*[-\u2013:]\s*(?P<said>.+))?$", _I)
#: "back to that one", "go back to the 8:15": a value set back, later in the turn.
#: ", not the 4th", ", not £30": a value set against the one it corrects.
_CONTRASTED = re.compile(r",\s*not\s+(?:the\s+|an?\s+|[$£€]?\d)", _I)
_MOVED_BACK_TO = re.compile(r"\b(?:back to|go back|revert|switch back|change back)\b", _I)
#: A word that makes a statement the reason for a change beside it.
_BECAUSE_WORD = re.compile(r"\b(?:anyway|anyhow|already|after all|either way|regardless)$", _I)
#: After the thing removed, a word that says it only waits: no removal.
_WAITS = re.compile(r"\b(?:until|till|unless)\b", _I)
#: "Take the sofa off the list": a particle after the object.
_CANCEL_OFF = re.compile(r"^(?:take|strike|knock|leave)\s+(?P<items>.+?)\s+(?:off|out)"
                         r"(?:\s+(?:of\s+)?(?:the|my|our)\s+(?P<off>[\w-]+(?:\s+[\w-]+)?))?"
                         r"(?:\s+for\s+(?:now|the moment|the time being)|\s+then|\s+please)?$",
                         _I)
_DEPEND = re.compile(
    rf"^(?P<a>.+?)\s+(?:needs|need|{verb_pattern('depend')}|(?:is|are) dependent on|"
    r"(?:must|has to|have to|should|will have to|can only|needs to|need to) "
    r"wait (?:for|until|till)|"
    r"comes after|come after|can only (?:start|happen|begin|be done) (?:after|once|when)|"
    r"can't start before|cannot start before|must come after|should come after|"
    r"(?:can't|cannot|can not|won't)\s+(?:[a-z]+\s+){1,4}?(?:until|till|before))\s+(?P<b>.+)$|"
    r"^(?P<b2>.+?)\s+(?:must|has to|should) (?:come|happen|be done) before\s+(?P<a2>.+)$|"
    r"^(?:do\s+)?(?P<a3>.+?)\s+(?:only\s+)?after\s+(?P<b3>.+)$", _I)
#: "X no longer depends on Y", "X doesn't need to wait for Y", "X can go ahead without Y": the
#: order between two tasks taken away.
_UNDEPEND = re.compile(
    r"^(?P<a>.+?)\s+(?:(?:does|do|did|is|are|need|needs)(?:n't|\s+not)|no\s+longer|won't|will\s+not)"
    r"\s+(?:need\s+to\s+|have\s+to\s+|be\s+)?(?:depend|wait|rely|hang|hold)(?:s|ing)?\s+"
    r"(?:on|for|upon|until|till)\s+(?P<b>.+?)(?:\s+(?:any\s*more|now|after\s+all))?$|"
    r"^(?P<a2>.+?)\s+can\s+(?:go\s+ahead|start|happen|go)\s+without\s+(?P<b2>.+?)"
    r"(?:\s+(?:now|after\s+all))?$", _I)
#: "put X under Y", "move X into Y", "make X part of Y", "X belongs under Y": X becomes a step of Y
#: alone, leaving the plan it was under.
_REPARENT = re.compile(
    r"^(?:move|put|file|shift|place)\s+(?P<a>.+?)\s+(?:under|into|inside|in\s+with)\s+"
    r"(?P<b>.+?)(?:\s+instead)?$|"
    r"^(?:make|have)\s+(?P<a2>.+?)\s+(?:a\s+)?(?:part|step)\s+of\s+(?P<b2>.+?)(?:\s+instead)?$|"
    r"^(?P<a3>.+?)\s+(?:belongs?|should\s+(?:go|be|sit))\s+(?:under|part\s+of|in\s+with)\s+"
    r"(?P<b3>.+?)(?:\s+instead)?$", _I)
#: ", same time", "same place as before": what is kept as it was, said after a change.
_SAME_AS_BEFORE = re.compile(r"\s*,?\s*(?:at\s+|on\s+)?(?:the\s+)?same\s+(?:time|day|place|slot|"
                             r"price|again)(?:\s+as\s+(?:before|last time|usual))?[.!]*$", _I)
#: "Ann does lunchtimes", "Ann on the bar": a role someone holds, which outlives their going.
_DOES_ROLE = re.compile(r"^(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*\s+(?:does|is\s+doing|on|"
                        r"takes|runs|covers|brings|has)\s", _I)
#: "the Greens have cancelled", "Ann's pulled out", "the school called it off": someone
#: named by a task withdraws, and the task goes with them.
_CALLED_OFF = re.compile(
    r"^(?P<who>.+?)(?:'ve|'s|\s+have|\s+has)?\s+(?:just\s+|now\s+|also\s+)?(?:cancell?ed|"
    r"pulled\s+out|dropped\s+out|backed\s+out|cried\s+off|called\s+it\s+off)"
    r"(?:\s+(?:on\s+(?:me|us)|again|after\s+all|this\s+week|today|now|for\s+now))*[.!]*$", _I)
#: What a task waits for, named as all of it ("doesn't depend on anything").
_ALL_WAITED = frozenset({"anything", "anything else", "any of it", "any of them", "anyone",
                       "nothing", "the rest"})
#: "doesn't depend on", "no longer waits for": a dependency denied, never one to add.
_DENIED_ORDER = re.compile(r"(?:n't|\bnot|\bno\s+longer|\bnever)\s+(?:\w+\s+){0,2}?"
                           r"(?:depend|wait|rely|hang)(?:s|ing)?\s+(?:on|for|upon)\b", _I)
#: "I've fed the dog", "Ola's actually fixed the gate", "I've sat 3 of the exams": a step
#: told as done by someone, after "until".
_DONE_BY = re.compile(r"^(?P<who>i|we|you|he|she|they|(?-i:[A-Z])[\w-]*)"
                      r"(?:'ve|'s|\s+have|\s+has)\s+(?:(?:actually|already|just|finally)\s+)?(?P<verb>[a-z]+(?:ed|en|ne|t))\s+"
                      r"(?:(?:at least|at most|all|some)\s+)?(?:\w+\s+of\s+)?(?P<obj>.+)$", _I)
#: "Ola says skip the dessert", "my dad reckons we should drop it": advice passed on.
_ADVICE = re.compile(r"^(?:(?-i:[A-Z])[\w'-]*|(?:the|my|our)\s+[a-z]+)\s+"
                     r"(?:says|said|reckons|thinks|suggests|suggested)\s+(?:(?:that\s+)?(?:we|i)\s+should\s+|to\s+)?"
                     r"(?P<rest>.+)$", _I)
#: "we can't paint the shed": a person blocked, the object is what waits.
_BLOCKED = re.compile(r"^\s*(?:can't|cannot|can not|won't)\s+(?P<verb>[a-z]+)\s+(?P<obj>.+?)\s+"
                      r"(?:until|till|before)\s*$", _I)
_ADD_TO = re.compile(
    r"^(?:add|put|include|use|throw in|toss in|get|buy|order|pack|bring|invite|place)\s+"
    r"(?P<items>.+?)\s+(?P<prep>to|in|into|on|onto)\s+(?:the\s+|my\s+|our\s+|your\s+)?"
    r"(?P<container>(?:[\w' &-]|\.(?=\w))+?)$", _I)
#: "get them to check the vents", "get Ola to sand the door": a step someone else is to do
#: ('ask X to ...' is a step of its own: the asking).
_CAUSATIVE = re.compile(r"^(?:also\s+)?get\s+(?:them|him|her|the\s+[a-z]+(?:\s+[a-z]+)?|"
                        r"(?-i:[A-Z])[\w-]+)\s+to\s+(?P<step>[a-z]+\s.+)$", _I)
_GOAL = re.compile(r"^(?:in order )?to\s+(?P<goal>[^,]+),\s*(?P<steps>.+)$", _I)
_MOVE = re.compile(
    # "the venue moved us to ...": a subject before the verb only when the plan is "us"
    rf"^(?:(?:the\s+|our\s+|my\s+)?[\w'-]+\s+(?=(?:{verb_pattern('move')})\s+us\b))?"
    rf"(?:{verb_pattern('move', 'set')}|make|put)\s+"
    r"(?:it|this|that|everything|us|the \w+)?\s*(?:back\s+)?(?:to|for|at|on|into|until)?\s*"
    r"(?P<v>.+)$", _I)
_MOVED_ME = re.compile(r"^(?:\S+\s+){1,3}?(?:has\s+|have\s+|just\s+)?(?:moved|pushed|shifted|"
                       r"bumped|rescheduled|switched|put)\s+(?:me|us)\s+(?:back\s+)?"
                       r"(?:to|till|until|for)\s+(?P<v>[^,]+)$", _I)
#: "The shop quoted $40 for the banners": a price told for a task.
_QUOTED = re.compile(r"^(?P<who>[\w' .&-]+?)\s+(?:quoted|quotes|charges?|charged)\s+"
                     r"(?:us\s+|me\s+)?"
                     r"(?P<v>(?:about\s+|around\s+)?[$£€]\d[\d.,]*(?:\s+(?:each|a piece|per \w+))?)"
                     r"\s+for\s+(?P<what>[\w' -]+)$", _I)
#: "The banners from the print shop, $40 for two": a task, where it comes from, its price.
_SOURCED = re.compile(r"^(?P<what>[\w' -]{1,40}?)\s+from\s+(?P<v>[^,]+,\s*.+)$", _I)
#: "Sam's going to be treasurer", "Ivy will be our host": a named person takes a role.
_ROLE_OF = re.compile(r"^(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'-]*"
                      r"(?:\s+(?:[A-Z][\w'-]*|next door|from [a-z][\w' ]+?))?)"
                      r"(?:'s going to be|\s+is going to be|\s+will be|'ll be)"
                      r"\s+(?:the\s+|our\s+|my\s+)?(?:(?P<nth>first|second|third|other)\s+)?"
                      r"(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$")
#: "the bakery put the price up to $5 a loaf": a new price from whoever sells a task's thing.
_PRICED_BY = re.compile(r"^(?:the\s+)?(?P<who>[\w'& -]+?)\s+(?:just\s+|has\s+|have\s+)?"
                        r"(?:put|raised|bumped|pushed|dropped|lowered|cut)\s+"
                        r"(?:the|their|its)\s+prices?\s+(?:up\s+|down\s+)?to\s+"
                        r"(?P<v>[$£€]\d[\d.,]*(?:\s+(?:each|a \w+|per \w+))?)$", _I)
#: "I need to ...", "we'd like to ...", and in note style with no subject, "need to ...".
_WANT = re.compile(r"^(?:(?:i|we|he|she|they)\s*|(?=(?:need|have|got)\s+to\s|gotta\s))"
                   r"(?P<also>(?:also|still|really|just|then)\s+)?"
                   r"(?:'ve\s+|\s*have\s+|'ll\s+|\s*will\s+)?(?P<then_also>(?:also|still)\s+)?"
                   r"(?:(?:need|want|would like|'d like|"
                   r"have|has|needs|wants|got|decided|plan|planned|'m going|am going|are going|"
                   r"'re going|ought)\s+to|"
                   r"gotta|(?:should|must)(?!\s+(?:have|be|not)\b))\s+(?P<rest>.+)$", _I)
#: "I'll need wine, a cake and a table": things the speaker needs, listed.
_NEEDS_THINGS = re.compile(r"^(?:i|we)(?:'ll|\s+will)?\s+(?:also\s+|still\s+)?(?:need|want)\s+"
                           r"(?!to\b)(?P<items>[^,]+(?:,\s*[^,]+)*(?:,?\s+and\s+[^,]+))$", _I)
_WILL = re.compile(r"^(?:i|we)(?:'ll|\s+will|\s+shall)\s+(?:also\s+|just\s+)?(?P<rest>.+)$", _I)
_MODAL = re.compile(r"^(?:i|we)(?:'ll|'d|\s+(?:will|shall|should|must|can|could|ought to))\s+"
                    r"(?:also\s+|just\s+)?(?P<rest>.+)$", _I)
#: "I", "we've", "they": a subject that names nobody in particular.
_PRONOUN_SUBJECT = re.compile(r"(?:i|we|you|they|he|she|it)(?:'[a-z]+)?", _I)
#: "I sold the kayak", "we've booked a van": someone did something to a thing.
_REPORT = re.compile(r"^(?:i|we|they|he|she)(?:'ve|\s+have|\s+has|\s+just|\s+already|"
                     r"\s+finally)*\s+(?P<verb>[a-z]+)\s+(?P<obj>(?:the|a|an|my|our)\s+.+)$", _I)
#: "I've not organised ...", "we never booked ...": what the speaker has not done.
_NEVER_DONE = re.compile(r"^(?:i|we|he|she|they)(?:'ve|'d|\s+have|\s+has|\s+had)?\s+"
                         r"(?:not|never)\b|^(?:i|we|he|she|they)\s+(?:haven't|hasn't|hadn't|"
                         r"didn't)\b", _I)
#: A role phrase inside an object: "the hall for June 3" says more than that it was done.
_ROLE = re.compile(r"\s(?:for|on|at|to|with|from|by|until|in|instead)\s", _I)
_ALSO = re.compile(r"^also\b|\b(?:too|as well)$", _I)
_ADD_HERE = re.compile(r"^(?:also\s+)?(?:add|include|throw in|toss in)\s+(?P<items>.+)$", _I)
#: "The headcount's jumped to 110", "prices have gone down to $5": a value risen or fallen to.
_AMOUNT_MOVED = re.compile(
    r"^(?P<what>(?:the\s+|my\s+|our\s+)?[\w-]+(?:'s)?(?:\s+[\w-]+)?)(?:'s|'ve|\s+has|\s+have|\s+is|"
    r"\s+are)?\s+(?:just\s+|now\s+|already\s+)?(?:(?:gone|went|goes|go|come|came|comes|"
    r"crept|creeps|shot|shoots)\s+(?:up|down)|jump(?:ed|s)?|r(?:i|o)sen?|rises|climb(?:ed|s)?|"
    r"dropped|drops|f(?:a|e)ll(?:en|s)?|doubled|halved|increased|decreased)\s+to\s+(?P<v>.+)$", _I)
#: A reason after a value: 'since the newsletter went out', 'because of the rain'.
_REASON_TAIL = re.compile(r"\s*,?\s+(?:since|because|as|cos|so|now that)\s+.*$", _I)
#: "Push the launch date to May 2", "The audit was moved to June 9".
_RETIME = re.compile(
    rf"^(?:(?:(?:they|he|she|we|i)\s+)?{verb_pattern('move', 'set')}\s+(?P<what>.+?)|"
    r"(?P<what2>.+?)(?:\s+(?:got|was|were|has been|have been|is|are|is being)|'s been|'s)?\s+"
    rf"{verb_pattern('move', 'set')})\s+(?:back\s+)?(?:to|until|till|for)\s+(?P<v>.+)$", _I)
_DEPEND_TAIL = re.compile(
    r"(?:'s|'re)\s+[a-z]+(?:\s+[a-z]+)?$|"
    r"\s+(?:(?:is|are|gets?|be|being|to|has been|have been)\s+.*|first|beforehand)$", _I)
_NEGATED = re.compile(
    r"\b(?:no|out of|without|ran out of|run out of|don't have(?: any)?|do not have(?: any)?|"
    r"no more|lack)\s+(?P<what>[a-z][\w-]*)", _I)
#: "The pine is far too pricey", "My aunt knows a baker": a described situation, not a task.
_DESCRIBES = re.compile(
    r"^(?:my|our|his|her|their|the|this|that|these|those)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:is|are|was|were|can|can't|cannot|could|will|won't|would|has|have|had|knows|says|said|"
    r"thinks|found|got|takes|took|seems|looks|costs|works|doesn't|don't|didn't|isn't|aren't|"
    r"wasn't|still|[a-z]{3,}ed)\b|"
    # "the sea's really rough": a contracted copula and a word of degree
    r"^(?:my|our|the|this|that)\s+(?:[\w-]+\s+){0,3}?[\w-]+'s\s+(?:so|really|very|absolutely|"
    r"totally|pretty|quite|such|well|properly)\b", _I)
_EVALUATIVE = re.compile(r"\btoo\s+[a-z]+(?:\s+(?:to|for)\s+[\w ]+)?$|"
                         r"\b(?:bad|good|fine|better|worse|hard|tricky|awkward|mad|crazy|silly|"
                         r"ridiculous|overkill|excessive|ambitious|a lot|loads|plenty|enough)"
                         r"\s+for\s+[\w ]+$|"
                         # "the bypass is a nightmare after six": a judgement, no value
                         r"(?:^|\b(?:is|are|was|were)\s+|'s\s+)(?:a|an|such\s+a|a\s+(?:total|complete|"
                         r"real|bit\s+of\s+a))\s+(?:nightmare|pain|mess|disaster|joke|faff|hassle|"
                         r"headache|rip-off|nuisance|bargain|steal)\b|"
                         r"(?:^|\b(?:is|are|was|were)\s+|'s\s+)(?:silly\s+money|daylight\s+robbery|"
                         r"extortionate|a\s+fortune|a\s+steal)\b",
                         _I)
_STATEMENT = re.compile(
    r"^(?:(?i:i|i'm|i'll|i've|we|we're|we'll|he|she|they|it|it's|there|there's|that|that's|this|"
    r"[A-Z][a-z]+\s+(?i:is|are|was|can|can't|cannot|won't|will|has|had|isn't|wasn't|doesn't|"
    r"didn't|should|needs|wants|prefers|likes|only)))\b", re.S)
_VALUE_PATTERNS = (
    re.compile(r"\bmake (?:that|it)\s+(?P<v>.+)$", _I),
    re.compile(r"\b(?:set|change|update|move|switch|push|reschedule)\b.*?\b(?:to|for)\s+(?P<v>.+)$",
               _I),
    re.compile(r"\b(?:is|are|will be|should be|it's)\s+(?P<v>.+)$", _I),
)
_LAST_PREP = re.compile(
    r".*\b(?P<prep>to|from|on|at|in|for|near|by|around|before|after|via|with)\s+(?P<v>.+)$", _I)
_MEANINGFUL_PREPS = {"near", "around", "before", "after", "via", "by"}
_MAX_PARTS = 12
_MOVED_BACK = re.compile(rf"\b(?:{verb_pattern('move')})\s+(?:[\w'-]+\s+){{0,4}}?back\s+to\b", _I)
_PRONOUNS = frozenset({"it", "this", "that", "them", "they", "those", "these", "he", "she"})
_PERSONS = frozenset({"him", "her", "them"})
#: "For the party, ...", "Before pickup I need to ...": a leading role phrase.
_LEAD = re.compile(r"^(?P<prep>for|before|after|once)\s+(?P<what>[^,]+?)"
                   r"(?:\s*,\s*|\s+(?=(?:i|we|let'?s|get|use|go with)\b))(?P<rest>.+)$", _I)
#: "Push the deadline back a week", "move the launch date up by two days".
_SHIFT = re.compile(
    rf"^(?:{verb_pattern('move')}|put|bring)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?P<what>(?:[\w'-]+\s+){0,2}?"
    r"[\w-]+)\s+(?P<way>back|forward|out|up|later|earlier)\s+(?:by\s+)?"
    r"(?P<n>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>days?|weeks?)$", _I)
#: "Revert the launch date", "go back to the previous venue": an attribute named by its kind.
_ROLLBACK_KIND = re.compile(
    rf"^(?:{verb_pattern('rollback')})\s+(?P<to>to\s+)?(?:the\s+|my\s+|our\s+)?"
    r"(?:(?P<previous>previous|earlier|old|former|prior|last)\s+)?"
    r"(?P<what>(?:[\w'-]+\s+){0,2}[\w-]+)$", _I)
#: "I'm going with X", "use X", "we'll get X": a choice, after "for" and what it is for.
_CHOSEN = re.compile(r"^(?:(?:i|we)(?:'m|'re|\s+am|\s+are)\s+(?:going with|using|getting|choosing)|"
                     r"(?:i|we)(?:'ll|\s+will)\s+(?:use|get|go with)|go with|use|get)\s+"
                     r"(?!(?:a|an|the|some|my|our|it|them|that|this)\b)(?P<v>.+)$", _I)
_UNDO = re.compile(r"^(?:undo|revert|reverse)\s+(?:it|that|this|the last (?:change|one))$", _I)
#: "I'm organising X in PLACE from DATE to DATE: A, B and C": a plan stated as a sentence.
#: "Paid him $60", "we paid Ola $20": money given to a person.
_PAID = re.compile(r"^(?:(?:i|we)\s+)?(?:paid|gave)\s+(?P<who>him|her|them|[A-Z][a-z]+)\s+"
                   r"(?P<v>.+)$", _I)
#: "Booking the van with Hertz": a participle, its particle, and what follows.
_DOING_STEP = re.compile(r"^(?P<verb>[a-z]+ing)(?:\s+(?P<particle>up|out|in|on|off|down|back))?"
                         r"\s+(?P<rest>.+)$", _I)
#: "The landlord rang", "Ola just texted back": news that someone got in touch, no change.
_CALLED = re.compile(r"^(?:(?:the|my|our)\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+(?:just\s+|finally\s+)?"
                     r"(?:rang|called|phoned|texted|emailed|messaged|replied|wrote)"
                     r"(?:\s+(?:back|again|me|us))?$", _I)
#: A name given to a task in place of its own: "rename X to Y", "rename 'X' 'Y'", "call X
#: 'Y'", "call it Y", "change the name of X to Y", "change X's name to Y", "X should be called
#: Y". The new name is quoted where the old one could run into it.
#: A quoted name: 'Mum's Iris Door' keeps the apostrophe inside a word.
_QUOTE = (r"(?:'(?:[^']|(?<=\w)'(?=[a-z]))+'|\"[^\"]+\"|\u2018[^\u2019]+\u2019|"
          r"\u201c[^\u201d]+\u201d)")
_RENAMES = tuple(re.compile(rf"^(?:(?:please|can you|could you|now|so)\s+)?{form}"
                            r"(?:\s+(?:instead|now|from now on|please|then))?[\s.!]*$", _I)
                 for form in (
    r"(?:rename|retitle|relabel)\s+(?P<old>.+?)\s+(?:to|as)\s+(?P<new>.+?)",
    rf"(?:rename|retitle|relabel)\s+(?P<old>.+?)\s+(?P<new>{_QUOTE})",
    rf"call\s+(?P<old>.+?)\s+(?P<new>{_QUOTE})",
    r"call\s+(?P<old>it|that|this|that one|this one)\s+(?P<new>.+?)",
    r"change\s+the\s+name\s+of\s+(?P<old>.+?)\s+to\s+(?P<new>.+?)",
    r"change\s+(?P<old>.+?)(?:'s|(?<=s)')\s+name\s+to\s+(?P<new>.+?)",
    r"(?P<old>.+?)\s+(?:should\s+be|is\s+now|will\s+be)\s+called\s+(?P<new>.+?)"))

#: "the fence job", "the lawn one": a word that stands for the task the words before it name.
_PLACEHOLDER = re.compile(r"\s+(?:ones?|things?|stuff|bits?|tasks?|items?|steps?|jobs?|entry)$", _I)

#: "He'll come Friday", "Ola can do the 9th now": when a person will be there.
_COMES = re.compile(r"^(?P<who>he|she|they|[A-Z][a-z]+|(?:the\s+)?[a-z]{3,}(?:er|or)s?)\s*"
                    r"(?:'ll|\s+will|\s+can|'s|\s+is)\s+"
                    r"(?:now\s+)?(?:come|coming|do|make it|be here|be there)\s+(?P<when>.+)$")
_PLAN = re.compile(
    r"^(?:i'm|i am|we're|we are|i've been|we've been|i'll be|we'll be|"
    r"(?:my|our)\s+[\w ]{1,20}?\s+and\s+i\s+are|(?-i:[A-Z])\w+\s+and\s+i\s+are|"
    r"(?:me|i)\s+and\s+(?:(?:my|our)\s+)?[\w ]{1,30}?\s+are|"
    r"(?P<third>(?:my|our)\s+[\w ]{1,30}?(?:'s|\s+is|\s+are)))\s+"
    r"(?:(?:also|now|just|currently|finally)\s+)?(?P<verb>(?:[a-z]+-)?[a-z]+ing)\s+"
    r"(?:(?P<particle>for|on|to|up|together|out)\s+)?(?P<rest>.+)$", _I)
#: "I've been invited to X", "we've enrolled on X": a plan that came to the speaker.
_CAME_TO = re.compile(r"^(?P<who>i|we)(?:'ve|\s+have)\s+(?:just\s+)?(?:been\s+)?(?:called|invited|"
                      r"asked|selected|picked|summoned|entered|signed up|enrolled|registered|"
                      r"put down)\s+(?:for|to|onto|on|in|into)\s+(?P<rest>.+)$", _I)
#: "I'm helping Dad organise X": the plan is organising X, whoever else is in it.
_HELPING = re.compile(r"^(?P<be>(?:i|we)(?:'m|'re|\s+am|\s+are))\s+helping\s+"
                      r"(?:(?:my|our)\s+[a-z]+|(?-i:[A-Z])[\w'-]*)\s+(?:to\s+)?(?P<verb>[a-z]+)\s+"
                      r"(?P<rest>.+)$", _I)


#: "Ruby's having a pool party": someone named, and the event they hold.
_HOLDS = re.compile(r"^(?P<who>(?-i:[A-Z])[a-z]+)(?:'s|\s+is)\s+(?P<verb>having|hosting|throwing|"
                    r"holding)\s+(?:a|an|her|his|their)\s+(?P<rest>.+)$", _I)


def _as_doing(clause: str) -> str:
    """``clause`` said as a plan one is doing, when it tells one another way: "I've been
    invited to X" is doing X, "I'm helping Dad organise X" is organising X, "Ruby's having a
    pool party" is having one."""
    if m := _HOLDS.match(clause):
        return f"we're {m['verb'].lower()} {m['who']}'s {m['rest']}"
    if m := _CAME_TO.match(clause):
        return f"{m['who']} {'am' if m['who'].lower() == 'i' else 'are'} doing {m['rest']}"
    if (m := _HELPING.match(clause)) and (doing := gerund(m["verb"])) and is_verb(m["verb"]):
        return f"{m['be']} {doing} {m['rest']}"
    return clause


#: "Planning a trip to X on DATE", "Got my first show at PLACE": a plan opened with no subject,
#: read only while no plan is set up (later, such a gerund may speak of a step).
_OPENING = re.compile(
    r"^(?:(?P<verb>[a-z]+ing)\s+(?:(?P<particle>up|on|for|out)\s+)?"
    r"|(?:i|we)\s+(?P<present>[a-z]+)\s+(?:(?P<out>out|up|on)\s+)?(?=(?:a|an|my|our)\s)"
    r"|(?:i've\s+|we've\s+)?(?P<got>got)\s+(?=(?:my|our)\s))(?P<rest>.+)$", _I)
#: "The stew needs A, B and C": the parts of a plan.
_NEEDS = re.compile(
    r"^(?P<subj>.+?)(?:\s+(?:needs?|requires?|will need|includes?|(?:is|are) going to need|"
    r"wants?|should have|must have|has to have|calls? for)|'ll need)\s+(?P<items>.+)$", _I)
#: "it's got A, B and C": a list of parts of what was named.
_HAS_LIST = re.compile(r"^(?P<subj>it|they|this|that|[\w' -]+?)(?:'s got|'ve got| has got|"
                       r" have got| has| have)\s+(?!been\b)(?P<items>[^,]+,.+)$", _I)
#: "The venue's the town hall", "Recording is on the 18th": a value stated for a task.
_COPULA = re.compile(
    r"^(?P<subj>[\w' .&-]+?)(?:'s|'re|\s+(?:is|are|was|were|will be|has been|have been|"
    r"got|gets|comes? to|(?:came|comes?|come)\s+(?:back|out|in)\s+(?:at|to)|totals?|costs?|"
    r"runs?|went|goes|has gone))\s+(?P<rest>.+)$", _I)
#: "catering from Rosie's Kitchen": a name's 's before another capitalised word is a
#: possessive naming a place or firm, no "is" (matched from the 's on).
_NAMES_PLACE = re.compile(r"^'s\s+(?-i:[A-Z])")
#: Words between a task and its value that are no part of the value.
_VALUE_LEAD = re.compile(
    r"^(?:(?:now|still|currently|all|just)\s+)?(?:(?:ours|mine|theirs|yours)\s+)?"
    r"(?:be(?:en|ing)?\s+)?"
    r"(?:(?:going|gone|moving|set|booked|scheduled|planned|"
    r"quoted|priced|fixed|confirmed|coming|happening|up|down|back|due|going to be)\s+|"
    r"[a-z]+ed\s+(?=(?:back|up|down|forward|out|over|to|at|for|until|till)\b))?"
    r"(?:(?:back|forward)\s+)?(?:(?:to|at|for|up to|down to|until|till)\b)?\s*(?=\S)", _I)
_PREPARED = re.compile(r"\s+(?:for now|for the moment|at the moment|actually|after all|"
                       r"instead|then|again|now)$", _I)
#: "Make the headcount 6", "keep the soundcheck at 6:15".
_MAKE = re.compile(r"^(?:make|set|keep|have|price|put)\s+(?!(?:it|that|this|them)\b)(?P<rest>.+)$",
                   _I)
#: "make it 40 for the meal": a value, and the task it is for.
_MAKE_IT_FOR = re.compile(r"^(?:make|set|put)\s+it\s+(?P<v>[\w-]+(?:\s+[\w-]+)?)\s+for\s+"
                          r"(?P<what>(?:the\s+)?[\w' -]+)$", _I)
#: "the sofa at $70": a task and its value, in a list of such pairs.
_PAIR = re.compile(r"(?:^|\band\s+|,\s*)(?P<what>[\w' -]+?)\s+(?:at|to|for)\s+"
                   r"(?P<v>[$£€]?\d[\w.,:$£€]*(?:\s+(?:am|pm))?)", _I)
#: "Leo's got a cleaning on the 6th", "there's a test on May 2".
_HAS = re.compile(r"^(?:(?P<owner>[\w' .-]+?)(?:'s got|'ve got| has got| have got| has| have|"
                  r" got)|there(?:'s| is| are| will be))\s+(?:a|an|another|one more)\s+"
                  r"(?P<rest>.+)$", _I)
#: "lemon flavour", "navy colour": a word a kind noun qualifies.
_KIND_WORD = re.compile(r"\b(?P<word>[\w-]+)\s+(?:flavou?r|colou?r|size|style|theme|type|"
                        r"kind|brand|model|finish|shade|variety)\b", _I)
_QUANTITY_OF = re.compile(r"^(?P<n>(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|"
                          r"eight|nine|ten|a dozen|a couple|a few)\s+[a-z]+)\s+of\s+(?P<noun>.+)$",
                          _I)
_SLOT_PREPS = r"on|at|with|from|to|near|by|before|after|in|for|around|until"
_FEW = r"two|three|four|five|six|a few|a couple(?:\s+of)?|some|\d+"
#: "add two more:", "add to the list:", "three more things:": words before a colon that only
#: say items are coming; they name no task, the items go under the plan in talk.
_ADD_LEAD = (rf"(?:(?:oh|and|so|also|ok|okay|please|can you|could you)\s+)*"
             rf"(?:{verb_pattern('add')}(?:\s+(?:these|this|the following|{_FEW}))?"
             rf"(?:\s+(?:more|extra|other|new))?|(?:{_FEW})\s+more|more|extras|"
             r"don't forget(?:\s+to)?|remember\s+to|(?:(?:things?|items?|stuff)\s+)?to\s+add|"
             # "still to sort: A and B": what is left to get is more of the plan
             r"(?:still\s+)?to\s+(?:sort|book|buy|get|arrange|organi[sz]e)|"
             rf"(?:i\s+)?(?:forgot|missed|left out)(?:\s+(?:{_FEW}))?(?:\s+more)?)"
             r"(?:\s+(?:things?|items?|steps?|jobs?|tasks?))?"
             r"(?:\s+(?:to|on|onto)\s+(?:the|my|our|this|that)\s+(?:list|plan|to-?do(?:\s+list)?|"
             r"jobs|steps))?")
#: " - to sort", ", jobs": the end of a plan's name before its list, words that lead into it.
_LEAD_TAIL = re.compile(r"\s*(?:,|-{1,2})\s*(?:still\s+)?(?:to\s+[a-z]+|to-do|todo|jobs|tasks|"
                        r"steps|things to (?:do|sort|get|buy)|the plan|plan|checklist)\s*$", _I)
#: "Jobs: A, B, C", "To do: ...", "Need A, B and C": a sentence that lists a plan's items.
_LIST_SENTENCE = re.compile(
    r"^(?:(?:still\s+)?"
    r"(?P<label>plan|to ?do|to-do|jobs|tasks|steps|things to do|checklist|needs?|parts|items|"
    r"supplies|materials|shopping list)(?:\s+for\s+(?P<plan>[\w' -]{1,30}?))?\s*:|"
    # "need to: ...", "while I'm there: ...", "before then: ...": words that lead into steps
    # name no task; the steps go under the plan they name or the plan in talk
    r"(?P<lead>(?:(?:i|we)(?:'ve|'ll|\s+will)?\s+)?(?:still\s+|also\s+|then\s+)?"
    r"(?:need|have|has|got|must|should)\s+to|gotta|"
    r"(?:while|whilst|when|before|after|once|until|till)\b[^:,]{0,30}?|"
    r"meanwhile|in the meantime|on the day|first(?: of all)?|next|plus|also|"
    # "things to sort for it: ...": words that only frame the steps
    r"(?:stuff|things)\s+to\s+(?:do|sort|get|buy)(?:\s+for\s+(?:it|this|that|them))?|"
    rf"(?P<adding>{_ADD_LEAD}))\s*:|"
    r"(?:(?:we|i)\s+)?(?:also\s+|still\s+)?(?:need|will need|'ll need)\b(?!\s+to\b))\s*"
    # after an adding lead-in one item is a list too, and 'and' joins items as a comma does
    r"(?P<items>(?(adding)[^:?]+|[^:?]+,[^:?]+))$", _I)


#: "my friend Ana", "our neighbour Raj": a person named after who they are to the speaker.
_KIN = re.compile(r"^(?i:my|our)\s+(?:[a-z]+\s+){1,2}?(?=[A-Z][a-z]+\b(?!\s+[A-Z]))")
#: "Ana's going to coach us", "Raj from the club is co-hosting": a person and what they do.
_HELPER = re.compile(r"^(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:\s+from\s+(?:the\s+)?[\w' -]+?)?"
                     r"(?:'s|\s+is|\s+will|'ll)\s+(?:going\s+to\s+(?P<verb>[a-z]+)|"
                     r"(?P<ing>[a-z][a-z-]+ing))(?:\s+(?:with\s+|for\s+)?(?:me|us))?$")
#: "Ann can do the flowers for us": a person who offers to do a task.
_CAN_DO = re.compile(r"^(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:can|could)\s+"
                     r"(?P<verb>[a-z]+)\s+(?P<obj>[\w' -]+?)(?:\s+for\s+(?:us|me|you))?$")
#: "scheduled her on Tuesday at noon": when the person just named comes, said of them.
_BOOKED_PERSON = re.compile(r"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+)?[a-z]{3,}ed\s+"
                            r"(?:him|her|them)\s+(?:in\s+)?(?:for|on|at)\s+(?P<when>.+)$", _I)
#: "she charges $90": a price told of whoever was just named.
_FEE = re.compile(r"^(?:he|she|they)\s+(?:charges?|asks?|wants?|quoted)\s+"
                  r"(?P<v>[$£€]\d[\d.,]*(?:\s+(?:an hour|a day|each|per \w+|all in|in total|"
                  r"for the lot))?)$", _I)
#: "Li's taking over from him": one person in another's place.
_TAKES_OVER = re.compile(r"^(?P<new>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:'s|\s+is|\s+will be|'ll be)?"
                         r"\s+(?:taking over|stepping in|filling in|covering)\s+(?:from|for)\s+"
                         r"(?P<old>[\w' -]+)$")
#: "the office moved my visit to May 2": a change told as news, whoever made it.
_MOVED_BY = re.compile(r"^(?:the\s+)?[\w'&-]+(?:\s+[\w'&-]+){0,2}?\s+(?:has\s+|have\s+|just\s+)?"
                       r"(?:moved|pushed|shifted|bumped|rescheduled|changed|put)\s+"
                       r"(?P<rest>(?:my|our|the|their|his|her)\s.+)$", _I)
#: "she's moved the fitting, now it's at 3", "the builders pushed it back to the 9th": a change
#: told as news, by whoever made it; what was moved is named or stood for by a pronoun.
_MOVED_NEWS = re.compile(
    r"^(?P<who>[\w&-]+(?:\s+[\w&-]+){0,2}?)(?:'s|'ve|'re|\s+has|\s+have|\s+is|\s+are)?\s+"
    rf"(?:just\s+|now\s+)?(?:{verb_pattern('move')})\s+"
    r"(?P<what>it|them|that|this|(?:the|my|our|their|his|her)\s+[^,]+?)"
    r"(?:\s+(?:back|forward|up|out))?"
    r"(?:\s*,\s*(?:so\s+|and\s+)?(?:now\s+)?(?:it's|it is|it'll be|that's|they're)\s+|"
    r"\s+(?:to|until|till|for)\s+)(?P<v>.+)$", _I)
#: "tickets bought", "the forms are filled in", "got the lanterns": a thing, and that it is
#: had or finished.
_DONE_TOLD = re.compile(
    r"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:got|picked up|bought)\s+(?:the|my|our)\s+"
    r"(?P<got>[\w' -]+)$|"
    r"^(?P<items>[\w' -]+?)(?:'s|'re|\s+(?:is|are))?\s+(?:all\s+)?(?:done|bought|booked|"
    r"sorted|paid|sent|finished|ordered|filled in|filled out|printed|picked up)"
    r"(?:\s+and\s+(?:in|on|at)\s+[\w' -]+)?$", _I)  # "... done and in the tins": where
#: "checked the tyres too, 32 psi", "gave notice": a verb (in the past, which the reader checks),
#: its object, what came of it.
_DID = re.compile(r"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+|finally\s+|already\s+)?"
                  r"(?P<verb>[a-z]{3,})\s+(?P<obj>[^,]+?)"
                  r"(?:\s+(?:too|as well|already|today|this morning|yesterday))?"
                  r"(?P<rest>(?:\s*,\s*[^,]+)*)$", _I)
#: An aside after a clause that adds nothing to what it says.
_AFTERTHOUGHT = re.compile(r"[\s,]+(?:btw|by the way|fyi|lol|haha|tbh)$", _I)
#: A thing told in a participle: "the hedge is trimmed", "the permit renewed today", "the
#: proofs posted off to Ben", "the gutters are cleared and drying", "the session booked for
#: the 5th, 3 hrs", "entered!" (no subject), "the fitting's postponed till May". Its subject,
#: the copula, the participle, then a particle, a second state, a role phrase, a time and what
#: follows a comma; after a copula a participle in -ed/-en may be followed by any words.
_TOLD_IN_PARTICIPLE = re.compile(
    r"^(?:all\s+)?(?:(?P<det>the|my|our)\s+)?"
    r"(?P<subject>[a-z][\w'-]*?(?:\s+[a-z][\w'-]*?){0,3}?)?"
    r"(?:(?P<cop>'s|'re|\s+(?:is|are|was|were|has been|have been|got))\s+(?:been\s+)?|\s+|^)"
    r"(?:(?:all|now|just|finally)\s+)?(?P<pp>[a-z]{3,})"
    r"(?P<particle>\s+(?:over|off|out|in|back|up|through|away))?"
    r"(?:\s+and\s+(?P<also>[\w' -]+?))?"
    r"(?:\s+(?:to|for|with|at|on|by|from)\s+(?P<role>[^,]+?))?"
    r"(?P<when>\s+(?:this morning|this afternoon|today|yesterday|last night|just now|earlier|"
    r"now|already|at last))?(?P<rest>\s*,.*)?"
    r"(?(cop)(?P<more>(?<=[a-z]{3}ed|[a-z]{3}en)\b.*)?)$", _I)
#: A participle of a regular verb: the form a copula is read with to tell a change or a step.
_REGULAR_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|en)", _I)
#: What a verb of the lexicon asks for that changes a task without finishing it.
_CHANGE_INTENTS = frozenset({"set", "move", "rename", "replace", "cancel", "restore", "rollback",
                             "reset", "split", "merge"})
#: "collected it at the shop", "sent them over": a thing done, told of by a pronoun.
_DID_IT = re.compile(r"^(?:(?:i|we)\s+)?(?:just\s+|finally\s+)?(?:[a-z]{3,}(?:ed|t|ne|ught)|got|"
                     r"did|put|paid|made)\s+"
                     r"(?:it|them|that|those)\b", _I)
#: "... yesterday", "... this morning": when a thing told done was done, no value of it.
_WHEN_DONE = re.compile(r"\s+(?:yesterday|today|earlier|this (?:morning|afternoon|week)|"
                        r"last (?:night|week))$", _I)
#: Participles that say a thing is finished, whatever step it is: "the draft's sent".
_FINISHING = re.compile(r"done|finished|completed|sorted|sent|submitted|delivered|posted|paid|"
                        r"handed in|filed|returned|collected|received|picked up", _I)
#: "Ann called", "the vet phoned back": something that happened, said in passing.
_NAMED_PAST = re.compile(r"^(?:the\s+)?[A-Za-z][a-z]+\s+[a-z]{3,}ed(?:\s+(?:back|in|up|off))?$")
#: "tickets $12": a thing and its price, an item of a plan's facts.
_NOUN_PRICE = re.compile(r"(?:the\s+)?(?P<noun>[a-z][\w' -]{1,30}?)\s+(?:(?:for|at|costs?)\s+)?"
                         r"(?P<v>[$£€]\d[\d.,]*(?:\s+\w+)?)", _I)
_WEEKDAY = re.compile(rf"\b{DAY_WORD.pattern}(?!\w)", _I)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
#: "Ann and Bo are in too": named people who join.
_JOINING = re.compile(r"^(?P<who>[A-Z][\w'-]*(?:\s*(?:,|and|&)\s*[A-Z][\w'-]*)*)"
                      r"(?:\s+(?:is|are)|'s|'re)\s+(?:in|coming|joining(?: us)?)"
                      r"(?:\s+(?:too|as well|after all))?$")
#: "Ann says", "the bank said": words reported from someone.
_REPORTED = re.compile(r"\b(?:says|said|thinks|reckons|told me|tells me)\b", _I)
#: "Mr Hughes for maths", "Dr Rao": a person named by title and surname, and what for.
_TITLED_PERSON = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<name>[A-Z][a-z]+)\b")
#: "Ann", "Tom Okafor", "Bolt & Co": a person's or a firm's name, each word capitalised.
_PROPER_NAME = re.compile(r"[A-Z][a-z]+(?: (?:&|[A-Z][\w'.-]*)){0,3}")
#: "let's move up to the gold menu", "switch to the vegan plan": one kind for another.
_SWITCHED_TO = re.compile(r"^(?:let's\s+|we'll\s+|i'll\s+|we\s+should\s+)?(?:upgrade|downgrade|"
                          r"switch|change|swap|go|move)\s+(?:over\s+|back\s+)?to\s+"
                          r"(?:the|a|an)\s+(?P<what>.+)$", _I)
#: "... at 4:15 in his slot": whose slot a time was, said after the time itself.
_THEIR_SLOT = re.compile(r"(?:(?<=\d)|(?<=day)|(?<=am)|(?<=pm))\s+in\s+"
                         r"(?:his|her|their|(?-i:[A-Z])[\w-]+'s)\s+(?:old\s+)?"
                         r"(?:slot|place|spot)\b", _I)
#: "Paid the £50 deposit today", "we've paid the $20 booking fee": a thing paid, its price.
_PAID_THING = re.compile(r"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+|already\s+)?paid\s+"
                         r"(?:the|a|an|our|my)\s+(?P<price>[$£€]\d[\d.,]*)\s+"
                         r"(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                         r"(?:\s+(?P<when>today|yesterday|this morning|just now|online))?$", _I)
#: "Ann's going to bake scones instead, at £1 each": what someone brings in place of before.
_BRINGS_INSTEAD = re.compile(
    r"^(?P<who>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)(?:'s|\s+is)\s+(?:now\s+)?"
    r"going\s+to\s+(?:do|make|bake|bring|cook)\s+(?P<what>[^,]+?)\s+instead"
    r"(?:\s*,\s*(?P<rest>.+))?$", _I)
#: "the start", "the kick-off": when the plan begins, the one time it holds.
_START_WORD = re.compile(r"(?:the\s+)?(?:start|start\s+time|kick-?off|beginning)", _I)
#: "the whole thing", "everything", "the entire day": the plan in talk, all of it.
_WHOLE_PLAN = re.compile(r"(?:the\s+)?(?:whole|entire)\s+(?:thing|lot|plan|event|day|shebang)|"
                         r"everything|it\s+all|the\s+lot", _I)
#: "Ann's emailed", "Bo has just rung": a person sent word ('s is "has", not "is").
_PERSON_GOT_IN_TOUCH = re.compile(r"^(?-i:[A-Z])[\w-]+(?:'s|\s+has)\s+(?:just\s+|now\s+)?"
                                  r"(?:emailed|texted|called|phoned|rung|messaged|replied|"
                                  r"written|been\s+in\s+touch|got\s+back)\b", _I)
#: "after lunch", "in the morning": a rough when, said before the time that says it exactly.
_ROUGH_WHEN = re.compile(r"\s+(?:(?:after|before)\s+(?:lunch|breakfast|dinner|work|school)|"
                         r"(?:first\s+thing\s+)?in\s+the\s+(?:morning|afternoon|evening))"
                         r"(?=\s+at\s)", _I)
#: "the quiz first at 7:30": a task named, and when.
_TIMED = re.compile(r"^(?P<what>[\w' -]+?)\s+(?:(?:first|then|next|last)\s+)?(?:at|on)\s+"
                    r"(?P<v>[^,]+)$", _I)
#: "the 3 kg I started with", "the date we said first": what was said before, named again.
_SAID_BEFORE = re.compile(r"\b(?:i|we)\s+(?:started with|began with|first said|said first|"
                          r"had before|had at first)\b", _I)
#: "the ferry leaves the harbour at 7:40": a thing, a verb in the present, when.
_DOES_AT = re.compile(r"^(?:the\s+)?(?P<subj>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                      r"(?P<verb>leaves|departs|arrives|opens|closes|starts|begins|ends|finishes|"
                      r"runs|gets in|kicks off)\s+"
                      r"(?P<rest>(?:[\w' -]+\s+)?(?:at|on|from|by)\s+[^,]+)$", _I)
#: "already named the dog", "just painted the fence": a perfect tense with its object after
#: 'has' or "'s"; something done, told, and no value or parts of the subject.
_PERFECT = re.compile(r"^(?:(?:already|just|never|finally|recently|also|even|now)\s+)*"
                      r"(?:[a-z]{2,}ed|made|put|sent|bought|found|told|paid|taken|given|chosen|"
                      r"written|done|got|built|won|lost|left|kept|brought|sold|spent|set)\s+"
                      r"(?:the|a|an|my|our|his|her|their|its|this|that|these|those|us|me|him|"
                      r"them|it)\b", _I)
#: "First A, then B, then C": steps in their order.
_SEQUENCE = re.compile(r"^(?:first(?:ly)?|first of all|to start(?: with)?|start with)[,:]?\s+"
                       r"(?P<steps>.+?(?:,\s*|\s+)(?:and\s+)?then\s+.+)$", _I)
_THEN = re.compile(r"\s*,?\s+(?:and\s+)?then\s+|\s*,\s*", _I)
#: "I want it ready for the party on the 3rd", "we need the shed done by May 2".
_DEADLINE = re.compile(r"^(?:(?:i|we)\s+)?(?:really\s+)?(?:want|need|'d like|would like)\s+"
                       r"(?:(?:the|my|our)\s+)?(?P<what>[\w' -]+?)\s+(?:to be\s+)?"
                       r"(?P<state>ready|done|finished|sorted|complete|completed|fixed|"
                       r"repaired|sorted out)\s+"
                       r"(?P<v>(?:by|for|before|in time for)\s+.+)$", _I)
#: "an oak bookcase, 2m tall": a thing named, then its facts.
_NOUN_FACTS = re.compile(r"^(?:an?)\s+(?P<title>[a-z][\w' -]{2,40}?)\s*,\s*(?P<facts>[^,]+)$",
                         _I)
#: "book the hall", "order a cake": a verb with its object after a determiner.
_DETERMINED = re.compile(r"^\S+\s+(?:the|a|an|my|our|your|some|his|her|their|this|that)\b", _I)
#: "the driveway.": a thing named alone, as a sentence of its own.
_TOPIC_ALONE = re.compile(r"^(?:the|my|our)\s+(?P<plan>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2})$", _I)
#: "new term at the pottery club", "first week of the allotment": a time in a plan, no verb.
_SCENE = re.compile(r"^(?:(?:a|the)\s+)?(?:new|next|another|first|last|final)\s+(?:day|week|"
                    r"month|term|season|year|round|shift|session)\s+(?:on|of|at|for|in)\s+"
                    r"(?:the|my|our)\s+(?P<plan>[a-z][\w' -]{2,30})$", _I)
#: "I'm away", "we'll be out", "she's at work": a clause about a person, not a task.
_PERSON_SAYS = re.compile(r"^(?:i|we|he|she|they)(?:'m|'re|'s|'ll|\s+am|\s+are|\s+is|\s+was|"
                          r"\s+were|\s+will|\s+have|\s+had|\s+can't|\s+won't)\b", _I)
#: "add a new one", "and another": one more item like the others, before a colon.
_ONE_MORE = re.compile(r"^(?:and\s+|plus\s+|also\s+)?(?:add\s+|put in\s+|include\s+)?"
                       r"(?:a\s+new\s+one|another(?:\s+one)?|one\s+more)$", _I)
#: "Garden jobs this spring - prune the roses, mow the lawn": a name, a dash, then a list; a
#: modal lead ("need to") after the dash only introduces the steps.
_DASHED = re.compile(r"^(?P<head>[^:;,.?!]+?)\s+-{1,2}\s+(?:(?:i|we)\s+)?(?:(?:also\s+|still\s+)?"
                     r"(?:need|have|'ve got|got|want)\s+to\s+)?"
                     r"(?P<body>(?:[^:;?]|(?<=\d):(?=\d))+?(?:,|\band\b)(?:[^:;?]|(?<=\d):(?=\d))+)$",
                     _I)  # a colon inside a time ('19:30') cuts nothing
#: Words that make a phrase a clause with its own verb, not a name.
_FINITE_WORD = re.compile(r"\b(?:i|we|you|he|she|they|it|there|is|are|was|were|has|have|had|will|"
                          r"would|can|could|should|must|do|does|did)\b|n't\b", _I)
#: 'because' or 'since' before a clause: it gives a reason.
_REASON_LINK = re.compile(r"\b(?:because|since)\s*$", _I)
#: A dash or a 'so' between two clauses: the first may be the reason for the second.
_CAUSE_LINK = re.compile(r"(?:^|\s)(?:-|so)(?:\s|$)", _I)


#: 'mon - Mrs Lee, 10am', 'hay: 20 bales': a short label, then what it holds.
_LABELLED_ITEM = re.compile(r"^(?P<label>[^:,]{1,30}?)\s*(?::|\s-+\s)\s*(?P<value>\S.*)$")


def _opens_with_change(line: str) -> bool:
    """Whether ``line`` opens with a verb the lexicon reads as a change to memory (not an
    addition): such a line is a request, never a note."""
    first = re.match(r"[a-z]+", line.lower())
    return first is not None and verbs().get(lemma(first.group()), "add") not in ("add", "task")


class RuleInterpreter:
    """Offline, deterministic TRIM from general language patterns."""

    name = "rules"

    def interpret(self, text: str, view: TrimView) -> TrimResult:
        if len(text.strip().splitlines()) > 2 and (  # a head and two entries, at least
                noted := _TurnParser(view, text).noted_lines(text)) is not None:
            return noted
        # "at 12, no, 1pm": a value corrected in the same breath is not read
        text = corrected_values(apostrophised(unsmiled(without_label_aside(fold(listed_inline(
            text))))))
        parser = _TurnParser(view, text)
        return parser.told(text) if _told_before_colon(text) else parser.parse(text)


class _TurnParser:
    def __init__(self, view: TrimView, text: str = "") -> None:
        self.tasks: dict[str, Task] = {t.key: t for t in view.tasks}
        for task in _ranked(text, [a.task for a in view.aligned]):
            self.tasks.setdefault(task.key, task)
        self.before = dict(self.tasks)  # as memory holds them, whatever this turn changes
        self.past = {k: list(v) for k, v in view.past_values.items()}
        self.focus = list(view.focus)
        self.negated: list[str] = []
        self.said: list[str] = []  # the earlier clauses of this turn
        self.also = False
        self.subtasks: list[Subtask] = []
        self.mentioned: list[str] = []  # tasks this turn spoke of, in order: what "it" means
        self.under: Task | None = None  # the plan a leading "For X," names
        self.needs = False  # this sentence lists what must be done for the plan in talk
        self.will = False  # this sentence said "I'll ...": its requests are steps of the plan
        self.wished: list[str] = []  # tasks opened by wished steps while no plan was in talk
        self.text = text  # the whole turn: what a clause's neighbours say
        self.labels: dict[str, str] = {}  # "sitter for Jo: ...": a label as said, by its key
        self.disowned: list[str] = []  # values the turn sets aside, a told value corrects
        self.spent: list[str] = []  # amounts a change used up ("back 3 days"), no values
        self.refused: set[str] = set()  # tasks this turn would have added, but did not
        # Every text memory held before the turn: a value a clause names may be one of these.
        self.held = [text for t in self.tasks.values() for text in (t.key, t.title, t.value)
                     if text] + [v for values in self.past.values() for v in values]

    # -- the turn ----------------------------------------------------------------------------

    def parse(self, text: str) -> TrimResult:
        slot = None
        text = self._dash_opening(as_said := self._asked_plainly(_self_corrected(text)))
        labelled = (m := _LIST_SENTENCE.match(text.strip())) is not None and bool(
            m["label"] or m["lead"])
        rest: list[str] = []
        if text != as_said and (after := self._named_facts(text)) is not None:
            text, rest = "", after  # the sentences after the facts are read on their own
        elif not labelled and (after := self._headed_steps(text)) is not None:
            text, rest = "", after  # the sentences after the list are read on their own
        elif not labelled and (m := _SLOT_PREFIX.match(text)) and not _RESTORE.match(m[1]):
            # "the games are back on: ..." is a clause before its list, not a label
            first, *rest = sentences(m[2]) or [m[2]]
            if self._read_list(m[1], first):
                # "stuff to pack: a, b, c and d": items, not a value
                text = ""  # the sentences after the list are read on their own
            else:
                slot, text, rest = self._slot_key(m[1]), m[2], []
                if self._slot_described(slot, text):
                    return TrimResult(subtasks=self._placed())
        told_all = self._said_plainly(self._problem_joined(sentences(text) + rest))
        self.disowned = self._disowned_values(told_all)
        for n, sentence in enumerate(told_all):
            question = sentence.rstrip().endswith("?")
            self.needs = self.will = False
            if not question and slot is None and (m := _LONG_LABEL.match(sentence)) and (
                    self._plan_labelled(m[1], m[2])):
                continue  # "still to pack for the move: A, B": the plan and its items
            if not question and slot is None and (self._plan_list(sentence) or (
                    self._items_after_opening(sentence))):
                continue
            if slot is None and self._occasion(sentence, told_all[n + 1:n + 2]):
                continue
            if not question and slot is None and self._problem_needs(sentence):
                continue
            if not question and slot is None and self._sequence(sentence):
                continue
            if not question and slot is None and (m := _SLOT_PREFIX.match(sentence)) and (
                    self._one_more(m[1], m[2]) or self._entries(m[1], m[2])):
                continue
            if not question and slot is None and self._plan_sentence(sentence):
                continue
            said, told = slot, sentence
            if slot is None and not question and (m := _SLOT_PREFIX.match(sentence)) and (
                    not _RESTORE.match(m[1])) and (key := self._slot_key(m[1])) in self.tasks:
                # "Done with X. The rota: ...": a later sentence about a task by its name
                if self._slot_described(key, m[2]):
                    continue
                said, told = key, m[2]
            clauses = split_clauses(told)
            starts: list[int] = []
            for i, clause in enumerate(clauses):
                starts.append(len(self.subtasks))
                if i and not question and _REASON_LINK.search(
                        _between(told, clauses[i - 1], clause)):
                    # "..., since we only have one table": why, not what to change
                    self._emit(Intent.NOTE, clause)
                    self.said.append(clause)
                    continue
                self._clause(clause, said, question)
                if i and _CAUSE_LINK.search(_between(told, clauses[i - 1], clause)) and (
                        _imperative(strip_fillers(clause)) or _ROLLBACK.match(clause)):
                    self._cause_read(clauses[i - 1], starts[i - 1], starts[i])
                elif i and _CAUSE_LINK.search(_between(told, clauses[i - 1], clause)):
                    self._result_read(starts[i - 1], starts[i])
        return TrimResult(subtasks=self._placed())

    def noted_lines(self, text: str) -> TrimResult | None:
        """Notes on lines of their own under a head that ends in a colon ('round for next
        week:' then 'mon - Mrs Lee, 10am' and 'tue - the school, 2pm'), or marked as items:
        each line is one entry of the plan the head names (a new part of the plan in talk when
        it names none), its label before a colon or a dash and its value after, as written (a
        line with neither is an entry as a whole; a label that is only a day gives the entry
        the name its value opens with).
        None when this is no such turn: fewer than two lines of entries, or a line that asks
        something or asks for a change, which the sentence reader reads."""
        lines = [fold(line) for line in text.splitlines() if line.strip()]
        text = "\n".join(lines)
        head, entries = (lines[0], lines[1:]) if lines else ("", [])
        marked = [MARKED_LINE.match(line) for line in entries]
        if len(entries) < 2 or not (head.endswith(":") or all(marked)) or "?" in text:
            return None
        items = [m["item"] if m else line.rstrip(" .;,") for m, line in zip(marked, entries,
                                                                             strict=True)]
        if any(_opens_with_change(item) for item in items):
            return None
        name = strip_fillers(head.rstrip(" :"))
        roots = [t for t in self._live() if not t.parents]
        root = self._match(name, roots, strict=True, by_value=False)
        ops: list[Operation] = []
        if root is None:  # a head of its own; with a plan in talk, a part of that plan
            plan = self._root_for(None)
            ops.append(self._add(name[:1].upper() + name[1:], parents=[plan.key] if plan else []))
            root = self.tasks[ops[0].key]
        for item in items:
            m = _LABELLED_ITEM.match(item)
            label, value = (m["label"], m["value"]) if m else (item, None)
            if value and (nameless(label) or DAY_WORD.fullmatch(label)):  # "mon - Mrs Lee, 10am"
                label, _, rest = value.partition(", ")
                value = f"{m['label'] if m else ''}, {rest}".strip(", ")
            ops.append(self._add(label[:1].upper() + label[1:], value=value,
                                 parents=[root.key]))
        self._emit(Intent.NEW, text, ops, about=[root.key])
        return TrimResult(subtasks=self.subtasks)

    def told(self, text: str) -> TrimResult:
        """A turn that asks to be told before its colon ('give me the rundown: who, when'):
        one check of the plans in memory; what follows the colon lists what to tell."""
        self._emit(Intent.CHECK, text, about=[t.key for t in self._live() if not t.parents])
        return TrimResult(subtasks=self.subtasks)

    def _asked_plainly(self, text: str) -> str:
        """'q: when's the next one': a question under a label that names nothing in memory is
        the question, asked; 'start: wasn't it Boston?' asks about the task the label names."""
        m = _SLOT_PREFIX.match(text)
        if m is None or self._slot_key(m[1]) in self.tasks or not (
                m[1].strip().lower() in _ASKING_LABELS or _WH_FIRST.match(m[2])) or (
                _LIST_SENTENCE.match(text.strip())):
            return text
        return m[2] if m[2].rstrip().endswith("?") else f"{m[2].rstrip(' .!')}?"

    def _dash_opening(self, text: str) -> str:
        """'Garden jobs this spring - prune the roses and mow the lawn' with nothing in memory:
        a name before a dash opens a plan as a colon would, the list after it its steps or
        items; a modal lead after the dash ('need to') is dropped. A clause before the dash
        ('the car broke down - ...') is no name: the dash links two clauses then."""
        m, after = _DASHED.match(text.strip()), ""
        if m is None and len(told := sentences(text)) > 1:  # "X - facts. To do: A, B"
            m, after = _DASHED.match(told[0].strip()), " " + " ".join(told[1:])
        if m is None or self._live() or not _names_thing(m["head"]) or _needed_steps(
                m["body"], m["head"]):
            return text  # "X is dead - a replacement needs fitting": a problem, then what it needs
        return f"{m['head']}: {m['body']}{after}"

    def _named_facts(self, text: str) -> list[str] | None:
        """'A new contract from Hale & Sons Ltd - 12 pages, due May 3, fee $400' (the dash made
        a colon of): a name, however long, then facts of it; the sentences after them, or None
        when this is no such list."""
        m = re.match(r"^\s*(?P<head>[^:]{2,80}?)\s*:\s+(?P<body>.+)$", text, re.S)
        if m is None:
            return None
        first, *rest = sentences(m["body"]) or [m["body"]]
        return rest if self._listed(m["head"], first) else None

    def _headed_steps(self, text: str) -> list[str] | None:
        """'Kitchen refit over the summer: strip the units, order worktops, skip hire' with
        nothing in memory: a name too long for a slot, with no verb of its own, opens a plan
        whose steps follow the colon; the sentences after them, or None for no such list."""
        m = re.match(r"^\s*(?P<head>[^:]{31,80}?)\s*:\s+(?P<body>.+)$", text, re.S)
        head = strip_fillers(m["head"]) if m else ""
        if m is None or self._live() or not _names_thing(head) or _PLAN.match(head) or (
                _OPENING.match(head)):
            return None  # "building a shed: ...": a plan told as a doing reads on its own
        first, *rest = sentences(m["body"]) or [m["body"]]
        return rest if self._listed_steps(head, first) else None

    def _cause_read(self, cause: str, start: int, end: int) -> None:
        """'The hall has a wedding that day - move us to the 15th', 'X fell through, so back
        to Y': when the clause after a dash or 'so' makes a change, a statement before it is
        its reason; what that statement wrote as a task or a value is dropped, it is a note."""
        told = self.subtasks[start:end]
        changed = {k for s in self.subtasks[end:] for k in s.about}
        if changed & {k for s in told if s.intent != Intent.UNPARSED for k in s.about}:
            return  # "Ann brings the wine, so that's done": both speak of one task
        if not any(s.operations for s in self.subtasks[end:]) or _imperative(
                strip_fillers(cause)) or not told or not all(
                s.intent in (Intent.NEW, Intent.UPDATE, Intent.UNPARSED) for s in told):
            return
        for op in (op for s in told for op in s.operations):
            if isinstance(op, AddTask):
                self.tasks.pop(op.key, None)
        self.subtasks[start:end] = [Subtask(text=cause.strip(), intent=Intent.NOTE)]

    def _result_read(self, start: int, end: int) -> None:
        """'Got 40 readings, so the survey is done': a result not understood, before a clause
        that marks one task done, is that task's outcome, its value."""
        before, after = self.subtasks[start:end], self.subtasks[end:]
        if len(before) != 1 or before[0].intent != Intent.UNPARSED or len(after) != 1 or (
                after[0].intent != Intent.DONE) or len(after[0].about) != 1:
            return
        m = re.search(r"\b(?:got|measured|scored|reached|came out at|ended up with)\s+(?P<v>.+)$",
                      before[0].text.rstrip(".!, "), _I)
        task = self.tasks.get(after[0].about[0])
        if task is not None and (m is None or not typed_phrases(m["v"], sentence=False)) and (
                set(stems(re.sub(r"'s\b", "", before[0].text))) & set(stems(task.title))):
            # "the bikes are locked in the shed, so that's done": how it was done, a note
            self.subtasks[start:end] = [Subtask(text=before[0].text, intent=Intent.NOTE,
                                                about=[task.key])]
            return
        if m is None or task is None or not typed_phrases(m["v"], sentence=False):
            return
        outcome = clean_phrase(m["v"])
        self.subtasks[start:end] = [Subtask(text=before[0].text, intent=Intent.UPDATE, operations=[
            ReviseTask(key=task.key, value=outcome)], about=[task.key])]
        self._pending(task, value=outcome)

    def _slot_key(self, head: str) -> str:
        """'snacks: ...', 'got a slot for the vet: ...': the task whose title has every word
        of the head, when no task is keyed by it."""
        if head.strip().lower() in self.tasks:  # the key itself, dots and all
            return head.strip().lower()
        key = slug(head, max_words=3)
        self.labels[key] = clean_phrase(head)  # the title a new task of that key takes
        named = re.sub(r"^(?:(?:i've\s+|we've\s+)?got|booked|found)\s+(?:a|an|the|my|our)\s+",
                       "", head.strip(), flags=_I)
        if key in self.tasks or not stems(named):
            return key
        found = self._match(named, self._live(), strict=True, by_value=False)
        if found is None and named != head.strip():  # "got a vet slot": the task it is for
            found = self._match(named.split()[0], self._live(), strict=True, by_value=False)
        return found.key if found is not None else key

    def _slot_described(self, slot: str, text: str) -> bool:
        """'The rota: parents take turns, Ann goes first': a task told about in statements
        alone, with no request and no value of a kind, takes them whole as its value."""
        task = self._active(slot)
        said = sentences(text)
        if task is None or len(said) != 1 or said[0].rstrip().endswith("?") or any(
                k != ValueKind.NAME for k, _ in typed_phrases(text, sentence=False)):
            return False
        clauses = split_clauses(said[0])
        if len(clauses) < 2 or any(
                _imperative(c) or read_frame(c).known or _NEGATIVE.search(c) or _INSTEAD.match(c)
                or _DEPARTED.match(c) or _NOW_NAMED.match(c) for c in clauses):
            # a request, a known verb, a negation or a replacement (of a person too): no
            # description
            return False
        self._update(task, clean_phrase(said[0]), text)
        return True

    def _plan_list(self, sentence: str) -> bool:
        """'Jobs: A, B and C', 'Need A, B and C' after a plan is set up: its items, each under
        the plan in talk; verb phrases ('book the hall, print the menus') cut at commas only."""
        m = _LIST_SENTENCE.match(sentence.strip())
        if m is None:
            return False
        root = self._root_for(m["plan"] or m["lead"])  # "jobs for it: ...": the plan in talk
        ops: list[Operation] = []
        fewest = 1 if m["adding"] else 2  # "add: A": one item is said to be added
        if root is None and m["lead"]:
            return self._lead_steps(sentence, _list_items(m["items"]), fewest)
        if root is None and m["label"]:  # "To do: A, B": a list of its own, named by its label
            ops.append(self._add(m["label"].capitalize(),
                                 key=re.sub(r"\W+", "-", m["label"].lower())))
            root = self.tasks[ops[-1].key]
        if root is None:
            return False
        items = _list_items(m["items"])
        if len(items) < fewest or any(len(i.split()) > 10 or re.match(r"not\b", i, _I)
                                      for i in items):
            return False  # "need 6, not 4" corrects a count; it lists nothing
        for item in items:
            ops += self._item(item, root)
        if not ops:
            return False
        self._emit(Intent.NEW, sentence, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _lead_steps(self, sentence: str, steps: list[str], fewest: int = 2) -> bool:
        """'Need to: A, B and C' with no plan set up: the steps are tasks of their own; the
        words that led into them name none."""
        if len(steps) < fewest or any(len(s.split()) > 10 for s in steps):
            return False
        adds = [self._add(step[:1].upper() + step[1:]) for step in steps]
        self._emit(Intent.NEW, sentence, list(adds), about=[a.key for a in adds])
        return True

    def _sequence(self, sentence: str) -> bool:
        """'First A, then B, then C' with a plan in talk: its steps, each after the one before;
        a step already in memory is linked, not added again."""
        m = _SEQUENCE.match(strip_fillers(sentence).rstrip(".!? "))
        root = self._root_for(None)
        if m is None or root is None:
            return False
        steps = [clean_phrase(p) for p in _THEN.split(m["steps"])]
        if len(steps) < 2 or any(not p or len(p.split()) > 6 or _NEGATIVE.search(p)
                                 or typed_phrases(p, sentence=False) for p in steps):
            return False  # a step must be a short phrase with no value or negation in it
        ops: list[Operation] = []
        previous: str | None = None
        for step in steps:
            new = self._item(step[:1].upper() + step[1:], root)
            known = self._match(step, list(self.tasks.values()), strict=True)
            key = new[0].key if new else known.key if known else None
            ops += new
            if previous and key:
                ops.append(AddDependency(key=key, depends_on=previous))
            previous = key
        self._emit(Intent.NEW, sentence, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _deadline(self, c: str, raw: str, slot: str | None) -> bool:
        """'I want it done by the 3rd', 'we need the shed finished for Easter on the 9th': when
        a task (or the plan in talk) must be ready; it joins that task's value."""
        m = _DEADLINE.match(c)
        if m is None or not any(k in (ValueKind.DATE, ValueKind.TIME)
                                for k, _ in typed_phrases(m["v"], sentence=False)):
            return False
        if m["what"].lower() in _PRONOUNS:
            said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
            target = said[0] if said else self._root_for(None)
        else:
            target = self._match(m["what"], self._live(), by_value=False)
        if target is None:
            return False
        due = f"{m['state'].lower()} {clean_phrase(m['v'])}"
        self._update(target, f"{target.value}, {due}" if target.value else due, raw)
        return True

    def _named_plan(self, c: str, raw: str, slot: str | None) -> bool:
        """'An oak bookcase, 2m tall' with no plan set up: a plan named by a noun phrase, its
        facts (quantities, dates, prices) after the comma as its value."""
        m = _NOUN_FACTS.match(c)
        if m is None or any(not t.parents for t in self._live()) or not _facts(m["facts"] + ",x"):
            return False
        title = clean_phrase(m["title"])
        words = title.split()
        if not 1 <= len(words) <= 5 or any(is_verb(w) and not can_be_noun(w) for w in words) or (
                not can_be_noun(words[-1])) or re.match(
                r"(?:bit|little|lot|kind|sort|real|total|couple|few)\b", title, _I):
            return False  # "a bit of a mess, ...": a judgement, no plan
        add = self._add(title[:1].upper() + title[1:], value=clean_phrase(m["facts"]),
                        key=slug(title))
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        self.focus = [add.key, *self.focus]
        return True

    def _confirmed_plan(self, c: str, raw: str, slot: str | None) -> bool:
        """'The lake centre at Ripon has confirmed my kayak course for 3 May, 10am' with no
        plan set up: the speaker's thing confirmed is the plan; where the one who confirmed
        it is, and the when after it, its value."""
        m = _CONFIRMED.match(c)
        if m is None or any(not t.parents for t in self._live()) or not _names_a_thing(
                m["plan"], determiners=frozenset()):
            return False
        place = re.search(r"\s(?P<at>(?:at|in)\s+.+)$", m["who"], _I)
        when = re.sub(r"^(?:for|on)\s+", "", clean_phrase(m["rest"] or ""), flags=_I)
        value = ", ".join(p for p in (place["at"] if place else "", when) if p) or None
        title = clean_phrase(m["plan"])
        add = self._add(title[:1].upper() + title[1:], value=value, key=slug(title))
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        self.focus = [add.key, *self.focus]
        return True

    def _priced_items(self, c: str, raw: str, slot: str | None) -> bool:
        """'Their charges are £80 for the hall, £40 for chairs and £25 for cleaning': things
        each told with its price, items of the plan in talk (or of a plan the subject names,
        when memory holds none), each its price as its value."""
        m = _ITEMS_ARE.match(c)
        if m is None or slot is not None:
            return False
        items = [_PRICE_FOR.match(i.strip()) for i in _expand(split_list(m["items"]))]
        if len(items) < 2 or any(i is None for i in items):
            return False
        ops: list[Operation] = []
        parent = self.under or self._root_for(None)
        if parent is None:
            if any(not t.parents for t in self._live()):
                return False  # plans in memory, none in talk: whose items is unclear
            title = clean_phrase(re.sub(r"^(?:their|his|her|its)\s+", "", m["subject"], flags=_I))
            ops.append(self._add(title[:1].upper() + title[1:], key=slug(title)))
            parent = self.tasks[ops[0].key]
        for i in items:
            assert i is not None
            thing = clean_phrase(i["thing"])
            ops.append(self._add(thing[:1].upper() + thing[1:], value=i["price"],
                                 parents=[parent.key]))
        self._emit(Intent.NEW, raw, ops, about=[parent.key, *(o.key for o in ops)])
        return True

    def _still_so(self, c: str, raw: str, slot: str | None) -> bool:
        """'Hers is still £62', 'the match is still the 3rd': a value said to stand, after a
        change that put another in its place, is set back in the task the subject names (or
        the latest one talked about) that holds a value of its kind; where it holds it
        already, nothing changes."""
        m = _STILL.match(c)
        typed = typed_phrases(m["value"], sentence=False) if m else []
        if m is None or not typed or not _only_value(m["value"]) or any(
                k not in _TITLE_KINDS for k, _ in typed):
            return False
        kind, said = typed[0]
        named = self._match(m["subj"], self._live(), by_value=False)
        holders = [t for t in ([named] if named else []) + self._recent()
                   if retype(t.value or "", kind, said) is not None]
        if not holders:
            return False
        if mentions(holders[0].value or "", said):
            self._emit(Intent.NOTE, raw, about=[holders[0].key])
            return True
        return self._set_typed(holders[0], typed, raw)

    def _held_up(self, c: str, raw: str, slot: str | None) -> bool:
        """'Ola won't have them back until Friday': what the one named brings comes later; the
        one task that names them takes the new when, in place of the one it holds."""
        m = _HELD_UP.match(strip_fillers(raw).strip(" .!?"))
        if m is None or not _only_when(m["when"]):
            return False
        typed = typed_phrases(m["when"], sentence=False)
        holders = [t for t in self._live() if mentions(f"{t.title} {t.value or ''}", m["who"])]
        if len(holders) != 1:  # 'it' is what they bring: no other task of the plan
            self._unparsed(raw, c, reason=f"nothing in memory that {m['who']} brings")
            return True
        task = holders[0]
        if all(retype(task.value or "", k, p) is not None for k, p in typed):
            return self._set_typed(task, typed, raw)
        self._update(task, m["when"], raw)
        return True

    def _wanted_done(self, c: str, raw: str, slot: str | None) -> bool:
        """'The club wants a safety check done before the match on 3 May' with no plan set up:
        the thing others want done is the plan, by when its value."""
        m = _WANTED_DONE.match(c)
        if m is None or slot is not None or any(not t.parents for t in self._live()) or (
                not _names_a_thing(m["plan"], determiners=frozenset())) or not typed_phrases(
                m["rest"]):
            return False
        title = clean_phrase(m["plan"])
        add = self._add(title[:1].upper() + title[1:], value=clean_phrase(m["rest"]),
                        key=slug(title))
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        self.focus = [add.key, *self.focus]
        return True

    def _booked_plan(self, c: str, raw: str, slot: str | None) -> bool:
        """'The boiler service is booked for 3 May at 10:15, Unit 4' with no plan set up: a
        thing named, then when (and where) it is; the thing is the plan, the rest its value."""
        m = _possessed_copula(c) or _COPULA.match(c)
        if m is None or any(not t.parents for t in self._live()) or not (
                _names_thing(m["subj"])) or clean_phrase(m["subj"]).lower() in _PRONOUNS or (
                re.search(r"\s(?-i:[A-Z])\w*$", m["subj"]) and c[m.end("subj"):].startswith("'s")):
            return False  # "... at St Ann's on Monday": a name's possessive, no 'is'
        value = clean_phrase(re.sub(r"^(?:on|at)\s+", "", _VALUE_LEAD.sub("", m["rest"], count=1),
                                    flags=_I))
        title = clean_phrase(m["subj"])
        typed = typed_phrases(value, sentence=False)
        if not typed or not _timed_value(typed) or not (
                re.sub(r"^the\s+", "", value, flags=_I).startswith(
                    re.sub(r"^the\s+", "", typed[0][1], flags=_I))) or not (
                1 <= len(title.split()) <= 5) or not (
                re.search(r"\b[a-z]", title)) or not stems(title):
            return False  # "Ana is away on the 3rd": a state told first, no time of a thing
        value, _, fact = value.partition(", ") if _DOES_AT.match(
            value.partition(", ")[2]) else (value, "", "")
        add = self._add(title[:1].upper() + title[1:], value=value, key=slug(title))
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        self.focus = [add.key, *self.focus]
        if fact:  # "..., the ferry leaves at 7:40": a fact of the plan just opened
            self._timed_fact(fact, fact, None)
        return True

    def _plan_sentence(self, sentence: str) -> bool:
        """A plan opened with its list after a colon, or opened with no subject while no plan is
        set up, is read whole: its commas and 'then' order its steps, they start no clause."""
        c = _as_progressive(strip_fillers(sentence).rstrip(".!? "))
        listed = re.search(r"[^\d\s]\s*:\s", c) is not None
        opening = not any(not t.parents for t in self._live()) and _OPENING.match(c)
        if not (listed and _PLAN.match(c)) and not opening:
            return False
        before = len(self.subtasks)
        if not self._plan(c, sentence, None):
            del self.subtasks[before:]
            return False
        return True

    def _occasion(self, sentence: str, after: list[str]) -> bool:
        """'The car broke down. I need to A, B and C' with nothing in memory: what happened to
        the thing named is the occasion of the steps wished for next; that thing is the plan."""
        thing = _happened_to(strip_fillers(sentence).rstrip(".! "))
        if thing is None or self._live() or not after or not (wish := _WANT.match(
                strip_fillers(after[0]).rstrip(".! "))):
            return False
        steps = _steps(wish["rest"])
        if len(steps) < 2 or not all(_imperative(step) for step, _ in steps):
            return False
        add = self._add(thing[:1].upper() + thing[1:], key=slug(thing))
        self._emit(Intent.NEW, sentence, [add], about=[add.key])
        return True

    def _problem_joined(self, told: list[str]) -> list[str]:
        """'The shed roof leaks. It needs patching.' with nothing in memory: a problem and what
        it needs, told in two sentences, are read as one, as if a dash joined them."""
        if self._live() or len(told) < 2 or " - " in told[0] or not _needed_steps(
                strip_fillers(told[1]).rstrip(".! "), "it"):
            return told
        return [f"{told[0].rstrip('.! ')} - {told[1]}", *told[2:]]

    def _problem_needs(self, sentence: str) -> bool:
        """'The shed roof leaks when it rains - it needs patching and the gutter clearing' with
        nothing in memory: a problem with a thing, then what that thing (or another) needs
        done; the thing is the plan, each thing needing something a step of it."""
        problem, _, needed = strip_fillers(sentence).rstrip(".! ").partition(" - ")
        thing = _first_thing(problem)
        if self._live() or not needed or thing is None or _imperative(problem) or not (
                _FINITE_WORD.search(problem) or any(is_verb(w) and lemma(w) != w.lower()
                                                    for w in problem.split()[1:])):
            return False  # the problem is a statement with a verb of its own
        steps = _needed_steps(needed, thing) or _wished_steps(needed, thing) or _listed_needs(
            needed, thing)
        if not steps:
            return False
        root = self._add(thing[:1].upper() + thing[1:], key=slug(thing))
        ops = [root, *(self._add(step, parents=[root.key]) for step in steps)]
        self._emit(Intent.NEW, sentence, ops, about=[op.key for op in ops])
        self.focus = [root.key, *self.focus]
        return True

    def _said_plainly(self, told: list[str]) -> list[str]:
        """The sentences of a turn, those that name a plan in a roundabout way said plainly:
        a request to keep track of one on an empty memory, news passed on ('the school told
        us the fair is on the 3rd') as the news, 'mine' for a thing just named."""
        if not self._live():
            told = _doing_kept(told)
            told = [_help_asked(sentence) for sentence in told]
        told = [_IN_CHARGE.sub(r"\g<who> running ", _TOLD_ME.sub("", sentence))
                for sentence in told]
        return [_mine_named(said, told[n - 1]) if n else said for n, said in enumerate(told)]

    def _entries(self, head: str, rest: str) -> bool:
        """'Stalls: Ann friday, $15; the bakery saturday for $40': entries cut at semicolons,
        each a task named before its first value, the values its details; under the plan named
        or in talk, else under a task named by the label."""
        named = ";" not in rest  # "Ann on friday at 6 and Bo on monday at 7": by names alone
        entries = [e.strip(" ,.") for e in re.split(
            r"\s*,\s*(?:and\s+)?|\s+and\s+" if named else ";", rest)]
        cut = [_name_and_role(e) if named else _name_and_details(e) for e in entries]
        if len(entries) < 2 or "?" in rest or any(name is None for name, _ in cut) or any(
                _imperative(e) and _DETERMINED.match(e) for e in entries) or (named and not all(
                    re.match(r"[A-Z]", e) for e in entries)):
            return False
        ops: list[Operation] = []
        parent = self._match(head, self._live()) or self._root_for(None)
        if parent is None:
            opened = self._opened_before()  # emitted with the sentence that named it
            if opened is None:
                ops.append(opened := self._add(clean_phrase(head).capitalize(), key=slug(head)))
            parent = self.tasks[opened.key]
        for name, details in cut:
            title = str(name)
            ops.append(self._add(title[:1].upper() + title[1:], value=details,
                                 parents=[parent.key]))
        self._emit(Intent.NEW, f"{head}: {rest}", ops, about=[parent.key, *(o.key for o in ops)])
        return True

    def _listed_steps(self, head: str, rest: str) -> bool:
        """'Garden jobs: prune the roses, and mow the lawn before Friday': requests listed after
        a label are steps under the task it names, a new one under the plan in talk if none."""
        steps = _shared_verb(rest) or _list_items(rest)  # "bring A, B and C": bring each
        requests = [s for s in steps if _listed_request(s) and len(s.split()) > 1]
        if len(requests) < 2 or "?" in rest or not all(
                self._names_step(s) if s in requests else _noun_item(s) for s in steps):
            return False  # "skip hire" among requests is a step named by its noun
        label = clean_phrase(re.sub(r"^(?:plus|and|also)\s+", "", head.strip(), flags=_I))
        live = self._live()
        parent = self._match(label, live, strict=True, by_value=False)
        ops: list[Operation] = []
        if parent is None:
            root = self._root_for(None)
            title, slots = _slot_phrases(label) if _imperative(label) else (label, [])
            if not any(name in ("date", "time") for name, _ in slots):
                title, slots = label, []  # "plan a trip to Rome": the whole label names it
            ops.append(self._add(title[:1].upper() + title[1:], key=slug(
                _noun_phrase(title) if slots else label), parents=[root.key] if root else []))
            parent = self.tasks[ops[-1].key]
            ops += [self._add(name.capitalize(), value=value, parents=[parent.key],
                              key=f"{parent.key}.{name}") for name, value in slots]
            if not parent.parents:  # a plan opened: the sentences after it speak of it
                self.focus = [parent.key, *self.focus]
        for step in steps:
            ops += self._item(step, parent)
        self._emit(Intent.NEW, f"{head}: {rest}", ops, about=[parent.key, *(o.key for o in ops)])
        return True

    def _names_step(self, step: str) -> bool:
        """A request in a list names a step unless its verb asks for a change; with nothing
        in memory there is nothing to change, so 'update the address book' is a step too."""
        frame = read_frame(step)
        return not frame.known or (not self._live() and frame.mood == Mood.REQUEST)

    def _opened_before(self) -> AddTask | None:
        """'A new term at the pottery club. Members: ...': a sentence with no verb just before,
        left unread, that names what the list belongs to; it becomes that plan."""
        last = self.subtasks[-1] if self.subtasks else None
        said = strip_fillers(last.text).rstrip(".!? ") if last is not None else ""
        m = _SCENE.match(said) or (_TOPIC_ALONE.match(said) if not self._live() else None) if (
            last is not None and last.intent == Intent.UNPARSED) else None
        if m is None or last is None or not _bare_noun_phrase(m["plan"]):
            return None  # "the driveway." alone, first in an empty memory, names the plan too
        title = clean_phrase(m["plan"])
        add = self._add(title[:1].upper() + title[1:], key=slug(title))
        self.subtasks[-1] = Subtask(text=last.text, intent=Intent.NEW, operations=[add],
                                    about=[add.key])
        return add

    def _one_more(self, head: str, rest: str) -> bool:
        """'Add another one: Bo's bakery, friday, $30': one more item like those of the plan
        in talk, named first, its facts after."""
        root = self._root_for(None)
        name, *facts = [p.strip(" .!") for p in rest.split(",")]
        if root is None or not _ONE_MORE.match(head.strip()) or not facts or any(
                k != ValueKind.NAME for k, _ in typed_phrases(name, sentence=False)) or not all(
                _only_value(f) or any(k != ValueKind.NAME for k, _ in typed_phrases(
                    f, sentence=False)) for f in facts):
            return False  # each fact a value, or words with one ("£60 for the logo")
        add = self._add(name[:1].upper() + name[1:], value=", ".join(facts), parents=[root.key])
        self._emit(Intent.NEW, f"{head}: {rest}", [add], about=[root.key, add.key])
        return True

    def _listed(self, head: str, rest: str) -> bool:
        items = _expand(split_list(rest))
        if (len(items) < 3 and not (len(items) == 2 and all(map(_starts_with_value, items)))) or (
                any(_listed_request(i) for i in items[:1]) or "?" in rest):
            return False  # two items are a list when both are values ("May 3 at 2, 30 seats")
        live = self._live()
        label = self._match(head, live)
        parent = label or self._root_for(None)
        if parent is None and _FINITE_WORD.search(head):
            return False  # "we're running X - A, B": a statement, no label to name a plan
        ops: list[Operation] = []
        if label is None and parent is not None and all(_only_value(i) and all(
                k != ValueKind.NAME for k, _ in typed_phrases(i, sentence=False)) for i in items):
            words = re.findall(r"[a-z]+", head.lower())
            noun = singular(words[-1]) if words else ""
            if attribute_of(noun) is None and can_be_noun(noun):
                # "three shifts: Monday morning, Friday night": each a thing of that kind
                ops = [self._add(f"{i} {noun}", parents=[parent.key]) for i in items]
                self._emit(Intent.NEW, f"{head}: {rest}", ops,
                           about=[parent.key, *(o.key for o in ops)])
                return True
            # "Days: Mon, Tue and Thu, 8 till 6": values of one thing the label names
            name = clean_phrase(head)
            ops.append(self._add(name[:1].upper() + name[1:], value=clean_phrase(rest),
                                 parents=[parent.key], key=f"{parent.key}.{slug(head)}"))
            self._emit(Intent.NEW, f"{head}: {rest}", ops, about=[parent.key, ops[0].key])
            return True
        if parent is None and (opened := self._opened_before()) is not None:
            parent = self.tasks[opened.key]  # "The patio. Quotes: A £90, B £80": the patio's
        if parent is None:  # "The fair: May 3 at the school, 10am, stalls $5": the facts of it;
            # "40 chairs, 6 tables and a PA" with no date, time or price: counted items, no facts
            facts = [i for i in items if not _NOUN_PRICE.fullmatch(i) and (
                _only_value(i) or _starts_with_value(i) or any(
                    i.startswith(phrase) for k, phrase in typed_phrases(i, sentence=False)
                    if k != ValueKind.NAME))]  # "Harbour Cafe for £200" names a thing
            if not any(_first_kind(i) in _TITLE_KINDS for i in facts):
                facts = [i for i in facts if _first_kind(i) != ValueKind.COUNT]
            items = [i for i in items if i not in facts]
            name = clean_phrase(head)
            ops.append(self._add(name[:1].upper() + name[1:], key=slug(head),
                                 value=", ".join(facts) or None))
            parent = self.tasks[ops[-1].key]
        for item in items:
            if noun_value := _noun_value(item):  # "stalls $5", "rate 9c/word": a thing, its value
                ops.append(self._add(noun_value[0][:1].upper() + noun_value[0][1:],
                                     value=noun_value[1], parents=[parent.key]))
                continue
            ops += self._item(item, parent)
        self._emit(Intent.NEW, f"{head}: {rest}", ops, about=[parent.key, *(o.key for o in ops)])
        return True

    def _clause(self, raw: str, slot: str | None, question: bool) -> None:
        c = re.sub(rf"[\s,]+(?:please|{_THANKS}|for me|while (?:we're|i'm|we are|i am) at it|"
                   r"actually)$", "", strip_fillers(raw).rstrip(".!? "), flags=_I)
        c = _AFTERTHOUGHT.sub("", c)  # "the tyres are done btw": the news without the aside
        c = _when_put_after(c)  # "on Friday we want A, and B": A is what is on Friday
        c = _booking_told(c)  # "I've booked a scan for Monday": the scan and when it is
        c = _THEIR_SLOT.sub("", c)  # "Bo at 2 in Ann's slot": the time says which slot
        c = _value_said_for(c)  # "let's say £50 for the gift": make the gift £50
        c = _LEFT_BEHIND.sub(r"drop \g<what>", c)  # "leave the dog at home": not coming
        c = _SWAPPED_TO.sub(r"move \g<what> to \g<when>", c)  # "swap Ann to 3": a move
        c = _AGAIN.sub(r"back to \g<v>", c)  # "24 again": the value said before, once more
        c = _CUT_TO.sub(r"reduce \g<what> to \g<v>", c)  # "cut the budget to £50": no removal
        c = re.sub(r"\brather than\b", "instead of", c, flags=_I)  # one way to say it
        c = _HAD_FOR.sub(r"revert \g<what>", c)  # "return to what I said for X": X's value then
        c = _AS_IT_WAS.sub("revert it", c)  # "return to how it was": the value before
        c = _LEFT_AS_IT_WAS.sub(r"revert \g<what>", c)  # "leave X where it was": the same
        self.negated += [m["what"] for m in _NEGATED.finditer(c)]
        if not re.search(r"[^\W_]", c):  # punctuation alone says nothing
            return
        if _SMALL_TALK.match(c):  # "bless her": talk, before 'her' is read as anyone
            self._emit(Intent.NOTE, raw)
            self.said.append(c)
            return
        c = self._possessor(c)
        try:
            self._interpret(c, raw, slot, question)
        finally:
            self.said.append(c)

    def _possessor(self, c: str) -> str:
        """'Ann cancelled, so scrap her slot': 'her slot' is the item named by the one person
        the clause before spoke of, when an item of the plan bears that name alone."""
        m = re.search(r"\b(?:his|her|hers|their|theirs)(?:\s+(?!(?:own|old|new|at|on|in|to|for|"
                      r"with|as|from|by|up|down|off|out|back)\b)[a-z]+)?\b|\bhim\b", c, _I)
        if m is None or not self.said or re.search(r"\b(?:his|her|their)\s+(?:place|stead)\b",
                                                   c, _I):
            return c  # "put Lee in her place": read by ``_stand_in``, as said
        people: dict[str, Task] = {}  # a word of a name, as it must be said, and its task
        for t in [*self._live(), *self._removed_now()]:
            words = t.title.split()
            if (titled := _TITLED_PERSON.match(t.title)) and t.parents:
                people.setdefault(titled["name"], t)  # "Mr Hughes for maths": Hughes
            elif t.parents and _PROPER_NAME.fullmatch(t.title) and words[0].lower() not in (
                    STOP) and (len(words) > 1 or not in_dictionary(t.title.lower())):
                # "To" or "From" names no one; "Ann" names Ann Lee, "bakery" Oak Bakery, and
                # "Do Ella's" is not named by "do"
                people.setdefault(words[0] if in_dictionary(words[0].lower()) else
                                  words[0].lower(), t)
                people.setdefault(words[-1].lower(), t)
        # the last clause that named anyone in memory (a pronoun in between names no one new)
        named = next((found for said in reversed(self.said) if (found := {
            people[k].key: people[k] for w in re.findall(r"[A-Za-z]+", said)
            for k in (w, w.lower()) if k in people})), {})
        if len(named) != 1:
            return c
        return c[:m.start()] + next(iter(named.values())).title + c[m.end():]

    def _handlers(self, slot: str | None) -> list[Callable[[str, str, str | None], bool]]:
        """The readings a clause is tried against, in order; the first that reads it wins.
        Those that name their task themselves only when no slot names it."""
        handlers: list[Callable[[str, str, str | None], bool]] = [
            self._rename, self._code_corrected, self._added_after_colon,
            self._day_gloss, self._assigned, self._person_off, self._put_in_for_removed,
            self._kept, self._detail_of_last, self._wanted_done,
            self._priced_items,
            self._still_so, self._held_up,
            self._chosen_for_task,
            self._labelled_list,
            self._reason_after_instead,
            self._plan, self._ordinal_step, self._steps_list,
            self._wished_step,
            self._shift, self._rollback, self._earlier_value,
            self._corrected, self._word_corrected, self._person_corrected,
            self._disowned_clause, self._told_against_disowned,
            self._chosen_option, self._was_after_all,
            self._reset,
            self._moved_instead, self._replace,
            self._split, self._merge, self._cancel, self._restore, self._done, self._called_off,
            self._instead_of,
            self._every, self._needs, self._needs_doing,
            self._timed_each, self._reparent, self._undepend, self._depend, self._add_instead,
            self._causative,
            self._add_to, self._add_here,
            self._goal,
            self._amount_moved, self._retime,
        ]
        if slot is None:
            handlers += [self._value_inside, self._moved_news, self._dash_details,
                         self._deadline, self._named_plan, self._booked_plan,
                         self._confirmed_plan]
            handlers += [self._fell_through, self._absent, self._stand_in, self._brings_instead,
                         self._part_taken, self._paid_thing,
                         self._put_down_as, self._myself,
                         self._frequency, self._was_fine, self._put_on]
            handlers += [self._reference_set, self._move, self._moved_me, self._instead_values,
                         self._make_named, self._quoted, self._priced_by, self._sourced,
                         self._switched_to, self._going_with,
                         self._role_of, self._comes_when, self._booked_person, self._paid,
                         self._helper, self._timed, self._timed_fact,
                         self._chosen_count,
                         self._joining,
                         self._owned, self._named_doer, self._schedule,
                         self._volunteered, self._participle_value, self._on_its_way,
                         self._steps_stated,
                         self._stated_value,
                         self._item_detailed,
                         self._event, self._topic_opening, self._item_named,
                         self._doing_step,
                         self._new_doing_step,
                         self._bare_value]
        return handlers

    def _interpret(self, c: str, raw: str, slot: str | None, question: bool) -> None:
        wished = _WANT.match(c) is not None
        if not question:
            c = self._made_for(_change_under_way(_advised(c)))
        self.also = (_ALSO.search(c) is not None or _ALSO.match(raw.strip(" ,")) is not None
                     or (self.needs and _imperative(c)))
        if m := _WANT.match(c):
            c, self.also = m["rest"], self.also or bool(m["also"] or m["then_also"]) or (
                self._opened_this_turn())
            # "she has to A, B and C" with a plan in talk: steps of that plan, and so are the
            # verb phrases that follow in the same sentence
            self.needs = bool(re.match(r"^(?:\S+\s*(?:'ve\s+|\s+)?)?(?:(?:also|still)\s+)?"
                                       r"(?:has|have|got|need|needs)\b", m[0], _I)) and (
                bool(self.focus) or not self._live()) and _imperative(c) and len(
                _steps(self._rest_of_sentence(c))) > 1
            self.also = self.also or self.needs
        elif slot is None and (m := _WILL.match(c)) and _imperative(m["rest"]) and not (
                re.match(r"(?:need|want)\s", m["rest"], _I)) and not any(
                _CANCEL.match(said) or _CANCEL_OFF.match(said) for said in self.said):
            # After a removal, "I'll just ..." says how to do without it: no new step.
            c, self.also = m["rest"], True  # "I'll order a chain": a step of the plan in talk
            self.will = True
        elif self.will and _imperative(c) and not read_frame(c).known:
            self.also = True  # "I'll bake the cake and set up the tables": both are steps
        frame = read_frame(c, question_mark=question, original=raw)
        if frame.asks and (question or frame.mood == Mood.QUESTION or not self.needs) and not (
                self._made_thing(frame, question, raw)):
            # a question or a request to be told: it reads, it never writes; but "I need to
            # print A, B and C" lists steps of the plan, it asks for nothing to be shown
            about = self._about(c, slot) or [t.key for t in self._live() if not t.parents][-3:]
            self._emit(Intent.CHECK, raw, about=about)
            return
        self.under = None
        if (lead := _LEAD.match(c)) and not question:  # "For the party, ...": the plan named
            if lead["prep"].lower() == "for" and self._chosen_for(lead["what"], lead["rest"], raw):
                return
            if lead["prep"].lower() == "for":
                self.under = self._root_for(lead["what"]) or self._lead_plan(lead["what"],
                                                                              lead["rest"])
            c = self._after_lead(strip_fillers(lead["rest"]))
            frame = read_frame(c)
        if LEFT_BE.fullmatch(c.strip(" .!")):
            self._emit(Intent.NOTE, raw)  # "leave it": things stay as they are
            return
        if self._why_removed(c):
            # "drop the survey, Ann's handling it herself": why, after a removal
            self._emit(Intent.NOTE, raw, about=self._about(c, None))
            return
        for handler in self._handlers(slot):
            if handler(c, raw, slot):
                return
        if slot is not None and (_STATEMENT.match(c) or _DESCRIBES.match(c)
                                 or _NAMED_PAST.match(c)) and not (
                typed_phrases(c)):
            self._emit(Intent.NOTE, raw, about=[slot])  # "..., she's always talking about it"
        elif slot is not None and _PERSON_SAYS.match(c) and any(
                s.operations and slot in s.about for s in self.subtasks):
            # "dentist: move it to the 9th, I'm away on the 2nd": why, once the slot is set
            self._emit(Intent.NOTE, raw, about=[slot])
        elif slot is not None:
            self._slot_value(c, raw, slot)
        elif _SMALL_TALK.match(c) or _CALLED.match(c):
            self._emit(Intent.NOTE, raw)
        elif _STATEMENT.match(c) or _DESCRIBES.match(c) or _EVALUATIVE.search(c) or (
                self._held_subject(c)):  # "Bolt & Co have gone bust": no request to bolt
            self._emit(Intent.NOTE, raw, about=self._about(c, None))
        elif frame.mood == Mood.REQUEST and not frame.known and not frame.reference and (
                frame.object or frame.roles):  # a verb alone ("Smashing, ta") names nothing
            if not self._details_of_named(frame.object, frame.roles, c, raw):
                self._new_task(c, raw)  # an imperative the lexicon does not know names a task
        elif frame.mood == Mood.STATEMENT and frame.negated:
            self._emit(Intent.NOTE, raw, about=self._about(c, None))  # "X can't do Friday"
        elif wished and not frame.reference and (
                self._first_goal(c) or self._unheld_change(c, frame)):
            # "I'll need to move the van out" with a plan in talk: a step of that plan
            self.also = self.also or bool(self._live())
            self._new_task(c, raw)
        else:
            self._unparsed(raw, c)

    def _rename(self, c: str, raw: str, slot: str | None) -> bool:
        """'rename the X to Y', 'call it Y': the task named takes Y for its title, its value
        kept. A name that is no title, or an old name that names no one task (by every one of
        its words, or by what 'it' stands for), writes nothing."""
        m = next((m for form in _RENAMES if (m := form.match(c))), None)
        if m is None:
            return False
        old, new = m["old"], _unquoted(m["new"]).strip(" ,.")
        quoted = re.search(_QUOTE, old)  # "the 'X' chapter": the quoted words name it
        old = _unquoted(quoted.group()) if quoted else _PLACEHOLDER.sub("", old)
        live = self._live()
        if clean_phrase(old).lower() in _PRONOUNS or old.lower() in ("that one", "this one"):
            named = self._items(old, live, slot)[:1]
        else:
            named = self._titled(set(stems(old)))
            exact = [t for t in named if _same(t.title, clean_phrase(old))]
            named = exact or named
        if len(named) != 1 or not re.search(r"[^\W\d_]", new) or unwritable(new):
            self._unparsed(raw, c, reason=None if named else "no task by that name")
            return True
        task = named[0]
        title = new[:1].upper() + new[1:] if task.title[:1].isupper() else new
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title)], about=[task.key])
        self._pending(task, title=title)
        return True

    def _made_for(self, c: str) -> str:
        """'Make it 40 for the meal' where a task is the meal: 'make the meal 40', the value for
        the task named, not for whatever 'it' was last."""
        it = _MAKE_IT_FOR.match(c)
        if it is None or not _only_value(it["v"]) or len(typed_phrases(
                it["v"], sentence=False)) != 1 or len(
                [t for t in self._live() if mentions(t.title, clean_phrase(it["what"]))]) != 1:
            return c  # no one task so titled: which one is meant is not guessed
        what = re.sub(r"^the\s+", "", it["what"], flags=_I)
        return f"make the {what} {it['v']}"

    def _held_subject(self, c: str) -> bool:
        """Whether a live task's whole title of two or more words opens ``c`` as the subject of
        a finite verb ('Bolt & Co have gone bust'), whatever its first word could be."""
        return any(" " in t.title and re.match(
            rf"{re.escape(t.title)}(?:'s|\s+(?:has|have|had|is|are|was|were|will|won't|can't|"
            r"did|didn't|does|doesn't))\b", c, _I) for t in self._live())

    def _made_thing(self, frame: Frame, question: bool, raw: str = "") -> bool:
        """'print the name badges', 'confirm the time with the vet': a verb that may ask to
        read memory back, on a thing that is no part of memory, names a step to do; asked
        'for me' ('list the guests for me'), it asks to be told."""
        if re.search(r"\b(?:for|to)\s+(?:me|us)\b", raw, _I):
            return False
        return not question and frame.mood == Mood.REQUEST and frame.verb in _DOING_READS and (
            bool(stems(frame.object))) and not _MEMORY_OBJECT.match(frame.object) and (
            self._match(frame.object, self._live()) is None)

    def _why_removed(self, c: str) -> bool:
        """A statement right after a removal says why: 'Ann's handling it herself', 'the
        old one works fine'. A value in it is news ('the hall is $90 now') unless a word
        such as 'anyway' marks it as the reason ('the party's on a Sunday anyway') or it is
        of what the turn gives up ('swap the oak for pine, the oak's £90')."""
        if (m := _COPULA.match(c)) and self._given_up(clean_phrase(m["subj"])):
            return True
        removed = bool(self.said) and bool(_CANCEL.match(self.said[-1]) or _CANCEL_OFF.match(
            self.said[-1]))
        stated = bool(_COPULA.match(c) or _DESCRIBES.match(c) or (
            # "..., we'll get streamers instead" is a request of its own
            _STATEMENT.match(c) and not re.match(r"(?:i|we)\b", c, _I)))
        if not removed or not stated or _imperative(c) or re.search(r"\binstead\s+of\b", c, _I):
            return False  # "..., and she'd like red instead of blue": a change of its own
        return _BECAUSE_WORD.search(c) is not None or not any(
            k != ValueKind.NAME for k, _ in typed_phrases(c))

    def _chosen_for(self, what: str, rest: str, raw: str) -> bool:
        """'For the fence I'm going with Larch Lap', 'for the walls use sage green, matt': a
        choice (no article: a name or a kind) is the value of the step the lead names, else
        a new attribute of the plan in talk named by it. A root is never what is chosen for."""
        m = _CHOSEN.match(rest.strip())
        title = clean_phrase(what)
        if m is None or _NEGATIVE.search(rest) or not stems(title) or len(title.split()) > 3:
            return False
        value = clean_phrase(m["v"])
        live = self._live()
        target = self._match(title, [t for t in live if t.parents], strict=True, by_value=False)
        if target is not None:
            self._update(target, value, raw)
            return True
        root = self._root_for(None)
        if root is None or self._match(title, live, by_value=False) is not None:
            return False
        add = self._add(title[:1].upper() + title[1:], value=value, parents=[root.key],
                        key=f"{root.key}.{slug(title)}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _reason_after_instead(self, c: str, raw: str, slot: str | None) -> bool:
        """'Move the party to Sunday instead, the hall's taken Saturday': after a change made
        with 'instead', a statement about something memory does not hold says why."""
        m = _COPULA.match(c)
        last = self.subtasks[-1] if self.subtasks else None
        if m is None or last is None or not last.operations or not self.said or not re.search(
                r"\binstead\b", self.said[-1], _I) or _imperative(c) or _TAKES_PART.match(c):
            return False  # "..., and Jo's driving": a part taken, a change of its own
        subject = clean_phrase(m["subj"])
        if subject.lower() in (*_PRONOUNS, "i", "we", "you") or self._match(
                subject, self._live(), by_value=False) is not None:
            return False  # "get Bo instead, she's $90": what the new one is, no reason
        self._emit(Intent.NOTE, raw, about=self._about(c, None))
        return True

    def _first_goal(self, c: str) -> bool:
        """'I want to switch banks before the 1st' while memory holds nothing: the change wished
        for cannot be to a task, so it names the first one, whatever its verb."""
        return not self._live() and _imperative(c) and len(_steps(c)) == 1 and bool(
            stems(_drop_verb(c)))

    def _rest_of_sentence(self, c: str) -> str:
        """``c`` and what follows it in its sentence of the turn: the steps a wish lists may
        have been cut into clauses ('I need to A and B')."""
        at = self.text.find(c)
        return c if at < 0 else re.split(r"(?<=[.!?])\s", self.text[at:], maxsplit=1)[0]

    def _items_after_opening(self, sentence: str) -> bool:
        """'Can you help me plan a craft weekend? Two quilts and a rag rug, the 3rd and 4th of
        May.': a sentence of noun phrases with no verb, after a request that opened a plan in
        the same turn, lists its items; the values among them (when, where, how much) are the
        plan's."""
        said = strip_fillers(sentence).strip(" .!")
        items = _expand(split_list(said))
        root = self._root_for(None)
        asked = "?" in self.text.partition(sentence.strip())[0]  # the plan opened by a request
        if root is None or not asked or not self._opened_this_turn() or len(items) < 2 or (
                "?" in said or ":" in said or ";" in said) or (
                _FINITE_WORD.search(said)) or any((_imperative(i) and not can_be_noun(
                    i.split()[0])) or not (_only_value(i) or _has_a_noun(i)) for i in items):
            return False
        values = [i for i in items if _only_value(low := i[:1].lower() + i[1:]) and all(
            k in _TITLE_KINDS for k, _ in typed_phrases(low, sentence=False))]
        things = [i for i in items if i not in values]
        if not things:
            return False
        ops = [op for item in things for op in self._item(item, root)]
        if values:  # as said, when they close the sentence: "the 3rd and 4th of May"
            told = said[said.find(values[0]):] if said.endswith(values[-1]) else ", ".join(values)
            value = _joined_to(root.value, told)
            ops.append(ReviseTask(key=root.key, value=value))
            self._pending(root, value=value)
        self._emit(Intent.NEW, sentence, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _opened_this_turn(self) -> bool:
        """Whether the plan in talk was opened by this turn: what is wished for after it in the
        same turn ('Taking Leo to the show. He wants to see the tractors') is a step of it."""
        root = self._root_for(None)
        return root is not None and any(
            isinstance(op, AddTask) and op.key == root.key and not op.parents
            for s in self.subtasks for op in s.operations)

    def _unheld_change(self, c: str, frame: Frame) -> bool:
        """'I need to move the van out of the yard' with a plan in talk: a verb that may ask
        for a change, wished for, on a thing no task holds, is a step to do, not a change."""
        obj = _drop_verb(c)
        return frame.intent in ("move", "set", "replace", "rename") and _imperative(c) and (
            len(_steps(c)) == 1) and bool(stems(obj)) and self._root_for(None) is not None and (
            self._match(obj, self._live()) is None)

    def _after_lead(self, c: str) -> str:
        """What follows 'For X, ...', read as what is wanted for X: 'we need A, B and C' for
        'I'll need A, B and C' (things), the requests after 'I need to' or 'let's' (steps)."""
        if _NEEDS_THINGS.match(c):  # "For X I'll need A, B and C": X needs them
            return re.sub(r"^(?:i|we)(?:'ll|\s+will)?\s+", "we ", c, flags=_I)
        if m := _WANT.match(c) or _MODAL.match(c):
            c, self.also = m["rest"], True
            # "For X, I need to A, B and C": the requests after it are steps of X too
            self.needs = self.needs or (self.under is not None and _imperative(c))
        return c

    def _lead_plan(self, what: str, rest: str) -> Task | None:
        """'For the visa with the embassy I need to A, B and C' with no plan yet: the plan
        the leading phrase names, which the steps go under."""
        title, value = _title_and_roles(what)
        if any(not t.parents for t in self._live()) or not (
                _WANT.match(rest) or _NEEDS_THINGS.match(rest)) or not stems(
                title) or len(title.split()) > 4:
            return None
        add = self._add(title[:1].upper() + title[1:], value=value or None, key=slug(title))
        self._emit(Intent.NEW, f"For {what}", [add], about=[add.key])
        return self.tasks[add.key]

    def _refers_to_unread(self, raw: str) -> str | None:
        """Why ``raw`` speaks of what a clause just before it in the same sentence named, a
        clause that was not understood, or None: it opens with 'it' after a clause that named
        a new thing ('then a mug from X - it must arrive by the 1st'), or with a past form and
        no subject at all ('the X is off - moved to the 9th'). What it stands for is most
        likely what that clause named, not the task in talk. ('They' is as often who did it,
        'that one' the task those words named, and after an aside with no new thing named,
        'it' is what memory holds.)"""
        # the clause before, past a reason given for it ("..., because of X - moved to ...")
        last = next((s for s in reversed(self.subtasks) if s.intent != Intent.NOTE), None)
        said = strip_fillers(raw)
        if last is None or last.intent != Intent.UNPARSED or not any(
                last.text.strip(" .") in whole and raw.strip(" .") in whole
                for whole in sentences(self.text)):
            return None
        if re.match(r"it\b", said, _I) and re.search(r"\b(?:a|an)\s+\w", last.text, _I):
            return "an 'it' that stands for words I could not read"
        if re.match(r"(?:been\s+)?[a-z]+ed\b", said) and is_past(said.split()[0]):
            return "no subject in it but words I could not read"
        return None

    def _unparsed(self, raw: str, c: str, reason: str | None = None) -> None:
        """A clause not understood writes nothing; the tasks it may speak of are named, and the
        reason when the clause was read but memory holds nothing it fits."""
        if (_THANKED.search(raw) and len(c.split()) <= 2 and reason is None) or (
                THANKS_FIRST.match(raw)):
            self._emit(Intent.NOTE, raw)  # "Smashing, ta": a word of thanks, nothing asked
            return
        self._emit(Intent.UNPARSED, raw, about=self._closest(c), track=False, reason=reason)

    def _closest(self, c: str) -> list[str]:
        words = set(stems(c))
        scored = []
        for task in self.tasks.values():  # a removed task may be what is meant
            own = set(stems(f"{task.key.replace('-', ' ')} {task.title} {task.value or ''}"))
            if shared := len(words & own):
                scored.append((-shared, task.key))
        return [key for _, key in sorted(scored)[:3]]

    # -- intents -----------------------------------------------------------------------------

    def _undo_latest(self, c: str, raw: str) -> None:
        """"Undo that": the latest change to the task talked about goes back a value."""
        changed = [t for t in self._recent() if len(self.past.get(t.key, [])) > 1 or (
            # a value given where there was none: revised, it has a version before
            t.value and t.version > 1 and t.status == TaskStatus.ACTIVE)]
        if not changed:
            self._unparsed(raw, c, reason="no earlier value to go back to "
                           "(`:undo` in the chat undoes a whole turn)")
            return
        self._emit(Intent.ROLLBACK, raw, [RollbackTask(key=changed[0].key)],
                   about=[changed[0].key])

    def _rollback(self, c: str, raw: str, slot: str | None) -> bool:
        if _UNDO.match(c):
            self._undo_latest(c, raw)
            return True
        if _MOVED_BACK.search(c):
            return False  # "pushed back to Dec 15" moves a date, it restores none
        if (named_kind := _ROLLBACK_KIND.match(c)) is not None and (
                kind := attribute_of(named_kind["what"].split()[-1])) is not None and (
                named_kind["previous"] or not named_kind["to"]):
            return self._rollback_attribute(kind, named_kind["what"], raw)
        m = _ROLLBACK.search(c)
        original = _ORIGINAL.search(c) is not None
        named = _ORIGINAL_OF.search(c) if not original else None
        if named is not None and (revised := [t for t in self._live()
                                              if len(self.past.get(t.key, [])) > 1]):
            target = (self._active(slot) if slot else None) or self._match(named["noun"], revised)
            if (kind := attribute_of(named["noun"])) in ("date", "time"):
                holder = next((t for t in self._recent() if t in revised
                               and retype(t.value or "", ValueKind(kind), "x")), None)
                if target is None or (holder is not None and len(stems(named["noun"])) == 1
                                      and _later(holder, target)):
                    # "the original dates": the last task changed that holds some, before one
                    # only called so
                    target = holder
            if target is not None:  # "the original date": that task's first value
                self._emit(Intent.ROLLBACK, raw, [self._to_original(target)],
                           about=[target.key])
                return True
        if not m and not (original and slot):
            return False
        if named is not None and m is not None and named.start() >= m.start("x"):
            # "back to the original lamp" with no task that had one: no value to write
            self._unparsed(raw, c, reason="no earlier value of that to go back to")
            return True
        wanted = clean_phrase(re.sub(r"\s+(?:too|as well)$|^what$", "", _ORIGINAL.sub(
            "", m["x"] if m else "").strip(), flags=_I)) or None
        if wanted and (wanted.lower() in _PRONOUNS or _THAT_ONE.fullmatch(wanted)):
            # "noon was better, return to that", "the 6:05 has seats again, back to that one"
            before = [c[:m.start()]] if m else []
            earlier = [p for said in [*before, *reversed(self.said)]
                       for _, p in reversed(typed_phrases(said))]
            wanted = earlier[0] if earlier else None
        # "put the fee back to what we had at first": the fee, named before 'back'
        target = self._active(slot) if slot else self._put_back(c) if original else None
        if target is None and wanted:
            target = next((t for t in self._live() if self._had_value(t.key, wanted)), None)
        if target is None and wanted and (typed := typed_phrases(wanted)):
            # "go back to 140": the task that had that value
            said = typed[0][1]
            holders = [t for t in self._recent() if self._had_value(t.key, said)
                       and not mentions(t.value or "", said)]
            if not holders and typed[0][0] == ValueKind.COUNT:  # "25 guests" names "25"
                said = said.split()[0]
                holders = [t for t in self._recent() if self._had_value(t.key, said)
                           and not mentions(t.value or "", said)]
            if holders:
                value = self._past_value(holders[0].key, said)
                self._emit(Intent.ROLLBACK, raw, [RollbackTask(key=holders[0].key,
                                                               to_value=value)],
                           about=[holders[0].key])
                return True
        if target is None and wanted and self._count_back(wanted, raw):
            return True
        if target is None and wanted and not _only_value(wanted) and not any(
                mentions(f"{t.title} {t.value or ''}", wanted) for t in self._live()) and (
                not re.match(r"revert\s+(?!to\b)", c, _I)) and self._swap_back(wanted, raw):
            return True  # (in "revert the cover" the cover is a thing, no value)
        if target is None and wanted and self._back_to_kind(wanted, raw):
            return True
        if target is None:
            target = self._match(wanted or c, self._live())
        if target is None:
            return bool(m and m.start() == 0) and self._back_to_title(wanted, raw, c)
        wanted = self._as_value(target, wanted)
        if wanted and (back := self._back_to(target, wanted)) is not None:
            op: Operation = back
        elif wanted and not original:
            op = _set_back(target, wanted)
        elif original:
            op = self._to_original(target)
        else:
            op = RollbackTask(key=target.key)
        return self._roll_back(target, op, wanted, raw, c)

    def _put_back(self, c: str) -> Task | None:
        """The live task a request to put something back names before 'back' ('put the fee
        back to ...'), if any."""
        m = _PUT_BACK_OBJECT.match(c)
        return self._match(m["what"], self._live(), strict=True) if m else None

    def _as_value(self, task: Task, wanted: str | None) -> str | None:
        """``wanted`` as a value ``task`` may go back to; None when it only names the task
        ("revert the raffle")."""
        if wanted and not typed_phrases(wanted, sentence=False) and set(stems(wanted)) <= set(
                stems(f"{task.key} {task.title}")) and not self._had_value(task.key, wanted):
            return None
        return wanted

    def _to_original(self, task: Task) -> RollbackTask:
        """Back to the first revision of ``task``; when it has had more revisions than values
        (it was added with none), to the first value it was given: 'the original' never
        means the nothing a task was added with."""
        past = self.past.get(task.key, [])
        if past and task.version > len(past):
            return RollbackTask(key=task.key, to_value=past[0])
        return RollbackTask(key=task.key, to_n=1)

    def _earlier_value(self, c: str, raw: str, slot: str | None) -> bool:
        """'Order the 5 kg I began with', 'let's do the $40 we had at first': a value said
        to be an earlier one, that a task held before and holds no more, is set back there,
        whatever the verb; with no task that held it, this is no such reading."""
        if not _ORIGINAL.search(c):
            return False
        typed = [p for k, p in typed_phrases(c, sentence=False) if k != ValueKind.NAME]
        held = [t for t in self._live() if typed and self._had_value(t.key, typed[0])
                and not mentions(t.value or "", typed[0])]
        if len(held) != 1 or (op := self._back_to(held[0], typed[0])) is None:
            return False
        self._emit(Intent.ROLLBACK, raw, [op], about=[held[0].key])
        return True

    def _swap_back(self, wanted: str, raw: str) -> bool:
        """'Podcasts are too slow. Return to the audiobooks.': what is swapped back out is
        what the turn spoke of before; 'back to the navy, the charcoal looked grim': or after."""
        old = self._context_old(wanted)
        if old is None or self._changed_now(old):
            old = self._context_old(wanted, within=split_clauses(
                self.text.partition(raw.strip())[2]))
        return old is not None and not self._changed_now(old) and self._swap(
            old, wanted, raw, Intent.ROLLBACK)

    def _back_to_kind(self, wanted: str, raw: str) -> bool:
        """'Back to the 3rd for the recital': a date, time or price with the words naming its
        task; of the tasks holding one value of that kind, the one those words name takes it
        again, in its value and in its title where they hold it."""
        typed = [(k, p) for k, p in typed_phrases(wanted, sentence=False) if k in _TITLE_KINDS]
        if len(typed) != 1:
            return False
        kind, said = typed[0]
        holders = [t for t in self._live() if any(
            k == kind for k, _ in typed_phrases(f"{t.title}, {t.value or ''}", sentence=False))]
        rest = re.sub(r"^\s*(?:for|of|on)\s+", "", wanted.replace(said, " ").strip(), flags=_I)
        task = self._match(rest, holders, by_value=False) if stems(rest) else None
        if task is None or any(sum(k == kind for k, _ in typed_phrases(text, sentence=False)) > 1
                               for text in (task.title, task.value or "")):
            return False  # no task named, or two values of the kind: which one is not clear
        title = _retyped(task.title, kind, said)
        value = _retyped(task.value, kind, said) if task.value else None
        if title is None and value is None:
            return False
        self._emit(Intent.ROLLBACK, raw, [ReviseTask(key=task.key, title=title, value=value,
                                                     reason="set back by request")],
                   about=[task.key])
        self._pending(task, title=title or task.title, value=value or task.value)
        return True

    def _roll_back(self, target: Task, op: Operation, wanted: str | None, raw: str,
                   c: str) -> bool:
        """Emit the rollback ``op``; with no earlier value to go back to, the value wanted
        goes back into the title that held it, or nothing is written."""
        if isinstance(op, RollbackTask) and len(self.past.get(target.key, [])) < 2:
            typed: list[tuple[ValueKind, str]] = [
                (k, p) for k, p in typed_phrases(wanted or "", sentence=False)
                if k != ValueKind.NAME]
            if not (typed and self._retitle(target, typed, raw, Intent.ROLLBACK)):
                self._unparsed(raw, c)
            return True
        self._emit(Intent.ROLLBACK, raw, [op], about=[target.key])
        return True

    def _attributes(self, kind: str, what: str) -> list[Task]:
        """The tasks holding an attribute of ``kind`` whose names (their own or their parent's)
        have every word of ``what`` but its last ('the launch date': of the launch), latest
        talked about first."""
        owner = set(stems(" ".join(what.split()[:-1])))
        held = []
        for task in self._recent():
            parents = [self.tasks[k] for k in task.parents if k in self.tasks]
            names = " ".join(f"{t.key.replace('.', ' ')} {t.title}" for t in (task, *parents))
            if _is_attribute(task, kind) and owner <= set(stems(names)):
                held.append(task)
        named = [t for t in held if mentions(t.title, what.rsplit(maxsplit=1)[-1])]
        return named or held  # "the deadline": one called so before any other date

    def _shift(self, c: str, raw: str, slot: str | None) -> bool:
        """'Push the deadline back a week', 'move the launch date up two days', 'put the fair
        back a day': the date attribute named, or every date of the task named, moves by that
        much; a date memory cannot count from is left alone."""
        m = _SHIFT.match(c)
        if m is None:
            return False
        days = (_number(m["n"]) or 1) * (7 if m["unit"].lower().startswith("week") else 1)
        if m["way"].lower() in ("forward", "up", "earlier"):
            days = -days
        if attribute_of(m["what"].split()[-1]) == "date":
            held = self._attributes("date", m["what"])
        else:  # "put the fair back a day": every date the task holds, or its date's
            held = self._items(m["what"], self._live(), slot)[:1]
            dates = [t for t in self._live() if held and held[0].key in t.parents
                     and _is_attribute(t, "date")]
            if held and _dates_shifted(held[0].value or "", days) is None and len(dates) == 1:
                held = dates
        new = _dates_shifted(held[0].value or "", days) if held else None
        if new is None:
            self._unparsed(raw, c)
            return True
        self.spent.append(m["n"])
        self._update(held[0], new, raw)
        return True

    def _kept(self, c: str, raw: str, slot: str | None) -> bool:
        """'Leave her at 12', 'keep the band at 4pm', 'leave it as it is': the task stays as
        memory holds it, so nothing is written, and a change to it said earlier in the turn is
        taken back. A value the task does not hold is no keeping; other readings try it."""
        m = _KEPT.match(c)
        if m is None:
            return False
        value = m["value"]
        live = self._live()
        holders = {t.key for t in map(self.before.get, self.tasks) if t is not None and (
            value is None or _says_value(f"{t.title} {t.value or ''}", value))}
        if m["what"].lower() in _KEPT_PRONOUNS:
            target = next((t for t in self._recent() if t.key in holders), None)
        else:
            target = self._match(m["what"], live)
        kind = {k for k, _ in typed_phrases(value or "", sentence=False)} - {ValueKind.NAME}
        # "make it £6. no, keep it at £5": 'it' is what the change of a value of that kind
        # just changed, whichever task that was
        changed = {op.key for sub in self.subtasks if sub.intent not in READ_ONLY
                   for op in sub.operations if isinstance(op, ReviseTask) and kind & {
                       k for k, _ in typed_phrases(op.value or "", sentence=False)}}
        kept = ({target.key} if target is not None and target.key in holders else set()) | (
            changed if m["what"].lower() in _KEPT_PRONOUNS else set())
        if not kept:
            return False
        for n, sub in enumerate(self.subtasks):
            touched = kept & {op.key for op in sub.operations}
            if sub.intent not in READ_ONLY and touched:
                self.subtasks[n] = Subtask(text=sub.text, intent=Intent.NOTE, about=sorted(touched))
                for key in touched:
                    self.tasks[key] = self.before[key]
        self._emit(Intent.NOTE, raw, about=sorted(kept))
        return True

    def _rollback_attribute(self, kind: str, what: str, raw: str) -> bool:
        """'Revert the launch time', 'back to the previous venue': the attribute of that kind
        (of the task the other words name, else of the latest one talked about) returns to
        its value before; with no such attribute, nothing is written."""
        held = self._attributes(kind, what)
        if not held:
            self._unparsed(raw, what)
            return True
        changed = [t for t in held if len(self.past.get(t.key, [])) > 1]
        if not changed:  # it has had one value only: there is none to go back to
            self._emit(Intent.NOTE, raw, about=[held[0].key])
            return True
        self._emit(Intent.ROLLBACK, raw, [RollbackTask(key=changed[0].key)],
                   about=[changed[0].key])
        return True

    def _corrected(self, c: str, raw: str, slot: str | None) -> bool:
        """'The deadline is May 2, not April 30', 'they want 3 samples, not 2': the value
        said first takes the place of the one after 'not', in the one task that holds it."""
        m = _correction(c)
        if not m:
            return False
        typed = [(k, p) for k, p in typed_phrases(m["said"], sentence=False)
                 if k != ValueKind.NAME]
        if typed and not self._holds(clean_phrase(m["old"])) and not self._holds_written(
                m["old"]) and {k for k, _ in typed_phrases(
                m["old"], sentence=False)} & {k for k, _ in typed}:
            self._unparsed(raw, c)  # "make it Tuesday, not Monday" where nothing was Monday
            return True
        if not typed or not (re.search(rf"\d|\b(?:{_CARDINAL})\b", m["old"], _I)
                             or _WEEKDAY.fullmatch(m["old"])):
            return False  # a number, or a day of the week ("Thursdays, not Wednesdays")
        old_kinds = {k for k, _ in typed_phrases(m["old"], sentence=False)} - {ValueKind.COUNT}
        if old_kinds and not old_kinds & {k for k, _ in typed}:
            self._unparsed(raw, c)  # "Friday, not $90": a value of another kind takes no place
            return True
        # the value of the old one's kind: 'friday 8-12, not thursday' says friday
        new = next((p for k, p in reversed(typed) if k in old_kinds), typed[-1][1])
        number, _, unit = new.partition(" ")
        old = clean_phrase(m["old"])
        if re.fullmatch(_CARDINAL, old, _I) and unit:  # "4 metres, not 3": 3 metres
            # 'brownies' is 'brownie' or 'browny' as a singular: any of them names the unit
            forms = "|".join(map(re.escape, dict.fromkeys([unit, singular(unit), unit[:-1]])))
            said = re.compile(rf"\b{old}(?=\s+(?:[\w-]+\s+)?(?:{forms}))", _I)
            new = number
        else:  # "the 9th, not the 2nd": the 2 of '2 June'; "not thursday": 'thurs'
            said = _value_pattern(old)
            if _said_day(old) and re.search(rf"\b(?:{_MONTH_NAMES})\b", new, _I):
                said = _with_month(old)  # "the 26th of May, not the 3rd": all of '3rd of June'
        live = [self._active(slot)] if slot and self._active(slot) else self._live()
        holders = [t for t in live if t is not None and said.search(f"{t.title} {t.value or ''}")]
        if len(holders) > 1:
            holders = [h for h in [self._match(m["said"], holders)] if h is not None]
        if len(holders) != 1:
            return False
        task = holders[0]
        if (found := said.search(f"{task.title} {task.value or ''}")) and _WEEKDAY.fullmatch(old):
            new = _cased(new, found[0])  # "Wednesdays" in a title: "Thursdays"
        elif found and _said_day(old):
            new = _day_like(new, found[0])  # "2 June" for "the 2nd": 9 June
        title = said.sub(new, task.title, count=1) if said.search(task.title) else None
        value = said.sub(new, task.value or "", count=1) if said.search(task.value or "") else (
            task.value)
        if title and not value and re.fullmatch(_CARDINAL, number, _I):
            # the count becomes the value too, so what depends on the task sees it
            value = _counted(title, number) or new
        elif title and not value:
            value = self._seen_value(task.key, title, typed)
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title, value=value)],
                   about=[task.key])
        self._pending(task, title=title or task.title, value=value)
        return True

    def _word_corrected(self, c: str, raw: str, slot: str | None) -> bool:
        """'(the shelves -) do them in the oak, not the pine': a correction told in words, no
        value of a kind; the word after 'not' gives way to the one said, in the one task (of
        the topic, if one leads) whose value says it. A short value that ends in that word is
        said anew whole ('back porch' -> 'side gate')."""
        m = _WORD_CORRECTION.match(c)
        new = _NEW_WORDS.search(m["said"]) if m else None
        if m is None or new is None or slot is not None or any(
                k != ValueKind.NAME and p.lower() not in ("one", "ones")
                for k, p in typed_phrases(c, sentence=False)) or _same_word(new["np"], m["old"]):
            return False  # a value of a kind is corrected by kind, above
        old = re.compile(rf"\b{re.escape(m['old'])}\b", _I)
        holders = [t for t in self._live() if old.search(t.value or "")]
        if m["topic"] and len(holders) > 1:
            holders = [h for h in [self._match(m["topic"], holders, by_value=False)] if h]
        if len(holders) != 1:
            return False
        value = holders[0].value or ""
        whole = len(value.split()) <= 3 and "," not in value and re.search(
            rf"\b{re.escape(m['old'])}$", value, _I)
        # "make the timber oak, not pine": the holder's own name is no part of the new word
        said = re.sub(rf"^{re.escape(holders[0].title)}\s+(?=\S)", "", new["np"], flags=_I)
        self._update(holders[0], said if whole else old.sub(said, value, count=1), raw)
        return True

    def _added_after_colon(self, c: str, raw: str, slot: str | None) -> bool:
        """'..., so add: X': a clause that asks for what follows its colon to be added, read
        as the sentence 'add: X' is."""
        m = _LIST_SENTENCE.match(c)
        return slot is None and m is not None and bool(m["adding"]) and self._plan_list(c)

    def _person_corrected(self, c: str, raw: str, slot: str | None) -> bool:
        """'it's Derek not Dave', 'not Dave, Derek': one name said in place of another, in the
        one task whose title or value names the old one; the old name is then set aside, so a
        clause about it after ('Dave was the old owner') writes nothing."""
        m = next((m for shape in _NAME_CORRECTIONS if (m := shape.match(c))), None)
        if m is None or _same_word(m["new"], m["old"]):
            return False
        if not self._name_replaced(m["old"], m["new"], raw, slot):
            return False
        self.disowned.append(m["old"])
        return True

    def _name_replaced(self, old: str, new: str, raw: str, slot: str | None) -> bool:
        """The one live task (the slot's, when a label names one) whose title or value names
        ``old`` as a word names ``new`` in its place; False when no one task does."""
        said = re.compile(rf"(?<![\w'-]){re.escape(old)}(?![\w-])")
        live = [t for t in [self._active(slot)] if t] if slot else self._live()
        holders = [t for t in live if said.search(f"{t.title} {t.value or ''}")]
        if len(holders) != 1:
            return False
        task = holders[0]
        # "Dr Okafor" and "it's Dr Patel": the title is said once
        said = re.compile(rf"(?:{m[1]}\s+)?{said.pattern}" if (
            m := re.match(r"(Dr|Mr|Mrs|Ms|Miss)\.?\s", new)) else said.pattern)
        title = said.sub(new, task.title) if said.search(task.title) else None
        value = said.sub(new, task.value) if task.value and said.search(task.value) else (
            task.value)
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title, value=value)],
                   about=[task.key])
        self._pending(task, title=title or task.title, value=value)
        return True

    def _code_corrected(self, c: str, raw: str, slot: str | None) -> bool:
        """'typo, it's CR/2213/24': a reference or number told again after a word that says
        the one before was wrong takes the place of the one value memory holds written the
        same way (letters and digits in the same places) and not the same."""
        told = [m for said in sentences(self.text) for clause in split_clauses(said)
                if (m := _CODE_CORRECTION.match(strip_fillers(clause).rstrip(".!? ")))]
        if not told or (not any(m["slip"] for m in told) and not any(
                _SLIP_ALONE.match(strip_fillers(clause).rstrip(".!? "))
                for said in sentences(self.text) for clause in split_clauses(said))):
            return False  # no slip owned up to: a reference told, no correction
        if _SLIP_ALONE.match(c):
            self._emit(Intent.NOTE, raw)  # "sorry, typo": the reference after it corrects
            return True
        if (m := _CODE_CORRECTION.match(c)) is None:
            return False
        shape = _code_shape(m["new"])
        live = [t for t in [self._active(slot)] if t] if slot else self._live()
        found = {(t.key, code) for t in live
                 for code in re.findall(r"[\w/.-]*\d[\w/.-]*", f"{t.title} {t.value or ''}")
                 if _code_shape(code) == shape and code != m["new"]}
        if len(found) != 1:
            self._unparsed(raw, c, reason="no one reference written like it to correct")
            return True
        key, code = found.pop()
        task = self.tasks[key]
        said = re.compile(rf"(?<![\w/.-]){re.escape(code)}(?![\w/-])")
        title = said.sub(m["new"], task.title) if said.search(task.title) else None
        value = said.sub(m["new"], task.value) if task.value and said.search(task.value) else (
            task.value)
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=key, title=title, value=value)],
                   about=[key])
        self._pending(task, title=title or task.title, value=value)
        return True

    def _disowned_values(self, told: list[str]) -> list[str]:
        """The values the turn sets aside ('£4 was last year', 'ignore the £5') that a live
        task holds: what a value told elsewhere in the turn corrects. Someone who has gone
        ('Kerry's left') is set aside so when the turn names who is there now."""
        found = []
        clauses = [strip_fillers(c).rstrip(".!? ") for s in told for c in split_clauses(s)]
        for n, clause in enumerate(clauses):
            old = _disowned_value(clause)
            if old is None and (gone := _DEPARTED.match(clause)) and any(
                    _NOW_NAMED.match(later) for later in clauses[n + 1:]):
                old = gone["old"]
            if old and any(_value_pattern(old).search(f"{t.title} {t.value or ''}")
                           for t in self._live()):
                found.append(old)
        return found

    def _disowned_clause(self, c: str, raw: str, slot: str | None) -> bool:
        """'£4 was last year', 'ignore the £5': why a value is set aside, or that it is; the
        value told with it makes the change, this clause writes nothing."""
        old = _disowned_value(c) or next(
            (m["old"] for shape in (_DEPARTED, _DISOWNED[0]) if (m := shape.match(c))), None)
        if old is None or old not in self.disowned:
            return False
        said = _value_pattern(old)
        self._emit(Intent.NOTE, raw, about=[t.key for t in self._live()
                                            if said.search(f"{t.title} {t.value or ''}")][:1])
        return True

    def _told_against_disowned(self, c: str, raw: str, slot: str | None) -> bool:
        """'it's £6' in a turn that sets '£5' aside: a value told alone ('make it 25 lb', 'the
        minutes say £6', '350 flyers') takes the place of the set-aside value of its kind, as
        '£6, not £5' would."""
        if self.disowned and (now := _NOW_NAMED.match(c)) and (
                gone := [o for o in self.disowned if _NAMED.fullmatch(o)]):
            return self._name_replaced(gone[-1], now["new"], raw, slot)  # "it's Imran now"
        m = _TOLD_VALUE.match(c)
        if not self.disowned or m is None or not _only_value(m["v"]) or _correction(c):
            return False
        kinds = [k for k, _ in typed_phrases(m["v"], sentence=False) if k != ValueKind.NAME]
        for old in self.disowned:
            if kinds[:1] == [k for k, _ in typed_phrases(old, sentence=False)][:1] and (
                    self._corrected(f"{c}, not {old}", raw, slot)):
                return True
        return False

    def _was_after_all(self, c: str, raw: str, slot: str | None) -> bool:
        """'Checked the tin and it was eggshell after all': the one task that held that value
        before and holds it no more takes it back; with no such task, it is a remark."""
        m = _AFTER_ALL.search(c)
        if m is None:
            return False
        wanted = clean_phrase(m["x"])
        held = [t for t in self._live() if self._had_value(t.key, wanted)
                and not mentions(t.value or "", wanted)]
        if len(held) != 1 or (op := self._back_to(held[0], wanted)) is None:
            return False
        self._emit(Intent.ROLLBACK, raw, [op], about=[held[0].key])
        return True

    def _chosen_option(self, c: str, raw: str, slot: str | None) -> bool:
        """'Take the third one', 'pick the cheapest': of the alternatives a task's value
        weighs ('A for $40 or B for $55'), the one chosen is its value; with no task weighing
        alternatives, or no telling which, nothing is written."""
        m = _CHOICE.match(c)
        if m is None or (m["verb"] and read_frame(c).known and lemma(m["verb"].split()[0]) not in (
                "take", "pick", "choose", "go", "use", "get")):
            return False  # "cancel the second one" is no choice
        weighed = [t for t in ([self._active(slot)] if slot else self._recent())
                   if t is not None and len(_alternatives(t.value or "")) > 1]
        chosen = _pick(_alternatives(weighed[0].value or ""), m["which"]) if weighed else None
        if chosen is None:
            self._unparsed(raw, c)
            return True
        self._update(weighed[0], chosen, raw)
        return True

    def _holds_written(self, old: str) -> bool:
        """Whether a task's title or value says ``old`` as it may be written there: a date
        on the day of the month it says alone ('the 12th'), a weekday cut short ('thurs'),
        an hour with its 'am' or 'pm'."""
        said = _value_pattern(clean_phrase(old))
        return any(said.search(f"{t.title} {t.value or ''}") for t in self.tasks.values())

    def _back_to_title(self, wanted: str | None, raw: str, c: str) -> bool:
        """'Back to Mondays' where the title talked about holds one weekday ('classes
        Fridays'): that phrase, set back. With no such title, 'back to X' is not understood:
        nothing to set back."""
        typed = [(k, p) for k, p in typed_phrases(wanted or "", sentence=False)
                 if k in (ValueKind.DATE, ValueKind.TIME)]
        if not typed:
            self._unparsed(raw, c)
            return True
        kind, said = typed[0]
        shape = bool(_WEEKDAY.search(said))
        for task in self._recent():
            held = [p for k, p in typed_phrases(task.title, sentence=False)
                    if k == kind and bool(_WEEKDAY.search(p)) == shape]
            if len(held) == 1 and not mentions(task.title, said):
                title = task.title.replace(held[0], said, 1)
                self._emit(Intent.ROLLBACK, raw, [ReviseTask(
                    key=task.key, title=title, reason="set back by request")], about=[task.key])
                self._pending(task, title=title)
                return True
        self._unparsed(raw, c)
        return True

    def _back_to(self, task: Task, wanted: str) -> Operation | None:
        """The operation that sets ``task`` back to the earlier value ``wanted`` names, if one
        did."""
        if not self._had_value(task.key, wanted) and (rest := _without_name(wanted, task)) and (
                own := self._past_value(task.key, rest)):
            wanted = own  # "back to the blue banner" for 'Banner': the value that said blue
        if (value := self._undone_kind(task, wanted)) is not None:
            return ReviseTask(key=task.key, value=value, reason="set back by request")
        if (past := self._past_value(task.key, wanted)) is not None:
            return RollbackTask(key=task.key, to_value=past)
        return None

    def _undone_kind(self, task: Task, wanted: str) -> str | None:
        """'Set the rent back to $900' when later revisions changed other parts of the value: only
        that kind goes back, in the current value, when the revision after the one that held
        ``wanted`` changed nothing else; the old value whole would undo the other changes."""
        past = self.past.get(task.key, [])
        typed = typed_phrases(wanted, sentence=False)
        held = self._past_value(task.key, wanted)
        if len(typed) != 1 or held is None or not task.value or held not in past:
            return None
        kind = typed[0][0]
        i = len(past) - 1 - past[::-1].index(held)
        if i + 1 >= len(past) or past[-1] == past[i + 1]:
            return None  # the next revision is the current value: the old value whole is right
        if retype(past[i + 1], kind, _span(held, kind) or wanted) != held:
            return None  # that revision changed more than this kind
        return retype(task.value, kind, _span(held, kind) or wanted)

    def _count_back(self, wanted: str, raw: str) -> bool:
        """'Go back to 4' where the title of the task talked about counts ('for 6 weeks'):
        that count, its unit kept."""
        if not re.fullmatch(r"\d+", wanted):
            return False
        for task in self._recent():
            counted = not task.value or (_only_value(task.value) and retype(
                task.value, ValueKind.COUNT, wanted) is not None)
            title = retype(task.title, ValueKind.COUNT, wanted) if counted else None
            if title and title != task.title:
                value = retype(task.value, ValueKind.COUNT, wanted) if task.value else None
                self._emit(Intent.ROLLBACK, raw, [ReviseTask(
                    key=task.key, title=title, value=value, reason="set back by request")],
                    about=[task.key])
                self._pending(task, title=title, value=value)
                return True
        return False

    def _reset(self, c: str, raw: str, slot: str | None) -> bool:
        m = _RESET.match(c)
        if not m:
            return False
        what = m["what"] or m["what2"]
        items = split_list(m["items"] or m["items2"] or m["items3"])
        root = self._root_for(what)
        if root is None or not items:
            return False
        children = [t for t in self.tasks.values() if root.key in t.parents]
        keep: set[str] = set()
        ops: list[Operation] = []
        for item in items:
            found = self._match(item, children)
            if found is None:
                ops.append(self._add(item, parents=[root.key]))
                continue
            keep.add(found.key)
            if found.status == TaskStatus.CANCELLED:
                ops.append(self._set_status(found, TaskStatus.ACTIVE))
        for child in children:
            if child.key not in keep and child.status != TaskStatus.CANCELLED:
                ops.append(self._set_status(child, TaskStatus.CANCELLED))
        self._emit(Intent.RESET, raw, ops, about=[root.key, *keep])
        return True

    def _moved_instead(self, c: str, raw: str, slot: str | None) -> bool:
        """'The fitting's moved to 11 instead of 4:15': the time, price or count after 'instead
        of' is replaced in the task that holds it and the subject names (a pronoun names the
        one task holding it); the words before the verb are no part of the new value. Read so
        but with no such task, nothing is written."""
        m = _MOVED_INSTEAD.match(c)
        if m is None or value_kind(m["old"]) not in (
                ValueKind.TIME, ValueKind.PRICE, ValueKind.COUNT):
            return False
        old, new = clean_phrase(m["old"]), clean_phrase(m["new"])
        holders = [t for t in self._live() if mentions(f"{t.title} {t.value or ''}", old)]
        if m["subj"].lower() in _PRONOUNS:
            target = holders[0] if len(holders) == 1 else None
        else:
            target = self._match(m["subj"], holders)
        if target is None or not (value_phrases(new) or re.fullmatch(r"\d[\d:.]*", new)):
            self._unparsed(raw, c)
            return True
        return self._swap(old, new, raw, Intent.UPDATE, within=target.key)

    def _replace(self, c: str, raw: str, slot: str | None) -> bool:
        if _INSTEAD.match(c):
            c = _WISHED_FOR.sub("", c, count=1)  # "she'd like X instead of Y": X for Y
        if (said := _DOING.match(c)) and re.search(r"\binstead\b", c, _I):
            c = f"{lemma(said['verb'])} {said['rest']}"  # "we're going with X instead"
        elif got := _GOT_INSTEAD.match(c):
            c = f"use {got['new']} instead"  # "we've got X instead": what we use now
        if m := _REPLACE.match(c):
            old = m["old"] or m["old2"] or m["old3"]
            new = clean_phrase(m["new"] or m["new2"] or m["new3"])
            if said_of := _PRONOUN_THEN_ROLE.match(new):
                new = clean_phrase(said_of["rest"])  # "get them from X instead of Y": X for Y
            if old and re.sub(r"\s+out$", "", old, flags=_I).lower() in _PERSONS:
                old = self._said_name()  # "swap him out for X": the person just named
            if old is None and self.negated:
                old = self.negated[-1]
            if old is None:
                old = self._context_old(new)
        elif (m := _CHANGE.match(c)) and self._change_named(
                m["old"], _one_named(m["new"], m["old"]), raw, slot):
            return True
        elif ((m := _INSTEAD.match(c)) and not value_phrases(m["new"])
              and not any(p.match(m["new"]) for p in (_CANCEL, _RESTORE, _DONE, _ADD_TO))):
            pair = self._aligned_swap(clean_phrase(m["new"]), m["old"])
            if pair is None:
                return False
            old, new = pair
        elif m := _CHANGE.match(c):
            old, new = m["old"], clean_phrase(m["new"])
        elif (m := _CHOOSE_NAME.match(c) or _NAME_AGAIN.match(c)) and (
                old := self._context_old(m["new"])) and old[:1].isupper():
            new = clean_phrase(m["new"])  # "Vertigo's too long. Let's do Heat": a named choice
        else:
            return False
        if not old or not new:
            return False
        old, new = clean_phrase(old), _doer_of(_one_named(new, old))
        if self._swap_one(old, new, raw):
            return True
        if re.fullmatch(r"\d+", old) and (unit := re.fullmatch(r"\d+\s+(?P<u>[a-z]+)", new, _I)):
            counted = f"{old} {unit['u']}"  # "30 photos instead of 24": 24 photos
            if any(mentions(f"{t.title} {t.value or ''}", counted) for t in self._live()):
                old = counted
        holders = [t for t in self._live() if mentions(f"{t.title} {t.value or ''}", old)]
        return self._swap(old, new, raw, Intent.REPLACE, within=_holder(slot, holders))

    def _swap_short_name(self, old: str, new: str, about: list[str]) -> list[Operation]:
        """'Hire the marquee' speaks of 'the white marquee' when that is the only marquee memory
        holds: the replaced thing's short name takes the new one too."""
        words = old.split()
        head = words[-1]
        if len(words) < 2 or not can_be_noun(head):
            return []
        short = re.compile(rf"\bthe\s+{re.escape(head)}\b", _I)
        ops: list[Operation] = []
        for t in self._live():
            if t.key in about or not short.search(t.title) or t.value:
                continue
            title = short.sub(lambda _: f"the {new}", t.title)
            ops.append(ReviseTask(key=t.key, title=title, value=new,
                                  reason=f"replaced {old} with {new}"))
            self._pending(t, value=new, title=title)
            about.append(t.key)
        return ops

    def _swap_one(self, old: str, new: str, raw: str) -> bool:
        """'Swap the 2m cable for the 5m one we have spare': 'one' is the old thing's noun, so
        only its modifier changes where memory says it; what is told of the new one is the
        value."""
        m = re.match(r"^(?:(?:the|a|an)\s+)?(?P<mod>[\w$.-]+)\s+one\b\s*(?P<rest>.*)$", new, _I)
        words = old.split()
        if m is None or len(words) != 2 or _same_word(words[0], m["mod"]):
            return False
        mod, head = words
        holders = [t for t in self._live()
                   if mentions(t.title, mod) and mentions(t.title, head)]
        if len(holders) != 1:
            return False
        task = holders[0]
        told = re.sub(r"^(?:that|which|i|we)\s+", "", m["rest"].strip(" ,"), flags=_I)
        value = f"{m['mod']} {head}" + (f", {told}" if told else "")
        title = replace_word(task.title, mod, m["mod"])
        self._emit(Intent.REPLACE, raw, [ReviseTask(key=task.key, title=title, value=value,
                                                    reason=f"replaced {old} with {m['mod']} "
                                                           f"{head}")], about=[task.key])
        self._pending(task, title=title, value=value)
        return True

    def _change_named(self, old: str, new: str, raw: str, slot: str | None) -> bool:
        """'Change the date to June 15th' names a task, not a value to swap everywhere."""
        new = clean_phrase(new)
        target = (self._active(slot) if slot else None) or self._match(old, self._live())
        name = clean_phrase(old)
        creates = attribute_of(name) is not None or re.search(
            rf"\bset\s+{re.escape(old)}", raw, _I) is not None  # "change the X" presumes an X
        if (target is None and creates and new and len(name.split()) <= 3
                and name.lower() not in _PRONOUNS and stems(name) and not value_phrases(name)
                and not any(mentions(f"{t.title} {t.value or ''}", name) for t in self._live())):
            # "set the destination to Seattle": a new attribute of the plan in talk
            root = self.under or self._root_for(None)
            add = self._add(name[:1].upper() + name[1:], value=new,
                            parents=[root.key] if root else [], key=slug(name))
            self._emit(Intent.NEW, raw, [add], about=[add.key])
            return True
        if target is not None and (modified := _modifier_swap(target.title, name, new)
                                   or _remeasured(target.title, new)):
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=target.key, title=modified,
                                                       value=new)], about=[target.key])
            self._pending(target, title=modified, value=new)
            return True
        if target is None or any(mentions(f"{t.title} {t.value or ''}", clean_phrase(old))
                                 for t in self._live() if t.key != target.key):
            return False
        if target.value and (renamed := _name_of_noun(target.value, name, new)):
            self._update(target, renamed, raw)  # "change the stove to a Primus": its maker
            return True
        if target.value and len(split_list(target.value)) > 1 and not (
                set(stems(name)) <= set(stems(target.title))):
            # one thing of a list the task holds ("the cake" of "brownies, a carrot cake and
            # flapjacks"): that thing changes, or nothing does; never the whole list
            if (swapped := _modifier_swap(target.value, name, new)) is None:
                self._unparsed(raw, raw, reason=f"more in {target.title!r} than the thing named")
                return True
            self._update(target, swapped, raw)
            return True
        typed = typed_phrases(new, sentence=False)
        # In place only when the new phrase is nothing but values: "pearl 3" replaces the
        # whole value, or its other words would be lost.
        if (target.value and typed and _only_value(new)
                and all(retype(target.value, k, p) for k, p in typed)):
            return self._set_typed(target, typed, raw)
        self._update(target, new, raw)
        return True

    def _swap(self, old: str, new: str, raw: str, intent: Intent, *,
              within: str | None = None) -> bool:
        """Put ``new`` in place of ``old`` in every live task that mentions it (only in the task
        ``within``, when given). An ``old`` of function words alone ("the") names nothing."""
        if not stems(old):
            return False
        ops: list[Operation] = []
        about: list[str] = []
        for t in self._live():
            if within is not None and t.key != within:
                continue
            in_title = mentions(t.title, old) and not _modifier_for_phrase(t.title, old, new)
            in_value = mentions(t.value or "", old)
            if not (in_title or in_value):
                continue
            title = (_replace_noun(t.title, _name_run(t.title, old, new), new, title=True)
                     if in_title else None)
            value = (_displaced_dropped(_replace_noun(t.value or "", _name_run(
                t.value or "", old, new), new), new) if in_value else t.value)
            if value is None:  # the choice becomes the task's value, so dependents see it
                value = new
            ops.append(ReviseTask(key=t.key, value=value, title=title,
                                  reason=f"replaced {old} with {new}"))
            self._pending(t, value=value, title=title or t.title)
            about.append(t.key)
        if ops:
            ops += self._swap_short_name(old, new, about)
        if not ops:
            return False
        self._emit(intent, raw, ops, about=about)
        return True

    def _changed_now(self, phrase: str) -> bool:
        """Whether an earlier clause of this turn changed a task that mentions ``phrase``: the
        turn has dealt with that task, it is no reason given for what comes next."""
        changed = {op.key for s in self.subtasks for op in s.operations}
        return any(mentions(f"{t.title} {t.value or ''}", phrase)
                   for t in self.tasks.values() if t.key in changed)

    def _context_old(self, new: str, *, nearest: bool = False,
                     within: list[str] | None = None) -> str | None:
        """What a bare 'X instead' replaces: the longest phrase of an earlier clause of the
        turn (or of the clauses ``within``) that a live task mentions and ``new`` does not."""
        new_words = set(stems(new))
        live = [f"{t.title} {t.value or ''}" for t in self._live()]
        for said in within if within is not None else reversed(self.said):
            tokens = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", said)
            for n in (3, 2, 1):
                starts = range(len(tokens) - n + 1)
                for i in reversed(starts) if nearest else starts:  # "it": the nearest noun
                    gram = tokens[i:i + n]
                    if {gram[0].lower(), gram[-1].lower()} & (STOP | _PRONOUNS):
                        continue
                    phrase = re.sub(r"'s$", "", " ".join(gram))  # "Ann's off sick": Ann
                    if set(stems(phrase)) & new_words:
                        continue
                    if any(mentions(text, phrase) for text in live):
                        return phrase
        return None

    def _aligned_swap(self, phrase: str, old: str | None) -> tuple[str, str] | None:
        """'Run the smoke tests' against the task 'Run the regression tests': the words that
        differ, ('regression', 'smoke'). Without such a task, a plain choice and what an
        earlier clause named ('The oak is over budget. Walnut instead.')."""
        said = phrase.split()
        best: tuple[int, str, str] | None = None
        for t in self._live():
            if old and not mentions(f"{t.title} {t.value or ''}", clean_phrase(old)):
                continue
            own = t.title.split()
            p = 0
            while p < min(len(own), len(said)) and _same_word(own[p], said[p]):
                p += 1
            q = 0
            while (q < min(len(own), len(said)) - p
                   and _same_word(own[-1 - q], said[-1 - q])):
                q += 1
            was, now = own[p:len(own) - q], said[p:len(said) - q]
            shared = [w for w in own[:p] + own[len(own) - q:] if w.lower() not in STOP]
            if p and shared and 1 <= len(was) <= 3 and 1 <= len(now) <= 3 and (
                    best is None or p + q > best[0]):
                best = (p + q, " ".join(was), " ".join(now))
        if best is not None:
            return clean_phrase(best[1]), clean_phrase(best[2])
        if old and len(said) > 1 and any(
                mentions(f"{t.title} {t.value or ''}", f"{clean_phrase(old)} {said[-1]}")
                for t in self._live()):
            # "green wool instead of red" where memory says "red wool": green for red
            return clean_phrase(old), " ".join(said[:-1])
        if old and _imperative(phrase):
            # "redo them at the studio instead of the shop": what the place phrase names
            place = re.search(r"\b(?:at|from|in|on|to|with|by|near)\s+(?P<v>[^,]+)$", phrase, _I)
            new = clean_phrase(place["v"] if place else _drop_verb(phrase))
            if not new or new.lower() in _PRONOUNS or _imperative(new):
                return None
            return clean_phrase(old), new
        if old:
            return clean_phrase(old), phrase
        return None

    def _split(self, c: str, raw: str, slot: str | None) -> bool:
        m = _SPLIT.search(c)
        if not m:
            return False
        root = self._root_for(m["what"])
        if root is None:
            return False
        parts = [clean_phrase(p) for p in re.split(r"\s*[,;]\s*", m["parts"] or "") if p.strip()]
        count = len(parts) or _number(m["n"]) or 2
        if count > _MAX_PARTS:
            return False  # "split it into 10000 parts" is no schedule to keep
        noun = m["noun"].lower()
        ops: list[Operation] = []
        for i in range(count):
            part = parts[i] if i < len(parts) else None
            n = 1 + sum(1 for k in self.tasks if k.startswith(f"{root.key}.part-"))
            ops.append(self._add(f"{noun.capitalize()} {n}", value=part, parents=[root.key],
                                 key=f"{root.key}.part-{n}"))
        self._emit(Intent.SPLIT, raw, ops, about=[root.key])
        return True

    def _merge(self, c: str, raw: str, slot: str | None) -> bool:
        if not _MERGE.search(c):
            return False
        root = self._root_for(None)
        if root is None:
            return False
        parts = [t for t in self._live() if root.key in t.parents
                 and re.search(r"\.part-\d+$", t.key)]
        ops: list[Operation] = [self._set_status(p, TaskStatus.CANCELLED) for p in parts]
        ops += self._typed_updates(root, c)
        if not ops:
            return False
        self._emit(Intent.MERGE, raw, ops, about=[root.key])
        return True

    def _cancel(self, c: str, raw: str, slot: str | None) -> bool:
        if (gone := _NOT_NEEDED.match(c)) and _NO_LONGER.match(gone["tail"] or gone["tail2"] or ""):
            c = f"drop {gone['items'] or gone['items2']}"  # "the van's not needed any more"
        m = _CANCEL.match(c) or _CANCEL_OFF.match(c)
        if not m or _WAITS.search(m["items"]):
            return False  # "hold off on the paint until it's dry": it waits, it is not dropped
        off = re.sub(r"\s+(?:then|please|now)$", "", m["off"] or "", flags=_I) if (
            m.re is _CANCEL_OFF) else ""
        if off and not _LIST_WORD.fullmatch(off) and not any(
                mentions(f"{t.title} {t.value or ''}", off) for t in self._live()):
            return False  # "take the skis off the roof rack": off a thing, not off the plan
        if (then := _THEN_INSTEAD.match(m["items"])) and _imperative(then["step"]):
            # "drop the band and book a DJ instead": the removal, then what takes its place
            if not self._cancel(c[:m.start("items")] + then["items"], raw, slot):
                return False
            if not self._in_place_of_removed(then["step"], then["step"]):
                self._clause(then["step"], slot, False)
            return True
        items, why = _told_why(m["items"])
        if not items:  # "hold off on it, cancel for now": said again of what was just removed
            return self._said_again(TaskStatus.CANCELLED, raw)
        if self._retracted(items, why, c, raw, slot):
            return True
        scope = self._scope(m["from"] if m.re is _CANCEL else None)
        # a task removed by a clause before ("Ann cancelled, so scrap her slot") is said again
        removed_now = self._removed_now()
        live = [t for t in scope if t.status != TaskStatus.CANCELLED or t in removed_now]
        if clean_phrase(items).lower() in _PRONOUNS and (topic := self._topic(live)):
            items = topic.title  # "the gazebo - scrap it": the phrase before names it
        if re.match(r"^(?:his|her|their)\s", items.strip(), _I) and any(
                not t.parents for t in self._items(items, live, slot)):
            # "scrap their invoice" with no one to be 'their': never the whole plan
            self._unparsed(raw, c, reason=f"nothing in memory that {items.split()[0]!r} names")
            return True
        if not self._cancel_items(items, live, raw, slot):
            return False
        if why:
            self._emit(Intent.NOTE, why, about=self.subtasks[-1].about)
        return True

    def _retracted(self, items: str, why: str, c: str, raw: str, slot: str | None) -> bool:
        """'scrap that', 'forget that ferry idea': what was just said is taken back and no
        task is dropped. When the turn sets a value back or against another ('..., back to
        the 9:30', '..., not the 4th'), those words make the change and this is a note; else
        what follows a dash or a comma ('scrap that - it's the blue one') is read anew."""
        m = _RETRACTED.match(items)
        if m is None:
            return False
        after = self.text.partition(raw.strip())[2]
        if _MOVED_BACK_TO.search(after) or _CONTRASTED.search(f"{raw} {after}"):
            self._emit(Intent.NOTE, raw, about=self._about(c, None))
            return True
        said = m["said"] or why
        if not said:
            return False
        self._emit(Intent.NOTE, c[:len(c) - len(said)].strip(" ,-:\u2013"))
        self._clause(said, slot, False)
        return True

    def _removed_now(self) -> list[Task]:
        """The tasks a clause of this turn removed."""
        keys = dict.fromkeys(op.key for sub in self.subtasks for op in sub.operations
                             if isinstance(op, CancelTask))
        return [self.tasks[k] for k in keys if k in self.tasks]

    def _said_again(self, status: TaskStatus, raw: str) -> bool:
        """A change with no object, after a clause of this turn made it to a task: a note
        about that task. With no such clause it names nothing and is not understood."""
        last = next((self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks), None)
        if last is None or last.status != status or not any(
                last.key in s.about and s.operations for s in self.subtasks):
            return False
        self._emit(Intent.NOTE, raw, about=[last.key])
        return True

    def _topic(self, candidates: list[Task]) -> Task | None:
        """'the gazebo - scrap it', 'the gazebo, drop it': a noun phrase alone before the
        clause is what its pronoun stands for, when it names one of ``candidates``; its
        clause, which said nothing else, becomes a note about that task."""
        last = self.subtasks[-1] if self.subtasks and self.said else None
        phrase = self.said[-1] if self.said else ""
        if last is None or last.operations or last.intent not in (Intent.NOTE, Intent.UNPARSED) or (
                _FINITE_WORD.search(phrase) or _imperative(phrase) or len(phrase.split()) > 5):
            return None
        task = self._match(phrase, candidates, strict=True, by_value=False)
        if task is not None:
            self.subtasks[-1] = Subtask(text=last.text, intent=Intent.NOTE, about=[task.key])
        return task

    def _cancel_items(self, items: str, live: list[Task], raw: str, slot: str | None) -> bool:
        """Cancel what ``items`` names among ``live``: a task, or one entry of a task's list."""
        if clean_phrase(items).lower() in _PERSONS and (name := self._said_name()):
            # "take him off the list": the person just named, from the value that lists them
            holders = [t for t in live if _without_item(t, name)]
            if len(holders) == 1:
                self._update(holders[0], _without_item(holders[0], name) or "", raw)
                return True
            return False
        targets = self._items(items, live, slot)
        if clean_phrase(items).lower() in _PRONOUNS and not self.mentioned and not slot and any(
                not t.parents for t in targets):
            return False  # "scratch that" with nothing named: what was said, not the plan
        if len(targets) == 1 and clean_phrase(items).lower() in _PRONOUNS and self.said and (
                entry := _entry_said(targets[0], self.said[-1])):
            items = entry  # "the urn's broken, scrap it": the urn of a list, not the list
        if len(targets) == 1 and (left := _without_item(targets[0], clean_phrase(items))):
            self._update(targets[0], left, raw)  # one entry of a list in a value goes
            return True
        if len(targets) == 1 and (kept := _title_without(targets[0].title, clean_phrase(items))):
            # "drop the stove" of 'Buy a tent and a stove': the other entry stays
            self._pending(targets[0], title=kept)
            self._emit(Intent.CANCEL, raw, [ReviseTask(key=targets[0].key, title=kept)],
                       about=[targets[0].key])
            return True
        if len(targets) == 1 and _names_an_entry(targets[0], clean_phrase(items)):
            # "the evening bottle" of 'Bottles: 6am and 6pm': one entry, which I cannot tell
            self._unparsed(raw, raw, reason=f"no way to tell which entry of "
                                            f"{targets[0].title!r} it means")
            return True
        return self._set_statuses(targets, TaskStatus.CANCELLED, Intent.CANCEL, raw)

    def _restore(self, c: str, raw: str, slot: str | None) -> bool:
        m = _RESTORE.match(_SAME_AS_BEFORE.sub("", c))  # "X's back on, same time": as it was
        if not m:
            return False
        items = m["items"] or m["items2"] or m["items4"] or m["items5"]
        if m["items5"] and clean_phrase(items).lower() in _PRONOUNS:
            return self._back_on_said(m["details"], raw)
        if _only_value(items) and all(k != ValueKind.NAME
                                      for k, _ in typed_phrases(items, sentence=False)):
            # "keep May 3rd": a value, not a task to bring back; after a change of it this
            # turn ("move it to the 9th ... actually no, keep the 3rd") that change is taken back
            return self._kept_as_was(clean_phrase(items), raw)
        if m["items2"] and any(k in (ValueKind.DATE, ValueKind.TIME)
                               for k, _ in typed_phrases(c[m.end("items2"):])):
            return False  # "put the fair back on May 3": a date moved, nothing restored
        if _ORIGINAL.search(c) and not any(t.status == TaskStatus.CANCELLED and mentions(
                t.title, clean_phrase(items)) for t in self.tasks.values()):
            return self._rollback(c, raw, slot)  # "put the fee back to what we had at first"
        if typed_phrases(items, sentence=False) and clean_phrase(items).split()[0].lower() in (
                _PRONOUNS):
            return False  # "keep it at 3:40" sets a value
        cancelled = [t for t in self.tasks.values() if t.status == TaskStatus.CANCELLED]
        if clean_phrase(items).lower() in _PRONOUNS:
            said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
            back = [t for t in said if t.status == TaskStatus.CANCELLED]
            if back:
                return self._set_statuses(back[:1], TaskStatus.ACTIVE, Intent.RESTORE, raw)
            if said and any(isinstance(op, RestoreTask) and op.key == said[0].key
                            for s in self.subtasks for op in s.operations):
                # "we'll have the raffle after all, add it back": said again, already restored
                self._emit(Intent.NOTE, raw, about=[said[0].key])
                return True
            changed = [t for t in self._recent() if len(self.past.get(t.key, [])) > 1 or (
                # a value given where there was none: revised, it has a version before
                t.value and t.version > 1 and t.status == TaskStatus.ACTIVE)]
            if changed and not re.search(r"\bback\s+in\b", c, _I):
                # "put it back" when nothing was removed: its previous value ("put it back
                # in" asks for a thing to be included again, never for an old value)
                self._emit(Intent.ROLLBACK, raw, [RollbackTask(key=changed[0].key)],
                           about=[changed[0].key])
                return True
        targets = self._items(items, cancelled, slot)
        if targets and m["details"]:
            return self._restored_with(targets, m["details"], raw)
        if targets:
            return self._set_statuses(targets, TaskStatus.ACTIVE, Intent.RESTORE, raw)
        if already := self._items(items, self._live(), slot):  # "keep X" when X is there
            self._emit(Intent.NOTE, raw, about=[t.key for t in already])
            return True
        return self._entry_back(clean_phrase(items), raw)

    def _entry_back(self, item: str, raw: str) -> bool:
        """'Put the roast back on' after it left the list in a task's value: the entry goes
        back, where it was when the rest of the list is as it was, else at the end."""
        found: list[tuple[Task, str]] = []
        for task in self._live():
            if not task.value or _named_entry(_list_pieces(task.value), item) is not None:
                continue
            for old in reversed(self.past.get(task.key, [])):
                pieces = _list_pieces(old)
                if (i := _named_entry(pieces, item)) is not None:
                    was = task.model_copy(update={"value": old})
                    found.append((task, old if _without_item(was, item) == task.value
                                  else f"{task.value}, {pieces[2 * i]}"))
                    break
        if len(found) != 1:
            return False
        self._update(found[0][0], found[0][1], raw)
        return True

    def _kept_as_was(self, value: str, raw: str) -> bool:
        """'..., actually no, keep the 3rd': an earlier clause of this turn changed a task
        that held ``value``; that change is taken back and nothing is written for it."""
        for n in range(len(self.subtasks) - 1, -1, -1):
            said = self.subtasks[n]
            keys = [op.key for op in said.operations if isinstance(op, ReviseTask)]
            held = [k for k in keys if k in self.before and mentions(
                f"{self.before[k].title} {self.before[k].value or ''}", value)]
            if held:
                self.subtasks[n] = Subtask(text=said.text, intent=Intent.NOTE, about=held)
                for key in held:
                    self.tasks[key] = self.before[key]
                self._emit(Intent.NOTE, raw, about=held)
                return True
        return False

    def _back_on_said(self, details: str | None, raw: str) -> bool:
        """'the florist rang, they're back on for Friday': the one removed task a clause of
        the turn named before comes back; with none, 'they're back on' says again what was
        just restored."""
        back = [t for t in self.tasks.values() if t.status == TaskStatus.CANCELLED
                and any(mentions(said, t.title) for said in self.said)]
        if len(back) != 1:
            return False
        if details and self._restored_with(back, details, raw):
            return True
        return self._set_statuses(back, TaskStatus.ACTIVE, Intent.RESTORE, raw)

    def _restored_with(self, targets: list[Task], details: str, raw: str) -> bool:
        """'the raffle's back on, 200 tickets': one task back, its new value after the comma;
        a list after it ('..., a tombola and a cake stall') is its parts."""
        parts = _expand(split_list(details))
        typed = typed_phrases(details, sentence=False)
        if len(targets) != 1 or not (typed or len(parts) > 1):
            return False
        task, value = targets[0], clean_phrase(details)
        if len(typed) == 1 and (kept := retype(task.value or "", typed[0][0], typed[0][1])):
            value = kept  # "back on for Friday": the day in place of the old one, the rest kept
        ops: list[Operation] = [self._set_status(task, TaskStatus.ACTIVE)]
        if typed:
            if value != task.value:
                ops.append(ReviseTask(key=task.key, value=value))
                self._pending(task, value=value)
        else:  # "the garden's back on: a pond and a bench": its parts
            for part in parts:
                ops += self._item(part, task)
        self._emit(Intent.RESTORE, raw, ops, about=[task.key])
        return True

    def _done(self, c: str, raw: str, slot: str | None) -> bool:
        # "got the keys, all good": a word of relief after the news adds nothing to it
        c = re.sub(r"\s*,\s*(?:all\s+)?(?:good|fine|sorted|ok|okay|great|done)$", "", c, flags=_I)
        if (changed := self._changed_thing(c)) is not None:
            intent, things = changed
            return intent == "cancel" and self._set_statuses(
                things, TaskStatus.CANCELLED, Intent.CANCEL, raw)
        if _FELL_THROUGH.match(c):
            return False  # "the venue's closed": no longer to be had, not finished
        if _PERSON_GOT_IN_TOUCH.match(c):
            return False  # "Ann's emailed": Ann has sent word, nothing is finished
        if re.match(r"^[\w' -]+?(?:'s|\s+(?:has|have))\s+(?:changed|switched|altered)\b", c, _I):
            return False  # "the menu's changed": news of a change, nothing finished
        if (self._done_state(c, raw) or self._done_told(c, raw) or self._did_step(c, raw)
                or self._done_as_step(c, raw) or self._done_reported(c, raw)):
            return True
        if _DID_IT.match(c) and not any(k != ValueKind.NAME for k, _ in typed_phrases(
                _WHEN_DONE.sub("", c))) and (self._said_again(TaskStatus.DONE, raw) or (
                self._said_again(TaskStatus.CANCELLED, raw))):
            return True  # "the flowers are sorted, grabbed them at the market": how, once more
        m = _DONE.match(c)
        if not m or re.search(r"\b(?:after|before|once|until|till|unless|if)\b", c, _I):
            return False  # "do X after Y is done" orders two tasks, it finishes neither
        said = next(m[g] for g in ("items", "items2", "items3", "items4", "items5", "items6")
                    if m[g])
        if (m["items5"] or m["items6"]) and clean_phrase(said).lower() in _PRONOUNS:
            return False  # "I'm done with it" may be weariness; the thing must be named
        targets = self._items(said, self._live(), slot)
        return self._set_statuses(targets, TaskStatus.DONE, Intent.DONE, raw)

    def _called_off(self, c: str, raw: str, slot: str | None) -> bool:
        """'The Greens have cancelled', 'Ann's pulled out': the one live task whose title
        names who withdrew by all of their words is cancelled. Anyone else (a name in a
        value, or none) is read on."""
        m = _CALLED_OFF.match(c)
        if m is None or clean_phrase(m["who"]).lower() in (*_PRONOUNS, "i", "we", "you") or (
                re.search(r"\binstead\b", self.text, _I)):
            return False  # "X's dropped out, Y will do it instead": a stand-in, read as one
        words = set(stems(re.sub(r"'s$", "", clean_phrase(m["who"]))))
        named = [t for t in self._titled(words) if not _DOES_ROLE.search(t.title)]
        if len(named) != 1:
            return False
        return self._set_statuses(named, TaskStatus.CANCELLED, Intent.CANCEL, raw)

    def _changed_thing(self, c: str) -> tuple[str, list[Task]] | None:
        """'the fitting's postponed', 'the quiz is cancelled': a thing told in the participle
        of a verb of change (the lexicon's move, set, cancel ...) is changed, not finished:
        the verb's intent, and the live task the thing names by its title (none when it names
        none). None when the participle is no such verb, or is the own verb of a step that
        names the thing ('the minutes are updated' finishes 'Update the minutes')."""
        m = _TOLD_IN_PARTICIPLE.match(c)
        if m is None or not m["cop"] or not m["subject"] or not _REGULAR_PARTICIPLE.fullmatch(
                m["pp"]):
            return None
        verb = lemma(m["pp"])
        intent = verbs().get(verb)
        if verb == m["pp"].lower() or intent not in _CHANGE_INTENTS:
            return None
        task = self._match(m["subject"], self._live(), strict=True, by_value=False)
        if task is not None and lemma(task.title.split()[0].lower()) == verb:
            return None
        # "..., too wet": a reason after a comma; "... for the 9th" says more than a change
        rest = c[m.end("pp"):]
        told = not rest.strip(" .!") or rest.lstrip().startswith(",")
        return intent, [task] if task is not None and told else []

    def _done_told(self, c: str, raw: str) -> bool:
        """'tickets bought', 'the forms are filled in', 'got the lanterns': a task named by
        its object alone, finished. When its title joins that object to another ('Buy a tent
        and a stove'), the object becomes a finished task of its own beside it."""
        m = _DONE_TOLD.match(c)
        if m is None and (passive := _told_done_plainly(c)) and not _NEGATIVE.search(c) and (
                (base := lemma(passive["pp"])) != passive["pp"].lower() and is_verb(base)):
            task = self._match(passive["subject"], self._live(), strict=True, by_value=False)
            if task is not None and not passive["cop"] and not re.match(
                    rf"{re.escape(base)}\b", task.title, _I):
                return False  # "cakes needed": with no 'is', only the task's own verb is done
            if task is None:  # "the car's washed": news of a thing done names no task here
                self._emit(Intent.NOTE, raw, about=self._about(c, None))
                return True
            if not _finished_by(task, passive["pp"]):
                return False  # "the frame's painted" does not finish 'Sand the frame'
            return self._done_with_outcome(task, passive["rest"] or "", raw)
        if m is None or _NEGATIVE.search(c):
            return False
        item = clean_phrase(m["got"] or m["items"])
        task = self._match(item, self._live(), strict=True, by_value=False)
        if task is None or task.status != TaskStatus.ACTIVE:
            return False
        joined = re.match(r"^(?P<verb>\w+)\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$", task.title)
        parts = [p for p in ("a", "b") if joined and mentions(joined[p], item)]
        if joined is None or len(parts) != 1 or mentions(joined["b" if parts[0] == "a" else "a"],
                                                         item):
            return self._set_statuses([task], TaskStatus.DONE, Intent.DONE, raw)
        kept = joined["b" if parts[0] == "a" else "a"]
        title = f"{joined['verb']} {kept}"
        ops: list[Operation] = [ReviseTask(key=task.key, title=title)]
        self._pending(task, title=title)
        ops.append(self._add(f"{joined['verb']} {joined[parts[0]]}", parents=task.parents))
        ops.append(CompleteTask(key=ops[-1].key))
        self._emit(Intent.DONE, raw, ops, about=[task.key, ops[1].key])
        return True

    def _did_step(self, c: str, raw: str) -> bool:
        """A step told done by its own verb and its object: "checked the tyres too, 32 psi",
        "we've booked the plumber", "I've shut the gas off". The one live step whose title
        starts with that verb and names the object is finished; values said after it (a
        measure, a price, a time) are its outcome. No other verb finishes a step this way."""
        m = _DID.match(c) or _REPORT.match(c) or _PERFECT_TOLD.match(c)
        if m is None or _NEGATIVE.search(c) or _ROLE.search(f" {m['obj']} "):
            return False  # "booked the hall for June 3" says more than that it was done
        verb = lemma(m["verb"])
        if not is_past(m["verb"]) and not re.search(r"'ve\b|\bha(?:ve|s)\b", c, _I):
            return False  # "I book the hall": no past, nothing told done
        words = set(stems(m["obj"]))
        steps = [t for t in self._titled(words, verb) if t.status == TaskStatus.ACTIVE]
        if len(steps) > 1:
            steps = [t for t in [self._match(m["obj"], steps, strict=True, by_value=False)]
                     if t is not None]
        if not steps and _FINISHING.fullmatch(m["verb"]):
            steps = self._thing_finished(m["obj"])
        if len(steps) != 1:
            return False
        return self._done_with_outcome(steps[0], m.groupdict().get("rest") or "", raw)

    def _titled(self, words: set[str], verb: str | None = None) -> list[Task]:
        """The live tasks whose title holds every one of ``words`` (none for no words) and,
        given ``verb``, opens with it: the tasks a phrase names by their own name."""
        if not words:
            return []
        return [t for t in self._live() if words <= set(stems(t.title)) and (
            verb is None or lemma(t.title.split()[0].lower()) == verb)]

    def _thing_finished(self, obj: str) -> list[Task]:
        """'paid the deposit', 'sent the forms': a verb that finishes any thing, and the one
        live task its object names, a thing with no verb of its own ('Deposit', '£50
        deposit'); a step with a verb of its own ('Order the frames') is finished by that."""
        task = self._match(obj, self._live(), strict=True, by_value=False)
        if task is None or task.status != TaskStatus.ACTIVE or (
                len(task.title.split()) > 1 and _imperative(task.title)):
            return []
        return [task]

    def _done_with_outcome(self, task: Task, rest: str, raw: str) -> bool:
        """``task`` finished; the values said after it (', 1.5 kg, fine') are its outcome."""
        ops: list[Operation] = []
        said = [p.strip() for p in rest.split(",") if p.strip()]
        outcome = ", ".join(p for p in said if _outcome_part(p))
        if outcome:
            ops.append(ReviseTask(key=task.key, value=outcome))
            self._pending(task, value=outcome)
        ops.append(self._set_status(task, TaskStatus.DONE))
        self._emit(Intent.DONE, raw, ops, about=[task.key])
        return True

    def _step_of_verb(self, participle: str, obj: str) -> Task | None:
        """The one live step whose own verb the participle is and whose title names the
        object: 'the shed's painted' is 'Paint the shed', not a plan titled 'Shed'."""
        verb, words = lemma(participle.split(maxsplit=1)[0]), set(stems(obj))
        steps = [t for t in self._titled(words, verb) if t.status == TaskStatus.ACTIVE]
        return steps[0] if len(steps) == 1 and verb != participle.lower() else None

    def _done_as_step(self, c: str, raw: str) -> bool:
        """'the hedge is trimmed', "the gutters' all cleared and drying": an object told in
        the participle of the verb of one step that names it ('Trim the hedge'): that step
        is finished. Only the step's own verb counts, so no other state is read as done."""
        m = _TOLD_IN_PARTICIPLE.match(c)
        if m is None or _NEGATIVE.search(c) or not _plain_copula(m["cop"]) or not m["subject"] or (
                m["particle"] or m["role"] or m["when"] or m["more"]):
            return False
        verb, obj = lemma(m["pp"]), set(stems(m["subject"]))
        steps = [t for t in self._titled(obj, verb) if t.status == TaskStatus.ACTIVE]
        if len(steps) != 1 or verb == m["pp"].lower():
            return False  # "the hedge is trim": no participle
        return self._set_statuses(steps, TaskStatus.DONE, Intent.DONE, raw)
    def _done_reported(self, c: str, raw: str) -> bool:
        """A step reported finished in the participle, with what came of it: 'entered!' (the
        step's own verb alone), 'the permit renewed today', 'the proofs posted off to
        Ben', 'the session booked for the 5th, 3 hrs, $90'. The object must name one live
        step by its title; the verb must be the step's own or one that finishes a thing
        ('sent', 'paid', 'booked'). Values after it are its outcome."""
        m = _TOLD_IN_PARTICIPLE.match(c)
        if m is None or _NEGATIVE.search(c) or m["also"] or m["more"] or (
                m["cop"] and not _plain_copula(m["cop"]) and m["cop"].strip().lower() != "got"):
            return False
        part = m["pp"].lower()
        verb = lemma(part)
        if verb == part or not is_verb(verb):
            return False  # "the session today": no participle
        active = [t for t in self._live() if t.status == TaskStatus.ACTIVE and t.parents]
        own = [t for t in active if t.title.split() and lemma(t.title.split()[0].lower()) == verb]
        if not m["subject"]:
            task = own[0] if len(own) == 1 else None
        else:
            task = self._match(m["subject"], active, strict=True, by_value=False)
            if task is not None and task not in own and (not _FINISHING.fullmatch(part) or any(
                    k in (ValueKind.DATE, ValueKind.TIME)
                    for k, _ in typed_phrases(m["role"] or "", sentence=False))):
                # "the cakes needed": no step is finished by that; "the install is booked
                # for the 20th", "the sofa's delivered on Friday": a day set, nothing done
                return False
        if task is None:
            return False
        told = [clean_phrase(m["role"] or ""), *(m["rest"] or "").split(",")]
        return self._done_with_outcome(task, ", ".join(p for p in told if p.strip()), raw)

    def _done_state(self, c: str, raw: str) -> bool:
        """'the tiles are in and the grout's laid': each part names a live task by its title
        (a person said to be out names none), and each is finished."""
        parts = re.split(r"\s+and\s+(?=(?:the\s+|my\s+|our\s+)?[\w-]+(?:\s+(?:is|are)|'s|'re)\s)",
                         c, flags=_I)
        targets: list[Task] = []
        for part in parts:
            m = _DONE_STATE.match(part.strip())
            if m is None or _NEGATIVE.search(part):
                return False
            task = self._step_of_verb(m["state"], m["items"]) or self._match(
                m["items"], self._live(), by_value=False)
            if task is None:
                return False
            if task not in targets:
                targets.append(task)
        return self._set_statuses(targets, TaskStatus.DONE, Intent.DONE, raw)

    def _depend(self, c: str, raw: str, slot: str | None) -> bool:
        """'X depends on Y', 'X can't start until Y', 'put X down as waiting on Y': X waits for
        Y. Asked for as a listing, an order not written is not understood: nothing else is."""
        if (listed := _LISTED_ORDER.match(c)) is not None:
            c = f"{listed['a']} depends on {listed['b']}"
        if self._order(c, raw, slot):
            return True
        if listed is not None:
            self._unparsed(raw, c)
        return listed is not None

    def _reparent(self, c: str, raw: str, slot: str | None) -> bool:
        """'Put X under Y', 'make X part of Y': the task X becomes a step of the task Y only,
        leaving the plans it was under. Both must name one live task by all of their words
        (or X by what 'it' stands for), and Y may not be X or under it: else nothing is
        written."""
        m = _REPARENT.match(c.strip(" .!"))
        if m is None:
            return False
        a_text, b_text = (_PLACEHOLDER.sub("", m[g] or m[f"{g}2"] or m[f"{g}3"]) for g in "ab")
        live = self._live()
        moved = self._items(a_text, live, slot) if clean_phrase(a_text).lower() in _PRONOUNS \
            else [t for t in [self._match(a_text, live, strict=True, by_value=False)] if t]
        home = self._match(b_text, live, strict=True, by_value=False)
        if (len(moved) != 1 or home is None) and m["a"]:
            return False  # "put the chairs into the van": no task named, a thing to do
        if len(moved) != 1 or home is None:
            self._unparsed(raw, c)  # "make X part of Y" asks for no new task
            return True
        task = moved[0]
        if self._reaches([home.key], task.key, lambda t: t.parents):  # X under itself
            self._unparsed(raw, c, reason="a task that would be under itself")
            return True
        if task.parents == [home.key]:
            self._emit(Intent.NOTE, raw, about=[task.key])  # it is there already
            return True
        ops: list[Operation] = [LinkParent(key=task.key, parent=home.key)]
        ops += [UnlinkParent(key=task.key, parent=p) for p in task.parents]
        self._emit(Intent.LINK, raw, ops, about=[task.key, home.key])
        self._pending(task, parents=[home.key])
        return True

    def _reaches(self, start: Iterable[str], target: str,
                 edges: Callable[[Task], list[str]]) -> bool:
        """Whether ``target`` is one of ``start`` or reached from them along ``edges`` (a
        task's parents, or what it depends on), at any depth."""
        seen: set[str] = set()
        todo = list(start)
        while todo:
            key = todo.pop()
            if key == target:
                return True
            if key not in seen and (task := self.tasks.get(key)) is not None:
                seen.add(key)
                todo += edges(task)
        return False

    def _undepend(self, c: str, raw: str, slot: str | None) -> bool:
        """'X no longer depends on Y', 'X can go ahead without Y': X stops waiting for Y (for
        everything it waits for, with 'anything'). X must name one task; a Y it does not wait
        for changes nothing."""
        m = _UNDEPEND.match(c)
        if m is None:
            return False
        a_text, b_text = m["a"] or m["a2"], clean_phrase(m["b"] or m["b2"]).strip(" .!")
        named = self._items(a_text, self._live(), slot)
        if len(named) != 1:
            self._unparsed(raw, c)
            return True
        task = named[0]
        waited = [self.tasks[k] for k in task.depends_on if k in self.tasks]
        if b_text.lower() in _ALL_WAITED:
            gone = waited
        else:
            found = self._match(b_text, waited)
            gone = [found] if found is not None else []
        if not gone:  # it waits for none of that: nothing to take away
            self._emit(Intent.NOTE, raw, about=[task.key])
            return True
        self._emit(Intent.DEPEND, raw, [RemoveDependency(key=task.key, depends_on=t.key)
                                        for t in gone], about=[task.key])
        self._pending(task, depends_on=[k for k in task.depends_on
                                        if k not in {t.key for t in gone}])
        return True

    def _order(self, c: str, raw: str, slot: str | None) -> bool:
        c = _as_waiting(c)
        m = _DEPEND.match(c)
        if not m or read_frame(c).intent == "add" or _DENIED_ORDER.search(c) or (
                _needs_a_doing(c, m)):
            # "add A and B straight after": things added; "X needs doing by the 7th": no order
            return False
        a_text, b_text = m["a"] or m["a2"] or m["a3"], m["b"] or m["b2"] or m["b3"]
        if m["a3"] and (_DESCRIBES.match(a_text) or _COPULA.match(a_text)):
            return False  # "the heater runs again after a clean": a statement, no order
        b_text = _UNSURE_TAIL.sub("", self._perfect_step(b_text))
        b_text, restated = _restated_on(b_text)
        if _REPORTED.search(a_text):
            return False  # "the bank says they need X": what someone said
        a_text = re.sub(r"\s+(?:both|all|each|too|also)$", "", a_text.strip(), flags=_I)
        if m["a"] and a_text.lower() in ("we", "i", "you", "they"):
            a_text = self._held_back(c[m.end("a"):m.start("b")]) or a_text
        listed = b_text
        b_text, _, after = b_text.partition(",")  # ", no point ...": a reason, not the task
        when_value = _when_done(after)
        if clean_phrase(_DEPEND_TAIL.sub("", b_text)).lower() in _PRONOUNS:
            # "the wine depends on it", "... on that being sorted"
            earlier = self._written_before() or self._context_old(a_text, nearest=True)
            if earlier is None:
                return False
            b_text = earlier
        if slot and a_text.lower() in ("it", "this", "that"):
            dependents = [t for t in [self._active(slot)] if t is not None]
        elif waiting := self._still_waiting(a_text):
            dependents = waiting  # "X depends on Y, so it comes after Z": 'it' is X again
        else:
            dependents = self._items(a_text, self._live(), slot)
        if not dependents:  # "The permits wait on the survey": a new task
            b = self._match(b_text, self._live())
            name = clean_phrase(a_text)
            if b is None or len(name.split()) > 4 or re.search(
                    r"\b(?:i|we|you|he|she|they|it|that|this)\b", name, _I) or (
                    not stems(name)) or (
                    re.fullmatch(r"up|out|in|on|off|down|back|away|over", name, _I)):
                return False  # "I can't ...", "... set off until": a person, no task waits
            add = self._add(name, parents=b.parents[:1] or [b.key])
            self._emit(Intent.DEPEND, raw, [add, AddDependency(key=add.key, depends_on=b.key)],
                       about=[add.key, b.key])
            return True
        others = [t for t in self._live() if t not in dependents]
        short = clean_phrase(_DEPEND_TAIL.sub("", b_text))
        if self._match(short, dependents, strict=True, by_value=False):
            return False  # what waits named as what it waits for: no order, no new task
        if len(waited := self._each_waited_for(_DEPEND_TAIL.sub("", listed), others)) > 1:
            self._link(dependents, waited, [], raw)  # "on the quotes and on the spec"
            return True
        b = self._waited_for(b_text, restated, others) or self._demonstrated(
            short, dependents[0], others)
        if b is None and _DEMONSTRATED.fullmatch(short):
            self._unparsed(raw, c)  # "... on that shipment" with nothing it points to
            return True
        if b is None and (restated or _ASKED_OF.match(b_text)):
            self._unparsed(raw, c)  # "on what date the fitter arrives" with no one task holding it:
            return True  # an order told, not understood, and said so
        ops: list[Operation] = []
        if b is None:
            if not short or len(short.split()) > 4 or is_question(short) or not stems(short):
                return False
            first = dependents[0]  # a prerequisite not yet in memory joins the same plan
            ops.append(self._add(short[:1].upper() + short[1:], parents=first.parents[:1]
                                 or [first.key], value=when_value))
            b = self.tasks[ops[-1].key]
        self._link(dependents, [b], ops, raw)
        return True

    def _held_back(self, between: str) -> str | None:
        """What waits when people say they must: "(we) can't paint the shed (until)" is the
        step of painting it when there is one, else the shed; "(I) can't pay (until)" is the
        step of paying. None when ``between`` says neither."""
        if blocked := _BLOCKED.match(between):
            done_as = f"{blocked['verb']} {blocked['obj']}"
            return done_as if self._match(done_as, self._live(), strict=True, by_value=False) \
                else blocked["obj"]
        alone = re.match(r"^\s*(?:can't|cannot|can not|won't)\s+(?P<verb>[a-z]+)\s+"
                         r"(?:until|till|before)\s*$", between, _I)
        return alone["verb"] if alone else None

    def _written_before(self) -> str | None:
        """'Kick-off is 9:40 and the rota depends on that': the title of the task the clause
        just before wrote, when it wrote one; what 'that' points back to."""
        last = self.subtasks[-1] if self.subtasks else None
        if last is None or not last.operations or last.intent == Intent.DEPEND:
            return None
        told = [self.tasks[k] for k in last.about if k in self.tasks]
        return told[-1].title if told else None

    def _demonstrated(self, said: str, waiting: Task, candidates: list[Task]) -> Task | None:
        """'that count', 'this shipment': what is waited for, pointed at, not named. The
        task whose name has the noun; else, for a noun of a kind of value ('number',
        'date'), the latest task talked of that holds such a value; else the one step about
        the same thing as the one that waits ('ice the cake' waits for 'bake the cake')."""
        pointed = _DEMONSTRATED.fullmatch(said)
        if pointed is None:
            return None
        noun = pointed["noun"]
        if (named := self._match(noun, candidates, strict=True, by_value=False)) is not None:
            return named
        kind = _KIND_OF_ATTRIBUTE.get(attribute_of(noun) or "")
        if kind is not None:
            return next((t for t in self._recent() if t in candidates and any(
                k == kind for k, _ in typed_phrases(t.value or "", sentence=False))), None)
        things = set(stems(_drop_verb(waiting.title))) if _imperative(waiting.title) else set()
        sharing = [t for t in candidates if t.parents and things & set(stems(t.title))]
        return sharing[0] if len(sharing) == 1 else None

    def _link(self, dependents: list[Task], waited: list[Task], ops: list[Operation],
              raw: str) -> None:
        """Each of ``dependents`` waits for each of ``waited``, after ``ops``; an order this
        turn already made is not made again ('..., so the lights wait for the tree'): then it
        is a note."""
        linked = {op for sub in self.subtasks for op in sub.operations
                  if isinstance(op, AddDependency)}
        ops += [op for a in dependents for b in waited
                if (op := AddDependency(key=a.key, depends_on=b.key)) not in linked]
        self._emit(Intent.DEPEND if ops else Intent.NOTE, raw, ops,
                   about=[*(a.key for a in dependents), *(b.key for b in waited)])

    def _each_waited_for(self, said: str, candidates: list[Task]) -> list[Task]:
        """'the quotes and (on) the spec', 'A, B and C': one task each item names by all its
        words, or none at all when an item names none or two items name the same one."""
        items = [re.sub(r"^(?:on|for|both)\s+", "", i, flags=_I) for i in split_list(said)]
        found = [self._match(i, candidates, strict=True, by_value=False) for i in items]
        tasks = [t for t in found if t is not None]
        return tasks if len(tasks) == len(items) and len({t.key for t in tasks}) == len(tasks) \
            else []

    def _still_waiting(self, pronoun: str) -> list[Task]:
        """The tasks a pronoun after a dependency of this turn stands for: those that waited
        in it, not what they waited for."""
        last = self.subtasks[-1] if self.subtasks else None
        if clean_phrase(pronoun).lower() not in _PRONOUNS or last is None or (
                last.intent != Intent.DEPEND):
            return []
        waiting = {op.key for op in last.operations if isinstance(op, AddDependency)}
        return [self.tasks[k] for k in last.about if k in waiting and k in self.tasks]

    def _waited_for(self, said: str, restated: str, candidates: list[Task]) -> Task | None:
        """The task among ``candidates`` that ``said`` names as waited for: by name, or by
        the fact it asks for ('when the van comes'); what is said again after 'so' first."""
        if restated and (named := self._match(restated, candidates)):
            return named
        if _ASKED_OF.match(said):
            return self._asked_of(said, candidates)
        short = clean_phrase(_DEPEND_TAIL.sub("", said))
        return self._match(said, candidates) or (
            self._match(short, candidates) if short else None)

    def _asked_of(self, said: str, candidates: list[Task]) -> Task | None:
        """'when the delivery is', 'which day they come', 'which paint I end up buying': what
        is waited for, told as the fact to be known. The task the rest of it names that holds
        a value of the kind asked (a date for 'when'); else the one step whose verb it uses;
        else the one task holding a value of that kind. None when no one task is it."""
        m = _ASKED_OF.match(said)
        if m is None:
            return None
        kinds = _ASKED_KINDS.get(re.sub(r"\s+", " ", m["wh"].lower()), ())
        holding = [t for t in candidates if not kinds or any(
            k in kinds for k, _ in typed_phrases(t.value or "", sentence=False))]
        rest = _DEPEND_TAIL.sub("", m["rest"])
        for among in (holding, candidates):  # "when the talk is": the talk, even at '11'
            named = self._match(rest, among, by_value=False) if stems(rest) else None
            if named is not None:
                return named
        verbs = {lemma(w) for w in re.findall(r"\b[a-z]+(?:ing|ed)\b", rest, _I) if is_verb(w)}
        verbs |= {lemma(w) for w in re.findall(r"\b(?:i|we|they|he|she|you)\s+([a-z]+)", rest, _I)}
        steps = [t for t in candidates if t.title.split() and t.parents
                 and lemma(t.title.split()[0].lower()) in verbs]
        # "which stove I buy" with a stove among the steps: the stove, whatever buys it
        things = set(stems(rest)) - {stem(v) for v in verbs}
        named_too = [t for t in candidates if t.parents and things & set(stems(t.title))]
        if named_too:
            return named_too[0] if len(named_too) == 1 else None
        if len(steps) == 1:
            return steps[0]
        return holding[0] if kinds and len(holding) == 1 else None

    def _perfect_step(self, said: str) -> str:
        """'until I've fed the dog', 'until Ola's actually fixed the gate': what waits is the
        step that is told as done, 'feed the dog'; when a task names the one who does it
        ('Ola'), that task is it."""
        m = _DONE_BY.match(said.strip())
        if m is None:
            return said
        who = m["who"]
        if who[:1].isupper() and (doer := [t for t in self._live() if mentions(
                f"{t.title} {t.value or ''}", who)]) and len(doer) == 1:
            return doer[0].title
        return f"{lemma(m['verb'])} {m['obj']}"

    def _causative(self, c: str, raw: str, slot: str | None) -> bool:
        """'and get the fitters to check the vents', 'get Ola to sand the door': a step someone else
        is to do, new under the plan in talk; never one that names a task, a change or a
        pronoun's task, nor one said 'instead' (that gives a task to someone)."""
        m = _CAUSATIVE.match(c)
        if m is None or slot is not None or re.search(r"\binstead\b", c, _I):
            return False
        step = m["step"]
        frame = read_frame(step)
        root = self.under or self._root_for(None)
        if root is None or not _imperative(step) or frame.known or frame.reference or (
                self._match(step, self._live(), strict=True)):
            return False
        ops = self._item(step[:1].upper() + step[1:], root)
        self._emit(Intent.NEW, raw, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _add_to(self, c: str, raw: str, slot: str | None) -> bool:
        m = _ADD_TO.match(c)
        if not m or (value_kind(m["container"]) != ValueKind.OTHER and self._match(
                m["container"], self._live(), strict=True, by_value=False) is None) or re.match(
                rf"^\S+\s+{_DETERMINER}\b", m["container"], _I):
            return False  # "add X to feed the fish" says what X is for, not where it goes
        container = clean_phrase(m["container"])
        if clean_phrase(m["items"]).lower() in _PRONOUNS:
            # "order them in green": a detail of what the turn spoke of, no list to add to
            target = next(iter(self._recent()), None)
            if target is None:
                return False
            detail = c[m.end("items"):].strip()
            self._update(target, f"{target.value}, {detail}" if target.value else detail, raw)
            return True
        ops: list[Operation] = []
        root = self._active(container.lower()) or self._match(
            container, [t for t in self._live() if not t.parents])
        if root is None:  # a part of a plan is a container too: never a second of its name
            root = self._match(container, self._live(), strict=True)
        if root is None and container.lower() in ("list", "plan", "it", "them", "that"):
            root = self.under or self._root_for(None)  # "add X to the list": the plan in talk
        if root is not None and unaccounted(container, Held([root.key, root.title,
                                                              root.value or ""])):
            root = None  # "in week 4" is not the plan of six weeks
        if root is None and m["prep"].lower() in ("in", "on") and self._root_for(None):
            return False  # "add a class in week 4": where or when, with a plan in talk
        if root is None:
            ops.append(self._add(container.capitalize(), key=slug(container)))
            root = self.tasks[ops[-1].key]
        about = [root.key]
        for item in _expand(split_list(m["items"])):
            existing = self._match(item, list(self.tasks.values()), strict=True)
            if existing is None:
                ops.append(self._add(item, parents=[root.key]))
                about.append(ops[-1].key)
                continue
            about.append(existing.key)
            if existing.status == TaskStatus.CANCELLED:
                ops.append(self._set_status(existing, TaskStatus.ACTIVE))
            if root.key not in existing.parents:
                ops.append(LinkParent(key=existing.key, parent=root.key))
                self._pending(existing, parents=[*existing.parents, root.key])
        intent = Intent.LINK if all(isinstance(o, LinkParent) for o in ops) else Intent.NEW
        self._emit(intent, raw, ops, about=about)
        return True

    def _add_here(self, c: str, raw: str, slot: str | None) -> bool:
        """'Add stops in Santa Fe and Amarillo': items for the plan the talk is about."""
        m = _ADD_HERE.match(c)
        if not m or slot is not None:
            return False
        root = self._root_for(None)
        if root is None:
            return False
        ops: list[Operation] = []
        about = [root.key]
        for item in _distribute(_expand(split_list(m["items"]))):
            if ops and isinstance(ops[-1], AddTask) and _only_value(item) and not re.fullmatch(
                    r"(?:[A-Z][\w'-]*\s*){1,2}", item.strip()):  # "add Ola and Ben": two people
                ops[-1] = ops[-1].model_copy(update={"value": clean_phrase(
                    re.sub(r"^(?:around|about|at|for|on|costs?|roughly)\s+", "", item, flags=_I))})
                self._pending(self.tasks[ops[-1].key], value=ops[-1].value)
                continue
            existing = self._match(item, list(self.tasks.values()), strict=True)
            if existing is not None and existing.status == TaskStatus.CANCELLED:
                ops.append(self._set_status(existing, TaskStatus.ACTIVE))
                about.append(existing.key)
            elif existing is None:
                name, when = _person_when(item)  # "Ann Lee at 2": who, and their time
                ops.append(self._add(name[:1].upper() + name[1:], value=when,
                                     parents=[root.key]))
                about.append(ops[-1].key)
        if not ops:
            return False
        self._emit(Intent.NEW, raw, ops, about=about)
        return True

    def _retime(self, c: str, raw: str, slot: str | None) -> bool:
        """'Push the launch date to May 2', 'The audit was moved to June 9': the task
        named, or the slot of that kind under it, takes the new time or date."""
        m = _RETIME.match(c)
        if not m and (news := _MOVED_BY.match(c)):
            m = _RETIME.match(f"move {news['rest']}")  # "the office moved my visit to May 2"
        if not m:
            return False
        what = clean_phrase(re.sub(r"\s+(?:up|down|back|forward|out)$|'s$", "",
                                   m["what"] or m["what2"] or "", flags=_I))
        typed = self._hour_meant(what, [(k, p) for k, p in typed_phrases(m["v"])
                                        if k != ValueKind.NAME])
        if not typed or not stems(what) or what.lower() in _PRONOUNS:
            return False
        if self._stranger_named(what):
            self._unparsed(raw, c)  # "move Ann's slot" with no Ann in memory: nothing moves
            return True
        kind, first = typed[0]
        if (kind == ValueKind.COUNT and len(typed) == 1 and self._recounted(
                f"{first} {what.split()[-1]}", raw)) or self._plan_moved(
                    what, kind, _span(m["v"], kind) or first, raw):
            return True  # "drop the eggs to 70": the title that counts "60 mini eggs"
        if (holder := self._holding_inside(what, kind)) is not None:
            new = _span(m["v"], kind) or first
            self._update(holder, retype(holder.value or "", kind, new, after=what) or new, raw)
            return True
        phrases = [first]
        typed_tasks = [t for t in self._live() if t.value and value_kind(t.value) == kind]
        if (slot_task := self._match(what, typed_tasks)) is None:
            holders = [t for t in self._live() if retype(t.value or "", kind, phrases[0])]
            slot_task = self._match(what, holders)
        inside = [t for t in self._live()
                  if mentions(t.value or "", what) and retype(t.value or "", kind, first)]
        if slot_task is None and inside:
            # "push the soft opening to May 3" where a value says "soft opening on April 26"
            new = _span(m["v"], kind) or first
            self._update(inside[0], retype(inside[0].value or "", kind, new, after=what) or new,
                         raw)
            return True
        if slot_task is None and (named := self._match(what, self._live(), by_value=False)):
            new = _span(m["v"], kind) or first
            current = named.value or ""
            if not current and (title := _retimed_after(named.title, what, kind, new)):
                # "lessons move to Mondays" where the title says "lessons Fridays"
                self._emit(Intent.UPDATE, raw, [ReviseTask(key=named.key, title=title)],
                           about=[named.key])
                self._pending(named, title=title)
                return True
            if self._retitle(named, [(kind, new)], raw):
                return True  # "shift the scrub to 6:45" when the title says "at 5:00"
            value = retype(current, kind, new) or (f"{current}, {new}" if current else new)
            self._update(named, _retyped_rest(value, m["v"], typed), raw)
            return True
        if slot_task is not None:
            self._retime_slot(slot_task, m["v"], kind, typed, raw, named=what)
            return True
        roots = [t for t in self._live() if not t.parents]
        root = self._match(what, roots)
        if root is None and re.search(r"\b(?:whole|entire|everything|all)\b", what, _I):
            root = self._root_for(None)  # "push the whole trip": the plan in talk
        if root is None and kind in (ValueKind.TIME, ValueKind.DATE) and not any(
                mentions(f"{t.title} {t.value or ''}", what) for t in self.tasks.values()):
            self._unparsed(raw, c)  # a move of something memory does not hold: no new task
            return True
        if root is None or kind not in (ValueKind.TIME, ValueKind.DATE):
            return False
        held = [t for t in self._live() if (t.key == root.key or root.key in t.parents)
                and retype(t.value or "", kind, first) is not None]
        if not held and sum(k == kind for k, _ in typed_phrases(root.title, sentence=False)) == 1:
            # "push the whole plan to Monday" where the plan is "Quiz night Sunday"
            title = retype(root.title, kind, _span(m["v"], kind) or first) or root.title
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=root.key, title=title)],
                       about=[root.key])
            self._pending(root, title=title)
            return True
        ops = self._typed_updates(root, m["v"])
        if not ops:
            return False
        self._emit(Intent.UPDATE, raw, ops, about=[root.key])
        return True

    def _stranger_named(self, phrase: str) -> bool:
        """Whether ``phrase`` names its thing by a person memory has never held ("Ann's
        slot" with no Ann in any title or value)."""
        owner = re.match(r"(?-i:[A-Z])[a-z]+(?='s\b)", phrase)
        return owner is not None and not in_dictionary(owner[0].lower()) and not any(
            re.search(rf"\b{owner[0]}\b", text) for text in self.held)

    def _plan_moved(self, what: str, kind: ValueKind, new: str, raw: str) -> bool:
        """'Move the start to 3:30' where the plan in talk holds one time ('on the 3rd, from
        3:00'): that time; 'move the whole thing to Friday': every date the plan holds."""
        plan = self._root_for(None)
        if _START_WORD.fullmatch(what) and kind == ValueKind.TIME and plan is not None and [
                k for k, _ in typed_phrases(plan.value or "", sentence=False)].count(kind) == 1:
            self._update(plan, retype(plan.value or "", kind, new) or new, raw)
            return True
        return _WHOLE_PLAN.fullmatch(what) is not None and self._whole_moved(kind, new, raw)

    def _whole_moved(self, kind: ValueKind, new: str, raw: str) -> bool:
        """'Move the whole thing to Friday': every task of the plan that holds a date (or a
        time) takes the new one. The plan is the one whose tasks hold one, or the one in talk
        when several do; False when none does."""
        live = self._live()
        plans = {r.key: held for r in live if not r.parents and (held := [
            t for t in live if (t.key == r.key or r.key in t.parents)
            and retype(t.value or "", kind, new) is not None])}
        root = self.tasks[next(iter(plans))] if len(plans) == 1 else self._root_for(None)
        if root is None or root.key not in plans:
            return False
        held = plans[root.key]
        ops: list[Operation] = []
        for task in held:
            value = retype(task.value or "", kind, new) or new
            ops.append(ReviseTask(key=task.key, value=value))
            self._pending(task, value=value)
        self._emit(Intent.UPDATE, raw, ops, about=[root.key, *(t.key for t in held)])
        return True

    def _amount_moved(self, c: str, raw: str, slot: str | None) -> bool:
        """'The headcount's jumped to 110', 'fees have come down to $40 since ...': a value
        told as having risen or fallen is set as a move to it would be; the reason or the
        remark after it is no part of the value."""
        m = _AMOUNT_MOVED.match(c)
        if m is None:
            return False
        value = _remark_off(_REASON_TAIL.sub("", m["v"]))
        typed = typed_phrases(value, sentence=False)
        if slot is None and (holder := self._holding_told(m["what"], typed)) is not None:
            return self._set_typed(holder, typed, raw)  # "the Ford's seller dropped to £X"
        return self._retime(f"move {m['what']} to {value}", raw, slot)

    def _value_inside(self, c: str, raw: str, slot: str | None) -> bool:
        """'The judging's on the 6th now' where a task's value says 'judging on the 5th':
        the value after those words takes the new one, in that task. Only when exactly one
        task's value names the thing with a value of that kind."""
        m = _NAMED_VALUE.match(c)
        if m is None or not _only_value(m["v"]) or not content_words(m["what"]) or (
                read_frame(m["what"]).verb is not None):
            return False  # "the 9th it is": no thing named
        typed = [(k, p) for k, p in typed_phrases(m["v"], sentence=False) if k != ValueKind.NAME]
        if len(typed) != 1 or m["what"].lower() in _PRONOUNS:
            return False
        kind, new = typed[0]
        if (holder := self._holding_inside(m["what"], kind)) is None:
            return False
        self._update(holder, retype(holder.value or "", kind, new, after=m["what"]) or new, raw)
        return True

    def _holding_inside(self, what: str, kind: ValueKind) -> Task | None:
        """The one task whose value names ``what`` with a value of ``kind`` after it ('judging
        on the 5th'), when no task is named ``what`` itself."""
        if self._match(what, self._live(), by_value=False):
            return None
        holders = [t for t in self._live() if value_after(t.value or "", what, kind) is not None]
        return holders[0] if len(holders) == 1 else None

    def _hour_meant(self, what: str, typed: list[tuple[ValueKind, str]]
                    ) -> list[tuple[ValueKind, str]]:
        """'Push dinner to 8' where dinner is at 7:30: a bare number from 1 to 12, moving a
        task that holds a time, is the hour, not a count."""
        named = self._match(what, self._live(), by_value=False) if stems(what) else None
        held = f"{named.title}, {named.value or ''}" if named is not None else ""
        if [k for k, _ in typed] != [ValueKind.COUNT] or not re.fullmatch(
                r"(?:[1-9]|1[0-2])", typed[0][1]) or not any(
                k == ValueKind.TIME for k, _ in typed_phrases(held)):
            return typed
        return [(ValueKind.TIME, typed[0][1])]

    def _retime_slot(self, slot_task: Task, said: str, kind: ValueKind,
                     typed: Sequence[tuple[ValueKind, str]], raw: str, *,
                     named: str | None = None) -> None:
        """The slot of ``kind`` takes what was said of it; each other kind said changes the
        attribute beside it that holds that kind, or this value when none does."""
        new = _span(said, kind) or clean_phrase(said)
        if len(typed) > 1 and (kind_only := _span(said, kind)):
            new = kind_only  # "to Tuesday at 8pm": the day here, the time beside it
        besides, in_value = [], [(kind, new)]
        for other, phrase in typed[1:]:
            beside = next((t for t in self._live() if t.parents == slot_task.parents
                           and t.key != slot_task.key and t.value
                           and [k for k, _ in typed_phrases(t.value, sentence=False)] == [other]),
                          None)  # an attribute holding that kind alone, not an event's value
            if beside is not None and other != kind:
                besides.append((beside, other, phrase))
            else:
                in_value.append((other, phrase))
        # "up the images to 40" where it holds "20 images": the count of what was named
        after = named if named and mentions(slot_task.value or "", named) else None
        value = retype(slot_task.value or "", kind, new, after=after) or new
        self._update(slot_task, _retyped_rest(value, said, in_value), raw)
        for beside, other, phrase in besides:
            self._update(beside, retype(beside.value or "", other, phrase) or phrase, raw)
    def _moved_news(self, c: str, raw: str, slot: str | None) -> bool:
        """'She's moved the fitting, now it's 3pm', 'the roofers pushed it to the 9th': news of a
        change revises the task the moved thing names (for a pronoun, the task of whoever moved
        it, if their work names one); when the thing named is no task, nothing is written:
        another task's date is not a guess."""
        m = _MOVED_NEWS.match(c)
        if m is None or not any(k != ValueKind.NAME for k, _ in typed_phrases(m["v"])):
            return False
        what = clean_phrase(m["what"])
        if what.lower() in _PRONOUNS:
            if (task := self._doer_task(m["who"])) is None:
                return False  # 'it' is then what was last spoken of, as in "move it to 3"
            what = task.title
        elif self._match(what, self._live(), by_value=False) is None:
            what = ""
        if not what or not self._retime(f"move {what} to {m['v']}", raw, slot):
            self._unparsed(raw, c)
        return True

    def _dash_details(self, c: str, raw: str, slot: str | None) -> bool:
        """'The cake - about $40, chocolate': a task named by its words, then after a dash its
        details with a price, date or count in them, when it has no value yet."""
        m = re.match(r"^(?P<what>[\w' ]{2,30}?)\s+[-\u2013\u2014]\s+(?P<v>.+)$", c)
        task = self._match(m["what"], self._live(), strict=True, by_value=False) if m else None
        if m is None or (task is not None and self._topic_request(task, m["what"], m["v"], raw)):
            return m is not None
        if topic_request(c):  # "the lanterns - hang them higher", not read as a change of them
            self._unparsed(raw, c)
            return True
        if not any(k != ValueKind.NAME for k, _ in typed_phrases(m["v"], sentence=False)):
            return False
        if task is not None and (_imperative(m["v"]) or read_frame(m["v"]).known):
            self._unparsed(raw, c)  # "the tent - go back to the $90 one": a request, no details
            return True
        if task is None or task.value:
            return False
        self._update(task, clean_phrase(m["v"]), raw)
        return True

    def _topic_request(self, task: Task, topic: str, request: str, raw: str) -> bool:
        """'the anodes - get them from the chandlery, zinc ones': the request read with the
        topic in place of its pronoun; kept only when it changes the topic's task alone."""
        said, n = re.subn(r"\b(?:them|it)\b", topic.strip(), request, count=1, flags=_I)
        before = len(self.subtasks)
        if n and (_imperative(request) or read_frame(request).known):
            self._interpret(said, raw, None, False)
        written = [op for s in self.subtasks[before:] for op in s.operations]
        if written and all(isinstance(op, ReviseTask) and op.key == task.key for op in written):
            return True
        del self.subtasks[before:]
        return False

    def _doer_task(self, who: str) -> Task | None:
        """The one task whose title names the work of ``who``: 'the roofers' -> 'Fix the roof',
        'Gary' -> 'Lessons with Gary'; their words share a stem or a long first part."""
        words = [w for w in content_words(who) if w not in ("he", "she", "they", "we", "i")]
        if not words:
            return None
        found = [t for t in self._live() if any(
            _same_root(w, own) for w in words for own in content_words(t.title))]
        return found[0] if len(found) == 1 else None

    def _instead_values(self, c: str, raw: str, slot: str | None) -> bool:
        """'We'll leave on May 5th instead': a new time or date for the plan in focus, when
        that plan already has one of that kind."""
        if not re.search(r"\b(?:instead|rather)\b", c):
            return False
        root = self._root_for(None)
        if root is None:
            return False
        kinds = {value_kind(t.value) for t in self._live() if root.key in t.parents and t.value}
        phrases = [p for p in value_phrases(c)
                   if value_kind(p) in (ValueKind.TIME, ValueKind.DATE) and value_kind(p) in kinds]
        if not phrases:
            return False
        named = self._subject_task(c[:c.find(phrases[0])], root)
        ops = self._typed_updates(root, " ".join(phrases), within=named)
        if not ops:
            return False
        self._emit(Intent.UPDATE, raw, ops, about=[named.key if named else root.key])
        return True

    def _subject_task(self, before: str, root: Task) -> Task | None:
        """'Ann wants Friday instead': the item of the plan the words before the value name,
        its verb aside; None when they name none."""
        subject = re.sub(r"\s+(?:\w+s|want|need|(?:would|'d) like|prefers?|says?|can do)\s*$",
                         "", before.strip(), flags=_I)
        if not stems(subject) or subject.lower() in (*_PRONOUNS, "i", "we", "you"):
            return None
        return self._match(subject, [t for t in self._live() if root.key in t.parents],
                           by_value=False)

    def _goal(self, c: str, raw: str, slot: str | None) -> bool:
        m = _GOAL.match(c)
        if not m:
            return False
        goal = clean_phrase(m["goal"])
        ops: list[Operation] = []
        root = self._match(_drop_verb(goal), [t for t in self._live() if not t.parents])
        if root is None:
            ops.append(self._add(goal[:1].upper() + goal[1:], key=slug(_drop_verb(goal))))
            root = self.tasks[ops[-1].key]
        previous: str | None = None
        for step, after_previous in _steps(m["steps"]):
            existing = self._match(step, self._live(), strict=True)
            if existing is not None:
                if root.key not in existing.parents:
                    ops.append(LinkParent(key=existing.key, parent=root.key))
                key = existing.key
            else:
                add = self._add(step[:1].upper() + step[1:], parents=[root.key],
                                key=slug(step.split()[-1]))
                ops.append(add)
                key = add.key
            if after_previous and previous:
                ops.append(AddDependency(key=key, depends_on=previous))
            previous = key
        self._emit(Intent.NEW, raw, ops, about=[root.key])
        return True

    def _move(self, c: str, raw: str, slot: str | None) -> bool:
        m = _MOVE.match(c)
        if not m or not value_phrases(m["v"]) or read_frame(c).intent == "task":
            return False  # "set up a rota with the Lees": a phrasal verb naming a task to do
        if (put := re.match(r"put\s+(?P<who>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)\s+"
                            r"down\b", c, _I)) and self._match(
                put["who"], self._live(), strict=True, by_value=False) is None:
            self._unparsed(raw, c)  # "put Sol down for Saturday" with no Sol in memory: no date
            return True  # of the plan, and no task "Put Sol down"
        if re.match(r"^\S+\s+(?:him|her|them)\b", c, _I):
            # "move her to Thursdays": the latest task that names a person, when it holds a
            # value of that kind; else no date of the plan is meant
            typed: list[tuple[ValueKind, str]] = [
                (k, p) for k, p in typed_phrases(m["v"]) if k in (ValueKind.DATE, ValueKind.TIME)]
            person = next((t for t in self._recent()
                           if any(k == ValueKind.NAME
                                  for k, _ in typed_phrases(t.value or "", sentence=False))),
                          None)
            if person is None or not typed or not all(retype(person.value or "", k, p)
                                                      for k, p in typed):
                return False
            return self._set_typed(person, typed, raw)
        if (who := re.match(r"^\S+\s+(?P<w>[A-Z][a-z]+)\s", c)) and (
                named := next((t for t in self._live() if t.title == who["w"] or (
                    t.parents and re.fullmatch(rf"{who['w']} [A-Z][\w'-]+", t.title))), None)):
            return self._retime_person(named, m["v"], raw)  # "make Ann 6:30": her slot
        if (obj := re.match(r"^\S+\s+the\s+(?P<w>[\w-]+)", c, _I)) and obj["w"].lower() not in (
                "date", "time", "day", "whole", "meeting", "event") and self._match(
                obj["w"], self._live()) is None:
            return False  # "move the volcano to Tuesday": it names no task
        if obj is None and (before := self._object_before_value(m["v"])) is not None:
            # "make round two the 28th": the words before the value name the task it is for
            task, rest = before
            given: list[tuple[ValueKind, str]] = [
                (k, p) for k, p in typed_phrases(rest) if k != ValueKind.NAME]
            if task is None or not given:  # no other task takes the value, nor is one added
                head = m["v"][:len(m["v"]) - len(rest)].strip()
                self._unparsed(raw, c, reason=f"nothing in memory named {clean_phrase(head)!r}")
                return True
            return self._set_typed(task, given, raw)
        if obj is not None and (named := self._match(obj["w"], self._live(), by_value=False)):
            kinds: list[tuple[ValueKind, str]] = [
                (k, p) for k, p in typed_phrases(m["v"]) if k != ValueKind.NAME]
            if named.value and kinds and all(retype(named.value, k, p) for k, p in kinds):
                return self._set_typed(named, kinds, raw)  # the task named holds that value
            when = [p for k, p in kinds if k in (ValueKind.DATE, ValueKind.TIME)]
            if when and len(when) == len(kinds) and not any(
                    retype(t.value or "", *kinds[0]) is not None or mentions(t.value or "", when[0])
                    for t in self._live() if t.key == named.key or named.key in t.parents):
                # neither it nor a part of it holds a day or time: it takes the one said, never
                # the plan ("put the cake down for Saturday")
                self._update(named, _joined_to(named.value, ", ".join(when)), raw)
                return True
        kinds = [(k, p) for k, p in typed_phrases(m["v"]) if k != ValueKind.NAME]
        if len({k for k, _ in kinds}) == 1 and self._named_holder(kinds[0][0]) is not None:
            return self._set_typed(None, kinds, raw)  # "the 6:05 is off, move us to the 7:20"
        root = self._root_for(None)
        if root is None:
            return False
        if re.match(r"^(?:\S+\s+){1,3}us\b", c, _I):  # "they moved us to ...": the plan itself
            kinds = [(k, p) for k, p in typed_phrases(m["v"]) if k != ValueKind.NAME]
            if not (root.value and kinds and all(retype(root.value, k, p) for k, p in kinds)):
                return False
            return self._set_typed(root, kinds, raw)
        if self._retitled_plan(root, m["v"], raw):
            return True
        ops = self._typed_updates(root, m["v"])
        if not ops:
            return False
        self._emit(Intent.UPDATE, raw, ops, about=[root.key])
        return True

    def _object_before_value(self, said: str) -> tuple[Task | None, str] | None:
        """'round two the 28th', 'week 3 to Friday': a name before the value, cut at a
        preposition or 'the' after it, and the one live task whose title it names (None when
        none does); None when the words open with the value itself or a pronoun."""
        for cut in re.finditer(r"\s+(?=(?:the|to|for|at|on|onto|into|until)\s)", said, _I):
            head, rest = said[:cut.start()], said[cut.end():]
            if not typed_phrases(rest):
                continue
            first = head.split()[0].lower()
            if first in (*_PRONOUNS, "us", "everything") or first in STOP or (
                    _starts_with_value(head)) or not can_be_noun(first):
                return None
            named = [t for t in self._live() if mentions(t.title, clean_phrase(head))]
            return (named[0] if len(named) == 1 else None), rest
        return None

    def _retitled_plan(self, root: Task, said: str, raw: str) -> bool:
        """'Push it to May 9' where the plan is 'Open day starts May 2' and nothing under it
        holds a date: the date its title says is the one that moves."""
        kinds: list[tuple[ValueKind, str]] = [
            (k, p) for k, p in typed_phrases(said) if k in (ValueKind.DATE, ValueKind.TIME)]
        if len(kinds) != 1 or any(retype(t.value or "", *kinds[0]) is not None for t in self._live()
                                  if t.key == root.key or root.key in t.parents):
            return False
        return self._retitle(root, kinds, raw)

    def _moved_me(self, c: str, raw: str, slot: str | None) -> bool:
        """'They moved me to 3:30', 'the clinic pushed us to the 9th': the speaker's booking
        in talk, the latest task holding a value of that kind, takes the new one."""
        m = _MOVED_ME.match(c)
        typed: list[tuple[ValueKind, str]] = [
            (k, p) for k, p in typed_phrases(m["v"], sentence=False)
            if k in (ValueKind.DATE, ValueKind.TIME)] if m else []
        return bool(typed) and self._set_typed(None, typed, raw)

    def _retime_person(self, task: Task, said: str, raw: str) -> bool:
        """A new time for the item a person names: in place of its time, or of the bare hour
        after 'at' ('tuesday at 6' -> 'tuesday at 6:30')."""
        times = [p for k, p in typed_phrases(said) if k == ValueKind.TIME]
        value = task.value or ""
        if len(times) != 1:
            return False
        new = retype(value, ValueKind.TIME, times[0]) or re.sub(
            r"\bat\s+\d{1,2}\b(?![:.]\d)", f"at {times[0]}", value, count=1)
        if new == value and not any(k == ValueKind.TIME
                                    for k, _ in typed_phrases(value, sentence=False)):
            new = _joined_to(value, times[0])  # "Saturday" and "at 4:30": both hold
        if new == value:
            return False
        self._update(task, new, raw)
        return True

    def _retitle(self, task: Task, typed: list[tuple[ValueKind, str]], raw: str,
                 intent: Intent = Intent.UPDATE) -> bool:
        """Each value in ``typed`` in place of the same kind in ``task``'s title, when its value
        holds none of them: the title is where that value was said."""
        if any(retype(task.value or "", k, p) for k, p in typed if task.value):
            return False
        title = task.title
        for kind, phrase in typed:
            if sum(k == kind for k, _ in typed_phrases(title, sentence=False)) != 1:
                return False  # two dates in the title: which one is meant is not clear
            if (new := retype(title, kind, phrase)) is None or new == title:
                return False
            title = new
        # the value stays: a revision without one would clear it
        self._emit(intent, raw, [ReviseTask(key=task.key, title=title, value=task.value)],
                   about=[task.key])
        self._pending(task, title=title)
        return True

    def _slot_value(self, c: str, raw: str, slot: str) -> None:
        c = _IT_IS.sub("", c)  # "parking: ..., it's £5 a day": the value the slot's task has
        options = _named_options(c)
        facts = _facts(c)
        value = options or (clean_phrase(c) if _only_value(c) or facts else _extract_value(c))
        current = self.tasks.get(slot)
        if current is not None and current.status != TaskStatus.CANCELLED:
            typed = typed_phrases(value, sentence=False)
            if not current.value and typed and not _only_value(value) and not (
                    options or facts):
                value = typed[0][1]  # "make it $30 with the extras": the price alone
            self._update(current, self._joined(current, value), raw)
            return
        conflicts = self._conflicts(c, exclude=slot)
        if conflicts:
            self._emit(Intent.CHECK, raw, about=[x.key for x in conflicts], conflicts=conflicts)
            return
        if current is not None:  # a cancelled slot spoken of again comes back with the new value
            ops: list[Operation] = [self._set_status(current, TaskStatus.ACTIVE)]
            ops.append(ReviseTask(key=slot, value=value))
            self._emit(Intent.RESTORE, raw, ops, about=[slot])
            return
        parents = self.focus[:1]
        label = self.labels.get(slot) or slot.replace("-", " ")
        add = self._add(label[:1].upper() + label[1:], value=value, parents=parents, key=slot)
        self._emit(Intent.NEW, raw, [add], about=[add.key])

    def _details_of_named(self, obj: str, roles: dict[str, str], c: str, raw: str) -> bool:
        """'Order the frame from a shop, walnut finish' when a task is that frame: the role
        phrases are its details, not a second task of the same name."""
        name = clean_phrase(obj)
        if not roles or not name or name.lower() in _PRONOUNS:
            return False
        live = self._live()
        # A task whose title already has such a role ('from A') is the one a new one is for.
        with_role = [t for t in live if any(re.search(rf"\b{re.escape(p)}\b", t.title, _I)
                                            for p in roles)]
        target = (self._match(name, with_role, strict=True, by_value=False)
                  or self._match(name, live, strict=True, by_value=False))
        if target is None:
            return False
        start = c.lower().find(obj.lower())
        details = clean_phrase(c[start + len(obj):]) if start >= 0 else ""
        if not details or not stems(details):
            return False
        title = target.title
        for prep, phrase in roles.items():  # "from A" in the title gives way to "from B"
            said = re.search(rf"\b{re.escape(prep)}\s+(?P<old>.+?)(?=\s+(?:{_ROLE_WORDS})\s|$)",
                             title, _I)
            if said and clean_phrase(phrase):
                title = title[:said.start("old")] + clean_phrase(phrase) + title[said.end("old"):]
        if title != target.title:
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=target.key, title=title,
                                                       value=details)], about=[target.key])
            self._pending(target, title=title, value=details)
            return True
        self._update(target, details, raw)
        return True

    def _new_task(self, c: str, raw: str) -> None:
        request, remark = _without_remark(c)
        if remark:  # "sand the gate, the dogs scratch it": a step, and a remark on it; the
            # step read as a clause of its own ("take the X off, ..." is a removal)
            self._clause(request, None, False)
            self._emit(Intent.NOTE, remark)
            return
        if self._in_place_of_removed(c, raw):
            return
        if _HEARSAY.search(c):
            self._unparsed(raw, c)  # "X like Y, apparently": what is said of the world
            return
        first = c.split(maxsplit=1)[0].lower() if c.split() else ""
        if re.search(r"\binstead\b", c, _I) or (
                first.endswith("ing") and lemma(first) != first) or _SAID_BEFORE.search(c) or (
                _ONLY_A_PERSON.fullmatch(c)):
            # A replacement of something memory lacks; a plan told with no subject ("setting
            # up ..."); a thing as it was said before ("the 3 kg I started with"); a verb on
            # a person alone ("thank her"), which names no thing: not a step to add as said.
            self._unparsed(raw, c)
            return
        # "We also need to rent a car and get insurance", "for the fair, let's add a tombola"
        root_in_focus = self.under or (self._root_for(None) if self.also else None)
        if root_in_focus is not None:
            plain = re.sub(r"^also\s+|\s+(?:too|as well)$", "", c, flags=_I)
            ops: list[Operation] = []
            for step, _ in _steps(plain):
                if ops and isinstance(ops[-1], AddTask) and not ops[-1].value and (_only_value(
                        step) or _priced_detail(step)):
                    # "a can of paint too, $14", "..., tickets a pound each": the step before's
                    ops[-1] = ops[-1].model_copy(update={"value": clean_phrase(step)})
                    self._pending(self.tasks[ops[-1].key], value=ops[-1].value)
                    continue
                ops.append(self._add(step[:1].upper() + step[1:], parents=[root_in_focus.key]))
            if ops:
                self._emit(Intent.NEW, raw, ops,
                           about=[root_in_focus.key, *(o.key for o in ops)])
                return
        if len(phrases := _verb_phrases(c)) > 1:  # "paint the shed and fix a gate": two tasks
            self._new_tasks(phrases, raw)
            return
        head, slots = _slot_phrases(c)
        if head.lower() in _NO_OBJECT_VERBS and slots:
            self._unparsed(raw, c)  # "go with X for the Y": a verb alone names no task
            return
        title = head[:1].upper() + head[1:]
        told = {op.key for s in self.subtasks for op in s.operations if isinstance(op, AddTask)}
        second = [*c.split(), "", ""][1].lower()
        stated = not _imperative(c) or (second.endswith("s") and lemma(second) != second)
        plan = self._root_for(None) if stated else None
        # "Term starts May 6, games on Fridays": a statement of when, about the plan told
        # just before in the same turn
        under = [plan.key] if plan is not None and plan.key in told and any(
            k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(c)) else []
        if self.under is not None:  # "For the trip, book a hotel": a step of the trip
            under = [self.under.key]
        root = self._add(title, key=slug(_noun_phrase(head)), parents=under)
        ops = [root]
        for name, value in slots:
            ops.append(self._add(name.capitalize(), value=value, parents=[root.key],
                                 key=f"{root.key}.{name}"))
        self._emit(Intent.NEW, raw, ops, about=[root.key])

    def _in_place_of_removed(self, c: str, raw: str) -> bool:
        """'Drop the DJ ... book a band instead': a step asked for in place of the one task a
        clause of this turn removed, where that one was."""
        removed = self._removed_now()
        step = re.sub(r"[\s,]+instead$", "", c, flags=_I)
        if len(removed) != 1 or step == c or not step.split() or not _imperative(step):
            return False
        add = self._add(step[:1].upper() + step[1:], parents=removed[0].parents)
        self._emit(Intent.NEW, raw, [add], about=[*removed[0].parents, add.key])
        return True

    def _new_tasks(self, phrases: list[str], raw: str) -> None:
        """Requests coordinated in one clause: each is a task of its own, with its own slots,
        under the plan a leading 'For X,' named."""
        ops: list[Operation] = []
        named: list[str] = []
        under = [self.under.key] if self.under is not None else []
        for phrase in phrases:
            head, slots = _slot_phrases(phrase)
            noun = " ".join(w for w in _noun_phrase(head).split() if not COUNT_RE.fullmatch(w))
            # the key names the thing, not how many: a count may change
            ops.append(self._add(head[:1].upper() + head[1:], key=slug(noun), parents=under))
            named.append(ops[-1].key)
            for name, value in slots:
                ops.append(self._add(name.capitalize(), value=value, parents=[named[-1]],
                                     key=f"{named[-1]}.{name}"))
        self._emit(Intent.NEW, raw, ops, about=[*under, *named])

    def _plan(self, c: str, raw: str, slot: str | None) -> bool:
        """'I'm organising X in PLACE from DATE to DATE: A, B and C': a root with its
        attributes as its value and the listed items under it."""
        m = _PLAN.match(_as_doing(c))
        if m is None and not any(not t.parents for t in self._live()):
            m = _OPENING.match(c)
        if not m or slot is not None or re.search(r"\binstead\b", c, _I):
            return False  # "instead": a choice in place of another
        groups = m.groupdict()
        if (groups.get("verb") or "").lower() == "going" and (
                to := re.match(r"(?:to\s+)?(\w+)", m["rest"], _I)) and _imperative(to[1]) and (
                (groups.get("particle") or "").lower() == "to" or m["rest"][:3].lower() == "to "):
            return False  # "Ana's going to coach us": what someone will do, no plan
        if groups.get("present") and (lemma(groups["present"]) != groups["present"].lower()
                                      or groups["present"].lower() in _NOT_A_SCHEDULE):
            return False  # "I need a ...", "we booked a ...": no plan told as what one does
        if not groups.get("got"):
            said = groups.get("verb") or groups["present"]
            said = said.rsplit("-", 1)[-1]  # "house-sitting": the verb is its last part
            verb = lemma(said)
            phrasal = f"{verb} {(groups.get('particle') or groups.get('out') or '').lower()}"
            meant = verbs().get(phrasal, verbs().get(verb, "task"))
            if not is_verb(said) or (meant != "task" and not (meant == "check" and m.re is _PLAN)):
                # "we're skipping X": a change, not a plan; but "we're showing the car at X"
                # is no asking to be shown: a verb that asks, said of what one is doing
                return False
        head, _, items = [*re.split(r"(:)(?!\d)", m["rest"], maxsplit=1), "", ""][:3]
        if items:  # "... for 12 guests - to sort: A, B": words that lead into the list go
            head = _LEAD_TAIL.sub("", head)
        title, value = _person_taken_to(*_title_and_roles(head))
        if m.re is _OPENING and groups.get("verb") and not groups.get("particle") and (
                m["rest"][:1].islower() and title.lower().startswith(m["rest"].split()[0])) and (
                not re.match(r"(?:the|a|an|my|our|his|her|their|its|some|this|that|\d)\b",
                             m["rest"], _I)):
            # "Swimming lessons for the twins": an -ing word before a bare noun is part of
            # the plan's name, no doing of it
            title = f"{groups['verb']} {title[:1].lower()}{title[1:]}"
        if (groups.get("particle") or "").lower() == "for" and groups.get("verb") and (
                re.fullmatch(r"(?:[A-Z][\w-]*\s*)+", title)):
            # "I'm babysitting for the Lees": the plan is the doing, for whom a part of it
            article = "the " if re.match(r"the\s", head, _I) else ""
            title = f"{groups['verb'].capitalize()} for {article}{title}"
        if not title or not stems(title) or len(title.split()) > 6 or re.match(
                rf"(?:{_SLOT_PREPS})\b", title, _I):
            return False  # "we're going with Ann": a choice or a role phrase, no plan's name
        if not _has_a_noun(title):
            return False  # "I'm staying up late on Friday": how or when one does it, no name
        roots = [t for t in self._live() if not t.parents]
        if roots and not items and self._aim_of_plan(groups.get("particle"), m["rest"], raw):
            return True
        if m.groupdict().get("third") and (
                named := self._match(title, self._live(), by_value=False)) and named.parents:
            return False  # "my sister's doing the cake": who does a task of the plan
        root = self._match(title, roots, strict=True)
        ops: list[Operation] = []
        if (root is not None and not items and value
                and not _same(title, root.title) and title.lower() not in root.key):
            # "we're buying beans from a roaster" while a plan with a word of it is in
            # talk: an item of that plan, not the plan itself
            ops.append(self._add(title[:1].upper() + title[1:], value=value,
                                 parents=[root.key]))
            self._emit(Intent.NEW, raw, ops, about=[root.key, ops[0].key])
            return True
        if root is None:
            ops.append(self._add(title[:1].upper() + title[1:], value=value or None,
                                 key=slug(title)))
            root = self.tasks[ops[-1].key]
        about = [root.key]
        listed = _list_items(items) if items and _imperative(items.split()[0]) else (
            _expand(split_list(items)))
        for item in listed:
            ops += self._item(item, root)
            about.append(ops[-1].key if ops else root.key)
        if not ops:
            return False
        self._emit(Intent.NEW, raw, ops, about=about)
        self.focus = [root.key, *[f for f in self.focus if f != root.key]]
        return True

    def _steps_list(self, c: str, raw: str, slot: str | None) -> bool:
        """'For the move, I need to book a van, pack the kitchen and call the bank': steps,
        each a verb phrase, under the plan named or in talk."""
        if slot is not None or not (self.under or self.also):
            return False
        plain = re.sub(r"^also\s+|\s+(?:too|as well)$", "", c, flags=_I)
        steps = _shared_verb(plain) or [step for step, _ in _steps(plain)]
        if len(steps) < 2 or not all(_imperative(step) for step in steps) or any(
                read_frame(step).intent in ("cancel", "restore", "done", "rollback")
                for step in steps):
            return False  # "cancel A, and B too": a removal of both, no steps
        root = self.under or self._root_for(None)
        if root is None:
            return False
        ops: list[Operation] = []
        for step in steps:
            ops += self._item(step[:1].upper() + step[1:], root)
        if not ops:
            return False
        self._emit(Intent.NEW, raw, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _wished_step(self, c: str, raw: str, slot: str | None) -> bool:
        """'I need to book a room and make the slides': each verb phrase of a wish is a step,
        the later ones too, whatever their verb might change elsewhere ('make', 'move')."""
        frame = read_frame(c)
        if not self.needs or not _imperative(c) or "?" in raw or frame.asks or (
                frame.known and (frame.reference or self._match(
                    frame.object, self._live(), strict=True) is not None)):
            return False  # "I need to update the rota": a change, when memory holds the rota
        root = self._root_for(None)
        if root is None or root.key in self.wished:
            self.also = False  # no plan but the wish's own steps: each is a task of its own
        before = len(self.subtasks)
        self._new_task(c, raw)
        self.wished += [op.key for s in self.subtasks[before:] for op in s.operations
                        if isinstance(op, AddTask) and not op.parents]
        return True

    def _needs(self, c: str, raw: str, slot: str | None) -> bool:
        """'The stew needs carrots, onions and thyme': parts under the task named, unless the
        object is a task already (then it is a dependency) or comes first (a prerequisite)."""
        m = _NEEDS.match(c) or _HAS_LIST.match(c)
        if not m or slot is not None or _REPORTED.search(m["subj"]):
            return False  # "the bank says they need ...": what someone said, no parts
        if m.re is _HAS_LIST and len(split_list(m["items"])) < 2:
            return False  # "it has dropped to £5,900": a thousands comma lists nothing
        # "first" as when ("painting first"), not as which ("the first outfit")
        if re.search(r"\b(?:first(?=\s*(?:$|,|and\b))|beforehand|before|done|finished|ready|"
                     r"in place)\b|^to\s", m["items"], _I) or (
                _needed_steps(c, "it") and " and " not in m["items"]):
            return False  # "the gate needs painting": a doing, no part
        first = m["items"].split()[0].lower()
        if _PERFECT.match(m["items"].strip()) or _AMOUNT_MOVED.match(c) or (
                first.endswith("ed") and is_verb(first) and lemma(first) != first):
            # "the dog has already chewed the rug", "the fees have gone up to £5", "they have
            # moved to friday": news told
            return False
        # "we'll also need a ladder": the speaker, needing one more thing for the plan
        subject = clean_phrase(re.sub(r"^(i|we)(?:'ll|\s+will)?\s+also$", r"\1", m["subj"],
                                      flags=_I))
        live = self._live()
        if re.search(r"\bwants?\s", m[0][len(m["subj"]):len(m["subj"]) + 8], _I):
            # "X wants ...": someone's wish. Parts only of a task so named, never of a person;
            # a value first ("wants $240 now") is that task's new value.
            owner = self._match(subject, live, strict=True, by_value=False)
            wanted = re.sub(r"\s+(?:after all|again|back)$", "", m["items"].strip(), flags=_I)
            if clean_phrase(wanted).lower() not in _PRONOUNS and (back := self._items(
                    wanted, [t for t in self.tasks.values()
                             if t.status == TaskStatus.CANCELLED], slot)):
                return self._set_statuses(back, TaskStatus.ACTIVE, Intent.RESTORE, raw)
            swap = re.match(r"^(?:an?\s+|the\s+)?(?P<new>.+?)\s+for\s+(?:the\s+|my\s+|our\s+)?"
                            r"(?P<what>[\w' -]+?)\s+instead$", m["items"].strip(), _I)
            if swap and (task := self._match(swap["what"], live, by_value=False)):
                self._update(task, clean_phrase(swap["new"]), raw)  # "X for the Y instead"
                return True
            if re.search(r"\binstead\b", m["items"], _I) or (
                    owner is None and subject.lower() not in (*_PRONOUNS, "i", "we")):
                return False  # "we want A and B": what the plan in talk is to have
            typed = typed_phrases(m["items"], sentence=False)
            if owner is not None and typed and m["items"].lstrip().startswith(typed[0][1]):
                return self._set_typed(owner, typed[:1], raw)
        if re.fullmatch(r"(?:we|i)(?:\s+(?:only|just|now|still))*", subject, _I) and (
                (named := self._count_in_title(clean_phrase(m["items"]))) is not None):
            # "we only need 90 chairs" where a title counts chairs: that count changes
            return self._recount_task(named, m["items"], raw)
        parts = _expand(split_list(m["items"]))
        if not parts or any(self._match(p, live, strict=True) for p in parts) or any(
                p.lower() in _PRONOUNS for p in parts):
            return False
        if subject.lower() in (*_PRONOUNS, "i", "we", "you"):
            parent = self.under or self._root_for(None)
        else:
            parent = self._match(subject, live)
        ops: list[Operation] = []
        if parent is None:
            if len(subject.split()) > 4 or not stems(subject) or (
                    _HEARSAY.search(raw) and " " in subject):
                return False  # "puppies my age need ..., apparently": what is said of others
            plan = self.under or self._root_for(None)  # a new part of the plan in talk
            ops.append(self._add(subject[:1].upper() + subject[1:], key=slug(subject),
                                 parents=[plan.key] if plan else []))
            parent = self.tasks[ops[-1].key]
        about = [parent.key]
        for part in parts:
            ops += self._item(part, parent)
            about.append(ops[-1].key if ops else parent.key)
        if not ops:
            return False
        self._emit(Intent.NEW, raw, ops, about=about)
        return True

    def _reference_set(self, c: str, raw: str, slot: str | None) -> bool:
        """'Bump it to 160', 'make that $35', 'give it to Lena instead': a new value of a kind
        for the task 'it' stands for: the latest one talked about that holds such a value."""
        m = _REFERENCE.match(c)  # "this one" is no count
        if m and m["ref"].isupper():
            return False  # "the IT crowd round": a name, no reference
        if m and m["ref"].lower() in ("him", "her") and (
                verbs().get(lemma(m["before"])) not in ("move", "set")):
            return False  # "move him to the 9th": the one he or she does, moved; no other verb
        if not m or read_frame(m["before"]).intent in _NOT_A_SET or (
                _NEVER_DONE.match(m["before"])):
            return False  # "I've not done anything this big since X": a remark, no value
        if (m["ref"].lower() in ("that", "this") and (word := re.match(r"\s+([a-z]+)", m["after"]))
                and word[1].lower() not in STOP and can_be_noun(word[1])
                and not re.fullmatch(_CARDINAL, word[1], _I)):
            return False  # "that week", "this plan": a determiner, no reference to a task
        if re.match(r"\s+so\b", m["after"], _I):
            return False  # "swap it so Ben opens": what should follow, no value for 'it'
        if re.match(r"\s*,?\s*(?:and|plus)\s", m["after"], _I):
            return False  # "Ann's doing it, and two chairs": the words after join another list
        if re.search(r"(?:'s|'ve|\s+has|\s+have)\s+been\s+[a-z]+ing$", m["before"], _I):
            return False  # "Jo's been running it 20 years": how long someone has, no value
        if self._sourced_reference(m["ref"], m["after"], raw):
            return True
        # "make it 4, her sister's coming too": the value, without the statement of why
        after = re.split(r",\s+(?=(?:[\w'-]+\s+){0,4}?(?:is|are|'s|'re|was|were)\s+[a-z]+ing\b)",
                         m["after"], maxsplit=1)[0]
        m = _REFERENCE.match(c[:m.start("after")] + after)
        assert m is not None  # the same words up to the reference
        typed = typed_phrases(m["after"], sentence=False)
        if not typed:
            return self._set_kind_word(clean_phrase(m["after"]), raw)
        # "Ann's put me right: it's $9": the words before a colon only lead into the news
        before = [(k, p) for k, p in typed_phrases(m["before"].rpartition(":")[2], sentence=False)
                  if k == ValueKind.NAME and not is_verb(p.split()[0])]
        if m["ref"].lower() == "them":  # "price them at $6": things, not a task named singly
            things = [t for t in self._recent() if _plural(t.title) and any(
                retype(t.value or "", k, p) is not None for k, p in typed)]
            return bool(things) and self._set_typed(things[0], before + typed, raw)
        if (told := self._told_of()) is not None and told.value and not before and not any(
                retype(told.value, k, p) is not None for k, p in typed):
            self._update(told, clean_phrase(m["after"]), raw)  # its value, said anew whole
            return True
        return self._set_typed(told, before + typed, raw)

    def _told_of(self) -> Task | None:
        """'The fence is more of a grey - make that Slate': the step the clause before, a
        statement, was about by its subject; 'that' is its value."""
        m = _COPULA.match(self.said[-1]) if self.said else None
        if m is None or clean_phrase(m["subj"]).lower() in (*_PRONOUNS, "i", "we", "you"):
            return None
        return self._match(clean_phrase(m["subj"]), [t for t in self._live() if t.parents],
                           strict=True, by_value=False)

    def _sourced_reference(self, ref: str, after: str, raw: str) -> bool:
        """'Get them from the corner shop': where the thing just added comes from is its value,
        when it has none yet; an older task's value of the same kind is no reference."""
        source = re.match(r"^\s+(?P<v>from\s+\S.*)$", after, _I)
        if source is None or self.mentioned or ref.lower() not in ("it", "them"):
            return False
        live = [t for t in self._live() if t.updated_at is not None]
        latest = max((t.updated_at for t in live if t.updated_at), default=None)
        added = [t for t in live if t.updated_at == latest and t.created_at == latest
                 and t.parents and not t.value]
        if len(added) != 1:  # none, or several added together: 'it' is not clear
            return False
        self._update(added[0], clean_phrase(source["v"]), raw)
        return True

    def _set_kind_word(self, new: str, raw: str) -> bool:
        """'Make it vanilla' when 'it' holds 'lemon flavour': the word that a kind noun
        (flavour, colour, size ...) qualifies is what changes."""
        if not new or len(new.split()) > 2 or not can_be_noun(new.rsplit(maxsplit=1)[-1]):
            return False  # "make it louder" names no choice
        for task in self._recent():
            value = task.value or ""
            m = _KIND_WORD.search(value)
            if m is None:
                continue
            revised = value[:m.start("word")] + new + value[m.end("word"):]
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, value=revised)],
                       about=[task.key])
            self._pending(task, value=revised)
            return True
        return False

    def _volunteered(self, c: str, raw: str, slot: str | None) -> bool:
        """'Add a tiler - Jo said she could do it': the person who offered is who does the
        task an earlier clause of the turn spoke of, when it names nobody yet."""
        m = _OFFERED.match(c)
        said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
        if m is None or not said or said[0].value:
            return False
        self._update(said[0], m["who"], raw)
        return True

    def _participle_value(self, c: str, raw: str, slot: str | None) -> bool:
        """'Van booked for the 9th, 2 hours, $80': a task named, its 'is' left out, then
        its values; read as said in full ('the van is booked for ...')."""
        m = re.match(r"^(?P<subj>[\w' ]{2,30}?)\s+(?P<part>[a-z]+ed)\s+(?P<rest>(?:for|to|on|at)"
                     r"\s+.+)$", c, _I)
        if m is None or not any(k != ValueKind.NAME for k, _ in typed_phrases(
                m["rest"], sentence=False)) or self._match(
                m["subj"], [t for t in self._live() if t.parents], strict=True,
                by_value=False) is None:
            return False
        return self._stated_value(f"{m['subj']} is {m['part']} {m['rest']}", raw, slot)

    def _stated_value(self, c: str, raw: str, slot: str | None) -> bool:
        """'The oil change is booked at the garage on the 9th', 'Headcount's up to 140': a
        value for the task named; a new attribute of the plan when no task has that name."""
        m = _COPULA.match(c) or _REQUIRED.match(c)
        if not m or slot is not None or _NEGATIVE.search(c) or _WHEREABOUTS.match(c) or (
                re.search(r"\s(?-i:[A-Z])[\w-]*$", m["subj"]) and _NAMES_PLACE.match(
                    c[m.end("subj"):])):
            return False
        if " " in (read_frame(c).verb or ""):
            return False  # "take Jo's coat out of the car": a request around an 's, no "is"
        subject, rest = _subject_and_rest(c, m)
        if re.fullmatch(r"(?:i|we|you|they)'(?:ve|d|ll)", subject, _I):
            return self._had_from(rest, raw)  # "we've got the room from 8": the room's value
        if subject.lower() in ("i", "we", "you", "there", "what", "here", "who", "that", "this"):
            return False
        if subject.lower() in ("he", "she", "they") and re.match(r"(?:got|gets)\s", rest, _I):
            return False  # "he's got football on Thursdays": what someone has, no value
        if _HEARSAY.search(raw) and all(k == ValueKind.NAME for k, _ in typed_phrases(
                rest, sentence=False)):
            return False  # "scones are apparently called X up north": said of the world
        if re.search(r"\b(?:so|because|since|but|though)\s+\w+\s+\w+", rest, _I):
            return False  # "X is away so Y will do it": two clauses, no value of X
        if _EVALUATIVE.search(rest):
            return False  # "Friday's bad for Ann": a judgement, no value
        if _PERFECT.match(rest) or re.match(r"^been\s+[a-z]+ing\b", rest, _I):
            return False  # "Ann's just booked the hall", "Ann's been doing it for years"
        typed = typed_phrases(rest, sentence=False)
        plan = re.match(r"^going to\s+(?P<v>.+)$", rest, _I)
        assigned = re.match(r"^(?P<verb>[a-z]+ing)\s+(?P<obj>[^,]+?)(?:,\s*(?P<details>.+))?$",
                            rest, _I)
        if assigned and (task := self._match(assigned["obj"], self._live(), by_value=False)):
            self._update(task, _doer_joined(task.value, _assigned_value(subject, assigned)), raw)
            return True
        if assigned and (task := self._their_task(subject)) is not None:
            obj = _changed_to(assigned["verb"], assigned["obj"])
            told = ", ".join(p for p in (obj, assigned["details"]) if p)
            self._update(task, clean_phrase(told), raw)  # "she's doing a blue one"
            return True
        if not typed and not plan:
            return self._described(subject, m["rest"], raw) or self._told_as_is(
                subject, _CHANGED_TO.sub("", rest), raw,
                required=m.re is _REQUIRED or bool(_CHANGED_TO.match(rest)))
        value = clean_phrase(_VALUE_LEAD.sub("", plan["v"] if plan else rest, count=1))
        if not value or len(subject.split()) > 5:
            return False
        if subject.lower() in _PRONOUNS:
            said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
            if said and self._held_elsewhere(said[0], typed, raw):
                return True  # "..., it's $4 each there": the price a title holds changes
            if said and self._corrected_elsewhere(said[0], typed, raw):
                return True  # "sorry, misheard, it's 9:40": the time memory holds changes
            if self._joins_earlier(value, raw):
                return True  # "going with the Aga, it's £900": the price joins the choice
            if not said:  # "it's on the 9th": what holds a date, else the plan in talk
                return self._set_typed(None, typed, raw) or self._told_of_plan(value, typed, raw)
            target: Task | None = said[0]  # "he's coming on the 14th": who was just named
        else:  # the subject names the task; a word of its value ('Bob') does not
            target = self._match(subject, self._live(), by_value=False) or self._named_by_act(
                subject)
        if target is None and value_kind(value) == ValueKind.NAME and not typed_phrases(
                subject) and (doer := self._doer_task(subject)) is not None and not doer.value:
            self._update(doer, value, raw)  # "the caterer's Bo": who does the catering
            return True
        if target is None and (held := self._quantity_in_value(subject, value)):
            self._update(*held, raw)  # "the flour was 300g after all"
            return True
        if target is None and (holder := self._attribute_holder(subject, typed)) is not None:
            return self._set_typed(holder, typed, raw)  # "the fee's gone up to $90"
        if target is None:
            when = _SUBJECT_WHEN.search(clean_phrase(m["subj"]))
            if when and typed_phrases(when.group(), sentence=False):
                value = f"{value} {when.group().strip()}"  # "sunset on the 3rd is 8:40"
            return self._new_attribute(subject, value, typed, raw)
        current = target.value or ""
        person = subject.lower() in ("he", "she", "they") and value_kind(current) == ValueKind.NAME
        if ((not target.parents or person or _only_value(current)) and current and typed
                and all(retype(current, k, p) is None for k, p in typed)):
            # A plan's value holds its attributes: one of a kind it lacks joins them; so does
            # the value of one who does the task ("Ola", then "she comes at 9": "Ola, at 9"),
            # and a value of values ("40", then "they're £3": "40, £3").
            self._update(target, f"{current}, {value}", raw)
            return True
        # In place only when the phrase is nothing but values, as for 'change X to Y': the
        # other words of a longer phrase belong to the new value, not around the old one.
        if (current and typed and _only_value(value)
                and all(retype(current, k, p) is not None for k, p in typed)):
            return self._set_typed(target, typed, raw)
        self._update(target, value, raw)
        return True

    def _told_of_plan(self, value: str, typed: list[tuple[ValueKind, str]], raw: str) -> bool:
        """'It's on Sunday 2 May, from 4pm' with a plan in talk that holds no value of those
        kinds: its when, joined to what it holds."""
        root = self._root_for(None)
        if root is None or not typed or any(
                retype(root.value or "", k, p) is not None for k, p in typed):
            return False
        self._update(root, _joined_to(root.value, value), raw)
        return True

    def _holding_told(self, subject: str, typed: list[tuple[ValueKind, str]]) -> Task | None:
        """Of the tasks a word of ``subject`` names ('the Ford's seller' names 'Test drive the
        Ford' and '2014 Ford at £3,000'), the one that holds a value of the first kind told,
        in its value or its title, when it is the only one."""
        told = next(((k, p) for k, p in typed if k != ValueKind.NAME), None)
        named = set(stems(subject))
        if told is None or not named:
            return None
        holders = [t for t in self._live() if named & set(stems(t.title)) and any(
            retype(text, *told) is not None for text in (t.value or "", t.title))]
        return holders[0] if len(holders) == 1 else None

    def _attribute_holder(self, subject: str, typed: list[tuple[ValueKind, str]]) -> Task | None:
        """The one task holding a price (or a date) when ``subject`` names a price by word
        ('the fee', 'the quote'; 'the deadline') and all that is told is a price (a date).
        (A count is of some unit: 'the headcount' is not the count of seats a venue holds; a
        time may be of anything that starts.)"""
        kind = _KIND_OF_ATTRIBUTE.get(attribute_of(subject.rsplit(maxsplit=1)[-1]) or "")
        if kind not in (ValueKind.PRICE, ValueKind.DATE) or not typed or any(
                k != kind for k, _ in typed):
            return None
        holders = [t for t in self._live() if any(
            retype(text, kind, typed[0][1]) is not None for text in (t.value or "", t.title))]
        return holders[0] if len(holders) == 1 else None

    def _new_attribute(self, subject: str, value: str, typed: list[tuple[ValueKind, str]],
                       raw: str) -> bool:
        """A value told of a subject no task names: a new attribute of the plan in talk."""
        root = self.under or self._root_for(None)
        if root is None or not typed or typed_phrases(subject) or not (
                _starts_with_value(value) or can_be_noun(first := value.split(maxsplit=1)[0])
                or is_verb(first) or first.lower() in _WHERE_FIRST):
            return False  # "the sea's grim today": a remark, no attribute of the plan
        if (expected := _EXPECTED_TO_BE.match(value)) and not _only_value(value[expected.end():]):
            return False  # "the roads are meant to be icy on Monday": a forecast, a remark
        if _HOW_ONE_IS.match(value):
            return False  # "Jo's feeling better": how someone is, no attribute
        if _HEARSAY.search(raw) and (" " in subject or "'" in subject):
            # "the school next door gets a week off, apparently": news of others, where
            # "the price is up to £80, apparently" is of the plan's own price
            return False
        if mentions(root.value or "", subject):
            return False  # "the hall's full" where the plan is "in the hall": no attribute
        if any(mentions(t.value or "", subject) for t in self._live()):
            return False  # "Ola was quick": the one who does a task, no attribute
        add = self._add(subject[:1].upper() + subject[1:], value=value, parents=[root.key],
                        key=f"{root.key}.{slug(subject)}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _going_with(self, c: str, raw: str, slot: str | None) -> bool:
        """'going with the Aga 4-oven, £900 at Dunelm': a choice told with no step named is
        the value of the step that asks for a choice ('Pick a cooker'), else of the plan in
        talk while it has none; 'get the Rangemaster instead, £950' makes that choice anew."""
        m = _GOING_WITH.match(c) or _CHOSEN_INSTEAD.match(c)
        if m is None or _NEGATIVE.search(c):
            return False
        instead = m.re is _CHOSEN_INSTEAD
        root = self._root_for(None)
        choosing = [t for t in self._live() if root is not None and root.key in t.parents and (
            instead or not t.value) and lemma(t.title.split()[0]) in _CHOOSING]
        target = choosing[0] if len(choosing) == 1 else root if (
            root is not None and not root.value and not choosing and not instead) else None
        if target is None:
            return False
        self._update(target, ", ".join(clean_phrase(p) for p in m.groups() if p), raw)
        return True

    def _given_up(self, subject: str) -> bool:
        """Whether an earlier clause of this turn asked to replace or drop what ``subject``
        names: what is then said of it is why, not a fact to keep."""
        named = set(stems(subject))
        for said in self.said:
            frame = read_frame(said)
            if named and frame.intent in ("replace", "cancel") and named <= set(
                    stems(frame.object)):
                return True
        return False

    def _joins_earlier(self, value: str, raw: str) -> bool:
        """Whether ``value``, told of 'it' or 'they', joined the value an earlier clause of
        this turn gave the task just spoken of."""
        task = next(iter(self._recent()), None)
        if task is None or (joined := self._joined(task, value)) == value:
            return False
        self._update(task, joined, raw)
        return True

    def _joined(self, task: Task, value: str) -> str:
        """The value to write to ``task`` for ``value`` told of it by a pronoun: when an earlier
        clause of this turn gave ``task`` its value ('going with the Aga, it's £900'), the
        new value of a kind it lacks joins it; else ``value`` alone."""
        written = {op.key for s in self.subtasks for op in s.operations
                   if isinstance(op, ReviseTask | AddTask)}
        if task.key not in written or not task.value or any(
                retype(task.value, k, p) is not None for k, p in typed_phrases(value)
                if k != ValueKind.NAME):
            return value  # a name may stand beside a name; a second price is a change
        return f"{task.value}, {value}"

    def _named_by_act(self, subject: str) -> Task | None:
        """'the payment' for 'Pay £18 online', 'the booking' for 'Book the hall': the one step
        whose verb the subject's noun is made from."""
        word = subject.rsplit(maxsplit=1)[-1].lower() if subject.split() else ""
        bases = {word[:-len(end)] for end in ("ment", "ing", "al") if word.endswith(end)}
        acts = [t for t in self._live() if t.parents and lemma(t.title.split()[0]) in {
            b for b in bases if len(b) > 2 and is_verb(b)}]
        return acts[0] if len(acts) == 1 else None

    def _needs_doing(self, c: str, raw: str, slot: str | None) -> bool:
        """'The gate needs painting on Sunday', 'a page needs setting up first' with a plan in
        talk: a step of it named by the doing and the thing ('Paint the gate on Sunday')."""
        m = _NEEDS_DOING.match(c)
        root = self._root_for(None)
        if m is not None and m["need"] and slot is None and (
                held := self._match(m["what"], self._live(), strict=True, by_value=False)) and (
                re.fullmatch(r"doing|finishing|sorting|completing", m["doing"], _I)) and (
                when := _WHEN_BY.fullmatch((m["rest"] or "").strip(" .,"))) and any(
                k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(when.group())):
            # "the list needs doing by the 7th": when it is due, the task's own
            self._update(held, _joined_to(held.value, when.group()), raw)
            return True
        if m is None or not m["need"] or root is None or slot is not None or not re.match(
                r"(?:the|a|an|my|our|her|his|their|your)\s", m["what"], _I) or self._match(
                m["what"], self._live(), strict=True, by_value=False) is not None or not (
                steps := _needed_steps(c, root.title)):
            return False
        ops = [self._add(step, parents=[root.key]) for step in steps]
        self._emit(Intent.NEW, raw, ops, about=[root.key, *(op.key for op in ops)])
        return True

    def _chosen_for_task(self, c: str, raw: str, slot: str | None) -> bool:
        """'Go with Fiddle Fix for the music', 'try Bo's for the cake': the choice is the value
        of the task named after 'for'; with no such task, another reading is tried."""
        m = _CHOSEN_FOR.match(c)
        target = self._match(m["what"], self._live(), by_value=False) if (
            m is not None and slot is None) else None
        if m is None or target is None or _NEGATIVE.search(c):
            return False
        said = ", ".join(clean_phrase(p) for p in (m["choice"], m["details"] or "") if p)
        self._update(target, said, raw)
        return True

    def _aim_of_plan(self, particle: str | None, rest: str, raw: str) -> bool:
        """'I'm cycling for the food bank and hope to raise £300' with a plan set up: who it is
        for and what it aims at join the plan's value, no second plan."""
        aim = _AND_AIM.search(rest)
        root = self._root_for(None)
        if aim is None or root is None:
            return False
        said = ", ".join(p for p in (f"{particle or ''} {rest[:aim.start()]}".strip(),
                                     clean_phrase(rest[aim.end():])) if p)
        self._update(root, _joined_to(root.value, said), raw)
        return True

    def _ordinal_step(self, c: str, raw: str, slot: str | None) -> bool:
        """'The first job is clearing the shed', 'next bit's to paint it': one step of the plan
        in talk, named by what follows."""
        m = _ORDINAL_STEP.match(c)
        root = self._root_for(None)
        if m is None or root is None or slot is not None or _NEGATIVE.search(m["step"]):
            return False
        step = clean_phrase(m["step"])
        ops = self._item(step[:1].upper() + step[1:], root) if stems(step) else []
        if not ops:
            return False
        self._emit(Intent.NEW, raw, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _steps_stated(self, c: str, raw: str, slot: str | None) -> bool:
        """'The remaining jobs are sanding the floor, oiling it and hanging the door': a
        copula whose subject only names steps lists steps of the plan in talk."""
        m = _COPULA.match(c)
        root = self._root_for(None)
        if m is None or root is None or not _STEPS_WORD.fullmatch(clean_phrase(m["subj"])):
            return False
        items = _list_items(m["rest"])
        if len(items) < 2 or any(len(i.split()) > 10 for i in items):
            return False
        ops = [op for item in items for op in self._item(item[:1].upper() + item[1:], root)]
        self._emit(Intent.NEW, raw, ops, about=[root.key, *(o.key for o in ops)])
        return True

    def _told_as_is(self, subject: str, rest: str, raw: str, *, required: bool) -> bool:
        """'The theme is jungle animals', 'the fillings are cheese and ham', 'the cake must be
        gluten free', 'the menu's changed, fish and chips now': a short phrase with no value of
        a kind, told of a task by its name. What must be, or what it changed to, is that task's
        value; what is told joins a new attribute of the plan in talk, only while the subject
        names no task and the value is a noun phrase or a list of them."""
        value = clean_phrase(rest)
        words = re.findall(r"[\w'&-]+", value)
        if not value or not 1 <= len(subject.split()) <= 2 or len(words) > 8 or (
                _FINITE_WORD.search(value) or _EVALUATIVE.search(value)) or (
                subject.lower() in (*_PRONOUNS, *_NO_THING, "i", "we", "you", "there", "what",
                                    "here", "who")):
            return False
        target = self._match(subject, self._live(), by_value=False)
        if required and target is not None:
            self._update(target, value, raw)  # "the dessert has to be dairy free"
            return True
        if target is not None and _same(target.title, subject) and target.parents and (
                _bare_noun_phrase(value)):
            self._update(target, value, raw)  # "the colour's teal": the attribute told again
            return True
        root = self.under or self._root_for(None)
        items = split_list(value.split(",")[0])
        if re.fullmatch(r"(?:a|an)\s+[\w-]+", rest.strip(), _I):
            return False  # "the driver's a saint": what one is, a remark, no attribute
        if required or root is None or typed_phrases(subject) or (
                target is not None and _named_by_head(subject, target)) or not all(
                can_be_noun(w) for w in subject.split()) or (
                not items) or not all(map(_bare_noun_phrase, items)) or any(
                mentions(t.value or "", subject) for t in self._live()):
            return False  # "the kids are asleep", "the sky is clear": a remark, no attribute
        add = self._add(subject[:1].upper() + subject[1:], value=value, parents=[root.key],
                        key=f"{root.key}.{slug(subject)}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _held_elsewhere(self, it: Task, typed: list[tuple[ValueKind, str]], raw: str) -> bool:
        """'..., buy them at the garden centre instead, it's $4 each there': when 'it' holds a value
        with no phrase of the one price, date, time or count said, that value is not its; the
        latest task whose title alone holds one of that kind takes it there. Else, nothing."""
        said = [(k, p) for k, p in typed if k in (*_TITLE_KINDS, ValueKind.COUNT)]
        if not it.value or len(said) != 1 or retype(it.value, *said[0]) is not None:
            return False
        kind = said[0][0]
        holder = next((t for t in self._recent() if t.key != it.key and retype(
            t.value or "", *said[0]) is None and len(_kind_runs(t.title, kind)) == 1), None)
        return holder is not None and self._retitle(holder, said, raw)

    def _corrected_elsewhere(self, it: Task, typed: list[tuple[ValueKind, str]],
                             raw: str) -> bool:
        """'Sorry, misheard, it's 9:40': a value told as a correction takes the place of the
        value of its kind memory holds, when 'it' (a task spoken of in passing, none this turn
        wrote) holds none: the latest changed task holding one, if no other was changed with
        it. Without a word of correction, nothing here."""
        said = [(k, p) for k, p in typed if k in (*_TITLE_KINDS, ValueKind.COUNT)]
        if len(said) != 1 or not _CORRECTING.search(self.text) or it.key in self._written() or (
                retype(it.value or "", *said[0]) is not None):
            return False
        holders = sorted((t for t in self._live() if t.updated_at is not None
                          and retype(t.value or "", *said[0]) is not None),
                         key=lambda t: t.updated_at or 0, reverse=True)
        if not holders or (len(holders) > 1 and holders[1].updated_at == holders[0].updated_at):
            return False
        return self._set_typed(holders[0], said, raw)

    def _written(self) -> set[str]:
        """The keys of the tasks this turn has added or revised so far."""
        return {op.key for s in self.subtasks for op in s.operations
                if isinstance(op, ReviseTask | AddTask)}

    def _had_from(self, rest: str, raw: str) -> bool:
        """'We've got the hall from 7 now': what the speaker has is a task of the plan, and the
        time or date said with it is that task's; a thing no task names is left alone."""
        name, details = _name_and_details(rest)
        target = self._match(name, self._live(), by_value=False) if name else None
        if target is None or details is None:
            return False
        typed: list[tuple[ValueKind, str]] = [
            (k, p) for k, p in typed_phrases(details, sentence=False) if k != ValueKind.NAME]
        if target.value and all(retype(target.value, k, p) is not None for k, p in typed):
            return self._set_typed(target, typed, raw)
        self._update(target, clean_phrase(_PREPARED.sub("", details)), raw)
        return True

    def _described(self, subject: str, rest: str, raw: str) -> bool:
        """'The theme's a pirate party', 'it's a garden party now': a noun phrase for the task
        named (or just spoken of), when that task has no value yet or the clause says 'now'."""
        m = re.match(r"^(?:now\s+)?(?P<v>(?:a|an|the)\s+\S+(?:\s+\S+)+?)(?:\s+now)?$",
                     rest.strip(), _I)
        if (m is None or _EVALUATIVE.search(rest)
                or re.match(r"^(?:a|an|the)\s+(?:bit|little|lot|kind|sort|real|total)\b",
                            m["v"], _I)
                or not can_be_noun(m["v"].rsplit(maxsplit=1)[-1])):
            return False  # "a bit dry", "a real mess": a judgement, not a value
        now = re.search(r"\bnow\b", rest, _I) is not None
        if subject.lower() in _PRONOUNS:
            said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
            target = said[0] if said else None
        else:
            target = self._match(subject, self._live(), strict=True, by_value=False)
        if target is None or (target.value and not now):
            return False
        self._update(target, clean_phrase(m["v"]), raw)
        return True

    def _make_named(self, c: str, raw: str, slot: str | None) -> bool:
        """'Make the headcount 6', 'keep the soundcheck at 6:15': a value for the task named."""
        m = _MAKE.match(c)
        if not m or self.needs:  # "I need to A and make B": a step wished for, no change
            return False
        pairs = _PAIR.findall(m["rest"])
        named = bool(pairs) and self._match(pairs[0][0], self._live(), by_value=False) is not None
        if not named and _only_value(m["rest"]) and (
                typed := typed_phrases(m["rest"], sentence=False)):
            return self._set_typed(None, typed, raw)  # "keep May 3rd": the value in talk
        if len(pairs) > 1 or (pairs and re.fullmatch(_PAIR.pattern, m["rest"], _I)):
            wanted = pairs  # "price the sofa at $70 and the desk at $25"
        else:
            words = m["rest"].split()
            splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
            wanted = [(w, v) for w, v in splits if _only_value(re.sub(r"^(?:at|to)\s+", "", v))][:1]
        ops_before = len(self.subtasks)
        for what, said in wanted:
            if re.fullmatch(_CARDINAL, said.strip(), _I) and self._recounted(
                    f"{said.strip()} {what.split()[-1]}", raw):
                continue  # "make the eggs 70" where a title counts "60 mini eggs"
            target = self._match(what, self._live(), by_value=False)
            if target is None and (unit := _unit_of(said)):
                # "make the laps 12 minutes": the task whose value is a number of minutes
                target = next((t for t in self._recent() if _unit_of(t.value or "") == unit),
                              None)
            if target is None and (held := self._quantity_in_value(what, said)):
                self._update(*held, raw)  # "make the flour 300g": in "500g of flour, 2 eggs"
                continue
            if target is None or what.lower() in _PRONOUNS:
                continue
            value = re.sub(r"^(?:at|to)\s+", "", said.strip(" ,"))
            typed = typed_phrases(value, sentence=False)
            if [k for k, _ in typed] == [ValueKind.COUNT] and _only_value(value) and not (
                    retype(target.value or "", ValueKind.COUNT, value)) and (
                    title := retype(target.title, ValueKind.COUNT, value)):
                # "make the table seven people" for 'Table for six': the count of its title
                self._emit(Intent.UPDATE, raw, [ReviseTask(key=target.key, title=title)],
                           about=[target.key])
                self._pending(target, title=title)
                continue
            if (target.value and typed and _only_value(value)
                    and all(retype(target.value, k, p) for k, p in typed)):
                self._set_typed(target, typed, raw)
            else:
                self._update(target, clean_phrase(value), raw)
        return len(self.subtasks) > ops_before

    def _quantity_in_value(self, what: str, new: str) -> tuple[Task, str] | None:
        """'the flour 300g' where one task's value reads '500g of flour and 2 eggs': that
        task, with the quantity next to the word put in the new one's place."""
        noun = re.sub(r"^(?:the|my|our)\s+", "", what.strip(), flags=_I)
        new = new.strip(" ,")
        if not stems(noun) or not COUNT_RE.fullmatch(new):
            return None
        holders = [t for t in self._live() if t.value and mentions(t.value, noun)]
        if len(holders) != 1:
            return None
        value, word = holders[0].value or "", re.escape(noun)
        m = (re.search(rf"(?P<n>{COUNT_RE.pattern})\s+of\s+(?:the\s+)?{word}\b", value, _I)
             or re.search(rf"\b{word}\s+(?:at\s+)?(?P<n>{COUNT_RE.pattern})", value, _I))
        if m is None:
            return None
        return holders[0], value[:m.start("n")] + new + value[m.end("n"):]

    def _schedule(self, c: str, raw: str, slot: str | None) -> bool:
        """'We rehearse every Tuesday at 6': when the plan in talk does something, a slot of
        that plan named by the verb, holding the days and times."""
        m = _WE_DO.match(c)
        if not m or _NEGATIVE.search(c) or read_frame(m["verb"]).known:
            return False
        verb = m["verb"].lower()
        if not is_verb(verb) or lemma(verb) != verb or verb in _NOT_A_SCHEDULE:
            return False
        if not any(k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(m["rest"])):
            return False
        root = self.under or self._root_for(None)
        if root is None:
            return False
        when = clean_phrase(m["rest"])
        existing = self._active(f"{root.key}.{verb}")
        if existing is not None:
            self._update(existing, when, raw)
            return True
        add = self._add(verb.capitalize(), value=when, parents=[root.key],
                        key=f"{root.key}.{verb}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _sourced(self, c: str, raw: str, slot: str | None) -> bool:
        """'The banners from the print shop, $40 for two': with no verb, where a task named by
        its title comes from and its price are its value."""
        m = _SOURCED.match(c)
        kinds = {k for k, _ in typed_phrases(m["v"], sentence=False)} if m else set()
        if not m or _NEGATIVE.search(c) or not kinds - {ValueKind.NAME}:
            return False
        if read_frame(c).mood != Mood.STATEMENT or _COPULA.match(c):
            return False  # a request, or a verb to read it by
        # a price says it is bought; other facts need every word of the task's name
        target = self._match(m["what"], self._live(), by_value=False,
                             strict=ValueKind.PRICE not in kinds)
        if target is None:
            return False
        self._update(target, f"from {m['v']}", raw)
        return True

    def _role_of(self, c: str, raw: str, slot: str | None) -> bool:
        """'Sam's going to be treasurer': who holds a role of the plan in talk, the value of
        the task so named, else a new attribute of the plan."""
        c = _KIN.sub("", c)  # "my friend Ana is ...": the person is Ana
        m = _ROLE_OF.match(c)
        if not m or _NEGATIVE.search(c) or in_dictionary(m["who"].lower()):
            return False
        live = self._live()
        if self._match(m["who"], live, by_value=False) is not None:
            return False  # the subject is a task, no person
        if (task := self._match(m["role"], live, strict=True, by_value=False)) is not None:
            # "Mr Osei over the road will be the second referee": one of the people a task finds
            self._update(task, ", ".join(p for p in (task.value if m["nth"] else None,
                                                     m["who"]) if p), raw)
            return True
        root = self.under or self._root_for(None)
        if root is None:
            return False
        add = self._add(m["role"].capitalize(), value=m["who"], parents=[root.key],
                        key=f"{root.key}.{slug(m['role'])}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _chosen_count(self, c: str, raw: str, slot: str | None) -> bool:
        """'Go for 3 boxes', 'begin at 7:30 instead': a new count for the task whose title
        counts that thing; a new start for the plan in talk, its first time replaced."""
        if m := re.match(r"^(?:go for|go with|get|order|do|make it)\s+(?P<q>\d+\s+[a-z]+)"
                         r"(?:\s+instead)?$", c, _I):
            task = self._count_in_title(m["q"])
            title = _recount(task.title, m["q"]) if task is not None else None
            if task is None or not title or title == task.title:
                return False
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title)],
                       about=[task.key])
            self._pending(task, title=title)
            return True
        m = re.match(r"^(?:we\s+)?(?:start|begin|kick off)\s+(?:at|from)\s+(?P<v>\S+(?:\s*[ap]m)?)"
                     r"(?:\s+instead)?$", c, _I)
        typed = typed_phrases(m["v"], sentence=False) if m else []
        if not m or not typed or typed[0][0] != ValueKind.TIME:
            return False
        for task in self._recent():
            times = [p for k, p in typed_phrases(task.value or "", sentence=False)
                     if k == ValueKind.TIME]
            if times:
                self._update(task, (task.value or "").replace(times[0], typed[0][1], 1), raw)
                return True
        return False

    def _joining(self, c: str, raw: str, slot: str | None) -> bool:
        """'Ann and Bo are in too', 'Cy's coming as well': people who join the plan in talk,
        the value of its task of who is coming; 'that makes 9 of us': the count it holds."""
        if m := re.match(r"^(?:that's|that makes|makes it|so)\s+(?P<n>\d+\s+(?:of us|people))$",
                         c, _I):
            return self._set_typed(None, [(ValueKind.COUNT, m["n"].split()[0])], raw)
        m = _JOINING.match(c)
        root = self.under or self._root_for(None)
        if not m or root is None or _NEGATIVE.search(c) or any(
                self._match(w, self._live(), by_value=False) for w in re.split(
                    r"\s*(?:,|\band\b|&)\s*", m["who"]) if w):
            return False
        key = f"{root.key}.coming"
        current = self._active(key)
        if current is not None:
            self._update(current, f"{current.value}, {m['who']}" if current.value else m["who"],
                         raw)
            return True
        add = self._add("Coming", value=m["who"], parents=[root.key], key=key)
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _timed(self, c: str, raw: str, slot: str | None) -> bool:
        """'The quiz first at 7:30', 'Raffle at 9': a time or date, with no verb, for the task
        named by its title."""
        m = _TIMED.match(c)
        if not m or read_frame(m["what"]).mood == Mood.REQUEST:
            return False
        typed = [(k, p) for k, p in typed_phrases(m["v"], sentence=False)
                 if k in (ValueKind.TIME, ValueKind.DATE)]
        task = self._match(m["what"], self._live(), strict=True, by_value=False)
        if not typed or not _only_value(m["v"]) or task is None:
            return False
        current = task.value or ""
        new = _span(m["v"], typed[0][0]) or typed[0][1]
        value = retype(current, typed[0][0], new) or (f"{current}, {new}" if current else new)
        self._update(task, value, raw)
        return True

    def _timed_each(self, c: str, raw: str, slot: str | None) -> bool:
        """'Ann at 10, Bo at 11:30 and Cy at 2': a time or date for each of several live
        tasks, each named first; each read as said alone, and nothing when one is not."""
        parts = [_ROUGH_WHEN.sub("", p.strip())  # "after lunch at 2": 2 says when
                 for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", c)]
        if slot is not None or len(parts) < 2:
            return False
        for part in parts:
            m = _TIMED.match(part)
            if m is None or not _only_value(m["v"]) or not any(
                    k in (ValueKind.TIME, ValueKind.DATE)
                    for k, _ in typed_phrases(m["v"], sentence=False)) or self._match(
                        m["what"], self._live(), strict=True, by_value=False) is None:
                return False
        for part in parts:
            self._timed(part, part, slot)
        return True

    def _timed_fact(self, c: str, raw: str, slot: str | None) -> bool:
        """'the ferry leaves the harbour at 7:40', 'the shop opens at 9': when a thing of the
        plan in talk does what it does; the value of the task it names, else a new attribute
        of the plan, named by the thing, told as said after it."""
        m = _DOES_AT.match(c)
        root = self.under or self._root_for(None)
        if m is None or root is None or _NEGATIVE.search(c) or not all(
                can_be_noun(w) and w.lower() not in STOP for w in m["subj"].split()) or not any(
                k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(m["rest"])):
            return False
        value = f"{m['verb']} {m['rest']}"
        task = self._match(m["subj"], self._live(), strict=True, by_value=False)
        if task is not None and _named_by_head(m["subj"], task):
            self._update(task, value, raw)
            return True
        if task is not None:
            return False
        add = self._attribute(root, m["subj"], value)
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _event(self, c: str, raw: str, slot: str | None) -> bool:
        """'Lunch with Priya on Tuesday at noon': a thing to happen, named by a noun phrase with
        no verb, and its when (who, where) in role phrases. A new task with those attributes,
        unless a task of that name is in memory (then it is a change, read elsewhere)."""
        head, slots = _slot_phrases(c)
        if not _names_an_event(head, slots) or self._match(
                head, self._live(), strict=True, by_value=False) is not None:
            return False
        title = clean_phrase(head)
        root = self._add(title[:1].upper() + title[1:], key=slug(title))
        ops = [root, *(self._add(name.capitalize(), value=value, parents=[root.key],
                                 key=f"{root.key}.{name}") for name, value in slots)]
        self._emit(Intent.NEW, raw, ops, about=[root.key])
        return True

    def _labelled_list(self, c: str, raw: str, slot: str | None) -> bool:
        """'..., here's the running order: A, B and C': a label and its list said after other
        words of the sentence, read as a list said first in a turn is."""
        m = _LABELLED_LIST.match(c)
        return m is not None and slot is None and "?" not in raw and self._read_list(
            m["label"], m["items"])

    def _read_list(self, head: str, rest: str) -> bool:
        """A label and the list after it: one more item like the plan's, entries named first,
        steps, or items (``parse`` for a list that opens a turn, ``_labelled_list`` for one
        said mid-sentence). A count and "so far" around the label say nothing of what it names
        ("three stalls so far"), and what the list ends by saying of them all ("..., all on
        Monday") is said of each item."""
        head = _COUNTED_LABEL.sub(r"\g<label>", head.strip())
        if (shared := _SAID_OF_ALL.search(rest)) and len(items := split_list(
                rest[:shared.start()])) >= 2:
            rest = ", ".join(f"{item} {shared['what']}" for item in items)
        return (self._one_more(head, rest) or self._entries(head, rest)
                or self._steps_labelled(head, rest) or self._plan_labelled(head, rest)
                or self._listed_steps(head, rest) or self._listed(head, rest))

    def _plan_labelled(self, head: str, rest: str) -> bool:
        """'Left to do for the move: A, B and C, and everything must be done by the 9th' with no
        plan in memory: the plan the label is for, its items under it, and when it is all due
        its value."""
        m = _LABEL_FOR.match(head.strip())
        if m is None or any(not t.parents for t in self._live()) or "?" in rest:
            return False
        due = _ALL_DUE.search(rest)
        items = _expand(split_list(rest[:due.start()] if due else rest))
        if len(items) < 2 or any(len(i.split()) > 8 for i in items):
            return False
        title = clean_phrase(m["plan"])
        root = self._add(title[:1].upper() + title[1:], key=slug(title),
                         value=due["when"] if due else None)
        ops = [root, *(op for item in items for op in self._item(item, self.tasks[root.key]))]
        self.focus = [root.key, *self.focus]
        self._emit(Intent.NEW, f"{head}: {rest}", ops, about=[o.key for o in ops])
        return True

    def _steps_labelled(self, head: str, rest: str) -> bool:
        """'The steps are: A, B and then C' with a plan in talk: steps of that plan."""
        label = re.sub(r"\s+(?:are|is|will be)$", "", strip_fillers(head.strip()), flags=_I)
        return _STEPS_WORD.fullmatch(clean_phrase(label)) is not None and self._steps_stated(
            f"the steps are {rest}", f"{head}: {rest}", None)

    def _topic_opening(self, c: str, raw: str, slot: str | None) -> bool:
        """'Quiz night on Friday the 3rd in the church hall' opening an empty memory: a thing
        named by a noun phrase with no verb, and its when and where, which ``_event`` could not
        cut into attributes; the plan, with the rest as its value."""
        head, slots = _slot_phrases(c)
        # "Guitar lessons for Isla": a short name of a thing, and whom it is for
        for_whom = len(c.split()) <= 8 and any(
            role == "for" and re.match(r"(?:(?-i:[A-Z])|(?:my|our|the)\s)", said, _I)
            for role, said in slots)
        if self._live() or ":" in c or ";" in raw or not slots or not _names_a_thing(
                head, determiners=frozenset()) or _NEGATIVE.search(c) or not (for_whom or any(
                k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(c))):
            return False
        title = clean_phrase(head)
        value = clean_phrase(c[c.find(head) + len(head):])
        root = self._add(title[:1].upper() + title[1:], value=value, key=slug(title))
        self._emit(Intent.NEW, raw, [root], about=[root.key])
        return True

    def _on_its_way(self, c: str, raw: str, slot: str | None) -> bool:
        """'The chairs are coming from the church', 'the cake's being delivered on Friday':
        where or when a task's thing comes from is its value, joined to what it holds."""
        m = _COMING.match(c)
        task = self._match(clean_phrase(m["subj"]), self._live(), strict=True, by_value=False) if (
            m is not None and slot is None) else None
        if m is None or task is None:
            return False
        said = clean_phrase(m["how"])
        self._update(task, _joined_to(task.value, said), raw)
        return True

    def _switched_to(self, c: str, raw: str, slot: str | None) -> bool:
        """'Upgrade to the gold menu at £55', 'switch to the vegan plan': a held task
        named by the last noun of a kinded phrase ('package') becomes what the phrase says;
        the details after the first comma of its value stay with it."""
        m = _SWITCHED_TO.match(c)
        if m is None or _NEGATIVE.search(c):
            return False
        head = re.split(rf"\s+(?:{_SLOT_PREPS})\s+|\s*,\s*", m["what"], maxsplit=1, flags=_I)[0]
        words = head.split()
        task = self._match(words[-1], self._live(), strict=True, by_value=False) if (
            len(words) >= 2) else None
        if task is None or not _named_by_head(words[-1], task) or not task.value:
            return False
        _, comma, details = task.value.partition(", ")
        said = clean_phrase(m["what"])
        def kinds(text: str) -> set[ValueKind]:
            return {k for k, _ in typed_phrases(text, sentence=False)} & {
                ValueKind.PRICE, ValueKind.DATE, ValueKind.TIME}
        kept = comma and not kinds(said) & kinds(details)  # no price said twice
        self._update(task, f"{said}, {details}" if kept else said, raw)
        return True

    def _item_detailed(self, c: str, raw: str, slot: str | None) -> bool:
        """'Catering from Bo's Deli for 20', 'the venue at the Guildhall': a live item named by
        its title, then role phrases and no verb: what it is now, its value."""
        m = re.match(r"^(?:the\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                     r"(?P<rest>(?:from|by|with|at)\s+.+)$", c, _I)
        if m is None or _FINITE_WORD.search(c) or _NEGATIVE.search(c) or "," in c or re.search(
                r"\sand\s", m["rest"]) or (
                _imperative(m["what"]) and not can_be_noun(m["what"].split()[0])):
            return False  # "move from ...": a request; "Ann at 2, Bo at 3": a list
        task = self._match(m["what"], self._live(), strict=True, by_value=False)
        if task is None or not _named_by_head(m["what"], task):
            return False
        self._update(task, clean_phrase(re.sub(r"^at\s+", "", m["rest"], flags=_I)), raw)
        return True

    def _item_named(self, c: str, raw: str, slot: str | None) -> bool:
        """'Plus a bike stand', 'then a cake from Bo's, by the 3rd', 'dinner at the Ivy at 8'
        with a plan in talk: one more item of it, named by a noun phrase with no verb; what
        follows the name is its value."""
        said = _ITEM_LEAD.sub("", _ITEM_TAIL.sub("", c)).strip()
        head = re.split(rf"\s+(?:{_SLOT_PREPS})\s+|\s*,\s*|\s+-+\s+", said, maxsplit=1, flags=_I)[0]
        value = clean_phrase(said[len(head):].lstrip(" ,-")) or None
        root = self._root_for(None)
        if root is None or not head or _FINITE_WORD.search(said) or _NEGATIVE.search(said) or (
                not _names_a_thing(head)) or _imperative(head) or not in_dictionary(
                clean_phrase(head).split()[0]) or typed_phrases(head) or (
                self._match(head, self._live(), strict=True, by_value=False) is not None):
            return False
        # Told as one more ('plus', 'as well'), with an article, or a noun with its when or its
        # amount ("cups - 40 from the shop"): an item; a word alone ("cheers for that") or a
        # judgement with a day is talk
        if said == c and not re.match(r"(?:a|an|some)\s", head, _I) and not (
                names_only_a_thing(head.split()[0]) and (any(
                    k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(value or ""))
                    or _starts_with_value(value or ""))):
            return False  # "lovely forecast for Saturday": a remark, no item
        title = clean_phrase(head)
        add = self._add(title[:1].upper() + title[1:], value=value, parents=[root.key])
        self._emit(Intent.NEW, raw, [add], about=[root.key, add.key])
        return True

    def _doing_step(self, c: str, raw: str, slot: str | None) -> bool:
        """'Booking the van with Hertz, $80 a day': a step named by its own verb, told as under
        way; what follows its object is the step's value."""
        m = _DOING_STEP.match(c)
        if m is None or (base := lemma(m["verb"])) == m["verb"].lower():
            return False
        said = f"{base} {m['particle']}" if m["particle"] else base
        steps = [t for t in self._live() if re.match(rf"{re.escape(said)}\b", t.title, _I)]
        if len(steps) != 1 or not typed_phrases(m["rest"], sentence=False):
            return False
        own = set(stems(steps[0].title))
        words = m["rest"].split()
        named = next((set(stems(w)) for w in words if stems(w)), set())
        if not m["particle"] and not named <= own and not (
                verbs().get(base, "task") == "task" and any(
                    k in (ValueKind.NAME, ValueKind.PRICE)
                    for k, _ in typed_phrases(m["rest"], sentence=False))):
            # "getting about 40 done": the verb alone names no step, unless what follows is
            # a choice or a price for it ("booking the Grand, $300 a night")
            return False
        while words and (not stems(words[0]) or set(stems(words[0])) <= own):
            words.pop(0)  # "booking the van with Hertz": the object is the step's own
        value = clean_phrase(re.sub(r"^(?:with|at|from|through|via)\s+", "", " ".join(words),
                                    flags=_I))
        if not value:
            return False
        self._update(steps[0], value, raw)
        return True

    def _new_doing_step(self, c: str, raw: str, slot: str | None) -> bool:
        """'Collecting the cake from Bo's on the 9th at 4' with a plan in talk and no such step:
        a new step named by its verb and object, the date or time said with it its value."""
        m = _DOING_STEP.match(c)
        root = self._root_for(None)
        if m is None or root is None or (base := lemma(m["verb"])) == m["verb"].lower() or (
                verbs().get(base, "task") != "task") or _NEGATIVE.search(c):
            return False
        if any(re.match(rf"{re.escape(base)}\b", t.title, _I) for t in self._live()) or not (
                re.match(r"(?:the|my|our|their|his|her|a|an)\s", m["rest"], _I)):
            return False  # a step of that verb is there already, or no thing is named
        name, details = _name_and_details(m["rest"])
        if name is None or details is None or not stems(name) or not any(
                k in (ValueKind.DATE, ValueKind.TIME)
                for k, _ in typed_phrases(details, sentence=False)):
            return False
        named = re.sub(r"(?:\s+(?:on|at|for|from|by|in))?(?:\s+the)?\s*$", "",
                       m["rest"][:m["rest"].find(details)], flags=_I)
        title = " ".join(p for p in (base, m["particle"], named) if p)
        add = self._add(title[:1].upper() + title[1:], value=details, parents=[root.key])
        self._emit(Intent.NEW, raw, [add], about=[root.key, add.key])
        return True

    def _comes_when(self, c: str, raw: str, slot: str | None) -> bool:
        """'He'll come Friday instead', 'Ola can do the 9th': a new day or time for the one who
        does a task, in place of the one their task holds; 'he' is the person the turn named."""
        m = _COMES.match(c)
        # "Mo can manage Friday but at 3, not 5": the time after 'not' is the one replaced
        when = re.sub(r"^(.+?)\s+but\s+(.+?)(?:,\s*|\s+)not\s+[^,]+$", r"\1 \2", m["when"]) if (
            m is not None) else ""
        if m is None or _NEGATIVE.search(when):
            return False
        typed: list[tuple[ValueKind, str]] = [
            (k, p) for k, p in typed_phrases(when, sentence=False)
            if k in (ValueKind.DATE, ValueKind.TIME)]
        who = m["who"] if m["who"].lower() not in _PRONOUNS else self._person_said()
        named = [t for t in self._live() if who and t.value and mentions(t.value, who)]
        holders = [t for t in named if all(retype(t.value or "", k, p) is not None
                                           for k, p in typed)]
        if typed and not holders and who and (task := self._doer_task(who)) is not None:
            # "the plumbers can come Monday": the day of the task whose work names them
            when = clean_phrase(when) if _only_value(when) else ", ".join(p for _, p in typed)
            self._update(task, when if not task.value else (
                retype(task.value, *typed[0]) or f"{task.value}, {when}"), raw)
            return True
        if typed and not holders and len(named) == 1 and not any(
                retype(named[0].value or "", k, p) is not None for k, p in typed):
            # "the roofer is Priya, she can do Monday at 8": her task had no day yet
            when = clean_phrase(re.sub(r"\s+(?:instead|then|now)$", "", when, flags=_I))
            when = when if _only_value(when) else ", ".join(p for _, p in typed)
            self._update(named[0], f"{named[0].value}, {when}", raw)
            return True
        if not typed or len(holders) != 1:
            return False
        return self._set_typed(holders[0], typed, raw)

    def _booked_person(self, c: str, raw: str, slot: str | None) -> bool:
        """'The tiler is Mo, scheduled her on Tuesday at noon': when the person just named will do
        their task joins the value of the one task that names them."""
        m = _BOOKED_PERSON.match(c)
        who = self._person_said() if m is not None else None
        holders = [t for t in self._live() if who and t.value and mentions(t.value, who)]
        if m is None or len(holders) != 1 or _NEGATIVE.search(c):
            return False
        typed: list[tuple[ValueKind, str]] = [
            (k, p) for k, p in typed_phrases(m["when"], sentence=False)
            if k in (ValueKind.DATE, ValueKind.TIME)]
        task = holders[0]
        if not typed:
            return False
        if all(retype(task.value or "", k, p) is not None for k, p in typed):
            return self._set_typed(task, typed, raw)
        self._update(task, f"{task.value}, {clean_phrase(m['when'])}", raw)
        return True

    def _brings_instead(self, c: str, raw: str, slot: str | None) -> bool:
        """'Ann's going to make scones instead, at £1 each': the one item memory holds from Ann
        ('cake from Ann', live or dropped) gives way to what she brings now, titled the same
        way, with what follows as its value."""
        m = _BRINGS_INSTEAD.match(c)
        if m is None or slot is not None:
            return False
        theirs = [t for t in self.tasks.values() if t.parents and re.search(
            rf"\s(?P<prep>from|by)\s+{re.escape(m['who'])}$", t.title, _I)]
        if len(theirs) != 1:
            return False
        old = theirs[0]
        prep = re.search(r"\s(from|by)\s", old.title, _I)[1]  # type: ignore[index]
        ops: list[Operation] = []
        if old.status == TaskStatus.ACTIVE:
            ops.append(self._set_status(old, TaskStatus.CANCELLED))
        ops.append(self._add(f"{clean_phrase(m['what'])} {prep} {m['who']}",
                             value=clean_phrase(m["rest"] or "") or None, parents=old.parents))
        self._emit(Intent.UPDATE, raw, ops, about=[old.key, ops[-1].key])
        return True

    def _paid_thing(self, c: str, raw: str, slot: str | None) -> bool:
        """'Paid the £50 deposit today' with no deposit in memory: a new item of the plan in
        talk, its price paid as its value (a thing memory holds is finished by ``_done``)."""
        m = _PAID_THING.match(c)
        root = self._root_for(None)
        if m is None or slot is not None or root is None or self._match(
                m["thing"], self._live(), strict=True, by_value=False) is not None:
            return False
        said = f"{m['price']}, paid {m['when'] or ''}".strip()
        add = self._add(m["thing"][:1].upper() + m["thing"][1:], value=said, parents=[root.key])
        self._emit(Intent.NEW, raw, [add], about=[root.key, add.key])
        return True

    def _their_task(self, subject: str) -> Task | None:
        """The task 'he', 'she' or 'they' does: the one this turn spoke of last, when its title
        names who does it ('Ola paints the sign') and it has no value yet."""
        said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
        if subject.lower() not in ("he", "she", "they") or not said:
            return None
        task = said[0]
        doer = task.title.split()[0]
        return task if not task.value and not _imperative(doer) and can_be_noun(doer) else None

    def _paid(self, c: str, raw: str, slot: str | None) -> bool:
        """'Paid him $60', 'gave Ola $20': what the one who does a task was paid joins the value
        of that task."""
        m = _PAID.match(c)
        if m is None or (m["who"].lower() not in _PERSONS and (
                in_dictionary(m["who"].lower()) or not m["who"][:1].isupper())):
            return False  # "paid the deposit": no person
        typed = [(k, p) for k, p in typed_phrases(m["v"], sentence=False) if k == ValueKind.PRICE]
        who = self._person_said() if m["who"].lower() in _PERSONS else m["who"]
        holders = [t for t in self._live() if who and t.value and mentions(t.value, who)]
        if not typed or len(holders) != 1 or not _only_value(m["v"]):
            return False
        current = holders[0].value or ""
        value = retype(current, ValueKind.PRICE, typed[0][1]) or f"{current}, paid {typed[0][1]}"
        self._update(holders[0], value, raw)
        return True

    def _person_said(self) -> str | None:
        """The person this turn named before: a word that is a name, capitalised, in a value
        (a name may be typed in lower case: 'ola rang')."""
        for clause in reversed(self.said):
            # "dave just rang": a name typed in lower case is still the one a value holds
            for word in re.findall(r"\b[A-Za-z][a-z]+\b", clause):
                name = str(word).capitalize()
                if not in_dictionary(word.lower()) and any(
                        t.value and re.search(rf"\b{name}\b", t.value) for t in self._live()):
                    return name
        return None

    def _helper(self, c: str, raw: str, slot: str | None) -> bool:
        """'Ana's going to coach us', 'Raj from the club is co-hosting': a named person who
        helps with the plan in talk, the value of a task named by what they do; 'Li's taking
        over from him': that person in place of the one the turn just named."""
        c = _KIN.sub("", c)  # "my friend Ana is ...": the person is Ana
        if m := _TAKES_OVER.match(c):
            old = clean_phrase(m["old"])
            old = (self._said_name() if old.lower() in _PERSONS | _PRONOUNS else old) or ""
            return bool(old) and self._swap(old, m["new"], raw, Intent.REPLACE)
        if (m := _CAN_DO.match(c)) and not in_dictionary(m["who"].lower()) and (
                task := self._match(m["obj"], self._live(), strict=True, by_value=False)):
            # "Ann can do the flowers for us": who does the task
            self._update(task, _joined_to(task.value, m["who"]), raw)
            return True
        m = _HELPER.match(c)
        if not m or _NEGATIVE.search(c) or in_dictionary(m["who"].lower()):
            return False
        role = m["verb"] or m["ing"]
        if is_verb(role) is False and not role.endswith("ing"):
            return False
        live = self._live()
        if self._match(m["who"], live, by_value=False) is not None:
            return False  # the subject is a task, no person
        if (task := self._match(role, live, strict=True, by_value=False)) is not None:
            self._update(task, m["who"], raw)
            return True
        root = self.under or self._root_for(None)
        if root is None:
            return False
        add = self._add(role[:1].upper() + role[1:], value=m["who"], parents=[root.key],
                        key=f"{root.key}.{slug(role)}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _priced_by(self, c: str, raw: str, slot: str | None) -> bool:
        """'the bakery put the price up to $5 a loaf': the one task whose value names that
        seller and holds a price takes the new price in its place."""
        m = _PRICED_BY.match(c)
        if not m or _NEGATIVE.search(c):
            return False
        who = clean_phrase(m["who"])
        held = [t for t in self._live() if t.value and mentions(t.value, who)
                and retype(t.value, ValueKind.PRICE, m["v"]) is not None]
        if len(held) != 1:
            return False  # no seller named, or more than one task it could be
        price = re.match(r"[$£€]\d[\d.,]*", m["v"])
        value = retype(held[0].value or "", ValueKind.PRICE, price[0] if price else m["v"])
        if not value or _same(value, held[0].value or ""):
            return False
        self._update(held[0], value, raw)  # the unit it had ('each', 'a bag') stays
        return True

    def _quoted(self, c: str, raw: str, slot: str | None) -> bool:
        """'The shop quoted $40 for the banners': the price becomes the value of the task
        named, in place of a price it had."""
        if (fee := _FEE.match(c)) and (said := next(iter(self._recent()), None)):
            # "she charges $90": the task just spoken of
            self._update(said, self._joined(said, fee["v"]), raw)
            return True
        m = _QUOTED.match(c)
        if not m or _NEGATIVE.search(c):
            return False
        target = self._match(m["what"], self._live(), strict=True, by_value=False)
        if target is None:  # "the shop quoted $40 for three": the one task naming the shop
            sellers = [t for t in self._live() if mentions(f"{t.title} {t.value or ''}",
                                                           clean_phrase(m["who"]))]
            target = sellers[0] if len(sellers) == 1 else None
        if target is None:
            return False
        if not target.value:
            self._update(target, m["v"], raw)
            return True
        return self._set_typed(target, [(ValueKind.PRICE, m["v"])], raw)

    def _named_doer(self, c: str, raw: str, slot: str | None) -> bool:
        """'Aunt Mia handles the raffle', 'Ann and Raj take Monday': named people and a verb
        whose object names a task: who does it joins that task's value."""
        c = _KIN.sub("", c)  # "my friend Ana is ...": the person is Ana
        m = _DOER.match(c)
        if not m or m["who"].endswith("'s") or _PRONOUN_SUBJECT.fullmatch(m["who"]) or (
                _NEGATIVE.search(c)) or not is_verb(m["verb"]) or read_frame(
                f"{m['verb']} {m['obj']}").known:
            return False
        obj = re.sub(r"\s+(?:too|as well|instead)$", "", m["obj"], flags=_I)
        target = self._match(obj, self._live(), strict=True, by_value=False)
        if target is None or self._match(m["who"], self._live(), by_value=False) is not None:
            return False  # the subject is a task itself: no people named
        who, current = m["who"], target.value or ""
        value = (retype(current, ValueKind.NAME, who) or f"{current}, {who}") if current else who
        self._update(target, value, raw)
        return True

    def _add_instead(self, c: str, raw: str, slot: str | None) -> bool:
        """'Take Ola off the rota and add Zofia instead': after an entry of a list value was
        removed in this turn, the one added instead joins that list, not a task of its own."""
        m = re.match(r"^(?:add|put in|bring in)\s+(?P<who>.+?)\s+instead$", c, _I)
        last = self.subtasks[-1] if self.subtasks else None
        if m is None or last is None or last.intent != Intent.UPDATE or len(
                last.operations) != 1 or not isinstance(op := last.operations[0], ReviseTask):
            return False
        before = (self.past.get(op.key) or [""])[-1]
        items = [i for i in re.split(r"\s*(?:,|\band\b)\s*", before) if i]
        kept = [i for i in re.split(r"\s*(?:,|\band\b)\s*", op.value or "") if i]
        if len(items) != len(kept) + 1 or not set(kept) <= set(items):
            return False  # the change before was no removal of one entry
        value = " and ".join([", ".join(kept), clean_phrase(m["who"])])
        self._update(self.tasks[op.key], value, raw)
        return True

    def _put_on(self, c: str, raw: str, slot: str | None) -> bool:
        """'Put her back on Friday with Ola': she joins the people the Friday slot names; 'her'
        is the person an earlier clause of the turn named."""
        m = _PUT_ON.match(c)
        if m is None:
            return False
        target = self._match(m["slot"], self._live(), by_value=False)
        if target is None or (m["other"] and not mentions(target.value or "", m["other"])):
            return False
        who = m["who"]
        if who.lower() in _PERSONS:
            named = [p for said in reversed(self.said)
                     for k, p in reversed(typed_phrases(said, sentence=False))
                     if k == ValueKind.NAME and len(p.split()) == 1]
            if not named:
                return False
            who = named[0]
        current = target.value or ""
        if mentions(current, who):
            self._emit(Intent.NOTE, raw, about=[target.key])
            return True
        if (value := _people_joined(current, who)) is None:
            return False  # the slot's value is not a list of people
        self._update(target, value, raw)
        return True

    def _put_in_for_removed(self, c: str, raw: str, slot: str | None) -> bool:
        """'take him off and put Sinead in': after one of a list of people was taken off in
        this turn, the one put in joins that list."""
        m = _PUT_IN.match(c.rstrip(".! "))
        if m is None or slot is not None:
            return False
        # the task the latest change of this turn revised alone: the list someone was taken
        # off (a remark on why may come between)
        ops = next((s.operations for s in reversed(self.subtasks) if s.intent == Intent.UPDATE
                    and len(s.operations) == 1 and isinstance(s.operations[0], ReviseTask)), [])
        if ops:
            lists = [self.tasks[ops[0].key]]
        elif re.search(r"\binstead\b|\bplace\b", c, _I):
            lists = []  # in place of whom, when no one left this turn?
        else:
            lists = [t for t in self._live() if t.value and _people_only(t.value)]
        value = _people_joined(lists[0].value or "", m["who"]) if len(lists) == 1 else None
        if value is None:  # no one list of people to join: no other value takes the name
            self._unparsed(raw, c, reason=f"no one list of people to put {m['who']} in")
            return True
        self._update(lists[0], value, raw)
        return True

    def _fell_through(self, c: str, raw: str, slot: str | None) -> bool:
        """'The annex fell through': noted, for the tasks that name it; what is had instead, said
        next, takes its place."""
        m = _FELL_THROUGH.match(c)
        what = clean_phrase(m["what"]) if m else ""
        holders = [t.key for t in self._live() if what and mentions(
            f"{t.title} {t.value or ''}", what)]
        if not holders:
            return False
        itself = self._match(what, self._live(), strict=True, by_value=False)
        items = [t for t in self._live() if t.parents and re.fullmatch(
            rf"(?:the\s+)?{re.escape(what)}(?:\s+(?:from|by|for|with)\s.+)?", t.title, _I)]
        if len(items) == 1:
            itself = items[0]  # "the cake's off" where the item is "cake from Ann"
        if itself is not None and (_same(itself.title, what) or itself in items):
            # "the Tuesday client cancelled on me": the thing off is an item of the plan itself
            return self._set_statuses([itself], TaskStatus.CANCELLED, Intent.CANCEL, raw)
        self._emit(Intent.NOTE, raw, about=holders)
        return True

    def _absent(self, c: str, raw: str, slot: str | None) -> bool:
        """'Kim's away that week': a person memory holds will not do it; noted, and a stand-in
        named later in the turn takes that person's place."""
        m = _ABSENT.match(c)
        if m is None:
            return False
        holders = [t.key for t in self._live() if mentions(f"{t.title} {t.value or ''}", m["who"])]
        if not holders:
            return False
        self._emit(Intent.NOTE, raw, about=holders)
        return True

    def _stand_in(self, c: str, raw: str, slot: str | None) -> bool:
        """'Kim's away, Lee will chair it', '..., put Lee in her place', '..., make it Lee':
        Lee takes Kim's place wherever memory names Kim."""
        m = _STAND_IN.match(_KIN.sub("", c)) or _PUT_IN_PLACE.match(
            strip_fillers(raw).strip(" .!?"))  # as said: "his place" is no one's name yet
        if m is None:  # ("my mate Lee's coming": the person is Lee)
            return False
        gone = next((a["who"] for said in reversed(self.said) if (a := _ABSENT.match(said))), None)
        if gone is None or _same_word(gone, m["who"]):
            return False
        return self._swap(gone, m["who"], raw, Intent.REPLACE)

    def _part_taken(self, c: str, raw: str, slot: str | None) -> bool:
        """'Cal's doing the stockroom now', 'she'll do the tills after all', 'Jo's driving':
        a person takes on the part that the one task naming it gives to someone else, who
        gives way to them there."""
        m = _TAKES_PART.match(c) or _TAKES_PART.match(strip_fillers(raw).strip(" .!?"))
        if m is None:  # (the raw clause: "she'll ..." may have lost its subject)
            return False
        who = m["who"]
        if who.lower() in ("he", "she"):  # the one the sentence named just before
            named = [w for said in self.said[-1:] for w in re.findall(r"\b[A-Z][a-z]+\b", said)
                     if not in_dictionary(w.lower())]
            if len(named) != 1:
                return False
            who = named[0]
        part = set(stems(m["what"])) or set(stems(m["verb"]))
        def others(t: Task) -> list[str]:
            names = [p.removesuffix("'s") for k, p in typed_phrases(
                f"{t.title}, {t.value or ''}", sentence=False) if k == ValueKind.NAME]
            return [p for p in dict.fromkeys(names) if " " not in p and not in_dictionary(
                p.lower()) and not _same_word(p, who) and not p.isupper()]  # "VHF": no one
        holders = [t for t in self._live() if part and part <= set(stems(
            f"{t.title} {t.value or ''}")) and len(others(t)) == 1]
        if len(holders) != 1:
            return False
        return self._swap(others(holders[0])[0], who, raw, Intent.REPLACE,
                          within=holders[0].key)

    def _put_down_as(self, c: str, raw: str, slot: str | None) -> bool:
        """'Pencil him in as our treasurer', 'have Jo down as the driver': the person named (for
        'her' or 'him', the one the sentence before named) is the value of that part, a task
        of the plan in talk if none holds it yet."""
        m = _PUT_DOWN_AS.match(c)
        if m is None:
            return False
        who = m["who"]
        if who.lower() in ("her", "him", "them"):
            named = [n for said in self.said[-1:] for n in re.findall(
                r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", said) if not in_dictionary(
                n.split()[0].lower())]
            if not named:
                return False
            who = named[-1]
        role = clean_phrase(m["role"])
        if (task := self._match(role, self._live(), by_value=False)) is not None:
            self._update(task, who, raw)
            return True
        root = self.under or self._root_for(None)
        if root is None:
            return False
        add = self._add(role[:1].upper() + role[1:], value=who, parents=[root.key],
                        key=f"{root.key}.{slug(role)}")
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _myself(self, c: str, raw: str, slot: str | None) -> bool:
        """'I'll paint it myself': the speaker does the task 'it' stands for, in place of the
        person its value names."""
        if not re.match(r"^(?:[a-z]+\s+){1,2}(?:it|them|that|this)\s+(?:by\s+)?myself$", c, _I):
            return False
        def names(t: Task) -> list[str]:
            return [p for k, p in typed_phrases(t.value or "", sentence=False)
                    if k == ValueKind.NAME]

        said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
        # The task the turn spoke of, else the latest one a person does.
        task = next(iter(said), None) or next((t for t in self._recent() if names(t)), None)
        if task is None:
            return False
        named = names(task)
        if task.value and not named:
            return False  # a value that names no one: nothing says who did it before
        value = _replace_noun(task.value or "", named[0], "me") if named else "me"
        self._update(task, value, raw)
        return True

    def _frequency(self, c: str, raw: str, slot: str | None) -> bool:
        """'Make them monthly': how often the task 'them' (or the one named) recurs, in place
        of the frequency its title or value says; 'keep it yearly' when so changes nothing."""
        m = _MAKE_FREQUENCY.match(c)
        if m is None:
            return False
        what = clean_phrase(m["what"] or "")
        said = re.compile(rf"\b{_FREQUENCY}\b", _I)
        if what and what.lower() not in _PRONOUNS:
            task = self._match(what, self._live(), by_value=False)
        else:
            task = next((t for t in self._recent() if said.search(f"{t.title} {t.value or ''}")),
                        None)
        if task is None:
            return False
        new = m["f"].lower()
        title = said.sub(lambda w: _cased(new, w[0]), task.title)
        value = said.sub(lambda w: _cased(new, w[0]), task.value) if task.value else None
        if title == task.title and value == task.value:
            if said.search(f"{task.title} {task.value or ''}"):
                self._emit(Intent.NOTE, raw, about=[task.key])  # already so
                return True
            value = f"{task.value}, {new}" if task.value else new
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, value=value,
                                                   title=title if title != task.title else None)],
                   about=[task.key])
        self._pending(task, value=value, title=title)
        return True

    def _every(self, c: str, raw: str, slot: str | None) -> bool:
        """'The plants only need watering every other day': how often a task recurs, in place
        of the 'every ...' its title or value says, in the task the rest of the clause names."""
        said = list(_EVERY.finditer(c))
        if len(said) != 1 or _NEGATIVE.search(c) or not stems(c[:said[0].start()]):
            return False
        holders = [t for t in self._live() if _EVERY.search(f"{t.title} {t.value or ''}")]
        task = self._match(c[:said[0].start()], holders, by_value=False)
        if task is None:
            return False
        new = said[0][0]
        title = _EVERY.sub(new, task.title, count=1)
        value = _EVERY.sub(new, task.value, count=1) if task.value else None
        if title == task.title and value == task.value:
            self._emit(Intent.NOTE, raw, about=[task.key])  # already so
            return True
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, value=value,
                                                   title=title if title != task.title else None)],
                   about=[task.key])
        self._pending(task, value=value, title=title)
        return True

    def _was_fine(self, c: str, raw: str, slot: str | None) -> bool:
        """'No wait, 3:15 was fine': the value of that kind the latest change replaced comes
        back, in the value or in the title where it was said."""
        m = _WAS_FINE.match(c)
        typed = typed_phrases(m["v"], sentence=False) if m else []
        if m is None or not typed or not _only_value(m["v"]) or any(
                mentions(f"{t.title} {t.value or ''}", typed[0][1]) for t in self._live()):
            return False
        kind, wanted = typed[0]
        if kind == ValueKind.NAME:
            return False
        if held := next((t for t in self._recent() if self._had_value(t.key, wanted)), None):
            past = self._past_value(held.key, wanted)
            self._emit(Intent.ROLLBACK, raw, [RollbackTask(key=held.key, to_value=past)],
                       about=[held.key])
            return True
        titled = next((t for t in self._recent() if retype(t.title, kind, wanted)), None)
        return titled is not None and self._retitle(titled, [(kind, wanted)], raw,
                                                    Intent.ROLLBACK)

    def _owned(self, c: str, raw: str, slot: str | None) -> bool:
        """'Leo's got a dentist visit on the 6th at 3:40', 'there's a test on May 2': a task
        with its values, under the plan in talk (or a plan of its own)."""
        m = _HAS.match(c)
        if not m:
            return False
        owner = (m["owner"] or "").strip()
        if len(owner.split()) > 3:
            return False
        if owner.lower() in ("he", "she", "they") and any(s.operations for s in self.subtasks):
            # "move Ann to 2, she's got a meeting at 1": after a change, why it was made
            self._emit(Intent.NOTE, raw, about=self.subtasks[-1].about)
            return True
        title, value = _title_and_roles(m["rest"])
        if m["owner"] is None and not re.match(
                r"(?:on|at|next|this|by|until|till|before|every)\s", value, _I):
            return False  # "there's a box of X in there from 2019": what is, not what happens
        root = self.under or self._root_for(None)
        if not title or not stems(title) or ((root is not None or owner.lower() in _PRONOUNS)
                                             and not typed_phrases(value, sentence=False)):
            return False  # "he's got a cold": why he can't, nothing for the plan
        if owner and owner[0].isupper() and owner.lower() not in _PRONOUNS | {"i", "we"}:
            title = f"{owner}'s {title}"
        add = self._add(title, value=value or None, parents=[root.key] if root else [])
        self._emit(Intent.NEW, raw, [add], about=[add.key])
        return True

    def _assigned(self, c: str, raw: str, slot: str | None) -> bool:
        """'Put Ann down for the cake and Jo for the drinks', 'Ann on cake, Jo on drinks':
        who does which, each task named taking the person beside what it holds. Every pair
        must name a person and a task, or none is read this way."""
        parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", c.rstrip(".! ")) if p]
        pairs = [_ASSIGNED.fullmatch(re.sub(r"^put\s+", "", p, flags=_I)) for p in parts]
        if slot is not None or not pairs or not all(pairs) or not (
                re.match(r"put\s+\S+(?:\s+\S+)?\s+down\s", c, _I) or len(pairs) > 1):
            return False  # "Ann's on the cake", "put Zofia on Friday": read by the others
        live = self._live()
        found = [(m["who"], self._match(m["what"], live, strict=True, by_value=False))
                 for m in pairs if m is not None]
        if any(task is None or self._match(who, live, strict=True, by_value=False)
               for who, task in found):
            return False  # a thing no task names, or a "person" that is a task
        ops: list[Operation] = []
        for who, task in found:
            assert task is not None
            value = _joined_to(task.value, who)
            ops.append(ReviseTask(key=task.key, value=value))
            self._pending(task, value=value)
        self._emit(Intent.UPDATE, raw, ops, about=[op.key for op in ops])
        return True

    def _person_off(self, c: str, raw: str, slot: str | None) -> bool:
        """'take Grace off ski school', 'knock Dev off the rota': a person taken off the one
        task that lists them; when no task by that name lists them, nothing is written (never
        a task titled by the request)."""
        m = _PERSON_OFF.match(c.rstrip(".! "))
        if m is None or slot is not None:
            return False
        who = m["who"]
        if who.lower() in ("him", "her", "them"):
            who = self._said_name() or who
        task = self._match(m["what"], self._live(), strict=True, by_value=False)
        left = _without_item(task, who) if task is not None else None
        if task is None or left is None:
            self._unparsed(raw, c, reason=f"no task {clean_phrase(m['what'])!r} that lists "
                                          f"{who}")
            return True
        self._update(task, left, raw)
        return True

    def _day_gloss(self, c: str, raw: str, slot: str | None) -> bool:
        """'make it the 28th, that's the Saturday': the weekday of the date just said, a note."""
        if not _DAY_GLOSS.match(c) or not any(k == ValueKind.DATE for s in self.said[-1:]
                                               for k, _ in typed_phrases(s)):
            return False
        self._emit(Intent.NOTE, raw, about=self.subtasks[-1].about if self.subtasks else [])
        return True

    def _bare_value(self, c: str, raw: str, slot: str | None) -> bool:
        """'Actually 6:40', 'it starts on the 9th now': only a value, for the task the talk is
        about that holds its kind.
        Not what a person is doing then ("I'm away on the 9th"): that says where they will be."""
        if _PERSON_IS.match(c):
            return False
        bare = re.sub(r"\b(?:instead|then|now|actually|please|maybe|rather|it is|it's|works|"
                      r"is better|is fine|it (?:starts|begins|ends|finishes|kicks off)"
                      r"(?:\s+(?:on|at|from))?)\b", " ", c, flags=_I)
        typed = typed_phrases(bare)
        if (not typed or not _only_value(bare) or any(k == ValueKind.NAME for k, _ in typed)
                or read_frame(bare).verb is not None):
            return False
        if (added := self._just_added()) is not None:
            # "add the late talk, that's at 2:30": the one just added, its value 2:30
            self._update(added, ", ".join(p for _, p in typed), raw)
            return True
        return self._set_typed(None, typed, raw)

    def _instead_of(self, c: str, raw: str, slot: str | None) -> bool:
        """'Sam wants the banner green instead of red': the word before 'instead of' takes
        the place of the one after, in the tasks that mention it."""
        m = re.search(r"(?P<new>(?:(?-i:[A-Z])[\w'-]*\s+)*[\w-]+)\s+instead\s+of\s+"
                      r"(?P<old>[\w' -]+)$", c, _I)
        if not m or m["new"].lower() in STOP:
            return False
        old = clean_phrase(m["old"])
        holders = [t for t in self._live() if mentions(f"{t.title} {t.value or ''}", old)]
        if not holders:
            return False
        return self._swap(old, m["new"], raw, Intent.REPLACE, within=_holder(slot, holders))

    def _set_typed(self, target: Task | None, typed: list[tuple[ValueKind, str]],
                   raw: str) -> bool:
        """Put each kind of value in ``typed`` in place of the same kind in ``target`` (or, for
        'it', in the latest task talked about that holds that kind)."""
        text = raw
        changes: dict[str, str] = {}
        titles: dict[str, tuple[str, str]] = {}
        retitled: dict[str, str] = {}
        shared: Task | None = None
        for kind in dict.fromkeys(k for k, _ in typed):
            said = next(p for k, p in typed if k == kind)
            span = _span(text, kind)
            # The run of the turn that holds the value said, not an earlier number of the turn.
            new = span if span is not None and said in span else said
            # 'it' is one task: the one holding the first date, time or price said takes the
            # others too; a name said beside them may be another task's
            task = target or (shared if shared is not None and kind != ValueKind.NAME else
                              self._kind_holder(kind, new))
            if shared is None and kind != ValueKind.NAME:
                shared = task
            if task is not None and not task.value and (
                    target is None or _retyped(task.title, kind, new) is not None):
                # "make it the 9th" for 'Recital on fri 2 june': the title holds the value
                retitled[task.key] = _retyped(task.title, kind, new) or task.title
                continue
            if kind == ValueKind.COUNT and target is None and not self._counts_alike(task, new) \
                    and (named := self._count_in_title(new)) is not None:
                # "make it 8 tetras": the title that counts tetras, not another count
                title = _recount(named.title, new) or named.title
                titles[named.key] = (title, _counted(title, new.split()[0]) or new)
                continue
            if task is None:
                continue
            current = changes.get(task.key, task.value or "")
            changes[task.key] = _retyped(current, kind, new) or current
        ops: list[Operation] = []
        for key, (title, count) in titles.items():  # "make it 8 tetras": a title's count
            if key not in changes and title != self.tasks[key].title:
                # The count becomes the value too, so what depends on the task sees a change.
                ops.append(ReviseTask(key=key, title=title, value=count))
                self._pending(self.tasks[key], title=title, value=count)
        for key, value in changes.items():
            task = self.tasks[key]
            if not _same(task.value or "", value):
                ops.append(ReviseTask(key=key, value=value))
                self._pending(task, value=value)
        for key, title in retitled.items():
            if title != self.tasks[key].title:
                seen = self._seen_value(key, title, typed)
                ops.append(ReviseTask(key=key, title=title, value=seen))
                self._pending(self.tasks[key], title=title, value=seen)
        if not ops:
            return False
        self._emit(Intent.UPDATE, raw, ops, about=[*changes, *titles, *retitled])
        return True

    def _seen_value(self, key: str, title: str,
                    typed: Sequence[tuple[ValueKind, str]]) -> str | None:
        """The value a task whose title holds a value takes when that value changes: the new
        phrase, when tasks depend on it, so they see the change; else none."""
        if not any(key in t.depends_on for t in self._live()):
            return None
        kind = next((k for k, _ in typed_phrases(title, sentence=False)
                     if any(k == kind for kind, _ in typed) and k != ValueKind.NAME), None)
        return _kind_runs(title, kind)[0] if kind is not None else None

    def _kind_holder(self, kind: ValueKind, new: str) -> Task | None:
        """The task a bare value of ``kind`` is for: the one holding the value of that kind an
        earlier clause of the turn named ('the 6:05 is cancelled, get us on the 7:20'), else
        the latest talked about holding that kind, in its value or, with none, its title."""
        if kind != ValueKind.NAME and (named := self._named_holder(kind)) is not None:
            return named
        for t in self._recent():
            if retype(t.value or "", kind, new) is not None:
                return t
            if kind in _TITLE_KINDS and not t.value and t.parents and sum(
                    k == kind for k, _ in typed_phrases(t.title, sentence=False)) == 1:
                return t
        return None

    def _just_added(self) -> Task | None:
        """The task the clause before added, when it has no value yet."""
        last = self.subtasks[-1] if self.subtasks else None
        added = [op.key for op in (last.operations if last else []) if isinstance(op, AddTask)]
        task = self.tasks.get(added[-1]) if last and last.intent == Intent.NEW and added else None
        return task if task is not None and not task.value else None

    def _named_holder(self, kind: ValueKind) -> Task | None:
        """The one live task holding a value of ``kind`` that an earlier clause of the turn
        said, latest clause first."""
        for said in reversed(self.said):
            for k, phrase in typed_phrases(said, sentence=False):
                if k != kind:
                    continue
                day = _said_day(phrase)
                texts = {t.key: f"{t.title} {t.value or ''}" for t in self._live()}
                holders = [self.tasks[k] for k, text in texts.items()
                           if (day.search(text) if day else mentions(text, phrase))]
                if len(holders) == 1:
                    return holders[0]
        return None

    def _recount_task(self, task: Task, said: str, raw: str) -> bool:
        """The count in ``task``'s title set to the one ``said`` ('90 chairs'), in its value
        too, so what depends on the task sees the change."""
        new = clean_phrase(said)
        title = _recount(task.title, new)
        if title is None or title == task.title:
            return False
        value = _counted(title, new.split()[0]) or new
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title, value=value)],
                   about=[task.key])
        self._pending(task, title=title, value=value)
        return True

    def _holds(self, value: str) -> bool:
        """Whether a task's title or value says ``value``, now or before."""
        return any(mentions(f"{t.title} {t.value or ''}", value) or self._had_value(t.key, value)
                   for t in self.tasks.values())

    @staticmethod
    def _counts_alike(task: Task | None, new: str) -> bool:
        """Whether ``task``'s value counts what ``new`` counts: the same unit, or no unit
        said."""
        unit = new.rsplit(maxsplit=1)[-1] if len(new.split()) > 1 else ""
        return task is not None and (not unit or mentions(task.value or "", unit))

    def _recounted(self, new: str, raw: str) -> bool:
        """The task whose title counts what ``new`` counts takes its number, in its title and
        as its value (so that what depends on it sees a change)."""
        task = self._count_in_title(new)
        title = _recount(task.title, new) if task is not None else None
        if task is None or title is None or title == task.title:
            return False
        count = _counted(title, new.split(maxsplit=1)[0]) or new
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title, value=count)],
                   about=[task.key])
        self._pending(task, title=title, value=count)
        return True

    def _count_in_title(self, new: str) -> Task | None:
        """The task talked about whose title counts what ``new`` counts ('10 neon tetras' for
        '8 tetras'): the unit must be said, so a bare number never lands in a title."""
        unit = new.rsplit(maxsplit=1)[-1] if len(new.split()) > 1 else ""
        if not unit or not stems(unit):
            return None
        for task in self._recent():
            if (not task.value or _only_value(task.value)) and _recount(task.title, new):
                return task
        return None

    def _item(self, item: str, parent: Task) -> list[Operation]:
        """An item of a list under ``parent``: a task, its quantity as its value ('2 tons of
        gravel' -> 'gravel', '2 tons'); one already in memory is linked or brought back. A fact
        stated ('the launch is on May 3') is an attribute of ``parent``: its name, its value."""
        if (fact := _stated_fact(item) or _priced_per(item)) is not None:
            return [self._attribute(parent, *fact)]
        existing = self._match(item, list(self.tasks.values()), strict=True)
        if existing is None and not _QUANTITY_OF.match(item) and (
                named := _noun_value(item)) is not None:
            return [self._attribute(parent, *named)]  # "doors 7pm": a thing and its value
        if existing is not None and _listed_beside(existing, item, parent):
            existing = None  # "paint the door, paint the fence": two items of one list
        if existing is not None and existing.key != parent.key:
            ops: list[Operation] = []
            if existing.status == TaskStatus.CANCELLED:
                ops.append(self._set_status(existing, TaskStatus.ACTIVE))
            if parent.key not in existing.parents:
                ops.append(LinkParent(key=existing.key, parent=parent.key))
                self._pending(existing, parents=[*existing.parents, parent.key])
            return ops
        value = None
        if m := _QUANTITY_OF.match(item):
            item, value = m["noun"], m["n"]
        elif (m := re.fullmatch(r"(?P<item>[^()]+?)\s*\((?P<detail>[^()]+)\)", item)) and (
                typed_phrases(m["detail"], sentence=False)):
            item, value = m["item"], m["detail"]  # "the tank ($140 at a shop)": its details
        return [self._add(item, value=value, parents=[parent.key])]

    def _attribute(self, parent: Task, name: str, value: str) -> AddTask:
        """A fact of ``parent`` ('launch', 'May 3') as a task of its own, keyed under it."""
        return self._add(name[:1].upper() + name[1:], value=value, parents=[parent.key],
                         key=f"{parent.key}.{slug(name)}")

    def _said_name(self) -> str | None:
        """The latest name an earlier clause of this turn said that a live value holds."""
        for said in reversed(self.said):
            for kind, said_as in reversed(typed_phrases(said, sentence=False)):
                name = said_as.removesuffix("'s")  # "Rosa's dropped out": Rosa
                if kind == ValueKind.NAME and any(mentions(t.value or "", name)
                                                  for t in self._live()):
                    return name
        return None

    def _recent(self) -> list[Task]:
        """Live tasks, the ones this turn spoke of last first, then the latest changed."""
        said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks]
        rest = sorted((t for t in self._live() if t.key not in self.mentioned),
                      key=lambda t: (t.updated_at is None, -(t.updated_at.timestamp()
                                                            if t.updated_at else 0), t.key))
        seen: set[str] = set()
        out: list[Task] = []
        for task in [*said, *rest]:
            if task.key not in seen and task.status != TaskStatus.CANCELLED:
                seen.add(task.key)
                out.append(task)
        return out

    # -- helpers -----------------------------------------------------------------------------

    def _emit(
        self,
        intent: Intent,
        raw: str,
        ops: Iterable[Operation] = (),
        *,
        about: Iterable[str] = (),
        conflicts: Iterable[Conflict] = (),
        track: bool = True,
        reason: str | None = None,
    ) -> None:
        ops = list(ops)
        if intent == Intent.NEW and not (ops := self._details_joined(ops, raw)):
            return  # each was a detail of a task written before in the turn
        if ops and intent not in READ_ONLY and (remark(raw) or withdrawn(self.text, raw) or (
                THANKS_FIRST.match(raw)) or (
                small_talk(self.text) and not _imperative(strip_fillers(raw)))):
            self._emit(Intent.NOTE, raw, about=about, track=False)  # "hope it stays dry"
            return
        if ops and intent not in READ_ONLY and (unread := self._refers_to_unread(raw)):
            self._unparsed(raw, raw, reason=unread)
            return
        refused = self._refused(ops) if intent not in READ_ONLY else []
        if refused:  # what the gate refuses is not understood, and said so; the rest stands
            ops = [op for op in ops if all(op is not r for r, _, _ in refused)]
            if not ops:
                self._unparsed(raw, raw, reason=refused[0][2])
                return
        self.subtasks.append(Subtask(text=raw.strip(), intent=intent, operations=ops,
                                     about=list(dict.fromkeys(about)),
                                     conflicts=list(conflicts), reason=reason))
        # What "it" may mean next: what a change spoke of; for a note, its closest task.
        named = list(about) if intent not in READ_ONLY else self._closest(raw)[:1]
        self.mentioned += [k for k in named if k in self.tasks]
        for key in about if track else ():  # what a turn speaks of is what "it" means next
            task = self.tasks.get(key)
            if task is not None:
                root = task.key if not task.parents else task.parents[0]
                self.focus = [root, *[f for f in self.focus if f != root]]
                break
        for _, text, why in refused[:1]:
            self._emit(Intent.UNPARSED, text, track=False, reason=why)

    def _placed(self) -> list[Subtask]:
        """The turn's subtasks, less the changes whose clause names a value (a time, a price, a
        name) that nothing the turn writes and nothing memory held carries: such a clause was
        read in part, and the part written alone would lose the rest (see ``gate``). The plan
        that opens an empty memory is kept (it holds its whole sentence, and without it nothing
        after can be placed); tasks under or after a task refused go with it."""
        written = [text for sub in self.subtasks for op in sub.operations
                   if isinstance(op, AddTask | ReviseTask) for text in (op.key, op.title, op.value)
                   if text]
        known = Held([*written, *self.held, *self.disowned, *self.spent])
        placed: list[Subtask] = []
        dropped: set[str] = set()
        for sub in self.subtasks:
            linked = [op for op in sub.operations if dropped & _links(op)]
            why = self._unplaced(sub, known)
            if why is None and not linked:
                placed.append(sub)
                continue
            dropped |= {op.key for op in sub.operations if isinstance(op, AddTask)}
            kept = [] if why else [op for op in sub.operations if op not in linked]
            if kept:
                placed.append(sub.model_copy(update={"operations": kept}))
            placed.append(Subtask(text=sub.text, intent=Intent.UNPARSED,
                                  reason=why or "no task it can belong to",
                                  about=self._closest(sub.text)))
        return placed

    def _unplaced(self, sub: Subtask, known: Held) -> str | None:
        """Why ``sub`` may not write although its reading made operations, or None: a value
        its clause names that nothing written or held carries, or a word alone ("Rain.") that
        asks for nothing. Questions, statuses and the plan that opens an empty memory pass."""
        writes = [op for op in sub.operations if isinstance(op, AddTask | ReviseTask)]
        opens = not self.held and any(isinstance(op, AddTask) and not op.parents for op in writes)
        if sub.intent in READ_ONLY or not writes or opens:
            return None
        if missing := unaccounted(sub.text, known):
            return f"more in it than I could place ({', '.join(map(repr, missing))})"
        word = sub.text.strip(" .,;:!?").lower()
        if any(isinstance(op, AddTask) and op.title.lower() == word for op in writes) and (
                re.fullmatch(r"[a-z][\w'-]*", word)):  # not "and X", not a number told; a
            return "no request in a word alone"  # word under a label is that label's value
        return None

    def _refused(self, ops: list[Operation]) -> list[tuple[Operation, str, str]]:
        """The operations the reader will not write (see ``gate``), each with the text at fault
        and why: a text it made that is no title or value, or a task under or after one
        refused before."""
        refused: list[tuple[Operation, str, str]] = []
        removed = {t.key for t in self._removed_now()}
        for op in ops:
            if isinstance(op, ReviseTask | RollbackTask) and op.key in removed:
                # a value for what this turn removed: the clause speaks of something else
                said = op.value if isinstance(op, ReviseTask) else None
                refused.append((op, said or "", "a change to a task removed in the same message"))
                continue
            if isinstance(op, AddDependency) and self._reaches(  # what it waits for waits on it
                    [op.depends_on], op.key, lambda t: t.depends_on):
                refused.append((op, op.key, "an order that would go round in a circle"))
                continue
            if isinstance(op, AddTask) and (held := self._held_already(op)) is not None:
                refused.append((op, op.title, f"a task for it already ({held.title!r})"))
                self.refused.add(op.key)
                continue
            made = [op.title, op.value] if isinstance(op, AddTask | ReviseTask) else []
            for text in filter(None, made):
                if why := unwritable(text):
                    refused.append((op, text, why))
                    break
                if isinstance(op, AddTask) and text == op.title and garbled(text, self.text):
                    refused.append((op, text, "no title in words taken apart from their "
                                              "sentence"))
                    break
                if isinstance(op, AddTask) and text == op.title and stated(text):
                    refused.append((op, text, "a statement in it, not a task"))
                    break
                if isinstance(op, AddTask) and text == op.title and nameless(text):
                    refused.append((op, text, "no thing named in it"))
                    break
                if isinstance(op, AddTask) and text == op.title and labelled_list(text):
                    refused.append((op, text, "a list of things, not one task"))
                    break
                if isinstance(op, AddTask) and text == op.title and (change := asks_change(text)):
                    refused.append((op, text, f"a {change} of a task I could not find"))
                    break
            else:
                if not self.refused & _links(op):
                    continue
                refused.append((op, str(getattr(op, "title", "") or ""),
                                "no task it can belong to"))
            if isinstance(op, AddTask):  # and what hangs from it, or changes it, goes with it
                self.refused.add(op.key)
        return refused

    def _held_already(self, op: AddTask) -> Task | None:
        """The task memory held before this turn that ``op`` would add again, if any: the same
        request of the same thing ('book the ferry' where 'Book 12 ferry seats' is), under no
        plan or the same one: the same first verb, and every word of the new title in the
        old."""
        words = stems(op.title)
        first = op.title.split(maxsplit=1)[0].lower() if words else ""
        if not words or not is_verb(first) or op.value:  # with a value, it says more
            return None
        held = [self.tasks.get(key, task) for key, task in self.before.items()]  # as now titled
        return next((t for t in held if t.status != TaskStatus.CANCELLED and (
            set(op.parents) in (set(), set(t.parents))) and (
            t.title.split(maxsplit=1)[0].lower() == first) and set(words) <= set(stems(
                t.title))), None)

    def _update(self, task: Task, value: str, raw: str) -> None:
        if _same(task.value or "", value):
            self._emit(Intent.NOTE, raw, about=[task.key])
            return
        typed = typed_phrases(value, sentence=False)
        if task.value and len(typed) == 1 and typed[0][0] == ValueKind.PRICE and _only_value(
                value) and value_kind(task.value) == ValueKind.NAME and retype(
                task.value, ValueKind.PRICE, value) is None:
            value = f"{task.value}, {value}"  # "get Ana instead, she's $90": who, and the price
        # The title's first word is capitalised as a sentence's is: no name.
        lowered = task.title[:1].lower() + task.title[1:]
        runs = [(k, run) for k in dict.fromkeys(k for k, _ in typed)
                for run in _kind_runs(value, k)]  # 'sat the 10th' is one date, not two
        if not task.value and len(runs) == 1 and _only_value(value) and len(
                _kind_runs(lowered, runs[0][0])) == 1 and (
                title := retype(lowered, *runs[0])) and title != lowered:
            # "$25" for "Order shirts at $22 each", "Ann" for "Speech by Bo": what the title
            # holds
            title = title[:1].upper() + title[1:] if task.title[:1].isupper() else title
            seen = self._seen_value(task.key, title, runs)
            self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, title=title, value=seen)],
                       about=[task.key])
            self._pending(task, title=title, value=seen)
            return
        self._emit(Intent.UPDATE, raw, [ReviseTask(key=task.key, value=value)], about=[task.key])
        self._pending(task, value=value)

    def _typed_updates(self, root: Task, text: str, *,
                       within: Task | None = None) -> list[Operation]:
        """Revise the root's slots whose kind (time, date, name) matches a value in ``text``;
        only ``within``'s own when the turn named that item."""
        ops: list[Operation] = []
        children = [t for t in self._live() if root.key in t.parents]
        if within is not None:
            children = [within]
        elif root.value and not root.parents:
            children.append(root)  # the plan's own value may hold the time or date
        order = {t.key: i for i, t in enumerate(self._recent())}
        children.sort(key=lambda t: order.get(t.key, len(order)))
        done_kinds: set[ValueKind] = set()
        for found in value_phrases(text):
            kind = value_kind(found)
            if kind == ValueKind.OTHER or kind in done_kinds:
                continue
            done_kinds.add(kind)
            phrase = _span(text, kind) or found if kind != ValueKind.NAME else found
            slot = next((t for t in children if t.value and value_kind(t.value) == kind
                         and not re.search(r"\.part-\d+$", t.key)), None)
            slot = slot or next((t for t in children if retype(t.value or "", kind, phrase)
                                 and not re.search(r"\.part-\d+$", t.key)), None)
            if slot is None:
                if kind == ValueKind.NAME:
                    continue  # a bare name is no slot of its own
                add = self._add(kind.value.capitalize(), value=phrase, parents=[root.key],
                                key=f"{root.key}.{kind.value}")
                ops.append(add)
            elif not _same(slot.value or "", phrase):
                value = retype(slot.value or "", kind, phrase) or phrase
                ops.append(ReviseTask(key=slot.key, value=value))
                self._pending(slot, value=value)
        return ops

    def _conflicts(self, text: str, exclude: str) -> list[Conflict]:
        """Values a request names that memory holds otherwise. Hard evidence first (a value
        that was replaced); unknown names are then tied to unmatched slots of the same kind."""
        live = [t for t in self._live() if t.key != exclude and t.value]
        conflicts: list[Conflict] = []
        unknown: list[str] = []
        matched: set[str] = set()
        for phrase in value_phrases(text):
            current = next((t for t in live if mentions(t.value or "", phrase)), None)
            if current is not None:
                matched.add(current.key)
                continue
            old = next((t for t in live if self._had_value(t.key, phrase)), None)
            if old is not None:
                matched.add(old.key)
                conflicts.append(Conflict(key=old.key, said=phrase, current=old.value,
                                          note="an earlier value, since replaced"))
            else:
                unknown.append(phrase)
        if not conflicts:
            return []
        for phrase in unknown:
            kind = value_kind(phrase)
            slot = next((t for t in live if t.key not in matched
                         and value_kind(t.value or "") == kind), None)
            if slot is not None:
                matched.add(slot.key)
                conflicts.append(Conflict(key=slot.key, said=phrase, current=slot.value,
                                          note="never recorded"))
        return conflicts

    def _add(
        self, title: str, *, value: str | None = None, parents: list[str] | None = None,
        key: str | None = None,
    ) -> AddTask:
        key = self._free_key(key or slug(title))
        # Text from a turn can be longer than a task holds; the turn record keeps it whole.
        title = title.strip()[:MAX_TITLE] or key
        value = value.strip()[:MAX_VALUE] if value is not None else None
        op = AddTask(key=key, title=title, value=value, parents=parents or [])
        self.tasks[key] = Task(key=key, id="", title=op.title, value=value,
                               parents=list(op.parents))
        return op

    def _set_statuses(
        self, targets: list[Task], status: TaskStatus, intent: Intent, raw: str
    ) -> bool:
        """Cancel, restore or complete the tasks a clause named; False when it named none."""
        if not targets:
            return False
        done_now = {op.key for sub in self.subtasks for op in sub.operations
                    if isinstance(op, (CancelTask, CompleteTask, RestoreTask))}
        if all(t.key in done_now and t.status == status for t in targets):
            # "I sold the bike, mark it done": the clause before did it already
            self._emit(Intent.NOTE, raw, about=[t.key for t in targets])
            return True
        ops = [self._set_status(t, status) for t in targets]
        self._emit(intent, raw, ops, about=[t.key for t in targets])
        return True

    def _set_status(self, task: Task, status: TaskStatus) -> Operation:
        self._pending(task, status=status)
        if status == TaskStatus.CANCELLED:
            return CancelTask(key=task.key)
        if status == TaskStatus.DONE:
            return CompleteTask(key=task.key)
        return RestoreTask(key=task.key)

    def _details_joined(self, ops: list[Operation], raw: str) -> list[Operation]:
        """'Van: Hire Co, £90, delivered by 6pm', 'Jo's driving, she wants £20': a new item
        that names no thing, only a value ('£90') or a value with how it comes ('delivered
        by 6pm'), is a detail of the item named just before it, in the same list or by the
        last change of the turn: joined to its value. The other operations, as they were."""
        out: list[Operation] = []
        for op in ops:
            if not (isinstance(op, AddTask) and op.value is None and _detail_only(op.title)) or (
                    any(op.key in _links(other) for other in ops if other is not op)):
                out.append(op)
                continue
            before = out[-1] if out and isinstance(out[-1], AddTask) else None
            last = self._last_written() if not out else None
            if before is None and last is None:
                out.append(op)
                continue
            del self.tasks[op.key]
            detail = op.title[:1].lower() + op.title[1:] if _past_participle(op.title) else (
                op.title)
            if before is not None:
                joined = _joined_to(before.value, detail)
                out[-1] = before.model_copy(update={"value": joined})
                self._pending(self.tasks[before.key], value=joined)
            elif last is not None:
                self._update(last, _joined_to(last.value, detail), raw)
        return out

    def _detail_of_last(self, c: str, raw: str, slot: str | None) -> bool:
        """'..., Shade Co, £60, delivered by 8am', 'Jo, she'll do it for £40': a clause of a
        past participle and a value alone, or of what the one just named asks, after a change
        of one task in the turn, says how that task's thing comes or what it costs."""
        said_raw = strip_fillers(raw).strip(" .!?")
        if (when := _WHEN_OF_IT.match(said_raw)) and _only_when(when["when"]) and (
                last := self._last_written()) is not None and slot in (None, last.key):
            self._update(last, _joined_to(last.value, when["when"]), raw)
            return True  # "add X, she's dropping it round Friday": when X comes
        if (comes := _COMES_WITH.match(said_raw)) and (
                last := self._last_written()) is not None and slot in (None, last.key):
            self._update(last, _joined_to(last.value, comes["what"]), raw)
            return True  # "..., and we get 20 prints": what it includes
        priced = _PRICE_ASKED.match(said_raw)
        if not ((priced and _only_value(priced["value"])) or (
                _past_participle(c) and _detail_only(c))) or (
                last := self._last_written()) is None or slot not in (None, last.key):
            return False
        said = priced["value"] if priced else c[:1].lower() + c[1:]
        self._update(last, _joined_to(last.value, said), raw)
        return True

    def _last_written(self) -> Task | None:
        """The task the turn's last change wrote, when it wrote one task."""
        written = next((s.operations for s in reversed(self.subtasks) if s.operations), [])
        if len(written) != 1 or not isinstance(written[0], AddTask | ReviseTask):
            return None
        return self._active(written[0].key)

    def _pending(self, task: Task, **changes: object) -> None:
        self.tasks[task.key] = task.model_copy(update=changes)

    def _free_key(self, key: str) -> str:
        key = key.strip(".-") or "task"
        if key not in self.tasks:
            return key
        n = 2
        while f"{key}-{n}" in self.tasks:
            n += 1
        return f"{key}-{n}"

    def _live(self) -> list[Task]:
        return [t for t in self.tasks.values() if t.status != TaskStatus.CANCELLED]

    def _active(self, key: str | None) -> Task | None:
        task = self.tasks.get(key or "")
        return task if task is not None and task.status != TaskStatus.CANCELLED else None

    def _had_value(self, key: str, value: str) -> bool:
        return self._past_value(key, value) is not None

    def _past_value(self, key: str, value: str) -> str | None:
        """The earlier value of ``key`` that ``value`` names: equal, else the latest that
        contains it ('June 21' names 'Saturday, June 21')."""
        past = self.past.get(key, [])
        exact = next((v for v in past if _same(v, value)), None)
        if exact is not None:
            return exact
        if day := re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)", value.strip(), _I):
            # "the 14th" names the date it was a day of ("December 14")
            dated = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?\s+{day[1]}(?:st|nd|rd|th)?\b|"
                               rf"\b{day[1]}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})", _I)
            return next((v for v in reversed(past) if dated.search(v)), None)
        return next((v for v in reversed(past) if mentions(v, value)), None)

    def _root_for(self, what: str | None) -> Task | None:
        """The root a clause is about: the one it names, else the one the talk is about."""
        roots = [t for t in self._live() if not t.parents]
        if (what and what.lower() not in ("it", "this", "that", "them")
                and (found := self._match(what, roots))):
            return found
        for key in self.focus:
            if (task := self._active(key)) is not None:
                return task
        return roots[-1] if roots else None

    def _scope(self, container: str | None) -> list[Task]:
        if container:
            root = self._match(container, [t for t in self._live() if not t.parents])
            if root is not None:
                return [t for t in self.tasks.values() if root.key in t.parents]
        return list(self.tasks.values())

    def _items(self, text: str, candidates: list[Task], slot: str | None) -> list[Task]:
        """The tasks a list of phrases names, each matched at most once."""
        text = re.sub(r"^(that|this|the last)\s+one$", r"\1", clean_phrase(text), flags=_I)
        if clean_phrase(text).lower() in (*_PRONOUNS, "everything", "the last"):
            said = [self.tasks[k] for k in reversed(self.mentioned) if k in self.tasks
                    and self.tasks[k] in candidates]
            if said and clean_phrase(text).lower() != "everything":
                return said[:1]  # what this turn spoke of last
            if self._said_unknown_object() or (
                    self.subtasks and self.subtasks[-1].intent in READ_ONLY):
                # "I sold the kayak, tick it off": 'it' is the kayak, not in memory; after a
                # clause that named no task (a remark, or one not understood), what 'it'
                # stands for is not known either
                return []
            task = self._active(slot) if slot else self._root_for(None)
            return [task] if task is not None and task in candidates else []
        found: list[Task] = []
        for item in _expand(split_list(text)):
            task = self._match(item, [c for c in candidates if c not in found])
            if task is not None:
                found.append(task)
        return found

    def _said_unknown_object(self) -> bool:
        """Whether an earlier clause of this turn named a thing ('the kayak') that no task
        holds: a pronoun after it stands for that thing."""
        for clause in self.said:
            told = _REPORT.match(clause)
            if told and is_verb(told["verb"]) and stems(told["obj"]) and not (
                    self._match(told["obj"], list(self.tasks.values()))):
                return True
        return False

    def _match(self, phrase: str | None, candidates: list[Task], *, strict: bool = False,
               by_value: bool = True) -> Task | None:
        """The candidate whose key, title and value share the most words with ``phrase``.
        At least half the phrase's words must match (all of them when ``strict``)."""
        words = set(stems(phrase or ""))
        if not words:
            return _by_noun_particle(phrase or "", candidates)
        best, best_score = None, (0.0, 0.0)
        counted = _numbered(phrase or "")
        for task in candidates:
            if any(counted.get(w, n) != n for w, n in _numbered(task.title).items()):
                continue  # "round two" is not 'Round one', nor "court 4" 'Court 2'
            name = set(stems(f"{task.key.replace('-', ' ').replace('.', ' ')} {task.title}"))
            own = name | (set(stems(task.value or "")) if by_value else set())
            shared = len(words & own)
            # Ties go to the task whose own name the phrase covers most ('the bean supplier':
            # 'Beans' before 'Cafe called Bean There'); an attribute's own name leaves out the
            # task it belongs to ('brisket.from' is named 'from', not 'brisket').
            name = set(stems(f"{task.key.rsplit('.', 1)[-1].replace('-', ' ')} {task.title}"))
            score = (shared / len(words), len(words & name) / len(name) if name else 0.0)
            if score > best_score:
                best, best_score = task, score
        needed = 1.0 if strict else 0.5
        return best if best_score[0] >= needed else None

    def _about(self, c: str, slot: str | None) -> list[str]:
        keys = [slot] if slot and slot in self.tasks else []
        words = set(stems(c))
        for task in self.tasks.values():
            own = set(stems(f"{task.key.replace('-', ' ')} {task.title}"))
            if words & own:
                keys.append(task.key)
        return list(dict.fromkeys(keys))


# -- phrase helpers ---------------------------------------------------------------------------


#: A word and the number that tells one of its kind from the others: "round two", "week 3".
_NUMBERED = re.compile(r"\b(?P<w>[a-z]+)\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten|eleven|twelve)\b", _I)


_AS_DIGITS = {w: str(n) for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"))}


def _numbered(text: str) -> dict[str, str]:
    """The words of ``text`` numbered after them ('round two' -> {'round': '2'})."""
    return {m["w"].lower(): _AS_DIGITS.get(m["n"].lower(), m["n"])
            for m in _NUMBERED.finditer(text) if m["w"].lower() not in STOP}


def _by_noun_particle(phrase: str, candidates: list[Task]) -> Task | None:
    """'the back's done': a word that is a particle elsewhere ('back', 'top', 'front') and a
    noun here names the one candidate whose title has it after a determiner ('Knit the
    back')."""
    word = re.sub(rf"^{_DETERMINER}\s+", "", phrase.strip().lower())
    if not re.fullmatch(r"[a-z]+", word):
        return None
    found = [t for t in candidates if re.search(rf"\b{_DETERMINER}\s+{word}\b", t.title, _I)]
    return found[0] if len(found) == 1 else None


def _shifted(value: str, days: int) -> str | None:
    """'June 10' moved by ``days``, written as it was written ('June 17', '17 June'); None
    when ``value`` is no month and day alone."""
    m = re.fullmatch(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|"
                     r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[A-Za-z]+)",
                     value.strip())
    if m is None:
        return None
    month_name = (m["month"] or m["month2"]).lower()
    months = [datetime.date(2024, n, 1).strftime("%B").lower() for n in range(1, 13)]
    number = next((i + 1 for i, name in enumerate(months) if name.startswith(month_name[:3])
                   and name.startswith(month_name)), None)
    if number is None:
        return None
    try:  # a leap year, so that February 29 counts
        day = datetime.date(2024, number, int(m["day"] or m["day2"]))
    except ValueError:
        return None
    moved = day + datetime.timedelta(days=days)
    name = moved.strftime("%B")
    if month_name != months[number - 1]:  # "Dec 1": the short name again
        name = moved.strftime("%b")
    return f"{name} {moved.day}" if m["month"] else f"{moved.day} {name}"


def _dates_shifted(value: str, days: int) -> str | None:
    """``value`` with each of its dates moved by ``days`` ('from June 4 to June 8' -> 'from
    June 5 to June 9'); None when it holds none, or one that cannot be counted from ('Friday')."""
    dates = [phrase for kind, phrase in typed_phrases(value, sentence=False)
             if kind == ValueKind.DATE]
    moved = [_shifted(d, days) for d in dates]
    if not dates or None in moved:
        return None
    at, out = 0, []
    for old, new in zip(dates, moved, strict=True):
        start = value.index(old, at)
        out += [value[at:start], new or ""]
        at = start + len(old)
    return "".join(out) + value[at:]


def _is_attribute(task: Task, kind: str) -> bool:
    """Whether ``task`` holds an attribute of ``kind``: by its key ('trip.date'), its title
    ('Start time'), or, for a date or time, the kind of its value."""
    slot = task.key.rsplit(".", 1)[-1].split("-")[0] if "." in task.key else ""
    return slot == kind or attribute_of(task.title) == kind or (
        kind in (ValueKind.DATE, ValueKind.TIME) and value_kind(task.value or "") == kind)


def _set_back(task: Task, wanted: str) -> ReviseTask:
    """``task`` set back to ``wanted``: in its title when the title holds the value ('Pay by
    May 2') and the task has none, else as its value."""
    typed = typed_phrases(wanted, sentence=False)
    title = retype(task.title, *typed[0]) if typed and not task.value else None
    if title and title != task.title:
        return ReviseTask(key=task.key, title=title, reason="set back by request")
    bare = len(typed) == 1 and _only_value(wanted) and (
        typed[0][0] in (ValueKind.DATE, ValueKind.TIME, ValueKind.PRICE)
        or re.fullmatch(r"\d[\d,.]*", typed[0][1]) is not None)  # a count with no unit of its own
    value = retype(task.value or "", *typed[0]) if task.value and bare else None
    if value is not None and value != task.value:
        # "cups back to 40" where the value is "60 paper cups": the count in it, and in the
        # title when the title says the same count
        held = [p for k, p in typed_phrases(task.value or "", sentence=False) if k == typed[0][0]]
        said = [p for k, p in typed_phrases(task.title, sentence=False) if k == typed[0][0]]
        title = retype(task.title, *typed[0]) if held[:1] == said[:1] else None
        return ReviseTask(key=task.key, title=title, value=value, reason="set back by request")
    return ReviseTask(key=task.key, value=wanted, reason="set back by request")


def _priced_detail(phrase: str) -> bool:
    """'tickets a pound each', 'entry $2 a head': no request, a price of a part of the thing
    just named."""
    return not _imperative(phrase) and (re.search(
        r"\b(?:each|apiece|a head|per\s+\w+)$", phrase, _I) is not None or any(
        k == ValueKind.PRICE for k, _ in typed_phrases(phrase, sentence=False)))


#: What may stand between two phrases of one value: 'Mondays and Thursdays', 'sat the 10th'.
_RUN_GAP = re.compile(r"\s+(?:the\s+)?|\s*,?\s*(?:and|or|&|-|to|through|until|till)\s+", _I)


def _kind_runs(text: str, kind: ValueKind) -> list[str]:
    """The values of ``kind`` in ``text``, phrases next to each other ('saturday the 10th of
    may') as one, as ``retype`` takes them."""
    runs: list[tuple[int, int]] = []
    at, joined = 0, False
    for k, phrase in typed_phrases(text, sentence=False):
        start = text.find(phrase, at)
        if start < 0:
            continue
        if k == kind and joined and _RUN_GAP.fullmatch(text[runs[-1][1]:start]):
            runs[-1] = (runs[-1][0], start + len(phrase))
        elif k == kind:
            runs.append((start, start + len(phrase)))
        joined, at = k == kind, start + len(phrase)
    return [text[a:b] for a, b in runs]


def _changed_to(verb: str, obj: str) -> str:
    """What someone is changing 'it' to: 'switching' + 'it to teal' -> 'teal'; any other
    object as it is."""
    to = re.match(r"^(?:it|that|this|them)\s+(?:to|for)\s+(?P<v>.+)$", obj, _I)
    if to is None or verbs().get(lemma(verb)) not in ("set", "move", "replace"):
        return obj
    return to["v"]


def _retyped_rest(value: str, said: str, typed: Sequence[tuple[ValueKind, str]]) -> str:
    """'Moved to the 9th at 4pm' where the value held '2nd at 2pm': after the first kind is
    put in place, each other kind said takes the place of its own in the value too."""
    for kind in dict.fromkeys(k for k, _ in typed[1:] if k != typed[0][0]):
        new = _span(said, kind) or next(p for k, p in typed if k == kind)
        if new not in value:
            value = retype(value, kind, new) or (re.sub(
                r"\b(at|from|by)\s+\d{1,2}\b(?![:.]?\d|\s*[ap]\.?m)", rf"\1 {new}", value,
                count=1) if kind == ValueKind.TIME else value)  # "at 5" is a clock time
        if new not in value:
            value = f"{value}, {new}"  # a kind the value lacked: said with it, it joins it
    return value


def _retimed_after(title: str, word: str, kind: ValueKind, new: str) -> str | None:
    """``title`` with the phrase of ``kind`` that follows ``word`` ('lessons Fridays')
    put in ``new``'s place; None when no such phrase follows that word."""
    wanted = set(stems(word))
    for k, phrase in typed_phrases(title, sentence=False):
        at = title.find(phrase)
        before = title[:at].split()
        if k == kind and at > 0 and before and set(stems(before[-1])) & wanted:
            return title[:at] + new + title[at + len(phrase):]
    return None


def _between(sentence: str, first: str, second: str) -> str:
    """The words of ``sentence`` that join clause ``first`` to clause ``second``."""
    end = sentence.find(first) + len(first) if first in sentence else -1
    start = sentence.find(second, max(end, 0))
    return sentence[end:start] if end >= 0 and start >= end else ""


def _unit_of(text: str) -> str | None:
    """The unit of a quantity that is all of ``text`` ('45 minutes' -> 'minute'), if any."""
    typed = typed_phrases(text.strip(), sentence=False)
    if len(typed) != 1 or typed[0][0] != ValueKind.COUNT or not _only_value(text):
        return None
    words = typed[0][1].split()
    return singular(words[-1]) if len(words) > 1 and not words[-1][0].isdigit() else None


def _without_item(task: Task, item: str) -> str | None:
    """The task's value without the one entry of its list that names ``item``, when the item
    is named by the value alone (not by the task's title or key); else None."""
    if not item or mentions(f"{task.key.replace('-', ' ')} {task.title}", item):
        return None
    pieces = _list_pieces(task.value or "")
    i = _named_entry(pieces, item)
    if i is None:
        return None
    drop = slice(2 * i - 1, 2 * i + 1) if i else slice(0, 2)  # the entry and one separator
    del pieces[drop]
    return "".join(pieces).strip(" ,")


def _entry_said(task: Task, said: str) -> str | None:
    """The one entry of the list in ``task``'s value that ``said`` names, when it names one
    and not the task itself."""
    entries = [clean_phrase(e) for e in _list_pieces(task.value or "")[::2]]
    named = [e for e in entries if stems(e) and mentions(said, e)]
    if len(entries) < 2 or len(named) != 1 or mentions(said, task.title):
        return None
    return named[0]


def _list_pieces(value: str) -> list[str]:
    """A value cut into its list's entries, with the separators between them kept."""
    return re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", value)


def _named_entry(pieces: list[str], item: str) -> int | None:
    """Which entry of a list (``_list_pieces``) names ``item``, when the list has two or
    more and exactly one does."""
    entries = pieces[::2]
    named = [i for i, e in enumerate(entries) if mentions(e, item)] or [
        # "the Sunday roast" of '..., a roast on Sunday, ...': its words in another order
        i for i, e in enumerate(entries)
        if len(words := set(stems(item))) > 1 and words <= set(stems(e))]
    return named[0] if len(entries) > 1 and len(named) == 1 else None


def _plain_copula(cop: str | None) -> bool:
    """Whether ``cop`` tells a state now ('is', "'s", 'has been'), not one past ('was')."""
    return cop is not None and cop.strip().lower() in ("'s", "'re", "is", "are", "has been",
                                                       "have been")


def _told_done_plainly(c: str) -> re.Match[str] | None:
    """'the forms are signed', 'tickets booked, £40': a thing of up to three words and a
    regular participle, a copula now or none, a second state or what follows a comma."""
    m = _TOLD_IN_PARTICIPLE.match(c)
    if m is None or not m["subject"] or len(m["subject"].split()) > 3 or (
            m["cop"] and not _plain_copula(m["cop"])) or not _REGULAR_PARTICIPLE.fullmatch(
            m["pp"]) or m["particle"] or m["role"] or m["when"] or m["more"]:
        return None
    return m


def _told_why(items: str) -> tuple[str, str]:
    """'that, the old one still works': what is removed, and the statement after a comma that
    says why (a subject and its verb, no list entry); 'for now' after the items adds nothing.
    Nothing is left when the items were only such words ('cancel for now')."""
    head, _, after = items.partition(",")
    after = after.strip()
    why = after if after and (_COPULA.match(after) or _DESCRIBES.match(after) or _STATEMENT.match(
        after) or (_FINITE_WORD.search(after) and not _imperative(after))) else ""
    kept = re.sub(r"^(?:for now|for the moment|for the time being|too|as well)$|\s+(?:for now|"
                  r"for the moment|for the time being|too|as well)$", "",
                  head if why else items, flags=_I).strip()
    return kept, why


def _title_without(title: str, item: str) -> str | None:
    """A title that joins two entries ('Buy a tent and a stove', 'forks + knives') without
    the one ``item`` names, the verb of the first kept for the other; else None."""
    m = re.fullmatch(r"(?P<a>.+?)\s+(?:and|\+|&)\s+(?P<b>.+)", title, _I)
    if m is None or not item or "," in title or m["b"][:1].isupper():
        return None  # 'Rope and Pulley Co': one name
    named = [p for p in ("a", "b") if mentions(m[p], item)]
    if len(named) != 1:
        return None
    if named == ["b"]:
        return m["a"]
    verb = m["a"].split()[0]
    kept = m["b"]
    if _imperative(m["a"]) and not _imperative(kept) and len(m["a"].split()) > 1:
        kept = f"{verb} {kept}"  # 'Buy a tent and a stove' without the tent: 'Buy a stove'
    return kept[:1].upper() + kept[1:] if title[:1].isupper() else kept


#: "put X down as depending on Y", "mark X as waiting on Y": an order asked for as a listing.
_LISTED_ORDER = re.compile(
    r"^(?:put|mark|have|set|note|list|log|record)\s+(?:down\s+)?(?P<a>.+?)\s+(?:down\s+)?as\s+"
    r"(?:depending|dependent|waiting|conditional|contingent)\s+(?:on|upon|for)\s+(?P<b>.+)$", _I)


def _as_waiting(c: str) -> str:
    """A clause that says a task waits, put as "X depends on Y" or "I can't <verb> ... until":
    "make X wait for Y", "can't paint the shed until ...", "don't paint the shed till it's
    dry", "no point painting it until ..."."""
    c = re.sub(rf"^(?:make|have|let)\s+(?P<a>.+?)\s+(?={verb_pattern('depend')}\b|wait\b)",
               r"\g<a> ", c, flags=_I)  # "make the sanding wait for it": the order asked for
    c = re.sub(r"^(?=(?:can't|cannot|can not|won't)\s)", "I ", c, flags=_I)  # said as "I"
    c = re.sub(r"^(?:don't|do not)\s+(?=[a-z]+\s.+?\s(?:until|till|before)\s)", "I can't ", c,
               flags=_I)
    return re.sub(r"^(?:there's\s+)?no point\s+(?P<ing>[a-z]+ing)\s+(?=.+?\s(?:until|till)\s)",
                  lambda g: f"I can't {lemma(g['ing'])} ", c, flags=_I)


def _restated_on(said: str) -> tuple[str, str]:
    """'which paint I choose, so it waits for the paint': what is waited for, and what the
    same order said again after 'so' names outright ('the paint'), if it does."""
    head, so, tail = said.partition(" so ")
    m = _DEPEND.match(tail.strip()) if so else None
    if m is None or clean_phrase(m["a"] or m["a2"] or m["a3"] or "").lower() not in _PRONOUNS:
        return said, ""
    return head, clean_phrase(m["b"] or m["b2"] or m["b3"] or "")


def _cased(word: str, like: str) -> str:
    """``word`` capitalised as ``like`` is."""
    return word.capitalize() if like[:1].isupper() else word


def _without_name(phrase: str, task: Task) -> str:
    """``phrase`` without the words that name ``task`` and its determiners: 'the blue banner'
    for 'Banner' is 'blue'; empty when nothing else is said."""
    own = set(stems(f"{task.key.replace('-', ' ')} {task.title}"))
    words = [w for w in clean_phrase(phrase).split() if not set(stems(w)) & own]
    rest = " ".join(words)
    return rest if stems(rest) else ""


def _name_run(text: str, old: str, new: str) -> str:
    """A name put in place of a name takes all of it: 'Acme' in 'from Acme Tools' is the
    name 'Acme Tools', so none of its words is left next to the new one."""
    if not (old[:1].isupper() and new[:1].isupper()):
        return old
    m = re.search(rf"(?<![\w$£€]){re.escape(old)}(?:\s+[A-Z][\w'&.-]*)*", text)
    return m.group() if m else old


def _ranked(text: str, candidates: list[Task]) -> list[Task]:
    """Candidates in the reader's own order: most words shared with ``text`` first, then the
    larger share of the task's own words, then by key. Full-text scores are left out: they
    weigh words by the whole index, so other workspaces would change which task comes first."""
    said = set(stems(text))

    def rank(task: Task) -> tuple[int, float, str]:
        own = set(stems(f"{task.key.replace('-', ' ').replace('.', ' ')} {task.title} "
                        f"{task.value or ''}"))
        shared = len(said & own)
        return -shared, -(shared / len(own) if own else 0.0), task.key

    return sorted(candidates, key=rank)


_NOT_A_SET = frozenset({"cancel", "rollback", "done", "check", "depend", "split",
                        "merge", "reset", "add"})
_NEGATIVE = re.compile(r"\b(?:not|no|never|can't|cannot|won't|isn't|aren't|wasn't|weren't|"
                       r"doesn't|don't|didn't)\b", _I)


def _holder(slot: str | None, holders: list[Task]) -> str | None:
    """The task a change under a task's name ("scarf: ...") is confined to: that task, when it
    holds what is changed."""
    return slot if any(t.key == slot for t in holders) else None


def _modifier_swap(title: str, name: str, new: str) -> str | None:
    """'Order a chocolate cake', 'cake', 'vanilla' -> 'Order a vanilla cake': the word that
    qualifies the named thing is what a one-word change replaces."""
    head = name.rsplit(maxsplit=1)[-1] if name.split() else ""
    if len(new.split()) != 1 or not head or not new.isalpha() or not can_be_noun(new) or (
            typed_phrases(new, sentence=False)):  # "Monday" is a value, no kind of thing
        return None
    # a word of its own before the head: not the "s" of "St Mark's school"
    m = re.search(rf"(?<![\w'])(?P<mod>[\w-]+)\s+{re.escape(head)}\b", title, _I)
    if m is None or m["mod"].lower() in STOP or m["mod"].lower() in name.lower().split():
        return None
    if is_verb(m["mod"]) and not can_be_noun(m["mod"]):
        return None
    return title[:m.start("mod")] + new + title[m.end("mod"):]


def _remeasured(title: str, new: str) -> str | None:
    """'Fit 15mm pipe', '22mm' -> 'Fit 22mm pipe': a measure in the title, one of the unit
    said, is what a change to a bare measure replaces."""
    unit = re.fullmatch(r"\d+(?:\.\d+)?\s?(?P<unit>[a-z]{1,3})", new.strip(), _I)
    if unit is None:
        return None
    held = list(re.finditer(rf"\b\d+(?:\.\d+)?\s?{re.escape(unit['unit'])}\b", title, _I))
    if len(held) != 1:
        return None
    return title[:held[0].start()] + new.strip() + title[held[0].end():]


_DETERMINER = r"(?:a|an|the|my|our|your|his|her|their|some|this|that)"


def _replace_noun(text: str, old: str, new: str, *, title: bool = False) -> str:
    """Put ``new`` in place of ``old``. A new phrase of two words or more is a whole noun
    phrase ('roast chicken' for 'risotto'), so the words that qualified the old head after a
    determiner (or, in a value, at the start of a list item) go with it: 'the mushroom
    risotto' becomes 'the roast chicken', not 'the mushroom roast chicken'."""
    if len(new.split()) > 1:
        body = r"\s+".join(re.escape(w) for w in old.split())
        start = (rf"\b{_DETERMINER}\s+" if title
                 else rf"(?:^|[,(]\s*|\b(?:and|or)\s+|\b{_DETERMINER}\s+)")
        m = re.search(rf"{start}(?P<mods>(?:[a-z][\w-]*\s+){{1,2}}?)(?={body}(?:s|es)?\b)",
                      text, _I)
        if m is not None and not any(w.lower() in STOP for w in m["mods"].split()):
            text = text[:m.start("mods")] + text[m.end("mods"):]
    return replace_word(text, old, new)


def _displaced_dropped(value: str, new: str) -> str:
    """'8 of the oak ones at £7 at £6 each' -> '8 of the oak ones at £7': the one price, date
    or time the new thing brings puts out the one the old thing had, with the words that led
    into it and the 'each' after it."""
    for kind in (ValueKind.PRICE, ValueKind.DATE, ValueKind.TIME):
        brought = [p for k, p in typed_phrases(new, sentence=False) if k == kind]
        if len(brought) != 1 or clean_phrase(brought[0]) == clean_phrase(new):
            continue  # a day for a day in "Tuesdays and Thursdays": the other day stays
        for k, p in typed_phrases(value, sentence=False):
            if k == kind and p not in new:
                value = re.sub(rf"\s*,?\s*(?:(?:at|for|on|by)\s+)?{re.escape(p)}(?:\s+(?:each|"
                               r"apiece|a piece|per\s+\w+))?", "", value, count=1, flags=_I)
    return value.strip(" ,")


def _counted(title: str, number: str) -> str | None:
    """What a title counts, with its number: 'Add 8 neon tetras', '8' -> '8 neon tetras'."""
    m = re.search(rf"\b{re.escape(number)}(?:\s+(?!(?:{'|'.join(sorted(STOP))})\b)[a-z][\w-]*)"
                  r"{1,3}", title, _I)
    return m.group() if m else None


#: How a correction names the value it takes back: 'May 2, not April 30' (a reason may
#: follow: ', I misread it'), 'not 30 - say 25', 'it's 40, the 30 was a typo'.
_OLD_VALUE = r"(?P<old>[$£€]?[\w.:]+(?:\s+[\w.:]+)?)"
_CORRECTIONS = (
    re.compile(rf"^(?P<said>.+?),?\s+not\s+{_OLD_VALUE}(?:\s*[,;\u2013-]\s*(?P<why>.+))?$", _I),
    re.compile(rf"^not\s+{_OLD_VALUE}\s*[,;\u2013-]\s*(?P<said>.+)$", _I),
    re.compile(rf"^(?P<said>.+?),?\s+(?:the\s+)?{_OLD_VALUE}\s+(?:was|is)\s+(?:a\s+|an\s+)?"
               r"(?:typo|mistake|misprint|error|wrong)\b.*$", _I),
    # 'it's £5, £4 was last year': a value said, then the one it replaces and why
    re.compile(rf"^(?P<said>.+?),\s+(?:the\s+|that\s+)?{_OLD_VALUE}\s+(?:was|were)\s+"
               r"(?!(?:fine|right|correct|better|best|good|ok|okay)\b)(?P<reason>\S.*)$", _I),
)
#: A person's name: one or two capitalised words.
_NAME_WORDS = r"(?-i:[A-Z][a-z][\w'-]*)(?:\s+(?-i:[A-Z][a-z][\w'-]*))?"
_NAMED = re.compile(_NAME_WORDS)
#: One name in place of another: "it's Derek not Dave", "Derek, not Dave", "not Dave, Derek".
_NAME_CORRECTIONS = (
    re.compile(rf"^(?:(?:it's|its|it is|it was|that's|that is|he's|she's|they're|his name's|"
               rf"her name's|(?:his|her|their) name is)\s+)?(?P<new>{_NAME_WORDS}),?\s+not\s+"
               rf"(?P<old>{_NAME_WORDS})$", _I),
    re.compile(rf"^not\s+(?P<old>{_NAME_WORDS})\s*[,;-]\s*(?:it's\s+|its\s+|it is\s+)?"
               rf"(?P<new>{_NAME_WORDS})$", _I),
)
#: Someone who is no longer there: "Kerry's left", "Okafor has retired", "Jo's moved on".
_DEPARTED = re.compile(rf"^(?P<old>{_NAME_WORDS})(?:'s|\s+has|\s+is)\s+(?:just\s+)?"
                       r"(?:left|gone|retired|quit|moved on|leaving|off sick|moved away)\b.*$", _I)
#: Who is there now: "it's Imran now", "so it's Dr Patel now", "Imran now".
_NOW_NAMED = re.compile(rf"^(?:so\s+|and\s+)?(?:(?:it's|its|it is|now it's|it'll be)\s+)?"
                        rf"(?P<new>(?:(?-i:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?{_NAME_WORDS})"
                        r"(?:\s+(?:now|instead|these days))$", _I)
#: Words that own up to a slip: "sorry typo", "misread it", "oops, wrong number".
_SLIP = (r"(?:(?:sorry|oops|whoops|my bad|my mistake|ugh)[\s,.]+)*(?:(?:a\s+)?typo|misread it|"
         r"misheard|wrong (?:number|ref(?:erence)?|code)|i (?:misread|mistyped|got it wrong))")
_SLIP_ALONE = re.compile(rf"^{_SLIP}$", _I)
#: A reference told again after a slip owned up to in the turn: "(typo,) it's CR/2213/24".
_CODE_CORRECTION = re.compile(
    rf"^(?:(?P<slip>{_SLIP})[\s,.:;-]+)?(?:it's|its|it is|it should be|should be|should read|"
    r"it's actually)\s+(?P<new>[\w/.-]*\d[\w/.-]*)$", _I)


def _when_done(after: str) -> str | None:
    """'..., friday night ideally' after what a step waits for: when that is to be done, when
    it is a date or a time said in a few words."""
    when = clean_phrase(re.sub(r"\b(?:ideally|hopefully|probably|at the latest|if possible)\b",
                               "", after, flags=_I))
    return when if when and len(when.split()) <= 4 and any(
        k in (ValueKind.DATE, ValueKind.TIME) for k, _ in typed_phrases(when)) else None


def _code_shape(code: str) -> str:
    """How a reference is written: each letter an 'A', each digit a '9', the rest as is."""
    return re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "A", code))


#: A value set aside by what it was ('£4 was last year', 'the 300 was the old order') or by
#: being named so ('ignore the £5'): the old value of a correction told in the same turn.
_DISOWNED = (
    re.compile(rf"^(?:(?:the|that)\s+)?{_OLD_VALUE}\s+(?:was|were)\s+"
               r"(?!(?:fine|right|correct|better|best|good|ok|okay)\b)\S.*$", _I),
    re.compile(rf"^(?:ignore|disregard)\s+(?:the\s+|that\s+)?{_OLD_VALUE}$", _I),
)
#: A clause that only tells a value: 'it's £5', 'make it 25 lb', 'this one's €0.12', 'the
#: minutes say £6', '350 flyers'.
_TOLD_VALUE = re.compile(
    r"^(?:(?:it|this|that|they|this one|that one)\s*(?:'s|'re|\s+is|\s+are|\s+should be|"
    r"\s+will be)\s+|make\s+(?:it|that|them)\s+|"
    r"(?:the\s+)?[\w' -]{1,30}?\s+(?:says?|said)\s+)?(?P<v>.+)$", _I)


def _disowned_value(c: str) -> str | None:
    """The value ``c`` sets aside ('£4 was last year' -> '£4'): a date, time, price or
    count, never a name; None when ``c`` sets none aside."""
    for shape in _DISOWNED:
        if (m := shape.match(c)) and any(k != ValueKind.NAME for k, _ in typed_phrases(
                m["old"], sentence=False)):
            return clean_phrase(m["old"])
    return None


def _value_pattern(old: str) -> re.Pattern[str]:
    """Where a title or value says ``old``: as a day of the month ('the 12th' in '12 April'),
    a weekday in any of its forms ('thursday' as 'thurs'), an hour with or without 'am' or
    'pm' ('8:15' in '8:15am'), else as it is written, whole."""
    if day := _said_day(old):
        return day
    if DAY_WORD.fullmatch(old) and (forms := WEEKDAY_FORMS.get(old[:3].lower())):
        return re.compile(rf"(?<!\w)(?:{forms})s?(?!\w)", _I)
    if re.fullmatch(r"\d{1,2}(?::\d{2})?", old):
        return re.compile(rf"(?<![\w$£€.:]){re.escape(old)}(?:\s?(?:am|pm))?(?![\w:])", _I)
    return re.compile(rf"(?<![\w$£€]){re.escape(old)}(?!\w)", _I)



#: The kinds of value a title may hold for a bare value said later ('make it the 9th'); a
#: count in a title is matched by its unit instead ('Bake 40 cupcakes').
_TITLE_KINDS = (ValueKind.DATE, ValueKind.TIME, ValueKind.PRICE)
#: Someone offering to do the task just spoken of: 'Jo said she could do it', 'Sam can do it',
#: 'Jo from the choir said she'd lead it', 'Sam has agreed to host it'.
_OFFERED = re.compile(r"^(?P<who>(?-i:[A-Z])[\w'-]*(?:\s+from\s+(?:the\s+)?[\w&' -]+?)?)\s+"
                      r"(?:(?:said|says|reckons|thinks)\s+(?:he|she|they)\s*)?"
                      r"(?:(?:can|could|will|would)\s+|'ll\s+|'d\s+|(?:has\s+|have\s+)?"
                      r"(?:agreed|offered|promised)\s+to\s+)[a-z]+\s+(?:it|that|this)$", _I)
#: A correction in words: '(topic -) said thing, not the old word (one) (at all)(, why)'.
_WORD_CORRECTION = re.compile(
    r"^(?:(?P<topic>[\w' ]{2,30}?)\s+[-\u2013\u2014]\s+)?(?P<said>.+?),?\s+not\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<old>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?<!\sone)(?:\s+ones?)?"
    r"(?:\s+at\s+all)?(?:\s*[,;\u2013-]\s*(?P<why>.+))?$", _I)
#: What the said part of a correction in words names: its last noun phrase after an article,
#: without 'one' or a role phrase after it ('it must be the side gate for the van').
_NEW_WORDS = re.compile(r"\b(?:the|a|an)\s+(?P<np>[a-z][\w-]*(?:\s+(?!one\b|ones\b)[a-z][\w-]*)?)"
                        r"(?:\s+ones?)?(?:\s+(?:for|in|at|on|with|from|to)\s.*)?$", _I)
#: Words that say a value told is a correction of one memory holds.
_CORRECTING = re.compile(r"\b(?:no|nope|nah|actually|still|wait|sorry|never\s?mind|nvm|"
                         r"misread|misheard|my mistake|my bad|scratch that|typo|wrong)\b", _I)
#: A value told to be what it was after all: 'it was eggshell after all'.
_AFTER_ALL = re.compile(r"(?:^|\band\s+|,\s*)(?:it|that|they)\s*(?:was|were|is|are|'s|'re)\s+"
                        r"(?:really\s+|actually\s+)?(?P<x>[^,]+?)\s+after all$", _I)
#: A value pointed at rather than said: 'return to that one'.
_THAT_ONE = re.compile(r"(?:that|this|the same)(?:\s+one)?", _I)
#: A choice among alternatives: '(take) the third one', 'go with the cheapest option'.
_CHOICE = re.compile(r"^(?:(?:let's|we'll|i'll|i'd)\s+)?(?:(?P<verb>[a-z]+(?:\s+with|\s+for)?)\s+)?"
                     r"the\s+(?P<which>first|second|third|fourth|last|cheaper|cheapest|dearer|"
                     r"dearest|pricier|priciest|more\s+expensive|most\s+expensive)"
                     r"(?:\s+(?:one|option|choice))?$", _I)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}


def _alternatives(value: str) -> list[str]:
    """The options a value weighs: 'A for $40 or B for $55' -> ['A for $40', 'B for $55']."""
    return [clean_phrase(p) for p in re.split(r",?\s+or\s+", value, flags=_I) if p.strip()]


def _pick(options: list[str], which: str) -> str | None:
    """The option ``which`` names: by its place, or by its price (each option must have
    one); None when there is no such option."""
    which = " ".join(which.lower().split())
    if which in _ORDINALS:
        n = _ORDINALS[which]
        return options[n] if n < len(options) else None
    prices = [[p for k, p in typed_phrases(o, sentence=False) if k == ValueKind.PRICE]
              for o in options]
    if not all(len(p) == 1 for p in prices):
        return None
    amounts = [float(re.sub(r"[^\d.]", "", p[0]) or 0) for p in prices]
    best = (min if which in ("cheaper", "cheapest") else max)(amounts)
    return options[amounts.index(best)] if amounts.count(best) == 1 else None


#: "Ann down for the cake", "Jo on drinks", "Sol's on the flask": a person and the task theirs.
_ASSIGNED = re.compile(r"(?P<who>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)"
                       r"(?:'s|\s+is)?\s+(?:down\s+)?(?:for|on)\s+(?:the\s+)?"
                       r"(?P<what>[a-z][\w' -]*)", _I)
#: "put Sinead in", "get Tom on instead": someone put into a list of people.
_PUT_IN = re.compile(r"^(?:put|get|add|bring)\s+(?P<who>(?-i:[A-Z])[\w'-]+)\s+(?:in|on)"
                     r"(?:\s+instead|\s+in (?:her|his|their) place)?$", _I)
#: A question word first ("when's", "who is"): the asking kind, no auxiliary ("had ...").
_WH_FIRST = re.compile(r"\s*(?:what|which|who|whose|when|where|why|how)(?:'s|\s)", _I)
#: Labels that say a question follows ("q: ...", "quick question: ...").
_ASKING_LABELS = frozenset({"q", "qq", "question", "quick q", "quick question", "query"})
#: What a plan's list is called when a thing is taken off it.
_LIST_WORD = re.compile(r"(?:shopping |to-?do |packing |guest |kit )?(?:list|plan|rota|schedule|"
                        r"agenda|menu|order|team|crew|register|line-?up|programme|program)", _I)
#: "take Grace off ski school", "knock Dev off the rota": a person and the task they leave.
_PERSON_OFF = re.compile(r"^(?:take|knock|strike)\s+(?P<who>(?-i:[A-Z])[\w'-]+|him|her|them)\s+"
                         r"off\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?(?P<what>[a-z][\w' -]{1,30})$",
                         _I)
#: "that's the Saturday", "which is a Sunday": the weekday of a date said just before.
_DAY_GLOSS = re.compile(r"^(?:that's|that is|which is|which's|it's|it is)\s+(?:the\s+|a\s+)?"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day[.!]?$", _I)
#: A day of the month said alone ('the 12th'), and the month names a date says it with.
_DAY_OF_MONTH = re.compile(r"(?:the\s+)?(?P<n>\d{1,2})(?P<th>st|nd|rd|th)", _I)
_MONTH_NAMES = ("january|february|march|april|may|june|july|august|september|october|"
                "november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")


#: "leave her at 12", "keep the band at 4pm", "leave it as it is": no change wanted.
_KEPT = re.compile(
    r"^(?:(?:no|nah|ok|okay|actually|so|just|then|hmm+|um+|oh|wait|sorry)[\s,.]+)*"
    r"(?:(?:i|we)\s+(?:said|promised|told)(?:\s+(?!i'|we\b)\w+)?\s+)?"
    r"(?:(?:i|we)(?:'d|'ll|\s+would|\s+will)\s+)?"
    r"(?:leave|keep)\s+"
    r"(?P<what>(?!(?:out|off|it\s+out)\b)[\w' -]+?)(?:\s+(?:at|on|as)\s+"
    r"(?P<value>(?!(?:it|they|he|she|is)\b)[\w£$€:.' -]+?)|\s+(?:as\s+(?:it|they|she|he)\s+"
    r"(?:is|are|was|were)|as\s+is|alone|the\s+same|where\s+(?:it|they|she|he)\s+(?:is|are)))"
    r"(?:\s+(?:then|after\s+all|for\s+now|(?:till|until|through)\s+.+))?$", _I)
_KEPT_PRONOUNS = frozenset({"it", "that", "them", "her", "him", "that one"})


#: "the fitting's moved to 11 instead of 4:15": a subject, a verb of moving, the new value
#: and the one it replaces.
_MOVED_INSTEAD = re.compile(
    r"^(?P<subj>.+?)(?:'s|\s+(?:is|are|has|have|was|were))?(?:\s+been)?\s+(?:moved|changed|"
    r"switched|shifted|pushed|put|brought|gone|going)(?:\s+(?:back|forward|up))?\s+to\s+"
    r"(?P<new>[^,]+?)\s+instead\s+of\s+(?P<old>[^,]+?)$", _I)


def _remark_off(value: str) -> str:
    """'£3, cheeky sods' -> '£3': after an amount risen or fallen to, words with no value in
    them after its last comma are a remark on it, no part of it."""
    head, _, tail = value.rpartition(",")
    if head and typed_phrases(head, sentence=False) and not typed_phrases(tail, sentence=False):
        return head.strip()
    return value


#: "return to what I said for the cake": the cake's value before.
_HAD_FOR = re.compile(r"^(?:(?:let's\s+)?go(?:ing)?\s+back|back|return|revert|switch\s+back)\s+"
                      r"to\s+what\s+(?:we|i)\s+(?:had|said|agreed)\s+(?:for|on)\s+"
                      r"(?P<what>.+)$", _I)
#: "return to how it was", "put it back the way it was before": the previous value, none named.
#: "leave the rota where it was", "keep the times as they were": as it was before a change.
_LEFT_AS_IT_WAS = re.compile(r"\b(?:leave|keep)\s+(?P<what>[\w' -]+?)\s+(?:where|as|how)\s+"
                             r"(?:it|they)\s+(?:was|were)(?:\s+before)?\b", _I)
_AS_IT_WAS = re.compile(
    r"\b(?:go(?:ing)?\s+back|put\s+(?:it|that|them)\s+back|change\s+(?:it|that)\s+back|"
    r"return|revert)\s+(?:to\s+)?(?:what\s+(?:it|that|they|we)\s+(?:was|were|had)|"
    r"how\s+(?:it|that|they)\s+(?:was|were)|the\s+way\s+(?:it|that|they)\s+(?:was|were))"
    r"(?:\s+before)?\b", _I)


def _says_value(text: str, value: str) -> bool:
    """Whether ``text`` says ``value``: as written, or an hour said bare ('12') as the time
    it holds ('12pm', '12:00')."""
    if mentions(text, value):
        return True
    return re.fullmatch(r"\d{1,2}", value.strip()) is not None and re.search(
        rf"(?<![\d:£$€]){value.strip()}(?::00)?\s*(?:am|pm)\b", text, _I) is not None


#: "trying to sort X", "we're hoping to run X": a plan opened by what one sets out to do.
_SETTING_OUT = re.compile(r"^(?P<subj>(?:i'm|i am|we're|we are)\s+)?(?:just\s+)?(?:trying|hoping|"
                          r"planning|looking|wanting|about)\s+to\s+(?P<verb>[a-z]+)\b", _I)


def _as_progressive(c: str) -> str:
    """'Trying to sort X' -> 'sorting X': the plan told as what is under way, as the plan
    readings know it."""
    m = _SETTING_OUT.match(c)
    if m is None or not is_verb(m["verb"]) or (ing := gerund(lemma(m["verb"]))) is None:
        return c
    return f"{m['subj'] or ''}{ing}{c[m.end():]}"


#: Words that name any task, so a removal may add them to a task's name ("the X booking").
_ANY_TASK = frozenset(stems("booking order appointment session slot thing job idea plan one "
                            "trip visit class lesson event bit part whole entire"))


def _names_an_entry(task: Task, said: str) -> bool:
    """Whether a removal names one entry of a task's list, not the task: the thing it names
    is the task's, with a word before it the task has nowhere ('the evening bottle' of
    'Bottles: 6am and 6pm'), and the value is a list of short entries."""
    entries = split_list(task.value or "")
    words = stems(said)
    if len(entries) < 2 or any(len(e.split()) > 3 for e in entries) or len(words) < 2:
        return False
    own = set(stems(f"{task.key.replace('-', ' ')} {task.title} {task.value}"))
    # the thing named is the task's ('feed'), a word before it is one it has nowhere
    return words[-1] in own and bool(set(words[:-1]) - own - _ANY_TASK)


def _one_named(new: str, old: str) -> str:
    """'swap the rope ladder for a wooden one': the 'one' of the new side is the kind of thing
    it replaces, the old side's last word ('wooden ladder'); an old side that is itself a
    'one' names nothing to put in its place."""
    thing = clean_phrase(old).rsplit(maxsplit=1)[-1] if clean_phrase(old) else ""
    if not re.search(r"\bones?$", new.strip(), _I) or re.search(r"\bones?$", thing, _I) or (
            not thing or thing.lower() in _PRONOUNS):
        return new
    return re.sub(r"\bones?$", lambda _: thing, new.strip(), flags=_I)


def _told_before_colon(text: str) -> bool:
    """Whether ``text`` opens with a request to be told ('give me the rundown', 'tell me')
    before a colon: what follows lists what to tell, no items to add. Without 'me' or 'us'
    a check verb may name a plan ('show kit for X: ...'); 'remind me: ...' as often sets a
    reminder."""
    first = next(iter(sentences(text)), text)
    head = _SLOT_PREFIX.match(first)
    if head is None:
        return False
    if TELLING_ASKED.match(head[1]):
        return True
    frame = read_frame(head[1])
    return frame.intent == "check" and frame.verb != "remind" and re.search(
        r"\b(?:me|us)\b", head[1], _I) is not None


def _correction(c: str) -> re.Match[str] | None:
    """The value said and the one it corrects ('said', 'old'), in any of the shapes of
    ``_CORRECTIONS``; a request after the old value is a change of its own, no reason."""
    for shape in _CORRECTIONS:
        m = shape.match(c)
        if m is not None and not ("why" in shape.groupindex and m["why"]
                                  and _imperative(m["why"])):
            return m
    return None


def _said_day(old: str) -> re.Pattern[str] | None:
    """For a day of the month said alone ('12th'), that day in a date: '12 April', 'April
    12', 'the 12th'."""
    day = _DAY_OF_MONTH.fullmatch(old)
    if day is None:
        return None
    n, suffix = day["n"], r"(?:st|nd|rd|th)"
    after_month = "|".join(rf"(?<=\b{month}\s)" for month in _MONTH_NAMES.split("|"))
    return re.compile(rf"(?<![\w$£€.:/]){n}{suffix}?(?=\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)"
                      rf"|(?:{after_month}){n}{suffix}?\b|\b{n}{suffix}\b", _I)


def _with_month(old: str) -> re.Pattern[str]:
    """For a day of the month said alone ('3rd'), that day with its month, or alone."""
    n = _DAY_OF_MONTH.fullmatch(old)["n"]  # type: ignore[index]
    day = rf"{n}(?:st|nd|rd|th)?"
    return re.compile(rf"(?<![\w$£€.:/]){day}\s+(?:of\s+)?(?:{_MONTH_NAMES})\b|"
                      rf"\b(?:{_MONTH_NAMES})\s+{day}\b|\b{day}\b", _I)


def _day_like(new: str, found: str) -> str:
    """A day of the month said alone ('the 19th') written as the day it replaces was: '19'
    in '12 April', '19th' in 'April 12th'."""
    day = _DAY_OF_MONTH.fullmatch(new)
    return day["n"] if day and found.isdigit() else new


#: A number in digits or in words: what a count in a title is written as.
_CARDINAL = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
             r"twenty|thirty|forty|fifty|hundred")


def _recount(title: str, new: str) -> str | None:
    """'Add 10 neon tetras' with '8 tetras' -> 'Add 8 neon tetras': the number before the
    unit changes, the words between stay; None when the title does not count that unit."""
    number, _, unit = new.partition(" ")
    unit = unit.rsplit(maxsplit=1)[-1] if unit.split() else ""
    if not re.fullmatch(_CARDINAL, number, _I) or not unit:
        return None
    head = re.escape(re.sub(r"(?:es|s)$", "", unit.lower()))
    counted = re.compile(rf"\b(?:{_CARDINAL})\b(?=(?:\s+[\w-]+){{0,2}}?\s+{head}(?:es|s)?\b)",
                         _I)
    return counted.sub(number, title, count=1) if counted.search(title) else None


#: What a verb asks for when told as under way with no subject: "moving the party to Friday".
_CHANGES_UNDER_WAY = {"set", "move", "replace", "cancel", "rename"}


def _change_under_way(c: str) -> str:
    """'switching the lamp to a brighter one': a change told by its present participle alone,
    with no subject or with 'he', 'she' or 'they' for the one doing the task, is that change
    asked for; the clause is read as its imperative."""
    m = re.match(r"^(?:(?P<we>(?:we|i)(?:'re|'m|\s+are|\s+am)\s+(?:also\s+)?)|"
                 r"(?P<they>(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:now\s+|also\s+)?))?"
                 r"(?P<verb>[a-z]+ing)\s+(?P<rest>(?P<next>[a-z]+)\b.*)$", c, _I)
    if m is None or (base := lemma(m["verb"])) == m["verb"].lower():
        return c
    asked = verbs().get(f"{base} {m['next'].lower()}", verbs().get(base))
    if m["they"]:  # "she's switching the sign to green": that change, by who does it; for
        # "it" the task of the one doing it is read elsewhere ("he's changing it to ivory")
        return f"{base} {m['rest']}" if asked in _CHANGES_UNDER_WAY and m["next"].lower() not in (
            _PRONOUNS) else c
    if m["we"] and (asked != "add" or m["next"].lower() in ("up", "to", "on")):
        return c  # "we're adding a shed" asks for it; "we're moving house" names a plan
    return f"{base} {m['rest']}" if asked in (*_CHANGES_UNDER_WAY, "add") else c


def _plural(title: str) -> bool:
    """Whether a title names several things ('Order labels', not 'Book the table')."""
    return any(singular(w) != w for w in re.findall(r"[a-z]+", title.lower()) if w not in STOP)


def _happened_to(statement: str) -> str | None:
    """'the boiler finally broke', 'our car failed its test': the thing a short statement in
    the past tense is about, named with 'the', 'my' or 'our'."""
    words = statement.split()
    if len(words) < 3 or words[0].lower() not in ("the", "my", "our"):
        return None
    for i, word in enumerate(words[2:], start=2):
        w = word.lower()
        if is_verb(w) and lemma(w) != w and not can_be_noun(w) and len(words) - i <= 4:
            thing = " ".join(x for x in words[1:i] if not x.lower().endswith("ly"))
            return thing if stems(thing) and not value_phrases(thing) else None
    return None


def _first_thing(statement: str) -> str | None:
    """'the back gutters overflow ...', 'old kettle died': the thing a statement opens with,
    its nouns (and the words before them) up to the first word that is no noun."""
    words = re.sub(r"^(?:the|my|our|this|that)\s+", "", statement.strip(), flags=_I).split()
    taken: list[str] = []
    after = ""
    for word in words:
        w = word.lower()
        if w in STOP or not re.fullmatch(r"[a-z-]+", w) or not can_be_noun(w):
            after = w
            break
        taken.append(w)
    if len(taken) > 1 and not is_verb(after) and is_verb(last := taken[-1]) and (
            last.endswith("s") and lemma(last) != last):
        taken.pop()  # "the shed roof leaks whenever ...": 'leaks' is its verb, no verb after
    thing = " ".join(taken)
    return thing if 1 <= len(taken) <= 4 and stems(thing) else None


#: "X needs clearing and checking ...", "X has to be taken away": what is needed done to X.
#: "by the 7th", "before Friday at 5": when a thing is due.
_WHEN_BY = re.compile(r"(?:by|before|for)\s+(?:the\s+)?\S.{0,30}", _I)
_NEEDS_DOING = re.compile(
    r"^(?P<what>[\w' -]+?)\s+(?:(?P<need>needs?|wants?)\s+)?(?P<doing>[a-z]+ing(?:\s+and\s+"
    r"[a-z]+ing)*)(?P<rest>\s.*)?$|"
    r"^(?P<what2>[\w' -]+?)\s+(?:has|have|needs?|must)\s+(?:to\s+)?be\s+(?P<done>[a-z]+)"
    r"(?P<rest2>\s.*)?$", _I)


def _wished_steps(text: str, thing: str) -> list[str]:
    """'I need to renew it, get photos and book a slot': two or more steps wished for, 'it'
    or 'them' among them standing for ``thing``; empty for anything else."""
    wish = _WANT.match(text.strip())
    steps = [step for step, _ in _steps(wish["rest"])] if wish else []
    if len(steps) < 2 or not all(_imperative(step) for step in steps):
        return []
    return [re.sub(r"\b(?:it|them)$", f"the {thing}", step[:1].upper() + step[1:])
            for step in steps]


_ARTICLE_FIRST = re.compile(r"(?:the|a|an|my|our|her|his|their|your)\s", _I)


def _needed_steps(text: str, thing: str) -> list[str]:
    """'they need clearing and the drain checking before May': the steps of a passive need,
    each its verb then what it is done to ('Clear the gutters', 'Check the drain before May');
    'they' or 'it' is ``thing``. Empty unless every clause is such a need."""
    steps: list[str] = []
    needed = False  # a later clause may leave 'needs' out: 'and the drain checking'
    for clause in re.split(r",?\s+and\s+(?=(?:the|a|an|my|our|this|that|they|it)\b)", text):
        m = _NEEDS_DOING.match(clause.strip())
        if m is None or (m["doing"] and not (m["need"] or needed)):
            return []
        what = m["what"] or m["what2"]
        what = f"the {thing}" if what.lower() in _PRONOUNS else what
        what = what[:1].lower() + what[1:] if _ARTICLE_FIRST.match(what) else what
        verbs_said = re.split(r"\s+and\s+", m["doing"]) if m["doing"] else [m["done"]]
        rest = (m["rest"] or m["rest2"] or "").strip()
        particle, _, rest = rest.partition(" ") if re.match(
            r"(?:away|out|off|up|down|back|in|over)\b", rest, _I) else ("", "", rest)
        for said in verbs_said:
            verb = lemma(said.lower())
            if verb == said.lower() or not is_verb(said):
                return []
            step = " ".join(p for p in (verb, particle, what, re.sub(
                r"^(?:asap|soon|now|first|beforehand)\b\s*", "", rest, flags=_I)) if p)
            steps.append(step[:1].upper() + step[1:])
        needed = True
    return steps


def _listed_needs(text: str, thing: str) -> list[str]:
    """'it needs sanding, a coat of oil and new hinges, then I'll sell it': what ``thing``
    (or 'it') needs, listed, each item a step as said; a step promised after 'then' follows
    them. Empty unless the list has two or more short items and no clause among them."""
    first, *later = re.split(r",?\s+(?:and\s+)?then\s+", text.strip())
    m = _NEEDS.match(first)
    if m is None or not (m["subj"].lower() in _PRONOUNS or _same(m["subj"], thing)):
        return []
    items = split_list(m["items"])
    if len(items) < 2 or any(len(i.split()) > 6 or _FINITE_WORD.search(i) for i in items):
        return []
    steps = [i[:1].upper() + i[1:] for i in items]
    for said in later:
        will = _WILL.match(said)
        if will is None or not _imperative(will["rest"]):
            return []
        step = re.sub(r"\b(?:it|them)\b", f"the {thing}", will["rest"])
        steps.append(step[:1].upper() + step[1:])
    return steps


def _named_options(clause: str) -> str | None:
    """'found Acme at $40 and Bolt at $35': two or more names, each with a value of one kind,
    are options weighed together; the value is all of them, past the verb that found them."""
    typed = typed_phrases(clause, sentence=False)
    pairs = [(a, b) for a, b in itertools.pairwise(typed)
             if a[0] == ValueKind.NAME and b[0] != ValueKind.NAME]
    if len(pairs) < 2 or len({b[0] for _, b in pairs}) != 1:
        return None
    first = clause.split(maxsplit=1)
    if len(first) == 2 and is_verb(first[0]) and lemma(first[0]) != first[0].lower():
        clause = first[1]  # "shortlisted A and B": the options, not the verb
    return clean_phrase(clause)


def _listed_beside(existing: Task, item: str, parent: Task) -> bool:
    """Whether ``existing`` is another item of the list being read under ``parent``: added by
    this turn, under the same plan, with a title that is not the item's."""
    return not existing.id and parent.key in existing.parents and not _same(existing.title, item)


def _list_items(body: str) -> list[str]:
    """The items of a listed plan: verb phrases ('book the hall, print the menus') cut at commas
    and 'then' only, each a step with a capital; noun phrases cut as a list."""
    body = body.strip(" .!")
    depth, cut = 0, []
    for ch in body:  # commas inside brackets belong to the item
        depth += (ch == "(") - (ch == ")")
        cut.append("\0" if ch == "," and depth else ch)
    body = "".join(cut)
    steps = _imperative(body.split(maxsplit=1)[0] if body.split() else "")
    if steps:
        items = [i for i in re.split(r"\s*,\s*(?:and\s+|then\s+|and then\s+)?|"
                                     r"\s*,?\s+(?:and\s+)?then\s+", body) if i.strip()]
        items[-1:] = _last_steps(items[-1])  # "A and B" alone is two steps as well
    else:
        items = split_list(body)
    items = [clean_phrase(i.replace("\0", ",")) for i in items]
    return [i[:1].upper() + i[1:] if steps else i for i in items]


def _last_steps(item: str) -> list[str]:
    """'..., sign the lease and get a key cut': the last item of a list of steps holds two when
    'and' joins two verb phrases of several words each."""
    m = re.match(r"^(?P<a>\S+\s.+?)\s+and\s+(?P<b>(?P<verb>[a-z]+)\s.+)$", item)
    if m is None or not _imperative(m["verb"]) or not _imperative(m["a"]):
        return [item]
    return [m["a"], m["b"]]


def _noun_value(item: str) -> tuple[str, str] | None:
    """'stalls $5', 'rate 9c a word', 'doors 7pm': an item of facts that names a thing (a
    noun or two) and gives its value; None for anything else."""
    if m := _NOUN_PRICE.fullmatch(item):
        return m["noun"], m["v"]
    name, value = _name_and_details(item)
    if name is None or value is None or not 1 <= len(name.split()) <= 2 or len(
            value.split()) > 4 or not all(can_be_noun(w) for w in name.split()):
        return None
    return name, value


def _name_and_details(entry: str) -> tuple[str | None, str | None]:
    """'the Oak Lane shop tuesday for $60' -> ('Oak Lane shop', 'tuesday for $60'): the words
    before the first date, time or price name the entry, or a name before a comma ('Ann,
    piano, Mondays at 4' -> 'Ann', 'piano, Mondays at 4'); None when nothing comes before."""
    entry = re.sub(r"^and\s+", "", entry.strip(), flags=_I)  # the last entry of a list
    typed = [p for k, p in typed_phrases(entry, sentence=False)
             if k in (ValueKind.DATE, ValueKind.TIME, ValueKind.PRICE)]
    start = entry.find(typed[0]) if typed else -1
    if start <= 0:
        return None, None
    if (named := re.match(r"((?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?),\s+", entry)) and (
            named.end() < start):
        return named[1], entry[named.end():].strip(" ,")  # "Ann, piano, Mondays at 4": Ann
    name = clean_phrase(re.sub(r"\s+(?:on|at|for|from|by)$", "", entry[:start].strip(" ,"),
                               flags=_I))
    return (name or None), entry[start:].strip(" ,") or None


def _name_of_noun(value: str, noun: str, new: str) -> str | None:
    """'gas, with a Trangia stove' with 'stove' and 'a Primus' -> 'gas, with a Primus stove':
    the name just before the noun a change speaks of, put in the new name's place."""
    noun = re.sub(r"^(?:the|my|our)\s+", "", noun.strip(), flags=_I)
    new = re.sub(r"^(?:an?|the)\s+", "", new.strip(), flags=_I)
    if not re.fullmatch(r"[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*", new) or not noun:
        return None
    m = re.search(rf"\b(?P<n>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*)\s+{re.escape(noun)}\b", value)
    return value[:m.start("n")] + new + value[m.end("n"):] if m else None


def _facts(clause: str) -> bool:
    """'oak, 2m long, about $40 a plank': facts told side by side, no request among them; they
    are a value whole, not a phrase to pick one value from."""
    parts = [p.strip() for p in clause.split(",")]
    return len(parts) > 1 and all(parts) and not any(
        (_imperative(p) and not _SIZED.fullmatch(p)) or any(v.search(p) for v in _VALUE_PATTERNS)
        for p in parts) and any(typed_phrases(p, sentence=False) for p in parts)


#: A thing and how many it is for ('table for 6', 'room for four'): a fact, though its noun
#: may be read as a verb.
_SIZED = re.compile(rf"(?:an?\s+)?[a-z]+\s+for\s+(?:{_CARDINAL})(?:\s+(?:people|of us))?", _I)


def _advised(c: str) -> str:
    """'Ola says skip the dessert', 'the vet reckons we should move it to May': a change
    someone advises, passed on as a request, is that request; anything else stays as said."""
    m = _ADVICE.match(c)
    if m is None or not _imperative(m["rest"]) or not read_frame(m["rest"]).known:
        return c
    return m["rest"]


def _retyped(value: str, kind: ValueKind, new: str) -> str | None:
    """``value`` with ``new`` in place of its phrase of ``kind``; for a time, in place of a
    bare hour after 'at' too ('tuesdays at 5' -> 'tuesdays at 5:30'); a day of the month said
    alone ('the 26th') changes the day of a date only ('sat 19 april' -> 'sat 26 april')."""
    day = _DAY_OF_MONTH.fullmatch(new) if kind == ValueKind.DATE else None
    held = _span(value, kind) if day else None
    if day and held and (n := re.search(r"\d{1,2}(?:st|nd|rd|th)?", held)) and re.search(
            rf"\b(?:{_MONTH_NAMES})\b", held, _I):
        said = day["n"] + (day["th"] if n[0][-1:].isalpha() else "")  # "1st" -> "9th", "19" -> "26"
        return value.replace(held, held[:n.start()] + said + held[n.end():], 1)
    if (done := retype(value, kind, new)) is not None:
        return done
    m = re.search(r"\bat\s+\d{1,2}\b(?![:.]\d)", value) if kind == ValueKind.TIME else None
    return f"{value[:m.start()]}at {new}{value[m.end():]}" if m else None


def _doer_of(new: str) -> str:
    """'Priya from Fixit to do the wiring': who is put in, without the work named after
    'to', which is the task's own; anything else as it is."""
    m = re.match(r"^(?P<who>(?-i:[A-Z])[\w'-]*(?:\s+(?:from|at|of)\s+(?-i:[A-Z])[\w'&-]*"
                 r"(?:\s+(?-i:[A-Z])[\w'&-]*)*)?)\s+to\s+(?P<verb>[a-z]+)\b", new, _I)
    return m["who"] if m is not None and is_verb(m["verb"]) else new


def _modifier_for_phrase(title: str, old: str, new: str) -> bool:
    """'photo' in 'order the photo cards' qualifies the noun after it; a new phrase with its
    own preposition ('the one from the party') cannot take that place."""
    after = re.search(rf"\b{re.escape(old)}\s+(?P<next>[a-z]+)\b", title, _I)
    return after is not None and can_be_noun(after["next"]) and re.search(
        rf"(?:^|\s)(?:{_SLOT_PREPS}|of)\s", new, _I) is not None


def _names_thing(head: str) -> bool:
    """'Christmas cards this year', 'organising the spring fair at the hall': a name, or a plan
    opened with a gerund or told as what one is doing, with no verb that makes it a clause."""
    if _PLAN.match(head) or (_OPENING.match(head) and not _FINITE_WORD.search(head)):
        return True
    words = re.findall(r"[A-Za-z]+", head)
    return 0 < len(words) <= 10 and not _FINITE_WORD.search(head) and not _DETERMINED.match(
        head) and not any(_verb_in_name(w, n) for n, w in enumerate(words))


def _verb_in_name(word: str, at: int) -> bool:
    """Whether ``word``, the ``at``-th word of a would-be name, makes it a clause: a verb with
    no noun reading. A gerund is a modifier ('a driving lesson'); so is a base form after the
    first word ('a garden restock'), and a capitalised word inside is a proper name."""
    if not is_verb(word) or can_be_noun(word) or word.endswith("ing"):
        return False
    return at == 0 or (not word[:1].isupper() and lemma(word) != word.lower())


def _finished_by(task: Task, state: str) -> bool:
    """Whether a state told of a task's thing finishes it: 'the frame's painted' does not
    finish 'Sand the frame', a step with another verb of its own; 'the tiles are in', a
    participle that finishes any thing ('sent', 'collected') and a task named by its thing
    alone ('Kitchen tiles') do."""
    first = state.split(maxsplit=1)[0]
    words = task.title.split()
    return lemma(first) == first.lower() or len(words) < 2 or not _imperative(task.title) or (
        lemma(words[0].lower()) == lemma(first)) or _FINISHING.fullmatch(state) is not None


def _imperative(phrase: str) -> bool:
    """A phrase that starts with a verb in its base form ('write a cover letter')."""
    words = phrase.split()
    if not words:
        return False
    first = words[0].lower()
    return (is_verb(first) and lemma(first) == first) or (
        not in_dictionary(first) and first.endswith(("ise", "ize", "ate", "fy"))) or (
        _unknown_verb(words))


def _unknown_verb(words: list[str]) -> bool:
    """A word the dictionary lacks, in lower case, before a determiner and its noun: a verb of
    a trade ('degrease the chain') in the place of an imperative's."""
    return len(words) > 2 and words[0].isalpha() and words[0].islower() and not in_dictionary(
        words[0]) and words[0] not in STOP and words[0] not in ROLE_WORDS and (
        words[1].lower() in _DETERMINERS)


#: Words that may come before a value and are no part of what it is of ('on sat the 3rd').
_VALUE_OPENERS = frozenset({"the", "on", "at", "for", "about", "around", "roughly", "approx",
                            "approximately", "nearly", "almost", "just", "under", "over", "by",
                            "from", "until", "till", "due", "every", "each", "this", "next"})


def _starts_with_value(text: str) -> bool:
    """Whether ``text`` opens with a value (a date, time, price, count or name), after words
    that only lead into one ('on sat 3 May', 'about £40'); 'lovely today' opens with none."""
    typed = [p for _, p in typed_phrases(text, sentence=False)]
    at = text.lower().find(typed[0].lower()) if typed else -1
    return at >= 0 and all(w.lower() in _VALUE_OPENERS or DAY_WORD.fullmatch(w.strip(","))
                           for w in text[:at].split())


def _stated_fact(item: str) -> tuple[str, str] | None:
    """'The launch is on sat 3 May', 'entry's £20': an item of a list that states a fact, its
    name (a short noun phrase) and a value; None for anything else."""
    m = _COPULA.match(item.strip())
    if m is None:
        return None
    name = clean_phrase(m["subj"])
    value = clean_phrase(_PREPARED.sub("", m["rest"].strip()))
    if _NAMES_PLACE.match(item.strip()[m.end("subj"):]) and all(
            k == ValueKind.NAME for k, _ in typed_phrases(value.split()[0], sentence=False)):
        return None  # "Gran's Welsh cakes": whose they are, no "is"
    words = name.split()
    if not 1 <= len(words) <= 3 or name.lower() in (*_PRONOUNS, *_NO_THING, "i", "we", "you",
                                                     "there", "what", "here", "who") or any(
            not can_be_noun(w) or w.lower() in _DETERMINERS for w in words[-1:]) or (
            typed_phrases(name)) or not _starts_with_value(value):
        return None
    return name, value


#: "going with the blue one", "we're opting for Hale & Co": a choice made, no step named.
_GOING_WITH = re.compile(r"^(?:(?:i'm|we're|i am|we are)\s+)?(?:going with|going for|opting for|"
                         r"settling on|settled on)\s+(?P<v>.+)$", _I)
#: "get the blue one instead, $40": a choice in place of the one made.
_CHOSEN_INSTEAD = re.compile(r"^(?:get|use|go with|going with|pick|choose)\s+(?P<v>.+?)\s+instead"
                             r"(?:\s*,\s*(?P<details>.+))?$", _I)
#: Verbs of a step that asks for a choice ('pick a venue', 'choose a replacement').
_CHOOSING = frozenset({"choose", "pick", "select", "decide", "find", "source"})
#: "changed, ...", "changed to ...": a change told, its new value after it.
_CHANGED_TO = re.compile(r"^(?:changed|switched|altered)(?:\s*,\s*|\s+to\s+)", _I)
#: "the chairs are coming from the church": a thing on its way, and from where or when.
_COMING = re.compile(r"^(?P<subj>[\w' -]+?)(?:'s|'re|\s+is|\s+are|\s+will\s+be)\s+(?:coming|"
                     r"arriving|being\s+(?:delivered|collected|brought|lent|sent|dropped\s+off))\s+"
                     r"(?P<how>(?:from|on|by|at|with|in)\s+.+)$", _I)
#: Verbs that take no object: alone before a role phrase ("go with Bo") they name no task.
_NO_OBJECT_VERBS = frozenset({"go", "come", "head", "stick", "stay", "pop", "get"})
#: "go with Fiddle Fix for the music": a choice, and the task it is for.
_CHOSEN_FOR = re.compile(r"^(?:let's\s+)?(?:go\s+with|use|try|pick|choose|book)\s+"
                         r"(?P<choice>(?-i:[A-Z])[\w'&. -]+?)\s+for\s+(?:the|my|our)\s+"
                         r"(?P<what>[\w' ]+?)(?:\s+instead)?(?:\s*(?:-+|,)\s*(?P<details>.+))?$",
                         _I)
#: "... and hope to raise £300": what the speaker aims at, said after what they do.
_AND_AIM = re.compile(r"\s+and\s+(?:want|need|hope|plan|would like|'d like)\s+(?=to\s)", _I)
#: "the centre has confirmed my course for 3 May": the speaker's thing, booked by others.
_CONFIRMED = re.compile(r"^(?P<who>.+?)\s+(?:has|have|'s|'ve)\s+(?:just\s+|now\s+)?(?:confirmed|"
                        r"booked|accepted|approved|scheduled)\s+(?:my|our)\s+(?P<plan>[\w' -]+?)"
                        r"(?P<rest>\s+(?:for|on)\s+.+)?$", _I)
#: "Plus ...", "then ...", "... as well": words around one more item of the plan.
_ITEM_LEAD = re.compile(r"^(?:(?:and\s+)?(?:plus|then|also|and)\s+)+", _I)
_ITEM_TAIL = re.compile(r"\s+(?:as\s+well|too)$", _I)
#: "she's sending it Friday", "Jo's bringing them over on the 3rd": when a thing comes.
_WHEN_OF_IT = re.compile(r"^(?:he|she|they|(?-i:[A-Z])[a-z]+)(?:'s|'re|\s+is|\s+are|'ll|\s+will)\s+"
                         r"[a-z]+\s+(?:it|them)\s+(?:over\s+|round\s+|in\s+)?(?:on\s+|by\s+)?"
                         r"(?P<when>.+)$", _I)
#: "Ola won't have them back until Friday": what someone brings, held up until a new when.
_HELD_UP = re.compile(r"^(?P<who>(?-i:[A-Z])[a-z]+)\s+(?:can't|cannot|won't|couldn't)\s+[a-z]+\s+"
                      r"(?:it|them)(?:\s+(?:back|over|in|round))?"
                      r"(?:\s+(?:to|over to|back to)\s+(?:me|us))?"
                      r"\s+(?:till|until|before)\s+(?P<when>.+)$", _I)
#: "hers is still £62", "the match is still on the 3rd": a value said to stand.
_STILL = re.compile(r"^(?P<subj>[\w' -]+?)(?:'s|\s+is|\s+are)\s+still\s+(?:on\s+|at\s+)?"
                    r"(?P<value>[^,]+)$", _I)
#: "their charges are ...", "the quotes were ...": a subject, then what it is a list of.
_ITEMS_ARE = re.compile(r"^(?P<subject>(?:the|their|his|her|its|our|my)\s+[a-z][\w -]{2,30}?)"
                        r"\s+(?:are|were|come to)\s+(?P<items>.+)$", _I)
#: "£80 for the hall", "$12 for two tickets": a price and the thing it is for.
_PRICE_FOR = re.compile(r"^(?P<price>[$£€]\d[\d,.]*)\s+for\s+(?P<thing>\S.*)$", _I)
#: "The club wants a safety check done by the AGM on 3 May": a thing others want
#: done, and by when.
_WANTED_DONE = re.compile(r"^(?:the\s+)?[\w' -]{2,40}?\s+(?:wants?|needs?|ha(?:s|ve) asked for)\s+"
                          r"(?:a|an)\s+(?P<plan>[\w' -]{2,40}?)\s+(?:done|sorted|organi[sz]ed|"
                          r"arranged|held|run|booked)\s+(?P<rest>(?:by|before|on|for|in)\s.+)$", _I)
#: A label of any words before a colon, for a label that names the plan it is for.
_LONG_LABEL = re.compile(r"^\s*([^:]{2,60}?)\s*:\s+(.+)$", re.S)
#: "Still to buy for the party": what a list is, and the plan it is for.
_LABEL_FOR = re.compile(r"^(?P<lead>[\w' -]{2,40}?)\s+for\s+(?:(?:the|my|our|his|her|their)\s+|"
                        r"(?=(?-i:[A-Z])[\w-]*'s\s))(?P<plan>[\w' -]{2,40})$", _I)
#: "three stalls so far", "2 lifts for now": a label with a count and a when of the counting.
_COUNTED_LABEL = re.compile(rf"^(?:(?:{'|'.join(NUMBER_WORDS)}|\d+)\s+)?(?P<label>.+?)"
                            r"(?:\s+(?:so far|for now|at the moment|right now|to start with|"
                            r"to begin with|in|back))?$", _I)
#: "..., all on Tuesday", "..., each at 2": what a list's last words say of every item.
_SAID_OF_ALL = re.compile(r",\s*(?:all|each|both)\s+(?P<what>(?:on|at|in|from|for|by)\s+[^,]+?)"
                          r"[.!]?$", _I)
#: ", and everything must be ready by 30 May": when everything of a list is due.
_ALL_DUE = re.compile(r",?\s+and\s+(?:it\s+all|all\s+of\s+it|they\s+all|all\s+of\s+them|"
                      r"everything)\s+(?:(?:has|have|needs?)\s+to|must|should)\s+be\s+(?:in|done|"
                      r"finished|ready|"
                      r"submitted|sent)\s+(?P<when>by\s+.+?)\W*$", _I)
#: "the first job is ...", "next bit's to ...": one step of the plan, by its place in order.
_ORDINAL_STEP = re.compile(r"^(?:the\s+)?(?:first|next|last|final|second|third|other)\s+(?:thing|"
                           r"bit|step|job|task|stage)(?:\s+to\s+do)?(?:'s|\s+is|\s+will\s+be)\s+"
                           r"(?:to\s+)?(?P<step>.+)$", _I)
#: "the remaining steps", "other jobs": a subject that only names steps.
_STEPS_WORD = re.compile(r"(?:(?:remaining|other|next|last|main|outstanding)\s+)?"
                         r"(?:steps|jobs|tasks|things to do|stages)", _I)
#: "the cake must be gluten free", "guests pay £3": what a task has to be, or costs.
_REQUIRED = re.compile(r"^(?P<subj>[\w' .&-]+?)\s+(?:(?:should|must|has to|have to|needs? to)\s+be|"
                       r"pays?(?=\s+[$£€]\d))\s+(?P<rest>.+)$", _I)
#: " this season", " on the 7th": words after a subject that say when, not what it is.
_SUBJECT_WHEN = re.compile(r"\s+(?:(?:this|next|last)\s+(?:season|time|year|month|week|term)|"
                           r"(?:on|for)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)$", _I)


def _without_remark(clause: str) -> tuple[str, str]:
    """A request and the remark after its last comma ('wash the van, the kids leave mud
    all the time'): a clause with a subject of its own and a verb, no step; '' for none."""
    request, comma, remark = clause.rpartition(",")
    words = remark.split()
    if not comma or not request.strip() or len(words) < 3 or _imperative(remark):
        return clause, ""
    if _SUBJECT_FIRST.match(remark.strip()):  # "they always forget"
        told = any(is_verb(w) or w.lower() in _FINITE_VERBS for w in words[1:4])
    else:  # "the kids leave mud": a noun subject, then a verb that is no noun
        told = bool(_NOUN_SUBJECT_FIRST.match(remark.strip())) and any(
            w.lower() in _FINITE_VERBS or (is_verb(w) and not can_be_noun(w)) for w in words[2:4])
    if not told:
        return clause, ""
    return request.strip(), remark.strip()


def _listed_request(item: str) -> bool:
    """An item of a list that asks for something done ('prune the roses', 'Sort Mum's
    boxes'); not a name of two capitalised words whose first is also a verb ('Harbour
    Cafe')."""
    return _imperative(item) and not re.match(r"(?-i:[A-Z])\w*\s+(?-i:[A-Z])[\w-]*(?!['\w-])",
                                              item)


def _noun_item(phrase: str) -> bool:
    """'skip hire', 'prizes for each age group': an item of a list named by a noun, with no
    verb of its own before its role phrases."""
    head = re.split(rf"\s(?:{_SLOT_PREPS}|of)\s", phrase, maxsplit=1, flags=_I)[0].split()
    return 1 <= len(head) <= 4 and len(phrase.split()) <= 8 and can_be_noun(head[-1]) and (
        not _FINITE_WORD.search(phrase)) and not _imperative(phrase)


#: Prepositions and pronouns the dictionary also lists as nouns ('beside', 'themselves'): in
#: a phrase they make it a remark ("beside themselves"), never a thing named.
_NO_NOUN_WORDS = frozenset([
    "beside", "besides", "behind", "above", "below", "beneath", "under", "over", "between",
    "among", "around", "near", "against", "without", "within", "across", "along", "myself",
    "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"])
_NOT_IN_A_NAME = STOP | _NO_NOUN_WORDS


def _bare_noun_phrase(phrase: str) -> bool:
    """'blood orange', 'left forearm': nouns and modifiers alone, one a noun that is never an
    adjective; no determiner, preposition or adverb ('behind the garage', 'properly wild'),
    no participle first ('covered in dust')."""
    words = re.findall(r"[\w'-]+", phrase)
    return bool(words) and any(names_only_a_thing(w) for w in words) and all(
        (can_modify(w) or w[:1].isupper() or not w.isalpha())
        and w.lower() not in _NOT_IN_A_NAME for w in words) and not (
            is_verb(words[0]) and lemma(words[0]) != words[0].lower()
            and not can_be_noun(words[0]))


#: "Could you keep track of ...", "help me organise ...": a request to hold a plan.
_HELP_ASKED = re.compile(
    r"^(?:(?:any|is\s+there\s+(?:any|a))\s+(?:chance|way)\s+you\s+(?:can|could|might)\s+|"
    r"(?:can|could|would|will)\s+you\s+(?:possibly\s+)?)?(?:please\s+)?(?:help\s+me\s+(?:to\s+)?(?:keep\s+"
    r"track\s+of|keep\s+tabs\s+on|plan|organi[sz]e|sort\s+out|manage|with)|keep\s+track\s+of|"
    r"keep\s+tabs\s+on)\s+"
    r"(?P<thing>(?:the|my|our|a|an)\s.+?|(?P<it>it|this|that|all\s+(?:of\s+)?(?:this|that|it))|"
    r"(?!(?:it|this|that|them|everything|things|stuff|all|me|us)\b)[a-z][\w'-]*(?:\s+[\w'-]+)"
    r"{0,5}?)"
    r"(?:\s+for\s+(?:me|us))?(?:,?\s+please)?[?.!]?$", _I)
#: "... roped me into running the fete on ...": what the speaker is doing, in a sentence
#: before a request to keep track of "it".
_DOING_THING = re.compile(r"\b(?P<doing>[a-z]+ing)\s+(?P<thing>(?:the|our|my)\s.+)$", _I)
#: "the quiz I'm hosting for the school": a thing and what the speaker does with it.
_THING_DONE = re.compile(r"^(?P<thing>.+?)\s+(?:that\s+|which\s+)?(?P<who>i'm|i am|we're|"
                         r"we are)\s+(?P<doing>[a-z]+ing)\b(?P<rest>.*)$", _I)


def _help_asked(sentence: str) -> str:
    """'Can you keep track of the quiz I'm hosting for the school?' -> 'I'm hosting the quiz
    for the school.': a request to hold a plan, said as the plan it names; any other
    sentence as it is."""
    m = _HELP_ASKED.match(sentence.strip())
    if m is None or m["it"]:
        return sentence
    done = _THING_DONE.match(m["thing"])
    if done is None:
        return f"I'm planning {m['thing']}."
    return f"{done['who']} {done['doing']} {done['thing']}{done['rest']}."


def _doing_kept(told: list[str]) -> list[str]:
    """'They've roped me into running the fete on the 3rd. Could you track it for me?' -> "I'm
    running the fete on the 3rd.": a request to keep track of "it" names what the sentence
    before says the speaker is doing; the sentences as they are when none does."""
    for n, sentence in enumerate(told[1:], start=1):
        asked = _HELP_ASKED.match(sentence.strip())
        doing = _DOING_THING.search(told[n - 1].rstrip(" .!"))
        if asked is None or not asked["it"] or doing is None or not (
                is_verb(doing["doing"]) and lemma(doing["doing"]) != doing["doing"].lower()):
            continue
        return [*told[:n - 1], f"I'm {doing['doing'].lower()} {doing['thing']}.", *told[n + 1:]]
    return told


#: "The school just told us (that) ...": news passed on, before the news itself (not "told me
#: to ...", which asks for something).
_TOLD_ME = re.compile(r"^(?:the\s+|my\s+|our\s+)?[\w' ]{1,30}?\s+(?:has\s+|have\s+)?(?:just\s+)?"
                      r"(?:told|informed|emailed|texted|messaged)\s+(?:me|us)\s+(?:that\s+)?"
                      r"(?!to\s)(?=\S)", _I)
#: "I'm in charge of the X", "we're responsible for the X": a plan the speaker runs.
_IN_CHARGE = re.compile(r"^(?P<who>i'm|i am|we're|we are)\s+(?:now\s+|also\s+)?(?:in charge of|"
                        r"responsible for)\s+(?=(?:the|our|my|this)\s)", _I)
#: "Mine's for ...", "ours is ...": a sentence about the speaker's one of a thing named before.
_MINE = re.compile(r"^(?P<whose>mine|ours)(?:'s|\s+is)\s+(?P<rest>.+)$", _I)


def _mine_named(sentence: str, before: str) -> str:
    """'Mine's for Canada' after a sentence naming 'a work visa' -> 'My work visa is for
    Canada': 'mine' names the speaker's one of the last thing the sentence before named with
    'a' or 'an'; any other sentence as it is."""
    m = _MINE.match(sentence.strip())
    named = re.findall(r"\b(?:a|an)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)", before, _I)
    if m is None or not named:
        return sentence
    words = list(itertools.takewhile(lambda w: w.lower() not in STOP, named[-1].split()))
    thing = " ".join(words)
    if not thing or not can_be_noun(words[-1]):
        return sentence
    whose = "My" if m["whose"].lower() == "mine" else "Our"
    return f"{whose} {thing} is {m['rest']}"


#: "On the Friday evening we want ...": when, said before the speaker and what they want.
_WHEN_FIRST = re.compile(r"^(?P<when>(?:on|at|in|by|from)\s+[^,]{2,30}?)\s*,?\s+"
                         r"(?P<rest>(?:i|we)(?:'d|'ll|'re|'m)?\s+.+)$", _I)


#: "I've booked a fitting at Lane's for Friday": the speaker arranged a new thing, and when.
_BOOKED_BY_SPEAKER = re.compile(
    r"^(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|now\s+)?(?P<verb>booked|arranged|"
    r"scheduled)\s+(?:a|an)\s+(?P<thing>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)\s+"
    r"(?P<rest>(?:at|on|for|in|with)\s.+)$", _I)


def _subject_and_rest(c: str, m: re.Match[str]) -> tuple[str, str]:
    """What a statement ``m`` (of ``_COPULA`` or ``_REQUIRED``) is about, and what it says of
    it, its reason and preparation left out."""
    subject = _bare_subject(clean_phrase(m["subj"]))
    rest = _PREPARED.sub("", _without_reason(m["rest"].strip()))
    if m.re is _REQUIRED:  # "adults pay $8, children go free": the price alone
        rest = rest.split(",")[0]
    possessive = re.match(r"^\s*'s\b", c[m.end("subj"):]) is not None
    if possessive and (inner := _COPULA.match(rest)) and (
            len(inner["subj"].split()) <= 2 and not typed_phrases(inner["subj"])):
        # "Friday's slot is 6 to 8": the subject is 'Friday's slot', not 'Friday'
        return f"{subject} {inner['subj']}", _PREPARED.sub("", inner["rest"])
    if possessive and (elided := re.match(
            r"^(?:is|was|are|were)\s+(?:actually\s+|really\s+)?(?=\S)", rest, _I)):
        rest = rest[elided.end():]  # "Ann's is due on the 9th": Ann's one is due then
    return subject, rest


#: "swap Ann to 3:30", "switch the fitting to Monday": a time or day given in place of one.
_SWAPPED_TO = re.compile(r"^(?:swap|switch)\s+(?P<what>[^,]+?)\s+to\s+"
                         r"(?P<when>(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day))$", _I)
#: "put the fee back to ...", "set the date back to ...": what is set back, named first.
_PUT_BACK_OBJECT = re.compile(r"^(?:put|set|change|move|take|switch)\s+(?P<what>(?:the|my|our)\s+"
                              r"[^,]+?)\s+back\b", _I)
#: "cut the budget to £500", "drop the price down to £9": a value lowered, nothing removed.
_CUT_TO = re.compile(r"^(?:cut|drop|trim|bring)\s+(?P<what>(?:the|my|our)\s+[^,]+?)\s+"
                     r"(?:(?:right\s+)?down\s+)?to\s+(?P<v>[$£€]?\d[\d,.]*(?:\s*[a-z%]+)?)$", _I)
#: "24 again", "Friday again": a value memory held before, said once more alone.
_AGAIN = re.compile(r"^(?:so\s+|ok\s+|okay\s+)?(?P<v>[$£€]?\d[\w.:,]*|(?:mon|tues|wednes|thurs|"
                    r"fri|satur|sun)day)\s+again$", _I)
#: "leave the dog at home", "leave the tent behind": a thing not brought after all.
_LEFT_BEHIND = re.compile(r"^leave\s+(?P<what>(?:the|our|my|\w+)(?:\s+[\w'-]+){0,3}?)\s+"
                          r"(?:at\s+home|behind)$", _I)
#: "let's say £50 for the gift", "call it 30 for the headcount": a value put to a thing.
_SAY_FOR = re.compile(r"^(?:(?:let's|let us|we'll|i'll)\s+(?:say|call it|put|go with)|say|"
                      r"call it)\s+"
                      r"(?P<v>[$£€]?\d[\w.,:]*)\s+for\s+(?P<what>(?:the|my|our)\s+[^,]+?)"
                      r"(?P<rest>,.*)?$", _I)


def _value_said_for(clause: str) -> str:
    """"let's say £50 for the gift, it's a big birthday" -> "make the gift £50": a value
    said for a thing is a change of it (the reason after it left out); any other clause as
    it is."""
    m = _SAY_FOR.match(clause)
    if m is None or not typed_phrases(m["v"], sentence=False):
        return clause
    return f"make {m['what']} {m['v']}"


#: "... £60... actually no, £50", "from Hippo - no sorry, from Acorn": a speaker taking back
#: what they just said, and saying it again.
_TAKEN_BACK = re.compile(r"(?:\.\.\.|\u2026|\s[-\u2013]\s|,)\s*(?:(?:no|nah|oh|oops)[\s,]+)*"
                         r"(?:wait|sorry|actually\s+no|i mean|scratch that)"
                         r"[\s,]+|(?:\.\.\.|\u2026|\s[-\u2013]\s)\s*(?:no|nah)[\s,]+", _I)
#: A role phrase said again: "from Acorn Skips".
_ROLE_AGAIN = re.compile(r"^(?P<prep>from|at|with|in|on)\s+(?P<what>[^,.;!?]+)", _I)


def _self_corrected(text: str) -> str:
    """'Set it to £30... actually no, £25 will do' -> 'Set it to £25.': a value (or a role
    phrase: 'from X') said after the speaker takes back what they said takes the place of the
    last one of its kind before; the words after it are a remark. Taken back to keep what was
    ('- no, keep the 12th'), only the words after. The text as it is when nothing before is
    of that kind."""
    m = _TAKEN_BACK.search(text)
    if m is None:
        return text
    before, after = text[:m.start()], text[m.end():]
    if re.search(r"\b(?:keep|stick with|stay with|leave it)\b", after, _I):
        return after  # "move it to the 13th - no, keep the 12th": nothing moves
    typed = [(k, p) for k, p in typed_phrases(after, sentence=False) if k != ValueKind.NAME]
    if typed and (earlier := [p for k, p in typed_phrases(before, sentence=False)
                              if k == typed[0][0]]):
        at = before.rfind(earlier[-1])
        return f"{before[:at]}{typed[0][1]}{before[at + len(earlier[-1]):]}."
    if (role := _ROLE_AGAIN.match(after)) and (old := list(re.finditer(
            rf"\b{role['prep']}\s+[^,.;!?]+", before, _I))):
        return f"{before[:old[-1].start()]}{role[0].strip()}{before[old[-1].end():]}."
    return text


def _person_when(item: str) -> tuple[str, str | None]:
    """'Ann Lee at 2:00' -> ('Ann Lee', '2:00'): a person named and when, as a title and its
    value; any other item whole, with no value."""
    m = re.fullmatch(r"(?P<name>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+(?:at|on)\s+"
                     r"(?P<when>.+)", item.strip(), _I)
    if m is None or in_dictionary(m["name"].split()[0].lower()) or not _only_value(
            m["when"]) or not any(k in (ValueKind.DATE, ValueKind.TIME)
                                  for k, _ in typed_phrases(m["when"], sentence=False)):
        return item, None
    return m["name"], m["when"]


def _booking_told(clause: str) -> str:
    """"I've booked a fitting at Lane's for Friday at 2" -> "The fitting is booked at Lane's for
    Friday at 2": a thing the speaker booked, said as the thing and when (and where) it is;
    a clause with no date or time in what follows the thing as it is."""
    m = _BOOKED_BY_SPEAKER.match(clause)
    if m is None or not any(k in (ValueKind.DATE, ValueKind.TIME)
                            for k, _ in typed_phrases(m["rest"], sentence=False)):
        return clause
    return f"The {m['thing']} is {m['verb'].lower()} {m['rest']}"


def _when_put_after(clause: str) -> str:
    """'On Friday evening we want a quiz, and a raffle' -> 'we want a quiz on Friday evening,
    and a raffle': a date or time said first goes after the first thing named."""
    m = _WHEN_FIRST.match(clause)
    if m is None or not any(k in (ValueKind.DATE, ValueKind.TIME)
                            for k, _ in typed_phrases(m["when"], sentence=False)):
        return clause
    rest, cut = m["rest"], m["rest"].find(",")
    return f"{rest[:cut]} {m['when']}{rest[cut:]}" if cut > 0 else f"{rest} {m['when']}"


#: "Ken on electricals": a person named, and what they do.
_PERSON_ON = re.compile(r"^(?P<name>(?-i:[A-Z])[\w'-]+)\s+(?P<role>(?:on|for|doing|with)\s+\S.*)$",
                        _I)


def _name_and_role(entry: str) -> tuple[str | None, str | None]:
    """'Ann friday, $15' -> ('Ann', 'friday, $15') as ``_name_and_details`` cuts it, else
    'Ken on electricals' -> ('Ken', 'on electricals'): a person and the part they take."""
    name, details = _name_and_details(entry)
    if name is not None:
        return name, details
    m = _PERSON_ON.match(entry)
    return (m["name"], m["role"]) if m else (None, None)


def _people_joined(current: str, who: str) -> str | None:
    """A list of people with ``who`` added last ('Ola and Tomasz' -> 'Ola, Tomasz and Zofia');
    None when ``current`` is no list of people."""
    if current and not all(k == ValueKind.NAME or p.lower() == "and" for k, p in
                           typed_phrases(current, sentence=False)):
        return None
    people = [p for p in re.split(r"\s*(?:,|\band\b)\s*", current) if p]
    return " and ".join([", ".join(people), who]) if people else who


def _people_only(value: str) -> bool:
    """Whether ``value`` lists two or more people by name alone ('Priya, Dermot and Kwame')."""
    entries = [e for e in re.split(r"\s*(?:,|\band\b|&)\s*", value.strip()) if e]
    return len(entries) > 1 and all(
        re.fullmatch(r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?|me", e) for e in entries)


def _unquoted(text: str) -> str:
    """``text`` without the quotes around it, if any."""
    return re.sub(rf"^{_QUOTE}$", lambda m: m.group()[1:-1], text.strip())


def _needs_a_doing(c: str, m: re.Match[str]) -> bool:
    """Whether the order ``m`` read in ``c`` is a thing that needs a doing ("needs painting",
    "needs doing by the 7th"), not one task waiting for another."""
    return bool(m["b"]) and re.match(r"needs?\s", c[m.end("a"):].strip(), _I) is not None and (
        re.match(r"(?:[a-z]+ing|done|finished|sorted)\b", m["b"].strip(), _I) is not None)


def _joined_to(value: str | None, said: str) -> str:
    """``said`` after what a task holds ('in the hall' and 'at 6' -> 'in the hall, at 6')."""
    return f"{value}, {said}" if value else said


def _has_a_noun(title: str) -> bool:
    """Whether ``title`` has a word that can name a thing or a doing once its dates and times
    are left out: 'the quiz' and 'Late summer fair' do, 'late on Friday' and 'early' do not."""
    for kind, phrase in typed_phrases(title, sentence=False):
        if kind in (ValueKind.DATE, ValueKind.TIME):
            title = title.replace(phrase, " ")
    return any(can_be_noun(w) or is_verb(w) for w in re.findall(r"[A-Za-z][\w'-]*", title)
               if w.lower() not in STOP)  # a gerund names a doing: 'the leafleting'



def _named_by_head(subject: str, task: Task) -> bool:
    """Whether ``subject`` names ``task`` by the words of its title before any role phrase:
    'the bake' names 'Do a test bake of the cakes', 'the cakes' does not."""
    head = re.split(rf"\s(?:{_SLOT_PREPS}|of)\s", task.title, maxsplit=1)[0]
    return set(stems(subject)) <= set(stems(head))


def _without_reason(rest: str) -> str:
    """'110 since the newsletter mentioned us' -> '110', '£5, £4 was last year' -> '£5': a
    value without the clause after 'because' or 'since' that gives the reason for it (a
    clause: it has a verb of its own), nor one after a comma that tells what was before."""
    rest = re.split(r",\s+(?=(?:[$£€]?[\w.]+\s+){1,2}(?:was|were)\b)", rest, maxsplit=1)[0]
    link = re.search(r"\s+(?:because|since)\s+", rest, _I)
    if link is None:
        return rest
    value, reason = rest[:link.start()], rest[link.end():]
    clause = bool(_FINITE_WORD.search(reason)) or any(
        is_verb(w) and lemma(w) != w.lower() and not can_be_noun(w) for w in reason.split()[1:])
    return value if clause and typed_phrases(value, sentence=False) else rest


#: "it's ", "that's ", "they are ": a pronoun and its copula before the value it gives.
_IT_IS = re.compile(r"^(?:it|that|this|they|these|those)(?:'s|'re|\s+is|\s+are)\s+(?=\S)", _I)

#: "£4 a ticket", "$12 per head": a price and the one thing it is for.
_PRICE_PER = re.compile(r"^[$£€]\d[\d.,]*\s+(?:a|an|per|each)\s+(?P<noun>[a-z]+)$", _I)


def _priced_per(item: str) -> tuple[str, str] | None:
    """'£4 a ticket' -> ('ticket', '£4 a ticket'): an item that prices one thing, the thing
    its name and the item its value; None for anything else."""
    m = _PRICE_PER.match(item.strip())
    return (m["noun"], item.strip()) if m and can_be_noun(m["noun"]) else None


def _assigned_value(who: str, assigned: re.Match[str]) -> str:
    """'Jess' doing 'the logo in teal', 'ready by Friday' -> 'Jess, in teal, ready by Friday':
    who does a task, how (the role phrase after its object), and the details after."""
    how = re.split(r"\s+(?=(?:in|with)\s)", assigned["obj"], maxsplit=1)[1:]
    return ", ".join(p for p in (who, *how, assigned["details"]) if p)


def _doer_joined(value: str | None, doer: str) -> str:
    """Who does a task, after what its value says it is ('lemon' and 'Ann' -> 'lemon, Ann'); in
    place of a value that names someone else already."""
    if value and not any(k == ValueKind.NAME for k, _ in typed_phrases(value, sentence=False)):
        return _joined_to(value, doer)
    return doer


def _links(op: Operation) -> set[str]:
    """The tasks ``op`` writes or hangs from: its own, its parents, what it depends on (a
    list on a new task, one key on a link or a dependency)."""
    keys = {getattr(op, "key", "")}
    for field in ("parents", "depends_on", "parent"):
        named = getattr(op, field, None) or ()
        keys.update([named] if isinstance(named, str) else named)
    return keys


def _bare_subject(subject: str) -> str:
    """'scents this season' -> 'scents', 'moonrise on the 7th' -> 'moonrise': the thing a
    statement is about, without the words that say when."""
    return _SUBJECT_WHEN.sub("", subject) or subject


#: "Ana's piano exam is on the 3rd": a copula whose subject opens with a name's possessive.
_POSSESSED_COPULA = re.compile(r"^(?P<subj>(?-i:[A-Z])[\w-]*'s\s+[a-z][\w -]*?)\s+(?:is|are|was|"
                               r"were|will be)\s+(?P<rest>.+)$", _I)


def _possessed_copula(c: str) -> re.Match[str] | None:
    """The copula of ``c`` when its subject is a possession named with its owner ('Ana's
    exam is ...'), not the owner alone ('Ana's at work'); None otherwise."""
    m = _POSSESSED_COPULA.match(c)
    return m if m is not None and not _FINITE_WORD.search(m["subj"].replace("'s ", " ")) else None


def _timed_value(typed: list[tuple[ValueKind, str]]) -> bool:
    """Values that say when a thing is: led by a date or time, or by a place ('the museum on
    Friday') with a date or time after it."""
    kinds = [k for k, _ in typed]
    return kinds[0] in (ValueKind.DATE, ValueKind.TIME) or (
        kinds[0] == ValueKind.NAME and bool({ValueKind.DATE, ValueKind.TIME} & set(kinds[1:])))


def _first_kind(item: str) -> ValueKind | None:
    """The kind of the first value ``item`` states, None when it states none."""
    typed = typed_phrases(item, sentence=False)
    return typed[0][0] if typed else None


#: "here's the running order: A, B and C", "and the menu: ...": a label leading a list mid-sentence.
_LABELLED_LIST = re.compile(r"^(?:and\s+)?(?:here(?:'s|\s+is|\s+are)\s+)?(?:the\s+|our\s+|my\s+)?"
                            r"(?P<label>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}"
                            r"(?:\s+(?:so far|for now|at the moment|right now|in|back))?):\s+"
                            r"(?P<items>.+)$", _I)
#: "the judging's on the 6th now", "judging on the 6th": a thing, and its new value.
_NAMED_VALUE = re.compile(r"^(?:the\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                          r"(?:'s|\s+is|\s+are)?(?:\s+now)?(?:\s+(?:on|at|for|by))?\s+"
                          r"(?P<v>(?:the\s+)?[\w£$€:.,-]+(?:\s+[\w:.-]+){0,3}?)(?:\s+(?:now|instead))?$",
                          _I)
#: "I'm ...", "she's ...", "we are ...": a person, and what they are or where they will be.
_PERSON_IS = re.compile(r"^(?:i|we|he|she|they)(?:'m|'re|'s|\s+am|\s+are|\s+is|\s+was|\s+were)\b",
                        _I)
#: "I'm away on the 9th", "she's busy at 5": where a person will be, no value of any task.
_WHEREABOUTS = re.compile(_PERSON_IS.pattern + r"\s+(?:out|away|off|busy|free|unavailable|"
                          r"around|home|back|working|on holiday|on leave)\b", _I)


def _later(task: Task, than: Task) -> bool:
    """Whether ``task`` was changed after ``than`` (both known to have been)."""
    return task.updated_at is not None and than.updated_at is not None and (
        task.updated_at > than.updated_at)


def _only_when(phrase: str) -> bool:
    """A phrase that is only a date or a time ('Friday', 'the 9th at 3pm')."""
    return _only_value(phrase) and all(k in (ValueKind.DATE, ValueKind.TIME)
                                       for k, _ in typed_phrases(phrase, sentence=False))


def _past_participle(phrase: str) -> bool:
    """Whether ``phrase`` opens with a past participle ('delivered by 6pm', 'paid on the 3rd')."""
    first = phrase.split(maxsplit=1)[0].lower() if phrase.split() else ""
    return first.endswith("ed") and is_past(first)


def _detail_only(title: str) -> bool:
    """A title that names no thing: a value alone ('£90') or one with how it comes ('delivered
    by 6pm')."""
    if nameless(title) and _only_value(title[:1].lower() + title[1:]):
        return True  # (lowered: a capital that opens a title is no name)
    told = re.match(r"\S+\s+(?:by|on|at|for|before|from|in)\s+(?P<value>.+)$", title, _I)
    return _past_participle(title) and told is not None and _only_value(told["value"])


def _only_value(item: str) -> bool:
    """An item that is only a value ('around $40 a month', '8 till 6'), no task of its own."""
    typed = typed_phrases(item, sentence=False)
    rest = item
    for _, phrase in typed:
        rest = rest.replace(phrase, " ")
    if re.search(r"(?<!of )\b(?:him|her|them|it|me|us)\b", rest, _I):
        return False  # "Jo in for him": a value and who it stands for ("12 of them" is one)
    return bool(typed) and not set(stems(rest)) - {"month", "week", "day", "year", "around",
                                                   "roughly", "cost", "each", "per", "hour",
                                                   "head", "person", "print", "ticket", "night",
                                                   "till", "until", "from", "to"}


def _outcome_part(part: str) -> bool:
    """A part of a report that says what came of it: a measure, a price, a date or a time,
    with at most one word of its own ('sat 25 oct', '10am slot', '4 hrs'); a name is not."""
    typed = [(k, p) for k, p in typed_phrases(part, sentence=False) if k != ValueKind.NAME]
    rest = part
    for _, phrase in typed:
        rest = rest.replace(phrase, " ")
    return bool(typed) and (_only_value(part) or len(rest.split()) <= 1)


def _span(text: str, kind: ValueKind) -> str | None:
    """The stretch of ``text`` from its first to its last phrase of ``kind`` when they form
    one run ('Tuesdays and Fridays'); else its first such phrase."""
    phrases = [p for k, p in typed_phrases(text) if k == kind]
    if not phrases:
        return None
    start = text.find(phrases[0])
    end = text.rfind(phrases[-1]) + len(phrases[-1])
    between = text[start:end]
    if len(phrases) > 1 and re.fullmatch(
            r"(?:" + "|".join(re.escape(p) for p in phrases)
            + r"|[\s,]|and|or|&|-|to|through|until|till|the)+", between):
        return between
    return phrases[0]


def _title_and_roles(head: str) -> tuple[str, str]:
    """'DevDay, a conference in Lisbon' -> ('DevDay', 'a conference in Lisbon'); 'my move
    from A to B on a date' -> ('move', 'from A to B on a date')."""
    m = re.match(r"^(?P<title>.+?)(?:\s*,\s*|\s+(?=(?:in|from|to|on|at|for|with|by|this|"
                 r"next|starting|until|between|near)\b))(?P<rest>.*)$", head.strip(), _I)
    if m is None:
        return clean_phrase(head), ""
    return clean_phrase(m["title"]), m["rest"].strip(" ,.")


def _person_taken_to(title: str, roles: str) -> tuple[str, str]:
    """('Leo', 'to the county show on May 3') -> ('county show', 'on May 3, with Leo'): a person
    taken or brought to a thing is no plan's name; the thing they go to is."""
    if not re.fullmatch(r"(?:[A-Z][\w'-]*\s*(?:and|&)?\s*)+", title) or not re.match(
            r"to\s+(?:the|a|an|my|our|their|his|her)\s", roles, _I):
        return title, roles
    place, rest = _title_and_roles(roles[3:])
    return place, ", ".join(p for p in (rest, f"with {title}") if p)


def _same(a: str, b: str) -> bool:
    return fold(a).lower().strip(" .") == fold(b).lower().strip(" .")


def _same_root(a: str, b: str) -> bool:
    """'scaffolder' and 'scaffolding', 'plumber' and 'plumbing': one word's root begins the
    other, five letters at least, once a doer's '-er' is dropped."""
    a, b = (_doer_verb(w) for w in (a, b))
    root, longer = sorted((a, b), key=len)
    return root == longer or (len(root) >= 5 and longer.startswith(root))


def _doer_verb(word: str) -> str:
    """'tuner' -> 'tune', 'plasterer' -> 'plaster': the verb a doer's noun is made from; any
    other word stemmed as for matching."""
    for base in (word[:-1], word[:-2]) if len(word) > 4 and word.endswith("er") else ():
        if is_verb(base):
            return lemma(base)
    return stem(word)


def _same_word(a: str, b: str) -> bool:
    return stems(a) == stems(b) if stems(a) or stems(b) else a.lower() == b.lower()


def _distribute(items: list[str]) -> list[str]:
    """'stops in Santa Fe', 'Amarillo' -> 'stops in Santa Fe', 'stops in Amarillo': a bare name
    after a phrase with a preposition shares its head."""
    out: list[str] = []
    head: str | None = None
    for item in items:
        m = re.match(rf"^(?P<head>.+?\s(?:{_SLOT_PREPS})\s)\S", item, _I)
        if m:
            head = m["head"]
            out.append(item)
        elif head and value_kind(item) == ValueKind.NAME and len(item.split()) <= 3:
            out.append(head + item)
        else:
            head = None
            out.append(item)
    return out


def _number(word: str) -> int | None:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    return int(word) if word.isdigit() else words.get(word.lower())


def _drop_verb(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[1:]) if len(words) > 1 else phrase


def _noun_phrase(head: str) -> str:
    """The object of an imperative head: 'schedule a trip based on...' -> 'trip'."""
    words = _drop_verb(head).split()
    kept: list[str] = []
    for w in words:
        lw = w.lower().strip(",.")
        if lw in ("a", "an", "the", "my", "our", "some", "me", "us"):
            continue
        if kept and (re.fullmatch(_SLOT_PREPS, lw) or lw.endswith("ed")):
            break
        kept.append(lw)
    return " ".join(kept[:3]) or head


def _expand(items: list[str]) -> list[str]:
    """'two iPhone cases (black and clear)' -> ['black iPhone case', 'clear iPhone case']."""
    out: list[str] = []
    for item in items:
        m = re.match(r"^(?:(?P<n>\w+)\s+)?(?P<noun>[^()]+?)\s*\((?P<kinds>[^)]+)\)$", item)
        if not m:
            out.append(item)
            continue
        noun = m["noun"].strip()
        if m["n"] and _number(m["n"]) is None:
            noun = f"{m['n']} {noun}"
        elif m["n"]:
            words = noun.split()
            words[-1] = re.sub(r"(?<=[^s])s$", "", words[-1])
            noun = " ".join(words)
        out += [f"{kind} {noun}" for kind in split_list(m["kinds"])]
    return out


def _steps(text: str) -> list[tuple[str, bool]]:
    """Steps of a goal, and whether each comes after the one before ('..., then ...').
    A bare verb joins the next step: 'wash and chop celery' stays one step."""
    pieces = re.split(r"\s*(?:,\s*(?:and\s+)?then\b|\bthen\b|,|\band\b)\s*", text.strip(" ."))
    joiners = re.findall(r"\s*(,\s*(?:and\s+)?then\b|\bthen\b|,|\band\b)\s*", text.strip(" ."))
    steps: list[tuple[str, bool]] = []
    carry, carry_join = "", ""
    for i, raw_piece in enumerate(pieces):
        piece = clean_phrase(raw_piece)
        if not piece:
            continue
        join = joiners[i - 1].strip() if i > 0 and i - 1 < len(joiners) else ""
        if len(piece.split()) == 1 and i < len(pieces) - 1:
            carry = f"{carry} {piece} and" if carry else f"{piece} and"
            carry_join = carry_join or join
            continue
        step = f"{carry} {piece}".strip() if carry else piece
        steps.append((step, "then" in (carry_join or join)))
        carry, carry_join = "", ""
    return steps


def _names_an_event(head: str, slots: list[tuple[str, str]]) -> bool:
    """A short noun phrase (no verb, no negation, no pronoun) with a date or a time, each of
    its role phrases holding one value of its kind and nothing else."""
    kinds = {name.split("-")[0] for name, _ in slots}
    if not _names_a_thing(head) or _NEGATIVE.search(head) or _imperative(head) or not (
            kinds & {"date", "time"}) or not kinds <= _ATTRIBUTE_SLOTS:
        return False
    return all(len({k for k, _ in typed_phrases(v, sentence=False)}) == 1 and _only_value(v)
               for _, v in slots)


def _names_a_thing(head: str, *, determiners: frozenset[str] | None = None) -> bool:
    """A short noun phrase: one to four words ending in a noun, none of them a verb only, a
    word for no thing, or a stop word other than a determiner (of ``determiners``, when
    given)."""
    words = head.split()
    allowed = _DETERMINERS if determiners is None else determiners
    return 1 <= len(words) <= 4 and not any(
        w.lower() in _NO_THING or (w.lower() in STOP and w.lower() not in allowed)
        or (is_verb(w) and not can_be_noun(w)) for w in words) and can_be_noun(words[-1])


_DETERMINERS = frozenset({"a", "an", "the", "my", "our"})
#: Words that name no thing to do: "nothing on Friday" plans nothing.
_NO_THING = frozenset({"nothing", "something", "anything", "everything", "nobody", "somebody",
                       "anybody", "everybody", "none", "someone", "anyone", "everyone"})
#: The slots a told event may have: each must hold a value of its kind.
_ATTRIBUTE_SLOTS = frozenset({"date", "time", "person", "place"})

#: What follows the verb of a request coordinated with another ("and rent four chairs"): a
#: determiner, a number, a particle or a name; "buy eggs and milk" coordinates nouns.
_OBJECT_START = re.compile(r"^(?:the|a|an|my|our|your|his|her|their|some|this|that|these|those|"
                           r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                           r"twenty|up|out|off|down|in|back|(?-i:[A-Z])\w*)$", _I)


def _verb_phrases(clause: str) -> list[str]:
    """'Wash the car and mow the lawn' -> its two requests; a clause with one request, or
    with nouns coordinated ('buy eggs and milk'), gives itself alone."""
    parts = re.split(r"\s*,?\s+and\s+(?:then\s+)?", clause.strip(" ."), flags=_I)
    if len(parts) < 2 or not _imperative(parts[0]) or len(parts[0].split()) < 2:
        return [clause]
    for part in parts[1:]:
        words = part.split()
        if len(words) < 2 or not _imperative(part) or not _OBJECT_START.match(words[1]) or (
                read_frame(part).known):
            return [clause]
    return parts


def _shared_verb(text: str) -> list[str] | None:
    """'book a hall, a band and a photographer' -> each booked: one verb (and its particle)
    before a list of noun phrases is the verb of each; None when the text is not that."""
    words = text.strip(" .").split()
    if len(words) < 2 or not _imperative(text) or re.search(r"\b(?:instead|rather)\b", text, _I):
        return None
    n = 2 if words[1].lower() in _PARTICLE_WORDS else 1
    objects = [o.strip() for o in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+",
                                           " ".join(words[n:])) if o.strip()]
    if len(objects) < 2 or any(_imperative(o) or len(o.split()) > 4 or (_only_value(o) and any(
            k != ValueKind.NAME for k, _ in typed_phrases(o, sentence=False))) or not all(
                _noun_word(w) for w in o.split()) for o in objects):
        return None
    verb = " ".join(words[:n])
    return [f"{verb} {o}" for o in objects]


def _noun_word(word: str) -> bool:
    """A word a noun phrase may hold: a determiner, 'of', or a word that is no function word
    and no verb form that cannot name a thing ('preferred')."""
    w = word.lower().strip(",.")
    if w in _DETERMINERS or w in ("of", "some"):
        return True
    return w not in STOP and (can_be_noun(w) or not is_verb(w) or lemma(w) == w)


_PARTICLE_WORDS = frozenset({"up", "out", "off", "down", "in", "back", "on", "over"})


def _extract_value(clause: str) -> str:
    for pattern in _VALUE_PATTERNS:
        if m := pattern.search(clause):
            return clean_phrase(m["v"]) or clause
    if m := _LAST_PREP.match(clause):
        value = clean_phrase(m["v"])
        if m["prep"].lower() in _MEANINGFUL_PREPS:
            return f"{m['prep'].lower()} {value}"
        return value or clause
    return clean_phrase(clause)


#: The attribute a name after a preposition is: who comes along, where it happens.
_NAMED_ROLE = {("with", ValueKind.NAME): "person", ("at", ValueKind.NAME): "place",
               ("in", ValueKind.NAME): "place"}


def _slot_phrases(clause: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut 'Book a call on Friday at 3 PM with Dana' into its head and typed slots:
    ('Book a call', [('date', 'Friday'), ('time', '3 PM'), ('with', 'Dana')])."""
    pattern = re.compile(rf"\s+\b({_SLOT_PREPS})\s+", _I)
    pieces = pattern.split(clause)
    head = pieces[0]
    slots: list[tuple[str, str]] = []
    rest = list(zip(pieces[1::2], pieces[2::2], strict=False))
    for i, (prep, phrase) in enumerate(rest):
        if not value_phrases(f"{prep} {phrase}"):
            if not slots:  # still part of the head: 'based on the information I provide'
                head += f" {prep} {phrase}"
                continue
            name, value = slots[-1]
            slots[-1] = (name, f"{value} {prep} {phrase}")
            continue
        kind = value_kind(phrase)
        name = kind.value if kind in (ValueKind.TIME, ValueKind.DATE) else _NAMED_ROLE.get(
            (prep.lower(), kind), prep.lower())
        if any(n == name for n, _ in slots):
            name = f"{name}-{i + 1}"
        slots.append((name, clean_phrase(phrase)))
    return clean_phrase(head), slots
