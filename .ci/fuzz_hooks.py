"""Schemathesis hooks for `.ci/fuzz.py`: which refusals of schema-valid requests are expected.

The OpenAPI document states each field's shape and, where a field depends on another's value,
the branches (`server/src/api/conditions.rs`). Some refusals no JSON Schema can state: an id
must name a record that exists, one date must follow another, an amount must reach what the
AMAP stored. A schema-valid request refused for one of those reasons (and only those: every
problem of the answer must be one of them) is the API working, not a mismatch between the
document and the parsers; each is named here with its reason. Any other refusal of a
schema-valid request fails the run.
"""

import re

import schemathesis

# Ids sent in a body must name a record of this AMAP: whether one does is stored data.
ID_FIELD = re.compile(r"^(.*_ids?|products|unavailable|collector|received|promised)$")

# Problem codes that always depend on the template as stored, whatever the field: a product not
# delivered on a date, a date past its deadline, the stock left, the jokers its policy allows.
STORED = {
    "cell_closed",
    "date_closed",
    "out_of_stock",
    "joker_not_allowed",
    "too_few_jokers",
    "too_many_jokers",
}

# What an entry rule (wine by 6…) says of quantities; the rules are stored for each template.
ENTRY_RULES = {"must_equal", "at_least", "at_most", "multiple_of"}

# (field, problem code): a comparison between two fields, or a limit read from the database.
EXPECTED = {
    # the last date of a calendar or a period before its first
    ("last_date", "invalid_date"): "an order between two dates",
    ("ends_on", "invalid_date"): "an order between two dates",
    # a sign-up deadline after the first delivery
    ("deadline", "invalid_date"): "an order between two dates",
    # more than 366 dates between the first and the last (110 for a rota period), or fewer
    # than a prepaid card needs
    ("dates", "at_most"): "the number of dates a frequency gives between two dates",
    ("last_date", "at_most"): "the number of dates a frequency gives between two dates",
    ("dates", "at_least"): "the number of dates a frequency gives between two dates",
    # fewer jokers allowed than required
    ("joker_min", "at_most"): "an order between two numbers",
    # jokers changeable closer to a date than the producer's notice period
    ("joker_days", "at_least"): "a notice period stored for the producer",
    # a date added or moved before today, or onto a date the template has already
    ("date", "invalid_date"): "today's date and the template's stored dates",
    ("to", "invalid_date"): "today's date and the template's stored dates",
    # an entry rule or a joker on a date the template does not deliver
    ("dates", "unknown_value"): "the template's stored dates",
    ("date", "unknown_value"): "the template's stored dates",
    # an audience naming a template that does not exist (or a day with nobody on duty)
    ("audience", "unknown_value"): "the templates and duties stored",
    # the suggested membership fee below the minimum
    ("suggested", "below_minimum"): "an order between two amounts",
    # a membership below the period's minimum, which the treasurer set
    ("amount", "below_minimum"): "a minimum stored by the AMAP",
    # a contract whose quantities are all zero
    ("contract", "empty_contract"): "a sum over the quantities",
    # a file's content (a spreadsheet of members) is not described by a schema
    ("file", "unreadable_file"): "the content of an uploaded file",
    ("file", "missing_column"): "the content of an uploaded file",
    ("file", "empty_file"): "the content of an uploaded file",
}


def expected(problem):
    field = problem.get("field", "")
    code = problem.get("code", "")
    if code == "unknown_value" and ID_FIELD.match(field.split(".")[0]):
        return True
    if code in STORED:
        return True
    # `q.<date>…`: a quantity against an entry rule the template's référent stored
    if (field == "contract" or field.startswith("q.")) and code in ENTRY_RULES:
        return True
    # `joker.<date>`: a joker on a date the template does not deliver
    if field.startswith("joker.") and code == "invalid_date":
        return True
    return (field, code) in EXPECTED


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Keeps every failure but a schema-valid request refused only for the reasons above."""
    if failure.code != "ST202" or response.status_code != 422:
        return True
    try:
        problems = response.json().get("fields") or []
    except ValueError:
        return True
    return not (problems and all(expected(problem) for problem in problems))
