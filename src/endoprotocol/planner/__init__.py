"""From decisions to a week: scheduling, exercise selection and prescription, progression."""
