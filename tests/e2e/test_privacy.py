from urllib.parse import urlsplit

import pytest

from tests.factories import VlogPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NETWORK_SCHEMES = {"http", "https", "ws", "wss"}


def test_pages_load_nothing_from_other_hosts_until_the_visitor_plays_a_video(
    page, demo_site, demo_urls
):
    vlog = VlogPageFactory(video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    site = urlsplit(demo_site.url).netloc
    requests = []
    page.on("request", lambda request: requests.append(urlsplit(request.url)))

    for url in [*demo_urls, vlog.url]:
        page.goto(url)

    assert {request.netloc for request in requests if request.scheme in NETWORK_SCHEMES} == {site}
    assert page.locator("iframe").count() == 0

    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body=""))
    page.get_by_role("button", name="Video afspelen via YouTube").click()

    player = page.locator("iframe").get_attribute("src")
    assert player.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
