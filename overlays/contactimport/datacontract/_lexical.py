"""Text forms of .NET primitives, as DataContractSerializer writes and reads them.

- double: .NET Framework's "R" format (15 significant digits when they round-trip, else 17;
  exponent form from 1E+15 / 1E-05 on; `0` for negative zero), `INF`, `-INF`, `NaN`;
- TimeSpan: XML `xs:duration` (`PT0.1234567S`, `P1DT2H`, `PT0S`), JSON Json.NET's "c" format
  (`[-][d.]hh:mm:ss[.fffffff]`); both carry 100 ns ticks;
- DateTime: the lexical form crosses unchanged (see `check_datetime`).
"""

from __future__ import annotations

import math
import re
from datetime import datetime

_INVALID_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

TICKS_PER_SECOND = 10_000_000
TICKS_PER_DAY = 86_400 * TICKS_PER_SECOND
MAX_TICKS = 2**63 - 1  # TimeSpan.MaxValue.Ticks
MIN_TICKS = -(2**63)  # TimeSpan.MinValue.Ticks: one tick further from zero than MaxValue

_XML_WHITESPACE = " \t\n\r"
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DOUBLE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
_DOUBLE_SPECIAL = {"INF": math.inf, "-INF": -math.inf, "NaN": math.nan}
_DURATION = re.compile(
    r"(-)?P(?!\Z)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?"
    r"(?:T(?!\Z)(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)(?:\.([0-9]+))?S)?)?\Z"
)
_TIMESPAN = re.compile(
    r"(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?\Z"
)
_DATETIME = re.compile(
    r"([0-9]{4,})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})?\Z"
)


def invalid_xml_char(text: str) -> str | None:
    """The first character XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates,
    U+FFFE/U+FFFF) as `U+XXXX`, or None."""
    match = _INVALID_XML_CHAR.search(text)
    if match is None:
        return None
    return f"U+{ord(match.group()):04X}"


def escape_text(text: str) -> str:
    """Element content as .NET's XmlWriter escapes it, except CR: written `&#xD;` so that it
    survives end-of-line normalisation (.NET turns it into a line break and loses it)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#xD;")
    return text


# -- integers and doubles ---------------------------------------------------------------------


def parse_integer(text: str) -> int | None:
    if text.isascii() and text.isdigit():
        return int(text)
    text = text.strip(_XML_WHITESPACE)
    if _INTEGER.match(text) is None:
        return None
    return int(text)


def format_double(value: float) -> str:
    """A double as .NET Framework's DataContractSerializer writes it (`ToString("R")`; Mono
    agrees): negative zero is written `0`."""
    if value == 0:
        return "0"
    text = repr(value)
    if len(text) <= 16 and "e" not in text and "n" not in text:
        # Python's shortest round-trip text, without an exponent (so 1E-04 <= |value| < 1E+15
        # given the length) and with at most 15 significant digits: any decimal of 15 digits
        # survives the round trip through a double, so "R"'s 15-digit attempt gives the same
        # digits and .NET writes them without an exponent in that range ("1.0" -> "1").
        return text[:-2] if text.endswith(".0") else text
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    text = f"{value:.15g}"
    if float(text) != value:
        text = f"{value:.17g}"
    mantissa, _, exponent = text.partition("e")
    if not exponent:
        return mantissa
    sign = exponent[0]
    digits = exponent[1:].lstrip("0").rjust(2, "0")
    return f"{mantissa}E{sign}{digits}"


def parse_double(text: str) -> float | None:
    text = text.strip(_XML_WHITESPACE)
    special = _DOUBLE_SPECIAL.get(text)
    if special is not None:
        return special
    if _DOUBLE.match(text) is None:
        return None
    value = float(text)
    if math.isinf(value):
        return None  # .NET refuses a finite text beyond Double.MaxValue (`1e400`); INF is INF
    return value


def parse_boolean(text: str) -> bool | None:
    text = text.strip(_XML_WHITESPACE)
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    return None


# -- TimeSpan ---------------------------------------------------------------------------------


def timespan_to_ticks(text: str) -> int | None:
    """Ticks of a Json.NET TimeSpan string (`[-][d.]hh:mm:ss[.f{1,7}]`), None if it is not one.

    As Json.NET reads it (`TimeSpan.Parse`, checked against Mono): `a:b:c` whose `a` is more than
    23, with no day part and no fraction, is days:hours:minutes, so `"24:00:00"` is 24 days
    (`"24:30:15"`, 30 hours, is refused)."""
    match = _TIMESPAN.match(text)
    if match is None:
        return None
    negative, days, hours, minutes, seconds, fraction = match.groups()
    if int(hours) > 23 and days is None and fraction is None:
        days, hours, minutes, seconds = hours, minutes, seconds, "0"
    if int(hours) > 23 or int(minutes) > 59 or int(seconds) > 59:
        return None
    ticks = (
        (int(days or 0) * 86_400 + int(hours) * 3_600 + int(minutes) * 60 + int(seconds))
        * TICKS_PER_SECOND
    ) + int((fraction or "").ljust(7, "0"))
    return _within_range(-ticks if negative else ticks)


def _within_range(ticks: int) -> int | None:
    """``ticks`` when TimeSpan holds it (MinValue, -2**63, included), else None."""
    return ticks if MIN_TICKS <= ticks <= MAX_TICKS else None


def ticks_to_timespan(ticks: int) -> str:
    """Json.NET's (TimeSpan "c" format) text of a tick count."""
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, ticks = divmod(ticks, TICKS_PER_DAY)
    seconds, fraction = divmod(ticks, TICKS_PER_SECOND)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{sign}{f'{days}.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{fraction:07d}" if fraction else text


def ticks_to_duration(ticks: int) -> str:
    """`XmlConvert.ToString(TimeSpan)`: an xs:duration with days, hours, minutes, seconds."""
    parts = ["-P" if ticks < 0 else "P"]
    ticks = abs(ticks)
    days, ticks = divmod(ticks, TICKS_PER_DAY)
    seconds, fraction = divmod(ticks, TICKS_PER_SECOND)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        parts.append(f"{days}D")
    if hours or minutes or seconds or fraction:
        parts.append("T")
        if hours:
            parts.append(f"{hours}H")
        if minutes:
            parts.append(f"{minutes}M")
        if fraction:
            parts.append(f"{seconds}.{f'{fraction:07d}'.rstrip('0')}S")
        elif seconds:
            parts.append(f"{seconds}S")
    elif not days:
        parts.append("T0S")
    return "".join(parts)


def duration_to_ticks(text: str) -> int | None:
    """Ticks of an xs:duration as `XmlConvert.ToTimeSpan` reads it (a year is 365 days, a month
    30), fractions beyond 100 ns truncated; None when it is not a duration or out of range."""
    match = _DURATION.match(text.strip(_XML_WHITESPACE))
    if match is None:
        return None
    negative, years, months, days, hours, minutes, seconds, fraction = match.groups()
    if text.strip(_XML_WHITESPACE).endswith("T"):
        return None
    month_count = int(months or 0)
    total_days = (int(years or 0) + month_count // 12) * 365 + (month_count % 12) * 30
    total_days += int(days or 0)
    total_seconds = ((total_days * 24 + int(hours or 0)) * 60 + int(minutes or 0)) * 60
    total_seconds += int(seconds or 0)
    ticks = total_seconds * TICKS_PER_SECOND + int((fraction or "")[:7].ljust(7, "0"))
    return _within_range(-ticks if negative else ticks)


# -- DateTime ---------------------------------------------------------------------------------

_JSONNET_DATE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,7})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?\Z"
)


def is_jsonnet_date(text: str) -> bool:
    """Whether Json.NET (default DateParseHandling.DateTime) reads this JSON string inside an
    `object` as a DateTime: `yyyy-MM-ddTHH:mm:ss[.f{1,7}][Z|+hh:mm]`, upper-case `T` and `Z`,
    a real date and time (checked against Mono; `/Date(...)/` is not followed)."""
    if len(text) < 19 or text[10] != "T":
        return False
    match = _JSONNET_DATE.match(text)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


def check_datetime(text: str) -> str | None:
    """The xs:dateTime form of a date-time string (`t`/`z` upper-cased), None if it is not one.

    The string crosses between JSON and XML unchanged otherwise: what .NET writes depends on the
    DateTime's Kind (`Z` for UTC, the server's offset for Local, nothing for Unspecified) and on
    trailing zeros it trims, none of which a JSON string can tell; keeping the text keeps the
    instant and the offset exactly. At most 7 fraction digits (a .NET tick is 100 ns).
    """
    match = _DATETIME.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if fraction is not None and len(fraction) > 8:
        return None
    if offset and offset not in "Zz" and (int(offset[1:3]) > 14 or int(offset[4:6]) > 59):
        return None
    try:
        datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    except ValueError:
        return None
    if "t" in text or "z" in text:
        text = text.replace("t", "T").replace("z", "Z")
    return text


def parse_datetime(text: str) -> str | None:
    """A date-time read from XML: xs:dateTime, surrounding whitespace removed, as a string."""
    return check_datetime(text.strip(_XML_WHITESPACE))
