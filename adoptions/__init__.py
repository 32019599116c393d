""" "Wij passen dit ook toe": members say where a practice example is applied too, held for
the redactie like a first reply (issue 17)."""
