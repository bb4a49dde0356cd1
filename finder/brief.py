"""The brief's first steps: where the best practices began, in their own words.

A step is the first sentence of what a practice did, credited to it; practices whose
page records no actions give none. Nothing is written here that the practices do
not say.
"""

from dataclasses import dataclass

STEPS_SHOWN = 5


@dataclass
class FirstStep:
    text: str
    practice_title: str
    practice_url: str


def first_steps(practices) -> list[FirstStep]:
    steps = []
    for found in practices:
        if found.facts is None or not found.facts.first_action:
            continue
        steps.append(
            FirstStep(found.facts.first_action, found.hit.title, found.hit.url)
        )
    return steps[:STEPS_SHOWN]
