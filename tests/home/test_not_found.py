from tests.factories import ArticlePageFactory


def test_an_unknown_address_answers_404_with_a_dutch_page(client, db):
    response = client.get("/deze-pagina-bestaat-niet/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Pagina niet gevonden" in html
    assert "Not Found" not in html


def test_a_draft_page_answers_404(client, db):
    draft = ArticlePageFactory(live=False)

    assert client.get(draft.url).status_code == 404
