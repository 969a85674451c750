-- The organization of each panel judge, from round.opened.v1, in the panel's order.
ALTER TABLE race_round ADD COLUMN judge_organization_ids JSON NULL;
