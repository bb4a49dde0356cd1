"""The client address comes from the configured number of trusted proxies only."""

import pytest
from django.test import RequestFactory

from kb.client_ip import client_ip


def _request(remote="127.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@pytest.mark.parametrize(
    "forwarded, expected",
    [
        ("203.0.113.9", "203.0.113.9"),
        # What the client wrote itself comes first and is not believed.
        ("10.0.0.1, 203.0.113.9", "203.0.113.9"),
        ("garbage", "127.0.0.1"),
        ("", "127.0.0.1"),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_the_rightmost_address_is_the_client(
    settings, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_behind_two_proxies_the_second_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = _request(forwarded="6.6.6.6, 203.0.113.9, 192.0.2.10")
    assert client_ip(request) == "203.0.113.9"
    # Fewer entries than proxies: the request bypassed one; trust nothing.
    assert client_ip(_request(forwarded="203.0.113.9")) == "127.0.0.1"
