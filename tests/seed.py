"""Access to the seed record of ``examples/ukraine_russia_2025.py`` for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from negotiation_records import Negotiation


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def load_example(name: str) -> ModuleType:
    """Import ``examples/NAME.py`` as a module (examples are scripts, not a package)."""
    path = EXAMPLES / f"{name}.py"
    module_name = f"_example_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def seed_record() -> Negotiation:
    """The 2025 Russia–Ukraine record."""
    record = load_example("ukraine_russia_2025").build_record()
    assert isinstance(record, Negotiation)
    return record
