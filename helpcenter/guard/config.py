"""The typed schema of the guard's part of mkdocs.yml: `extra.contacts`,
`extra.link_policy` and `extra.faq_categories`.

Declared the way Material for MkDocs declares plugin options
(`material/plugins/*/config.py`): one class per section, one option per key, e.g.
`min_steps = Int(default=2)`. It is read by this module rather than by MkDocs'
`Config.validate()` because every problem must be a finding at the line of the
offending key in mkdocs.yml, in the writer's language, and never an exception:

- a key the schema does not know (`config-unknown-key`, with "did you mean" when one
  is close: a misspelled `official_domains` is never silently replaced by a default);
- a value of the wrong type (`config-type`);
- a required key that is missing (`config-missing-key`);
- a date that is not a real YYYY-MM-DD date (`config-date`).

After a finding the check goes on with the option's default, so one run reports every
problem; the finding fails the build. What the values mean (a contact's kind, its
source, whether its date is in the future) is the registry's business
(helpcenter/guard/registry.py), on the values read here.

Time zone: dates are compared with today's date in Asia/Shanghai (China Standard
Time, UTC+08:00, no daylight saving time since 1991), the zone of the help
center's readers and writers, never in the machine's own zone: "verified in the
future" means after today in Beijing on any build machine (`today()`).

Other keys of `extra` (generator, offline, alternate …) belong to the theme and the
templates and are not checked here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from .catalogue import finding

if TYPE_CHECKING:
    from .findings import Finding
    from .project import YamlDoc

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Asia/Shanghai (the schema's one time zone), whatever the machine's TZ."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(SHANGHAI).date()


# -- reading one value at one place ------------------------------------------------


class _Invalid:
    """A value that was reported and replaced by the option's default."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Place:
    """Where a value sits in mkdocs.yml: its key path, and where findings about it go."""

    doc: YamlDoc
    config_rel: str
    findings: list[Finding]
    path: tuple[Any, ...] = ()

    def child(self, key: Any) -> Place:
        return Place(self.doc, self.config_rel, self.findings, self.path + (key,))

    @property
    def key(self) -> str:
        """The key path as a writer reads it: extra.contacts[0].verified."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def report(self, code: str, case: str = "", **fields: Any) -> None:
        self.findings.append(finding(code, self.config_rel, self.doc.line(*self.path), case, **fields))


def type_name(value: Any) -> str:
    """The catalogue's name for a YAML value's type (see catalogue `{x:type}`)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, dt.date):
        return "date"
    return type(value).__name__


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:39] + "…"


# -- options --------------------------------------------------------------------------


class Option:
    """One key of a section. `required`: missing is a finding. `default`: the value
    when the key is absent (or, after a finding, to keep checking)."""

    expected = "text"

    def __init__(self, *, required: bool = False, default: Any = None) -> None:
        self.required = required
        self.default = default

    def read(self, value: Any, at: Place) -> Any:
        if not self.accepts(value):
            at.report("config-type", key=at.key, expected=self.expected, actual=type_name(value), value=_shown(value))
            return INVALID
        return self.convert(value, at)

    def accepts(self, value: Any) -> bool:
        raise NotImplementedError

    def convert(self, value: Any, at: Place) -> Any:
        return value


class Str(Option):
    expected = "text"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)


class Int(Option):
    expected = "integer"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)


class Date(Option):
    """A date written YYYY-MM-DD (quoted or not; see project.read_yaml)."""

    expected = "date"
    _FORM = re.compile(r"\d{4}-\d{2}-\d{2}")

    def accepts(self, value: Any) -> bool:
        return isinstance(value, (str, dt.date)) and not isinstance(value, dt.datetime)

    def convert(self, value: Any, at: Place) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            if self._FORM.fullmatch(value.strip()):
                return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        at.report("config-date", key=at.key, value=value)
        return INVALID


class ListOf(Option):
    """A list whose items are each read by `item`; items with findings are dropped."""

    expected = "list"

    def __init__(self, item: Option, **kwargs: Any) -> None:
        kwargs.setdefault("default", ())
        super().__init__(**kwargs)
        self.item = item

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list)

    def convert(self, value: Any, at: Place) -> Any:
        items = (self.item.read(item, at.child(index)) for index, item in enumerate(value))
        return tuple(item for item in items if item is not INVALID)


class Section(Option):
    """A mapping read by a Schema subclass."""

    expected = "mapping"

    def __init__(self, schema: type[Schema], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.schema = schema

    def accepts(self, value: Any) -> bool:
        return isinstance(value, Mapping)

    def convert(self, value: Any, at: Place) -> Any:
        return self.schema.read(value, at)


class Schema:
    """A section of mkdocs.yml: subclasses declare one Option per key as class
    attributes; `read` returns an instance whose attributes hold the typed values.

    `reported` names the keys that had a finding (their value is the default), so
    later rules do not report the same mistake again; `path` is the section's key
    path in mkdocs.yml."""

    closed: ClassVar[bool] = True  # unknown keys are findings
    reported: frozenset[str]
    path: tuple[Any, ...]

    @classmethod
    def options(cls) -> dict[str, Option]:
        return {name: value for klass in reversed(cls.__mro__) for name, value in vars(klass).items() if isinstance(value, Option)}

    @classmethod
    def read(cls, raw: Mapping[Any, Any], at: Place) -> Schema:
        options = cls.options()
        reported: set[str] = set()
        suggested: set[str] = set()  # a misspelt key is one mistake: no "missing" finding for what it meant
        if cls.closed:
            for key in raw:
                if str(key) in options:
                    continue
                close = difflib.get_close_matches(str(key), list(options), n=1, cutoff=0.6)
                if close:
                    suggested.add(close[0])
                    at.child(key).report("config-unknown-key", "suggest", key=str(key), section=at.key, suggestion=close[0])
                else:
                    at.child(key).report("config-unknown-key", "plain", key=str(key), section=at.key, known=tuple(options))
        values: dict[str, Any] = {}
        for name, option in options.items():
            if name in raw:
                value = option.read(raw[name], at.child(name))
            else:
                value = INVALID if option.required else option.default
                if option.required and name not in suggested:
                    at.report("config-missing-key", key=name, section=at.key)
            if value is INVALID or (name in suggested and name not in raw):
                reported.add(name)  # reported here (or as the key it was misspelt from)
                value = option.default
            values[name] = value
        instance = cls.__new__(cls)
        instance.__dict__.update(values, reported=frozenset(reported), path=at.path)
        return instance


# -- the guard's sections ---------------------------------------------------------------


class LabelConfig(Schema):
    """A name shown to readers, in each language."""

    zh = Str(required=True)
    en = Str(required=True)


class ContactConfig(Schema):
    """One entry of `extra.contacts`: a channel, and only when verified its address
    (`url`) with the official page that publishes it (`source`) and the date it was
    checked there (`verified`)."""

    id = Str(required=True)
    kind = Str(required=True)
    label = Section(LabelConfig, required=True)
    url = Str()
    source = Str()
    verified = Date()

    @property
    def index(self) -> int:
        return self.path[-1]


class LinkPolicyConfig(Schema):
    """`extra.link_policy`: which sites articles may link to, and the FAQ rules' settings.
    `brand` and `official_domains` are required (their defaults only keep the check going)."""

    brand = Str(required=True, default="bitpie")
    official_domains = ListOf(Str(), required=True, default=("bitpie.com",))
    reference_domains = ListOf(Str())
    # Reviewed places on a host that is not allowed as a whole, as "host/path/".
    reference_prefixes = ListOf(Str())
    contact_page = Str(default="contact.md")
    faq_dir = Str(default="faq")
    min_steps = Int(default=2)
    faq_nav_max = Int(default=40)


class CategoryConfig(Schema):
    """One entry of `extra.faq_categories`: an FAQ's `category:` names its id."""

    id = Str(required=True)
    label = Section(LabelConfig, required=True)


class ExtraConfig(Schema):
    """The guard's keys of `extra`; its other keys belong to the theme and templates."""

    closed = False
    contacts = ListOf(Section(ContactConfig), required=True)
    link_policy = Section(LinkPolicyConfig, required=True, default=None)
    faq_categories = ListOf(Section(CategoryConfig))


@dataclass(frozen=True)
class GuardConfig:
    """The typed sections, and the findings met while reading them."""

    contacts: tuple[ContactConfig, ...]
    link_policy: LinkPolicyConfig
    faq_categories: tuple[CategoryConfig, ...]
    findings: tuple[Finding, ...]


def read_guard_config(doc: YamlDoc, config_rel: str) -> GuardConfig:
    """Read `extra` of a parsed mkdocs.yml against the schema."""
    findings: list[Finding] = []
    at = Place(doc, config_rel, findings, ("extra",))
    raw = doc.data.get("extra") if isinstance(doc.data, Mapping) else None
    if raw is None:
        raw = {}
    extra = Section(ExtraConfig).read(raw, at)
    if extra is INVALID:
        extra = ExtraConfig.read({}, Place(doc, config_rel, [], ("extra",)))
    policy = extra.link_policy
    if policy is None:  # missing or not a mapping: reported; check with the defaults
        policy = LinkPolicyConfig.read(
            {"brand": LinkPolicyConfig.brand.default, "official_domains": list(LinkPolicyConfig.official_domains.default)},
            Place(doc, config_rel, [], ("extra", "link_policy")),
        )
    return GuardConfig(tuple(extra.contacts), policy, tuple(extra.faq_categories), tuple(findings))
