"""The logical work every system does: the facts a memory starts with, and the operations
measured on it, decided once so that each system gets exactly the same sequence.

Facts come in groups of 10: a head and nine steps, each step part of its head and depending on
the step before it. A fact's key (``g12-s3``) is a tme task key and, with the run's prefix, a
peer's entity name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["GROUP", "Fact", "Link", "Plan", "Round", "Update", "initial_facts", "make_plan"]

#: Facts per group: one head and nine steps.
GROUP = 10


@dataclass(frozen=True)
class Fact:
    key: str
    title: str
    value: str
    parent: str | None = None
    depends_on: str | None = None


@dataclass(frozen=True)
class Link:
    """A new dependency between two existing facts (a step on another group's head)."""

    key: str
    depends_on: str


@dataclass(frozen=True)
class Update:
    key: str
    old: str
    new: str


@dataclass
class Round:
    record: list[Fact] = field(default_factory=list)
    link: list[Link] = field(default_factory=list)
    update: list[Update] = field(default_factory=list)
    #: mcp-neo4j-memory's other way to update: append an observation, keep the old one.
    append: list[Update] = field(default_factory=list)
    neighbourhood: list[str] = field(default_factory=list)
    whole: int = 0
    #: Facts each system holds when this round reads the whole memory.
    facts: int = 0


@dataclass
class Plan:
    size: int
    facts: list[Fact]
    rounds: list[Round]


def head(g: int) -> str:
    return f"g{g}-h"


def step(g: int, m: int) -> str:
    return f"g{g}-s{m}"


def initial_facts(size: int) -> list[Fact]:
    """``size`` facts (rounded up to whole groups), heads first within each group."""
    facts: list[Fact] = []
    for g in range(max(1, -(-size // GROUP))):
        facts.append(Fact(head(g), f"Group {g}", f"plan {g}"))
        for m in range(1, GROUP):
            facts.append(Fact(step(g, m), f"Step {m} of group {g}", f"value {m} of {g}",
                              parent=head(g), depends_on=step(g, m - 1) if m > 1 else None))
    return facts


def make_plan(size: int, *, rounds: int, reps: int, whole_reps: int, seed: int = 15) -> Plan:
    """The operations of every round: new facts appended to groups, new links, updates of
    steps that have dependents, neighbourhood reads of steps, and reads of the whole memory."""
    facts = initial_facts(size)
    groups = len(facts) // GROUP
    rng = random.Random(seed + size)
    last = {g: step(g, GROUP - 1) for g in range(groups)}
    values = {f.key: f.value for f in facts}
    # Each link is a new edge: a distinct step onto the head of another group. Heads depend on
    # nothing, so no link closes a cycle.
    link_sources = rng.sample([(g, m) for g in range(groups) for m in range(1, GROUP)],
                              min(groups * (GROUP - 1), rounds * reps))
    held = len(facts)
    plan = Plan(size=len(facts), facts=facts, rounds=[])
    for r in range(rounds):
        rnd = Round(whole=whole_reps)
        for i in range(reps):
            g = rng.randrange(groups)
            key = f"g{g}-r{r}x{i}"
            rnd.record.append(Fact(key, f"Extra step {i} of group {g}", f"extra {r}.{i}",
                                   parent=head(g), depends_on=last[g]))
            last[g] = key
            values[key] = f"extra {r}.{i}"
            if link_sources:
                lg, lm = link_sources.pop()
                other = (lg + 1 + rng.randrange(max(1, groups - 1))) % groups
                if other != lg:
                    rnd.link.append(Link(step(lg, lm), head(other)))
            # Steps 1-8: every update has dependents to mark stale (in tme).
            key = step(rng.randrange(groups), rng.randrange(1, GROUP - 1))
            rnd.update.append(Update(key, values[key], f"revised {r}.{i}"))
            values[key] = f"revised {r}.{i}"
            key = head(rng.randrange(groups))
            rnd.append.append(Update(key, values[key], f"noted {r}.{i}"))
            rnd.neighbourhood.append(step(rng.randrange(groups), rng.randrange(1, GROUP)))
        held += len(rnd.record)
        rnd.facts = held
        plan.rounds.append(rnd)
    return plan
