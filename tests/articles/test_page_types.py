"""Where each page type may live in the tree."""

from wagtail.test.utils import WagtailPageTestCase

from broadsheet.articles.models import ArticlePage, HomePage, SectionPage
from tests import factories


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_home()
        cls.section = factories.make_section(cls.home)
        author = factories.make_author()
        cls.article = factories.make_article(cls.section, authors=[author])

    def test_front_page_holds_only_sections(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage})

    def test_sections_live_only_under_the_front_page(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})

    def test_articles_live_only_in_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {SectionPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_there_is_one_front_page(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(self.home.get_parent()))

    def test_pages_are_routable_and_renderable(self):
        for page in (self.home, self.section, self.article):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
