"""YAML for library files, bounded before anything is built: size, depth, aliases, numbers, dates.

``load`` reads the text as a stream of parser events first (libyaml's parser is iterative and keeps
nothing), and refuses it when it nests too deep, has too many events, or uses an alias; only then
are Python values built.  The values are plain: dates stay the text they were written as (the
caller checks them and names the field), and a number of more than 50 digits is refused (Python
refuses to turn 4,300 digits into an int, with an error that names no line).

>>> load("id: a\\nreviewed: 2026-13-45\\n", 1)
{'id': 'a', 'reviewed': '2026-13-45'}
>>> load("a: &x [1]\\nb: *x\\n", 1)
Traceback (most recent call last):
...
healthreader.content.yamlsafe.YamlError: line 2: YAML aliases (*name) are not allowed in library files
"""

from __future__ import annotations

from typing import Any

import yaml

from healthreader.content.limits import MAX_YAML_DEPTH, MAX_YAML_EVENTS

MAX_NUMBER_DIGITS = 50

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ten times faster where it is present


class YamlError(ValueError):
    """A YAML text that cannot or may not be read; ``line`` counts from the text's first line as 1."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader, with timestamps kept as text and numbers bounded in length."""


def _timestamp_as_text(loader: Any, node: yaml.ScalarNode) -> str:
    return str(node.value)


def _bounded(kind: str) -> Any:
    base = _Base.yaml_constructors[f"tag:yaml.org,2002:{kind}"]

    def construct(loader: Any, node: yaml.ScalarNode) -> Any:
        if len(str(node.value)) > MAX_NUMBER_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number of more than {MAX_NUMBER_DIGITS} digits", node.start_mark
            )
        return base(loader, node)

    return construct


def _mapping_without_duplicates(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    # YAML lets a later key silently replace an earlier one: a second 'title' would hide the first.
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key that is a list or mapping", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {str(key)[:40]!r} appears twice", key_node.start_mark
            )
    return dict(_Base.construct_mapping(loader, node, deep=True))


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping_without_duplicates)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _bounded("int"))
_Loader.add_constructor("tag:yaml.org,2002:float", _bounded("float"))


def _mark_line(exc: yaml.YAMLError, text: str) -> int:
    # The context mark is where the unfinished construct began (an unclosed bracket or quote), which
    # is the line a writer needs; the problem mark is where the parser gave up.
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    last = max(text.count("\n"), 1)
    return min(1 + (mark.line if mark else 0), last)


def check_events(text: str) -> None:
    """Raise ``YamlError`` if ``text`` nests deeper than the limit, is too long a stream, or uses aliases."""
    depth = events = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            events += 1
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(line, "YAML aliases (*name) are not allowed in library files")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise YamlError(line, f"values nested too deep (more than {MAX_YAML_DEPTH} levels)")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if events > MAX_YAML_EVENTS:
                raise YamlError(line, f"more than {MAX_YAML_EVENTS:,} YAML values")
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        if "nesting depth" in problem:  # libyaml's own bound, lower than ours for flow collections
            problem = "values nested too deep"
        raise YamlError(_mark_line(exc, text), f"invalid YAML: {problem}") from None


def load(text: str, first_line: int = 1) -> Any:
    """The value of ``text``, a YAML document; ``YamlError`` with the file's line when it is refused.

    ``first_line`` is the line of the file ``text`` starts at, so the error names the file's line.
    """
    try:
        check_events(text)
        try:
            return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            raise YamlError(_mark_line(exc, text), f"invalid YAML: {problem}") from None
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:
            # The safe constructors raise these for values they cannot build (a key that is a list).
            raise YamlError(1, f"invalid YAML value: {exc}") from None
    except YamlError as exc:
        raise YamlError(exc.line + first_line - 1, exc.message) from None
