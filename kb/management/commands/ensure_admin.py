import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local admin account if none exists, or say how to log in."

    def handle(self, *args, **options):
        User = get_user_model()
        credentials = Path(settings.DATA_DIR) / "admin-credentials.txt"
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if User.objects.filter(is_superuser=True).exists():
            where = f" (see {credentials})" if credentials.exists() else ""
            self.stdout.write(f"Admin account exists; log in at {admin_url}{where}.")
            return
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username, f"{username}@localhost", password)
        credentials.parent.mkdir(parents=True, exist_ok=True)
        credentials.write_text(f"username: {username}\npassword: {password}\n")
        credentials.chmod(0o600)
        self.stdout.write(
            f"Created admin account at {admin_url}: username {username}, "
            f"password {password} (saved in {credentials})."
        )
