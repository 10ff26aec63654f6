"""The HSEEP core capabilities: the 32 of FEMA's National Preparedness Goal (second edition, 2015).

Why one list: objectives and plan steps name the capability they exercise, the after-action
report rolls ratings up by it, and `msel import` matches what planners write against it. A
capability spelt two ways ('Public information & warning', 'Public Information and Warning')
would be two rows in the report, so a pack names each exactly as FEMA does; a near miss is
refused with the name it probably meant.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from .base import _no_control_characters

CORE_CAPABILITIES: tuple[str, ...] = (
    # common to every mission area
    "Planning",
    "Public Information and Warning",
    "Operational Coordination",
    # prevention
    "Forensics and Attribution",
    "Intelligence and Information Sharing",
    "Interdiction and Disruption",
    "Screening, Search, and Detection",
    # protection
    "Access Control and Identity Verification",
    "Cybersecurity",
    "Physical Protective Measures",
    "Risk Management for Protection Programs and Activities",
    "Supply Chain Integrity and Security",
    # mitigation
    "Community Resilience",
    "Long-term Vulnerability Reduction",
    "Risk and Disaster Resilience Assessment",
    "Threats and Hazards Identification",
    # response
    "Critical Transportation",
    "Environmental Response/Health and Safety",
    "Fatality Management Services",
    "Fire Management and Suppression",
    "Infrastructure Systems",
    "Logistics and Supply Chain Management",
    "Mass Care Services",
    "Mass Search and Rescue Operations",
    "On-scene Security, Protection, and Law Enforcement",
    "Operational Communications",
    "Public Health, Healthcare, and Emergency Medical Services",
    "Situational Assessment",
    # recovery
    "Economic Recovery",
    "Health and Social Services",
    "Housing",
    "Natural and Cultural Resources",
)

PLACEHOLDER = "TODO"
"""A capability starting with this is a placeholder `msel import` wrote for a sheet that named
none; it validates so the skeleton loads, and `tabletop lint` warns until it is filled in."""


def _key(text: str) -> str:
    """Spelling that does not change the name: case, '&' for 'and', spacing and punctuation."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


_BY_KEY = {_key(name): name for name in CORE_CAPABILITIES}


def find_capability(text: str) -> str | None:
    """The core capability `text` names, ignoring case, '&' and punctuation; None when it names none."""
    return _BY_KEY.get(_key(text))


def closest_capabilities(text: str, n: int = 2) -> list[str]:
    """The core capabilities nearest in spelling to `text` (for 'did you mean'), best first."""
    keys = difflib.get_close_matches(_key(text), list(_BY_KEY), n=n, cutoff=0.6)
    return [_BY_KEY[k] for k in keys]


def _core_capability(text: str) -> str:
    if text.startswith(PLACEHOLDER):
        return text
    found = find_capability(text)
    if found is not None:
        return found  # the one spelling, whatever case the author wrote
    near = closest_capabilities(text)
    hint = f"did you mean '{near[0]}'?" if near else "it is not one of FEMA's 32 core capabilities"
    raise ValueError(f"'{text}' is not an HSEEP core capability; {hint}")


CoreCapability = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
    AfterValidator(_core_capability),
    # Editors complete from the list; the placeholder pattern keeps a fresh skeleton valid there too.
    Field(description="An HSEEP core capability, named as in FEMA's National Preparedness Goal.",
          json_schema_extra={"anyOf": [{"enum": list(CORE_CAPABILITIES)}, {"pattern": f"^{PLACEHOLDER}"}]}),
]
"""An HSEEP core capability, normalised to FEMA's spelling."""
