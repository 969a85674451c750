package cn.jiebang.devstack;

/**
 * {@link EmbeddedKafka} in a JVM of its own, so that the broker can be killed and restarted apart from its
 * clients: {@code --port P --controller-port C --dir D}. Ports and log directory are the caller's, so a broker
 * started again with the same options answers where it did, with the topics, records and offsets it had.
 */
public final class StandaloneKafka {

    private StandaloneKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle launcher = Standalone.launcher();
        EmbeddedKafka kafka = new EmbeddedKafka(Standalone.port(args, "--port"),
                Standalone.port(args, "--controller-port"), Standalone.directory(args, "--dir")).start();
        System.out.println("Kafka is ready at " + kafka.bootstrapServers());
        Standalone.runUntilStopped(launcher, kafka::stop);
    }
}
