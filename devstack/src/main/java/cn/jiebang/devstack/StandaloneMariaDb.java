package cn.jiebang.devstack;

/**
 * {@link EmbeddedMariaDb} in a JVM of its own: {@code --port P --dir D}. The server itself (mariadbd) is a child
 * process of this JVM; stopping the JVM stops it. Started again with the same options, it answers on the same
 * port with the databases it had.
 */
public final class StandaloneMariaDb {

    private StandaloneMariaDb() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle launcher = Standalone.launcher();
        EmbeddedMariaDb mariaDb = new EmbeddedMariaDb(Standalone.port(args, "--port"), Standalone.directory(args, "--dir"));
        System.out.println("MariaDB is ready at " + mariaDb.server().url());
        Standalone.runUntilStopped(launcher, mariaDb::close);
    }
}
