"""storyline: news pages from many outlets into stories with reconciled, sourced facts."""

__version__ = "0.1.0"
