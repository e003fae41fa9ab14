"""Renderers: terminal tables (rich) and markdown. JSON and YAML come from the models."""
