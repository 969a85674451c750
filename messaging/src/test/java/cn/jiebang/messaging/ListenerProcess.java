package cn.jiebang.messaging;

import io.micronaut.context.ApplicationContext;

/** A service instance of the messaging beans alone, configured by system properties: for a test to kill. */
public final class ListenerProcess {

    private ListenerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ApplicationContext.run();
        Thread.currentThread().join();
    }
}
