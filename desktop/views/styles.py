"""The few colours the screens share for their message lines."""

OK_STYLE = "color: #0b6e4f;"  # done, saved
ERROR_STYLE = "color: #b00020;"  # refused, needs fixing
NOTE_STYLE = "color: #5f6368;"  # a hint
