"""The fictional members of the demo site, who share stories and talk in the dialogues."""

# (username, e-mail address, display name, role). Every address is verified, so that they
# can reply without a confirmation e-mail; none of them has a password.
MEMBERS = [
    ("marloes", "marloes@hartvoordejeugd.local", "Marloes, moeder van twee", "ouder"),
    ("kevin", "kevin@hartvoordejeugd.local", "Kevin, jeugdhulpverlener", "professional"),
    ("yara", "yara@hartvoordejeugd.local", "Yara (17)", "jongere"),
    ("ans", "ans@hartvoordejeugd.local", "Ans, pleegmoeder", "ouder"),
    ("fatima", "fatima@hartvoordejeugd.local", "Fatima, wijkteam Amsterdam-Oost", "professional"),
    ("jeroen", "jeroen@hartvoordejeugd.local", "Jeroen, gemeente Rotterdam", "gemeente"),
]

# The members named as contributors of the demo stories, in turn.
CONTRIBUTORS = ["marloes", "kevin"]
