package cn.jiebang.audit;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.time.Clock;

/**
 * Writes a state-changing request's audit entry in the transaction of its change, just before it commits, so
 * that no change commits without its entry and a rolled-back change leaves none. It runs inside every
 * {@code @Transactional} method that starts a transaction while a request audited by {@link AuditFilter} is
 * being served; controllers and use cases need not know. The first transaction of the request that commits
 * holds the entry; a read-only one writes none.
 */
@InterceptorBean(Transactional.class)
class AuditInTransaction implements MethodInterceptor<Object, Object> {

    private final TransactionOperations<Connection> transactions;
    private final AuditEntries entries;
    private final Clock clock;

    AuditInTransaction(TransactionOperations<Connection> transactions, AuditEntries entries, Clock clock) {
        this.transactions = transactions;
        this.entries = entries;
        this.clock = clock;
    }

    /** Inside the transaction interceptor, so that the transaction has begun. */
    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() + 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        ServerRequestContext.currentRequest().ifPresent(request -> RequestAudit.of(request).ifPresent(audit ->
                transactions.findTransactionStatus()
                        .filter(TransactionStatus::isNewTransaction)
                        .ifPresent(status -> status.registerSynchronization(new EntryWithChange(request, audit)))));
        return context.proceed();
    }

    private final class EntryWithChange implements TransactionSynchronization {

        private final HttpRequest<?> request;
        private final RequestAudit audit;
        private Long written;

        EntryWithChange(HttpRequest<?> request, RequestAudit audit) {
            this.request = request;
            this.audit = audit;
        }

        /** On the transaction's connection: a failure here rolls the change back with it. */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly && audit.committedEntryId().isEmpty()) {
                written = entries.save(RequestAudit.entry(request, RequestAudit.pathObjectId(request),
                        RequestAudit.COMMITTED_CHANGE, clock.instant())).id();
            }
        }

        @Override
        public void afterCompletion(Status status) {
            if (written != null && status == Status.COMMITTED) {
                audit.committed(written);
            }
        }
    }
}
