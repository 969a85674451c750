package cn.jiebang.messaging;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboxListenerTest {

    @Test
    void aLostDatabaseIsAnOutageToRetryNotAPoisonMessage() {
        assertTrue(InboxListener.isOutage(new IllegalStateException(new SQLTransientConnectionException("pool timeout"))));
        assertTrue(InboxListener.isOutage(new RuntimeException(new SQLNonTransientConnectionException("gone"))));
        assertTrue(InboxListener.isOutage(new RuntimeException(new RuntimeException(new ConnectException("refused")))));
    }

    @Test
    void aFailingEffectIsNotAnOutage() {
        assertFalse(InboxListener.isOutage(new IllegalStateException("bug")));
        assertFalse(InboxListener.isOutage(new RuntimeException(new SQLIntegrityConstraintViolationException("dup"))));
        assertFalse(InboxListener.isOutage(new MalformedEvent("bad json")));
    }
}
