"""The admin's time zone choice offers zone names only."""

import zoneinfo

from wagtail.admin.localization import get_available_admin_time_zones


def test_the_account_page_offers_no_system_file_as_a_time_zone():
    """Debian's tz database lists "localtime" (a symlink), which the browser's
    Intl.DateTimeFormat rejects: the account page's script failed on it."""
    offered = get_available_admin_time_zones()
    assert "localtime" not in offered and "Factory" not in offered
    assert "America/Mexico_City" in offered and "UTC" in offered
    assert set(offered) <= zoneinfo.available_timezones()
