-- Organizations that won a challenge on the platform (from challenge.awarded.v1): a challenge may exclude them.
ALTER TABLE known_organization ADD COLUMN past_winner BOOLEAN NOT NULL DEFAULT FALSE;
