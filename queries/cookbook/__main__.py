"""``python -m queries.cookbook``: print the recipes' sections of docs/cypher-cookbook.md."""

from queries.cookbook import recipes

print("\n".join(r.markdown() for r in recipes()))
