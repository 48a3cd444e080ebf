"""Editorial calendars and feeds: stage mix, mix score against a target, calendar-level rules."""
