-- A send is recorded before it starts (status SENDING, with the time it started) and after it ends (SENT,
-- or another attempt), each in its own committed transaction, so a crash leaves at most the message then in
-- flight SENDING. uncertain_sends counts how often a delivery was found left SENDING (possibly sent).
ALTER TABLE delivery
    ADD COLUMN last_attempt_at DATETIME(6) NULL AFTER attempts,
    ADD COLUMN uncertain_sends INT NOT NULL DEFAULT 0 AFTER last_attempt_at;
