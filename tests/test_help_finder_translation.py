"""Through wagtail-localize, translators get only the finder's text; routing follows the source."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

ROUTING_VALUES = {"q1", "q2", "q3", "k1", "k2", "k3", "k4", "k5", "r1", "r2", "r3", "r4"}


@pytest.mark.django_db
def test_translators_see_text_and_never_routing_keys(demo_page):
    source, _created = TranslationSource.get_or_create_from_instance(
        demo_page("victims-help-finder", "fi")
    )
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert not strings & ROUTING_VALUES
    fi = demo_page("victims-help-finder", "fi")
    assert fi.flow.questions[0].text in strings
    assert fi.flow.questions[0].options[0].label in strings
    assert fi.flow.outcomes[0].title in strings


@pytest.mark.django_db
def test_a_sync_brings_the_source_routing_into_the_translation(demo_page):
    fi_page = demo_page("victims-help-finder", "fi")
    russian = Locale.objects.get(language_code="ru")
    source, _created = TranslationSource.get_or_create_from_instance(fi_page)
    translation = Translation.objects.create(source=source, target_locale=russian)

    # The translator translates the first question.
    question = fi_page.flow.questions[0].text
    StringTranslation.objects.create(
        translation_of=String.objects.get(data=question, locale=source.locale),
        locale=russian,
        context=StringSegment.objects.get(source=source, string__data=question).context,
        data="Вы сейчас в опасности?",
    )
    translation.save_target(publish=True)
    ru_page = demo_page("victims-help-finder", "ru")
    assert ru_page.flow.questions[0].text == "Вы сейчас в опасности?"

    # An editor reroutes q3's last answer in Finnish; a sync carries the new route over.
    questions = fi_page.questions.get_prep_value()
    questions[2]["value"]["options"][4]["value"]["next"] = "r4"
    fi_page.questions = json.dumps(questions)
    fi_page.save_revision().publish()
    source.update_from_db()
    translation.save_target(publish=True)

    ru_page = demo_page("victims-help-finder", "ru")
    assert ru_page.flow.questions[2].options[4].next == "r4"
    assert [q.key for q in ru_page.flow.questions] == [q.key for q in fi_page.flow.questions]
    assert ru_page.flow.questions[0].text == "Вы сейчас в опасности?"
