"""Text from visitors, made safe to show and to mail."""

import re

# C0 and C1 control characters and DEL, but not tab and the line breaks.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def single_line(value):
    """The text on one line: every run of white space or control characters becomes a space.

    A line break typed into a name would otherwise start a line of its own in the mail to
    the team, where it could pass for a field of the form ("E-mail: …").
    """
    return " ".join(CONTROL_CHARACTERS.sub(" ", value).split())


def multi_line(value):
    """The text with its line breaks as newlines and no other control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", value)
