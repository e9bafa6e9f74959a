"""One error base class for the project; subclasses carry a clear message for the user."""


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input file or record that cannot be read as an article."""


class ConfigError(StorylineError):
    """A configuration value that is missing or invalid."""


class StoreError(StorylineError):
    """The store cannot be opened, or a write would leave it inconsistent."""


class StageError(StorylineError):
    """A pipeline stage cannot run (a requirement is unmet)."""
