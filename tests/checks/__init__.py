"""Tests of docgen.checks (a package, so that module names like test_rules stay unique across areas)."""
