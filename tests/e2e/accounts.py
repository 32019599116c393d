"""Logging in through the browser, as people do: the admin sends editors to the site's login."""

from allauth.account.models import EmailAddress

from tests.factories import PASSWORD


def log_in_to_the_admin(page, *, user):
    """Open /admin/, which leads to the site's login, and log in there with e-mail and password."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    page.goto("/admin/login/")
    page.wait_for_url("**/account/login/**")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admin/")
