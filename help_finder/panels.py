"""The read-only "Routes" panel: every path of answers through a finder and its end."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from .flow import Outcome, all_routes


class RoutesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "help_finder/admin/routes_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            routes = all_routes(page.flow) if page.pk or page.questions else []
            context["routes"] = [
                {
                    "steps": steps,
                    "end": end,
                    "ends_in_outcome": isinstance(end, Outcome),
                }
                for steps, end in routes
            ]
            return context
