"""Events read from the parse: triggers by lemma, roles from the dependency tree, modality from the
tree, statements with their speaker and stance, election reports. Patterns are data
(``data/lexicon/events.yaml``)."""
