package cn.jiebang.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fault harness's short form ({@link FaultHarness}; docs/reliability.md has the long form's figures): the
 * services, the broker and the database each a process of its own; three hundred bids from teams retrying with
 * their Idempotency-Key; notification-service killed (kill -9), the broker killed, the database paused for 10 s and
 * bid-service stopped (SIGTERM) in the middle of them, each brought back at once. After every fault, once the bids
 * have drained, nothing was lost or doubled: in bid-service's tables, its outbox, on bid.events, in
 * notification-service's inbox, notifications and e-mail, or on a dead-letter topic.
 */
class FaultHarnessIT {

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void losesAndDoublesNoBidWhenAServiceTheBrokerOrTheDatabaseFails() throws Exception {
        FaultHarness.Options options = FaultHarness.Options.shortForm();
        FaultHarness.Report report = FaultHarness.run(options, Platform.root(), System.out);

        assertEquals(List.of(), report.violations(), report.table());
        assertEquals(options.faults().size(), report.phases().size());
        Invariants.Check last = report.phases().get(report.phases().size() - 1).check();
        assertEquals(options.bids() + options.bids() / 5, last.counts().get("receipts"),
                "every bid and every fifth bid's revision acknowledged");
    }
}
