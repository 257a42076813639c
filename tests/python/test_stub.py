"""The type stub (python/attache/__init__.pyi) lists every public name and method of the module."""
import ast
import pathlib

import attache

STUB = pathlib.Path(attache.__file__).with_name("__init__.pyi")


def test_stub_covers_the_module():
    tree = ast.parse(STUB.read_text())
    declared = {node.name: node for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    assert set(attache.__all__) <= set(declared)
    for name, node in declared.items():
        if not isinstance(node, ast.ClassDef) or issubclass(getattr(attache, name), BaseException):
            continue
        members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        members |= {n.target.id for n in node.body if isinstance(n, ast.AnnAssign)}
        public = {m for m in dir(getattr(attache, name)) if not m.startswith("_")}
        assert public <= members, f"{name}: {public - members} not in the stub"
        assert getattr(attache, name).__doc__
