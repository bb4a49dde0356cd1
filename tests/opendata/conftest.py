"""Tests here export, feed and map the small shared repertory (`own_index`, for a
test that publishes practices, is in tests/conftest.py)."""
