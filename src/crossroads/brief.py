"""Write a sourced brief: claims with evidence, a map, a chart, a counter-argument, a recommendation and limits.

A ``Brief`` collects the parts; ``check()`` says what its *form* still needs (never what to think), and
``save("my_brief.html")`` writes one self-contained HTML file, map and chart included, that opens
without a network and prints.

>>> from crossroads.brief import Brief
>>> brief = Brief("Can Central Asia's gas reach China without crossing Russia?")
>>> brief.add_claim("The three built lines to China can carry 55 bcm of gas a year.", evidence=55,
...                 sources=["ref-ngw-gas-lines-2018"])
Claim 1 added: evidence is a number; cites ref-ngw-gas-lines-2018.
>>> brief.check().passed
False

Form checks (``check()``): the question is set; 3 to 5 claims; every claim has evidence (a number,
table, chart or map computed from the course data) and cites at least one source; every cited id is in
``data.sources()``; a map and a chart are attached; a counter-argument that cites a source none of the
claims it answers cites; a recommendation; the limits of the evidence; every text within its length.
"""
from __future__ import annotations

import html
import math
import numbers
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import pandas as pd

from crossroads import data, style
from crossroads.text import and_list

__all__ = ["Brief", "Claim", "Check", "Feedback", "LENGTHS", "MIN_CLAIMS", "MAX_CLAIMS", "brief_form_report"]

MIN_CLAIMS, MAX_CLAIMS = 3, 5
LENGTHS = {  # part -> (fewest, most) characters
    "question": (10, 200),
    "claim": (30, 400),
    "counter-argument": (30, 600),
    "recommendation": (30, 600),
    "limits": (30, 600),
}
"""Length limits in characters: long enough to say something, short enough to read on one page."""


class Note(str):
    """A one-line message shown without quotes (what the learner's last call did)."""

    def __repr__(self) -> str:
        return str(self)


# --------------------------------------------------------------------------- kinds of evidence


def _is_chart(item: Any) -> bool:
    from crossroads.charts import Chart

    return isinstance(item, Chart)


def _is_map(item: Any) -> bool:
    return type(item).__module__.startswith("crossroads.maps") and type(item).__name__ == "Map"


def _is_number(item: Any) -> bool:
    return isinstance(item, numbers.Real) and not isinstance(item, bool) and not math.isnan(float(item))


class Shown(NamedTuple):
    """Evidence as a grader read it out of a notebook: only its kind ("chart", "map", ...) and title."""

    kind: str
    title: str = ""


_EVIDENCE_KINDS = ("chart", "map", "table", "number", "figure in words")


def _kind(item: Any) -> str | None:
    """What a piece of evidence is, in words; None if it is not evidence the course can show."""
    if isinstance(item, Shown):
        return item.kind if item.kind in _EVIDENCE_KINDS else None
    if _is_chart(item):
        return "chart"
    if _is_map(item):
        return "map"
    if isinstance(item, (pd.DataFrame, pd.Series)):
        return "table" if len(item) else None
    if _is_number(item):
        return "number"
    if isinstance(item, str) and re.search(r"\d", item):
        return "figure in words"
    return None


def _items(evidence: Any) -> list[Any]:
    if evidence is None or evidence is ...:
        return []
    if isinstance(evidence, (list, tuple)):
        return [e for e in evidence if e is not None and e is not ...]
    return [evidence]


def _ids(sources: Any) -> list[str]:
    if sources is None or sources is ...:
        return []
    if isinstance(sources, str):
        sources = re.split(r"[,;\s]+", sources)
    try:
        return [str(s).strip() for s in sources if str(s).strip()]
    except TypeError:  # a number or other single value
        return [str(sources)]


def _text(value: Any) -> str:
    return "" if value is None or value is ... else " ".join(str(value).split())


# --------------------------------------------------------------------------- the brief


@dataclass
class Claim:
    """One claim of a brief: its text, its evidence (a list) and the source ids it cites."""

    text: str
    evidence: list[Any] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class _Counter:
    text: str
    sources: list[str]
    answers: list[int]  # claim numbers; empty: all claims


class Brief:
    """A policy brief built in the notebook, part by part; see the module docstring for the form it checks.

    Example: ``brief = Brief("Is China now Kazakhstan's most important partner?", author="Aigerim")``
    """

    def __init__(self, question: str = "", author: str = "") -> None:
        self.question = _text(question)
        self.author = _text(author)
        self.claims: list[Claim] = []
        self.attachments: list[Any] = []
        self.counter: _Counter | None = None
        self.recommendation_text = ""
        self.limits_text = ""

    # ---- building

    def add_claim(self, text: str, evidence: Any = None, sources: Iterable[str] | str = ()) -> Note:
        """Add a claim with its evidence (a number, table, chart or map, or a list of them) and source ids.

        Running the same cell again updates the claim instead of adding it twice.

        Example: ``brief.add_claim("China's share rose from 3.7 % to 18.0 %.", evidence=chart, sources=["data-imf-dots"])``
        """
        claim = Claim(_text(text), _items(evidence), _ids(sources))
        for number, old in enumerate(self.claims, 1):
            if old.text == claim.text:
                self.claims[number - 1] = claim
                return Note(f"Claim {number} updated: {self._summary(claim)}.")
        self.claims.append(claim)
        return Note(f"Claim {len(self.claims)} added: {self._summary(claim)}.")

    def remove_claim(self, number: int) -> Note:
        """Take out claim ``number`` (1 is the first). Example: ``brief.remove_claim(2)``."""
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(self.claims):
            return Note(f"There is no claim {number!r}: the brief has {len(self.claims)} claim(s), numbered from 1.")
        self.claims.pop(number - 1)
        return Note(f"Claim {number} removed; {len(self.claims)} left.")

    def attach(self, item: Any, caption: str = "") -> Note:
        """Attach a map or chart that supports the brief as a whole. Example: ``brief.attach(gas_map)``."""
        kind = _kind(item)
        if kind not in ("map", "chart"):
            return Note(f"Not attached: attach() takes a map (crossroads.maps) or a chart (crossroads.charts); "
                        f"it received {type(item).__name__}. Give tables and numbers as a claim's evidence.")
        if not any(existing is item for existing in self.attachments):
            self.attachments.append(item)
        return Note(f"Attached the {kind} \"{item.title}\".")

    def counter_argument(self, text: str, sources: Iterable[str] | str = (), answers: Any = None) -> Note:
        """The strongest case against your claims, from a source that disagrees; ``answers``: the claim number(s).

        Example: ``brief.counter_argument("src-004 reports gas deals with Russia in 2023 ...", sources=["src-004"], answers=[1])``
        """
        numbers_ = [answers] if isinstance(answers, int) and not isinstance(answers, bool) else \
            list(answers) if isinstance(answers, (list, tuple, set)) else []
        self.counter = _Counter(_text(text), _ids(sources), numbers_)
        return Note("Counter-argument set" + (f", answering claim(s) {', '.join(map(str, numbers_))}" if numbers_
                                              else ", answering all claims") + ".")

    def recommendation(self, text: str) -> Note:
        """What you recommend, and to whom. Example: ``brief.recommendation("Kazakhstan's government should ...")``."""
        self.recommendation_text = _text(text)
        return Note("Recommendation set.")

    def limits(self, text: str) -> Note:
        """What your evidence cannot tell. Example: ``brief.limits("The trade series stops in 2020; ...")``."""
        self.limits_text = _text(text)
        return Note("Limits set.")

    @staticmethod
    def _summary(claim: Claim) -> str:
        kinds = [_kind(e) or f"{type(e).__name__} (not evidence the course can show)" for e in claim.evidence]
        evidence = f"evidence is {and_list(['a ' + k for k in kinds])}" if kinds else "no evidence yet"
        cites = f"cites {', '.join(claim.sources)}" if claim.sources else "no source yet"
        return f"{evidence}; {cites}"

    # ---- what it holds

    def maps(self) -> list[Any]:
        """Every map in the brief (attached or given as evidence)."""
        return [e for e in self._everything() if _kind(e) == "map"]

    def charts(self) -> list[Any]:
        """Every chart in the brief (attached or given as evidence)."""
        return [e for e in self._everything() if _kind(e) == "chart"]

    def _everything(self) -> list[Any]:
        items = [e for claim in self.claims for e in claim.evidence] + self.attachments
        unique: list[Any] = []
        for item in items:
            if not any(item is u for u in unique):
                unique.append(item)
        return unique

    def cited(self) -> list[str]:
        """Every source id the brief cites, in order of first use."""
        ids = [s for claim in self.claims for s in claim.sources] + (self.counter.sources if self.counter else [])
        return list(dict.fromkeys(ids))

    # ---- checking

    def check(self) -> "Feedback":
        """Structured feedback on the brief's form; never on its opinion, and never an error.

        Example: ``brief.check()``
        """
        try:
            return Feedback(_form_checks(self))
        except Exception as err:  # a check must never show a Python error to a learner
            return Feedback([Check("check", False, "The brief could not be checked completely "
                                   f"({type(err).__name__}). Re-run the cells that build it, from the top.")])

    # ---- showing and saving

    def __repr__(self) -> str:
        return (f'<Brief: "{self.question or "(no question yet)"}" — {len(self.claims)} claim(s), '
                f"{len(self.maps())} map(s), {len(self.charts())} chart(s)>")

    def _repr_html_(self) -> str:
        return _document_body(self, full=False)

    def to_html(self) -> str:
        """The whole brief as one HTML document (maps carry Leaflet inline; no network needed)."""
        return _document(self)

    def save(self, path: str | Path = "my_brief.html") -> Note:
        """Write the brief as one self-contained HTML file to hand in or print.

        Example: ``brief.save("my_brief.html")``
        """
        target = Path(str(path))
        if target.suffix.lower() not in (".html", ".htm"):
            target = target.with_suffix(".html")
        try:
            page = self.to_html()
            target.write_text(page, encoding="utf-8")
        except OSError as err:
            return Note(f"Could not write {target}: {err.strerror or err}. Try another name or folder.")
        except Exception as err:
            return Note(f"Could not save the brief ({type(err).__name__}). Re-run the cells that build it, from the top.")
        size = len(page.encode("utf-8"))
        return Note(f"Saved {target.name} ({size / 1000:,.0f} KB): open it in a browser to read, print or hand in.")


# --------------------------------------------------------------------------- the form checks


class Check(NamedTuple):
    """One form check: a short key, whether it passes, and a sentence for the learner."""

    key: str
    ok: bool
    message: str


def _length(kind: str, text: str, label: str) -> Check | None:
    low, high = LENGTHS[kind]
    n = len(text)
    if n < low:
        return Check(f"{kind}-length", False, f"{label} is {n} characters: write at least {low}.")
    if n > high:
        return Check(f"{kind}-length", False, f"{label} is {n} characters: cut it to {high} or fewer.")
    return None


def _form_checks(brief: Brief) -> list[Check]:
    known = set(data.sources()["id"])
    out: list[Check] = []
    add = out.append

    if not brief.question:
        add(Check("question", False, "No question yet: Brief(\"Your question?\") names what the brief answers."))
    else:
        add(_length("question", brief.question, "The question") or Check("question", True, "The question is set."))

    n = len(brief.claims)
    if MIN_CLAIMS <= n <= MAX_CLAIMS:
        add(Check("claims", True, f"{n} claims (3 to 5 wanted)."))
    else:
        add(Check("claims", False, f"The brief has {n} claim(s): make {MIN_CLAIMS} to {MAX_CLAIMS}."))

    for number, claim in enumerate(brief.claims, 1):
        label = f"Claim {number}"
        if not claim.text:
            add(Check(f"claim{number}-text", False, f"{label} has no text."))
        else:
            problem = _length("claim", claim.text, label)
            if problem:
                add(problem._replace(key=f"claim{number}-length"))
        kinds = [_kind(e) for e in claim.evidence]
        if not claim.evidence:
            add(Check(f"claim{number}-evidence", False, f"{label} has no evidence: add evidence=... (a number, table, "
                                                        "chart or map you computed from the course data)."))
        elif None in kinds:
            odd = claim.evidence[kinds.index(None)]
            bad = odd.kind if isinstance(odd, Shown) else type(odd).__name__
            add(Check(f"claim{number}-evidence", False, f"{label}'s evidence includes a {bad}, which is not a number, "
                                                        "table, chart or map (text needs at least one figure in it)."))
        else:
            add(Check(f"claim{number}-evidence", True, f"{label} has evidence ({and_list(kinds)})."))
        if not claim.sources:
            add(Check(f"claim{number}-citation", False, f"{label} cites no source: add sources=[...] with ids from "
                                                        "data.sources()."))
        else:
            add(Check(f"claim{number}-citation", True, f"{label} cites {', '.join(claim.sources)}."))

    made_up = [(where, sid) for where, ids in
               [(f"Claim {i}", c.sources) for i, c in enumerate(brief.claims, 1)]
               + ([("The counter-argument", brief.counter.sources)] if brief.counter else [])
               for sid in ids if sid not in known]
    if made_up:
        add(Check("source-ids", False, "; ".join(f"{where} cites {sid!r}, which is not a source id of the course"
                                                 for where, sid in made_up) + " (see data.sources())."))
    elif brief.cited():
        add(Check("source-ids", True, "Every cited id is a source of the course."))

    maps_, charts_ = brief.maps(), brief.charts()
    add(Check("map", bool(maps_), f"A map is attached (\"{maps_[0].title}\")." if maps_ else
              "No map attached: attach one with brief.attach(my_map), or give it as a claim's evidence."))
    add(Check("chart", bool(charts_), f"A chart is attached (\"{charts_[0].title}\")." if charts_ else
              "No chart attached: attach one with brief.attach(my_chart), or give it as a claim's evidence."))

    counter = brief.counter
    if counter is None or not counter.text:
        add(Check("counter-argument", False, "No counter-argument yet: add brief.counter_argument(text, "
                                             "sources=[...], answers=[claim numbers]) from a source that disagrees."))
    else:
        add(_length("counter-argument", counter.text, "The counter-argument")
            or Check("counter-argument", True, "The counter-argument is set."))
        wrong = [a for a in counter.answers if not (isinstance(a, int) and 1 <= a <= n)]
        answered = [a for a in counter.answers if a not in wrong] or list(range(1, n + 1))
        theirs = {s for a in answered for s in brief.claims[a - 1].sources}
        if wrong:
            add(Check("counter-answers", False, f"The counter-argument answers claim(s) {', '.join(map(repr, wrong))}, "
                                                f"which the brief does not have (claims are numbered 1 to {n})."))
        if not counter.sources:
            add(Check("counter-source", False, "The counter-argument cites no source: give the source that disagrees."))
        elif not set(counter.sources) - theirs:
            which = "the claims it answers" if counter.answers else "the claims"
            add(Check("counter-source", False, f"The counter-argument cites only {', '.join(counter.sources)}, which "
                                               f"{which} already cite: give a different source, one that disagrees."))
        else:
            add(Check("counter-source", True, "The counter-argument cites a source the claims it answers do not."))

    for key, text, label, how in (("recommendation", brief.recommendation_text, "The recommendation",
                                   "brief.recommendation(text)"),
                                  ("limits", brief.limits_text, "The limits", "brief.limits(text)")):
        if not text:
            add(Check(key, False, f"No {key} yet: add {how}."))
        else:
            add(_length(key, text, label) or Check(key, True, f"{label} {'are' if key == 'limits' else 'is'} set."))
    return out


class Feedback:
    """The result of ``Brief.check()``: ``items`` (each a ``Check``), ``passed``, ``score`` and ``problems``."""

    def __init__(self, items: list[Check]) -> None:
        self.items = list(items)

    @property
    def passed(self) -> bool:
        """True when every form check passes."""
        return bool(self.items) and all(item.ok for item in self.items)

    @property
    def score(self) -> tuple[int, int]:
        """(checks passed, checks made)."""
        return sum(item.ok for item in self.items), len(self.items)

    @property
    def problems(self) -> list[str]:
        """The messages of the checks that fail, in order."""
        return [item.message for item in self.items if not item.ok]

    def summary(self) -> str:
        """One line: how many form checks pass. Example: ``brief.check().summary()``."""
        done, total = self.score
        verdict = "the form is complete" if self.passed else f"{total - done} to fix"
        return f"Brief form: {done} of {total} checks pass; {verdict}."

    def __repr__(self) -> str:
        lines = [self.summary()]
        lines += [f"{'✓ done' if item.ok else '✗ to fix'}: {item.message}" for item in self.items]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<li style="color:{style.GOOD if item.ok else style.BAD}"><strong>{"✓ done" if item.ok else "✗ to fix"}'
            f'</strong>: <span style="color:{style.TEXT}">{html.escape(item.message)}</span></li>'
            for item in self.items)
        return (f'<div class="crossroads-brief-check" role="status" style="color:{style.TEXT}">'
                f"<p><strong>{html.escape(self.summary())}</strong></p>"
                f'<ul style="list-style:none;padding-left:0">{rows}</ul>'
                "<p>These checks are about the brief's form only: whether you agree with it is for you to argue.</p>"
                "</div>")


# --------------------------------------------------------------------------- HTML


_CSS = f"""
body {{ font-family: "DejaVu Sans", Arial, sans-serif; color: {style.TEXT}; max-width: 52rem; margin: 2rem auto;
        padding: 0 1rem; line-height: 1.5; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }}
.crossroads-brief .meta, .crossroads-brief .cite {{ color: {style.MUTED_TEXT}; font-size: 0.9rem; }}
.crossroads-brief table {{ border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }}
.crossroads-brief th, .crossroads-brief td {{ border: 1px solid #ccc; padding: 2px 6px; text-align: right; }}
.crossroads-brief figure {{ margin: 0.5rem 0 1rem 0; }}
.crossroads-brief .map {{ width: 100%; }}
@media print {{ .crossroads-brief .map iframe {{ page-break-inside: avoid; }} }}
"""


def _number_html(value: Any) -> str:
    value = float(value)
    text = f"{value:,.0f}" if value.is_integer() and abs(value) >= 100 else f"{value:,.4g}"
    return f"<p><strong>{html.escape(text)}</strong></p>"


def _table_html(table: pd.DataFrame | pd.Series) -> str:
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    shown = frame.head(15)
    more = f"<p class=\"cite\">… and {len(frame) - 15} more rows.</p>" if len(frame) > 15 else ""
    return shown.to_html(border=0, float_format=lambda v: f"{v:,.2f}", na_rep="–") + more


def _map_html(m: Any, full: bool) -> str:
    if not full:  # in the notebook the map is already shown above: name it only
        return f"<p class=\"cite\">Map: {html.escape(m.title)}</p>"
    was = m.offline
    try:  # Leaflet inline, so the file works from disk with no network
        m.offline = True
        frame = m._repr_html_()
    finally:
        m.offline = was
    note = ("<p class=\"cite\">Background tiles do not load in a file opened from disk (OpenStreetMap refuses "
            "such requests): the country outlines show the region.</p>") if getattr(m, "tiles_name", None) else ""
    from crossroads import maps

    return f'<figure class="map">{frame}<figcaption class="cite">{html.escape(maps.describe(m))}</figcaption></figure>{note}'


def _evidence_html(item: Any, full: bool) -> str:
    kind = _kind(item)
    if kind == "chart":
        return item.to_html() if full else f"<p class=\"cite\">Chart: {html.escape(item.title)}</p>"
    if kind == "map":
        return _map_html(item, full)
    if kind == "table":
        return _table_html(item)
    if kind == "number":
        return _number_html(item)
    if kind == "figure in words":
        return f"<p><strong>{html.escape(item)}</strong></p>"
    return f"<p class=\"cite\">(not shown: a {html.escape(type(item).__name__)})</p>"


def _cites(ids: list[str], known: set[str]) -> str:
    if not ids:
        return '<p class="cite">Sources: none given.</p>'
    words = [f"[{html.escape(i)}]" if i in known else f"[{html.escape(i)}: not a course source]" for i in ids]
    return f'<p class="cite">Sources: {", ".join(words)}</p>'


def _document_body(brief: Brief, full: bool) -> str:
    known = set(data.sources()["id"])
    parts = [f"<h1>{html.escape(brief.question or 'A brief without a question yet')}</h1>"]
    if brief.author:
        parts.append(f'<p class="meta">By {html.escape(brief.author)}</p>')
    parts.append("<h2>Claims and evidence</h2><ol>")
    for claim in brief.claims:
        evidence = "".join(_evidence_html(e, full) for e in claim.evidence)
        parts.append(f"<li><p>{html.escape(claim.text)}</p>{evidence}{_cites(claim.sources, known)}</li>")
    parts.append("</ol>")
    if brief.counter:
        answers = (f" (answers claim{'s' if len(brief.counter.answers) > 1 else ''} "
                   f"{', '.join(map(str, brief.counter.answers))})") if brief.counter.answers else ""
        parts.append(f"<h2>Counter-argument{answers}</h2><p>{html.escape(brief.counter.text)}</p>"
                     + _cites(brief.counter.sources, known))
    if brief.recommendation_text:
        parts.append(f"<h2>Recommendation</h2><p>{html.escape(brief.recommendation_text)}</p>")
    if brief.limits_text:
        parts.append(f"<h2>Limits of the evidence</h2><p>{html.escape(brief.limits_text)}</p>")
    extra = [a for a in brief.attachments if not any(a is e for c in brief.claims for e in c.evidence)]
    if extra:
        parts.append("<h2>Maps and charts</h2>" + "".join(_evidence_html(a, full) for a in extra))
    cited = [s for s in brief.cited() if s in known]
    if cited:
        parts.append("<h2>Sources</h2><ul>" + "".join(f"<li>{html.escape(data.cite(s))}</li>" for s in cited) + "</ul>")
    if full:
        parts.append("<h2>Form check</h2>" + brief.check()._repr_html_())
    return f'<div class="crossroads-brief">{"".join(parts)}</div>'


def _document(brief: Brief) -> str:
    title = html.escape("Brief: " + (brief.question or "untitled"))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{title}</title><style>{_CSS}</style></head>"
            f"<body><main>{_document_body(brief, full=True)}</main></body></html>\n")


# --------------------------------------------------------------------------- for graders


def from_form(form: dict) -> Brief:
    """A Brief rebuilt from the plain data a grader reads out of a notebook, so its form can be checked there.

    >>> form = {"question": "Is China now Kazakhstan's most important partner?", "claims": [
    ...     ["China's share rose to 18 %.", [["chart", "Trade shares"]], ["data-imf-dots"]]]}
    >>> from_form(form).charts()[0].title
    'Trade shares'
    """
    brief = Brief(str(form.get("question") or ""))
    for text, evidence, sources in (tuple(c) for c in form.get("claims") or [] if len(c) == 3):
        brief.claims.append(Claim(_text(text), [Shown(str(k), str(t)) for k, t in evidence],
                                  [str(s) for s in sources]))
    brief.attachments = [Shown(str(k), str(t)) for k, t in form.get("attachments") or []]
    counter = form.get("counter")
    if counter and len(counter) == 3:
        brief.counter = _Counter(_text(counter[0]), [str(s) for s in counter[1]],
                                 [a for a in counter[2] if isinstance(a, int)])
    brief.recommendation_text = _text(form.get("recommendation") or "")
    brief.limits_text = _text(form.get("limits") or "")
    return brief


def brief_form_report(briefs: Any) -> list[dict[str, Any]]:
    """Form checks of one or more briefs as plain rows, for ``crossroads grade`` or a spreadsheet.

    Takes a ``Brief``, a list of them, or a dict name -> ``Brief``. Each row: ``name``, ``passed``, ``done``,
    ``total`` and ``problems`` (the messages of the failing checks).

    Example: ``brief_form_report({"anna": anna_brief})[0]["passed"]``
    """
    if isinstance(briefs, Brief):
        briefs = {"brief": briefs}
    elif isinstance(briefs, (list, tuple)):
        briefs = {f"brief {i}": b for i, b in enumerate(briefs, 1)}
    rows = []
    for name, brief in dict(briefs).items():
        if not isinstance(brief, Brief):
            rows.append({"name": str(name), "passed": False, "done": 0, "total": 0,
                         "problems": [f"not a brief (a {type(brief).__name__})"]})
            continue
        feedback = brief.check()
        done, total = feedback.score
        rows.append({"name": str(name), "passed": feedback.passed, "done": done, "total": total,
                     "problems": feedback.problems})
    return rows
