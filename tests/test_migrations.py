from tests.utils import run_command


def test_every_model_change_has_a_migration(db):
    output = run_command("makemigrations", "--check", "--dry-run")

    assert "No changes detected" in output
