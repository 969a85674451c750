-- The organization of each judge of a round's panel, in the panel's order: carried in round.opened.v1 so
-- bid-service keeps judges off their own organizations' bids without waiting for their accounts.
ALTER TABLE challenge_round ADD COLUMN judge_organization_ids JSON NULL;
UPDATE challenge_round SET judge_organization_ids = '[]';
ALTER TABLE challenge_round MODIFY judge_organization_ids JSON NOT NULL;
