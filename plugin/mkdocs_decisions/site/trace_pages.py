"""The pages that trace decisions to objectives and standards: what a project page and a
standard page add below their text, the standards catalogue, the compliance matrix and the
projects overview. Values are gathered here; the HTML is in templates."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from ..records.kinds import OBJECTIVE_LISTS, ItemSpec
from ..records.model import Record
from ..trace.matrix import IN_FORCE, Traceability, is_mandatory
from ..trace.measurements import INCOMPARABLE, MET, MISSED, NO_DATA, assess, is_measured
from ..trace.objectives import Objective, is_addressing
from .context import SiteContext
from .markup import web_link
from .trends import shown_value, trend_picture

UNCATEGORISED = "uncategorised"


def objective_anchor(objective_id: str) -> str:
    """The HTML id of an objective's row on its project page: lower case (ids compare
    without case), other characters than letters, digits, ``-`` and ``_`` as ``.hex``,
    so that ``REQ-1`` and ``REQ_1`` get different anchors."""
    return "objective-" + re.sub(
        r"[^a-z0-9_-]", lambda match: f".{ord(match[0]):x}", objective_id.lower()
    )


class TracePages:
    """Renders the traceability parts of the site's pages."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        base = site.corpus.site_bases.get("standard")
        taken = {record.site_path for record in site.corpus.records}
        taken |= {page.source.site_path for page in site.corpus.landing_pages}
        # A standard may be called compliance.md; the matrix then takes another name.
        names = ("compliance.md", "compliance-matrix.md")
        candidates = [posixpath.normpath(posixpath.join(base, n)) for n in names] if base else []
        self.compliance_path = next((path for path in candidates if path not in taken), "")

    @property
    def trace(self) -> Traceability:
        """The corpus's traceability, indexed when a page first needs it (a build that
        draws no page again needs none)."""
        return self.site.corpus.traceability

    # --- header links of every record ----------------------------------------------

    def header_links(self, record: Record, here: str) -> list[tuple[str, list[dict[str, str]]]]:
        """Project, objectives and standards a decision names; the standards of a project."""
        site, trace = self.site, self.trace
        groups: list[tuple[str, list[dict[str, str]]]] = []
        if record.kind == "project":
            standards = trace.standards_of(record)
            groups.append(("Standards", [site.entry(s, here) for s in standards]))
            return [(label, entries) for label, entries in groups if entries]
        project = trace.own_project(record)
        if project is not None:
            groups.append(("Project", [site.entry(project, here)]))
        addressed: dict[str, dict[str, str]] = {}
        for entry in trace.addresses.get(record.path, []):
            target = trace.project_of(record, entry)
            objective = trace.objective(target, entry.item_id) if target else None
            if target is not None and objective is not None:
                shown = self._objective_entry(target, objective, here, project)
                addressed.setdefault(shown["href"], shown)
        groups.append(("Addresses", list(addressed.values())))
        complies = trace.named(record, "complies_with", "standard")
        groups.append(("Complies with", [site.entry(s, here) for s in complies]))
        deviations = []
        for deviation in trace.deviations.get(record.path, []):
            standard = trace.resolve(record, deviation.standard_id, "standard")
            if standard is not None:
                deviations.append({**site.entry(standard, here), "note": deviation.reason})
        groups.append(("Deviates from", deviations))
        return [(label, entries) for label, entries in groups if entries]

    def _objective_entry(
        self, project: Record, objective: Objective, here: str, own: Record | None
    ) -> dict[str, str]:
        href = self.site.href(here, project.site_path) + "#" + objective_anchor(objective.id)
        same = own is not None and own.path == project.path
        return {
            **self.site.entry(project, here),
            "id": objective.id if same else f"{project.id}/{objective.id}",
            "title": objective.title,
            "href": href,
        }

    def linked_paths(self, record: Record) -> set[str]:
        """Records the header already shows through project and standard links."""
        if record.kind == "project":
            return {s.path for s in self.trace.standards_of(record)} | {
                d.path for d in self.trace.decisions_in(record)
            }
        if record.kind == "standard":
            return {d.path for d in self.trace.complying(record)} | {
                d.decision.path for d in self.trace.deviating(record)
            }
        return set()

    # --- below a project's or a standard's own text -----------------------------------

    def record_sections(self, record: Record, here: str) -> str:
        if record.kind == "project":
            return self.site.render("project_sections.html.j2", self._project_values(record, here))
        if record.kind == "standard":
            return self.site.render(
                "standard_sections.html.j2", self._standard_values(record, here)
            )
        return ""

    def _project_values(self, project: Record, here: str) -> dict[str, Any]:
        trace = self.trace
        objectives = trace.objectives.get(project.path, [])
        # The latest value and the trend show in every measured list once one item of
        # the project has measurements: "no data" then says something.
        measured = any(_has_measurements(o) for o in objectives if is_measured(o.spec))
        lists = []
        for spec in OBJECTIVE_LISTS:
            items = [self._objective_row(project, o) for o in objectives if o.spec is spec]
            if items:
                columns = _columns(spec)
                if measured and is_measured(spec):
                    columns = [*columns, "latest"]
                lists.append({"spec": spec, "rows": items, "columns": columns})
        declared = {s.path for s in trace.declared_standards(project)}
        decisions = trace.decisions_in(project)
        standards = [
            {
                **self.site.entry(standard, here),
                "category": str(standard.value("category") or ""),
                "mandatory": is_mandatory(standard),
                "declared": standard.path in declared,
                "complying": [
                    self.site.entry(d, here) for d in trace.complying(standard, within=decisions)
                ],
                "deviating": [
                    {**self.site.entry(dev.decision, here), "note": dev.reason}
                    for dev in trace.deviating(standard, within=decisions)
                ],
            }
            for standard in trace.standards_of(project)
        ]
        traced = [
            self._trace_row(project, o, here) for o in objectives if o.spec.key != "constraints"
        ]
        return {
            "lists": lists,
            "standards": standards,
            "traceability": [row for row in traced if row["id"]],
            "gaps": sum(1 for row in traced if row["gap"]),
            "checked": project.status == "active",
            "decisions": [self._decision_row(d, project, here) for d in decisions],
        }

    def _objective_row(self, project: Record, objective: Objective) -> dict[str, Any]:
        anchor = objective_anchor(objective.id) if objective.id else ""
        latest: dict[str, str] | None = None
        status, reason, trend = NO_DATA, "", None
        if is_measured(objective.spec):
            assessment = assess(project, objective)
            status, reason = assessment.status, assessment.reason
            if assessment.latest is not None:
                latest = {
                    "value": shown_value(assessment.latest, assessment),
                    "date": assessment.latest.date.isoformat(),
                    "source": web_link(assessment.latest.source),
                    "note": assessment.latest.note,
                }
            trend = trend_picture(
                objective.id or objective.title,
                f"{anchor or f'objective-{objective.spec.key}-{objective.index}'}-trend",
                objective.target,
                assessment,
            )
        return {
            "id": objective.id,
            "anchor": anchor,
            "latest": latest,
            "status": status,
            "reason": reason,
            "trend": trend,
            "title": objective.title,
            "description": objective.description,
            "metric": objective.metric,
            "measure": objective.measure,
            "target": objective.target,
            "baseline": objective.baseline,
            "negotiable": objective.negotiable,
            "serves": list(objective.serves),
        }

    def _trace_row(self, project: Record, objective: Objective, here: str) -> dict[str, Any]:
        direct = [t.decision for t in self.trace.traces_to(project, objective)]
        # A decision that serves the objective through several items is listed once:
        # "ADR-0001 (via REQ-1, REQ-2)".
        direct_paths = {decision.path for decision in direct}
        via: dict[str, tuple[Record, list[str]]] = {}
        for serving in self.trace.serving(project, objective):
            for trace in self.trace.traces_to(project, serving):
                if trace.decision.path not in direct_paths:
                    via.setdefault(trace.decision.path, (trace.decision, []))[1].append(serving.id)
        entries = [self.site.entry(d, here) for d in direct] + [
            {**self.site.entry(decision, here), "note": "via " + ", ".join(items)}
            for decision, items in via.values()
        ]
        addressed = any(is_addressing(d) for d in direct) or any(
            is_addressing(decision) for decision, _ in via.values()
        )
        return {
            "id": objective.id,
            "anchor": objective_anchor(objective.id),
            "title": objective.title,
            "label": objective.spec.label,
            "decisions": entries,
            # Requirements and quality attributes must be addressed (DEC504); an objective
            # is a gap when nothing serves it at all.
            "gap": not addressed,
        }

    def _decision_row(self, decision: Record, project: Record, here: str) -> dict[str, Any]:
        addresses: dict[str, str] = {}
        for entry in self.trace.addresses.get(decision.path, []):
            target = self.trace.project_of(decision, entry)
            objective = self.trace.objective(project, entry.item_id) if target is project else None
            if objective is not None:
                addresses.setdefault(objective.key, objective.id)
        return {**self.site.entry(decision, here), "note": ", ".join(addresses.values())}

    def _standard_values(self, standard: Record, here: str) -> dict[str, Any]:
        trace = self.trace
        return {
            "mandatory": is_mandatory(standard),
            "projects": [
                {
                    **self.site.entry(p, here),
                    "declared": any(s.path == standard.path for s in trace.declared_standards(p)),
                }
                for p in trace.projects_of(standard)
            ],
            "complying": [self.site.entry(d, here) for d in trace.complying(standard)],
            "deviating": [
                {**self.site.entry(d.decision, here), "note": d.reason}
                for d in trace.deviating(standard)
            ],
        }

    # --- generated pages -------------------------------------------------------------

    def catalogue_values(self, here: str) -> dict[str, Any]:
        """The standards folder index: standards by category, with their reach."""
        kind = self.site.settings.kinds["standard"]
        order = list(kind.categories)
        groups: dict[str, list[dict[str, Any]]] = {}
        for standard in self.trace.standards:
            category = str(standard.value("category") or "").strip().lower() or UNCATEGORISED
            groups.setdefault(category, []).append(
                {
                    **self.site.entry(standard, here),
                    "mandatory": is_mandatory(standard),
                    "owner": str(standard.value("owner") or ""),
                    "complying": len(self.trace.complying(standard)),
                    "deviating": len(self.trace.deviating(standard)),
                    "projects": len(self.trace.projects_of(standard)),
                }
            )
        ranked = sorted(groups.items(), key=lambda g: (_rank(order, g[0]), g[0]))
        return {
            "categories": ranked,
            "compliance_href": self.site.href(here, self.compliance_path)
            if self.compliance_path
            else "",
        }

    def projects_values(self, here: str) -> dict[str, Any]:
        """The projects folder index: each project with its counts and gaps."""
        rows = []
        for project in self.trace.projects:
            objectives = self.trace.objectives.get(project.path, [])
            traced = [o for o in objectives if o.spec.traced and o.id]
            gaps = [
                o
                for o in traced
                if not any(is_addressing(t.decision) for t in self.trace.traces_to(project, o))
            ]
            statuses = [
                assess(project, o).status for o in objectives if o.id and is_measured(o.spec)
            ]
            rows.append(
                {
                    **self.site.entry(project, here),
                    "owner": str(project.value("owner") or ""),
                    "traced": len(traced),
                    "gaps": len(gaps),
                    "decisions": len(self.trace.decisions_in(project)),
                    "met": statuses.count(MET),
                    "missed": statuses.count(MISSED),
                    "no_data": statuses.count(NO_DATA),
                    "incomparable": statuses.count(INCOMPARABLE),
                }
            )
        measured = any(
            _has_measurements(o)
            for project in self.trace.projects
            for o in self.trace.objectives.get(project.path, [])
            if is_measured(o.spec)
        )
        return {"projects": rows, "measured": measured}

    def compliance_values(self, here: str) -> dict[str, Any]:
        """Projects against mandatory standards: listed, missing, and the decisions behind."""
        trace = self.trace
        mandatory = [s for s in trace.standards if is_mandatory(s) and s.status in IN_FORCE]
        rows = []
        for project in trace.projects:
            declared = {s.path for s in trace.declared_standards(project)}
            required = {s.path for s in trace.required_standards(project)}
            decisions = trace.decisions_in(project)
            cells = []
            for standard in mandatory:
                complying = trace.complying(standard, within=decisions)
                deviating = trace.deviating(standard, within=decisions)
                if standard.path in declared:
                    state = "declared"
                elif standard.path in required:
                    state = "missing"
                else:
                    state = "not applicable"
                cells.append(
                    {
                        "state": state,
                        "complying": len(complying),
                        "deviating": len(deviating),
                    }
                )
            rows.append({**self.site.entry(project, here), "cells": cells})
        return {
            "standards": [self.site.entry(s, here) for s in mandatory],
            "rows": rows,
        }


def _columns(spec: ItemSpec) -> list[str]:
    if spec.key == "requirements":
        return ["metric", "target", "baseline"]
    if spec.key == "quality_attributes":
        return ["measure", "target", "baseline"]
    if spec.key == "constraints":
        return ["negotiable"]
    return []


def _has_measurements(objective: Objective) -> bool:
    return isinstance(objective.raw, dict) and bool(objective.raw.get("measurements"))


def _rank(order: list[str], category: str) -> int:
    return order.index(category) if category in order else len(order)
