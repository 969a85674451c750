-- BiddingCloser looks for published challenges whose window has ended, every second in every instance.
CREATE INDEX ix_challenge_due ON challenge (status, bid_closes_at);
