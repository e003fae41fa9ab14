"""The rule language: models, loader, facts and evaluation."""
