"""The redactie sets what an ambassador helps with and whether they hear of submissions."""

from tests.ambassadors.factories import region_with_ambassadors


def test_the_redactie_edits_help_with_and_the_notification_setting(editor_client, home):
    region, (ambassador,) = region_with_ambassadors("een@example.org")
    url = f"/admin/snippets/stories/ambassador/edit/{ambassador.pk}/"

    form = editor_client.get(url)
    response = editor_client.post(
        url,
        {
            "name": ambassador.name,
            "kind": "regio",
            "role": "Gezinsvoogd",
            "bio": "",
            "help_with": "Wachtlijsten en overbruggingszorg",
            "email": "een@example.org",
            "regions": [region.pk],
            "change_task": "",
        },
    )

    assert form.status_code == 200
    assert "Waarmee ik je kan helpen" in form.text
    assert "Stuur mij een bericht bij nieuwe inzendingen uit mijn regio" in form.text
    assert response.status_code == 302
    ambassador.refresh_from_db()
    assert ambassador.help_with == "Wachtlijsten en overbruggingszorg"
    assert ambassador.notify_on_submissions is False
