"""The page tree editors can build: a home page per language at the root; under it the
practice index and the standard pages; practices only under the practice index."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage, StandardPage
from practices.models import PracticeIndexPage, PracticePage


class PageTreeTests(WagtailPageTestCase):
    def test_a_home_page_can_be_created_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)

    def test_the_practice_index_and_the_standard_pages_live_under_a_home_page(self):
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertCanCreateAt(HomePage, PracticeIndexPage)
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_practices_live_only_under_the_practice_index(self):
        self.assertAllowedParentPageTypes(PracticePage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticePage})
        self.assertCanNotCreateAt(HomePage, PracticePage)
        self.assertCanNotCreateAt(Page, PracticePage)

    def test_practices_and_standard_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(PracticePage, set())
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_a_home_page_lives_only_at_the_root(self):
        """An editor adding a page under the home page was offered "Home page"."""
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
