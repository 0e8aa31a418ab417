"""Load the built-in rule packs, layer user packs over them, and compile.

Built-in packs live in `rules/*.yaml`. A user pack given with `--rules` may
add rules (ids prefixed with its own pack name), replace a rule by reusing its
id, or switch rules off with `disable:`. Every problem is reported with the
file, line and field, like an org file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from orgdesign.errors import Diagnostic, InputError
from orgdesign.i18n import _
from orgdesign.input.load import pydantic_problems, type_name
from orgdesign.input.source import Source, load_source
from orgdesign.resources import data_dir
from orgdesign.rulebook.match import Test, compile_condition, possible, predicates
from orgdesign.rulebook.schema import PREDICATES, Condition, Effect, Pack, Rule
from orgdesign.vocabulary import BUILTIN, Vocabulary, unknown

_VOCABULARY_KEYS = {
    "objective.kind": ("objective kind", "objective_kinds"),
    "objective.region": ("region", "regions"),
    "department.function": ("function", "functions"),
    "org.has_function": ("function", "functions"),
    "department.structure": ("structure", "structures"),
    "department.region": ("region", "regions"),
    "org.region": ("region", "regions"),
    "org.size": ("size", "sizes"),
}


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to match, with where it was defined."""

    rule: Rule
    file: str
    line: int | None
    test: Test = field(repr=False, compare=False)
    kinds: frozenset[str] = field(repr=False, compare=False)  # objective kinds it may apply to
    functions: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # department functions
    effect_kind: str = field(default="", repr=False, compare=False)  # owner, consulted, forbid_owner...
    points: int = field(default=0, repr=False, compare=False)  # the effect's amount in hundredths

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def effect(self) -> Effect:
        return self.rule.effect

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Rulebook:
    """The active rules, in id order, and the vocabulary they extend."""

    rules: tuple[CompiledRule, ...]
    vocabulary: Vocabulary
    aliases: dict[str, str]

    def get(self, rule_id: str) -> CompiledRule:
        """A rule by id or former id; InputError with a suggestion otherwise."""
        wanted = self.aliases.get(rule_id, rule_id)
        by_id = self.__dict__.get("_by_id")
        if by_id is None:
            by_id = {rule.id: rule for rule in self.rules}
            object.__setattr__(self, "_by_id", by_id)
        if wanted in by_id:
            return by_id[wanted]
        raise InputError.single("<command line>", unknown("rule", rule_id, [r.id for r in self.rules]), field="RULE")

    @property
    def skills_read(self) -> frozenset[str]:
        """Every skill some rule's condition reads, in the vocabulary's words."""
        from orgdesign.rulebook.match import predicates
        from orgdesign.vocabulary import canonical_skill

        return frozenset(
            canonical_skill(skill)
            for rule in self.rules
            for key, values in predicates(rule.rule.when)
            if key == "department.skills"
            for skill in values
        )

    def for_kind(self, kind: str) -> list[CompiledRule]:
        """Rules that can apply to objectives of this kind, in id order."""
        return self._by_kind.get(kind, [])

    def for_pair(self, kind: str, function: str) -> list[CompiledRule]:
        """Rules that can apply to this kind of objective and this function of department."""
        index = self.__dict__.get("_pair_index")
        if index is None:
            index = {}
            object.__setattr__(self, "_pair_index", index)
        rules = index.get((kind, function))
        if rules is None:
            rules = index[(kind, function)] = [r for r in self.for_kind(kind) if function in r.functions]
        return rules

    @property
    def _by_kind(self) -> dict[str, list[CompiledRule]]:
        cache = self.__dict__.get("_kind_index")
        if cache is None:
            cache = {}
            for rule in self.rules:
                for kind in rule.kinds:
                    cache.setdefault(kind, []).append(rule)
            object.__setattr__(self, "_kind_index", cache)
        return cache


def builtin_pack_paths() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


def _display(path: Path) -> str:
    """Built-in packs are shown as rules/<name>.yaml wherever they are installed."""
    return f"rules/{path.name}"


def load_rulebook(user_packs: list[str] | tuple[str, ...] = ()) -> Rulebook:
    """The built-in packs, then each user pack in order; raises InputError listing all problems."""
    problems: list[Diagnostic] = []
    layers: list[tuple[Source, Pack]] = []
    for path in builtin_pack_paths():
        loaded = _read_pack(str(path), _display(path), problems)
        if loaded:
            layers.append(loaded)
    builtin_count = len(layers)
    for path in user_packs:
        loaded = _read_pack(path, path, problems)
        if loaded:
            layers.append(loaded)
    if problems:
        raise InputError(problems)

    vocabulary = BUILTIN
    for _source, pack in layers:
        vocabulary = vocabulary.extended(pack.vocabulary.functions, pack.vocabulary.objective_kinds)

    active: dict[str, CompiledRule] = {}
    aliases: dict[str, str] = {}
    alias_at: dict[str, tuple[Source, tuple]] = {}
    for position, (source, pack) in enumerate(layers):
        is_user = position >= builtin_count
        seen_here: dict[str, int] = {}
        for index, rule in enumerate(pack.rules):
            path = ("rules", index, "id")
            if rule.id in seen_here:
                problems.append(
                    source.diagnostic(
                        path,
                        _("duplicate rule id {rule} (first on line {line})").format(
                            rule=repr(rule.id), line=seen_here[rule.id]
                        ),
                    )
                )
                continue
            seen_here[rule.id] = source.locate(path)[0] or 0
            prefix = rule.id.split(".", 1)[0]
            if rule.id in active and not is_user:
                problems.append(
                    source.diagnostic(
                        path,
                        _("rule id {rule} is already defined at {where}").format(
                            rule=repr(rule.id), where=active[rule.id].where
                        ),
                    )
                )
                continue
            if prefix != pack.pack and rule.id not in active:
                problems.append(
                    source.diagnostic(
                        path,
                        _(
                            "rule id {rule} must start with {prefix} (or reuse an existing id to replace that rule)"
                        ).format(rule=repr(rule.id), prefix=f"'{pack.pack}.'"),
                    )
                )
                continue
            problems += _vocabulary_problems(source, index, rule.when, vocabulary)
            active[rule.id] = CompiledRule(
                rule,
                source.name,
                source.locate(("rules", index))[0],
                compile_condition(rule.when),
                possible(rule.when, "objective.kind", vocabulary.objective_kinds),
                possible(rule.when, "department.function", vocabulary.functions),
                rule.effect.kind,
                scaled(rule.effect.amount),
            )
            for number, alias in enumerate(rule.aliases):
                alias_path = ("rules", index, "aliases", number)
                if alias in aliases and aliases[alias] != rule.id:
                    problems.append(
                        source.diagnostic(
                            alias_path,
                            _("alias {alias} already stands for {rule}").format(
                                alias=repr(alias), rule=repr(aliases[alias])
                            ),
                        )
                    )
                    continue
                aliases[alias] = rule.id
                alias_at[alias] = (source, alias_path)
        for index, rule_id in enumerate(pack.disable):
            if rule_id not in active:
                problems.append(source.diagnostic(("disable", index), unknown("rule", rule_id, active)))
            else:
                del active[rule_id]
    for alias, (source, alias_path) in alias_at.items():
        if alias in active:  # `rules show ALIAS` would find the aliased rule instead of this one
            where = active[alias].where
            message = _("alias {alias} is the id of the rule at {where}; an alias must be an id no rule has").format(
                alias=repr(alias), where=where
            )
            problems.append(source.diagnostic(alias_path, message))
    if problems:
        raise InputError(problems)
    rules = tuple(sorted(active.values(), key=lambda r: r.id))
    return Rulebook(rules, vocabulary, aliases)


def _read_pack(path: str, display: str, problems: list[Diagnostic]) -> tuple[Source, Pack] | None:
    try:
        source = load_source(path, display)
    except InputError as error:
        problems += error.diagnostics
        return None
    if not isinstance(source.data, dict):
        problems.append(
            source.diagnostic(
                (), _("expected a mapping with pack and rules, found {found}").format(found=type_name(source.data))
            )
        )
        return None
    try:
        return source, Pack.model_validate(source.data)
    except ValidationError as error:
        problems += [_conditions_explained(d) for d in pydantic_problems(source, error, _known_fields)]
        return None


def _conditions_explained(diagnostic: Diagnostic) -> Diagnostic:
    """An unknown key inside `when` is an unknown condition: list what a condition may be."""
    unknown_field = _("unknown field {value}").split("{value}")[0]
    if ".when" in diagnostic.field and diagnostic.message.startswith(unknown_field):
        key = diagnostic.field.rsplit(".", 1)[-1]
        allowed = ", ".join(["all", "any", "not", *PREDICATES])
        message = _("unknown condition {condition}; a condition is one of: {allowed}").format(
            condition=repr(key), allowed=allowed
        )
        return replace(diagnostic, message=message)
    return diagnostic


def _known_fields(loc: tuple) -> list[str]:
    if not loc:
        return list(Pack.model_fields)
    if loc[-1] == "effect":
        return list(Effect.model_fields)
    if loc[-1] in ("when", "not") or isinstance(loc[-1], int) and len(loc) > 3:
        return [f.alias or name for name, f in Condition.model_fields.items()]
    if len(loc) == 2 and loc[0] == "rules":
        return list(Rule.model_fields)
    return []


def _vocabulary_problems(source: Source, index: int, when: Condition, vocabulary: Vocabulary) -> list[Diagnostic]:
    problems = []
    for key, values in predicates(when):
        if key not in _VOCABULARY_KEYS:
            continue
        what, attribute = _VOCABULARY_KEYS[key]
        known = getattr(vocabulary, attribute)
        for value in values:
            if value not in known:
                problems.append(source.diagnostic(("rules", index, "when"), f"{key}: {unknown(what, value, known)}"))
    return problems


def scaled(amount: Decimal) -> int:
    """Rule amounts in hundredths, so sums are exact integers."""
    return int(amount * 100)
