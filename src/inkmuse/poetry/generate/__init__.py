"""Writing poems with the embedded poet: constrained decoding, ranking, co-writing."""
