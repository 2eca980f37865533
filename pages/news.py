"""News: an index per language, paged, with an Atom feed; articles with a date and a lead."""

from __future__ import annotations

import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import BasePage, without_restricted
from .blocks import BodyBlock

NEWS_PER_PAGE = 10
FEED_ITEMS = 20


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news of one language, newest first, ten to a page; `feed/` is its Atom feed."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        return without_restricted(NewsArticlePage.objects.child_of(self).live()).order_by(
            "-date", "-first_published_at"
        )

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        paginator = Paginator(self.articles(), NEWS_PER_PAGE)
        number = request.GET.get("page", "1")
        try:
            # A page number that is not a number, or past the end, is a page that does not
            # exist: the translated 404 page, not a 500 or a silent first page.
            articles = paginator.page(number)
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404(str(error)) from error
        return self.render(request, context_overrides={"articles": articles})

    @path("feed/")
    def feed(self, request: HttpRequest) -> HttpResponse:
        feed = Atom1Feed(
            title=self.title,
            link=self.get_full_url(request),
            description=self.intro,
            language=self.locale.language_code,
            feed_url=self.get_full_url(request) + "feed/",
        )
        for article in self.articles()[:FEED_ITEMS]:
            published = timezone.make_aware(
                datetime.datetime.combine(article.date, datetime.time(9)),
                timezone.get_default_timezone(),
            )
            feed.add_item(
                title=article.title,
                link=article.get_full_url(request),
                description=article.intro,
                pubdate=published,
                updateddate=article.last_published_at or published,
                unique_id=article.get_full_url(request),
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response


class NewsArticlePage(BasePage):
    """A news item: its date, a lead (the introduction) and the text."""

    date = models.DateField(_("date"), default=datetime.date.today)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("date"),
        *BasePage.content_panels[1:],
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("date"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
